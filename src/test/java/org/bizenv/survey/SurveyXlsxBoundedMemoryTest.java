package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200,000-row survey workbook is read in memory that does not grow with its rows. The file is written in the test
 * (POI's streaming writer, SXSSF: inline strings, as it writes them) and read in a child JVM of 48 MB heap (serial
 * collector, so "in use after a full collection" is exact): the read must finish there, give every row and the exact
 * sum of the first answers, and hold no more after the last row than after the 20,000th. Holding the rows (as a
 * {@code Table} or POI's usermodel does, some hundreds of bytes a cell) would need hundreds of megabytes, or grow by
 * tens between the two points. The limits are on memory, not on time.
 */
class SurveyXlsxBoundedMemoryTest {

    private static final int ROWS = 200_000;
    private static final int EARLY = 20_000;
    private static final long MAX_GROWTH = 2L << 20;    // 2 MB: the 180,000 rows between at 50 bytes each are 9 MB

    @TempDir
    Path tmp;

    @Test
    void aTwoHundredThousandRowSurveyIsReadInBoundedMemory() throws IOException, InterruptedException {
        long sum = write(tmp.resolve("survey.xlsx"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = tmp.resolve("probe.txt");
        Process p = new ProcessBuilder(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), SurveyXlsxMemoryProbe.class.getName(), tmp.toString(),
                "survey.xlsx", String.valueOf(EARLY))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.waitFor(5, TimeUnit.MINUTES);                                   // a hung child fails below, not by time
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.isAlive()).as(printed).isFalse();
        assertThat(p.exitValue()).as(printed).isZero();
        Matcher m = Pattern.compile("rows=(\\d+) sum=(\\d+) early=(\\d+) late=(\\d+)").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        assertThat(printed).doesNotContain("problems:");
        assertThat(Long.parseLong(m.group(1))).isEqualTo(ROWS);
        assertThat(Long.parseLong(m.group(2))).isEqualTo(sum);
        long early = Long.parseLong(m.group(3));
        long late = Long.parseLong(m.group(4));
        assertThat(late - early).as("heap in use after row %d: %d bytes, after row %d: %d bytes", EARLY, early, ROWS,
                late).isLessThan(MAX_GROWTH);
    }

    /** Writes the survey (a seeded random sample) and gives the sum of its first answers. */
    private static long write(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(20240301);
        String[] cities = {"武汉", "西安", "Wuhan", "成都"};
        String[] sizes = {"micro", "small", "medium"};
        String[] industries = {"IT", "Wholesale and retail", "Manufacturing"};
        List<String> header = List.of("RespondentId", "City", "Size", "Industry", "Q01", "Q02", "Q03", "Q04");
        long sum = 0;
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (OutputStream os = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Answers");
            Row h = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(String.format("R%07d", r));
                row.createCell(1).setCellValue(cities[random.nextInt(cities.length)]);
                row.createCell(2).setCellValue(sizes[random.nextInt(sizes.length)]);
                row.createCell(3).setCellValue(industries[random.nextInt(industries.length)]);
                for (int q = 0; q < 4; q++) {
                    int answer = 1 + random.nextInt(5);
                    row.createCell(4 + q).setCellValue(answer);
                    if (q == 0) {
                        sum += answer;
                    }
                }
            }
            wb.write(os);
        } finally {
            wb.close();
            wb.dispose();
        }
        return sum;
    }
}
