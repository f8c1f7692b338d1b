package org.bizenv.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates valid survey answers per unit × size class × question: the number of answers, their sum, the sum of
 * their squares (for the standard errors) and the number of favourable ones (answer ≥ {@value #FAVOURABLE}), all in
 * int arrays; the same four again per unit × industry × size class × question, for the breakdowns by industry. Memory
 * grows with the units and industries named, never with the rows. Partitions (threads, chunks) each fill their own
 * aggregator and {@link #merge} them; since only integers are summed, the result does not depend on the order of rows
 * or merges. Not thread-safe: one aggregator per thread.
 */
public final class SurveyAggregator {

    public static final int FAVOURABLE = 4;
    private static final int SIZES = SizeClass.values().length;

    private final List<String> questions;
    private final List<String> expectedUnits;
    private final List<String> units = new ArrayList<>();
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final int stride;
    private int[] count = new int[0];
    private int[] sum = new int[0];
    private int[] favourable = new int[0];
    private int[] squares = new int[0];
    /** The (unit, industry) pairs answered, the cells of the industry tallies, in the order first met. */
    private final List<String> pairUnits = new ArrayList<>();
    private final List<String> pairIndustries = new ArrayList<>();
    private final Map<String, Map<String, Integer>> pairIndex = new HashMap<>();
    private Tallies byIndustry = new Tallies(0);

    /**
     * @param questions     the questions, in the order of {@link ValidResponse#answers()}
     * @param expectedUnits unit codes to list first in the results (e.g. the registry's cities), each present
     *                      even without answers
     */
    public SurveyAggregator(List<String> questions, List<String> expectedUnits) {
        this.questions = List.copyOf(questions);
        this.expectedUnits = List.copyOf(expectedUnits);
        this.stride = SIZES * this.questions.size();
    }

    /** Counts a row's answers (0 = left out). */
    public void add(ValidResponse r) {
        byte[] answers = r.answers();
        if (answers.length != questions.size()) {
            throw new IllegalArgumentException("row " + r.line() + " has " + answers.length + " answers, expected "
                    + questions.size());
        }
        int base = unit(r.unit()) * stride + r.size() * questions.size();
        int pairBase = pair(r.unit(), industry(r.industry())) * stride + r.size() * questions.size();
        for (int q = 0; q < answers.length; q++) {
            int a = answers[q];
            if (a != 0) {
                count[base + q]++;
                sum[base + q] += a;
                squares[base + q] += a * a;
                byIndustry.count[pairBase + q]++;
                byIndustry.sum[pairBase + q] += a;
                byIndustry.squares[pairBase + q] += a * a;
                if (a >= FAVOURABLE) {
                    favourable[base + q]++;
                    byIndustry.favourable[pairBase + q]++;
                }
            }
        }
    }

    /** The industry as tallied: typed text trimmed; blank is {@link SurveyBreakdown#NOT_GIVEN}. */
    static String industry(String typed) {
        return typed == null || typed.isBlank() ? SurveyBreakdown.NOT_GIVEN : typed.strip();
    }

    /** Adds another aggregator's counts to this one's. @throws IllegalArgumentException for other questions */
    public void merge(SurveyAggregator other) {
        if (!other.questions.equals(questions)) {
            throw new IllegalArgumentException("cannot merge aggregators of different questions");
        }
        for (int ou = 0; ou < other.units.size(); ou++) {
            int from = ou * stride;
            int to = unit(other.units.get(ou)) * stride;
            for (int i = 0; i < stride; i++) {
                count[to + i] += other.count[from + i];
                sum[to + i] += other.sum[from + i];
                favourable[to + i] += other.favourable[from + i];
                squares[to + i] += other.squares[from + i];
            }
        }
        for (int op = 0; op < other.pairUnits.size(); op++) {
            int from = op * stride;
            int to = pair(other.pairUnits.get(op), other.pairIndustries.get(op)) * stride;
            for (int i = 0; i < stride; i++) {
                byIndustry.count[to + i] += other.byIndustry.count[from + i];
                byIndustry.sum[to + i] += other.byIndustry.sum[from + i];
                byIndustry.favourable[to + i] += other.byIndustry.favourable[from + i];
                byIndustry.squares[to + i] += other.byIndustry.squares[from + i];
            }
        }
    }

    /**
     * The city-level results, post-stratified to the size mix: for each unit and question, with
     * n<sub>s</sub> answers of size class s (mean score m<sub>s</sub>, share favourable f<sub>s</sub>),
     * score = Σ w<sub>s</sub>·m<sub>s</sub> / Σ w<sub>s</sub> over the classes with n<sub>s</sub> &gt; 0
     * (the weights renormalised over the classes present), likewise the share; NaN when no class is present
     * (or all present ones weigh 0). m<sub>s</sub> = mean of (a − 1)/4·100; f<sub>s</sub> = 100 · (answers ≥ 4)/n<sub>s</sub>.
     *
     * @param sizeMix   population weights of micro, small, medium (≥ 0, not all 0; need not sum to 1)
     * @param minSample a unit-question with fewer valid answers (all classes together) is flagged
     */
    public SurveyResults results(double[] sizeMix, int minSample) {
        List<String> order = order();
        int[] c = new int[order.size() * stride];
        int[] s = new int[c.length];
        int[] f = new int[c.length];
        int[] sq = new int[c.length];
        for (int u = 0; u < order.size(); u++) {
            Integer at = unitIndex.get(order.get(u));
            if (at != null) {
                System.arraycopy(count, at * stride, c, u * stride, stride);
                System.arraycopy(sum, at * stride, s, u * stride, stride);
                System.arraycopy(favourable, at * stride, f, u * stride, stride);
                System.arraycopy(squares, at * stride, sq, u * stride, stride);
            }
        }
        checkMix(sizeMix);
        var cells = Poststratification.compute(order.size(), questions.size(), c, s, f, sq, sizeMix);
        return new SurveyResults(order, questions, sizeMix.clone(), minSample, cells);
    }

    /**
     * The breakdowns of every question per unit by industry and by size class (units in the order of
     * {@link #results}, industries sorted, the one not given last): per industry post-stratified to the size mix as the
     * unit's value is, per size class the class's own statistic.
     */
    public SurveyBreakdown breakdown(double[] sizeMix, int minSample) {
        checkMix(sizeMix);
        List<String> order = order();
        List<String> industries = pairIndustries.stream().distinct()
                .sorted((a, b) -> a.equals(b) ? 0 : a.equals(SurveyBreakdown.NOT_GIVEN) ? 1
                        : b.equals(SurveyBreakdown.NOT_GIVEN) ? -1 : a.compareTo(b)).toList();
        int ni = industries.size();
        Tallies t = new Tallies(order.size() * ni * stride);
        for (int p = 0; p < pairUnits.size(); p++) {
            int cell = order.indexOf(pairUnits.get(p)) * ni + industries.indexOf(pairIndustries.get(p));
            System.arraycopy(byIndustry.count, p * stride, t.count, cell * stride, stride);
            System.arraycopy(byIndustry.sum, p * stride, t.sum, cell * stride, stride);
            System.arraycopy(byIndustry.favourable, p * stride, t.favourable, cell * stride, stride);
            System.arraycopy(byIndustry.squares, p * stride, t.squares, cell * stride, stride);
        }
        var industryCells = Poststratification.compute(order.size() * ni, questions.size(), t.count, t.sum,
                t.favourable, t.squares, sizeMix);
        // a size class's own statistic is the post-stratified one with all the weight on that class
        Poststratification.Cells[] sizeCells = new Poststratification.Cells[SIZES];
        for (int s = 0; s < SIZES; s++) {
            double[] only = new double[SIZES];
            only[s] = 1;
            sizeCells[s] = results(only, minSample).cells();
        }
        return new SurveyBreakdown(order, questions, industries, minSample, industryCells, sizeCells);
    }

    /** Expected units first (in their order), then the others by code. */
    private List<String> order() {
        List<String> order = new ArrayList<>(expectedUnits);
        units.stream().filter(u -> !expectedUnits.contains(u)).sorted().forEach(order::add);
        return order;
    }

    /**
     * The results of {@link #results} from counts laid out unit-major ({@code (unit · 3 + size) · questions +
     * question}): the one place the survey statistics are computed, for the tallies and for every bootstrap replicate
     * of them ({@link SurveyPatterns#results}), so a replicate of the original sample gives the same bits.
     *
     * @param count      valid answers; {@code sum} their sum (1–5 each); {@code favourable} those ≥ 4
     */
    public static SurveyResults poststratified(List<String> order, List<String> questions, int[] count, int[] sum,
                                               int[] favourable, double[] sizeMix, int minSample) {
        checkMix(sizeMix);
        int nq = questions.size();
        int stride = SIZES * nq;
        if (count.length != order.size() * stride) {
            throw new IllegalArgumentException(count.length + " counts for " + order.size() + " units × " + stride);
        }
        // without sums of squares: a replicate needs only the values, computed by the same lines as the tallies'
        return new SurveyResults(order, questions, sizeMix.clone(), minSample,
                Poststratification.compute(order.size(), nq, count, sum, favourable, null, sizeMix));
    }

    private static void checkMix(double[] sizeMix) {
        if (sizeMix.length != SIZES || Arrays.stream(sizeMix).anyMatch(w -> !(w >= 0) || Double.isInfinite(w))
                || Arrays.stream(sizeMix).sum() <= 0) {
            throw new IllegalArgumentException("size mix needs " + SIZES + " finite weights ≥ 0, not all 0: "
                    + Arrays.toString(sizeMix));
        }
    }

    private int unit(String code) {
        Integer u = unitIndex.get(code);
        if (u != null) {
            return u;
        }
        int index = units.size();
        units.add(code);
        unitIndex.put(code, index);
        int size = units.size() * stride;
        if (size > count.length) {
            int capacity = Math.max(size, count.length * 2);
            count = Arrays.copyOf(count, capacity);
            sum = Arrays.copyOf(sum, capacity);
            favourable = Arrays.copyOf(favourable, capacity);
            squares = Arrays.copyOf(squares, capacity);
        }
        return index;
    }

    /** The cell of a unit's firms of one industry, added when first met. */
    private int pair(String unit, String industry) {
        Integer p = pairIndex.computeIfAbsent(unit, k -> new HashMap<>()).get(industry);
        if (p != null) {
            return p;
        }
        int index = pairUnits.size();
        pairUnits.add(unit);
        pairIndustries.add(industry);
        pairIndex.get(unit).put(industry, index);
        int size = pairUnits.size() * stride;
        if (size > byIndustry.count.length) {
            byIndustry = byIndustry.grown(Math.max(size, byIndustry.count.length * 2));
        }
        return index;
    }

    /** The four tallies of one layout: counts, sums, favourable counts, sums of squares. */
    private record Tallies(int[] count, int[] sum, int[] favourable, int[] squares) {
        Tallies(int size) {
            this(new int[size], new int[size], new int[size], new int[size]);
        }

        Tallies grown(int capacity) {
            return new Tallies(Arrays.copyOf(count, capacity), Arrays.copyOf(sum, capacity),
                    Arrays.copyOf(favourable, capacity), Arrays.copyOf(squares, capacity));
        }
    }
}
