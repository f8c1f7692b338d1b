package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.Problems;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.SurveyBootstrap;
import org.bizenv.robustness.SurveyBootstrapResult;
import org.bizenv.robustness.SurveySample;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.Scorer;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyTally;

/**
 * Times the survey bootstrap on the bundled 2024 sample (36 cities, 35,800 questionnaire rows, 38 indicators): the
 * tally with its answer patterns once, then 1,000 replicates (resampling, rescoring, and the combined re-aggregation
 * with perturbed weights), single-threaded and with every core. Not a test: run it by hand (docs/benchmarks.md):
 * {@code mvn -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.bizenv.evaluation.SurveyBootstrapBench [replicates]}.
 *
 * <p>Method: System.nanoTime around whole calls; 2 warm-up calls (JIT), then 5 timed; the median is printed.
 */
public final class SurveyBootstrapBench {

    private SurveyBootstrapBench() {
    }

    /**
     * The bundled 2024 sample as the score step gives it to the bootstrap: its framework, the survey tally's indicators
     * and answer patterns, the sample joined to the other channels ({@link Channels#join}), the year scored, and how
     * long the tally with its patterns took (ns). Shared with {@code robustness.SurveyReplicateBench}.
     */
    public record Sample(Framework framework, SurveyIndicators nominal, SurveyPatterns patterns, SurveySample sample,
                         Build build, long tallyNanos) {
    }

    public static Sample sample() {
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        Path data = Path.of("sample-data/2024");
        Problems problems = new Problems();
        UnitResolver resolver = Intake.resolver(fw, problems);
        IntakeResult intake = Intake.read(fw, data, resolver, problems);
        long t0 = System.nanoTime();
        SurveyIndicators nominal;
        SurveyPatterns patterns;
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false, resolver, problems, true)) {
            t.readAll();
            nominal = t.indicators();
            patterns = t.patterns();
        }
        long tally = System.nanoTime() - t0;
        SurveySample sample = new SurveySample(List.of(patterns), nominal, s -> Channels.join(intake, s, null));
        return new Sample(fw, nominal, patterns, sample, Scorer.score(fw, sample.join().apply(nominal)), tally);
    }

    public static void main(String[] args) {
        int replicates = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Sample s = sample();
        Framework fw = s.framework();
        SurveyIndicators nominal = s.nominal();
        SurveyPatterns patterns = s.patterns();
        SurveySample sample = s.sample();
        Build build = s.build();
        long tally = s.tallyNanos();
        System.out.printf(Locale.ROOT, "sample: %d respondents, %d patterns, %d questions; tally with patterns %.0f ms%n",
                patterns.respondents(), patterns.patternCount(), patterns.questions().size(), tally / 1e6);
        double scoreMs = median(() -> Scorer.score(fw, sample.join().apply(nominal)), 200) / 200;
        System.out.printf(Locale.ROOT, "one rescoring (join + Scorer.score): %.3f ms%n", scoreMs);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, cores}) {
            RobustnessSettings rs = RobustnessSettings.defaults().withSurveyBootstrap(replicates);
            SurveyBootstrapResult[] last = new SurveyBootstrapResult[1];
            double ms = median(() -> last[0] = SurveyBootstrap.run(build, sample, rs.bootstrapOptions(threads),
                    Progress.NONE), 1);
            System.out.printf(Locale.ROOT, "%d replicates, %d thread(s): %.0f ms (%.2f ms per replicate)%n",
                    replicates, threads, ms, ms / replicates);
        }
    }

    private static double median(Runnable r, int times) {
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < times; i++) {
                r.run();
            }
        }
        List<Double> ms = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            long t = System.nanoTime();
            for (int i = 0; i < times; i++) {
                r.run();
            }
            ms.add((System.nanoTime() - t) / 1e6);
        }
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
