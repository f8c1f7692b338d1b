package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bizenv.city.CityRegistry;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.TestFiles;
import org.bizenv.ingest.TextEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's survey file (35,800 rows) as Excel on Chinese Windows and other tools save it reads as in UTF-8. */
class SurveyEncodingsTest {

    @TempDir
    Path data;

    private final CityRegistry registry = CityRegistryReader.read(Path.of("indicators"), "cities-36.csv").value();

    /** Every row as read, values and all, and then every problem. */
    private List<String> read(String file, TextEncoding stated, TextEncoding expected) {
        List<String> out = new ArrayList<>();
        try (SurveyCsvReader reader = new SurveyCsvReader(data, file, List.of(), stated, registry)) {
            assertThat(reader.encoding()).isEqualTo(expected);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                out.add(r.line() + "|" + r.respondentId() + "|" + r.cityText() + "|" + r.size() + "|" + r.industry()
                        + "|" + Arrays.toString(r.answers()) + "|" + Arrays.toString(r.answerTexts()));
            }
            reader.problems().forEach(p -> out.add(p.toString().replace(file, "survey.csv")));
        }
        return out;
    }

    @Test
    void theSampleSurveyReadsToTheSameRowsInGb18030GbkAndUtf16() throws IOException {
        String text = Files.readString(Path.of("sample-data/2024/survey.csv"));
        TestFiles.bytes(data.resolve("survey.csv"), text.getBytes(StandardCharsets.UTF_8));
        List<String> utf8 = read("survey.csv", null, TextEncoding.UTF_8);
        assertThat(utf8).hasSizeGreaterThan(35_000);
        assertThat(utf8.get(1)).isEqualTo("3|R2024-00002|宁波|micro|建筑业|[4, 5, 4, 4, 4, 2, 3, 3, 3, 3, 3, 2, 3, 3,"
                + " 4, 5, 4, 2, 2, 3]|null");

        byte[] gb18030 = text.getBytes(Charset.forName("GB18030"));
        assertThat(new String(gb18030, Charset.forName("GB18030"))).isEqualTo(text);    // nothing lost on the way
        TestFiles.bytes(data.resolve("gb18030.csv"), gb18030);
        assertThat(read("gb18030.csv", null, TextEncoding.GB18030)).isEqualTo(utf8);
        TestFiles.bytes(data.resolve("le.csv"), bom(0xFF, 0xFE, text.getBytes(StandardCharsets.UTF_16LE)));
        assertThat(read("le.csv", null, TextEncoding.UTF_16LE)).isEqualTo(utf8);
        TestFiles.bytes(data.resolve("be.csv"), bom(0xFE, 0xFF, text.getBytes(StandardCharsets.UTF_16BE)));
        assertThat(read("be.csv", null, TextEncoding.UTF_16BE)).isEqualTo(utf8);
        assertThat(read("gb18030.csv", TextEncoding.GB18030, TextEncoding.GB18030)).isEqualTo(utf8);
    }

    @Test
    void theSampleSurveyReadsToTheSameRowsInGbk() throws IOException {
        // GBK has no Ü (Excel would save '?'): the 34 rows typing Ürümqi say 乌鲁木齐 here, in both files
        String text = Files.readString(Path.of("sample-data/2024/survey.csv")).replace("Ürümqi", "乌鲁木齐");
        TestFiles.bytes(data.resolve("survey.csv"), text.getBytes(StandardCharsets.UTF_8));
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        assertThat(new String(gbk, Charset.forName("GBK"))).isEqualTo(text);
        TestFiles.bytes(data.resolve("gbk.csv"), gbk);

        List<String> utf8 = read("survey.csv", null, TextEncoding.UTF_8);
        assertThat(read("gbk.csv", null, TextEncoding.GB18030)).isEqualTo(utf8);
        assertThat(read("gbk.csv", TextEncoding.GBK, TextEncoding.GBK)).isEqualTo(utf8);
    }

    private static byte[] bom(int b0, int b1, byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        out.write(b1);
        out.writeBytes(text);
        return out.toByteArray();
    }
}
