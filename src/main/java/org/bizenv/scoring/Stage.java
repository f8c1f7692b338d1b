package org.bizenv.scoring;

/**
 * One named data set of the pipeline (raw, denominated, imputed, treated, normalised): a value per indicator and unit,
 * {@code NaN} where missing, and a flag per value where this stage changed it (imputed or treated).
 *
 * @param values  {@code [indicator][unit]}
 * @param flagged {@code [indicator][unit]}: true where this stage produced a value different from its input
 */
public record Stage(String name, double[][] values, boolean[][] flagged) {

    public static Stage unflagged(String name, double[][] values) {
        boolean[][] f = new boolean[values.length][];
        for (int i = 0; i < values.length; i++) {
            f[i] = new boolean[values[i].length];
        }
        return new Stage(name, values, f);
    }

    public int flaggedCount() {
        int n = 0;
        for (boolean[] row : flagged) {
            for (boolean b : row) {
                if (b) {
                    n++;
                }
            }
        }
        return n;
    }
}
