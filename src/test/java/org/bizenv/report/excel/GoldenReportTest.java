package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.bizenv.framework.Names;
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
    private static final int CONTEXT = 60;

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
        boolean regenerate = Boolean.getBoolean(REGENERATE);
        List<String> failures = new ArrayList<>();
        for (var e : cases.entrySet()) {
            var out = new ByteArrayOutputStream();
            new ExcelReportWriter().write(e.getValue(), out);
            byte[] written = out.toByteArray();
            if (regenerate) {
                Files.createDirectories(SOURCE);
                Files.write(SOURCE.resolve(e.getKey()), written);
                continue;
            }
            String difference = difference(golden(e.getKey()), written);
            if (difference != null) {
                failures.add(e.getKey() + ": " + difference);
            }
        }
        if (regenerate) {
            throw new AssertionError("rewrote " + cases.size() + " golden file(s) in " + SOURCE.toAbsolutePath()
                    + " from the current writer; review them (git diff --stat), then run without -D" + REGENERATE);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + cases.size() + " Excel reports are not their golden"
                    + " files (if the workbook changed on purpose, see golden/README.md):\n"
                    + String.join("\n", failures));
        }
    }

    private static byte[] golden(String name) throws IOException {
        try (var in = GoldenReportTest.class.getResourceAsStream("golden/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** Why {@code written} is not {@code golden}, or null when it is, byte for byte. */
    private static String difference(byte[] golden, byte[] written) throws IOException {
        if (golden == null) {
            return "no golden file (write it with -D" + REGENERATE + "=true, see golden/README.md)";
        }
        if (Arrays.equals(golden, written)) {
            return null;
        }
        var expected = parts(golden);
        var actual = parts(written);
        if (!List.copyOf(actual.keySet()).equals(List.copyOf(expected.keySet()))) {
            return "the parts differ: golden " + expected.keySet() + ", written " + actual.keySet();
        }
        for (var e : expected.entrySet()) {
            byte[] g = e.getValue();
            byte[] w = actual.get(e.getKey());
            int at = Arrays.mismatch(g, w);
            if (at >= 0) {
                int line = 1;
                for (int i = 0; i < at; i++) {
                    line += g[i] == '\n' ? 1 : 0;
                }
                return "part " + e.getKey() + " differs at offset " + at + " (line " + line + ", golden " + g.length
                        + " bytes, written " + w.length + ")\n  golden:  …" + around(g, at) + "…\n  written: …"
                        + around(w, at) + "…";
            }
        }
        return "the parts are the same but the zip around them is not, from offset "
                + Arrays.mismatch(golden, written) + " (entry order, times, flags or compression)";
    }

    private static String around(byte[] b, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(b.length, at + CONTEXT);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }
}
