package org.bizenv.impute;

import java.util.Arrays;

/**
 * Imputation of missing values of one indicator over all units ({@code Double.NaN} = missing).
 *
 * <p>Every method returns a {@link Result}: new values plus a flag per unit saying whether its value was
 * imputed, so that availability thresholds (which count real, non-imputed data) and reports can tell
 * observed from estimated values. Inputs are never modified. A value that cannot be estimated (no data to
 * estimate it from) is left missing and not flagged. Infinite values are rejected with
 * {@link IllegalArgumentException}.
 */
public final class Imputation {

    private Imputation() {
    }

    /**
     * @param values  the indicator with estimates in place of (some) missing values
     * @param imputed per unit, true where {@code values} holds an estimate rather than an observation
     */
    public record Result(double[] values, boolean[] imputed) {

        /** Number of imputed values. */
        public int imputedCount() {
            int n = 0;
            for (boolean b : imputed) {
                if (b) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Replaces each missing value by the mean of the non-missing values. All missing: left missing. */
    public static Result mean(double[] x) {
        return fill(x, meanOf(x));
    }

    /**
     * Replaces each missing value by the median of the non-missing values (for an even count, the mean of
     * the two middle values, as R's {@code median}). All missing: left missing.
     */
    public static Result median(double[] x) {
        return fill(x, medianOf(x));
    }

    /**
     * Replaces each missing value by the mean of the non-missing values of the units in the same group
     * (e.g. region, size class). This is how COINr's legacy ASEM build imputed ({@code imtype = "indgroup_mean"}
     * by {@code Group_EurAsia}). A group with no data leaves its missing values missing.
     *
     * @param group group code of each unit, same length as x
     * @throws IllegalArgumentException if lengths differ
     */
    public static Result groupMean(double[] x, int[] group) {
        return byGroup(x, group, false);
    }

    /**
     * As {@link #groupMean} with the group median. A group with no data leaves its missing values missing.
     *
     * @throws IllegalArgumentException if lengths differ
     */
    public static Result groupMedian(double[] x, int[] group) {
        return byGroup(x, group, true);
    }

    /**
     * Replaces each missing value by the same unit's value in the previous period (carry forward). Where the
     * previous value is missing too, the value stays missing.
     *
     * @param previous previous period's values of the same indicator, same units in the same order
     * @throws IllegalArgumentException if lengths differ
     */
    public static Result carryForward(double[] x, double[] previous) {
        requireNoInfinity(x);
        requireNoInfinity(previous);
        if (previous.length != x.length) {
            throw new IllegalArgumentException("previous period has " + previous.length + " units, current has "
                    + x.length);
        }
        double[] out = x.clone();
        boolean[] imputed = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) && !Double.isNaN(previous[i])) {
                out[i] = previous[i];
                imputed[i] = true;
            }
        }
        return new Result(out, imputed);
    }

    // ------------------------------------------------------------------ helpers

    private static Result fill(double[] x, double estimate) {
        double[] out = x.clone();
        boolean[] imputed = new boolean[x.length];
        if (!Double.isNaN(estimate)) {
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i])) {
                    out[i] = estimate;
                    imputed[i] = true;
                }
            }
        }
        return new Result(out, imputed);
    }

    private static Result byGroup(double[] x, int[] group, boolean median) {
        requireNoInfinity(x);
        if (group.length != x.length) {
            throw new IllegalArgumentException("group codes given for " + group.length + " units, data has "
                    + x.length);
        }
        // dense group index per unit (sorted distinct codes + binary search), so that the per-group work
        // is array based: no boxing, O(n log n) however many groups there are
        int[] codes = distinctSorted(group);
        int[] g = new int[x.length];
        int[] present = new int[codes.length];
        for (int i = 0; i < x.length; i++) {
            g[i] = Arrays.binarySearch(codes, group[i]);
            if (!Double.isNaN(x[i])) {
                present[g[i]]++;
            }
        }
        // the present values of each group side by side in one buffer: group k occupies [start[k], start[k+1])
        int[] start = new int[codes.length + 1];
        for (int k = 0; k < codes.length; k++) {
            start[k + 1] = start[k] + present[k];
        }
        double[] buffer = new double[start[codes.length]];
        int[] fillAt = Arrays.copyOf(start, codes.length);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                buffer[fillAt[g[i]]++] = x[i];
            }
        }
        double[] estimate = new double[codes.length];
        for (int k = 0; k < codes.length; k++) {
            estimate[k] = median ? medianOfRange(buffer, start[k], start[k + 1])
                    : meanOfRange(buffer, start[k], start[k + 1]);
        }
        double[] out = x.clone();
        boolean[] imputed = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) && !Double.isNaN(estimate[g[i]])) {
                out[i] = estimate[g[i]];
                imputed[i] = true;
            }
        }
        return new Result(out, imputed);
    }

    private static int[] distinctSorted(int[] codes) {
        int[] sorted = codes.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Mean of the non-missing values; NaN if there are none. */
    private static double meanOf(double[] x) {
        requireNoInfinity(x);
        double[] v = presentValues(x);
        return meanOfRange(v, 0, v.length);
    }

    /** Median of the non-missing values; NaN if there are none. */
    private static double medianOf(double[] x) {
        requireNoInfinity(x);
        double[] v = presentValues(x);
        return medianOfRange(v, 0, v.length);
    }

    private static double[] presentValues(double[] x) {
        double[] v = new double[x.length];
        int n = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                v[n++] = xi;
            }
        }
        return Arrays.copyOf(v, n);
    }

    /** Mean of a[from, to); NaN for an empty range. */
    private static double meanOfRange(double[] a, int from, int to) {
        if (from == to) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i];
        }
        return sum / (to - from);
    }

    /** Median of a[from, to), sorting that range in place; NaN for an empty range. */
    private static double medianOfRange(double[] a, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(a, from, to);
        int m = from + n / 2;
        return n % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
    }

    private static void requireNoInfinity(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException("unit " + i + " has an infinite value (" + x[i]
                        + "): use NaN for missing data");
            }
        }
    }
}
