package org.bizenv.robustness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.bizenv.evaluation.SurveyBootstrapBench;
import org.bizenv.framework.Framework;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Rescoring;
import org.bizenv.scoring.Scorer;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;

/**
 * The survey bootstrap's cost per replicate on the bundled 2024 sample (36 cities, 35,800 respondents), split into
 * its parts, in CPU time of the calling thread (so that other work on a shared machine moves it less than wall time):
 * a whole replicate's resampling (draws, tallies, statistics), the tallies and statistics alone (the original counts
 * through the same path), and the whole bootstrap single-threaded (with the rescoring and the combined
 * re-aggregation); then the rescoring's parts: the join, a full {@link Scorer#score}, a replicate's
 * {@link Rescoring#score} and the combined re-aggregation. Not a test: run it by hand, with the launcher's C1-only JIT to see what a cold run's kernel costs
 * (docs/benchmarks.md): {@code mvn -q test-compile && java -XX:TieredStopAtLevel=1 -cp
 * target/classes:target/test-classes:$(cat cp.txt) org.bizenv.robustness.SurveyReplicateBench [replicates]}.
 *
 * <p>Method: each figure is the median of 7 timed rounds after 3 warm-up rounds, per replicate in µs.
 */
public final class SurveyReplicateBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SurveyReplicateBench() {
    }

    public static void main(String[] args) throws Exception {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var loaded = SurveyBootstrapBench.sample();
        Framework fw = loaded.framework();
        SurveyPatterns patterns = loaded.patterns();
        SurveySample sample = loaded.sample();
        Function<SurveyIndicators, RawData> joined = sample.join();
        Build build = loaded.build();
        RespondentResampling resampling = new RespondentResampling(fw, sample);
        RespondentResampling.Scratch scratch = resampling.scratch();
        Rng rng = new Rng(0);
        System.out.printf(Locale.ROOT, "sample: %d respondents, %d patterns, %d questions, %d cells%n",
                patterns.respondents(), patterns.patternCount(), patterns.questions().size(),
                patterns.cellStart().length - 1);
        double resample = perReplicate(replicates, r -> {
            rng.reseed(SurveyBootstrap.resampleSeed(1, r));
            resampling.replicate(rng, scratch);
        });
        double tally = perReplicate(replicates, r -> resampling.original());
        SurveyBootstrap.Options o = new SurveyBootstrap.Options(replicates, 1, UncertaintyOptions.defaults(), 1);
        double whole = perReplicate(1, r -> SurveyBootstrap.run(build, sample, o, Progress.NONE)) / replicates;
        System.out.printf(Locale.ROOT, "per replicate, CPU µs (median of 7): resampling %.0f (tallies + statistics "
                + "%.0f, draws %.0f); whole bootstrap, 1 thread, %d replicates: %.0f%n", resample, tally,
                resample - tally, replicates, whole);
        SurveyIndicators one = resampling.original();
        RawData raw = joined.apply(one);
        double joinUs = perReplicate(replicates, r -> joined.apply(one));
        double scoreUs = perReplicate(replicates, r -> Scorer.score(fw, raw));
        Rescoring rescoring = new Rescoring(fw, raw);
        rng.reseed(SurveyBootstrap.resampleSeed(1, 0));
        RawData replicate = joined.apply(resampling.replicate(rng, scratch));
        double rescoreUs = perReplicate(replicates, r -> rescoring.score(replicate));
        Build again = Scorer.score(fw, raw);
        Rng weightRng = new Rng(0);
        double combinedUs = perReplicate(replicates, r -> {
            CompiledIndex ci = CompiledIndex.compile(again);
            Evaluator ev = ci.evaluator();
            new Uncertainty.Plan(ci, o.weights()).apply(ev, weightRng, r);
            ev.evaluate();
            ev.rank();
        });
        System.out.printf(Locale.ROOT, "rescoring, CPU µs: join %.0f, Scorer.score %.0f, a replicate's Rescoring.score "
                + "%.0f, re-aggregation from a freshly compiled index (as replicates did before sharing one) %.0f%n", joinUs,
                scoreUs, rescoreUs, combinedUs);
    }

    private interface Replicate {
        void run(int r) throws Exception;
    }

    /** The median over 7 rounds (after 3 warm-up rounds) of the thread's CPU time per call, in µs. */
    private static double perReplicate(int calls, Replicate body) throws Exception {
        double[] us = new double[7];
        for (int round = -3; round < us.length; round++) {
            long t = THREADS.getCurrentThreadCpuTime();
            for (int r = 0; r < calls; r++) {
                body.run(r);
            }
            if (round >= 0) {
                us[round] = (THREADS.getCurrentThreadCpuTime() - t) / 1e3 / calls;
            }
        }
        Arrays.sort(us);
        return us[us.length / 2];
    }
}
