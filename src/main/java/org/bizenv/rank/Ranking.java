package org.bizenv.rank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * Ranks and tiers of units by score (higher score = better = rank 1).
 *
 * <p>Missing scores ({@code Double.NaN}) are unranked: rank 0 and tier 0, and they do not count when
 * ranking the others. Infinite scores are rejected with {@link IllegalArgumentException}. Inputs are never
 * modified.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * Competition ("1, 2, 2, 4") ranking at full precision: rank = 1 + the number of units with a strictly
     * higher score; equal scores share the best (lowest) rank. This is COINr's convention
     * ({@code rank(-x, ties.method = "min")}). NaN → 0 (unranked).
     */
    public static int[] competition(double[] scores) {
        requireNoInfinity(scores);
        double[] sorted = presentSortedDescending(scores);
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = Double.isNaN(scores[i]) ? 0 : countAbove(sorted, scores[i]) + 1;
        }
        return out;
    }

    /**
     * Competition ranking of the scores as published, i.e. rounded half-up to {@code decimals}
     * ({@link #round}) before comparing, so that two units shown with the same score share a rank. COINr's
     * results tables rank this way (verified on the ASEM build: ranks of rounded scores). NaN → 0.
     *
     * @throws IllegalArgumentException if decimals &lt; 0
     */
    public static int[] competition(double[] scores, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        requireNoInfinity(scores);
        double[] rounded = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            rounded[i] = round(scores[i], decimals);
        }
        return competition(rounded);
    }

    /**
     * Rounds half-up on the decimal representation: {@code BigDecimal.valueOf(x)} (the shortest decimal
     * string that reads back as x) rounded with {@link RoundingMode#HALF_UP}, so 0.125 → 0.13 and
     * 2.675 → 2.68 as a reader of the printed value expects. (R's {@code round}, used by COINr, rounds the
     * binary value instead and gives 2.67; the two differ only on such exact decimal midpoints.)
     * NaN and infinities are returned unchanged; a result of zero is +0.0.
     *
     * <p>Computed without {@code BigDecimal} where that gives the same double, which is almost always: every
     * scoring ranks each node and indicator on its rounded scores, thousands of calls a scoring, and the
     * bootstrap and Monte Carlo analyses score or rank a thousand times and more (with {@code BigDecimal}, the
     * decimal string of each value made most of a bootstrap replicate's cost). With y = |x|·10^d (one rounding,
     * 10^d exact for d ≤ 22), the half-up result is ⌊y + ½⌋ / 10^d with the sign of x. The decimal value of x and
     * y·10^−d differ by at most about 2 ulp(y), so that is taken only when y + ½ lies more than 8 ulp away from
     * an integer (a rounding boundary); closer (2.675 at 2 decimals), or too large to hold a fraction, the
     * {@code BigDecimal} rounding decides. The quotient r / 10^d is the correctly rounded double of r·10^−d, which
     * is what {@code BigDecimal.doubleValue()} gives.
     *
     * @throws IllegalArgumentException if decimals &lt; 0
     */
    public static double round(double x, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        if (!Double.isFinite(x)) {
            return x;
        }
        if (decimals < POW10.length) {
            double scale = POW10[decimals];
            double y = Math.abs(x) * scale;
            if (y < 0x1p51) {
                double t = y + 0.5;
                double r = Math.floor(t);
                double frac = t - r;
                double guard = 8 * Math.ulp(t);
                if (frac >= guard && frac <= 1 - guard) {
                    double q = r / scale;
                    return q == 0 ? 0.0 : x < 0 ? -q : q;
                }
            }
        }
        return BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** 10^i, exact as doubles for i ≤ 22. */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /**
     * Tiers by fixed score thresholds. With k − 1 thresholds {@code b[0] > b[1] > … > b[k−2]}, a score
     * ≥ b[0] is tier 1, a score in [b[t−1], b[t−2]) tier t, and a score below b[k−2] tier k; so k − 1
     * lower bounds give k tiers, the last one open below. An empty array puts every unit in tier 1.
     * NaN → 0.
     *
     * @param lowerBoundsDescending lower bound of tiers 1 … k−1, finite and strictly descending
     * @throws IllegalArgumentException if the bounds are not finite and strictly descending
     */
    public static int[] tiersByBreaks(double[] scores, double[] lowerBoundsDescending) {
        requireNoInfinity(scores);
        double[] b = lowerBoundsDescending;
        for (int t = 0; t < b.length; t++) {
            if (!Double.isFinite(b[t])) {
                throw new IllegalArgumentException("tier bound " + t + " must be finite, got " + b[t]);
            }
            if (t > 0 && !(b[t] < b[t - 1])) {
                throw new IllegalArgumentException("tier bounds must be strictly descending, got "
                        + Arrays.toString(b));
            }
        }
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) {
                continue; // 0 = unranked
            }
            int tier = 1;
            while (tier <= b.length && s < b[tier - 1]) {
                tier++;
            }
            out[i] = tier;
        }
        return out;
    }

    /**
     * Tiers of (about) equal size by rank: with r the competition rank ({@link #competition(double[])}) and
     * n the number of ranked units, {@code tier = 1 + ⌊k·(r − 1)/n⌋}. Tier t thus holds the units whose
     * share of strictly better units lies in [(t−1)/k, t/k): the top n/k units form tier 1. Tied units share
     * a rank and therefore a tier, never split across tiers; ties can make a tier larger than n/k and leave
     * the next one smaller or empty, and so can k &gt; n. NaN → 0.
     *
     * @throws IllegalArgumentException if k &lt; 1
     */
    public static int[] tiersByQuantiles(double[] scores, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("number of tiers must be >= 1, got " + k);
        }
        int[] rank = competition(scores);
        int n = 0;
        for (int r : rank) {
            if (r > 0) {
                n++;
            }
        }
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (rank[i] > 0) {
                out[i] = 1 + (int) ((long) k * (rank[i] - 1) / n);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    /** Non-missing scores sorted descending. */
    private static double[] presentSortedDescending(double[] scores) {
        double[] v = new double[scores.length];
        int n = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                v[n++] = -s; // negate so an ascending sort gives descending scores
            }
        }
        v = Arrays.copyOf(v, n);
        Arrays.sort(v);
        for (int i = 0; i < n; i++) {
            v[i] = -v[i];
        }
        return v;
    }

    /** Number of elements of descending {@code a} strictly greater than {@code key}. */
    private static int countAbove(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] > key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Rejects an infinite score, naming its index in {@code scores} (so callers check before ranking subsets). */
    static void requireNoInfinity(double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            if (Double.isInfinite(scores[i])) {
                throw new IllegalArgumentException("unit " + i + " has an infinite score (" + scores[i] + ")");
            }
        }
    }
}
