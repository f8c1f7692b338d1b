package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Rescoring;
import org.bizenv.scoring.ScoringException;
import org.bizenv.survey.SurveyIndicators;

/**
 * The survey bootstrap: had another sample of firms answered, how would the ranking look? Each of N replicates
 * resamples the respondents within every unit and size class ({@link RespondentResampling}), recomputes every survey
 * indicator, and scores the year again with the scorer itself ({@link Rescoring}: imputation, transforms, treatment,
 * normalisation and objective weights all see the replicate's values, then aggregation and ranking; the stages of the
 * indicators no replicate changes are taken over from the original sample's scoring, not redone). That
 * gives each unit a rank interval from sampling error alone. The same replicate, re-aggregated with weights perturbed
 * as the Monte Carlo uncertainty analysis perturbs them ({@link Uncertainty} run r's scheme and stream, around the
 * replicate's own weights), gives the interval from sampling error and weight uncertainty together.
 *
 * <p><b>Exactness.</b> Before any replicate, the original sample is put through the same path and must give the
 * survey indicators and the build's node scores, ranks and tiers bit for bit ({@link ReaggregationMismatchException}
 * otherwise). <b>Reproducibility.</b> Replicate r resamples from its own stream (a hash of the seed and r, apart from
 * the weights' stream) and writes its ranks and values by index: the same seed gives the same result for any thread
 * count.
 */
public final class SurveyBootstrap {

    private static final int CHUNK = 16;
    /** Sets the resampling streams apart from the weight streams of the same seed. */
    private static final long RESAMPLE_SALT = 0x5375727665794273L;

    private SurveyBootstrap() {
    }

    /**
     * @param replicates bootstrap replicates N (≥ 1)
     * @param seed       the analysis seed
     * @param weights    the weight perturbation of the combined replicates (its runs are ignored; its seed is used)
     * @param threads    worker threads; results do not depend on them
     */
    public record Options(int replicates, long seed, UncertaintyOptions weights, int threads) {
        public Options {
            if (replicates < 1) {
                throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }
    }

    /** The seed of replicate r's resampling stream. */
    static long resampleSeed(long seed, int replicate) {
        return Rng.streamSeed(Rng.mix64(seed ^ RESAMPLE_SALT), replicate);
    }

    /**
     * Runs the bootstrap of a build scored from {@code sample}'s survey indicators.
     *
     * @return null when the sample has no survey indicator to resample
     * @throws ReaggregationMismatchException when the original sample does not reproduce the build
     * @throws RobustnessException            when a replicate cannot be scored
     */
    public static SurveyBootstrapResult run(Build build, SurveySample sample, Options o, Progress progress) {
        Framework fw = build.framework();
        RespondentResampling resampling = new RespondentResampling(fw, sample);
        if (resampling.cells().isEmpty()) {
            return null;
        }
        Rescoring rescoring = verifyNominal(build, sample, resampling);
        int n = build.unitCount();
        int runs = o.replicates();
        List<RespondentResampling.Cell> cells = resampling.cells();
        int[] sampled = new int[runs * n];
        int[] combined = new int[runs * n];
        double[] values = new double[runs * cells.size()];
        // the combined replicates start from the original sample's compiled rows: those a replicate leaves unchanged
        CompiledIndex original = CompiledIndex.compile(rescoring.base());
        Uncertainty.Plan plan = new Uncertainty.Plan(original, o.weights());
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < Workers.count(o.threads(), runs, CHUNK); w++) {
            workers.add(new Worker(build, sample, resampling, rescoring, original, plan, o, sampled, combined,
                    values));
        }
        Workers.run("survey bootstrap", runs, CHUNK, workers, progress);

        String[] codes = new String[n];
        org.bizenv.framework.Names[] names = new org.bizenv.framework.Names[n];
        for (int i = 0; i < n; i++) {
            codes[i] = build.units().get(i).code();
            names[i] = build.units().get(i).name();
        }
        List<String> settings = List.of(
                "replicates: " + runs + ", seed " + o.seed(),
                "respondents resampled with replacement within each unit and size class (" + resampling.respondents()
                        + " respondents, " + resampling.patterns() + " distinct answer patterns), every survey "
                        + "indicator recomputed, the year scored again",
                "combined: each replicate also perturbs the weights: " + o.weights().weights().describe(),
                "ranks: as the report's; percentiles R type 7; interval = 5th to 95th percentile rank");
        // the spreads on the workers too: each indicator's values sorted per unit, and the two rank spreads
        List<int[]> groups = indicatorGroups(cells);
        SurveyBootstrapResult.IndicatorSpread[] spreads = new SurveyBootstrapResult.IndicatorSpread[groups.size()];
        SurveyBootstrapResult.RankSpread[] rankSpreads = new SurveyBootstrapResult.RankSpread[2];
        List<Workers.Task> summaries = new ArrayList<>();
        for (int w = 0; w < Workers.count(o.threads(), groups.size() + 2, 1); w++) {
            double[] sorted = new double[runs];
            summaries.add((from, to) -> {
                for (int g = from; g < to; g++) {
                    if (g < groups.size()) {
                        spreads[g] = indicatorSpread(fw, resampling, values, runs, groups.get(g), sorted);
                    } else {
                        rankSpreads[g - groups.size()] = SurveyBootstrapResult.RankSpread.of(
                                g == groups.size() ? sampled : combined, runs, n);
                    }
                }
            });
        }
        Workers.run("survey bootstrap spreads", groups.size() + 2, 1, summaries, Progress.NONE);
        return new SurveyBootstrapResult(runs, o.seed(), o.weights().weights().describe(), resampling.respondents(),
                resampling.patterns(), codes, names, build.indexRanks().clone(), rankSpreads[0], rankSpreads[1],
                List.of(spreads), settings);
    }

    /** The cells of each indicator, {@code [first, end)} of {@code cells} (indicator-major). */
    private static List<int[]> indicatorGroups(List<RespondentResampling.Cell> cells) {
        List<int[]> groups = new ArrayList<>();
        int c0 = 0;
        while (c0 < cells.size()) {
            int c1 = c0;
            while (c1 < cells.size() && cells.get(c1).indicator() == cells.get(c0).indicator()) {
                c1++;
            }
            groups.add(new int[] {c0, c1});
            c0 = c1;
        }
        return groups;
    }

    /**
     * The original sample through the replicate path must give the build, bit for bit: scored in full, and rescored
     * as a replicate is.
     *
     * @return the rescoring of the replicates, based on the original sample
     */
    static Rescoring verifyNominal(Build build, SurveySample sample, RespondentResampling resampling) {
        SurveyIndicators original = resampling.original();
        Framework fw = build.framework();
        for (RespondentResampling.Cell c : resampling.cells()) {
            double got = original.values()[c.indicator()][c.column()];
            double want = sample.nominal().values()[c.indicator()][c.column()];
            if (Double.compare(got, want) != 0) {
                throw new ReaggregationMismatchException(fw.indicators().get(c.indicator()).code(), fault("indicator "
                        + fw.indicators().get(c.indicator()).code() + " of " + sample.nominal().units().get(c.column())
                        + " is " + got + " from the respondents' patterns and " + want + " from the survey tallies"),
                        null);
            }
        }
        RawData originalData = sample.join().apply(original);
        Rescoring rescoring = new Rescoring(fw, originalData);
        same(build, rescoring.base(), "");
        same(build, rescoring.score(originalData), " rescored as a replicate");
        return rescoring;
    }

    private static void same(Build build, Build again, String how) {
        Framework fw = build.framework();
        double[][] want = build.nodeScores();
        for (int k : fw.tree().bottomUp()) {
            for (int i = 0; i < build.unitCount(); i++) {
                if (Double.compare(again.nodeScores()[k][i], want[k][i]) != 0) {
                    String node = fw.nodes().get(k).code();
                    throw new ReaggregationMismatchException(node, fault("node " + node + " of "
                            + build.units().get(i).code() + " scores " + again.nodeScores()[k][i] + " from the "
                            + "original sample's patterns" + how + " and " + want[k][i] + " in the build"), null);
                }
            }
        }
        if (!Arrays.equals(again.indexRanks(), build.indexRanks()) || !Arrays.equals(again.tiers(), build.tiers())) {
            throw new ReaggregationMismatchException(fw.nodes().get(fw.tree().root()).code(),
                    fault("the index scores agree but the ranks or tiers differ" + how), null);
        }
    }

    private static String fault(String what) {
        return "Internal fault in bizenv, not in the inputs: the survey bootstrap rescores the year from the "
                + "respondents' answer patterns, and the original sample must reproduce the scorer exactly, but " + what
                + ". No survey bootstrap result can be trusted, so none was computed; please report this with the log "
                + "file.";
    }

    /** One indicator's values over the replicates, per unit: cells {@code [group[0], group[1])}. */
    private static SurveyBootstrapResult.IndicatorSpread indicatorSpread(Framework fw, RespondentResampling resampling,
            double[] values, int runs, int[] group, double[] sorted) {
        List<RespondentResampling.Cell> cells = resampling.cells();
        SurveyIndicators nominal = resampling.nominal();
        int c0 = group[0];
        int j = cells.get(c0).indicator();
        int m = group[1] - c0;
        String[] units = new String[m];
        double[] nom = new double[m];
        double[] mean = new double[m];
        double[] sd = new double[m];
        double[] p05 = new double[m];
        double[] p95 = new double[m];
        int[] defined = new int[m];
        for (int a = 0; a < m; a++) {
            RespondentResampling.Cell cell = cells.get(c0 + a);
            units[a] = nominal.units().get(cell.column());
            nom[a] = nominal.values()[j][cell.column()];
            int c = 0;
            double sum = 0;
            for (int r = 0; r < runs; r++) {
                double v = values[r * cells.size() + c0 + a];
                if (!Double.isNaN(v)) {
                    sorted[c++] = v;
                    sum += v;
                }
            }
            defined[a] = c;
            mean[a] = c == 0 ? Double.NaN : sum / c;
            double ss = 0;
            for (int r = 0; r < c; r++) {
                double d = sorted[r] - mean[a];
                ss += d * d;
            }
            sd[a] = c < 2 ? Double.NaN : Math.sqrt(ss / (c - 1));
            Arrays.sort(sorted, 0, c);
            p05[a] = Percentiles.ofSorted(sorted, c, 0.05);
            p95[a] = Percentiles.ofSorted(sorted, c, 0.95);
        }
        return new SurveyBootstrapResult.IndicatorSpread(fw.indicators().get(j).code(), units, nom, mean, sd, p05, p95,
                defined);
    }

    /** One worker: its own generators and resampling scratch; writes replicate r's results at index r. */
    private static final class Worker implements Workers.Task {
        private final Build build;
        private final SurveySample sample;
        private final RespondentResampling resampling;
        private final Rescoring rescoring;
        private final CompiledIndex original;
        private final Uncertainty.Plan plan;
        private final Evaluator ev;
        private final double[] weights;
        private final RespondentResampling.Scratch scratch;
        private final Options o;
        private final int[] sampled;
        private final int[] combined;
        private final double[] values;
        private final Rng rng = new Rng(0);
        private final Rng weightRng = new Rng(0);

        Worker(Build build, SurveySample sample, RespondentResampling resampling, Rescoring rescoring,
               CompiledIndex original, Uncertainty.Plan plan, Options o, int[] sampled, int[] combined,
               double[] values) {
            this.build = build;
            this.sample = sample;
            this.resampling = resampling;
            this.rescoring = rescoring;
            this.original = original;
            this.plan = plan;
            this.ev = original.evaluator();
            this.weights = new double[original.nominalWeight.length];
            this.scratch = resampling.scratch();
            this.o = o;
            this.sampled = sampled;
            this.combined = combined;
            this.values = values;
        }

        @Override
        public void run(int from, int to) {
            int n = build.unitCount();
            List<RespondentResampling.Cell> cells = resampling.cells();
            for (int r = from; r < to; r++) {
                rng.reseed(resampleSeed(o.seed(), r));
                SurveyIndicators ind = resampling.replicate(rng, scratch);
                for (int c = 0; c < cells.size(); c++) {
                    values[r * cells.size() + c] = ind.values()[cells.get(c).indicator()][cells.get(c).column()];
                }
                Build b;
                try {
                    b = rescoring.score(sample.join().apply(ind));
                } catch (ScoringException e) {
                    throw new RobustnessException("survey bootstrap replicate " + (r + 1) + " (seed " + o.seed()
                            + ") cannot be scored: " + e.getMessage());
                }
                System.arraycopy(b.indexRanks(), 0, sampled, r * n, n);
                Build replicate = b;
                if (plan.hasAlternatives()) {       // sets the replicate's nominal state before each alternative
                    plan.checkAlternatives(ev, () -> nominal(replicate));
                }
                nominal(replicate);
                plan.apply(ev, weightRng, r, weights);
                ev.evaluate();
                ev.rank();
                System.arraycopy(ev.ranks(), 0, combined, r * n, n);
            }
        }

        /**
         * Sets the evaluator to replicate b's normalised rows and weights, as {@code CompiledIndex.compile(b)} would
         * start one, without compiling: the rows the rescoring took over are the original's own arrays, already
         * compiled, and only the others are set (with their logarithms, imputed flags and completeness).
         */
        private void nominal(Build b) {
            if (b.notApplicable() != original.build.notApplicable() || !b.units().equals(original.build.units())) {
                throw new IllegalStateException("a replicate has other units or text codes than the original sample");
            }
            ev.reset();
            double[][] rows = b.normalised().values();
            for (int j = 0; j < rows.length; j++) {
                if (rows[j] != original.values[j]) {
                    ev.setIndicator(j, rows[j], CompiledIndex.logs(rows[j]),
                            CompiledIndex.flagsOrNull(b.imputed().flagged()[j]), CompiledIndex.complete(rows[j]));
                }
            }
            for (int k = 0; k < original.nodes; k++) {
                double[] w = b.nodeWeights()[k].weights();
                System.arraycopy(w, 0, weights, original.childStart[k], w.length);
            }
            System.arraycopy(weights, 0, ev.weight, 0, weights.length);
        }
    }
}
