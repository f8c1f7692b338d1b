package org.bizenv.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One survey source's valid answers in respondent form, compactly: per unit and size class, the distinct answer
 * vectors (patterns) and how many respondents gave each. Everything {@link SurveyAggregator} computes is a function
 * of these counts, and so is any resample of the respondents within a unit and size class (a bootstrap replicate is
 * a new set of counts over the same patterns): keeping a respondent's answers together keeps the correlation of
 * indicators built from the same firm's answers. The score step's survey bootstrap reads it from the run's workspace.
 *
 * <p>Cells are unit-major: cell {@code c = unit · 3 + size}; its patterns are {@code cellStart[c] ..
 * cellStart[c + 1] − 1}, in ascending byte order of their answers, so the data set does not depend on row order.
 *
 * @param source    the survey source's id
 * @param questions the questions, in the order of a pattern's answers
 * @param units     in {@link SurveyResults#units()}'s order (expected units first, then the others by code)
 * @param sizeMix   the weights of micro, small, medium the statistics are post-stratified to
 * @param minSample the source's minimum sample
 * @param cellStart first pattern of each cell; length units × 3 + 1
 * @param answers   pattern p's answers at {@code p · questions .. (p + 1) · questions − 1}: 1–5, 0 = left out
 * @param counts    respondents per pattern (≥ 1)
 */
public record SurveyPatterns(String source, List<String> questions, List<String> units, double[] sizeMix,
                             int minSample, int[] cellStart, byte[] answers, int[] counts) {

    public static final int SIZES = SizeClass.values().length;
    /** Per answer 0–5: whether it counts (0 = left out), and whether it is favourable (≥ 4). */
    private static final int[] ANSWERED = new int[SurveyValidator.MAX_ANSWER + 1];
    private static final int[] IS_FAVOURABLE = new int[SurveyValidator.MAX_ANSWER + 1];

    static {
        for (int a = SurveyValidator.MIN_ANSWER; a <= SurveyValidator.MAX_ANSWER; a++) {
            ANSWERED[a] = 1;
            IS_FAVOURABLE[a] = a >= SurveyAggregator.FAVOURABLE ? 1 : 0;
        }
    }

    public SurveyPatterns {
        questions = List.copyOf(questions);
        units = List.copyOf(units);
        for (byte a : answers) {
            if (a < 0 || a > SurveyValidator.MAX_ANSWER) {
                throw new IllegalArgumentException("survey patterns of source '" + source + "': answer " + a
                        + " is not 0–" + SurveyValidator.MAX_ANSWER);
            }
        }
        if (cellStart.length != units.size() * SIZES + 1 || answers.length != counts.length * questions.size()
                || cellStart[cellStart.length - 1] != counts.length) {
            throw new IllegalArgumentException("inconsistent survey patterns of source '" + source + "'");
        }
    }

    public int patternCount() {
        return counts.length;
    }

    /** Respondents in all (the sum of the counts). */
    public long respondents() {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    /**
     * The counts the respondents give {@link SurveyAggregator}: per unit × size × question (unit-major). For one set of
     * counts, plainly (the reference); the survey bootstrap, which tallies a thousand, compiles the patterns once into
     * {@link PackedPatterns} (narrower fields, the same numbers), whose tests take these results as the reference.
     */
    public SurveyResults results(int[] patternCounts) {
        int nq = questions.size();
        int[] count = new int[units.size() * SIZES * nq];
        int[] sum = new int[count.length];
        int[] favourable = new int[count.length];
        for (int cell = 0; cell < units.size() * SIZES; cell++) {
            tallyCell(cell, patternCounts, count, sum, favourable);
        }
        return SurveyAggregator.poststratified(units, questions, count, sum, favourable, sizeMix, minSample);
    }

    /**
     * Adds the answers of cell {@code cell}'s respondents ({@code patternCounts} of each of its patterns) to the
     * tallies of its questions, at {@code cell · questions}: each answer's three counts summed apart.
     */
    void tallyCell(int cell, int[] patternCounts, int[] count, int[] sum, int[] favourable) {
        int nq = questions.size();
        int base = cell * nq;
        for (int p = cellStart[cell]; p < cellStart[cell + 1]; p++) {
            int x = patternCounts[p];
            int at = p * nq;
            // branch-free: answers are random, so branches on them would mispredict about half the time
            for (int q = 0; q < nq; q++) {
                int a = answers[at + q];
                count[base + q] += x * ANSWERED[a];
                sum[base + q] += x * a;
                favourable[base + q] += x * IS_FAVOURABLE[a];
            }
        }
    }

    /**
     * Collects the patterns of one source's valid rows, beside its {@link SurveyAggregator}: one map entry per
     * distinct answer vector of a unit and size class, never one per row. Not thread-safe.
     */
    public static final class Tally {

        private final String source;
        private final List<String> questions;
        private final List<String> expectedUnits;
        private final double[] sizeMix;
        private final int minSample;
        private final Map<String, List<Map<Pattern, int[]>>> byUnit = new HashMap<>();

        public Tally(String source, List<String> questions, List<String> expectedUnits, double[] sizeMix,
                     int minSample) {
            this.source = source;
            this.questions = List.copyOf(questions);
            this.expectedUnits = List.copyOf(expectedUnits);
            this.sizeMix = sizeMix.clone();
            this.minSample = minSample;
        }

        public void add(ValidResponse r) {
            add(r.unit(), r.size(), r.answers(), 1);
        }

        private void add(String unit, int size, byte[] answers, int n) {
            List<Map<Pattern, int[]>> cells = byUnit.computeIfAbsent(unit, u -> {
                List<Map<Pattern, int[]>> l = new ArrayList<>();
                for (int s = 0; s < SIZES; s++) {
                    l.add(new HashMap<>());
                }
                return l;
            });
            Map<Pattern, int[]> cell = cells.get(size);
            int[] count = cell.get(new Pattern(answers));
            if (count == null) {
                cell.put(new Pattern(answers.clone()), new int[] {n});
            } else {
                count[0] += n;
            }
        }

        /** Adds the patterns another tally built (a partition of the file): the same as adding their rows here. */
        public void addAll(SurveyPatterns part) {
            int nq = questions.size();
            if (!part.questions().equals(questions)) {
                throw new IllegalArgumentException("cannot add the patterns of other questions");
            }
            for (int cell = 0; cell < part.units().size() * SIZES; cell++) {
                for (int p = part.cellStart()[cell]; p < part.cellStart()[cell + 1]; p++) {
                    byte[] a = Arrays.copyOfRange(part.answers(), p * nq, (p + 1) * nq);
                    add(part.units().get(cell / SIZES), cell % SIZES, a, part.counts()[p]);
                }
            }
        }

        public SurveyPatterns build() {
            List<String> order = new ArrayList<>(expectedUnits);
            byUnit.keySet().stream().filter(u -> !expectedUnits.contains(u)).sorted().forEach(order::add);
            int nq = questions.size();
            int[] cellStart = new int[order.size() * SIZES + 1];
            List<byte[]> answers = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (int u = 0; u < order.size(); u++) {
                List<Map<Pattern, int[]>> cells = byUnit.get(order.get(u));
                for (int s = 0; s < SIZES; s++) {
                    cellStart[u * SIZES + s] = counts.size();
                    if (cells == null) {
                        continue;
                    }
                    List<Map.Entry<Pattern, int[]>> es = new ArrayList<>(cells.get(s).entrySet());
                    es.sort((a, b) -> Arrays.compare(a.getKey().answers(), b.getKey().answers()));
                    for (Map.Entry<Pattern, int[]> e : es) {
                        answers.add(e.getKey().answers());
                        counts.add(e.getValue()[0]);
                    }
                }
            }
            cellStart[cellStart.length - 1] = counts.size();
            byte[] flat = new byte[counts.size() * nq];
            for (int p = 0; p < answers.size(); p++) {
                System.arraycopy(answers.get(p), 0, flat, p * nq, nq);
            }
            return new SurveyPatterns(source, questions, order, sizeMix, minSample, cellStart, flat,
                    counts.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** An answer vector as a map key (by content). */
    private record Pattern(byte[] answers) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pattern p && Arrays.equals(answers, p.answers);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(answers);
        }

        @Override
        public String toString() {
            return Arrays.toString(answers);
        }
    }
}
