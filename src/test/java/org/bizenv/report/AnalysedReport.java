package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.Scenario;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.robustness.Synthetic;
import org.bizenv.robustness.UncertaintyOptions;
import org.bizenv.scoring.Build;

/**
 * A report with every robustness section, from 36 synthetic units analysed with small, seeded settings (300
 * uncertainty runs, 64 Sobol base samples, one weights scenario, L1 reversal margins): the fixture the robustness
 * report's tests and its golden workbook share, with the build and the analysis it came from.
 */
public record AnalysedReport(Build build, RobustnessResult result, Report report) {

    /** Builds the synthetic data under {@code dir}, scores it, analyses it and attaches the analysis to the report. */
    public static AnalysedReport of36Units(Path dir) throws IOException {
        Synthetic synthetic = Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38));
        Build build = synthetic.build();
        RobustnessRequest req = RobustnessRequest.defaults("INDEX")
                .withScenarios(List.of(Scenario.weights("d1-heavy", new Names("维度一优先", "Dimension 1 first"),
                        Map.of("D1", 3.0))))
                .withUncertainty(UncertaintyOptions.defaults().withRuns(300).withThreads(2).withSeed(7))
                .withSensitivity(null, SobolIndices.Options.defaults().withBaseSamples(64).withBootstrap(50)
                        .withThreads(2).withSeed(7))
                .withReversals(List.of("INDEX"), Norm.L1);
        RobustnessResult result = RobustnessAnalysis.run(build, synthetic.data(), req, Progress.NONE);
        Report plain = ReportAssembler.assemble(build, null, new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z",
                "test", "synthetic.yaml", null, List.of(), Map.of(), List.of()));
        Report report = RobustnessMapper.attach(plain, result, new RobustnessSection.Settings(7, 300, "uniform:0.25",
                64, 0.25, "L1", List.of("scenarios.yaml")));
        return new AnalysedReport(build, result, report);
    }
}
