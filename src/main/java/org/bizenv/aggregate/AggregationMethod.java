package org.bizenv.aggregate;

/**
 * How a node aggregates its children, resolved for {@link AggregationKernel}: the mean (or TOPSIS), its exponent, the
 * availability threshold and what a zero does. Immutable: resolve it once, outside any hot loop, and hand the same
 * instance to every run.
 *
 * @param kind          the mean after folding the generalised mean's special cases: p = 1 is {@link Kind#ARITHMETIC}
 *                      and |p| &lt; 1e-12 {@link Kind#GEOMETRIC} (the two differ there by less than ~1e-12 relative)
 * @param p             the exponent as stated (1 arithmetic, 0 geometric, −1 harmonic, p generalised; 1 for TOPSIS)
 * @param minShare      the availability threshold in [0, 1]: the share of the children that apply to a unit which
 *                      must have an observed (not imputed) value for the unit to be scored; 0 = no threshold
 * @param zerosGiveZero {@code zeros: zero}: a child equal to 0 where the mean is undefined at 0 (geometric, harmonic,
 *                      generalised with p &lt; 0) makes the unit's score 0, the mean's limit as that child tends to 0;
 *                      false ({@code zeros: error}) makes it a {@link NonPositiveValueException}
 */
public record AggregationMethod(Kind kind, double p, double minShare, boolean zerosGiveZero) {

    /** The means the kernel computes. */
    public enum Kind {
        /** Σ w·x / Σ w. Any sign. */
        ARITHMETIC,
        /** exp(Σ w·ln x / Σ w). Needs every value &gt; 0. */
        GEOMETRIC,
        /** Σ w / Σ (w/x). Needs every value &gt; 0. */
        HARMONIC,
        /** Power mean (Σ w·x^p / Σ w)^(1/p): values &gt; 0 for p &lt; 0, ≥ 0 for p &gt; 0. */
        GENERALISED,
        /** TOPSIS closeness ×100, criteria normalised by x/√Σx² (Hwang &amp; Yoon's original). */
        TOPSIS_VECTOR,
        /** TOPSIS closeness ×100, criteria normalised by (x − min)/(max − min). */
        TOPSIS_MINMAX
    }

    /** Below this |p| the generalised mean is the geometric mean (its limit as p → 0). */
    static final double GEOMETRIC_LIMIT_P = 1e-12;

    public AggregationMethod {
        if (kind == null) {
            throw new IllegalArgumentException("aggregation method is required");
        }
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("generalised mean exponent p must be finite, got " + p);
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new IllegalArgumentException("min-share must lie in [0, 1], got " + minShare);
        }
    }

    public static AggregationMethod arithmetic() {
        return new AggregationMethod(Kind.ARITHMETIC, 1, 0, false);
    }

    public static AggregationMethod geometric() {
        return new AggregationMethod(Kind.GEOMETRIC, 0, 0, false);
    }

    public static AggregationMethod harmonic() {
        return new AggregationMethod(Kind.HARMONIC, -1, 0, false);
    }

    /** The power mean with exponent p, folded to the arithmetic (p = 1) or geometric (|p| &lt; 1e-12) mean. */
    public static AggregationMethod generalised(double p) {
        Kind k = p == 1 ? Kind.ARITHMETIC : Math.abs(p) < GEOMETRIC_LIMIT_P ? Kind.GEOMETRIC : Kind.GENERALISED;
        return new AggregationMethod(k, p, 0, false);
    }

    public static AggregationMethod topsis(boolean minmax) {
        return new AggregationMethod(minmax ? Kind.TOPSIS_MINMAX : Kind.TOPSIS_VECTOR, 1, 0, false);
    }

    public AggregationMethod withMinShare(double share) {
        return new AggregationMethod(kind, p, share, zerosGiveZero);
    }

    public AggregationMethod withZerosGiveZero(boolean zero) {
        return new AggregationMethod(kind, p, minShare, zero);
    }

    public boolean isTopsis() {
        return kind == Kind.TOPSIS_VECTOR || kind == Kind.TOPSIS_MINMAX;
    }

    /** The method as reports name it: arithmetic, geometric, harmonic, generalised, topsis (vector | minmax). */
    public String label() {
        return switch (kind) {
            case ARITHMETIC -> "arithmetic";
            case GEOMETRIC -> "geometric";
            case HARMONIC -> "harmonic";
            case GENERALISED -> "generalised";
            case TOPSIS_VECTOR -> "topsis (vector)";
            case TOPSIS_MINMAX -> "topsis (minmax)";
        };
    }

    /** The mean as an error message names it ("geometric mean", "generalised mean with p = -2.0"). */
    String meanName() {
        return switch (kind) {
            case GEOMETRIC -> p == 0 ? "geometric mean" : "generalised mean with p = " + p;
            case HARMONIC -> "harmonic mean";
            case GENERALISED -> "generalised mean with p = " + p;
            default -> label();
        };
    }
}
