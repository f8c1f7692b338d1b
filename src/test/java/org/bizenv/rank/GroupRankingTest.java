package org.bizenv.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupRankingTest {

    private static final double NaN = Double.NaN;

    @Test
    void ranksEachGroupOnItsOwnWithCompetitionTies() {
        // a: 90, 80, 80, 70 -> 1, 2, 2, 4; b: 85, 80, 60 -> 1, 2, 3. The 80s tie across groups too, without effect.
        double[] s = {90, 85, 80, 80, 80, 70, 60};
        String[] g = {"a", "b", "a", "a", "b", "a", "b"};
        assertThat(GroupRanking.competition(s, g, -1)).containsExactly(1, 1, 2, 2, 2, 4, 3);
        // overall the same scores rank 1, 2, 3, 3, 3, 6, 7
        assertThat(Ranking.competition(s)).containsExactly(1, 2, 3, 3, 3, 6, 7);
    }

    @Test
    void comparesThePublishedScoresWhenDecimalsAreGiven() {
        double[] s = {71.234, 71.231, 71.2, 50};
        String[] g = {"a", "a", "a", "b"};
        assertThat(GroupRanking.competition(s, g, 2)).containsExactly(1, 1, 3, 1);
        assertThat(GroupRanking.competition(s, g, -1)).containsExactly(1, 2, 3, 1);
    }

    @Test
    void unrankedUnitsAndUnitsWithoutAGroupGetZeroAndDoNotCount() {
        double[] s = {90, 95, 80, 99};
        String[] g = {"a", "a", "a", null};
        int[] overall = {2, 0, 3, 1};      // the 95 is kept out of the ranking
        assertThat(GroupRanking.competition(GroupRanking.rankedOnly(s, overall), g, 2)).containsExactly(1, 0, 2, 0);
    }

    @Test
    void tiersApplyTheTierRuleToEachGroupAlone() {
        // a: 90, 80, 80, 70, 60 -> ranks 1, 2, 2, 4, 5 -> quartile tiers 1 + ⌊4(r − 1)/5⌋ = 1, 1, 1, 3, 4;
        // b: 85, 50, NaN -> ranks 1, 2 of n = 2 -> tiers 1, 3; NaN and the unit without a group get 0
        double[] s = {90, 85, 80, 80, 70, 60, 50, NaN, 99};
        String[] g = {"a", "b", "a", "a", "a", "a", "b", "b", null};
        assertThat(GroupRanking.tiers(s, g, x -> Ranking.tiersByQuantiles(x, 4)))
                .containsExactly(1, 1, 1, 1, 3, 4, 3, 0, 0);
        // overall, the same scores (without the 99) would be 1, 1, 2, 2, 3, 4, 4 of 7 ranked
        assertThat(Ranking.tiersByQuantiles(java.util.Arrays.copyOf(s, 8), 4))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 0);
        // fixed breaks do not depend on the other units: a group tier is the overall tier
        double[] breaks = {80, 60};
        assertThat(GroupRanking.tiers(s, g, x -> Ranking.tiersByBreaks(x, breaks)))
                .containsExactly(1, 1, 1, 1, 2, 2, 3, 0, 0);
    }

    @Test
    void rejectsMismatchedLengthsAndInfiniteScores() {
        assertThatThrownBy(() -> GroupRanking.competition(new double[] {1, 2}, new String[] {"a"}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 scores but 1 group values");
        assertThatThrownBy(() -> GroupRanking.competition(new double[] {1, Double.POSITIVE_INFINITY},
                new String[] {"a", "b"}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit 1 has an infinite score (Infinity)");
    }

    @Test
    void inputsAreNotModified() {
        double[] s = {1, NaN, 3};
        String[] g = {"a", "a", "b"};
        GroupRanking.competition(s, g, 0);
        assertThat(s).containsExactly(1, NaN, 3);
        assertThat(g).containsExactly("a", "a", "b");
    }
}
