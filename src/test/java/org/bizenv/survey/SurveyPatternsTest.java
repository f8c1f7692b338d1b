package org.bizenv.survey;

import static org.bizenv.survey.PatternFixtures.MIX;
import static org.bizenv.survey.PatternFixtures.QUESTIONS;
import static org.bizenv.survey.PatternFixtures.UNITS;
import static org.bizenv.survey.PatternFixtures.patterns;
import static org.bizenv.survey.PatternFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link SurveyPatterns#results} (a respondent's answers counted once per pattern, times the pattern's count) against
 * the row-by-row tally of {@link SurveyAggregator} over the same respondents: the same statistics exactly, for the
 * nominal counts, for resampled ones with zeros, and for cells of hundreds of thousands of respondents.
 */
class SurveyPatternsTest {


    /** The respondents the counts stand for, one row each, tallied row by row. */
    private static SurveyResults rowByRow(SurveyPatterns p, int[] counts) {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, UNITS);
        int nq = QUESTIONS.size();
        for (int cell = 0; cell < p.units().size() * SurveyPatterns.SIZES; cell++) {
            for (int k = p.cellStart()[cell]; k < p.cellStart()[cell + 1]; k++) {
                byte[] a = java.util.Arrays.copyOfRange(p.answers(), k * nq, (k + 1) * nq);
                for (int r = 0; r < counts[k]; r++) {
                    agg.add(new ValidResponse(r, p.units().get(cell / SurveyPatterns.SIZES),
                            cell % SurveyPatterns.SIZES, a));
                }
            }
        }
        return agg.results(MIX, 30);
    }

    private static void assertSame(SurveyResults got, SurveyResults expected) {
        assertThat(got.units()).isEqualTo(expected.units());
        for (String u : expected.units()) {
            for (String q : QUESTIONS) {
                assertThat(got.n(u, q)).as(u + " " + q).isEqualTo(expected.n(u, q));
                for (SizeClass s : SizeClass.values()) {
                    assertThat(got.n(u, s, q)).isEqualTo(expected.n(u, s, q));
                }
                // the statistics (standard errors need squares, which patterns' results do not carry)
                for (String stat : List.of("mean-score", "share-favourable")) {
                    assertThat(got.statistic(stat, u, q)).isEqualTo(expected.statistic(stat, u, q));
                }
            }
        }
    }

    private static int max(byte[] answers, int from, int length) {
        int m = 0;
        for (int i = from; i < from + length; i++) {
            m = Math.max(m, answers[i]);
        }
        return m;
    }

    @Test
    void theNominalCountsGiveTheRowByRowTally() {
        List<ValidResponse> rows = rows(3000, 11);
        SurveyPatterns p = patterns(rows);
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, UNITS);
        rows.forEach(agg::add);
        assertSame(p.results(p.counts()), agg.results(MIX, 30));
    }

    @Test
    void resampledCountsWithZerosGiveTheRowByRowTallyOfThoseRespondents() {
        SurveyPatterns p = patterns(rows(3000, 12));
        SplittableRandom rng = new SplittableRandom(5);
        int[] counts = new int[p.patternCount()];
        int zeros = 0;
        for (int k = 0; k < counts.length; k++) {
            counts[k] = rng.nextInt(4);                 // 0–3 respondents: a quarter of the patterns drawn by none
            zeros += counts[k] == 0 ? 1 : 0;
        }
        assertThat(zeros).isPositive();
        assertSame(p.results(counts), rowByRow(p, counts));
    }

    @Test
    void cellsOfManyRespondentsAreSummedExactly() {
        SurveyPatterns p = patterns(rows(600, 13));
        int[] counts = p.counts().clone();
        // unit a's micro cell of 400,000 respondents (all on its first pattern); unit b's of over a million, whose sums
        // of answers would overflow 21 bits (a million respondents on a pattern with answers of 3 and more)
        int a = p.cellStart()[0];
        int b = p.cellStart()[SurveyPatterns.SIZES];
        java.util.Arrays.fill(counts, a, p.cellStart()[1], 0);
        counts[a] = 400_000;
        int nq = QUESTIONS.size();
        int big = b;
        while (max(p.answers(), big * nq, nq) < 3) {
            big++;
        }
        assertThat(big).isLessThan(p.cellStart()[SurveyPatterns.SIZES + 1]);
        counts[big] = 1_000_000;
        assertSame(p.results(counts), rowByRow(p, counts));
    }
}
