package org.bizenv.survey;

import static org.bizenv.survey.PatternFixtures.MIX;
import static org.bizenv.survey.PatternFixtures.QUESTIONS;
import static org.bizenv.survey.PatternFixtures.UNITS;
import static org.bizenv.survey.PatternFixtures.patterns;
import static org.bizenv.survey.PatternFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link PackedPatterns} (the survey bootstrap's tallies: fields as narrow as a cell's respondents allow, two or
 * three questions a long) against the row-by-row tally of {@link SurveyAggregator} over the same respondents, and
 * against {@link SurveyPatterns#results}: the same counts, sums and statistics exactly, for nominal and resampled
 * counts, and for cells of each packing (three, two and one question a long) at and beyond their limit.
 */
class PackedPatternsTest {

    private static final byte[] ALL_FIVE = {5, 5, 5, 5, 5};

    /** The tallies, field by field, of the respondents the counts stand for, one row each. */
    private static int[][] rowByRow(SurveyPatterns p, int[] counts) {
        int nq = QUESTIONS.size();
        int[][] t = new int[3][p.units().size() * SurveyPatterns.SIZES * nq];
        for (int cell = 0; cell < p.units().size() * SurveyPatterns.SIZES; cell++) {
            for (int k = p.cellStart()[cell]; k < p.cellStart()[cell + 1]; k++) {
                for (int r = 0; r < counts[k]; r++) {
                    for (int q = 0; q < nq; q++) {
                        int a = p.answers()[k * nq + q];
                        t[0][cell * nq + q] += a > 0 ? 1 : 0;
                        t[1][cell * nq + q] += a;
                        t[2][cell * nq + q] += a >= 4 ? 1 : 0;
                    }
                }
            }
        }
        return t;
    }

    /** The packed tallies of the draws the counts stand for, shuffled, cell by cell. */
    private static int[][] packed(PackedPatterns packed, int[] counts) {
        int[][] drawn = new int[3][packed.tallies()];
        Arrays.fill(drawn[0], -1);                  // overwritten, not added to
        Arrays.fill(drawn[1], -1);
        Arrays.fill(drawn[2], -1);
        int[] zeroed = new int[counts.length];
        SurveyPatterns p = packed.patterns();
        SplittableRandom rng = new SplittableRandom(11);
        for (int c = 0; c + 1 < p.cellStart().length; c++) {
            int n = 0;
            for (int k = p.cellStart()[c]; k < p.cellStart()[c + 1]; k++) {
                n += counts[k];
            }
            int[] draws = new int[n];
            int at = 0;
            for (int k = p.cellStart()[c]; k < p.cellStart()[c + 1]; k++) {
                for (int r = 0; r < counts[k]; r++) {
                    draws[at++] = k;
                }
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int x = draws[i];
                draws[i] = draws[j];
                draws[j] = x;
            }
            packed.tallyDrawn(c, draws, n, zeroed, drawn[0], drawn[1], drawn[2]);
        }
        assertThat(Arrays.stream(zeroed).allMatch(x -> x == 0)).isTrue();
        return drawn;
    }

    /**
     * Tallies as the row-by-row ones, and statistics exactly {@link SurveyPatterns#results}' (itself tested so); the
     * groups kept as words, and as keys.
     */
    private static void assertSame(SurveyPatterns p, int[] counts) {
        assertThat(packed(new PackedPatterns(p, 0), counts)).isDeepEqualTo(rowByRow(p, counts));
        PackedPatterns packed = new PackedPatterns(p);
        int[][] t = packed(packed, counts);
        assertThat(t).isDeepEqualTo(rowByRow(p, counts));
        PackedPatterns.Statistics got = packed.statistics(t[0], t[1], t[2]);
        SurveyResults want = p.results(counts);
        for (int u = 0; u < p.units().size(); u++) {
            for (int q = 0; q < QUESTIONS.size(); q++) {
                int at = u * QUESTIONS.size() + q;
                String unit = p.units().get(u);
                // bit for bit (NaN where a unit has no answers)
                assertThat(Double.doubleToRawLongBits(got.of(true, at)))
                        .isEqualTo(Double.doubleToRawLongBits(want.meanScore(unit, QUESTIONS.get(q))));
                assertThat(Double.doubleToRawLongBits(got.of(false, at)))
                        .isEqualTo(Double.doubleToRawLongBits(want.shareFavourable(unit, QUESTIONS.get(q))));
            }
        }
    }

    @Test
    void nominalAndResampledCountsGiveTheRowByRowTallies() {
        SurveyPatterns p = patterns(rows(3000, 21));
        assertSame(p, p.counts());
        SplittableRandom rng = new SplittableRandom(3);
        int[] counts = new int[p.patternCount()];
        for (int k = 0; k < counts.length; k++) {
            counts[k] = rng.nextInt(3);              // a third of the patterns drawn by none
        }
        assertSame(p, counts);
    }

    /**
     * One pattern answering 5 throughout fills every field of its cell at once (answered = favourable = the total,
     * the sum 5 × the total), so a field one bit too narrow or a shift one bit off changes a count. Unit a's micro cell
     * has 3 respondents (fields of 2, 2 and 4 bits, three questions a long: at most 3), b's 300 (9, 9, 11 bits, two a
     * long: at most 409, where the sum 2,045 nearly fills its 11 bits), c's 1,000 (10, 10, 13 bits, one a long: at most
     * 1,023, where answered and favourable fill their 10 bits).
     */
    @Test
    void eachPackingIsExactAtItsLimitAndSummedByFieldBeyondIt() {
        List<ValidResponse> rows = new ArrayList<>();
        int id = 2;
        int[] sizes = {3, 300, 1000};
        SplittableRandom rng = new SplittableRandom(9);
        for (int u = 0; u < UNITS.size(); u++) {
            rows.add(new ValidResponse(id++, UNITS.get(u), 0, ALL_FIVE.clone()));
            rows.add(new ValidResponse(id++, UNITS.get(u), 0, new byte[] {0, 0, 0, 0, 0}));
            for (int i = 2; i < sizes[u]; i++) {
                byte[] a = new byte[QUESTIONS.size()];
                for (int q = 0; q < a.length; q++) {
                    a[q] = (byte) rng.nextInt(6);
                }
                rows.add(new ValidResponse(id++, UNITS.get(u), 0, a));
            }
        }
        SurveyPatterns p = patterns(rows);
        PackedPatterns packed = new PackedPatterns(p);
        long[] limits = {3, 409, 1023};
        for (int u = 0; u < UNITS.size(); u++) {
            int cell = u * SurveyPatterns.SIZES;
            assertThat(packed.capacity(cell)).as(UNITS.get(u)).isEqualTo(limits[u]);
            int five = p.cellStart()[cell + 1] - 1;   // patterns in ascending byte order: all fives come last
            assertThat(Arrays.copyOfRange(p.answers(), five * 5, five * 5 + 5)).isEqualTo(ALL_FIVE);
            for (long extra : new long[] {0, 1}) {
                int[] counts = p.counts().clone();
                Arrays.fill(counts, p.cellStart()[cell], p.cellStart()[cell + 1], 0);
                counts[five] = (int) (limits[u] + extra);
                assertSame(p, counts);
                int[][] t = packed(packed, counts);
                assertThat(t[0][cell * 5]).isEqualTo(limits[u] + extra);
                assertThat(t[1][cell * 5 + 4]).isEqualTo(5 * (limits[u] + extra));
                assertThat(t[2][cell * 5 + 2]).isEqualTo(limits[u] + extra);
            }
            // the limit's total spread over all the cell's patterns, the left-out answers among them
            int[] counts = p.counts().clone();
            int m = p.cellStart()[cell + 1] - p.cellStart()[cell];
            Arrays.fill(counts, p.cellStart()[cell], p.cellStart()[cell + 1], 0);
            for (long r = 0; r < limits[u]; r++) {
                counts[p.cellStart()[cell] + (int) (r * 7 % m)]++;
            }
            assertSame(p, counts);
        }
    }

    @Test
    void aCellTooLargeForOneQuestionALongIsSummedByField() {
        SurveyPatterns p = patterns(rows(300, 4));
        int[] counts = p.counts().clone();
        counts[0] = 2_000_000;                        // far beyond its cell's packing, made for a few dozen
        assertSame(p, counts);
        // a cell of 1,100,000 respondents: answered and favourable need 21 bits, the sum 23, 65 in all
        int[] cellStart = new int[UNITS.size() * SurveyPatterns.SIZES + 1];
        Arrays.fill(cellStart, 2, cellStart.length, 1);
        SurveyPatterns big = new SurveyPatterns("s", QUESTIONS, UNITS, MIX, 30, cellStart, ALL_FIVE.clone(),
                new int[] {1_100_000});
        assertThat(new PackedPatterns(big).capacity(1)).isZero();
        assertSame(big, big.counts());
        assertThat(packed(new PackedPatterns(big), big.counts())[1][5]).isEqualTo(5_500_000);
    }
}
