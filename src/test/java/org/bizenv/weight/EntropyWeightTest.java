package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyWeightTest {

    /**
     * Elsayed, Dahlan &amp; Sayed (2017) entropy-weight example, 12 units × 5 criteria, p computed from the
     * raw values (methodology.md, "Published fixtures"). Rows are units; transposed below.
     */
    static final double[][] ELSAYED_ROWS = {
        {7, 312, 1891, 6613, 163}, {72, 88, 728, 941804, 1078}, {10, 252, 2594, 3466, 117471},
        {10, 145, 980, 2371, 86329}, {65, 54, 350, 501, 29897}, {29, 48, 380, 912, 34051},
        {7, 476, 3300, 78470, 2212}, {70, 87, 650, 733, 819000}, {4, 86, 591, 3015, 103},
        {12, 79, 579, 3240, 96098}, {21, 45, 261, 1253, 453}, {1, 72, 530, 4333, 0.1048}};
    static final double[] ELSAYED_WEIGHTS = {0.104991, 0.069124, 0.071373, 0.449937, 0.304575};

    static double[][] columns(double[][] rows) {
        double[][] c = new double[rows[0].length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                c[j][i] = rows[i][j];
            }
        }
        return c;
    }

    @Test
    void elsayedFixtureToSixDecimals() {
        double[] w = Weighting.entropy(columns(ELSAYED_ROWS), EntropyVariant.TEXTBOOK);
        assertThat(w).containsExactly(ELSAYED_WEIGHTS, within(5e-7));
        assertThat(w[0] + w[1] + w[2] + w[3] + w[4]).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void defaultIsTextbook() {
        assertThat(EntropyVariant.DEFAULT).isEqualTo(EntropyVariant.TEXTBOOK);
        assertThat(Weighting.entropy(columns(ELSAYED_ROWS))).containsExactly(ELSAYED_WEIGHTS, within(5e-7));
    }

    /*
     * Hand example, n = 3 units:
     *   A = (2,2,2): p uniform, E = 1
     *   B = (0,1,1): p = (0, 1/2, 1/2), E = ln2/ln3 = 0.6309297536
     *   C = (1,2,3): p = (1/6,1/3,1/2), E = (ln6/6 + ln3/3 + ln2/2)/ln3 = 0.9206198357
     */
    static final double[][] HAND = {{2, 2, 2}, {0, 1, 1}, {1, 2, 3}};
    static final double EB = Math.log(2) / Math.log(3);
    static final double EC = (Math.log(6) / 6 + Math.log(3) / 3 + Math.log(2) / 2) / Math.log(3);

    @Test
    void textbookHandExampleConstantColumnGetsZero() {
        // 1 - E = (0, 0.3690702464, 0.0793801643) -> (0, 0.8229900957, 0.1770099043)
        double[] w = Weighting.entropy(HAND, EntropyVariant.TEXTBOOK);
        assertThat(EB).isCloseTo(0.6309297536, within(1e-10));
        assertThat(EC).isCloseTo(0.9206198357, within(1e-10));
        assertThat(w).containsExactly(new double[] {0.0, 0.8229900957, 0.1770099043}, within(1e-10));
        assertThat(w[0]).isZero();
    }

    @Test
    void zeroEntropyVariantGivesAnyColumnWithAZeroTheMaximalScore() {
        // pymcdm: B contains a 0, so E_B := 0 and 1 - E_B = 1; raw (0, 1, 0.0793801643)
        double[] w = Weighting.entropy(HAND, EntropyVariant.ZERO_ENTROPY_IF_ANY_ZERO);
        assertThat(w).containsExactly(new double[] {0.0, 0.9264576403, 0.0735423597}, within(1e-10));
    }

    @Test
    void proportionalVariantWeightsByEntropyItself() {
        // scikit-criteria: w ∝ E = (1, 0.6309297536, 0.9206198357) / 2.5515495893
        double[] w = Weighting.entropy(HAND, EntropyVariant.PROPORTIONAL_TO_ENTROPY);
        assertThat(w).containsExactly(new double[] {0.3919187003, 0.2472731698, 0.3608081299}, within(1e-9));
    }

    @Test
    void variantsAgreeWhenThereAreNoZerosExceptProportional() {
        double[][] c = columns(ELSAYED_ROWS);
        assertThat(Weighting.entropy(c, EntropyVariant.ZERO_ENTROPY_IF_ANY_ZERO))
                .containsExactly(Weighting.entropy(c, EntropyVariant.TEXTBOOK), within(1e-15));
        assertThat(Weighting.entropy(c, EntropyVariant.PROPORTIONAL_TO_ENTROPY)[3])
                .isLessThan(0.1); // the most informative column gets the least weight
    }

    @Test
    void rowsWithMissingValuesAreDropped() {
        double[][] rows = new double[ELSAYED_ROWS.length + 1][];
        System.arraycopy(ELSAYED_ROWS, 0, rows, 0, ELSAYED_ROWS.length);
        rows[ELSAYED_ROWS.length] = new double[] {1e6, Double.NaN, 1, 1, 1};
        assertThat(Weighting.entropy(columns(rows))).containsExactly(ELSAYED_WEIGHTS, within(5e-7));
    }

    @Test
    void inputIsNotMutated() {
        double[][] c = columns(ELSAYED_ROWS);
        double[][] copy = columns(ELSAYED_ROWS);
        Weighting.entropy(c, EntropyVariant.ZERO_ENTROPY_IF_ANY_ZERO);
        assertThat(c).isDeepEqualTo(copy);
    }

    @Test
    void singleColumnGetsWeightOne() {
        assertThat(Weighting.entropy(new double[][] {{1, 2, 3}})).containsExactly(1.0);
    }

    @Test
    void negativeValueIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, 2, 3}, {1, 2, -0.5}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1, unit 2");
    }

    @Test
    void allConstantColumnsAreRejected() {
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, 1, 1}, {4, 4, 4}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("constant");
    }

    @Test
    void allZeroColumnIsRejected() {
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, 2, 3}, {0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1 sums to 0");
    }

    @Test
    void fewerThanTwoCompleteRowsIsRejected() {
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, Double.NaN}, {2, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 complete rows, got 1");
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void raggedOrInfiniteInputIsRejected() {
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, 2}, {1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1 has 3 units");
        assertThatThrownBy(() -> Weighting.entropy(new double[][] {{1, Double.POSITIVE_INFINITY}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
        assertThatThrownBy(() -> Weighting.entropy(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighting.entropy(HAND, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
