package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightingBasicsTest {

    @Test
    void equalWeights() {
        assertThat(Weighting.equal(4)).containsExactly(0.25, 0.25, 0.25, 0.25);
        assertThat(Weighting.equal(1)).containsExactly(1.0);
        assertThatThrownBy(() -> Weighting.equal(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renormalise() {
        double[] in = {2, 1, 1};
        assertThat(Weighting.renormalise(in)).containsExactly(0.5, 0.25, 0.25);
        assertThat(in).containsExactly(2, 1, 1);
    }

    @Test
    void renormaliseRejectsAndNamesTheIndex() {
        assertThatThrownBy(() -> Weighting.renormalise(new double[] {1, 0, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> Weighting.renormalise(new double[] {1, 2, -3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> Weighting.renormalise(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
        assertThatThrownBy(() -> Weighting.renormalise(new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Weighting.renormalise(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void combineLinear() {
        // inputs rescaled first: objective (2, 2) → (0.5, 0.5); 0.4·(0.8, 0.2) + 0.6·(0.5, 0.5) = (0.62, 0.38)
        assertThat(Weighting.combineLinear(new double[] {0.8, 0.2}, new double[] {2, 2}, 0.4))
                .containsExactly(new double[] {0.62, 0.38}, within(1e-15));
        assertThat(Weighting.combineLinear(new double[] {0.8, 0.2}, new double[] {0.5, 0.5}, 1.0))
                .containsExactly(new double[] {0.8, 0.2}, within(1e-15));
        assertThat(Weighting.combineLinear(new double[] {0.8, 0.2}, new double[] {0.0, 1.0}, 0.0))
                .containsExactly(new double[] {0.0, 1.0}, within(1e-15));
    }

    @Test
    void combineMultiplicative() {
        // (0.5·0.2, 0.3·0.3, 0.2·0.5) = (0.10, 0.09, 0.10) / 0.29
        assertThat(Weighting.combineMultiplicative(new double[] {0.5, 0.3, 0.2}, new double[] {0.2, 0.3, 0.5}))
                .containsExactly(new double[] {10.0 / 29, 9.0 / 29, 10.0 / 29}, within(1e-15));
        // a zero objective weight (constant indicator) zeroes the product
        assertThat(Weighting.combineMultiplicative(new double[] {0.5, 0.5}, new double[] {0.0, 1.0}))
                .containsExactly(0.0, 1.0);
    }

    @Test
    void combineRejectsBadInput() {
        assertThatThrownBy(() -> Weighting.combineLinear(new double[] {0.5, 0.5}, new double[] {1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 weights but objective has 1");
        assertThatThrownBy(() -> Weighting.combineLinear(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Weighting.combineLinear(new double[] {0.5, 0.5}, new double[] {0.5, 0.5}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> Weighting.combineLinear(new double[] {0.5, -0.5}, new double[] {0.5, 0.5}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subjective weight at index 1");
        assertThatThrownBy(() -> Weighting.combineMultiplicative(new double[] {1, 0}, new double[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every product");
        assertThatThrownBy(() -> Weighting.combineMultiplicative(new double[] {1, 0}, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objective weights sum to 0");
    }
}
