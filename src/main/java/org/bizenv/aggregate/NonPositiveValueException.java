package org.bizenv.aggregate;

/**
 * A mean that needs positive values (geometric, harmonic, generalised with p ≤ 0) met a value ≤ 0, or a
 * generalised mean with p &gt; 0 met a negative value. Carries the unit and child index so that the caller
 * can name the city and the indicator; the usual remedy is to normalise onto a strictly positive scale
 * such as [1, 100].
 */
public final class NonPositiveValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int unitIndex;
    private final int childIndex;
    private final double value;
    private final String mean;

    public NonPositiveValueException(int unitIndex, int childIndex, double value, String method) {
        super("unit " + unitIndex + ", child " + childIndex + ": value " + value + " is not allowed in the "
                + method + " (normalise onto a strictly positive scale such as [1, 100])");
        this.unitIndex = unitIndex;
        this.childIndex = childIndex;
        this.value = value;
        this.mean = method;
    }

    /** The mean that rejected the value, as a message names it ("geometric mean"). */
    public String mean() {
        return mean;
    }

    /** 0-based index of the unit (city) whose value was rejected. */
    public int unitIndex() {
        return unitIndex;
    }

    /** 0-based index of the child (indicator or sub-aggregate) whose value was rejected. */
    public int childIndex() {
        return childIndex;
    }

    /** The rejected value. */
    public double value() {
        return value;
    }
}
