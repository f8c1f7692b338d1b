package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * {@link SurveyPatterns.Tally}: packed answers (up to 21 questions) and map entries (more) give the distinct answer
 * vectors of each unit and size class in ascending byte order with their respondents, as a plain sort and count of
 * the rows does; partitions' patterns added up give the whole file's.
 */
class SurveyPatternsTallyTest {

    private static final List<String> EXPECTED = List.of("b", "a", "c");
    private static final double[] MIX = {0.7, 0.25, 0.05};

    /** Seeded rows, answers 0–5 drawn from few values so that patterns repeat; units "zz" and "y" are not expected. */
    private static List<ValidResponse> rows(int n, int questions, int values, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> units = List.of("a", "b", "c", "zz", "y");
        List<ValidResponse> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[questions];
            for (int q = 0; q < a.length; q++) {
                a[q] = (byte) (q == 0 ? rng.nextInt(6) : 5 - rng.nextInt(values));
            }
            out.add(new ValidResponse(i + 2, units.get(rng.nextInt(units.size())), rng.nextInt(3), a));
        }
        return out;
    }

    private static List<String> questions(int n) {
        List<String> q = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            q.add("Q" + i);
        }
        return q;
    }

    private static SurveyPatterns.Tally tally(int questions) {
        return new SurveyPatterns.Tally("s", questions(questions), EXPECTED, MIX, 30);
    }

    /** The reference: per unit (expected ones first, then the others by code) and size class, a sorted count. */
    private static SurveyPatterns reference(List<ValidResponse> rows, int questions) {
        List<String> order = new ArrayList<>(EXPECTED);
        rows.stream().map(ValidResponse::unit).distinct().filter(u -> !EXPECTED.contains(u)).sorted()
                .forEach(order::add);
        List<Map<byte[], Integer>> cells = new ArrayList<>();
        for (int c = 0; c < order.size() * 3; c++) {
            cells.add(new TreeMap<>(Arrays::compare));
        }
        for (ValidResponse r : rows) {
            cells.get(order.indexOf(r.unit()) * 3 + r.size()).merge(r.answers(), 1, Integer::sum);
        }
        int[] cellStart = new int[cells.size() + 1];
        List<byte[]> answers = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            cellStart[c] = counts.size();
            cells.get(c).forEach((a, n) -> {
                answers.add(a);
                counts.add(n);
            });
        }
        cellStart[cells.size()] = counts.size();
        byte[] flat = new byte[counts.size() * questions];
        for (int p = 0; p < answers.size(); p++) {
            System.arraycopy(answers.get(p), 0, flat, p * questions, questions);
        }
        return new SurveyPatterns("s", questions(questions), order, MIX, 30, cellStart, flat,
                counts.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void assertSame(SurveyPatterns got, SurveyPatterns expected) {
        assertThat(got.units()).isEqualTo(expected.units());
        assertThat(got.cellStart()).isEqualTo(expected.cellStart());
        assertThat(got.answers()).isEqualTo(expected.answers());
        assertThat(got.counts()).isEqualTo(expected.counts());
    }

    @Test
    void packedAnswersGiveTheSortedCountsOfTheRows() {
        // 20,000 rows over 15 cells, 5 questions of 3 values after the first: patterns repeat, cells fill and compact
        List<ValidResponse> rows = rows(20_000, 5, 3, 7);
        SurveyPatterns.Tally t = tally(5);
        rows.forEach(t::add);
        SurveyPatterns p = t.build();
        assertSame(p, reference(rows, 5));
        assertThat(p.units()).containsExactly("b", "a", "c", "y", "zz");
        assertThat(p.respondents()).isEqualTo(20_000);
        assertThat(p.patternCount()).isLessThan(15 * 6 * 81).isGreaterThan(1_000);
    }

    @Test
    void twentyOneQuestionsArePackedAndTwentyTwoAreMapped() {
        for (int questions : new int[] {21, 22}) {
            List<ValidResponse> rows = rows(5_000, questions, 2, questions);
            SurveyPatterns.Tally t = tally(questions);
            rows.forEach(t::add);
            assertSame(t.build(), reference(rows, questions));
        }
    }

    @Test
    void onePartitionsPatternsAreTakenAsTheyAreAndSpilledWhenRowsFollow() {
        List<ValidResponse> rows = rows(3_000, 4, 2, 5);
        SurveyPatterns.Tally part = tally(4);
        rows.forEach(part::add);
        SurveyPatterns built = part.build();
        SurveyPatterns.Tally whole = tally(4);
        whole.addAll(built);
        SurveyPatterns merged = whole.build();
        assertThat(merged.answers()).isSameAs(built.answers());
        assertSame(merged, reference(rows, 4));

        List<ValidResponse> more = rows(500, 4, 2, 6);
        more.forEach(whole::add);
        List<ValidResponse> all = new ArrayList<>(rows);
        all.addAll(more);
        assertSame(whole.build(), reference(all, 4));
    }

    @Test
    void partitionsPatternsAddedUpGiveTheWholeFilesInBothForms() {
        for (int questions : new int[] {4, 22}) {
            List<ValidResponse> rows = rows(9_000, questions, 2, 11);
            SurveyPatterns.Tally whole = tally(questions);
            for (int from = 0; from < rows.size(); from += 3_000) {
                SurveyPatterns.Tally part = tally(questions);
                rows.subList(from, from + 3_000).forEach(part::add);
                whole.addAll(part.build());
            }
            // and rows added after the parts go to the same cells
            List<ValidResponse> more = rows(2_000, questions, 2, 12);
            more.forEach(whole::add);
            List<ValidResponse> all = new ArrayList<>(rows);
            all.addAll(more);
            assertSame(whole.build(), reference(all, questions));
        }
    }
}
