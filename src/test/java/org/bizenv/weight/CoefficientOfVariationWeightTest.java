package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class CoefficientOfVariationWeightTest {

    @Test
    void handExample() {
        // A = (1,2,3): mean 2, s = 1, CV = 1/2. B = (10,10,10): CV = 0. C = (1,1,4): mean 2, s = √3, CV = √3/2.
        // w_A = (1/2)/(1/2 + √3/2) = (√3 − 1)/2 = 0.3660254038, w_C = (3 − √3)/2 = 0.6339745962
        double[] w = Weighting.coefficientOfVariation(new double[][] {{1, 2, 3}, {10, 10, 10}, {1, 1, 4}});
        assertThat(w).containsExactly(new double[] {(Math.sqrt(3) - 1) / 2, 0.0, (3 - Math.sqrt(3)) / 2},
                within(1e-15));
        assertThat(w[0]).isCloseTo(0.3660254038, within(1e-10));
    }

    @Test
    void matchesCommonsMathStatisticsAndIgnoresIncompleteRows() {
        double[][] c = {{5000, 680, 2000, 600, 800, Double.NaN}, {3, 5, 3, 4, 2, 99}, {3, 3, 2, 3, 4, 1}};
        double[] w = Weighting.coefficientOfVariation(c);
        double[] raw = new double[3];
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            DescriptiveStatistics s = new DescriptiveStatistics();
            for (int i = 0; i < 5; i++) {
                s.addValue(c[j][i]);
            }
            raw[j] = s.getStandardDeviation() / s.getMean();
            sum += raw[j];
        }
        for (int j = 0; j < 3; j++) {
            assertThat(w[j]).isCloseTo(raw[j] / sum, within(1e-14));
        }
    }

    @Test
    void nonPositiveMeanIsRejected() {
        assertThatThrownBy(() -> Weighting.coefficientOfVariation(new double[][] {{1, 2, 3}, {-1, 0, 1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 1 has mean 0.0");
    }

    @Test
    void allConstantIsRejected() {
        assertThatThrownBy(() -> Weighting.coefficientOfVariation(new double[][] {{1, 1}, {2, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every column is constant");
    }

    @Test
    void singleRowIsRejected() {
        assertThatThrownBy(() -> Weighting.coefficientOfVariation(new double[][] {{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 complete rows");
    }
}
