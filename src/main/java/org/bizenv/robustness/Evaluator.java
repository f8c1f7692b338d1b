package org.bizenv.robustness;

import static org.bizenv.robustness.CompiledIndex.ARITHMETIC;
import static org.bizenv.robustness.CompiledIndex.GENERALISED;
import static org.bizenv.robustness.CompiledIndex.GEOMETRIC;
import static org.bizenv.robustness.CompiledIndex.TOPSIS_MINMAX;

import java.util.Arrays;

import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.MethodSpec;

/**
 * Re-aggregates a {@link CompiledIndex} with the weights, methods and exclusions currently set, with scratch buffers
 * allocated once: {@link #evaluate()} and {@link #rank()} allocate nothing and box nothing.
 *
 * <p><b>Exactness.</b> Set to the nominal weights and methods, {@link #evaluate()} reproduces {@code Scorer.score}'s
 * node scores bit for bit and {@link #rank()} its index ranks and tiers: every mean performs the same floating-point
 * operations in the same order as {@code Aggregation.aggregate} / {@code Aggregation.topsis} (per unit, children summed
 * in file order, missing children dropped and the weight sum taken over the available ones, the availability share
 * checked against {@code min-share}), only looped child-major so the inner loop streams one array. Ranks compare the
 * published rounding ({@link PublishedRounding}) when the framework says so.
 *
 * <p><b>Exclusion.</b> An excluded child (an indicator or dimension left out) is removed from its parent, not treated
 * as missing: the availability share counts only the remaining children and their weights are renormalised by the
 * mean. A node whose children are all excluded is itself removed from its parent.
 *
 * <p>Not thread-safe: one evaluator per thread.
 */
public final class Evaluator {

    private final CompiledIndex ci;
    final double[] weight;
    final int[] method;
    final double[] p;
    final double[] minShare;
    final boolean[] excluded;
    private final double[][] score;
    private final boolean[] nodeComplete;
    private final boolean[] empty;
    private final double[] acc;
    private final double[] wsum;
    private final double[] ref;
    private final int[] avail;
    private final int[] badSlot;
    private final double[][] topsisV;
    private final double[] topsisIdeal;
    private final double[] topsisAnti;
    private final double[] keys;
    private final double[] sorted;
    private final int[] ranks;
    private final int[] tiers;
    private final int[] counts;
    private int ranked;

    Evaluator(CompiledIndex ci) {
        this.ci = ci;
        int n = ci.units;
        this.weight = ci.nominalWeight.clone();
        this.method = ci.nominalMethod.clone();
        this.p = ci.nominalP.clone();
        this.minShare = ci.minShare.clone();
        this.excluded = new boolean[ci.childRef.length];
        this.score = new double[ci.nodes][n];
        this.nodeComplete = new boolean[ci.nodes];
        this.empty = new boolean[ci.nodes];
        this.acc = new double[n];
        this.wsum = new double[n];
        this.ref = new double[n];
        this.avail = new int[n];
        this.badSlot = new int[n];
        this.topsisV = new double[ci.maxChildren][n];
        this.topsisIdeal = new double[ci.maxChildren];
        this.topsisAnti = new double[ci.maxChildren];
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

    /** Back to the build's weights, methods and no exclusions. */
    public void reset() {
        System.arraycopy(ci.nominalWeight, 0, weight, 0, weight.length);
        System.arraycopy(ci.nominalMethod, 0, method, 0, method.length);
        System.arraycopy(ci.nominalP, 0, p, 0, p.length);
        System.arraycopy(ci.minShare, 0, minShare, 0, minShare.length);
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

    /** Chooses node k's aggregation; {@code min-share} keeps the build's unless the spec states one. */
    public void setAggregation(int node, MethodSpec spec) {
        method[node] = CompiledIndex.methodCode(spec);
        p[node] = CompiledIndex.effectiveP(spec);
        if (spec.has("min-share")) {
            minShare[node] = spec.number("min-share", 0);
        }
    }

    /** Sets node k's aggregation by hot-loop code and exponent (see {@link CompiledIndex#methodCode}). */
    public void setMethod(int node, int code, double exponent) {
        method[node] = code;
        p[node] = exponent;
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

    /** Aggregates every node bottom-up. */
    public void evaluate() {
        for (int k : ci.bottomUp) {
            aggregate(k);
        }
    }

    private boolean live(int slot) {
        if (excluded[slot]) {
            return false;
        }
        int c = ci.childRef[slot];
        return c < 0 || !empty[c];
    }

    private double[] row(int slot) {
        int c = ci.childRef[slot];
        return c < 0 ? ci.values[FrameworkTree.indicatorOf(c)] : score[c];
    }

    private void aggregate(int k) {
        int s0 = ci.childStart[k];
        int s1 = ci.childStart[k + 1];
        double[] out = score[k];
        int live = 0;
        boolean complete = true;
        for (int s = s0; s < s1; s++) {
            if (live(s)) {
                live++;
                int c = ci.childRef[s];
                complete &= c < 0 ? ci.indicatorComplete[FrameworkTree.indicatorOf(c)] : nodeComplete[c];
            }
        }
        empty[k] = live == 0;
        if (live == 0) {
            Arrays.fill(out, Double.NaN);
            nodeComplete[k] = false;
            return;
        }
        int m = method[k];
        if (m >= CompiledIndex.TOPSIS_VECTOR) {
            topsis(k, s0, s1, m == TOPSIS_MINMAX, out);
        } else if (m == GENERALISED) {
            generalised(k, s0, s1, live, out);
        } else if (complete) {
            meanComplete(k, s0, s1, m, out);
        } else {
            meanMissing(k, s0, s1, live, m, out);
        }
        boolean full = true;
        for (int i = 0; i < out.length; i++) {
            if (Double.isNaN(out[i])) {
                full = false;
                break;
            }
        }
        nodeComplete[k] = full;
    }

    /** Arithmetic, geometric or harmonic mean when no child is missing for any unit: one weight sum for all. */
    private void meanComplete(int k, int s0, int s1, int m, double[] out) {
        int n = out.length;
        double wSum = 0;
        for (int s = s0; s < s1; s++) {
            if (live(s)) {
                wSum += weight[s];
            }
        }
        if (wSum == 0) {
            Arrays.fill(out, Double.NaN);
            return;
        }
        double[] a = acc;
        Arrays.fill(a, 0, n, 0.0);
        for (int s = s0; s < s1; s++) {
            double w = weight[s];
            if (!live(s) || !(w > 0)) {
                continue;
            }
            int c = ci.childRef[s];
            double[] x = row(s);
            if (m == ARITHMETIC) {
                for (int i = 0; i < n; i++) {
                    a[i] += w * x[i];
                }
            } else if (m == GEOMETRIC) {
                if (c < 0 && ci.indicatorPositive[FrameworkTree.indicatorOf(c)]) {
                    double[] lx = ci.logValues[FrameworkTree.indicatorOf(c)];
                    for (int i = 0; i < n; i++) {
                        a[i] += w * lx[i];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        double xi = x[i];
                        if (!(xi > 0)) {
                            throw domain(k, s, i, xi, "geometric mean");
                        }
                        a[i] += w * Math.log(xi);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double xi = x[i];
                    if (!(xi > 0)) {
                        throw domain(k, s, i, xi, "harmonic mean");
                    }
                    a[i] += w / xi;
                }
            }
        }
        if (m == ARITHMETIC) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / wSum;
            }
        } else if (m == GEOMETRIC) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(a[i] / wSum);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = wSum / a[i];
            }
        }
    }

    /** The same means with missing children: per-unit weight sums and the availability share. */
    private void meanMissing(int k, int s0, int s1, int live, int m, double[] out) {
        int n = out.length;
        double[] a = acc;
        double[] ws = wsum;
        int[] av = avail;
        Arrays.fill(a, 0, n, 0.0);
        Arrays.fill(ws, 0, n, 0.0);
        Arrays.fill(av, 0, n, 0);
        Arrays.fill(badSlot, 0, n, -1);
        for (int s = s0; s < s1; s++) {
            if (!live(s)) {
                continue;
            }
            double w = weight[s];
            int c = ci.childRef[s];
            double[] x = row(s);
            double[] lx = c < 0 && m == GEOMETRIC ? ci.logValues[FrameworkTree.indicatorOf(c)] : null;
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (Double.isNaN(xi)) {
                    continue;
                }
                av[i]++;
                ws[i] += w;
                if (w > 0) {
                    if (m == ARITHMETIC) {
                        a[i] += w * xi;
                    } else if (!(xi > 0)) {
                        // the engine only checks the domain of units it scores: decide after the share test
                        if (badSlot[i] < 0) {
                            badSlot[i] = s;
                        }
                    } else if (m == GEOMETRIC) {
                        a[i] += w * (lx != null ? lx[i] : Math.log(xi));
                    } else {
                        a[i] += w / xi;
                    }
                }
            }
        }
        double share = minShare[k];
        for (int i = 0; i < n; i++) {
            if (av[i] == 0 || (double) av[i] / live < share || ws[i] == 0) {
                out[i] = Double.NaN;
                continue;
            }
            if (badSlot[i] >= 0) {
                throw domain(k, badSlot[i], i, row(badSlot[i])[i], m == GEOMETRIC ? "geometric mean" : "harmonic mean");
            }
            out[i] = m == ARITHMETIC ? a[i] / ws[i] : m == GEOMETRIC ? Math.exp(a[i] / ws[i]) : ws[i] / a[i];
        }
    }

    /**
     * Power mean around a reference value, exactly as {@code Aggregation}'s generalised mean:
     * {@code r·exp(log1p(Σ (w/Σw)·expm1(p·ln(x/r)))/p)} with r the max (p &gt; 0) or min (p &lt; 0).
     */
    private void generalised(int k, int s0, int s1, int live, double[] out) {
        int n = out.length;
        double pk = p[k];
        double[] ws = wsum;
        int[] av = avail;
        Arrays.fill(ws, 0, n, 0.0);
        Arrays.fill(av, 0, n, 0);
        Arrays.fill(ref, 0, n, pk > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        Arrays.fill(badSlot, 0, n, -1);
        for (int s = s0; s < s1; s++) {
            if (!live(s)) {
                continue;
            }
            double w = weight[s];
            double[] x = row(s);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (Double.isNaN(xi)) {
                    continue;
                }
                av[i]++;
                ws[i] += w;
                if (w == 0) {
                    continue;
                }
                if (xi < 0 || (xi == 0 && pk < 0)) {
                    if (badSlot[i] < 0) {
                        badSlot[i] = s;
                    }
                    continue;
                }
                ref[i] = pk > 0 ? Math.max(ref[i], xi) : Math.min(ref[i], xi);
            }
        }
        double share = minShare[k];
        double[] a = acc;
        Arrays.fill(a, 0, n, 0.0);
        for (int s = s0; s < s1; s++) {
            double w = weight[s];
            if (!live(s) || !(w > 0)) {
                continue;
            }
            double[] x = row(s);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (!Double.isNaN(xi) && ref[i] != 0 && badSlot[i] < 0) {
                    a[i] += w / ws[i] * Math.expm1(pk * Math.log(xi / ref[i]));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (av[i] == 0 || (double) av[i] / live < share || ws[i] == 0) {
                out[i] = Double.NaN;
                continue;
            }
            if (badSlot[i] >= 0) {
                throw domain(k, badSlot[i], i, row(badSlot[i])[i], "generalised mean with p = " + pk);
            }
            out[i] = ref[i] == 0 ? 0 : ref[i] * Math.exp(Math.log1p(a[i]) / pk);
        }
    }

    /**
     * TOPSIS closeness ×100 with every child "higher is better", exactly as the engine scores a TOPSIS node: units
     * missing any child are left out of the normalisation and ideals and get NaN.
     */
    private void topsis(int k, int s0, int s1, boolean minmax, double[] out) {
        int n = out.length;
        // "complete" per unit, kept in avail (1 = complete) to avoid another buffer
        int[] cu = avail;
        Arrays.fill(cu, 0, n, 1);
        double wTotal = 0;
        for (int s = s0; s < s1; s++) {
            if (!live(s)) {
                continue;
            }
            double[] x = row(s);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i])) {
                    cu[i] = 0;
                }
            }
            wTotal += weight[s];
        }
        if (wTotal == 0) {
            throw new RobustnessException("node " + ci.node(k).code() + ": the weights of its children are all zero");
        }
        int j = 0;
        for (int s = s0; s < s1; s++) {
            if (!live(s)) {
                continue;
            }
            double[] x = row(s);
            double[] v = topsisV[j];
            double wj = weight[s] / wTotal;
            double shift;
            double divisor;
            if (!minmax) {
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    if (cu[i] == 1) {
                        ss += x[i] * x[i];
                    }
                }
                shift = 0;
                divisor = Math.sqrt(ss);
            } else {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (cu[i] == 1) {
                        lo = Math.min(lo, x[i]);
                        hi = Math.max(hi, x[i]);
                    }
                }
                shift = lo;
                divisor = hi - lo;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (cu[i] == 1) {
                    double vi = divisor > 0 ? wj * ((x[i] - shift) / divisor) : 0;
                    v[i] = vi;
                    max = Math.max(max, vi);
                    min = Math.min(min, vi);
                }
            }
            topsisIdeal[j] = max;
            topsisAnti[j] = min;
            j++;
        }
        double[] dPlus = acc;
        double[] dMinus = wsum;
        Arrays.fill(dPlus, 0, n, 0.0);
        Arrays.fill(dMinus, 0, n, 0.0);
        for (int c = 0; c < j; c++) {
            double[] v = topsisV[c];
            double ideal = topsisIdeal[c];
            double anti = topsisAnti[c];
            for (int i = 0; i < n; i++) {
                if (cu[i] == 1) {
                    double a = v[i] - ideal;
                    double b = v[i] - anti;
                    dPlus[i] += a * a;
                    dMinus[i] += b * b;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (cu[i] != 1) {
                out[i] = Double.NaN;
                continue;
            }
            double dp = Math.sqrt(dPlus[i]);
            double dm = Math.sqrt(dMinus[i]);
            double c = dp + dm == 0 ? 0.5 : dm / (dp + dm);
            out[i] = 100 * c;       // closeness on the report's 0–100 scale, as the engine
        }
    }

    private RobustnessException domain(int k, int slot, int unit, double x, String mean) {
        return new RobustnessException("node " + ci.node(k).code() + " uses the " + mean + ", which is undefined for "
                + "values <= 0, but " + ci.slotCode(slot) + " is " + x + " for " + ci.unitNames[unit].both()
                + ": normalise its children onto a positive range such as [1, 100] or drop this alternative");
    }

    // ------------------------------------------------------------------ ranking

    /**
     * Competition ranks ("1, 2, 2, 4") and tiers of the last {@link #evaluate()}'s index scores, with the
     * framework's convention (published decimals or full precision); NaN scores are unranked (0).
     */
    public void rank() {
        double[] idx = score[ci.root];
        int n = idx.length;
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            double key = ci.rounded ? PublishedRounding.round(idx[i], ci.decimals) : idx[i];
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
