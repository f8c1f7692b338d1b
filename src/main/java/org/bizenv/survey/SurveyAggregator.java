package org.bizenv.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates valid survey answers per unit × size class × question: the number of answers, their sum and
 * the number of favourable ones (answer ≥ {@value #FAVOURABLE}), all in int arrays. Partitions (threads,
 * chunks) each fill their own aggregator and {@link #merge} them; since only integers are summed, the result
 * does not depend on the order of rows or merges. Not thread-safe: one aggregator per thread.
 */
public final class SurveyAggregator {

    public static final int FAVOURABLE = 4;
    private static final int SIZES = SizeClass.values().length;

    private final List<String> questions;
    private final List<String> expectedUnits;
    private final List<String> units = new ArrayList<>();
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final int stride;
    /*
     * Every tally array, per unit × size class × question (unit-major), by these indices. Growing, merging and saving
     * a partition's counts ({@link #counts}, {@link #add(Counts)}) go over all of them, so a new tally array (sums of
     * squares, …) is one more index here and its update in add(ValidResponse): the partitioned survey step then sums
     * it too. Integers only, so that sums do not depend on the order of rows or partitions.
     */
    private static final int COUNT = 0;
    private static final int SUM = 1;
    private static final int FAVOURABLE_COUNT = 2;
    private static final int TALLIES = 3;
    private int[][] tallies = new int[TALLIES][0];

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
        int[] count = tallies[COUNT];
        int[] sum = tallies[SUM];
        int[] favourable = tallies[FAVOURABLE_COUNT];
        for (int q = 0; q < answers.length; q++) {
            int a = answers[q];
            if (a != 0) {
                count[base + q]++;
                sum[base + q] += a;
                if (a >= FAVOURABLE) {
                    favourable[base + q]++;
                }
            }
        }
    }

    /** Adds another aggregator's counts to this one's. @throws IllegalArgumentException for other questions */
    public void merge(SurveyAggregator other) {
        if (!other.questions.equals(questions)) {
            throw new IllegalArgumentException("cannot merge aggregators of different questions");
        }
        add(other.units, other.tallies);
    }

    /**
     * A partition's counts as a data set: the units in the order they were first seen and every tally array, trimmed
     * to them ({@code [tally][unit · stride + …]}).
     */
    public record Counts(List<String> questions, List<String> units, int[][] tallies) {
    }

    /** The counts so far, for another aggregator to {@link #add(Counts)}. */
    public Counts counts() {
        int[][] t = new int[TALLIES][];
        for (int k = 0; k < TALLIES; k++) {
            t[k] = Arrays.copyOf(tallies[k], units.size() * stride);
        }
        return new Counts(questions, units, t);
    }

    /** Adds a partition's counts. @throws IllegalArgumentException for other questions or other tallies */
    public void add(Counts c) {
        if (!c.questions().equals(questions) || c.tallies().length != TALLIES) {
            throw new IllegalArgumentException("cannot add the counts of other questions or tallies");
        }
        add(c.units(), c.tallies());
    }

    private void add(List<String> otherUnits, int[][] other) {
        for (int ou = 0; ou < otherUnits.size(); ou++) {
            int from = ou * stride;
            int to = unit(otherUnits.get(ou)) * stride;
            for (int k = 0; k < TALLIES; k++) {
                int[] into = tallies[k];
                int[] add = other[k];
                for (int i = 0; i < stride; i++) {
                    into[to + i] += add[from + i];
                }
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
        List<String> order = new ArrayList<>(expectedUnits);
        units.stream().filter(u -> !expectedUnits.contains(u)).sorted().forEach(order::add);
        int[] c = new int[order.size() * stride];
        int[] s = new int[c.length];
        int[] f = new int[c.length];
        for (int u = 0; u < order.size(); u++) {
            Integer at = unitIndex.get(order.get(u));
            if (at != null) {
                System.arraycopy(tallies[COUNT], at * stride, c, u * stride, stride);
                System.arraycopy(tallies[SUM], at * stride, s, u * stride, stride);
                System.arraycopy(tallies[FAVOURABLE_COUNT], at * stride, f, u * stride, stride);
            }
        }
        return poststratified(order, questions, c, s, f, sizeMix, minSample);
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
        if (sizeMix.length != SIZES || Arrays.stream(sizeMix).anyMatch(w -> !(w >= 0) || Double.isInfinite(w))
                || Arrays.stream(sizeMix).sum() <= 0) {
            throw new IllegalArgumentException("size mix needs " + SIZES + " finite weights ≥ 0, not all 0: "
                    + Arrays.toString(sizeMix));
        }
        int nq = questions.size();
        int stride = SIZES * nq;
        if (count.length != order.size() * stride) {
            throw new IllegalArgumentException(count.length + " counts for " + order.size() + " units × " + stride);
        }
        int[] n = new int[order.size() * nq * SIZES];
        double[] score = new double[order.size() * nq];
        double[] share = new double[order.size() * nq];
        for (int u = 0; u < order.size(); u++) {
            for (int q = 0; q < nq; q++) {
                double weights = 0;
                double scoreSum = 0;
                double shareSum = 0;
                for (int s = 0; s < SIZES; s++) {
                    int i = u * stride + s * nq + q;
                    int c = count[i];
                    n[(u * nq + q) * SIZES + s] = c;
                    if (c > 0) {
                        weights += sizeMix[s];
                        scoreSum += sizeMix[s] * ((sum[i] - c) * 25.0 / c);
                        shareSum += sizeMix[s] * (favourable[i] * 100.0 / c);
                    }
                }
                score[u * nq + q] = weights > 0 ? scoreSum / weights : Double.NaN;
                share[u * nq + q] = weights > 0 ? shareSum / weights : Double.NaN;
            }
        }
        return new SurveyResults(order, questions, sizeMix.clone(), minSample, n, score, share);
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
        if (size > tallies[COUNT].length) {
            int capacity = Math.max(size, tallies[COUNT].length * 2);
            for (int k = 0; k < TALLIES; k++) {
                tallies[k] = Arrays.copyOf(tallies[k], capacity);
            }
        }
        return index;
    }
}
