package org.bizenv.weight;

/**
 * Random consistency index tables RI(n) for the AHP consistency ratio CR = CI/RI(n)
 * (methodology.md, "Weights"). Both are tabulated for n = 1..10; RI(1) = RI(2) = 0 and the
 * consistency ratio is then defined as 0 (a 1×1 or reciprocal 2×2 matrix is always consistent).
 */
public enum RandomIndex {

    /**
     * Saaty's classic table (Saaty 1980): n = 3..10 → 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
     * <b>Default</b>: the table behind the published fixtures (drinks CR 0.022, Wang &amp; Chin
     * CR 0.229 with RI(6) = 1.24) and AHPy's {@code random_index='saaty'}.
     */
    SAATY_CLASSIC(new double[] {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49}),

    /** Saaty (2005): n = 3..10 → 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49. */
    SAATY_2005(new double[] {0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49});

    /** The default table, {@link #SAATY_CLASSIC}. */
    public static final RandomIndex DEFAULT = SAATY_CLASSIC;

    private final double[] table;

    RandomIndex(double[] table) {
        this.table = table;
    }

    /** Largest matrix order tabulated. */
    public int maxOrder() {
        return table.length;
    }

    /**
     * RI(n).
     *
     * @throws IllegalArgumentException if n &lt; 1 or n exceeds the table ({@link #maxOrder()})
     */
    public double value(int n) {
        if (n < 1 || n > table.length) {
            throw new IllegalArgumentException("RandomIndex " + name() + " is tabulated for n = 1.."
                    + table.length + ", not n = " + n);
        }
        return table[n - 1];
    }
}
