package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bizenv.survey.SurveyAggregatorTest.MEDIUM;
import static org.bizenv.survey.SurveyAggregatorTest.MICRO;
import static org.bizenv.survey.SurveyAggregatorTest.SMALL;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyBreakdownTest {

    static final double[] MIX = {0.70, 0.25, 0.05};
    static final List<String> QUESTIONS = List.of("Q01", "Q02");
    static final String SCORE = SurveyResults.MEAN_SCORE;
    static final String SHARE = SurveyResults.SHARE_FAVOURABLE;

    static ValidResponse row(long line, String unit, int size, String industry, int q1, int q2) {
        return new ValidResponse(line, unit, size, new byte[] {(byte) q1, (byte) q2}, industry);
    }

    static List<ValidResponse> rows() {
        return List.of(
                row(2, "wuhan", MICRO, "制造业", 5, 2),
                row(3, "wuhan", MICRO, " 制造业 ", 3, 0),   // the same industry, typed with spaces
                row(4, "wuhan", SMALL, "制造业", 1, 4),
                row(5, "wuhan", MICRO, "建筑业", 4, 4),
                row(6, "wuhan", MEDIUM, "", 2, 5),            // industry not given
                row(7, "xian", SMALL, "建筑业", 5, 0));
    }

    static SurveyBreakdown breakdown(List<ValidResponse> rows, int minSample) {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi"));
        rows.forEach(agg::add);
        return agg.breakdown(MIX, minSample);
    }

    @Test
    void valuesAndAnswersPerIndustryAndSizeClassByHand() {
        SurveyBreakdown b = breakdown(rows(), 3);
        // industries sorted by their text, the one not given last
        assertThat(b.industries()).containsExactly("制造业", "建筑业", SurveyBreakdown.NOT_GIVEN);
        int manufacturing = 0;
        int construction = 1;
        int notGiven = 2;
        // Wuhan, manufacturing, Q01: micro 5, 3 -> 100, 50, mean 75; small 1 -> 0; post-stratified over micro and
        // small: (0.70·75 + 0.25·0)/0.95 = 55.2631…; favourable: micro 1 of 2 -> 50, small 0 -> (0.70·50)/0.95
        assertThat(b.industryAnswers(0, manufacturing, 0)).isEqualTo(3);
        assertThat(b.industryValue(SCORE, 0, manufacturing, 0)).isCloseTo(0.70 * 75 / 0.95, within(1e-12));
        assertThat(b.industryValue(SHARE, 0, manufacturing, 0)).isCloseTo(0.70 * 50 / 0.95, within(1e-12));
        // Wuhan, manufacturing, Q02: micro 2 (the other left it out) -> 25, small 4 -> 75: (0.70·25 + 0.25·75)/0.95
        assertThat(b.industryAnswers(0, manufacturing, 1)).isEqualTo(2);
        assertThat(b.industryValue(SCORE, 0, manufacturing, 1)).isCloseTo((0.70 * 25 + 0.25 * 75) / 0.95,
                within(1e-12));
        assertThat(b.industryAnswers(0, construction, 0)).isEqualTo(1);
        assertThat(b.industryValue(SCORE, 0, construction, 0)).isEqualTo(75);
        assertThat(b.industryAnswers(0, notGiven, 1)).isEqualTo(1);
        assertThat(b.industryValue(SHARE, 0, notGiven, 1)).isEqualTo(100);
        // Xi'an has no firm of manufacturing; Urumqi none at all
        assertThat(b.industryAnswers(1, manufacturing, 0)).isZero();
        assertThat(b.industryValue(SCORE, 1, manufacturing, 0)).isNaN();
        assertThat(b.industryValue(SCORE, 1, construction, 0)).isEqualTo(100);
        assertThat(b.industryValue(SCORE, 2, construction, 0)).isNaN();

        // by size class, each class's own statistic: Wuhan micro Q01: 5, 3, 4 -> (100 + 50 + 75)/3 = 75, 2 of 3 ≥ 4
        assertThat(b.sizeAnswers(0, SizeClass.MICRO, 0)).isEqualTo(3);
        assertThat(b.sizeValue(SCORE, 0, SizeClass.MICRO, 0)).isCloseTo(75, within(1e-12));
        assertThat(b.sizeValue(SHARE, 0, SizeClass.MICRO, 0)).isCloseTo(200.0 / 3, within(1e-12));
        assertThat(b.sizeAnswers(0, SizeClass.MEDIUM, 0)).isEqualTo(1);
        assertThat(b.sizeValue(SCORE, 0, SizeClass.MEDIUM, 0)).isEqualTo(25);
        assertThat(b.sizeValue(SCORE, 1, SizeClass.MICRO, 0)).isNaN();
        // under the minimum sample of 3: 1 and 2 answers; 3 is enough; an empty cell is not flagged (no value)
        assertThat(b.thin(1)).isTrue();
        assertThat(b.thin(2)).isTrue();
        assertThat(b.thin(3)).isFalse();
        assertThat(b.thin(0)).isFalse();
    }

    @Test
    void mergedPartitionsGiveTheSameBreakdownsAndStandardErrors() {
        List<ValidResponse> all = rows();
        SurveyAggregator whole = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi"));
        all.forEach(whole::add);
        SurveyAggregator first = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi"));
        SurveyAggregator second = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi"));
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? second : first).add(all.get(i)); // the second partition meets other industries first
        }
        first.merge(second);
        SurveyDetail a = SurveyDetail.of("s", whole.results(MIX, 3), whole.breakdown(MIX, 3), List.of("I1", "I2"),
                QUESTIONS, List.of(SCORE, SHARE));
        SurveyDetail b = SurveyDetail.of("s", first.results(MIX, 3), first.breakdown(MIX, 3), List.of("I1", "I2"),
                QUESTIONS, List.of(SCORE, SHARE));
        assertThat(b.industries()).isEqualTo(a.industries());
        for (int j = 0; j < 2; j++) {
            var x = a.indicators().get(j);
            var y = b.indicators().get(j);
            assertThat(y.value()).containsExactly(x.value());
            assertThat(y.standardError()).containsExactly(x.standardError());
            for (int i = 0; i < x.industryValues().length; i++) {
                assertThat(y.industryValues()[i]).containsExactly(x.industryValues()[i]);
            }
            for (int s = 0; s < 3; s++) {
                assertThat(y.sizeValues()[s]).containsExactly(x.sizeValues()[s]);
            }
            assertThat(y.industryAnswers()).isDeepEqualTo(x.industryAnswers());
        }
        // Wuhan's Q01 SE: micro 5, 3, 4 -> x 100, 50, 75, s² = 625; small 1 and medium 2 (n = 1 each) borrow 625
        assertThat(a.indicators().get(0).standardError()[0]).isCloseTo(
                Math.sqrt(0.49 * 625 / 3 + 0.0625 * 625 + 0.0025 * 625), within(1e-12));
    }
}
