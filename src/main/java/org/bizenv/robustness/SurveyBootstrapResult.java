package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * What the survey bootstrap found: per unit the spread of its rank over the replicates, from sampling error alone and
 * from sampling error with perturbed weights, and per survey indicator and unit the spread of its value. Arrays over
 * units follow {@link #units()} (the build's order); percentiles are R type 7 ({@link Percentiles}) over the
 * replicates in which the unit was ranked (or the value defined).
 *
 * @param weightScheme how the combined replicates perturbed the weights, in words
 * @param respondents  respondents resampled (all survey sources)
 * @param patterns     distinct answer patterns they form (per source, unit and size class)
 * @param sampling     ranks from resampling the respondents alone
 * @param combined     ranks from resampling with perturbed weights in each replicate
 * @param indicators   one entry per survey indicator, in framework order
 * @param settings     what varied, one line each, for the report's notes
 */
public record SurveyBootstrapResult(int replicates, long seed, String weightScheme, long respondents, int patterns,
                                    String[] units, Names[] unitNames, int[] nominalRank, RankSpread sampling,
                                    RankSpread combined, List<IndicatorSpread> indicators, List<String> settings) {

    public SurveyBootstrapResult {
        indicators = List.copyOf(indicators);
        settings = List.copyOf(settings);
    }

    /**
     * Per unit: the 5th, 50th and 95th percentile rank (a 90 % interval from p05 to p95), the best and worst rank seen
     * (0 when never ranked) and the number of replicates in which it was ranked.
     */
    public record RankSpread(double[] p05, double[] median, double[] p95, int[] best, int[] worst, int[] ranked) {

        /**
         * The spread of each of n units' ranks over {@code runs} runs, {@code ranks[run · n + unit]} (0 = unranked in
         * that run): the survey bootstrap's replicates and the whole-pipeline analysis's runs alike.
         */
        static RankSpread of(int[] ranks, int runs, int n) {
            double[] p05 = new double[n];
            double[] median = new double[n];
            double[] p95 = new double[n];
            int[] best = new int[n];
            int[] worst = new int[n];
            int[] ranked = new int[n];
            // ranks are 1 … n: counted per unit rather than sorted (the same type-7 percentiles, Percentiles)
            int[] hist = new int[n * (n + 1)];
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < n; i++) {
                    hist[i * (n + 1) + ranks[r * n + i]]++;
                }
            }
            for (int i = 0; i < n; i++) {
                int at = i * (n + 1);
                hist[at] = 0;                           // unranked in that run: left out
                int c = 0;
                for (int v = 1; v <= n; v++) {
                    int k = hist[at + v];
                    if (k > 0) {
                        best[i] = best[i] == 0 ? v : best[i];
                        worst[i] = v;
                        c += k;
                    }
                }
                ranked[i] = c;
                p05[i] = Percentiles.ofHistogram(hist, at, n + 1, c, 0.05);
                median[i] = Percentiles.ofHistogram(hist, at, n + 1, c, 0.5);
                p95[i] = Percentiles.ofHistogram(hist, at, n + 1, c, 0.95);
            }
            return new RankSpread(p05, median, p95, best, worst, ranked);
        }
    }

    /**
     * One survey indicator's values over the replicates, per unit of the survey ({@link #units}).
     *
     * @param sd       bootstrap standard error: the standard deviation over the replicates (divisor N − 1)
     * @param defined  replicates with a value (a unit-question whose answers are all left out has none)
     */
    public record IndicatorSpread(String indicator, String[] units, double[] nominal, double[] mean, double[] sd,
                                  double[] p05, double[] p95, int[] defined) {

        /** Index of a unit code, or −1. */
        public int unitIndex(String code) {
            for (int i = 0; i < units.length; i++) {
                if (units[i].equals(code)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Index of a unit code, or −1. */
    public int unitIndex(String code) {
        for (int i = 0; i < units.length; i++) {
            if (units[i].equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The spread of one survey indicator, or null. */
    public IndicatorSpread indicator(String code) {
        return indicators.stream().filter(s -> s.indicator().equals(code)).findFirst().orElse(null);
    }
}
