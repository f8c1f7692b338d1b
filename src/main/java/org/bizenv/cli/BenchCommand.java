package org.bizenv.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.bizenv.BizenvApplication;
import org.bizenv.bench.SyntheticSet;
import org.bizenv.evaluation.EvaluationRequest;
import org.bizenv.evaluation.EvaluationRunner;
import org.bizenv.report.EngineVersion;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.json.JsonReportWriter;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.Scorer;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bizenv bench}: wall time of the whole yearly job on the bundled sample, and of the scoring core on a scaled
 * synthetic set. Prints medians over repetitions after warm-up, and the machine it ran on. A measurement, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = "Benchmarks the sample job end to end and the scoring core on a synthetic set "
                + "(default 3,000 units × 200 indicators); prints medians and the machine.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--units", defaultValue = "3000", description = "Synthetic units (default: ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--indicators", defaultValue = "200",
            description = "Synthetic indicators, a multiple of 20: 10 dimensions × 4 sub-dimensions × n (default: ${DEFAULT-VALUE})")
    int indicators;

    @Option(names = "--repeat", defaultValue = "5", description = "Measured repetitions (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--job-repeat", defaultValue = "3",
            description = "Measured runs of the sample job, 0 to skip it (default: ${DEFAULT-VALUE})")
    int jobRepeat;

    @Option(names = "--framework", defaultValue = "indicators/miit-sme-2024.yaml", description = "Sample framework")
    Path framework;

    @Option(names = "--data", defaultValue = "sample-data/2024", description = "Sample data folder")
    Path data;

    @Option(names = "--previous-data", defaultValue = "sample-data/2023", description = "Sample previous year")
    Path previous;

    @Override
    public Integer call() throws Exception {
        System.out.println("machine: " + Machine.describe());
        Path tmp = Files.createTempDirectory("bizenv-bench");
        try {
            if (jobRepeat > 0) {
                benchJob(tmp);
            }
            benchCore(tmp);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        }
        return BizenvCommand.OK;
    }

    private void benchJob(Path tmp) throws Exception {
        try (ConfigurableApplicationContext ctx = BizenvApplication.context(tmp.resolve("repository"))) {
            EvaluationRunner runner = ctx.getBean(EvaluationRunner.class);
            double[] ms = new double[jobRepeat];
            for (int r = -1; r < jobRepeat; r++) {                  // r = -1: warm-up
                long t = System.nanoTime();
                var o = runner.run(new EvaluationRequest(framework, data, 2024, tmp.resolve("out" + r), previous,
                        "2025-01-01T00:00:00Z"));
                if (!o.succeeded()) {
                    throw new IllegalStateException("the sample job failed: " + o.failures());
                }
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
            }
            System.out.printf("sample job (36 cities, 38 indicators, 2 years, ~70,000 survey rows, Excel + JSON), "
                    + "in-process after warm-up: median %.0f ms over %d runs%n", median(ms), jobRepeat);
        }
    }

    private void benchCore(Path tmp) throws Exception {
        if (indicators % 40 != 0 && indicators % 20 != 0) {
            throw new IllegalArgumentException("--indicators must be a multiple of 20");
        }
        var set = SyntheticSet.create(tmp.resolve("synthetic"), units, 10, 4, indicators / 40 == 0 ? 1
                : indicators / 40, 42);
        int m = set.framework().indicators().size();
        double[] score = new double[repeat];
        double[] assemble = new double[repeat];
        double[] json = new double[repeat];
        Build b = null;
        for (int r = -2; r < repeat; r++) {                          // two warm-up rounds
            long t0 = System.nanoTime();
            b = Scorer.score(set.framework(), set.data());
            long t1 = System.nanoTime();
            Report rep = ReportAssembler.assemble(b, null, new ReportAssembler.Context(2024,
                    "2025-01-01T00:00:00Z", EngineVersion.get(), "synthetic.yaml", "-", java.util.List.of(),
                    java.util.Map.of(), java.util.List.of()));
            long t2 = System.nanoTime();
            new JsonReportWriter().toJson(rep);
            long t3 = System.nanoTime();
            if (r >= 0) {
                score[r] = (t1 - t0) / 1e6;
                assemble[r] = (t2 - t1) / 1e6;
                json[r] = (t3 - t2) / 1e6;
            }
        }
        System.out.printf("scoring core, %d units × %d indicators (denominate, impute, treat, normalise, weigh incl. "
                + "entropy, aggregate, rank): median %.0f ms over %d runs%n", units, m, median(score), repeat);
        System.out.printf("report assembly incl. coherence (%d×%d correlations): median %.0f ms; JSON rendering: "
                + "median %.0f ms%n", m, m, median(assemble), median(json));
        System.out.println("index score of unit 0 (a check that work was done): " + b.indexScores()[0]);
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
