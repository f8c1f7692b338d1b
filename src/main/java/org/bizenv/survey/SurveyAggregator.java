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
 * grows with the units and industries named, never with the rows. Partitions (threads, chunks, the survey step's
 * partitions) each fill their own aggregator and {@link #merge} them, or save their {@link #counts} for another to
 * {@link #add(Counts)}; since only integers are summed, the result does not depend on the order of rows, partitions or
 * merges. Not thread-safe: one aggregator per thread.
 */
public final class SurveyAggregator {

    public static final int FAVOURABLE = 4;
    private static final int SIZES = SizeClass.values().length;

    private final List<String> questions;
    private final List<String> expectedUnits;
    private final int stride;
    /*
     * Every tally array, per cell × size class × question (cell-major), by these indices; a cell is a unit in
     * byUnit, a unit's firms of one industry in byIndustry. Growing, merging and saving a partition's counts
     * ({@link #counts}, {@link #add(Counts)}) go over all of them, so a new tally array is one more index here and its
     * update in add(ValidResponse): the partitioned survey step then sums it too. Integers only, so that sums do not
     * depend on the order of rows or partitions.
     */
    private static final int COUNT = 0;
    private static final int SUM = 1;
    private static final int FAVOURABLE_COUNT = 2;
    private static final int SQUARES = 3;
    private static final int TALLIES = 4;
    /** Per unit, in the order first met. */
    private final Cells byUnit;
    /** Per (unit, industry) pair answered, in the order first met: the breakdowns by industry. */
    private final Cells byIndustry;
    /** Each industry as typed, as tallied ({@link #industry}): a file repeats a few dozen on every row. */
    private final RepeatedTexts<String> industries = new RepeatedTexts<>(SurveyAggregator::industry);

    /**
     * @param questions     the questions, in the order of {@link ValidResponse#answers()}
     * @param expectedUnits unit codes to list first in the results (e.g. the registry's cities), each present
     *                      even without answers
     */
    public SurveyAggregator(List<String> questions, List<String> expectedUnits) {
        this.questions = List.copyOf(questions);
        this.expectedUnits = List.copyOf(expectedUnits);
        this.stride = SIZES * this.questions.size();
        this.byUnit = new Cells(stride);
        this.byIndustry = new Cells(stride);
    }

    /** Counts a row's answers (0 = left out). */
    public void add(ValidResponse r) {
        byte[] answers = r.answers();
        if (answers.length != questions.size()) {
            throw new IllegalArgumentException("row " + r.line() + " has " + answers.length + " answers, expected "
                    + questions.size());
        }
        int offset = r.size() * questions.size();
        count(byUnit.tallies, byUnit.cell(r.unit(), null) * stride + offset, answers);
        count(byIndustry.tallies, byIndustry.cell(r.unit(), industries.get(r.industry())) * stride + offset, answers);
    }

    private static void count(int[][] tallies, int base, byte[] answers) {
        int[] count = tallies[COUNT];
        int[] sum = tallies[SUM];
        int[] favourable = tallies[FAVOURABLE_COUNT];
        int[] squares = tallies[SQUARES];
        for (int q = 0; q < answers.length; q++) {
            int a = answers[q];
            if (a != 0) {
                count[base + q]++;
                sum[base + q] += a;
                squares[base + q] += a * a;
                if (a >= FAVOURABLE) {
                    favourable[base + q]++;
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
        add(other.counts());
    }

    /**
     * A partition's counts as a data set: every tally array of both layouts, trimmed to their cells
     * ({@code [tally][cell · stride + …]}), with the cells in the order they were first met.
     *
     * @param units           the units of {@code byUnit}'s cells
     * @param pairUnits       the unit of each of {@code byIndustry}'s cells
     * @param pairIndustries  the industry of each of {@code byIndustry}'s cells
     */
    public record Counts(List<String> questions, List<String> units, int[][] byUnit, List<String> pairUnits,
                         List<String> pairIndustries, int[][] byIndustry) {
    }

    /** The counts so far, for another aggregator to {@link #add(Counts)}. */
    public Counts counts() {
        return new Counts(questions, List.copyOf(byUnit.units), byUnit.trimmed(), List.copyOf(byIndustry.units),
                List.copyOf(byIndustry.industries), byIndustry.trimmed());
    }

    /** Adds a partition's counts. @throws IllegalArgumentException for other questions or other tallies */
    public void add(Counts c) {
        if (!c.questions().equals(questions) || c.byUnit().length != TALLIES || c.byIndustry().length != TALLIES) {
            throw new IllegalArgumentException("cannot add the counts of other questions or tallies");
        }
        byUnit.add(c.units(), null, c.byUnit());
        byIndustry.add(c.pairUnits(), c.pairIndustries(), c.byIndustry());
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
        int[][] t = byUnit.tallies;
        for (int u = 0; u < order.size(); u++) {
            int at = byUnit.find(order.get(u), null);
            if (at >= 0) {
                System.arraycopy(t[COUNT], at * stride, c, u * stride, stride);
                System.arraycopy(t[SUM], at * stride, s, u * stride, stride);
                System.arraycopy(t[FAVOURABLE_COUNT], at * stride, f, u * stride, stride);
                System.arraycopy(t[SQUARES], at * stride, sq, u * stride, stride);
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
        List<String> industries = byIndustry.industries.stream().distinct()
                .sorted((a, b) -> a.equals(b) ? 0 : a.equals(SurveyBreakdown.NOT_GIVEN) ? 1
                        : b.equals(SurveyBreakdown.NOT_GIVEN) ? -1 : a.compareTo(b)).toList();
        int ni = industries.size();
        int[][] t = new int[TALLIES][order.size() * ni * stride];
        for (int p = 0; p < byIndustry.units.size(); p++) {
            int cell = order.indexOf(byIndustry.units.get(p)) * ni + industries.indexOf(byIndustry.industries.get(p));
            for (int k = 0; k < TALLIES; k++) {
                System.arraycopy(byIndustry.tallies[k], p * stride, t[k], cell * stride, stride);
            }
        }
        var industryCells = Poststratification.compute(order.size() * ni, questions.size(), t[COUNT], t[SUM],
                t[FAVOURABLE_COUNT], t[SQUARES], sizeMix);
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
        byUnit.units.stream().filter(u -> !expectedUnits.contains(u)).sorted().forEach(order::add);
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

    /**
     * The tally arrays of one layout: a cell per unit, or per (unit, industry) pair, added when first met (a cell's
     * industry is null in the layout per unit). The one place tallies are grown and summed.
     */
    private static final class Cells {
        private final int stride;
        final List<String> units = new ArrayList<>();
        final List<String> industries = new ArrayList<>();
        private final Map<String, Map<String, Integer>> index = new HashMap<>();
        int[][] tallies = new int[TALLIES][0];

        Cells(int stride) {
            this.stride = stride;
        }

        /** The cell's index, or -1 when it has none. */
        int find(String unit, String industry) {
            Integer c = index.getOrDefault(unit, Map.of()).get(industry == null ? "" : industry);
            return c == null ? -1 : c;
        }

        /** The cell's index, the cell added (and the arrays grown) when first met. */
        int cell(String unit, String industry) {
            Map<String, Integer> ofUnit = index.computeIfAbsent(unit, k -> new HashMap<>());
            Integer c = ofUnit.get(industry == null ? "" : industry);
            if (c != null) {
                return c;
            }
            int at = units.size();
            units.add(unit);
            if (industry != null) {
                industries.add(industry);
            }
            ofUnit.put(industry == null ? "" : industry, at);
            int size = units.size() * stride;
            if (size > tallies[COUNT].length) {
                int capacity = Math.max(size, tallies[COUNT].length * 2);
                for (int k = 0; k < TALLIES; k++) {
                    tallies[k] = Arrays.copyOf(tallies[k], capacity);
                }
            }
            return at;
        }

        /** Adds another's cells ({@code industries} null in the layout per unit), every tally array. */
        void add(List<String> otherUnits, List<String> otherIndustries, int[][] other) {
            for (int o = 0; o < otherUnits.size(); o++) {
                int from = o * stride;
                int to = cell(otherUnits.get(o), otherIndustries == null ? null : otherIndustries.get(o)) * stride;
                for (int k = 0; k < TALLIES; k++) {
                    int[] into = tallies[k];
                    int[] add = other[k];
                    for (int i = 0; i < stride; i++) {
                        into[to + i] += add[from + i];
                    }
                }
            }
        }

        int[][] trimmed() {
            int[][] t = new int[TALLIES][];
            for (int k = 0; k < TALLIES; k++) {
                t[k] = Arrays.copyOf(tallies[k], units.size() * stride);
            }
            return t;
        }
    }
}
