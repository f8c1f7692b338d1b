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
     * Collects the patterns of one source's valid rows, beside its {@link SurveyAggregator}. With up to
     * {@link #PACKED_QUESTIONS} questions (the usual case) a row's answers are packed into one {@code long}, 3 bits an
     * answer with the first in the highest bits, so that ascending numbers are the answers' ascending byte order: a row
     * costs one slot in its cell's {@code long[]}, no object, and the cell is sorted and counted when it fills up and
     * at {@link #build} ({@link Cell}). On a cold JVM this did the work of the map of answer vectors it replaces in a
     * fraction of the CPU time (no object and map entry per distinct respondent). With more questions, a map entry per
     * distinct answer vector of a unit and size class. Not thread-safe.
     */
    public static final class Tally {

        /** Questions whose answers (0–5, 3 bits each) fit a {@code long}'s 63 bits below the sign. */
        static final int PACKED_QUESTIONS = 21;
        private static final int BITS = 3;

        private final String source;
        private final List<String> questions;
        private final List<String> expectedUnits;
        private final double[] sizeMix;
        private final int minSample;
        private final boolean packed;
        /** Per unit, its size classes' cells: {@link Cell}s when packed, else maps of answer vectors. */
        private final Map<String, Object[]> byUnit = new HashMap<>();
        /**
         * The one partition's patterns added to an empty tally, kept as they are until something else is added: a
         * file read in one part (the usual case on two cores) is merged without unpacking and rebuilding them.
         */
        private SurveyPatterns only;

        public Tally(String source, List<String> questions, List<String> expectedUnits, double[] sizeMix,
                     int minSample) {
            this.source = source;
            this.questions = List.copyOf(questions);
            this.expectedUnits = List.copyOf(expectedUnits);
            this.sizeMix = sizeMix.clone();
            this.minSample = minSample;
            this.packed = questions.size() <= PACKED_QUESTIONS;
        }

        public void add(ValidResponse r) {
            spill();
            Object cell = cells(r.unit())[r.size()];
            if (packed) {
                ((Cell) cell).add(pack(r.answers(), 0, questions.size()));
            } else {
                add(cell, r.answers(), 1);
            }
        }

        private Object[] cells(String unit) {
            Object[] cells = byUnit.get(unit);
            if (cells == null) {
                cells = new Object[SIZES];
                for (int s = 0; s < SIZES; s++) {
                    cells[s] = packed ? new Cell() : new HashMap<Pattern, int[]>();
                }
                byUnit.put(unit, cells);
            }
            return cells;
        }

        @SuppressWarnings("unchecked")
        private static void add(Object cell, byte[] answers, int n) {
            Map<Pattern, int[]> map = (Map<Pattern, int[]>) cell;
            int[] count = map.get(new Pattern(answers));
            if (count == null) {
                map.put(new Pattern(answers.clone()), new int[] {n});
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
            spill();
            if (byUnit.isEmpty()) {
                only = part;
                return;
            }
            into(part);
        }

        /** The one partition's patterns kept as they were, added to the cells after all: something else comes. */
        private void spill() {
            if (only != null) {
                SurveyPatterns part = only;
                only = null;
                into(part);
            }
        }

        private void into(SurveyPatterns part) {
            int nq = questions.size();
            for (int cell = 0; cell < part.units().size() * SIZES; cell++) {
                int from = part.cellStart()[cell];
                int to = part.cellStart()[cell + 1];
                if (from == to) {
                    continue;
                }
                Object into = cells(part.units().get(cell / SIZES))[cell % SIZES];
                if (packed) {
                    // a cell's patterns are distinct and in ascending order already: merged in as they are
                    long[] keys = new long[to - from];
                    for (int p = from; p < to; p++) {
                        keys[p - from] = pack(part.answers(), p * nq, nq);
                    }
                    ((Cell) into).addAll(keys, Arrays.copyOfRange(part.counts(), from, to));
                } else {
                    for (int p = from; p < to; p++) {
                        add(into, Arrays.copyOfRange(part.answers(), p * nq, (p + 1) * nq), part.counts()[p]);
                    }
                }
            }
        }

        public SurveyPatterns build() {
            if (only != null) {
                // a tally of the same source builds its units in the same order: expected ones, then the others
                return new SurveyPatterns(source, questions, only.units(), sizeMix, minSample, only.cellStart(),
                        only.answers(), only.counts());
            }
            List<String> order = new ArrayList<>(expectedUnits);
            byUnit.keySet().stream().filter(u -> !expectedUnits.contains(u)).sorted().forEach(order::add);
            int nq = questions.size();
            int[] cellStart = new int[order.size() * SIZES + 1];
            int total = 0;
            for (int u = 0; u < order.size(); u++) {
                Object[] cells = byUnit.get(order.get(u));
                for (int s = 0; s < SIZES; s++) {
                    cellStart[u * SIZES + s] = total;
                    total += cells == null ? 0 : patterns(cells[s]);
                }
            }
            cellStart[cellStart.length - 1] = total;
            byte[] flat = new byte[total * nq];
            int[] counts = new int[total];
            for (int u = 0; u < order.size(); u++) {
                Object[] cells = byUnit.get(order.get(u));
                for (int s = 0; cells != null && s < SIZES; s++) {
                    int at = cellStart[u * SIZES + s];
                    if (packed) {
                        Cell c = (Cell) cells[s];
                        for (int p = 0; p < c.sorted; p++) {
                            unpack(c.keys[p], flat, (at + p) * nq, nq);
                        }
                        System.arraycopy(c.counts, 0, counts, at, c.sorted);
                    } else {
                        for (Map.Entry<Pattern, int[]> e : sortedEntries(cells[s])) {
                            System.arraycopy(e.getKey().answers(), 0, flat, at * nq, nq);
                            counts[at++] = e.getValue()[0];
                        }
                    }
                }
            }
            return new SurveyPatterns(source, questions, order, sizeMix, minSample, cellStart, flat, counts);
        }

        /** A cell's distinct patterns (a packed cell's rows sorted and counted first). */
        @SuppressWarnings("unchecked")
        private int patterns(Object cell) {
            if (cell instanceof Cell c) {
                c.compact();
                return c.sorted;
            }
            return ((Map<Pattern, int[]>) cell).size();
        }

        @SuppressWarnings("unchecked")
        private static List<Map.Entry<Pattern, int[]>> sortedEntries(Object cell) {
            List<Map.Entry<Pattern, int[]>> es = new ArrayList<>(((Map<Pattern, int[]>) cell).entrySet());
            es.sort((a, b) -> Arrays.compare(a.getKey().answers(), b.getKey().answers()));
            return es;
        }

        /** Answers {@code from .. from + n − 1} as one number, the first answer in the highest bits. */
        static long pack(byte[] answers, int from, int n) {
            long key = 0;
            for (int q = 0; q < n; q++) {
                key = key << BITS | answers[from + q];
            }
            return key;
        }

        private static void unpack(long key, byte[] into, int at, int n) {
            for (int q = n - 1; q >= 0; q--) {
                into[at + q] = (byte) (key & ((1 << BITS) - 1));
                key >>>= BITS;
            }
        }
    }

    /**
     * One unit and size class's packed patterns: {@code keys[0 .. sorted − 1]} distinct and ascending with their
     * {@code counts}, then {@code keys[sorted .. size − 1]} the rows added since, one respondent each. When the array
     * fills up, the new rows are sorted and merged in ({@link #compact}); it grows only when most of it is distinct
     * patterns, so memory follows the distinct patterns, not the rows.
     */
    private static final class Cell {

        long[] keys = new long[16];
        int[] counts = new int[16];
        int sorted;
        int size;

        void add(long key) {
            if (size == keys.length) {
                compact();
                if (size > keys.length / 2) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                    counts = Arrays.copyOf(counts, keys.length);
                }
            }
            keys[size++] = key;
        }

        /** Sorts the rows added since the last compaction and merges them, counted, into the distinct patterns. */
        void compact() {
            if (size == sorted) {
                return;
            }
            Arrays.sort(keys, sorted, size);
            int n = sorted;
            for (int i = sorted; i < size; ) {          // the new rows counted, in place: they never overtake i
                int j = i;
                while (j < size && keys[j] == keys[i]) {
                    j++;
                }
                keys[n] = keys[i];
                counts[n++] = j - i;
                i = j;
            }
            merge(sorted, n);
        }

        /** Merges other distinct ascending patterns with their counts in (a partition's cell). */
        void addAll(long[] k, int[] c) {
            compact();
            if (sorted + k.length > keys.length) {
                keys = Arrays.copyOf(keys, sorted + k.length);
                counts = Arrays.copyOf(counts, keys.length);
            }
            System.arraycopy(k, 0, keys, sorted, k.length);
            System.arraycopy(c, 0, counts, sorted, c.length);
            merge(sorted, sorted + k.length);
        }

        /** Merges the two distinct ascending runs {@code [0, mid)} and {@code [mid, end)}, adding equal keys' counts. */
        private void merge(int mid, int end) {
            long[] k = new long[keys.length];
            int[] c = new int[keys.length];
            int n = 0;
            int a = 0;
            int b = mid;
            while (a < mid || b < end) {
                if (b == end || a < mid && keys[a] < keys[b]) {
                    k[n] = keys[a];
                    c[n++] = counts[a++];
                } else if (a == mid || keys[b] < keys[a]) {
                    k[n] = keys[b];
                    c[n++] = counts[b++];
                } else {
                    k[n] = keys[a];
                    c[n++] = counts[a++] + counts[b++];
                }
            }
            keys = k;
            counts = c;
            sorted = n;
            size = n;
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
