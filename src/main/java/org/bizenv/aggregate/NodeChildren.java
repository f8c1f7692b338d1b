package org.bizenv.aggregate;

/**
 * The children of one node as {@link AggregationKernel} reads them: per child a row of values over the units (NaN =
 * missing), its weight, and optionally which values were imputed and to which units it does not apply. A caller keeps
 * one instance and refills it for every node ({@link #clear()}, then {@link #add} in child order): it holds references
 * to the caller's arrays and copies nothing, so refilling allocates nothing.
 *
 * <p>Three words, used the same way by the mean, the availability threshold and the scorer's warnings:
 * <ul>
 *   <li>a child <b>applies</b> to a unit unless its not-applicable mask says otherwise (a text code such as "No VAT");
 *       a value that does not apply must be NaN;</li>
 *   <li>a child <b>has data</b> for a unit when it applies and its value is not NaN (imputed values included);</li>
 *   <li>a child is <b>observed</b> for a unit when it has data that was not imputed.</li>
 * </ul>
 *
 * <p>Units {@code outside} (if given) take no part: the kernel leaves them NaN and out of every comparison across units
 * (TOPSIS's normalisation and ideals). Composite units are outside: their scores are their components' mean instead.
 */
public final class NodeChildren {

    final int units;
    final boolean[] outside;
    final double[][] values;
    final double[] weights;
    final boolean[][] imputed;
    final boolean[][] notApplicable;
    final double[][] logs;
    final boolean[] complete;
    int count;
    boolean anyImputed;
    boolean anyIncomplete;

    /**
     * @param capacity the most children a node will have
     * @param units    the length of every row
     * @param outside  units that take no part (see the class comment), or null for none
     */
    public NodeChildren(int capacity, int units, boolean[] outside) {
        if (outside != null && outside.length != units) {
            throw new IllegalArgumentException("outside has " + outside.length + " units, expected " + units);
        }
        this.units = units;
        this.outside = outside;
        this.values = new double[capacity][];
        this.weights = new double[capacity];
        this.imputed = new boolean[capacity][];
        this.notApplicable = new boolean[capacity][];
        this.logs = new double[capacity][];
        this.complete = new boolean[capacity];
    }

    /** Forgets every child (the references to the caller's arrays are overwritten by the next {@link #add}s). */
    public void clear() {
        count = 0;
        anyImputed = false;
        anyIncomplete = false;
    }

    /**
     * Adds the next child, finding out itself whether its row is complete.
     *
     * @param imputed       true where the value was imputed (not observed), or null when none was
     * @param notApplicable true where the child does not apply to the unit, or null when it applies to every unit
     */
    public void add(double[] values, double weight, boolean[] imputed, boolean[] notApplicable) {
        boolean full = true;
        for (double x : values) {
            if (x != x) {
                full = false;
                break;
            }
        }
        add(values, weight, imputed, notApplicable, null, full);
    }

    /**
     * Adds the next child with facts the caller already knows, so that the hot loop need not look for them.
     *
     * @param logs     {@code Math.log} of each value, or null to compute logarithms when needed; give them only for a
     *                 row whose values are all &gt; 0 or NaN
     * @param complete true only if no value of the row is NaN
     */
    public void add(double[] values, double weight, boolean[] imputed, boolean[] notApplicable, double[] logs,
                    boolean complete) {
        if (count == this.values.length) {
            throw new IllegalArgumentException("more than " + count + " children");
        }
        if (values.length != units || (imputed != null && imputed.length != units)
                || (notApplicable != null && notApplicable.length != units) || (logs != null && logs.length != units)) {
            throw new IllegalArgumentException("child " + count + ": every row needs " + units + " units");
        }
        if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("weight of child " + count + " must be finite and >= 0, got " + weight);
        }
        if (notApplicable != null) {
            for (int i = 0; i < units; i++) {
                if (notApplicable[i] && values[i] == values[i]) {
                    throw new IllegalArgumentException("child " + count + " does not apply to unit " + i
                            + " but has the value " + values[i] + " there (a value that does not apply is NaN)");
                }
            }
        }
        int c = count++;
        this.values[c] = values;
        this.weights[c] = weight;
        this.imputed[c] = imputed;
        this.notApplicable[c] = notApplicable;
        this.logs[c] = logs;
        this.complete[c] = complete;
        anyImputed |= imputed != null;
        anyIncomplete |= !complete;
    }

    public int count() {
        return count;
    }

    public int units() {
        return units;
    }

    public double weight(int child) {
        return weights[child];
    }

    /** Whether child c applies to unit i. */
    public boolean applies(int c, int i) {
        boolean[] na = notApplicable[c];
        return na == null || !na[i];
    }

    /** Whether child c has data for unit i: it applies and its value is not NaN. */
    public boolean hasData(int c, int i) {
        double x = values[c][i];
        return applies(c, i) && x == x;
    }

    /** Whether child c's value for unit i was imputed. */
    public boolean imputed(int c, int i) {
        boolean[] imp = imputed[c];
        return imp != null && imp[i];
    }

    /** Whether child c has an observed (not imputed) value for unit i. */
    public boolean observed(int c, int i) {
        return hasData(c, i) && !imputed(c, i);
    }

    /** How many children apply to unit i. */
    public int applicable(int i) {
        int n = 0;
        for (int c = 0; c < count; c++) {
            n += applies(c, i) ? 1 : 0;
        }
        return n;
    }

    /** How many children have data for unit i. */
    public int withData(int i) {
        int n = 0;
        for (int c = 0; c < count; c++) {
            n += hasData(c, i) ? 1 : 0;
        }
        return n;
    }

    /** How many children have an observed value for unit i. */
    public int observed(int i) {
        int n = 0;
        for (int c = 0; c < count; c++) {
            n += observed(c, i) ? 1 : 0;
        }
        return n;
    }
}
