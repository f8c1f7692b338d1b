package org.bizenv.treat;

/**
 * Outlier treatment of one indicator over all units, following COINr's default rule: an indicator is
 * outlying when its sample skewness and kurtosis are both high; it is then winsorised one boundary at a
 * time until the rule passes or a maximum number of points has been winsorised; if it still fails, the
 * winsorised version is discarded and the ORIGINAL values are log-transformed.
 *
 * <p>Two conventions are offered ({@link Convention}), because COINr's current release and the legacy COINr
 * that built the published ASEM example differ in their code (R/treat.R {@code winsorise},
 * {@code check_SkewKurt} versus R/coin_treat.R {@code coin_win}):
 * <table>
 *   <caption>Conventions</caption>
 *   <tr><th></th><th>{@link Convention#COINR_V1}</th><th>{@link Convention#COINR_LEGACY}</th></tr>
 *   <tr><td>outlying when</td><td>|skew| ≥ limit AND kurt ≥ limit</td><td>|skew| &gt; limit AND kurt &gt; limit</td></tr>
 *   <tr><td>count compared with winMax</td><td>distinct points changed</td><td>winsorisation steps (tied
 *       points moved together count once per step)</td></tr>
 * </table>
 * The log fallback comes in two variants ({@link LogVariant}); COINr (both versions) uses
 * {@link LogVariant#COIN_TOOL}, methodology.md states {@link LogVariant#MIRRORED}.
 *
 * <p>The stored ASEM stages are reproduced exactly by {@link Options#legacyAsem()} but cannot tell the
 * conventions apart (no tied extremes are winsorised, no threshold is met exactly, no log is needed), so
 * the legacy convention is taken from the legacy source code; the unit tests pin each difference.
 *
 * <p>Values are one per unit, {@code Double.NaN} = missing (skipped by every statistic, left missing in
 * the output). Inputs are never modified. Infinite values are rejected with {@link IllegalArgumentException}.
 */
public final class OutlierTreatment {

    private OutlierTreatment() {
    }

    /** How the outlier rule and the winsorisation count are read; see the class comment. */
    public enum Convention {
        /** COINr ≥ 1.0 ({@code winsorise}, {@code check_SkewKurt}): inclusive thresholds, distinct points counted. */
        COINR_V1,
        /** Legacy COINr ({@code coin_win}), which built the stored ASEM example: strict thresholds, steps counted. */
        COINR_LEGACY
    }

    /** The log transform used as fallback (and by {@link #logTransform}); a = 0.01·(max − min). */
    public enum LogVariant {
        /**
         * methodology.md: {@code log(x − min + a)} when the skewness of x is ≥ 0; for negative skewness the
         * mirror image {@code −log(max + a − x)}, which compresses the long LOW tail and keeps the ordering.
         */
        MIRRORED,
        /**
         * COIN Tool / COINr {@code log_CT} and legacy {@code "CTlog"}: always {@code log(x − min + a)}, whatever
         * the sign of the skewness (on a negatively skewed indicator this stretches the low tail further).
         */
        COIN_TOOL
    }

    /**
     * Treatment options.
     *
     * @param skewLimit   absolute skewness limit (COINr 2), finite, ≥ 0
     * @param kurtLimit   excess kurtosis limit (COINr 3.5), finite
     * @param winMax      maximum number of winsorised points (COINr v1: 5; legacy ASEM build: 6), ≥ 0. A step
     *                    moving several tied points can overshoot it, as in COINr.
     * @param logFallback whether an indicator still outlying after winsorisation is log-transformed (else the
     *                    winsorised values are returned, still outlying)
     * @param convention  threshold and counting convention
     * @param logVariant  the log transform of the fallback
     */
    public record Options(double skewLimit, double kurtLimit, int winMax, boolean logFallback,
                          Convention convention, LogVariant logVariant) {

        public Options {
            if (!Double.isFinite(skewLimit) || skewLimit < 0) {
                throw new IllegalArgumentException("skewLimit must be finite and >= 0, got " + skewLimit);
            }
            if (!Double.isFinite(kurtLimit)) {
                throw new IllegalArgumentException("kurtLimit must be finite, got " + kurtLimit);
            }
            if (winMax < 0) {
                throw new IllegalArgumentException("winMax must be >= 0, got " + winMax);
            }
            if (convention == null || logVariant == null) {
                throw new IllegalArgumentException("convention and logVariant are required");
            }
        }

        /** COINr v1 convention with the methodology's mirrored log. */
        public Options(double skewLimit, double kurtLimit, int winMax, boolean logFallback) {
            this(skewLimit, kurtLimit, winMax, logFallback, Convention.COINR_V1, LogVariant.MIRRORED);
        }

        /** COINr's default rule as methodology.md states it: |skew| ≥ 2 and kurt ≥ 3.5, winMax 5, mirrored log. */
        public static Options coinr() {
            return new Options(2, 3.5, 5, true);
        }

        /**
         * The legacy COINr build of the published ASEM example: {@code coin_treat} with its defaults,
         * winmax = ceiling(0.1 × units) = 6 for 51 units and {@code deflog = "CTlog"}; so strict thresholds,
         * steps counted, winMax 6, unmirrored COIN Tool log.
         */
        public static Options legacyAsem() {
            return new Options(2, 3.5, 6, true, Convention.COINR_LEGACY, LogVariant.COIN_TOOL);
        }
    }

    /**
     * Outcome of {@link #treat}.
     *
     * @param values         treated values (NaN where the input was missing)
     * @param changed        per unit, whether its value differs from the input. For a winsorised indicator,
     *                       a changed value below the original was pulled down from the high end, above it
     *                       pulled up from the low end. After a log transform every non-missing value is changed.
     * @param skewBefore     skewness of the input (NaN if undefined: fewer than 3 values or constant)
     * @param kurtBefore     kurtosis of the input (NaN if undefined: fewer than 4 values or constant)
     * @param skewAfter      skewness of {@code values}
     * @param kurtAfter      kurtosis of {@code values}
     * @param winsorised     the count of the convention (distinct points, or steps for the legacy convention)
     *                       in the returned values; 0 when untreated or log-transformed (the winsorised
     *                       version is then discarded)
     * @param logTransformed whether {@code values} is the log transform of the input
     */
    public record Result(double[] values, boolean[] changed, double skewBefore, double kurtBefore,
                         double skewAfter, double kurtAfter, int winsorised, boolean logTransformed) {
    }

    /** Result of {@link #cap}: capped values and, per unit, whether the value was moved. */
    public record Capped(double[] values, boolean[] changed) {
    }

    // ------------------------------------------------------------------ moments

    /**
     * Sample skewness "type 2" (e1071 {@code skewness(type = 2)}, Excel {@code SKEW}, COINr {@code skew}):
     * {@code g1·√(n(n−1))/(n−2)} with {@code g1 = m3/m2^1.5}, moments about the mean divided by n,
     * over the non-missing values.
     *
     * @return the skewness, or NaN when it is undefined: fewer than 3 non-missing values, or all equal
     */
    public static double skewness(double[] x) {
        Moments m = moments(x);
        if (m.n < 3 || m.s2 == 0) {
            return Double.NaN;
        }
        double g1 = Math.sqrt(m.n) * m.s3 / Math.pow(m.s2, 1.5);
        return g1 * Math.sqrt((double) m.n * (m.n - 1)) / (m.n - 2);
    }

    /**
     * Sample excess kurtosis "type 2" (e1071 {@code kurtosis(type = 2)}, Excel {@code KURT}, COINr
     * {@code kurt}): {@code ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3))} with {@code g2 = m4/m2² − 3}, over the
     * non-missing values.
     *
     * @return the kurtosis, or NaN when it is undefined: fewer than 4 non-missing values, or all equal
     */
    public static double kurtosis(double[] x) {
        Moments m = moments(x);
        if (m.n < 4 || m.s2 == 0) {
            return Double.NaN;
        }
        double r = m.n * m.s4 / (m.s2 * m.s2);
        return ((m.n + 1) * (r - 3) + 6) * (m.n - 1) / ((double) (m.n - 2) * (m.n - 3));
    }

    /** Count and sums of the 2nd, 3rd and 4th powers of deviations from the mean, over the non-missing values. */
    private record Moments(int n, double s2, double s3, double s4) {
    }

    private static Moments moments(double[] x) {
        requireNoInfinity(x);
        int n = 0;
        double sum = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                sum += xi;
                n++;
            }
        }
        double mean = sum / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                double d = xi - mean;
                double d2 = d * d;
                s2 += d2;
                s3 += d2 * d;
                s4 += d2 * d2;
            }
        }
        return new Moments(n, s2, s3, s4);
    }

    /**
     * Whether skewness and kurtosis make an indicator outlying under the options' limits and convention.
     * Undefined moments (NaN) never do: an indicator too short or constant is not treated.
     */
    public static boolean isOutlying(double skew, double kurt, Options o) {
        if (o.convention() == Convention.COINR_LEGACY) {
            return Math.abs(skew) > o.skewLimit() && kurt > o.kurtLimit();
        }
        return Math.abs(skew) >= o.skewLimit() && kurt >= o.kurtLimit();
    }

    // ------------------------------------------------------------------ the rule

    /**
     * Treats one indicator by COINr's rule (see the class comment):
     * <ol>
     *   <li>If the input is not {@link #isOutlying outlying}, it is returned unchanged.</li>
     *   <li>Winsorise one boundary at a time: if the current skewness is ≥ 0, every point equal to the
     *       current maximum is set to the next lower distinct value; otherwise every point equal to the
     *       minimum is set to the next higher one. Recompute skewness and kurtosis; repeat while outlying and
     *       the count (per {@link Convention}) is below {@code winMax}. Winsorisation also stops before a step
     *       would leave fewer than two distinct values (legacy COINr stops with an error there).</li>
     *   <li>If still outlying and {@code logFallback}: discard the winsorised values and return
     *       {@link #logTransform(double[], LogVariant)} of the ORIGINAL values; without the fallback the
     *       winsorised (still outlying) values are returned.</li>
     * </ol>
     *
     * @throws IllegalArgumentException if x holds an infinite value or o is null
     */
    public static Result treat(double[] x, Options o) {
        if (o == null) {
            throw new IllegalArgumentException("options are required");
        }
        requireNoInfinity(x);
        double skewBefore = skewness(x);
        double kurtBefore = kurtosis(x);
        double[] v = x.clone();
        boolean[] changed = new boolean[x.length];
        if (!isOutlying(skewBefore, kurtBefore, o)) {
            return new Result(v, changed, skewBefore, kurtBefore, skewBefore, kurtBefore, 0, false);
        }

        double sk = skewBefore;
        double kt = kurtBefore;
        int distinctChanged = 0;
        int steps = 0;
        int count = 0;
        while (isOutlying(sk, kt, o) && count < o.winMax() && hasAtLeastThreeDistinct(v)) {
            boolean high = sk >= 0;
            double boundary = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double vi : v) {
                if (!Double.isNaN(vi)) {
                    boundary = high ? Math.max(boundary, vi) : Math.min(boundary, vi);
                }
            }
            double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            for (double vi : v) {
                if (!Double.isNaN(vi) && vi != boundary) {
                    next = high ? Math.max(next, vi) : Math.min(next, vi);
                }
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] == boundary) {
                    v[i] = next;
                    if (!changed[i]) {
                        // a point already pulled to the boundary that moves again still counts once
                        changed[i] = true;
                        distinctChanged++;
                    }
                }
            }
            steps++;
            count = o.convention() == Convention.COINR_LEGACY ? steps : distinctChanged;
            sk = skewness(v);
            kt = kurtosis(v);
        }

        if (isOutlying(sk, kt, o) && o.logFallback()) {
            double[] logged = logTransform(x, o.logVariant());
            boolean[] all = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                all[i] = !Double.isNaN(x[i]);
            }
            return new Result(logged, all, skewBefore, kurtBefore, skewness(logged), kurtosis(logged), 0, true);
        }
        return new Result(v, changed, skewBefore, kurtBefore, sk, kt, count, false);
    }

    // ------------------------------------------------------------------ transforms

    /**
     * Caps values into [lo, hi] (winsorising at fixed bounds, e.g. percentiles chosen elsewhere). Use
     * an infinite bound for a one-sided cap. Missing stays missing and unchanged.
     *
     * @throws IllegalArgumentException if a bound is NaN or lo &gt; hi
     */
    public static Capped cap(double[] x, double lo, double hi) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
            throw new IllegalArgumentException("cap needs lo <= hi, got [" + lo + ", " + hi + "]");
        }
        double[] out = new double[x.length];
        boolean[] changed = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi < lo) {
                out[i] = lo;
                changed[i] = true;
            } else if (xi > hi) {
                out[i] = hi;
                changed[i] = true;
            } else {
                out[i] = xi; // includes NaN
            }
        }
        return new Capped(out, changed);
    }

    /**
     * Power transform {@code x^exponent} (e.g. 0.5 to damp a right tail, as Doing Business does with 0.8
     * on a share). Missing stays missing.
     *
     * @throws IllegalArgumentException if the exponent is not finite, a value is negative with a non-integer
     *                                  exponent, or zero with a negative exponent (naming the unit)
     */
    public static double[] power(double[] x, double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("exponent must be finite, got " + exponent);
        }
        requireNoInfinity(x);
        boolean integer = exponent == Math.rint(exponent);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (xi < 0 && !integer) {
                throw new IllegalArgumentException("unit " + i + " has negative value " + xi
                        + ": power " + exponent + " is undefined");
            }
            if (xi == 0 && exponent < 0) {
                throw new IllegalArgumentException("unit " + i + " is 0: negative power " + exponent + " is undefined");
            }
            out[i] = Math.pow(xi, exponent); // NaN stays NaN
        }
        return out;
    }

    /**
     * Shifted log transform with {@code a = 0.01·(max − min)} over the non-missing values:
     * {@code log(x − min + a)}, or for {@link LogVariant#MIRRORED} when the skewness of x is negative
     * {@code −log(max + a − x)}. Both keep the order of units. (Undefined skewness counts as non-negative.)
     *
     * <p>A constant indicator (zero range, where a = 0 would give log 0) maps every non-missing value to 0.
     */
    public static double[] logTransform(double[] x, LogVariant variant) {
        if (variant == null) {
            throw new IllegalArgumentException("log variant is required");
        }
        requireNoInfinity(x);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                min = Math.min(min, xi);
                max = Math.max(max, xi);
            }
        }
        double[] out = new double[x.length];
        double a = 0.01 * (max - min);
        boolean mirror = variant == LogVariant.MIRRORED && skewness(x) < 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (Double.isNaN(xi)) {
                out[i] = Double.NaN;
            } else if (max == min) {
                out[i] = 0;
            } else {
                out[i] = mirror ? -Math.log(max + a - xi) : Math.log(xi - min + a);
            }
        }
        return out;
    }

    /**
     * Box-Cox transform with fixed lambda, after the COIN Tool shift that makes every value ≥ 1
     * (COINr {@code boxcox(makepos = TRUE)}): {@code y = x − min + 1}, then {@code (y^λ − 1)/λ}, or
     * {@code log y} for λ = 0.
     *
     * @throws IllegalArgumentException if lambda is not finite
     */
    public static double[] boxCox(double[] x, double lambda) {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("Box-Cox lambda must be finite, got " + lambda);
        }
        requireNoInfinity(x);
        double min = Double.POSITIVE_INFINITY;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                min = Math.min(min, xi);
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double y = x[i] - min + 1; // NaN stays NaN
            out[i] = lambda == 0 ? Math.log(y) : (Math.pow(y, lambda) - 1) / lambda;
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean hasAtLeastThreeDistinct(double[] v) {
        double a = Double.NaN;
        double b = Double.NaN;
        for (double vi : v) {
            if (Double.isNaN(vi)) {
                continue;
            }
            if (Double.isNaN(a)) {
                a = vi;
            } else if (vi != a) {
                if (Double.isNaN(b)) {
                    b = vi;
                } else if (vi != b) {
                    return true;
                }
            }
        }
        return false;
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
