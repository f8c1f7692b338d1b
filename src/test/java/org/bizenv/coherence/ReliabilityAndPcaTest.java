package org.bizenv.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class ReliabilityAndPcaTest {

    @Test
    void cronbachAlphaByHand() {
        // x1 = (1,2,3), x2 = (1,3,2), x3 = (2,1,3); sample covariances: variances 1, c12 = c13 = 1/2, c23 = −1/2.
        // sum of all entries = 3 + 2·(1/2) = 4; mean off-diagonal = (1/2)/3 = 1/6 → α = 9·(1/6)/4 = 0.375
        assertThat(Coherence.cronbachAlpha(new double[][] {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}}))
                .isCloseTo(0.375, within(1e-15));
        // parallel items: every covariance 1 → α = 4·1/4 = 1
        assertThat(Coherence.cronbachAlpha(new double[][] {{1, 2, 3}, {2, 3, 4}})).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void cronbachAlphaMatchesTheVarianceFormulaWithCommonsMath() {
        // α = k/(k−1)·(1 − Σ var_j / var(row sums)), computed with commons-math Covariance and Variance
        double[][] c = CorrelationTest.TUS_ADALI;
        RealMatrix cov = new Covariance(CorrelationTest.rows(c)).getCovarianceMatrix();
        int k = c.length;
        double sumVar = 0;
        for (int j = 0; j < k; j++) {
            sumVar += cov.getEntry(j, j);
        }
        double[] total = new double[c[0].length];
        for (double[] col : c) {
            for (int i = 0; i < total.length; i++) {
                total[i] += col[i];
            }
        }
        double expected = k / (k - 1.0) * (1 - sumVar / new Variance().evaluate(total));
        assertThat(Coherence.cronbachAlpha(c)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void cronbachAlphaUsesCompleteRows() {
        double[][] c = {{1, 2, 3, Double.NaN}, {1, 3, 2, 50}, {2, 1, 3, -7}};
        assertThat(Coherence.cronbachAlpha(c)).isCloseTo(0.375, within(1e-15));
    }

    @Test
    void cronbachAlphaDegenerateCases() {
        assertThatThrownBy(() -> Coherence.cronbachAlpha(new double[][] {{1, 2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 columns");
        assertThatThrownBy(() -> Coherence.cronbachAlpha(new double[][] {{1, Double.NaN}, {2, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 complete rows");
        assertThatThrownBy(() -> Coherence.cronbachAlpha(new double[][] {{1, 1, 1}, {2, 2, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero variance");
    }

    @Test
    void pcaVarianceExplainedThreeVariablesByHand() {
        // x1 = u, x2 = u + v, x3 = u − v (see PcaWeightTest): eigenvalues 2.6, 0.4, 0 of a 3×3 correlation matrix
        double[][] c = {{-1, -1, 1, 1}, {-1.5, -0.5, 0.5, 1.5}, {-0.5, -1.5, 1.5, 0.5}};
        double[] s = Coherence.pcaVarianceExplained(c);
        assertThat(s).containsExactly(new double[] {2.6 / 3, 0.4 / 3, 0.0}, within(1e-12));
        assertThat(s[2]).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void pcaVarianceExplainedTwoVariables() {
        // r = 0.5 → eigenvalues 1 ± |r| → (0.75, 0.25); same for r = −0.5
        assertThat(Coherence.pcaVarianceExplained(new double[][] {{1, 2, 3}, {1, 3, 2}}))
                .containsExactly(new double[] {0.75, 0.25}, within(1e-14));
        assertThat(Coherence.pcaVarianceExplained(new double[][] {{1, 2, 3, Double.NaN}, {3, 1, 2, 4}}))
                .containsExactly(new double[] {0.75, 0.25}, within(1e-14));
    }

    @Test
    void pcaVarianceExplainedIsDescendingAndSumsToOne() {
        double[] s = Coherence.pcaVarianceExplained(CorrelationTest.TUS_ADALI);
        assertThat(s).hasSize(6);
        double sum = 0;
        for (int j = 0; j < s.length; j++) {
            sum += s[j];
            if (j > 0) {
                assertThat(s[j]).isLessThanOrEqualTo(s[j - 1]);
            }
        }
        assertThat(sum).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void pcaVarianceExplainedRejectsConstantColumnAndTooFewRows() {
        assertThatThrownBy(() -> Coherence.pcaVarianceExplained(new double[][] {{1, 2, 3}, {0, 0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1 is constant");
        assertThatThrownBy(() -> Coherence.pcaVarianceExplained(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 complete rows");
    }
}
