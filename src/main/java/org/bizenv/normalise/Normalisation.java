package org.bizenv.normalise;

import java.util.Arrays;

/**
 * Normalisation of one indicator over all units: brings indicators measured in different units onto a
 * common, "higher is better" scale.
 *
 * <p>Conventions shared by every method:
 * <ul>
 *   <li>Input is one value per unit; {@code Double.NaN} marks a missing value and stays NaN in the output.
 *       The input array is never modified; a new array is returned.</li>
 *   <li>{@code direction} is +1 (higher is better) or −1 (lower is better). Methods that take it multiply
 *       every value by it first, so the output is always "higher = better" (COINr's {@code Normalise}).</li>
 *   <li>An input with no non-missing value returns an all-NaN array: there is nothing to normalise.</li>
 *   <li>Values must be finite or NaN: an infinity (typically a division by zero upstream) is rejected with
 *       {@link IllegalArgumentException} naming the unit, rather than spreading through the scale.</li>
 *   <li>Illegal arguments (bad direction, non-finite bounds, …) raise {@link IllegalArgumentException}.</li>
 * </ul>
 * Degenerate-but-valid inputs (zero range, a single unit) get the documented result of each method, never
 * a silent NaN or infinity.
 */
public final class Normalisation {

    private Normalisation() {
    }

    // ------------------------------------------------------------------ min-max

    /**
     * Min-max scaling onto [lo, hi]: {@code (v − min)/(max − min)·(hi − lo) + lo} with {@code v = direction·x}
     * (COINr {@code n_minmax}; evaluated in that order, so results are bit-identical to COINr's).
     *
     * <p>Zero range (every non-missing value equal): every non-missing value gets {@code (lo + hi)/2},
     * the neutral middle of the scale, instead of COINr's NaN. Callers should warn: see
     * {@link #hasZeroRange(double[])}.
     *
     * @throws IllegalArgumentException if direction is not ±1, lo or hi is not finite, or lo ≥ hi
     */
    public static double[] minMax(double[] x, int direction, double lo, double hi) {
        requireDirection(direction);
        requireInterval(lo, hi);
        requireNoInfinity(x);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                double v = direction * xi;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
            }
        }
        double[] out = new double[x.length];
        double range = max - min;
        double mid = (lo + hi) / 2;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else if (range == 0) {
                out[i] = mid;
            } else {
                out[i] = (direction * x[i] - min) / range * (hi - lo) + lo;
            }
        }
        return out;
    }

    /**
     * True when the non-missing values are all equal (and there is at least one), i.e. when
     * {@link #minMax} falls back to the middle of the scale. Direction does not matter here.
     */
    public static boolean hasZeroRange(double[] x) {
        double first = Double.NaN;
        for (double xi : x) {
            if (Double.isNaN(xi)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = xi;
            } else if (xi != first) {
                return false;
            }
        }
        return !Double.isNaN(first);
    }

    // ------------------------------------------------------------------ z-score

    /**
     * Standardisation: {@code (v − mean(v))/sd(v)·sd + mean} with {@code v = direction·x}, the sample standard
     * deviation (n − 1 denominator) over non-missing values (COINr {@code n_zscore}, where
     * {@code m_sd = c(mean, sd)}).
     *
     * <p>Zero standard deviation (all non-missing values equal, or a single non-missing value): every
     * non-missing value gets {@code mean}, the centre of the target distribution.
     *
     * @param mean target mean of the output
     * @param sd   target standard deviation of the output, &gt; 0
     * @throws IllegalArgumentException if direction is not ±1, mean is not finite, or sd is not finite and &gt; 0
     */
    public static double[] zScore(double[] x, int direction, double mean, double sd) {
        requireDirection(direction);
        if (!Double.isFinite(mean)) {
            throw new IllegalArgumentException("z-score target mean must be finite, got " + mean);
        }
        if (!(sd > 0) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("z-score target standard deviation must be finite and > 0, got " + sd);
        }
        requireNoInfinity(x);
        int n = 0;
        double sum = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                sum += direction * xi;
                n++;
            }
        }
        double[] out = new double[x.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double m = sum / n;
        double ss = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                double d = direction * xi - m;
                ss += d * d;
            }
        }
        double s = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else if (s == 0) {
                out[i] = mean;
            } else {
                out[i] = (direction * x[i] - m) / s * sd + mean;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ goalposts

    /**
     * Goalposts / distance to frontier, as the World Bank's Doing Business (DB17-20):
     * {@code scale · clip((x − worst)/(best − worst), 0, 1)^power}.
     *
     * <p>The direction is implied by the goalposts: {@code best < worst} means lower is better. Because
     * best and worst are fixed inputs, scores are comparable across years. DB scores most indicators with
     * power 1 and the total tax and contribution rate with power 0.8 (best 26.1, worst 84, scale 100).
     * Values beyond a goalpost are clipped to it (0 or {@code scale}); missing stays missing.
     *
     * @param power exponent applied to the clipped share, &gt; 0 (1 = linear)
     * @throws IllegalArgumentException if best == worst, any parameter is not finite, or power ≤ 0
     */
    public static double[] goalposts(double[] x, double best, double worst, double scale, double power) {
        if (!Double.isFinite(best) || !Double.isFinite(worst) || !Double.isFinite(scale) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("goalposts need finite best, worst, scale and power; got best=" + best
                    + ", worst=" + worst + ", scale=" + scale + ", power=" + power);
        }
        if (best == worst) {
            throw new IllegalArgumentException("goalposts need best != worst, both are " + best);
        }
        if (!(power > 0)) {
            throw new IllegalArgumentException("goalposts power must be > 0, got " + power);
        }
        requireNoInfinity(x);
        double span = best - worst;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            if (Double.isNaN(xi)) {
                out[i] = Double.NaN;
                continue;
            }
            double share = (xi - worst) / span;
            if (share <= 0) {
                share = 0; // also turns −0.0 (x on the worst post) into 0
            } else if (share > 1) {
                share = 1;
            }
            // power 1 skips Math.pow so that linear scores carry no extra rounding
            out[i] = scale * (power == 1 ? share : Math.pow(share, power));
        }
        return out;
    }

    // ------------------------------------------------------------------ ranks

    /**
     * Percentile rank onto [lo, hi]: {@code lo + (hi − lo)·(r − 1)/(n − 1)}, where r is the rank of
     * {@code direction·x} with ties at the minimum rank ({@link #rank}) and n the number of non-missing
     * values (COINr {@code n_prank}, rescaled).
     *
     * <p>Ties all get the share of their lowest member; so when every value is tied, or there is a single
     * non-missing value (where COINr gives 0/0 = NaN), every non-missing value gets {@code lo}.
     *
     * @throws IllegalArgumentException if direction is not ±1, lo or hi is not finite, or lo ≥ hi
     */
    public static double[] percentileRank(double[] x, int direction, double lo, double hi) {
        requireInterval(lo, hi);
        double[] r = rank(x, direction);
        int n = countPresent(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(r[i])) {
                out[i] = Double.NaN;
            } else if (n == 1) {
                out[i] = lo;
            } else {
                out[i] = lo + (hi - lo) * (r[i] - 1) / (n - 1);
            }
        }
        return out;
    }

    /**
     * Rank of {@code direction·x} among the non-missing values, ascending (the highest value gets the
     * highest rank, n), ties at the minimum rank: R's {@code rank(x, ties.method = "min",
     * na.last = "keep")} as used by COINr {@code n_rank}. Missing stays NaN.
     *
     * @throws IllegalArgumentException if direction is not ±1
     */
    public static double[] rank(double[] x, int direction) {
        requireDirection(direction);
        requireNoInfinity(x);
        double[] sorted = presentSorted(x, direction);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else {
                // number of values strictly below, plus one
                out[i] = lowerBound(sorted, direction * x[i]) + 1;
            }
        }
        return out;
    }

    /**
     * Borda score: the number of units (with data) strictly worse than this one, i.e. {@link #rank} − 1
     * (COINr {@code n_borda}). Missing stays NaN.
     *
     * @throws IllegalArgumentException if direction is not ±1
     */
    public static double[] borda(double[] x, int direction) {
        double[] r = rank(x, direction);
        for (int i = 0; i < r.length; i++) {
            r[i] -= 1; // NaN stays NaN
        }
        return r;
    }

    // ------------------------------------------------------------------ distance to reference / target

    /** {@link #distanceToReference(double[], int, int, boolean)} without capping (COINr's default). */
    public static double[] distanceToReference(double[] x, int direction, int referenceUnit) {
        return distanceToReference(x, direction, referenceUnit, false);
    }

    /**
     * Distance to a reference unit (COINr {@code n_dist2ref}): with {@code v = direction·x},
     * {@code 1 − (v_ref − v)/(v_ref − min v)}. The worst unit scores 0, the reference unit 1, and units
     * better than the reference score above 1 unless {@code capAtReference} (COINr {@code cap_max}) caps
     * them at 1.
     *
     * <p>When the reference unit holds the worst value ({@code v_ref = min v}) the scale has no length:
     * every non-missing value then gets 1 if all are equal to the reference (they all are the reference)
     * or if capping is on (every unit is at or beyond the reference); otherwise the distance is undefined
     * and an {@link IllegalArgumentException} asks for another reference.
     *
     * @param referenceUnit 0-based index of the reference unit in {@code x}
     * @throws IllegalArgumentException if direction is not ±1, the index is out of range, the reference
     *                                  unit's value is missing, or the scale is undefined as above
     */
    public static double[] distanceToReference(double[] x, int direction, int referenceUnit,
                                               boolean capAtReference) {
        requireDirection(direction);
        if (referenceUnit < 0 || referenceUnit >= x.length) {
            throw new IllegalArgumentException("reference unit index " + referenceUnit + " is outside 0.."
                    + (x.length - 1));
        }
        if (Double.isNaN(x[referenceUnit])) {
            throw new IllegalArgumentException("reference unit " + referenceUnit + " has no value: choose a unit with data");
        }
        return distanceTo(x, direction, direction * x[referenceUnit], capAtReference,
                "reference unit " + referenceUnit);
    }

    /** {@link #distanceToTarget(double[], int, double, boolean)} without capping (COINr's default). */
    public static double[] distanceToTarget(double[] x, int direction, double target) {
        return distanceToTarget(x, direction, target, false);
    }

    /**
     * Distance to a target (COINr {@code n_dist2targ}): with {@code v = direction·x} and
     * {@code t = direction·target}, {@code 1 − (t − v)/(t − min v)}. The worst unit scores 0, a unit on
     * the target 1, and units beyond the target score above 1 unless {@code capAtTarget} (COINr
     * {@code cap_max}) caps them at 1.
     *
     * <p>The target is given in the indicator's own units and multiplied by direction here. (COINr applies
     * the direction to x only, so a COINr user must pass the target already negated for a "lower is better"
     * indicator; here the natural target is passed.)
     *
     * <p>A target no better than the worst unit gives no scale: if it equals the worst value, every
     * non-missing value gets 1 when all equal the target or capping is on (everyone has reached it);
     * otherwise, and whenever the target is worse than every unit (COINr would invert the ordering and give
     * negative scores), an {@link IllegalArgumentException} is thrown.
     *
     * @throws IllegalArgumentException if direction is not ±1, target is not finite, or as above
     */
    public static double[] distanceToTarget(double[] x, int direction, double target, boolean capAtTarget) {
        requireDirection(direction);
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be finite, got " + target);
        }
        return distanceTo(x, direction, direction * target, capAtTarget, "target " + target);
    }

    /** Shared body of dist2ref and dist2targ; {@code goal} is already multiplied by direction. */
    private static double[] distanceTo(double[] x, int direction, double goal, boolean cap, String what) {
        requireNoInfinity(x);
        double min = Double.POSITIVE_INFINITY;
        boolean allAtGoal = true;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                double v = direction * xi;
                min = Math.min(min, v);
                allAtGoal &= v == goal;
            }
        }
        double[] out = new double[x.length];
        if (min == Double.POSITIVE_INFINITY) { // no data at all
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double span = goal - min;
        if (span < 0) {
            throw new IllegalArgumentException(what + " is worse than every unit's value: distance would invert the ranking");
        }
        if (span == 0 && !(allAtGoal || cap)) {
            throw new IllegalArgumentException(what + " equals the worst value and other units exceed it: "
                    + "distance is undefined (choose another reference/target or cap at 1)");
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                out[i] = Double.NaN;
            } else if (span == 0) {
                out[i] = 1;
            } else {
                double y = 1 - (goal - direction * x[i]) / span;
                out[i] = cap && y > 1 ? 1 : y;
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static int countPresent(double[] x) {
        int n = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                n++;
            }
        }
        return n;
    }

    /** The non-missing values of direction·x, sorted ascending. */
    private static double[] presentSorted(double[] x, int direction) {
        double[] v = new double[countPresent(x)];
        int k = 0;
        for (double xi : x) {
            if (!Double.isNaN(xi)) {
                v[k++] = direction * xi;
            }
        }
        Arrays.sort(v);
        return v;
    }

    /** Index of the first element of ascending {@code a} that is not below {@code key} (= count below key). */
    private static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void requireDirection(int direction) {
        if (direction != 1 && direction != -1) {
            throw new IllegalArgumentException("direction must be +1 (higher is better) or -1 (lower is better), got "
                    + direction);
        }
    }

    private static void requireNoInfinity(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                throw new IllegalArgumentException("unit " + i + " has an infinite value (" + x[i]
                        + "): use NaN for missing data and check the denominator");
            }
        }
    }

    private static void requireInterval(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException("target interval needs finite lo < hi, got [" + lo + ", " + hi + "]");
        }
    }
}
