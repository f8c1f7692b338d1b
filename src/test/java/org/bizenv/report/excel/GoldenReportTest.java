package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.report.AnalysedReport;
import org.bizenv.report.GoldenFiles;
import org.bizenv.report.Report;
import org.bizenv.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel report is, byte for byte, the golden file of its case in
 * {@code src/test/resources/org/bizenv/report/excel/golden/} (how they were made and when to rewrite them: the
 * README there). A failure names the part, the offset and line of the first differing byte and the text around it.
 * With {@code -Dbizenv.excel.regenerate=true} the golden files are rewritten from the current writer instead, and
 * the test fails to say so: a run that rewrites its own expectations has checked nothing.
 */
class GoldenReportTest {

    static final String REGENERATE = "bizenv.excel.regenerate";
    private static final Path SOURCE = Path.of("src/test/resources/org/bizenv/report/excel/golden");
    private static final GoldenFiles FILES = new GoldenFiles(GoldenReportTest.class, "Excel reports", REGENERATE);

    @TempDir
    Path dir;

    @Test
    void theFixturesReportsAreTheGoldenBytes() throws IOException {
        Map<String, Report> cases = new LinkedHashMap<>();
        cases.put("sample.xlsx", ReportFixtures.sample());
        cases.put("formula-like.xlsx", ReportFixtures.formulaLike());
        cases.put("top-ten-skipped.xlsx", ReportFixtures.topTenWithSkippedData());
        cases.put("first-edition.xlsx", ReportFixtures.firstEdition());
        check(cases);
    }

    /** 36 synthetic units with every robustness sheet, the Sensitivity sheet's interval chart among them. */
    @Test
    void aReportWithItsRobustnessSheetsIsTheGoldenBytes() throws IOException {
        check(Map.of("robustness.xlsx", AnalysedReport.of36Units(dir).report()));
    }

    @Test
    void everyGoldenFileIsACaseOfThisTest() throws IOException {
        // a golden file no case reads would go stale unnoticed
        try (var files = Files.list(SOURCE)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xlsx")).sorted())
                    .containsExactly("first-edition.xlsx", "formula-like.xlsx", "robustness.xlsx", "sample.xlsx",
                            "top-ten-skipped.xlsx");
        }
    }

    private static void check(Map<String, Report> cases) throws IOException {
        Map<String, byte[]> written = new LinkedHashMap<>();
        for (var e : cases.entrySet()) {
            var out = new ByteArrayOutputStream();
            new ExcelReportWriter().write(e.getValue(), out);
            written.put(e.getKey(), out.toByteArray());
        }
        FILES.check(written);
    }
}
