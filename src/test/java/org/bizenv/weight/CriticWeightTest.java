package org.bizenv.weight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CriticWeightTest {

    /**
     * Tuş &amp; Adalı (2019), CRITIC example, 5 alternatives × 6 criteria, all treated as benefit;
     * published weights to 3 decimals (methodology.md, "Published fixtures").
     */
    static final double[][] TUS_ADALI_ROWS = {
        {5000, 3, 3, 4, 3, 2}, {680, 5, 3, 2, 2, 1}, {2000, 3, 2, 3, 4, 3}, {600, 4, 3, 1, 2, 2},
        {800, 2, 4, 3, 3, 4}};
    static final double[] TUS_ADALI_WEIGHTS = {0.157, 0.249, 0.168, 0.121, 0.154, 0.151};
    static final int[] ALL_BENEFIT = {1, 1, 1, 1, 1, 1};

    @Test
    void tusAdaliFixtureToThreeDecimals() {
        double[] w = Weighting.critic(EntropyWeightTest.columns(TUS_ADALI_ROWS), ALL_BENEFIT,
                CriticVariant.DIRECTION_AWARE);
        assertThat(w).containsExactly(TUS_ADALI_WEIGHTS, within(5e-4));
        assertThat(w[0] + w[1] + w[2] + w[3] + w[4] + w[5]).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void variantsAgreeForAllBenefit() {
        double[][] c = EntropyWeightTest.columns(TUS_ADALI_ROWS);
        assertThat(Weighting.critic(c, ALL_BENEFIT, CriticVariant.IGNORE_DIRECTION))
                .containsExactly(Weighting.critic(c, ALL_BENEFIT), within(1e-15));
    }

    @Test
    void reversingEveryColumnLeavesWeightsUnchanged() {
        // all directions -1: every normalised column is mirrored, so σ and all r_jk are unchanged
        double[][] c = EntropyWeightTest.columns(TUS_ADALI_ROWS);
        assertThat(Weighting.critic(c, new int[] {-1, -1, -1, -1, -1, -1}))
                .containsExactly(TUS_ADALI_WEIGHTS, within(5e-4));
    }

    /*
     * Hand example, 3 units: A = (0,1,2), B = (0,2,1), C = (2,1,0).
     * Min-max (benefit): zA = (0,.5,1), zB = (0,1,.5), zC = (1,.5,0); every sample σ = 0.5.
     * r_AB = 0.5, r_AC = −1, r_BC = −0.5.
     *   all benefit:  C_A = .5·(0.5 + 2) = 1.25, C_B = .5·(0.5 + 1.5) = 1.0, C_C = .5·(2 + 1.5) = 1.75
     *                 → (0.3125, 0.25, 0.4375)
     *   C as cost:    zC = (0,.5,1) = zA, r_AC = 1, r_BC = 0.5:
     *                 C_A = .5·(0.5 + 0) = .25, C_B = .5·(0.5 + 0.5) = .5, C_C = .25 → (0.25, 0.5, 0.25)
     */
    static final double[][] HAND = {{0, 1, 2}, {0, 2, 1}, {2, 1, 0}};

    @Test
    void handExampleAllBenefit() {
        assertThat(Weighting.critic(HAND, new int[] {1, 1, 1}))
                .containsExactly(new double[] {0.3125, 0.25, 0.4375}, within(1e-15));
    }

    @Test
    void handExampleCostColumnDirectionAwareByDefault() {
        assertThat(CriticVariant.DEFAULT).isEqualTo(CriticVariant.DIRECTION_AWARE);
        assertThat(Weighting.critic(HAND, new int[] {1, 1, -1}))
                .containsExactly(new double[] {0.25, 0.5, 0.25}, within(1e-15));
    }

    @Test
    void handExampleCostColumnIgnoredLikePymcdm() {
        assertThat(Weighting.critic(HAND, new int[] {1, 1, -1}, CriticVariant.IGNORE_DIRECTION))
                .containsExactly(new double[] {0.3125, 0.25, 0.4375}, within(1e-15));
    }

    @Test
    void costColumnEqualsBenefitOnNegatedData() {
        double[][] c = EntropyWeightTest.columns(TUS_ADALI_ROWS);
        double[][] negated = EntropyWeightTest.columns(TUS_ADALI_ROWS);
        for (int i = 0; i < negated[0].length; i++) {
            negated[0][i] = -negated[0][i];
        }
        double[] cost = Weighting.critic(c, new int[] {-1, 1, 1, 1, 1, 1});
        assertThat(cost).containsExactly(Weighting.critic(negated, ALL_BENEFIT), within(1e-15));
        assertThat(cost[0]).isGreaterThan(0.18); // 0.184066: direction changes the weights
    }

    @Test
    void constantColumnGetsZeroAndDoesNotDisturbTheOthers() {
        double[][] withConstant = {HAND[0], HAND[1], HAND[2], {7, 7, 7}};
        assertThat(Weighting.critic(withConstant, new int[] {1, 1, 1, 1}))
                .containsExactly(new double[] {0.3125, 0.25, 0.4375, 0.0}, within(1e-15));
    }

    @Test
    void incompleteRowsAreDropped() {
        double[][] c = {{0, 1, 2, Double.NaN}, {0, 2, 1, 5}, {2, 1, 0, 5}};
        assertThat(Weighting.critic(c, new int[] {1, 1, 1}))
                .containsExactly(new double[] {0.3125, 0.25, 0.4375}, within(1e-15));
    }

    @Test
    void degenerateInputsAreRejected() {
        assertThatThrownBy(() -> Weighting.critic(new double[][] {{1, 1, 1}, {2, 2, 2}}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column carries information");
        assertThatThrownBy(() -> Weighting.critic(new double[][] {{1, 2, 3}, {2, 4, 6}}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("perfectly correlated");
        assertThatThrownBy(() -> Weighting.critic(new double[][] {{1, 2}, {2, 1}}, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 complete rows");
        assertThatThrownBy(() -> Weighting.critic(HAND, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 directions given for 3 columns");
        assertThatThrownBy(() -> Weighting.critic(HAND, new int[] {1, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1");
    }

    @Test
    void inputIsNotMutated() {
        double[][] c = EntropyWeightTest.columns(TUS_ADALI_ROWS);
        Weighting.critic(c, new int[] {-1, 1, -1, 1, 1, 1});
        assertThat(c).isDeepEqualTo(EntropyWeightTest.columns(TUS_ADALI_ROWS));
    }
}
