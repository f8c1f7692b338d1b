package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;
import org.bizenv.city.UnitResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files as they arrive: GB18030/GBK from Excel on Chinese Windows, UTF-16 from other tools, Latin-1 by mistake. */
class CsvEncodingTest {

    private static final List<FieldRequest> FIELDS =
            List.of(new FieldRequest("S01", 0, 100_000), new FieldRequest("S02", 0, 100));
    private static final String SAVE = "save the file as \"CSV UTF-8\"";

    @TempDir
    Path data;

    private final CityRegistry registry = CityRegistryReader.read(Path.of("indicators"), "cities-36.csv").value();

    /** A unit table of the 36 cities, header and names in Chinese, as a statistics bureau's export looks. */
    private String unitTable() {
        StringBuilder t = new StringBuilder("City 城市,S01 常住人口（万人）,S02 城镇化率（%）,备注\r\n");
        int i = 0;
        for (City c : registry.cities()) {
            i++;
            t.append(c.nameZh()).append(i % 3 == 0 ? "市" : "").append(',').append(100 + i * 37.5).append(',')
                    .append(40 + i).append(",\"注：“").append(c.nameZh()).append("”，2024年\"\r\n");
        }
        return t.toString();
    }

    private static byte[] encode(String text, String encoding) {
        return switch (encoding) {
            case "UTF-16LE-BOM" -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
            case "UTF-16BE-BOM" -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
            default -> {
                byte[] b = text.getBytes(Charset.forName(encoding));
                assertThat(new String(b, Charset.forName(encoding))).isEqualTo(text);   // nothing lost on the way
                yield b;
            }
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private ReadResult<SourceValues> read(String file, TextEncoding stated) {
        return new UnitTableReader(registry, data, stated).read("statistics", file, null, "City", FIELDS);
    }

    @Test
    void aUnitTableReadsToTheSameValuesInEveryEncodingItArrivesIn() {
        TestFiles.bytes(data.resolve("utf8.csv"), unitTable().getBytes(StandardCharsets.UTF_8));
        ReadResult<SourceValues> utf8 = read("utf8.csv", null);
        assertThat(utf8.problems()).isEmpty();
        assertThat(utf8.value().units()).hasSize(36);
        assertThat(utf8.value().row("wuhan")).containsExactly(100 + 21 * 37.5, 61);

        List<String> encodings = List.of("GB18030", "GBK", "UTF-16LE-BOM", "UTF-16BE-BOM", "UTF-16LE", "UTF-16BE");
        List<String> readIn = new ArrayList<>();
        for (String e : encodings) {
            String file = e.toLowerCase() + ".csv";
            TestFiles.bytes(data.resolve(file), encode(unitTable(), e));
            ReadResult<SourceValues> r = read(file, null);
            assertThat(r.problems()).as(e).isEmpty();
            assertThat(r.value().units()).as(e).isEqualTo(utf8.value().units());
            for (String u : utf8.value().units()) {
                assertThat(r.value().row(u)).as(e + " " + u).containsExactly(utf8.value().row(u));
                assertThat(r.value().where(u, "S02")).isEqualTo(
                        Location.ofCell(file, null, utf8.value().where(u, "S02").row(), 3));
            }
            readIn.add(CsvEncoding.readIn(data.resolve(file), null).shown());
        }
        // GBK is read as GB18030, which contains it; UTF-16 without a byte-order mark is told by its zero bytes
        assertThat(readIn).containsExactly("GB18030", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-16LE", "UTF-16BE");
        assertThat(CsvEncoding.readIn(data.resolve("utf8.csv"), null)).isEqualTo(TextEncoding.UTF_8);
    }

    @Test
    void theCityRegistryItselfIsReadInGb18030Too() {
        TestFiles.bytes(data.resolve("cities.csv"), encode(String.join("\n", List.of(
                "code,name_zh,name_en,type,region,aliases",
                "wuhan,武汉,Wuhan,provincial-capital,central,武汉市",
                "xian,西安,Xi'an,provincial-capital,west,西安市|Xian")) + "\n", "GB18030"));
        ReadResult<CityRegistry> r = CityRegistryReader.read(data, "cities.csv");
        assertThat(r.problems()).isEmpty();
        assertThat(r.value().resolve("西安市").unit().code()).isEqualTo("xian");
    }

    @Test
    void aLatin1FileWhoseHeaderReadsAsChineseLookingNonsenseInGb18030IsAnErrorNotAGuess() {
        // "Région" in Latin-1 is R E9 67 i o n; E9 67 is a GBK character, so the whole file decodes as GB18030
        byte[] latin1 = "Région;S01;S02\nÎle-de-France;12;3\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CsvEncoding.firstError(latin1, true, TextEncoding.GB18030)).isEqualTo(-1);
        TestFiles.bytes(data.resolve("regions.csv"), latin1);

        ReadResult<SourceValues> r = new UnitTableReader(UnitResolver.identity("region"), data)
                .read("regions", "regions.csv", null, "Région", FIELDS);

        assertThat(r.value().units()).isEmpty();
        assertThat(TestFiles.lines(r.problems())).containsExactly("regions.csv: not valid UTF-8 text (row 1, byte 1),"
                + " and read as GB18030 none of its first 10 rows has a column 'Région' (its first row reads"
                + " 'R間ion,S01,S02'); tried UTF-8 and GB18030: " + SAVE + " (or, if it is GB18030 text, state"
                + " 'encoding: gb18030' on its source)");
    }

    @Test
    void aLatin1FileWithAMatchingHeaderIsAnErrorWhenItsNamesAreNotUnits() {
        byte[] latin1 = "City,S01,S02\nWuhan,1,2\nÜrümqi,3,4\nXi'an,5,6\nKöln,7,8\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        TestFiles.bytes(data.resolve("registry.csv"), latin1);
        TestFiles.bytes(data.resolve("identity.csv"), latin1);

        ReadResult<SourceValues> known = read("registry.csv", null);
        ReadResult<SourceValues> any = new UnitTableReader(UnitResolver.identity("unit"), data)
                .read("statistics", "identity.csv", null, "City", FIELDS);

        String tail = "; tried UTF-8 and GB18030: " + SAVE + " (or, if it is GB18030 text, state 'encoding: gb18030' on"
                + " its source)";
        assertThat(TestFiles.lines(known.problems())).contains("registry.csv: not valid UTF-8 text (row 3, byte 23), and"
                + " read as GB18030 2 of the 4 city names in its first rows are not in the registry (row 3: '躵黰qi')" + tail);
        assertThat(TestFiles.lines(any.problems())).containsExactly("identity.csv: not valid UTF-8 text (row 3, byte"
                + " 23), and read as GB18030 its name '躵黰qi' (row 3) is not Chinese text as GB18030 files hold it"
                + " (characters outside GB2312)" + tail);
    }

    @Test
    void aFileThatIsTextInNoEncodingTriedNamesTheRowAndByteOfEach() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("City,S01,S02\n武汉,1,2\n".getBytes(Charset.forName("GB18030")));
        b.writeBytes(new byte[] {'X', (byte) 0xFF, ',', '1', ',', '2', '\n'});
        TestFiles.bytes(data.resolve("broken.csv"), b.toByteArray());

        ReadResult<SourceValues> r = read("broken.csv", null);

        assertThat(TestFiles.lines(r.problems())).containsExactly("broken.csv: not valid text in UTF-8 (row 2, byte 13)"
                + " nor in GB18030 (row 3, byte 23), the encodings tried: " + SAVE);
    }

    @Test
    void aByteBeyondTheFirstBytesThatIsNotTextInTheEncodingChosenStopsTheFileAtItsRow() {
        StringBuilder t = new StringBuilder("City,S01,S02\n");
        for (int i = 0; i < 6000; i++) {
            t.append("武汉,").append(i).append(",2\n");     // 70,906 bytes in GB18030: past the first 64 KiB
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(t.toString().getBytes(Charset.forName("GB18030")));
        int offset = b.size() + 3;
        b.writeBytes(new byte[] {'X', 'i', ',', (byte) 0xFF, '\n'});
        TestFiles.bytes(data.resolve("long.csv"), b.toByteArray());

        ReadResult<SourceValues> r = read("long.csv", null);

        assertThat(TestFiles.lines(r.problems())).containsExactly("long.csv: not valid GB18030 text (row 6002, byte "
                + offset + "), the encoding of its first 64 KiB: " + SAVE);
    }

    @Test
    void anEncodingStatedOnTheSourceOverridesDetection() {
        byte[] gbk = unitTable().getBytes(Charset.forName("GBK"));
        TestFiles.bytes(data.resolve("gbk.csv"), gbk);
        TestFiles.bytes(data.resolve("utf8.csv"), unitTable().getBytes(StandardCharsets.UTF_8));
        TestFiles.bytes(data.resolve("bom.csv"), encode(unitTable(), "UTF-16LE-BOM"));

        assertThat(read("gbk.csv", TextEncoding.GBK).problems()).isEmpty();
        assertThat(CsvEncoding.readIn(data.resolve("gbk.csv"), TextEncoding.GBK)).isEqualTo(TextEncoding.GBK);
        // UTF-8 bytes read as GB18030 because the source says so: its header's Chinese is not GB18030 text
        assertThat(TestFiles.lines(read("utf8.csv", TextEncoding.GB18030).problems())).containsExactly(
                "utf8.csv: not valid GB18030 text (row 1, byte 59), the encoding its source states: " + SAVE);
        assertThat(TestFiles.lines(read("bom.csv", TextEncoding.GB18030).problems())).containsExactly(
                "bom.csv: starts with the byte-order mark of UTF-16LE, but its source says 'encoding: gb18030': state"
                        + " 'encoding: utf-16le' or leave the encoding out");
        assertThat(read("bom.csv", TextEncoding.UTF_16).problems()).isEmpty();
        assertThat(CsvEncoding.readIn(data.resolve("bom.csv"), TextEncoding.UTF_16)).isEqualTo(TextEncoding.UTF_16LE);
    }

    @Test
    void aStatedEncodingTheBytesAreNotInIsReportedAtItsRow() {
        TestFiles.bytes(data.resolve("gb.csv"), unitTable().getBytes(Charset.forName("GB18030")));

        ReadResult<SourceValues> r = read("gb.csv", TextEncoding.UTF_8);

        assertThat(TestFiles.lines(r.problems())).containsExactly("gb.csv: not valid UTF-8 text (row 1, byte 5), the"
                + " encoding its source states: " + SAVE);
    }
}
