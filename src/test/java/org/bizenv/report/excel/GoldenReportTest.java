package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.report.GoldenFiles;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.ReportFixtures;
import org.bizenv.report.RobustnessMapper;
import org.bizenv.report.RobustnessSection;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.Scenario;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.robustness.Synthetic;
import org.bizenv.robustness.UncertaintyOptions;
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
        Synthetic synthetic = Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38));
        var build = synthetic.build();
        RobustnessRequest req = RobustnessRequest.defaults("INDEX")
                .withScenarios(List.of(Scenario.weights("d1-heavy", new Names("维度一优先", "Dimension 1 first"),
                        Map.of("D1", 3.0))))
                .withUncertainty(UncertaintyOptions.defaults().withRuns(300).withThreads(2).withSeed(7))
                .withSensitivity(null, SobolIndices.Options.defaults().withBaseSamples(64).withBootstrap(50)
                        .withThreads(2).withSeed(7))
                .withReversals(List.of("INDEX"), Norm.L1);
        var result = RobustnessAnalysis.run(build, synthetic.data(), req, org.bizenv.robustness.Progress.NONE);
        Report plain = ReportAssembler.assemble(build, null, new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z",
                "test", "synthetic.yaml", null, List.of(), Map.of(), List.of()));
        Report report = RobustnessMapper.attach(plain, result, new RobustnessSection.Settings(7, 300, "uniform:0.25",
                64, 0.25, "L1", List.of("scenarios.yaml")));
        check(Map.of("robustness.xlsx", report));
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
