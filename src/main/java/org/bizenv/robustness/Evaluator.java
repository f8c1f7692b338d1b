package org.bizenv.robustness;

import java.util.Arrays;

import org.bizenv.aggregate.AggregationKernel;
import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.aggregate.NodeChildren;
import org.bizenv.aggregate.NonPositiveValueException;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.MethodSpec;
import org.bizenv.rank.Ranking;
import org.bizenv.scoring.Scorer;

/**
 * Re-aggregates a {@link CompiledIndex} with the weights, methods and exclusions currently set, with scratch buffers
 * allocated once: {@link #evaluate()} and {@link #rank()} allocate nothing and box nothing.
 *
 * <p><b>Exactness.</b> Every node is aggregated by {@link AggregationKernel}, the scorer's own kernel, over the same
 * rows (the build's normalised indicators with their imputed and not-applicable masks, then the node scores), so at
 * the nominal weights and methods {@link #evaluate()} reproduces {@code Scorer.score}'s node scores bit for bit and
 * {@link #rank()} its index ranks and tiers ({@link CompiledIndex#of} checks this before any analysis). Composite units
 * are their components' means at every node ({@code CompositeMeans}, as the scorer), and units the ranking leaves out
 * get rank 0. Ranks compare the published rounding ({@link Ranking#round}) when the framework says so.
 *
 * <p><b>Exclusion.</b> An excluded child (an indicator or dimension left out) is removed from its parent, not treated
 * as missing: the availability share counts only the remaining children and their weights are renormalised by the
 * mean. A node whose children are all excluded is itself removed from its parent.
 *
 * <p>Not thread-safe: one evaluator per thread.
 */
public final class Evaluator {

    private final CompiledIndex ci;
    // the indicator rows aggregated: the compiled index's, unless a whole-pipeline run set others (setIndicator)
    private final double[][] values;
    private final double[][] logValues;
    private final boolean[][] imputed;
    private final boolean[] indicatorComplete;
    final double[] weight;
    final AggregationMethod[] aggregation;
    final boolean[] excluded;
    private final double[][] score;
    private final boolean[][] notApplicable;
    private final boolean[] nodeComplete;
    private final boolean[] nodeSomeNotApplicable;
    private final boolean[] empty;
    private final NodeChildren children;
    private final int[] slotOfChild;
    private final AggregationKernel.Scratch scratch;
    private final double[] keys;
    private final double[] sorted;
    private final int[] ranks;
    private final int[] tiers;
    private final int[] counts;
    private int ranked;

    Evaluator(CompiledIndex ci) {
        this.ci = ci;
        int n = ci.units;
        this.values = ci.values.clone();
        this.logValues = ci.logValues.clone();
        this.imputed = ci.imputed.clone();
        this.indicatorComplete = ci.indicatorComplete.clone();
        this.weight = ci.nominalWeight.clone();
        this.aggregation = ci.nominalAggregation.clone();
        this.excluded = new boolean[ci.childRef.length];
        this.score = new double[ci.nodes][n];
        this.notApplicable = new boolean[ci.nodes][n];
        this.nodeComplete = new boolean[ci.nodes];
        this.nodeSomeNotApplicable = new boolean[ci.nodes];
        this.empty = new boolean[ci.nodes];
        this.children = new NodeChildren(ci.maxChildren, n, ci.outside);
        this.slotOfChild = new int[ci.maxChildren];
        this.scratch = new AggregationKernel.Scratch(n, ci.maxChildren);
        this.keys = new double[n];
        this.sorted = new double[n];
        this.ranks = new int[n];
        this.tiers = new int[n];
        // counting ranks cover a score range of up to 8n + 4096 published steps (e.g. 0–100 at 2 decimals)
        this.counts = new int[8 * n + 4096];
    }

    public CompiledIndex compiled() {
        return ci;
    }

    // ------------------------------------------------------------------ settings

    /**
     * Aggregates other normalised values of indicator j (a whole-pipeline run's), until {@link #reset()} or the next
     * call. The arrays are the caller's and are not copied.
     *
     * @param logs     {@code Math.log} of every value, or null when some value is <= 0 (as {@link CompiledIndex})
     * @param imputed  which values were imputed, or null when none was
     * @param complete true when no value is missing
     */
    void setIndicator(int j, double[] row, double[] logs, boolean[] imputed, boolean complete) {
        values[j] = row;
        logValues[j] = logs;
        this.imputed[j] = imputed;
        indicatorComplete[j] = complete;
    }

    /** Back to the build's weights, methods, indicator rows and no exclusions. */
    public void reset() {
        System.arraycopy(ci.values, 0, values, 0, values.length);
        System.arraycopy(ci.logValues, 0, logValues, 0, logValues.length);
        System.arraycopy(ci.imputed, 0, imputed, 0, imputed.length);
        System.arraycopy(ci.indicatorComplete, 0, indicatorComplete, 0, indicatorComplete.length);
        System.arraycopy(ci.nominalWeight, 0, weight, 0, weight.length);
        System.arraycopy(ci.nominalAggregation, 0, aggregation, 0, aggregation.length);
        Arrays.fill(excluded, false);
    }

    public double weight(int slot) {
        return weight[slot];
    }

    /** Sets a child's weight within its parent (any non-negative scale: means divide by the weight sum). */
    public void setWeight(int slot, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + w);
        }
        weight[slot] = w;
    }

    /** Sets the weights of node k's children in child order (length = number of children). */
    public void setChildWeights(int node, double[] w) {
        int s0 = ci.childStart[node];
        int k = ci.childStart[node + 1] - s0;
        if (w.length != k) {
            throw new IllegalArgumentException("node " + ci.node(node).code() + " has " + k + " children, got "
                    + w.length + " weights");
        }
        for (int c = 0; c < k; c++) {
            setWeight(s0 + c, w[c]);
        }
    }

    /** Copies node k's current child weights into {@code out} (length ≥ number of children). */
    public void childWeights(int node, double[] out) {
        int s0 = ci.childStart[node];
        System.arraycopy(weight, s0, out, 0, ci.childStart[node + 1] - s0);
    }

    /** Divides node k's live (non-excluded) child weights by their sum, summed in child order. */
    public void renormalise(int node) {
        int s0 = ci.childStart[node];
        int s1 = ci.childStart[node + 1];
        double sum = 0;
        for (int s = s0; s < s1; s++) {
            if (!excluded[s]) {
                sum += weight[s];
            }
        }
        if (sum > 0) {
            for (int s = s0; s < s1; s++) {
                if (!excluded[s]) {
                    weight[s] /= sum;
                }
            }
        }
    }

    /** Chooses node k's aggregation; {@code min-share} and {@code zeros} stay the node's unless the spec states them. */
    public void setAggregation(int node, MethodSpec spec) {
        aggregation[node] = Scorer.aggregationMethod(spec, ci.nominalAggregation[node]);
    }

    /** Sets node k's aggregation, resolved beforehand (the hot loop's way: no parsing, no allocation). */
    public void setAggregation(int node, AggregationMethod m) {
        aggregation[node] = m;
    }

    /** Removes (true) or restores the child in a slot: see the class comment on exclusion. */
    public void exclude(int slot, boolean out) {
        excluded[slot] = out;
    }

    // ------------------------------------------------------------------ results

    /** Node k's scores of the last {@link #evaluate()} (this evaluator's buffer: copy to keep). */
    public double[] scores(int node) {
        return score[node];
    }

    public double[] indexScores() {
        return score[ci.root];
    }

    /** Competition ranks of the last {@link #rank()} (0 = unranked); this evaluator's buffer. */
    public int[] ranks() {
        return ranks;
    }

    /** Tiers of the last {@link #rank()} (0 = unranked); this evaluator's buffer. */
    public int[] tiers() {
        return tiers;
    }

    /** Number of units ranked by the last {@link #rank()}. */
    public int rankedCount() {
        return ranked;
    }

    /** {@link #evaluate()} then {@link #rank()}; returns the ranks buffer. */
    public int[] evaluateAndRank() {
        evaluate();
        rank();
        return ranks;
    }

    // ------------------------------------------------------------------ aggregation

    /**
     * Aggregates every node bottom-up.
     *
     * @throws RobustnessException a mean that is undefined for the values (an alternative's geometric mean over a 0)
     */
    public void evaluate() {
        for (int k : ci.bottomUp) {
            aggregate(k);
        }
    }

    /** Called before each node is aggregated, its children's scores ready: a run may set its weights from them. */
    @FunctionalInterface
    interface NodeHook {
        void beforeAggregating(int node);
    }

    /** {@link #evaluate()}, calling {@code hook} before each node (bottom-up). */
    void evaluate(NodeHook hook) {
        for (int k : ci.bottomUp) {
            hook.beforeAggregating(k);
            aggregate(k);
        }
    }

    /** Indicator j's row as this evaluator aggregates it. */
    double[] indicatorValues(int j) {
        return values[j];
    }

    private void aggregate(int k) {
        NodeChildren c = children;
        c.clear();
        for (int s = ci.childStart[k]; s < ci.childStart[k + 1]; s++) {
            if (excluded[s]) {
                continue;
            }
            int ref = ci.childRef[s];
            if (ref < 0) {
                int j = FrameworkTree.indicatorOf(ref);
                c.add(values[j], weight[s], imputed[j], ci.notApplicable[j], logValues[j], indicatorComplete[j]);
            } else if (!empty[ref]) {
                c.add(score[ref], weight[s], null, nodeSomeNotApplicable[ref] ? notApplicable[ref] : null, null,
                        nodeComplete[ref]);
            } else {
                continue;
            }
            slotOfChild[c.count() - 1] = s;
        }
        empty[k] = c.count() == 0;
        int flags;
        try {
            flags = AggregationKernel.aggregate(aggregation[k], c, score[k], notApplicable[k], null, scratch);
        } catch (NonPositiveValueException e) {
            throw new RobustnessException("node " + ci.node(k).code() + " uses the " + e.mean() + ", which is "
                    + "undefined for values <= 0, but " + ci.slotCode(slotOfChild[e.childIndex()]) + " is "
                    + e.value() + " for " + ci.unitNames[e.unitIndex()].both() + ": normalise its children onto a "
                    + "positive range such as [1, 100] or drop this alternative");
        }
        if (ci.composites != null) {
            ci.composites.fill(score[k], notApplicable[k]);
            flags &= ~AggregationKernel.COMPLETE;
        }
        nodeComplete[k] = (flags & AggregationKernel.COMPLETE) != 0;
        nodeSomeNotApplicable[k] = (flags & AggregationKernel.SOME_NOT_APPLICABLE) != 0;
    }

    // ------------------------------------------------------------------ ranking

    /**
     * Competition ranks ("1, 2, 2, 4") and tiers of the last {@link #evaluate()}'s index scores, with the
     * framework's convention (published decimals or full precision); NaN scores and the units the ranking leaves out
     * (composites or their components, {@code ranking.unranked}) are unranked (0).
     */
    public void rank() {
        double[] idx = score[ci.root];
        int n = idx.length;
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            double key = ci.unranked != null && ci.unranked[i] ? Double.NaN
                    : ci.rounded ? Ranking.round(idx[i], ci.decimals) : idx[i];
            keys[i] = key;
            if (!Double.isNaN(key)) {
                sorted[cnt++] = key;
            }
        }
        ranked = cnt;
        if (!(ci.rounded && countingRanks(n))) {
            sort(sorted, 0, cnt - 1);
            for (int i = 0; i < n; i++) {
                double key = keys[i];
                ranks[i] = Double.isNaN(key) ? 0 : 1 + cnt - upperBound(sorted, cnt, key);
            }
        }
        if (ci.tiersByBreaks) {
            double[] b = ci.tierBreaks;
            for (int i = 0; i < n; i++) {
                double key = keys[i];
                if (Double.isNaN(key)) {
                    tiers[i] = 0;
                    continue;
                }
                int t = 1;
                while (t <= b.length && key < b[t - 1]) {
                    t++;
                }
                tiers[i] = t;
            }
        } else {
            int count = ci.tierCount;
            for (int i = 0; i < n; i++) {
                tiers[i] = ranks[i] > 0 ? 1 + (int) ((long) count * (ranks[i] - 1) / cnt) : 0;
            }
        }
    }

    /**
     * Published scores are whole multiples of 10^−d, so their competition ranks can be counted instead of sorted:
     * with r = key·10^d (an integer, exactly recovered by rounding because the key is the double nearest r·10^−d), the
     * rank is 1 + the number of keys with a larger r. O(n + range); used when the range of r fits the scratch
     * counters, else the caller sorts. Same ranks as sorting: keys are equal exactly when their r are.
     */
    private boolean countingRanks(int n) {
        if (ci.decimals > 9 || ranked == 0) {
            return false;
        }
        double scale = POW10[ci.decimals];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < ranked; i++) {
            long r = Math.round(sorted[i] * scale);
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        long range = max - min + 1;
        if (range > counts.length) {
            return false;
        }
        int len = (int) range;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(keys[i])) {
                counts[(int) (Math.round(keys[i] * scale) - min)]++;
            }
        }
        // turn counts into "number of keys strictly above this value", from the top down
        int above = 0;
        for (int v = len - 1; v >= 0; v--) {
            int c = counts[v];
            counts[v] = above;
            above += c;
        }
        for (int i = 0; i < n; i++) {
            ranks[i] = Double.isNaN(keys[i]) ? 0 : 1 + counts[(int) (Math.round(keys[i] * scale) - min)];
        }
        Arrays.fill(counts, 0, len, 0);
        return true;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    /** Index of the first element of ascending {@code a[0..len)} strictly greater than key. */
    private static int upperBound(double[] a, int len, double key) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] > key) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Ascending in-place quicksort (median of three, insertion sort below 24 elements, recursion on the smaller
     * part) on NaN-free doubles: {@code Arrays.sort} may allocate a merge buffer for partly ordered input, which
     * the hot loop must not.
     */
    static void sort(double[] a, int lo, int hi) {
        while (hi - lo >= 24) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, lo, mid);
            }
            if (a[hi] < a[lo]) {
                swap(a, lo, hi);
            }
            if (a[hi] < a[mid]) {
                swap(a, mid, hi);
            }
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sort(a, lo, j);
                lo = i;
            } else {
                sort(a, i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
