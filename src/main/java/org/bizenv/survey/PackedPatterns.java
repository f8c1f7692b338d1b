package org.bizenv.survey;

import java.util.Arrays;

/**
 * One source's {@link SurveyPatterns} compiled for many tallies of drawn respondents: the survey bootstrap's inner
 * loop, which gives the same counts, sums and statistics as {@link SurveyPatterns#results} of the pattern counts the
 * draws make (and so as the row-by-row tally of those respondents), exactly, with a fraction of the work.
 *
 * <p><b>Narrow fields.</b> Each answer adds three counts (answered, favourable, the answer itself). Within a cell of
 * n respondents none of their totals can exceed n, n and 5n, so the fields need only {@code bits(n)}, {@code bits(n)}
 * and {@code bits(5n)} bits, and k = ⌊64 / (2·bits(n) + bits(5n))⌋ questions share one long (two for cells up to 819
 * respondents, three up to 63, one up to 2^20 − 1). Sums of such longs are exact while no field's total overflows: a
 * cell whose counts add up to more than its {@link #capacity} is summed field by field instead.
 *
 * <p><b>Words, or keys when they would be large.</b> A group of k questions is the long its answers add (a word), read
 * straight from one array in the inner loop. When a source has more than {@link #WORDS_LIMIT} groups (16 MB of
 * words), a group is stored instead as one byte, the answers' base-6 number (k ≤ 3: at most 215), which indexes a 6^k
 * table of those longs: ⌈q / k⌉ bytes a pattern, never more than the answers themselves, so the bootstrap's memory
 * stays flat at any survey size, for one table look-up more per group (measured on the sample under C1: words 200 µs
 * a replicate, keys 275).
 *
 * <p><b>Group-major.</b> A cell's words (or keys) are laid out group by group, and each drawn respondent adds its
 * pattern's words into register accumulators, three groups a pass over the draws: no count per pattern, no store per
 * answer. Immutable and thread-safe.
 */
public final class PackedPatterns {

    /** The most questions a key holds: 6^3 = 216 keys fit in an unsigned byte. */
    private static final int MAX_PER_KEY = 3;
    private static final int ANSWERS = SurveyValidator.MAX_ANSWER + 1;
    /** The most groups a source keeps as words (8 bytes each); beyond, as keys (1 byte each). */
    static final int WORDS_LIMIT = 1 << 21;

    private final SurveyPatterns patterns;
    private final int nq;
    /** Per cell: questions per key (0: the cell is too large to pack, summed field by field). */
    private final int[] perKey;
    /** Per cell: the width of the answered and favourable fields; the answers' sum takes the rest of a field. */
    private final int[] countBits;
    private final int[] fieldBits;
    /** Per cell: the largest total of counts whose sums its fields hold exactly. */
    private final long[] capacity;
    /** Per cell: where its groups start (group g of its pattern i at keyStart + g · patterns + i). */
    private final int[] keyStart;
    /** Group g of pattern i as a key, or null when {@link #words} holds them. */
    private final byte[] keys;
    /** Group g of pattern i as the long it adds, or null when there are too many to keep as words. */
    private final long[] words;
    /** Per cell: its table of packed longs by key, shared by the cells of the same field widths. */
    private final long[][] table;

    public PackedPatterns(SurveyPatterns patterns) {
        this(patterns, WORDS_LIMIT);
    }

    /** @param wordsLimit the most groups kept as words (tests lower it to see the keys) */
    PackedPatterns(SurveyPatterns patterns, int wordsLimit) {
        this.patterns = patterns;
        this.nq = patterns.questions().size();
        int cells = patterns.cellStart().length - 1;
        this.perKey = new int[cells];
        this.countBits = new int[cells];
        this.fieldBits = new int[cells];
        this.capacity = new long[cells];
        this.keyStart = new int[cells + 1];
        this.table = new long[cells][];
        java.util.Map<Integer, long[]> byWidths = new java.util.HashMap<>();
        long size = 0;
        for (int c = 0; c < cells; c++) {
            int start = patterns.cellStart()[c];
            int end = patterns.cellStart()[c + 1];
            long n = 0;
            for (int p = start; p < end; p++) {
                n += patterns.counts()[p];
            }
            int b = bits(n);
            int field = 2 * b + bits(SurveyValidator.MAX_ANSWER * n);
            int k = Math.min(MAX_PER_KEY, Math.min(nq, 64 / field));
            keyStart[c] = (int) size;
            if (k == 0 || nq == 0) {
                continue;
            }
            perKey[c] = k;
            countBits[c] = b;
            fieldBits[c] = field;
            capacity[c] = Math.min((1L << b) - 1, ((1L << (field - 2 * b)) - 1) / SurveyValidator.MAX_ANSWER);
            long[] t = byWidths.get(field * 64 + b);
            if (t == null) {
                t = table(b, field, k);
                byWidths.put(field * 64 + b, t);
            }
            table[c] = t;
            size += (long) groups(k) * (end - start);
        }
        keyStart[cells] = (int) size;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("survey patterns of source '" + patterns.source() + "' too many to pack");
        }
        byte[] keys = new byte[(int) size];
        byte[] answers = patterns.answers();
        for (int c = 0; c < cells; c++) {
            int k = perKey[c];
            if (k == 0) {
                continue;
            }
            int start = patterns.cellStart()[c];
            int m = patterns.cellStart()[c + 1] - start;
            for (int g = 0; g < groups(k); g++) {
                for (int i = 0; i < m; i++) {
                    int key = 0;
                    for (int s = k - 1; s >= 0; s--) {
                        int q = g * k + s;
                        key = key * ANSWERS + (q < nq ? answers[(start + i) * nq + q] : 0);  // beyond the last: 0 adds 0
                    }
                    keys[keyStart[c] + g * m + i] = (byte) key;
                }
            }
        }
        if (keys.length <= wordsLimit) {
            this.words = new long[keys.length];
            for (int c = 0; c < cells; c++) {
                for (int i = keyStart[c]; i < keyStart[c + 1]; i++) {
                    words[i] = table[c][keys[i] & 0xff];
                }
            }
            this.keys = null;
        } else {
            this.words = null;
            this.keys = keys;
        }
    }

    public SurveyPatterns patterns() {
        return patterns;
    }

    /** The bits that hold 0..v. */
    private static int bits(long v) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(v));
    }

    private static int pow6(int k) {
        return k == 1 ? ANSWERS : k == 2 ? ANSWERS * ANSWERS : ANSWERS * ANSWERS * ANSWERS;
    }

    private int groups(int k) {
        return (nq + k - 1) / k;
    }

    /** Key → the longs its k answers add: slot s (the key's s-th base-6 digit) at bit s · field. */
    private static long[] table(int b, int field, int k) {
        long[] t = new long[pow6(k)];
        for (int key = 0; key < t.length; key++) {
            long packed = 0;
            int rest = key;
            for (int s = 0; s < k; s++) {
                int a = rest % ANSWERS;
                rest /= ANSWERS;
                long answered = a >= SurveyValidator.MIN_ANSWER ? 1 : 0;
                long favourable = a >= SurveyAggregator.FAVOURABLE ? 1 : 0;
                packed |= (answered | favourable << b | (long) a << 2 * b) << s * field;
            }
            t[key] = packed;
        }
        return t;
    }

    /** The largest total of counts cell c sums packed (0: the cell is summed field by field). */
    long capacity(int cell) {
        return capacity[cell];
    }

    /**
     * Cell c's tallies of n drawn respondents, {@code drawn[0..n)} each the index of the respondent's pattern (as
     * {@link SurveyPatterns} numbers the source's patterns; one of this cell's), into {@code count}, {@code sum} and
     * {@code favourable} (overwritten): the integers {@link SurveyPatterns#results} gives for the pattern counts the
     * draws make, without counting them. Each draw adds its pattern's packed groups, three groups a pass over the
     * draws. A cell of more draws than its {@link #capacity} is counted into {@code zeroed} (all 0, one per pattern;
     * left all 0) and summed field by field ({@link SurveyPatterns#tallyCell}).
     */
    public void tallyDrawn(int c, int[] drawn, int n, int[] zeroed, int[] count, int[] sum, int[] favourable) {
        int start = patterns.cellStart()[c];
        int m = patterns.cellStart()[c + 1] - start;
        int base = c * nq;
        if (perKey[c] == 0 || n > capacity[c]) {
            for (int t = 0; t < n; t++) {
                zeroed[drawn[t]]++;
            }
            Arrays.fill(count, base, base + nq, 0);
            Arrays.fill(sum, base, base + nq, 0);
            Arrays.fill(favourable, base, base + nq, 0);
            patterns.tallyCell(c, zeroed, count, sum, favourable);
            for (int t = 0; t < n; t++) {
                zeroed[drawn[t]] = 0;
            }
            return;
        }
        int groups = groups(perKey[c]);
        long[] t = table[c];
        byte[] keys = this.keys;
        long[] words = this.words;
        for (int g = 0; g < groups; g += 3) {
            int f0 = keyStart[c] + g * m - start;           // f0 + q: group g of the cell's pattern q
            int f1 = f0 + m;
            int f2 = f1 + m;
            long a0 = 0;
            long a1 = 0;
            long a2 = 0;
            if (words != null && groups - g >= 3) {
                for (int i = 0; i < n; i++) {
                    int q = drawn[i];
                    a0 += words[f0 + q];
                    a1 += words[f1 + q];
                    a2 += words[f2 + q];
                }
            } else if (words != null && groups - g == 2) {
                for (int i = 0; i < n; i++) {
                    int q = drawn[i];
                    a0 += words[f0 + q];
                    a1 += words[f1 + q];
                }
            } else if (words != null) {
                for (int i = 0; i < n; i++) {
                    a0 += words[f0 + drawn[i]];
                }
            } else if (groups - g >= 3) {
                for (int i = 0; i < n; i++) {
                    int q = drawn[i];
                    a0 += t[keys[f0 + q] & 0xff];
                    a1 += t[keys[f1 + q] & 0xff];
                    a2 += t[keys[f2 + q] & 0xff];
                }
            } else if (groups - g == 2) {
                for (int i = 0; i < n; i++) {
                    int q = drawn[i];
                    a0 += t[keys[f0 + q] & 0xff];
                    a1 += t[keys[f1 + q] & 0xff];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    a0 += t[keys[f0 + drawn[i]] & 0xff];
                }
            }
            unpack(c, g, a0, count, sum, favourable, base);
            if (g + 1 < groups) {
                unpack(c, g + 1, a1, count, sum, favourable, base);
            }
            if (g + 2 < groups) {
                unpack(c, g + 2, a2, count, sum, favourable, base);
            }
        }
    }

    /** Group g's packed sums into the tallies of its questions. */
    private void unpack(int c, int g, long acc, int[] count, int[] sum, int[] favourable, int base) {
        int k = perKey[c];
        int b = countBits[c];
        int field = fieldBits[c];
        long mask = (1L << b) - 1;
        long sumMask = (1L << (field - 2 * b)) - 1;
        for (int s = 0; s < k && g * k + s < nq; s++) {
            long f = acc >>> s * field;
            int at = base + g * k + s;
            count[at] = (int) (f & mask);
            favourable[at] = (int) (f >>> b & mask);
            sum[at] = (int) (f >>> 2 * b & sumMask);
        }
    }

    /** The post-stratified statistics of tallies per unit × size × question ({@link #tallyDrawn}'s). */
    public Statistics statistics(int[] count, int[] sum, int[] favourable) {
        Poststratification.Cells r = Poststratification.compute(patterns.units().size(), nq, count, sum, favourable,
                null, patterns.sizeMix());
        return new Statistics(r.score(), r.share());
    }

    /** The length of the tallies' arrays: units × sizes × questions. */
    public int tallies() {
        return patterns.units().size() * SurveyPatterns.SIZES * nq;
    }

    /**
     * Post-stratified values by {@code unit · questions + question}; NaN without answers.
     *
     * @param meanScore       {@link SurveyResults#meanScore}'s
     * @param shareFavourable {@link SurveyResults#shareFavourable}'s
     */
    public record Statistics(double[] meanScore, double[] shareFavourable) {

        /** {@link SurveyResults#statistic}: {@value SurveyResults#MEAN_SCORE} or else the share favourable. */
        public double of(boolean meanScore, int at) {
            return meanScore ? this.meanScore[at] : shareFavourable[at];
        }
    }
}
