package org.bizenv.aggregate;

/**
 * Aggregation of children (indicators, or lower-level aggregates) into one parent score per unit, for callers that hold
 * whole matrices (one-off analyses, tests against published fixtures): checked, allocating entry points over
 * {@link AggregationKernel}, which computes every number. The scorer and the robustness re-aggregation call the kernel
 * directly.
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
        AggregationMethod method = switch (m) {
            case ARITHMETIC -> AggregationMethod.arithmetic();
            case GEOMETRIC -> AggregationMethod.geometric();
            case HARMONIC -> AggregationMethod.harmonic();
            case GENERALISED -> AggregationMethod.generalised(p);
        };
        return run(method.withMinShare(minShare), children, weights);
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
     * A criterion with direction −1 is negated and then treated as a benefit: its distances are unchanged (for the
     * vector variant to the bit, for min-max up to rounding).
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
        requireMatrix(children);
        int k = children.length;
        requireWeights(weights, k);
        if (directions == null || directions.length != k) {
            throw new IllegalArgumentException("need one direction per criterion (" + k + ")");
        }
        double[][] benefits = new double[k][];
        for (int j = 0; j < k; j++) {
            if (directions[j] != 1 && directions[j] != -1) {
                throw new IllegalArgumentException("direction of criterion " + j + " must be +1 or -1, got "
                        + directions[j]);
            }
            benefits[j] = children[j];
            if (directions[j] == -1) {
                benefits[j] = new double[children[j].length];
                for (int i = 0; i < benefits[j].length; i++) {
                    benefits[j][i] = -children[j][i];
                }
            }
        }
        if (variant == null) {
            throw new IllegalArgumentException("TOPSIS variant is required");
        }
        double[] scaled = run(AggregationMethod.topsis(variant == TopsisVariant.MINMAX), benefits, weights);
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= 100;           // the kernel reports closeness on the 0–100 scale
        }
        return scaled;
    }

    private static double[] run(AggregationMethod method, double[][] children, double[] weights) {
        int units = children[0].length;
        NodeChildren c = new NodeChildren(children.length, units, null);
        for (int j = 0; j < children.length; j++) {
            c.add(children[j], weights[j], null, null);
        }
        double[] out = new double[units];
        AggregationKernel.aggregate(method, c, out, new boolean[units], null,
                new AggregationKernel.Scratch(units, children.length));
        return out;
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
