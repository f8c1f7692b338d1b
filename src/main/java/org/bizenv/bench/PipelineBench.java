package org.bizenv.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.evaluation.Validation;
import org.bizenv.framework.Framework;
import org.bizenv.robustness.CompiledIndex;
import org.bizenv.robustness.Percentiles;
import org.bizenv.robustness.PipelineAnalysis;
import org.bizenv.robustness.PipelineIndex;
import org.bizenv.robustness.PipelineInput;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.Uncertainty;
import org.bizenv.robustness.UncertaintyOptions;
import org.bizenv.scenario.UncertaintyLoader;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;

/**
 * Whole-pipeline uncertainty runs on COINr's ASEM example (51 countries, 49 indicators), timed per run beside the
 * 80 ms a run COINr's documentation reports for the same example, and re-aggregation-only runs beside today's weight
 * Monte Carlo. Single-threaded, medians over repetitions after warm-up. A measurement, not a test.
 */
public final class PipelineBench {

    /** COINr's reported cost of one uncertainty-analysis run on the ASEM example (issue #11). */
    public static final double COINR_MS_PER_RUN = 80;

    private PipelineBench() {
    }

    /** Prints the figures; {@code runs} per repetition, {@code repeat} repetitions after 3 warm-ups. */
    public static void run(Path framework, Path data, Path uncertainty, int runs, int repeat, PrintStream out) {
        Validation.Inspection in = Validation.inspect(framework, data, null, List.of());
        if (!in.result().passed() || in.scoringFailure() != null) {
            throw new IllegalStateException("the ASEM example does not score: " + in.result().problems());
        }
        Framework fw = in.framework();
        RawData raw = in.thisYear();
        Build build = Scorer.score(fw, raw);
        List<PipelineInput> inputs = UncertaintyLoader.load(uncertainty, fw).inputs();
        // today's default weight noise, as pipeline inputs: every weight at every level × (1 ± 0.25)
        List<PipelineInput> reaggregation = new java.util.ArrayList<>();
        for (var n : fw.nodes()) {
            if (n.parent() != null) {
                reaggregation.add(new PipelineInput.WeightFactor("w:" + n.code(), n.name(), n.code(), 0.25));
            }
        }
        for (var i : fw.indicators()) {
            reaggregation.add(new PipelineInput.WeightFactor("w:" + i.code(), i.name(), i.code(), 0.25));
        }

        long t0 = System.nanoTime();
        PipelineIndex cached = PipelineIndex.of(build, raw, inputs);
        double prepareMs = (System.nanoTime() - t0) / 1e6;
        PipelineIndex uncached = PipelineIndex.of(build, raw, inputs, false);
        PipelineIndex reagg = PipelineIndex.of(build, raw, reaggregation);
        CompiledIndex ci = CompiledIndex.of(build);

        out.printf("whole-pipeline uncertainty, COINr's ASEM example (%d units × %d indicators, %s: %d inputs), "
                + "1 thread, median of %d × %,d runs:%n", build.unitCount(), fw.indicators().size(),
                uncertainty.getFileName(), inputs.size(), repeat, runs);
        out.printf("  preparing: %.1f ms (nominal check, %,d alternative indicator rows computed once)%n", prepareMs,
                cached.cachedRows());
        double[] c = perRun(() -> PipelineAnalysis.runs(cached, runs, 1, 1, Progress.NONE), runs, repeat);
        double[] u = perRun(() -> PipelineAnalysis.runs(uncached, runs, 1, 1, Progress.NONE), runs, repeat);
        double[] r = perRun(() -> PipelineAnalysis.runs(reagg, runs, 1, 1, Progress.NONE), runs, repeat);
        UncertaintyOptions today = UncertaintyOptions.defaults().withRuns(runs).withThreads(1);
        double[] w = perRun(() -> Uncertainty.run(ci, today), runs, repeat);
        out.printf("  whole pipeline, alternative rows looked up:       %7.1f µs a run, best %.1f (%,.0f× faster "
                + "than COINr's %.0f ms)%n", c[0], c[1], COINR_MS_PER_RUN * 1000 / c[0], COINR_MS_PER_RUN);
        out.printf("  whole pipeline, rows recomputed in every run:     %7.1f µs a run, best %.1f (%,.0f× faster "
                + "than COINr's %.0f ms)%n", u[0], u[1], COINR_MS_PER_RUN * 1000 / u[0], COINR_MS_PER_RUN);
        out.printf("  weights only, every level ±25%%, as pipeline runs: %7.1f µs a run, best %.1f (re-aggregation "
                + "only)%n", r[0], r[1]);
        out.printf("  the same noise by the weight Monte Carlo:         %7.1f µs a run, best %.1f (Uncertainty.run: "
                + "ranks, tiers and histograms included)%n", w[0], w[1]);
        out.printf("  1-minute load average: %.1f%n", ColdStart.loadAverage());
    }

    /** Median and best over {@code repeat} timed calls (after 3 warm-ups) of the time per run, in µs. */
    private static double[] perRun(Runnable call, int runs, int repeat) {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] us = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            call.run();
            us[i] = (System.nanoTime() - t) / 1e3 / runs;
        }
        double best = us[0];
        for (double x : us) {
            best = Math.min(best, x);
        }
        return new double[] {Percentiles.median(us), best};
    }
}
