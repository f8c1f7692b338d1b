package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PcaWeightTest {

    /*
     * Hand example. u = (−1,−1,1,1), v = (−.5,.5,−.5,.5) are centred and orthogonal, |u|² = 4, |v|² = 1.
     * Columns x1 = u, x2 = u + v, x3 = u − v:
     *   r12 = r13 = 4/√(4·5) = 2/√5 =: a,  r23 = (4 − 1)/(4 + 1) = 3/5 =: b.
     * By symmetry the first eigenvector is (x, 1, 1) with a·x² + b·x − 2a = 0
     *   → x = (−b + √(b² + 8a²))/(2a) = (−0.6 + 2.6)/(4/√5) = √5/2, eigenvalue a·x + 1 + b = 2.6.
     * Other eigenvalues: (0, 1, −1) → 1 − b = 0.4, and 3 − 2.6 − 0.4 = 0 (x1 = (x2 + x3)/2).
     * Squared unit eigenvector: (5/4, 1, 1)/(13/4) = (5/13, 4/13, 4/13).
     */
    static final double[][] HAND = {{-1, -1, 1, 1}, {-1.5, -0.5, 0.5, 1.5}, {-0.5, -1.5, 1.5, 0.5}};

    @Test
    void threeVariableHandExample() {
        assertThat(Weighting.pca(HAND)).containsExactly(new double[] {5.0 / 13, 4.0 / 13, 4.0 / 13}, within(1e-12));
    }

    @Test
    void locationAndScaleDoNotMatter() {
        double[][] shifted = new double[3][4];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 4; i++) {
                shifted[j][i] = 100 + (j + 1) * 7.5 * HAND[j][i];
            }
        }
        assertThat(Weighting.pca(shifted)).containsExactly(new double[] {5.0 / 13, 4.0 / 13, 4.0 / 13}, within(1e-12));
    }

    @Test
    void twoVariablesSplitEvenlyWhateverTheSignOfR() {
        // x = (1,2,3), y = (1,3,2): r = 0.5; y' = (3,1,2): r = −0.5. Eigenvectors (1, ±1)/√2 → (0.5, 0.5).
        assertThat(Weighting.pca(new double[][] {{1, 2, 3}, {1, 3, 2}})).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
        assertThat(Weighting.pca(new double[][] {{1, 2, 3}, {3, 1, 2}})).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    }

    @Test
    void uncorrelatedIndicatorsHaveNoUniqueFirstComponent() {
        // x = (1,2,3,4), y = (1,2,2,1): deviations (−1.5,−.5,.5,1.5)·(−.5,.5,.5,−.5) = 0 → R = I
        assertThatThrownBy(() -> Weighting.pca(new double[][] {{1, 2, 3, 4}, {1, 2, 2, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not unique");
    }

    @Test
    void constantColumnOrTooFewRowsAreRejected() {
        assertThatThrownBy(() -> Weighting.pca(new double[][] {{1, 2, 3}, {5, 5, 5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1 is constant");
        assertThatThrownBy(() -> Weighting.pca(new double[][] {{1, 2, Double.NaN}, {5, 6, 7}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 complete rows, got 2");
    }

    @Test
    void singleColumn() {
        assertThat(Weighting.pca(new double[][] {{1, 2, 4}})).containsExactly(1.0);
    }
}
