package org.bizenv.aggregate;

import java.util.Arrays;

/**
 * Aggregation of children (indicators, or lower-level aggregates) into one parent score per unit.
 *
 * <p>A matrix is {@code double[][]} indexed {@code [child][unit]}: one array per child, all of the same
 * length. {@code Double.NaN} = missing; infinite values are rejected with {@link IllegalArgumentException}
 * naming unit and child. Inputs are never modified.
 */
public final class Aggregation {

    private Aggregation() {
    }

    /** Weighted mean used by {@link #aggregate}. */
    public enum Method {
        /** Σ w·x / Σ w. Any sign. */
        ARITHMETIC,
        /** exp(Σ w·ln x / Σ w). Needs every value &gt; 0. */
        GEOMETRIC,
        /** Σ w / Σ (w/x). Needs every value &gt; 0. */
        HARMONIC,
        /**
         * Power mean (Σ w·x^p / Σ w)^(1/p): p = 1 arithmetic, p = −1 harmonic, p → 0 geometric (taken as
         * geometric when |p| &lt; 1e-12, where the two differ by less than ~1e-12 relative). Needs values
         * &gt; 0 for p ≤ 0 and ≥ 0 for p &gt; 0 (except p = 1: any sign).
         */
        GENERALISED
    }

    /** Normalisation of the decision matrix inside {@link #topsis}. */
    public enum TopsisVariant {
        /** r = x/√Σx² over units (Hwang &amp; Yoon's original). A criterion with Σx² = 0 gives r = 0. */
        VECTOR,
        /** r = (x − min)/(max − min) over units. A criterion with zero range gives r = 0. */
        MINMAX
    }

    /** Below this |p| the generalised mean is the geometric mean (limit p → 0). */
    private static final double GEOMETRIC_LIMIT_P = 1e-12;

    /**
     * Weighted mean of the children of each unit.
     *
     * <p>Missing children (COINr): for each unit, the missing children are dropped and the weights of the
     * remaining ones renormalised to sum 1. If the share of available children (non-missing count / number
     * of children) is below {@code minShare}, the unit's result is NaN (not enough data to score it). A unit
     * with no available child, or whose available children all have weight 0, is NaN too (nothing to
     * aggregate). Children with weight 0 are ignored otherwise, but count in the availability share.
     *
     * @param children [child][unit]
     * @param weights  one per child, finite and ≥ 0, not all 0 (any scale: renormalised)
     * @param m        the mean
     * @param p        exponent of {@link Method#GENERALISED} (ignored by the other methods), finite
     * @param minShare availability threshold in [0, 1]
     * @return one score per unit
     * @throws NonPositiveValueException if a value with positive weight is out of the mean's domain
     *                                   (see {@link Method}), naming the unit and child
     * @throws IllegalArgumentException  on inconsistent lengths, bad weights, p or minShare
     */
    public static double[] aggregate(double[][] children, double[] weights, Method m, double p, double minShare) {
        int units = requireMatrix(children);
        requireWeights(weights, children.length);
        if (m == null) {
            throw new IllegalArgumentException("aggregation method is required");
        }
        if (m == Method.GENERALISED && !Double.isFinite(p)) {
            throw new IllegalArgumentException("generalised mean exponent p must be finite, got " + p);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("minShare must lie in [0, 1], got " + minShare);
        }
        Method effective = m;
        if (m == Method.GENERALISED) {
            if (p == 1) {
                effective = Method.ARITHMETIC;
            } else if (Math.abs(p) < GEOMETRIC_LIMIT_P) {
                effective = Method.GEOMETRIC;
            }
        }
        int k = children.length;
        double[] out = new double[units];
        for (int i = 0; i < units; i++) {
            int available = 0;
            double wSum = 0;
            for (int j = 0; j < k; j++) {
                if (!Double.isNaN(children[j][i])) {
                    available++;
                    wSum += weights[j];
                }
            }
            if (available == 0 || (double) available / k < minShare || wSum == 0) {
                out[i] = Double.NaN;
                continue;
            }
            out[i] = switch (effective) {
                case ARITHMETIC -> arithmetic(children, weights, i, wSum);
                case GEOMETRIC -> geometric(children, weights, i, wSum, m == Method.GENERALISED
                        ? "generalised mean with p = " + p : "geometric mean");
                case HARMONIC -> harmonic(children, weights, i, wSum);
                case GENERALISED -> generalised(children, weights, i, wSum, p);
            };
        }
        return out;
    }

    private static double arithmetic(double[][] c, double[] w, int i, double wSum) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double x = c[j][i];
            if (!Double.isNaN(x) && w[j] > 0) {
                s += w[j] * x;
            }
        }
        return s / wSum;
    }

    private static double geometric(double[][] c, double[] w, int i, double wSum, String method) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double x = c[j][i];
            if (!Double.isNaN(x) && w[j] > 0) {
                if (x <= 0) {
                    throw new NonPositiveValueException(i, j, x, method);
                }
                s += w[j] * Math.log(x);
            }
        }
        return Math.exp(s / wSum);
    }

    private static double harmonic(double[][] c, double[] w, int i, double wSum) {
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double x = c[j][i];
            if (!Double.isNaN(x) && w[j] > 0) {
                if (x <= 0) {
                    throw new NonPositiveValueException(i, j, x, "harmonic mean");
                }
                s += w[j] / x;
            }
        }
        return wSum / s;
    }

    /**
     * Power mean computed around a reference value r (the max for p &gt; 0, the min for p &lt; 0) as
     * {@code r·exp(log1p(Σ w'·expm1(p·ln(x/r)))/p)}: every power term stays in [0, 1] (no overflow for
     * large |p|) and expm1/log1p keep full precision as p approaches 0.
     */
    private static double generalised(double[][] c, double[] w, int i, double wSum, double p) {
        String method = "generalised mean with p = " + p;
        double ref = p > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            double x = c[j][i];
            if (Double.isNaN(x) || w[j] == 0) {
                continue;
            }
            if (x < 0 || (x == 0 && p < 0)) {
                throw new NonPositiveValueException(i, j, x, method);
            }
            ref = p > 0 ? Math.max(ref, x) : Math.min(ref, x);
        }
        if (ref == 0) { // p > 0 and every weighted value is 0
            return 0;
        }
        double s = 0;
        for (int j = 0; j < c.length; j++) {
            double x = c[j][i];
            if (!Double.isNaN(x) && w[j] > 0) {
                s += w[j] / wSum * Math.expm1(p * Math.log(x / ref));
            }
        }
        return ref * Math.exp(Math.log1p(s) / p);
    }

    // ------------------------------------------------------------------ TOPSIS

    /**
     * TOPSIS closeness coefficient per unit, in [0, 1] (1 = the ideal unit):
     * <ol>
     *   <li>normalise each criterion over units ({@link TopsisVariant});</li>
     *   <li>weight: v = w·r with the weights renormalised to sum 1;</li>
     *   <li>ideal A+ = per criterion the best v (max for direction +1, min for −1), anti-ideal A− the worst;</li>
     *   <li>D± = Euclidean distance of the unit to A±; closeness C = D− / (D+ + D−).</li>
     * </ol>
     * Choosing the ideal per direction is the same as multiplying by direction first: distances are unchanged.
     *
     * <p>TOPSIS compares units with each other, so it needs complete rows: a unit with any missing criterion
     * is left out of the normalisation and the ideals and gets NaN (impute first to score it). If every
     * weighted criterion has no spread, every unit is both ideal and anti-ideal (D+ = D− = 0) and gets 0.5.
     *
     * @param children   [criterion][unit]
     * @param weights    one per criterion, finite, ≥ 0, not all 0
     * @param directions one per criterion, +1 or −1
     * @throws IllegalArgumentException on inconsistent lengths, bad weights, directions or a null variant
     */
    public static double[] topsis(double[][] children, double[] weights, int[] directions, TopsisVariant variant) {
        int units = requireMatrix(children);
        int k = children.length;
        requireWeights(weights, k);
        if (directions == null || directions.length != k) {
            throw new IllegalArgumentException("need one direction per criterion (" + k + ")");
        }
        for (int j = 0; j < k; j++) {
            if (directions[j] != 1 && directions[j] != -1) {
                throw new IllegalArgumentException("direction of criterion " + j + " must be +1 or -1, got "
                        + directions[j]);
            }
        }
        if (variant == null) {
            throw new IllegalArgumentException("TOPSIS variant is required");
        }
        boolean[] complete = new boolean[units];
        Arrays.fill(complete, true);
        for (double[] child : children) {
            for (int i = 0; i < units; i++) {
                if (Double.isNaN(child[i])) {
                    complete[i] = false;
                }
            }
        }
        double wTotal = 0;
        for (double w : weights) {
            wTotal += w;
        }
        double[][] v = new double[k][];
        double[] ideal = new double[k];
        double[] anti = new double[k];
        for (int j = 0; j < k; j++) {
            v[j] = weightedNormalised(children[j], complete, variant, weights[j] / wTotal);
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < units; i++) {
                if (complete[i]) {
                    max = Math.max(max, v[j][i]);
                    min = Math.min(min, v[j][i]);
                }
            }
            ideal[j] = directions[j] == 1 ? max : min;
            anti[j] = directions[j] == 1 ? min : max;
        }
        double[] out = new double[units];
        for (int i = 0; i < units; i++) {
            if (!complete[i]) {
                out[i] = Double.NaN;
                continue;
            }
            double dPlus = 0;
            double dMinus = 0;
            for (int j = 0; j < k; j++) {
                double a = v[j][i] - ideal[j];
                double b = v[j][i] - anti[j];
                dPlus += a * a;
                dMinus += b * b;
            }
            dPlus = Math.sqrt(dPlus);
            dMinus = Math.sqrt(dMinus);
            out[i] = dPlus + dMinus == 0 ? 0.5 : dMinus / (dPlus + dMinus);
        }
        return out;
    }

    /** w·r for one criterion over the complete units (other units: NaN). */
    private static double[] weightedNormalised(double[] x, boolean[] complete, TopsisVariant variant, double w) {
        int units = x.length;
        double[] v = new double[units];
        double shift;
        double divisor;
        if (variant == TopsisVariant.VECTOR) {
            double ss = 0;
            for (int i = 0; i < units; i++) {
                if (complete[i]) {
                    ss += x[i] * x[i];
                }
            }
            shift = 0;
            divisor = Math.sqrt(ss);
        } else {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < units; i++) {
                if (complete[i]) {
                    min = Math.min(min, x[i]);
                    max = Math.max(max, x[i]);
                }
            }
            shift = min;
            divisor = max - min;
        }
        for (int i = 0; i < units; i++) {
            if (!complete[i]) {
                v[i] = Double.NaN;
            } else {
                // no spread (or all zero): the criterion cannot separate units, r = 0 for all
                v[i] = divisor > 0 ? w * ((x[i] - shift) / divisor) : 0;
            }
        }
        return v;
    }

    // ------------------------------------------------------------------ checks

    /** Checks a [child][unit] matrix and returns the number of units. */
    private static int requireMatrix(double[][] children) {
        if (children == null || children.length == 0) {
            throw new IllegalArgumentException("need at least one child");
        }
        int units = -1;
        for (int j = 0; j < children.length; j++) {
            double[] c = children[j];
            if (c == null) {
                throw new IllegalArgumentException("child " + j + " is null");
            }
            if (units < 0) {
                units = c.length;
            } else if (c.length != units) {
                throw new IllegalArgumentException("child " + j + " has " + c.length + " units, child 0 has " + units);
            }
            for (int i = 0; i < c.length; i++) {
                if (Double.isInfinite(c[i])) {
                    throw new IllegalArgumentException("unit " + i + ", child " + j + " is infinite: use NaN for missing");
                }
            }
        }
        return units;
    }

    private static void requireWeights(double[] weights, int k) {
        if (weights == null || weights.length != k) {
            throw new IllegalArgumentException("need one weight per child (" + k + "), got "
                    + (weights == null ? "none" : weights.length));
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            if (!Double.isFinite(weights[j]) || weights[j] < 0) {
                throw new IllegalArgumentException("weight of child " + j + " must be finite and >= 0, got "
                        + weights[j]);
            }
            sum += weights[j];
        }
        if (sum == 0) {
            throw new IllegalArgumentException("weights are all zero");
        }
    }
}
