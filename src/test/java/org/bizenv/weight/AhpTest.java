package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class AhpTest {

    /*
     * Saaty's drinks example (Saaty 2008, Int. J. Services Sciences 1:1, 83-98), judgements as in
     * AHPy's tests/test_ahp.py ("drinks"). Order: coffee, wine, tea, beer, soda, milk, water.
     * Published: water .327, soda .190, coffee .177, milk .129, beer .116, tea .042, wine .019;
     * AHPy precision 4: .3268, .1896, .1775, .1288, .1164, .0418, .0191; λmax ≈ 7.1766, CR ≈ 0.022.
     */
    static final String[] DRINKS = {"coffee", "wine", "tea", "beer", "soda", "milk", "water"};
    static final double[][] DRINKS_MATRIX = drinks();

    static double[][] drinks() {
        double[][] a = new double[7][7];
        for (int i = 0; i < 7; i++) {
            java.util.Arrays.fill(a[i], Double.NaN);
            a[i][i] = 1;
        }
        set(a, "coffee", "wine", 9); set(a, "coffee", "tea", 5); set(a, "coffee", "beer", 2);
        set(a, "coffee", "soda", 1); set(a, "coffee", "milk", 1);
        set(a, "water", "coffee", 2); set(a, "water", "wine", 9); set(a, "water", "tea", 9);
        set(a, "water", "beer", 3); set(a, "water", "soda", 2); set(a, "water", "milk", 3);
        set(a, "tea", "wine", 3);
        set(a, "beer", "wine", 9); set(a, "beer", "tea", 3); set(a, "beer", "milk", 1);
        set(a, "soda", "wine", 9); set(a, "soda", "tea", 4); set(a, "soda", "beer", 2); set(a, "soda", "milk", 2);
        set(a, "milk", "wine", 9); set(a, "milk", "tea", 3);
        for (double[] row : a) {
            for (double v : row) {
                assertThat(v).as("all 21 judgements given").isNotNaN();
            }
        }
        return a;
    }

    private static void set(double[][] a, String i, String j, double v) {
        int p = java.util.Arrays.asList(DRINKS).indexOf(i);
        int q = java.util.Arrays.asList(DRINKS).indexOf(j);
        a[p][q] = v;
        a[q][p] = 1 / v;
    }

    /*
     * Wang & Chin (2011) inconsistent 6×6 matrix (methodology.md): λmax ≈ 7.4199, CR ≈ 0.229 with RI(6) = 1.24.
     */
    static final double[][] WANG_CHIN = {
        {1, 4, 3, 1, 3, 4}, {1.0 / 4, 1, 7, 3, 1.0 / 5, 1}, {1.0 / 3, 1.0 / 7, 1, 1.0 / 5, 1.0 / 5, 1.0 / 6},
        {1, 1.0 / 3, 5, 1, 1, 1.0 / 3}, {1.0 / 3, 5, 5, 1, 1, 3}, {1.0 / 4, 1, 6, 3, 1.0 / 3, 1}};

    @Test
    void drinksWeightsToThreeAndFourDecimals() {
        AhpResult r = Weighting.ahp(DRINKS_MATRIX, RandomIndex.SAATY_CLASSIC);
        double[] w = r.weights();
        // coffee, wine, tea, beer, soda, milk, water
        assertThat(w).containsExactly(new double[] {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327}, within(5e-4));
        assertThat(w).containsExactly(new double[] {0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268}, within(5e-5));
        assertThat(java.util.Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void drinksLambdaMaxAndConsistency() {
        AhpResult r = Weighting.ahp(DRINKS_MATRIX);
        assertThat(r.lambdaMax()).isCloseTo(7.1766, within(5e-5));
        assertThat(r.ci()).isCloseTo((r.lambdaMax() - 7) / 6, within(1e-15));
        assertThat(r.cr()).isCloseTo(0.022, within(5e-4));
        assertThat(r.cr()).isCloseTo(r.ci() / 1.32, within(1e-15));
        assertThat(r.consistent(AhpResult.STANDARD_CR_LIMIT)).isTrue();
        assertThat(r.requireConsistent(0.10, "drinks")).isSameAs(r);
    }

    @Test
    void drinksAgainstCommonsMathEigenvectorAndPowerIteration() {
        AhpResult r = Weighting.ahp(DRINKS_MATRIX);
        RealMatrix a = new Array2DRowRealMatrix(DRINKS_MATRIX);
        RealVector w = a.operate(new org.apache.commons.math3.linear.ArrayRealVector(r.weights()));
        for (int i = 0; i < 7; i++) {
            assertThat(w.getEntry(i)).isCloseTo(r.lambdaMax() * r.weights()[i], within(1e-12));
        }
        double[] pw = new double[7];
        double lambda = Weighting.powerIteration(DRINKS_MATRIX, pw);
        assertThat(lambda).isCloseTo(r.lambdaMax(), within(1e-10));
        assertThat(pw).containsExactly(r.weights(), within(1e-12));
    }

    @Test
    void wangChinIsRejected() {
        AhpResult r = Weighting.ahp(WANG_CHIN, RandomIndex.SAATY_CLASSIC);
        assertThat(r.lambdaMax()).isCloseTo(7.4199, within(5e-5));
        assertThat(r.cr()).isCloseTo(0.229, within(5e-4));
        assertThat(r.consistent(0.10)).isFalse();
        assertThatThrownBy(() -> r.requireConsistent(0.10, "Wang & Chin 2011"))
                .isInstanceOf(InconsistentJudgementsException.class)
                .hasMessageContaining("'Wang & Chin 2011'")
                .hasMessageContaining("CR = 0.2290")
                .hasMessageContaining("limit 0.1000")
                .satisfies(e -> {
                    InconsistentJudgementsException x = (InconsistentJudgementsException) e;
                    assertThat(x.matrixName()).isEqualTo("Wang & Chin 2011");
                    assertThat(x.cr()).isCloseTo(0.229, within(5e-4));
                    assertThat(x.limit()).isEqualTo(0.10);
                });
    }

    @Test
    void saaty2005TableChangesOnlyCr() {
        // RI(6) = 1.25, RI(7) = 1.35: Wang & Chin CR = 0.28397/1.25 = 0.22718; drinks CR = 0.029438/1.35 = 0.021806
        AhpResult wc = Weighting.ahp(WANG_CHIN, RandomIndex.SAATY_2005);
        assertThat(wc.cr()).isCloseTo(0.22718, within(5e-6));
        assertThat(Weighting.ahp(DRINKS_MATRIX, RandomIndex.SAATY_2005).cr()).isCloseTo(0.021806, within(5e-6));
        assertThat(wc.weights()).containsExactly(Weighting.ahp(WANG_CHIN).weights(), within(0.0));
    }

    @Test
    void perfectlyConsistentMatrixReproducesItsWeights() {
        double[] v = {0.5, 0.3, 0.2};
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a[i][j] = v[i] / v[j];
            }
        }
        AhpResult r = Weighting.ahp(a);
        assertThat(r.weights()).containsExactly(v, within(1e-14));
        assertThat(r.lambdaMax()).isCloseTo(3.0, within(1e-12));
        assertThat(r.ci()).isZero();
        assertThat(r.cr()).isZero();
    }

    @Test
    void orderOneAndTwo() {
        AhpResult one = Weighting.ahp(new double[][] {{1}});
        assertThat(one.weights()).containsExactly(1.0);
        assertThat(one.cr()).isZero();
        assertThat(one.lambdaMax()).isEqualTo(1.0);

        AhpResult two = Weighting.ahp(new double[][] {{1, 3}, {1.0 / 3, 1}});
        assertThat(two.weights()).containsExactly(new double[] {0.75, 0.25}, within(1e-14));
        assertThat(two.lambdaMax()).isCloseTo(2.0, within(1e-12));
        assertThat(two.ci()).isZero();
        assertThat(two.cr()).isZero();
    }

    @Test
    void threeDecimalReciprocalsAreAccepted() {
        double[][] a = {{1, 7, 3}, {0.143, 1, 0.5}, {0.333, 2, 1}};
        assertThat(Weighting.ahp(a).weights()).hasSize(3);
    }

    @Test
    void invalidMatricesNameTheCell() {
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{1, 2, 3}, {0.5, 1, 2}, {3, 0.5, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not reciprocal at cell (0, 2)");
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{1, 7, 3}, {0.14, 1, 0.5}, {1.0 / 3, 2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (0, 1)");
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{1, 0}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (0, 1) must be finite and positive");
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{1, Double.NaN}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cell (0, 1)");
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{2, 1}, {1, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diagonal cell (0, 0)");
        assertThatThrownBy(() -> Weighting.ahp(new double[][] {{1, 2, 3}, {0.5, 1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("square");
        assertThatThrownBy(() -> Weighting.ahp(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Weighting.ahp(DRINKS_MATRIX, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderBeyondTheRandomIndexTableIsRejected() {
        double[][] a = new double[11][11];
        for (double[] row : a) {
            java.util.Arrays.fill(row, 1.0);
        }
        assertThatThrownBy(() -> Weighting.ahp(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 1..10, not n = 11");
    }

    @Test
    void randomIndexTables() {
        assertThat(RandomIndex.DEFAULT).isEqualTo(RandomIndex.SAATY_CLASSIC);
        assertThat(RandomIndex.SAATY_CLASSIC.value(3)).isEqualTo(0.58);
        assertThat(RandomIndex.SAATY_CLASSIC.value(6)).isEqualTo(1.24);
        assertThat(RandomIndex.SAATY_CLASSIC.value(10)).isEqualTo(1.49);
        assertThat(RandomIndex.SAATY_2005.value(3)).isEqualTo(0.52);
        assertThat(RandomIndex.SAATY_2005.value(7)).isEqualTo(1.35);
        assertThat(RandomIndex.SAATY_2005.value(2)).isZero();
    }

    @Test
    void resultIsImmutableAndLimitValidated() {
        AhpResult r = Weighting.ahp(DRINKS_MATRIX);
        r.weights()[0] = 99;
        assertThat(r.weights()[0]).isCloseTo(0.1775, within(5e-5));
        assertThatThrownBy(() -> r.consistent(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.consistent(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputIsNotMutated() {
        double[][] copy = drinks();
        Weighting.ahp(DRINKS_MATRIX);
        assertThat(DRINKS_MATRIX).isDeepEqualTo(copy);
    }
}
