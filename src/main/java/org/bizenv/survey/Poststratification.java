package org.bizenv.survey;

/**
 * The survey statistics of tallied cells, post-stratified by size class, with their standard errors: the one place
 * they are computed, for the cities' values ({@link SurveyAggregator#poststratified}), for every bootstrap replicate of
 * them, and for the breakdowns by industry and size class ({@link SurveyBreakdown}). Plain arithmetic over arrays.
 *
 * <p>A cell is whatever the counts are tallied by (a city; a city's firms of one industry), laid out cell-major:
 * {@code (cell · 3 + size) · questions + question}. For each cell and question, over the size classes h with
 * n<sub>h</sub> &gt; 0, with W<sub>h</sub> = w<sub>h</sub> / Σ w (the size mix renormalised over the classes present):
 * <ul>
 * <li>value = Σ W<sub>h</sub>·ȳ<sub>h</sub>, where ȳ<sub>h</sub> is the class's mean of (a − 1)/4·100 (mean score)
 * or 100 × its share of answers ≥ 4 (share favourable);</li>
 * <li>SE² = Σ W<sub>h</sub>²·s<sub>h</sub>²/n<sub>h</sub>, s<sub>h</sub>² the class's sample variance with
 * n<sub>h</sub> − 1 of the same 0–100 values (for the share: of 0/100 per answer, so
 * 100²·f(n − f)/(n(n − 1))). A class with n<sub>h</sub> = 1 has no variance of its own: it borrows the pooled variance
 * Σ(n<sub>k</sub> − 1)s<sub>k</sub>² / Σ(n<sub>k</sub> − 1) of the cell's classes with n<sub>k</sub> ≥ 2; with none,
 * the SE is missing (NaN). No finite-population correction: a city's SMEs far outnumber its respondents.</li>
 * </ul>
 * Sums of squares are summed as integers, like the counts, so the results do not depend on row or merge order.
 */
final class Poststratification {

    static final int SIZES = SizeClass.values().length;

    /**
     * @param n        answers per {@code (cell · questions + question) · 3 + size}
     * @param score    per {@code cell · questions + question}; NaN without answers (or all present classes weigh 0)
     * @param scoreSe  its standard error; NaN without sums of squares, or as above
     */
    record Cells(int[] n, double[] score, double[] share, double[] scoreSe, double[] shareSe) {
    }

    private Poststratification() {
    }

    /**
     * @param squares sums of answers squared (a², 1–25 each), or null: then every standard error is NaN (the
     *                bootstrap's replicates need only the values)
     */
    static Cells compute(int cells, int nq, int[] count, int[] sum, int[] favourable, int[] squares,
                         double[] sizeMix) {
        int stride = SIZES * nq;
        int[] n = new int[cells * nq * SIZES];
        double[] score = new double[cells * nq];
        double[] share = new double[cells * nq];
        double[] scoreSe = new double[cells * nq];
        double[] shareSe = new double[cells * nq];
        double[] scoreVar = new double[SIZES];
        double[] shareVar = new double[SIZES];
        for (int u = 0; u < cells; u++) {
            for (int q = 0; q < nq; q++) {
                double weights = 0;
                double scoreSum = 0;
                double shareSum = 0;
                for (int s = 0; s < SIZES; s++) {
                    int i = u * stride + s * nq + q;
                    int c = count[i];
                    n[(u * nq + q) * SIZES + s] = c;
                    if (c > 0) {
                        weights += sizeMix[s];
                        scoreSum += sizeMix[s] * ((sum[i] - c) * 25.0 / c);
                        shareSum += sizeMix[s] * (favourable[i] * 100.0 / c);
                    }
                }
                int at = u * nq + q;
                score[at] = weights > 0 ? scoreSum / weights : Double.NaN;
                share[at] = weights > 0 ? shareSum / weights : Double.NaN;
                if (squares == null || !(weights > 0)) {
                    scoreSe[at] = Double.NaN;
                    shareSe[at] = Double.NaN;
                    continue;
                }
                // the classes' own sample variances (n - 1), pooled for the classes of one answer
                double scorePooled = 0;
                double sharePooled = 0;
                long freedom = 0;
                for (int s = 0; s < SIZES; s++) {
                    int i = u * stride + s * nq + q;
                    long c = count[i];
                    if (c >= 2) {
                        // Σ(x − x̄)² of x = 25(a − 1) is 625·(nΣa² − (Σa)²)/n, exact in longs up to the int tallies
                        scoreVar[s] = 625.0 * (c * squares[i] - (long) sum[i] * sum[i]) / (c * (c - 1));
                        shareVar[s] = 10_000.0 * ((long) favourable[i] * (c - favourable[i])) / (c * (c - 1));
                        scorePooled += (c - 1) * scoreVar[s];
                        sharePooled += (c - 1) * shareVar[s];
                        freedom += c - 1;
                    }
                }
                double scoreSum2 = 0;
                double shareSum2 = 0;
                for (int s = 0; s < SIZES; s++) {
                    int c = count[u * stride + s * nq + q];
                    if (c == 0 || sizeMix[s] == 0) {
                        continue;
                    }
                    double w = sizeMix[s] / weights;
                    double sv = c >= 2 ? scoreVar[s] : freedom > 0 ? scorePooled / freedom : Double.NaN;
                    double hv = c >= 2 ? shareVar[s] : freedom > 0 ? sharePooled / freedom : Double.NaN;
                    scoreSum2 += w * w * sv / c;
                    shareSum2 += w * w * hv / c;
                }
                scoreSe[at] = Math.sqrt(scoreSum2);
                shareSe[at] = Math.sqrt(shareSum2);
            }
        }
        return new Cells(n, score, share, scoreSe, shareSe);
    }

    /** z of a two-sided 95 % normal interval. */
    static final double Z95 = 1.96;

    /**
     * The 95 % interval's lower end, value − 1.96·SE, clipped to the statistics' range [0, 100]; NaN when either is
     * missing.
     */
    static double low(double value, double se) {
        return Double.isNaN(value) || Double.isNaN(se) ? Double.NaN : Math.max(0, value - Z95 * se);
    }

    /** The upper end, value + 1.96·SE, clipped to 100. */
    static double high(double value, double se) {
        return Double.isNaN(value) || Double.isNaN(se) ? Double.NaN : Math.min(100, value + Z95 * se);
    }
}
