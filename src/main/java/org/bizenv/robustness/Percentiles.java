package org.bizenv.robustness;

/**
 * Percentiles by R's default definition (Hyndman &amp; Fan type 7, also numpy's default and what COINr reports): for
 * sorted values x₁ ≤ … ≤ x_N and probability p, h = (N − 1)·p + 1, q = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋). So
 * the median of an even count is the mean of the middle two, and the 5th–95th interval of integer ranks may end on a
 * fraction (e.g. 3.45).
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * Median of the finite values of {@code values} (NaN and infinities left out; the array is not changed): the middle
     * value, or for an even count (a + b) / 2 of the middle two; NaN when none is finite. The one median the reports
     * and the feedback state (cards' dimension and indicator medians, the robust z-score's median and MAD).
     */
    public static double median(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    /** Type-7 percentile of ascending {@code sorted[0..n)}; NaN if n = 0. */
    public static double ofSorted(double[] sorted, int n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        return frac == 0 || a == b ? a : a + frac * (b - a);
    }

    /**
     * Type-7 percentile of integer values given as a histogram: {@code counts[offset + v]} is how often value v
     * occurred, for v = 0 … len − 1; {@code total} is the sum of those counts. NaN if total = 0.
     */
    public static double ofHistogram(int[] counts, int offset, int len, long total, double p) {
        if (total == 0) {
            return Double.NaN;
        }
        double h = (total - 1) * p;
        long lo = (long) Math.floor(h);
        double frac = h - lo;
        int a = orderStatistic(counts, offset, len, lo);          // 0-based order statistic
        if (frac == 0 || lo + 1 >= total) {
            return a;
        }
        int b = orderStatistic(counts, offset, len, lo + 1);
        return a == b ? a : a + frac * (b - a);
    }

    /** The value of 0-based order statistic k: the smallest v with cumulative count &gt; k. */
    private static int orderStatistic(int[] counts, int offset, int len, long k) {
        long cum = 0;
        for (int v = 0; v < len; v++) {
            cum += counts[offset + v];
            if (cum > k) {
                return v;
            }
        }
        throw new IllegalStateException("order statistic " + k + " beyond the histogram's total");
    }
}
