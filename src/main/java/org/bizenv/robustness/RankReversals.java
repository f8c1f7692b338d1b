package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Names;
import org.bizenv.robustness.RankReversal.Status;
import org.bizenv.robustness.SimplexMargin.Norm;

/**
 * Exact rank-reversal margins: for units adjacent in the nominal ranking, the smallest change of one parent's child
 * weights (non-negative, summing to one within the parent; every other weight nominal) that makes the one behind
 * catch the one ahead on the index.
 *
 * <p><b>Exact case.</b> When the parent and all its ancestors aggregate by the weighted arithmetic mean and both units
 * have a value for every child of the parent, each unit's index score is linear in the parent's weights w' on the
 * simplex: I_u(w') = Σ_c w'_c·s_u,c, where s_u,c is u's index score with the parent's whole weight on child c
 * (computed by re-aggregating with w' = e_c). The two units tie where δ·w' = 0 with δ = s_a − s_b, and
 * {@link SimplexMargin} gives the nearest such w' exactly in L1 or L2.
 *
 * <p><b>Numerical case</b> (geometric, harmonic, generalised or TOPSIS on the path, or a unit missing one of the
 * parent's children, whose weight is then renormalised away). d(w') = I_a(w') − I_b(w') is evaluated by
 * re-aggregation (weights under which either unit loses its score on the parent count as no swap). The search:
 * <ol>
 *   <li>starting ties: bisection (60 steps) on the segment from w to each vertex e_c with d(e_c) ≤ 0, and on 256 rays
 *       from w through seeded random points of the simplex out to its boundary (d need not be convex);</li>
 *   <li>from the 3 nearest, sequential linearisation: d's gradient by central differences (h = 1e-7; d is homogeneous
 *       of degree 0 in the parent's weights, every mean dividing by the weight sum) gives a linear model whose exact
 *       margin from w is brought back onto the tie surface by Newton steps along the gradient, then the tie on the
 *       segment from w is taken; up to 30 iterations (a fixed point is a KKT point);</li>
 *   <li>a compass polish of the nearest tie: pairwise weight moves at the current distance, accepted only when they
 *       swap the pair (then bisected nearer), step halving to 1e-10.</li>
 * </ol>
 * The nearest tie is reported with {@code exact = false}: an upper bound on the true margin (a proven tie point), not
 * a proof of minimality. If no vertex of the simplex produces a swap, NO_SWAP is reported, as found by search.
 *
 * <p>Pairs are adjacent in the order of full-precision index scores (ties there are TIED); units without an index score
 * are left out. Margins refer to full-precision scores even when the framework ranks the published (rounded) ones.
 */
public final class RankReversals {

    private static final int BISECTION_STEPS = 60;
    private static final int LINEARISATION_STEPS = 30;
    private static final double GRADIENT_STEP = 1e-7;
    private static final int NEWTON_STEPS = 6;
    private static final int STARTS = 3;
    private static final int POLISH_PROBES = 20_000;
    private static final int RAYS = 256;

    private RankReversals() {
    }

    /** Margins for every pair adjacent in the nominal ranking, for the children of the index (the dimensions). */
    public static List<RankReversal> forIndex(CompiledIndex ci, Norm norm) {
        return adjacent(ci, List.of(ci.node(ci.root()).code()), norm, Progress.NONE);
    }

    /** Margins for every adjacent pair and every parent in {@code nodes} (codes), parents in the order given. */
    public static List<RankReversal> adjacent(CompiledIndex ci, List<String> nodes, Norm norm, Progress progress) {
        int[] order = nominalOrder(ci);
        List<String> unknown = nodes.stream().filter(c -> ci.nodeIndex(c) < 0).toList();
        if (!unknown.isEmpty()) {
            throw new RobustnessException("rank reversal: no node " + String.join(", ", unknown));
        }
        List<RankReversal> out = new ArrayList<>();
        Evaluator ev = ci.evaluator();
        long total = (long) nodes.size() * Math.max(0, order.length - 1);
        long done = 0;
        for (String code : nodes) {
            int k = ci.nodeIndex(code);
            double[][] vertex = vertexScores(ci, ev, k);
            for (int t = 0; t + 1 < order.length; t++) {
                out.add(pair(ci, ev, k, order[t], order[t + 1], norm, vertex));
                progress.update("rank-reversal", ++done, total);
            }
        }
        return out;
    }

    /** The margin for one pair (unit indices, {@code a} ahead) and one parent node (index). */
    public static RankReversal pair(CompiledIndex ci, int node, int a, int b, Norm norm) {
        Evaluator ev = ci.evaluator();
        return pair(ci, ev, node, a, b, norm, vertexScores(ci, ev, node));
    }

    /** The margin for one pair by codes: {@code ahead} and {@code behind} units, {@code node} the parent. */
    public static RankReversal pair(CompiledIndex ci, String node, String ahead, String behind, Norm norm) {
        int k = ci.nodeIndex(node);
        int a = java.util.Arrays.asList(ci.unitCodes).indexOf(ahead);
        int b = java.util.Arrays.asList(ci.unitCodes).indexOf(behind);
        if (k < 0 || a < 0 || b < 0) {
            throw new RobustnessException("rank reversal: unknown " + (k < 0 ? "node '" + node + "'"
                    : "unit '" + (a < 0 ? ahead : behind) + "'"));
        }
        return pair(ci, k, a, b, norm);
    }

    /** Units with an index score, best first (full precision; ties in unit order). */
    static int[] nominalOrder(CompiledIndex ci) {
        double[] s = ci.build.indexScores();
        return java.util.stream.IntStream.range(0, s.length).filter(i -> !Double.isNaN(s[i])).boxed()
                .sorted((i, j) -> s[i] != s[j] ? Double.compare(s[j], s[i]) : Integer.compare(i, j))
                .mapToInt(Integer::intValue).toArray();
    }

    /** s[c][unit]: index scores with the parent's whole weight on child c (all else nominal). */
    private static double[][] vertexScores(CompiledIndex ci, Evaluator ev, int node) {
        int s0 = ci.childStart(node);
        int kids = ci.childEnd(node) - s0;
        double[][] out = new double[kids][];
        for (int c = 0; c < kids; c++) {
            ev.reset();
            for (int j = 0; j < kids; j++) {
                ev.weight[s0 + j] = j == c ? 1 : 0;
            }
            try {
                ev.evaluate();
                out[c] = ev.indexScores().clone();
            } catch (RobustnessException e) {
                out[c] = null;          // e.g. TOPSIS with every weight on one child: left to the numerical path
            }
        }
        ev.reset();
        return out;
    }

    private static RankReversal pair(CompiledIndex ci, Evaluator ev, int node, int a, int b, Norm norm,
                                     double[][] vertex) {
        int s0 = ci.childStart(node);
        int kids = ci.childEnd(node) - s0;
        double[] w = Arrays.copyOfRange(ci.nominalWeight, s0, s0 + kids);
        String[] codes = new String[kids];
        Names[] names = new Names[kids];
        for (int c = 0; c < kids; c++) {
            codes[c] = ci.slotCode(s0 + c);
            names[c] = ci.slotName(s0 + c);
        }
        double[] idx = ci.build.indexScores();
        double gap = idx[a] - idx[b];
        Builder r = new Builder(ci, node, a, b, gap, norm, codes, names, w);
        if (gap == 0) {
            return r.done(Status.TIED, true, 0, w.clone());
        }
        if (linear(ci, node, a, b, vertex)) {
            double[] delta = new double[kids];
            for (int c = 0; c < kids; c++) {
                delta[c] = vertex[c][a] - vertex[c][b];
            }
            SimplexMargin.Solution s = SimplexMargin.solve(w, delta, norm);
            return s.feasible() ? r.done(Status.SWAP, true, s.distance(), s.weights())
                    : r.done(Status.NO_SWAP, true, Double.POSITIVE_INFINITY, null);
        }
        return numerical(ev, node, a, b, w, norm, r);
    }

    /** Weighted arithmetic from the parent up to the index, and both units complete on the parent's children. */
    private static boolean linear(CompiledIndex ci, int node, int a, int b, double[][] vertex) {
        for (int k = node; k >= 0; k = ci.framework.tree().nodeParent()[k]) {
            if (ci.nominalAggregation[k].kind() != AggregationMethod.Kind.ARITHMETIC) {
                return false;
            }
        }
        for (int s = ci.childStart(node); s < ci.childEnd(node); s++) {
            int c = ci.childRef[s];
            double[] x = FrameworkTree.isIndicator(c) ? ci.values[FrameworkTree.indicatorOf(c)]
                    : ci.build.nodeScores()[c];
            if (Double.isNaN(x[a]) || Double.isNaN(x[b])) {
                return false;
            }
        }
        for (double[] v : vertex) {
            if (v == null || Double.isNaN(v[a]) || Double.isNaN(v[b])) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ numerical search

    private static RankReversal numerical(Evaluator ev, int node, int a, int b, double[] w, Norm norm, Builder r) {
        int k = w.length;
        Gap d = new Gap(ev, node, a, b, r.gap());
        // starting points: the tie on the segment from w to each vertex that swaps the pair, nearest first
        List<double[]> starts = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] e = new double[k];
            e[c] = 1;
            if (d.at(e) <= 0) {
                double[] p = tieOnSegment(d, w, e);
                if (p != null) {
                    starts.add(p);
                }
            }
        }
        if (starts.isEmpty()) {
            ev.reset();
            return r.done(Status.NO_SWAP, false, Double.POSITIVE_INFINITY, null);
        }
        // and the tie on rays from w through random points of the simplex, out to its boundary: d need not be convex,
        // so the nearest swaps may lie in a region no vertex segment crosses (seeded by the pair: reproducible)
        Rng rng = new Rng(Rng.streamSeed(((long) node << 40) ^ ((long) a << 20) ^ b, 0));
        double[] x = new double[k];
        for (int ray = 0; ray < RAYS; ray++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                x[c] = -Math.log(1 - rng.nextDouble());
                sum += x[c];
            }
            double reach = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                x[c] = x[c] / sum - w[c];                       // direction x − w, then out to the boundary
                if (x[c] < 0) {
                    reach = Math.min(reach, w[c] / -x[c]);
                }
            }
            double[] far = new double[k];
            for (int c = 0; c < k; c++) {
                far[c] = Math.max(0, w[c] + reach * x[c]);
            }
            normalise(far);
            if (d.at(far) <= 0) {
                double[] p = tieOnSegment(d, w, far);
                if (p != null) {
                    starts.add(p);
                }
            }
        }
        starts.sort(java.util.Comparator.comparingDouble(p -> Distance.of(p, w, norm)));
        double[] best = starts.get(0);
        double bestDist = Distance.of(best, w, norm);
        for (double[] start : starts.subList(0, Math.min(STARTS, starts.size()))) {
            double[] p = refine(d, w, start, norm);
            double dist = Distance.of(p, w, norm);
            if (dist < bestDist) {
                bestDist = dist;
                best = p;
            }
        }
        best = polish(d, w, best, norm);
        bestDist = Distance.of(best, w, norm);
        ev.reset();
        return r.done(Status.SWAP, false, bestDist, best);
    }

    /**
     * Sequential linearisation from a tie point: linearise d at the current tie point, take the exact margin of the
     * linear model from the nominal w, bring that point back onto the tie surface by Newton steps along the gradient
     * (projected onto the simplex), and keep the tie on the segment from w to it. A fixed point is a KKT point of
     * min ‖w' − w‖ s.t. d(w') ≤ 0 on the simplex. Returns the nearest tie point met.
     */
    private static double[] refine(Gap d, double[] w, double[] start, Norm norm) {
        int k = w.length;
        double[] cur = start.clone();
        double[] best = cur;
        double bestDist = Distance.of(cur, w, norm);
        double[] grad = new double[k];
        for (int it = 0; it < LINEARISATION_STEPS; it++) {
            double f = d.at(cur);
            double dot = gradient(d, cur, grad);
            // first-order model on the simplex: d(w') ≈ f + g·(w' − cur) = Σ_c w'_c (f − g·cur + g_c)
            double[] lin = new double[k];
            for (int c = 0; c < k; c++) {
                lin[c] = f - dot + grad[c];
            }
            SimplexMargin.Solution s = SimplexMargin.solve(w, lin, norm);
            if (!s.feasible() || s.distance() == 0) {
                break;
            }
            double[] y = restore(d, s.weights(), grad);
            if (d.at(y) > 0) {
                // still short of the tie: stretch the move from w until the gap closes, if it does
                boolean closed = false;
                for (int stretch = 0; stretch < 20 && !closed; stretch++) {
                    for (int c = 0; c < k; c++) {
                        y[c] = Math.max(0, w[c] + 2 * (y[c] - w[c]));
                    }
                    normalise(y);
                    closed = d.at(y) <= 0;
                }
                if (!closed) {
                    break;
                }
            }
            double[] p = tieOnSegment(d, w, y);
            if (p == null) {
                break;
            }
            double dist = Distance.of(p, w, norm);
            double moved = Distance.of(p, cur, Norm.L1);
            if (dist < bestDist) {
                bestDist = dist;
                best = p;
            }
            cur = p;
            if (moved < 1e-12) {
                break;
            }
        }
        return best;
    }

    /**
     * Compass search on the sphere around w: with t the best tie distance so far and v its unit direction (in the
     * norm), try v ± s·(e_i − e_j) for every pair of children (v ± s·(e_i − 1/k) above 16 children); a direction whose
     * point at distance t (or where it leaves the simplex, if sooner) already swaps the pair (d ≤ 0) holds a nearer
     * tie, found by bisection, and becomes the new best. Pairwise moves keep a zero weight at zero, so the search can
     * slide along a face of the simplex, where L1 optima and many L2 optima lie. The step s halves when no direction
     * helps, down to 1e-10. A probe costs one re-aggregation; the polish only ever accepts nearer ties.
     */
    private static double[] polish(Gap d, double[] w, double[] start, Norm norm) {
        int k = w.length;
        double[] best = start;
        double t = Distance.of(start, w, norm);
        if (!(t > 0)) {
            return best;
        }
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
            v[c] = (start[c] - w[c]) / t;
        }
        boolean pairs = k <= 16;
        int directions = pairs ? k * (k - 1) : 2 * k;
        double[] cand = new double[k];
        double[] x = new double[k];
        double[] origin = new double[k];
        int probes = 0;
        for (double step = 0.1; step > 1e-10 && probes < POLISH_PROBES; ) {
            boolean improved = false;
            for (int dir = 0; dir < directions && !improved; dir++) {
                System.arraycopy(v, 0, cand, 0, k);
                if (pairs) {
                    int i = dir / (k - 1);
                    int j = dir % (k - 1);
                    j = j >= i ? j + 1 : j;
                    cand[i] += step;
                    cand[j] -= step;
                } else {
                    int c = dir / 2;
                    double sign = dir % 2 == 0 ? 1 : -1;
                    for (int j = 0; j < k; j++) {
                        cand[j] += sign * step * ((j == c ? 1 : 0) - 1.0 / k);
                    }
                }
                double len = Distance.of(cand, origin, norm);
                if (!(len > 0)) {
                    continue;
                }
                double reach = t;
                for (int j = 0; j < k; j++) {
                    cand[j] /= len;
                    if (cand[j] < 0) {
                        reach = Math.min(reach, w[j] / -cand[j]);      // stay on the simplex
                    }
                }
                for (int j = 0; j < k; j++) {
                    x[j] = Math.max(0, w[j] + reach * cand[j]);
                }
                probes++;
                if (d.at(x) <= 0) {
                    double[] p = tieOnSegment(d, w, x.clone());
                    if (p != null) {
                        double dist = Distance.of(p, w, norm);
                        if (dist < t) {
                            t = dist;
                            best = p;
                            System.arraycopy(cand, 0, v, 0, k);
                            improved = true;
                        }
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return best;
    }

    /** Newton steps y ← Π(y − d(y)·g_T/‖g_T‖²), g_T the gradient's component along the simplex, towards d = 0. */
    private static double[] restore(Gap d, double[] from, double[] grad) {
        int k = from.length;
        double[] y = from.clone();
        double[] z = new double[k];
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double f = d.at(y);
            if (Math.abs(f) <= d.tolerance) {
                break;
            }
            gradient(d, y, grad);
            double mean = 0;
            for (double g : grad) {
                mean += g / k;
            }
            double norm2 = 0;
            for (int c = 0; c < k; c++) {
                norm2 += (grad[c] - mean) * (grad[c] - mean);
            }
            if (!(norm2 > 0)) {
                break;
            }
            for (int c = 0; c < k; c++) {
                z[c] = y[c] - f * (grad[c] - mean) / norm2;
            }
            SimplexMargin.projectOntoSimplex(z, y);
        }
        return y;
    }

    /** Central (forward at a zero weight) differences of d at x into grad; returns grad·x. */
    private static double gradient(Gap d, double[] x, double[] grad) {
        int k = x.length;
        double[] probe = x.clone();
        double dot = 0;
        for (int c = 0; c < k; c++) {
            boolean central = x[c] >= GRADIENT_STEP;
            probe[c] = x[c] + GRADIENT_STEP;
            double up = d.at(probe);
            probe[c] = central ? x[c] - GRADIENT_STEP : x[c];
            double down = d.at(probe);
            probe[c] = x[c];
            grad[c] = (up - down) / (central ? 2 * GRADIENT_STEP : GRADIENT_STEP);
            dot += grad[c] * x[c];
        }
        return dot;
    }

    /** The point of segment w → target (d(w) &gt; 0 ≥ d(target)) where d crosses 0, by bisection, on the d ≤ 0 side. */
    private static double[] tieOnSegment(Gap d, double[] w, double[] target) {
        int k = w.length;
        double lo = 0;
        double hi = 1;
        double[] p = new double[k];
        for (int it = 0; it < BISECTION_STEPS; it++) {
            double mid = 0.5 * (lo + hi);
            for (int c = 0; c < k; c++) {
                p[c] = w[c] + mid * (target[c] - w[c]);
            }
            if (d.at(p) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        for (int c = 0; c < k; c++) {
            p[c] = w[c] + hi * (target[c] - w[c]);
        }
        // a jump rather than a crossing (d discontinuous on the segment) is not a tie
        return d.at(p) >= -d.tolerance ? p : null;
    }

    private static void normalise(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        for (int c = 0; c < x.length; c++) {
            x[c] /= s;
        }
    }

    /** d(w') = I_a − I_b with the parent's child weights set to w' (everything else nominal). */
    private static final class Gap {
        final Evaluator ev;
        final int node;
        final int a;
        final int b;

        final double tolerance;

        Gap(Evaluator ev, int node, int a, int b, double gap) {
            this.ev = ev;
            this.node = node;
            this.a = a;
            this.b = b;
            this.tolerance = 1e-9 * Math.max(1, Math.abs(gap));
        }

        double at(double[] w) {
            ev.reset();
            ev.setChildWeights(node, w);
            ev.evaluate();
            double[] s = ev.indexScores();
            double[] own = ev.scores(node);
            // weights under which either unit loses its score on this parent (all its available children weighted 0)
            // do not count as a swap: the unit is then scored without the parent, a jump, not a tie
            if (Double.isNaN(own[a]) || Double.isNaN(own[b])) {
                return Double.MAX_VALUE;
            }
            double g = s[a] - s[b];
            return Double.isNaN(g) ? Double.MAX_VALUE : g;
        }
    }

    /** Distances between weight vectors in a norm. */
    static final class Distance {
        private Distance() {
        }

        static double of(double[] x, double[] y, Norm norm) {
            double s = 0;
            for (int c = 0; c < x.length; c++) {
                double d = x[c] - y[c];
                s += norm == Norm.L1 ? Math.abs(d) : d * d;
            }
            return norm == Norm.L1 ? s : Math.sqrt(s);
        }
    }

    /** Assembles the record for one pair. */
    private record Builder(CompiledIndex ci, int node, int a, int b, double gap, Norm norm, String[] codes,
                           Names[] names, double[] w) {
        RankReversal done(Status status, boolean exact, double margin, double[] tie) {
            double[] change = null;
            if (tie != null) {
                change = new double[w.length];
                for (int c = 0; c < w.length; c++) {
                    change[c] = tie[c] - w[c];
                }
            }
            return new RankReversal(ci.node(node).code(), ci.node(node).name(), ci.unitCodes[a], ci.unitNames[a],
                    ci.nominalRanks[a], ci.unitCodes[b], ci.unitNames[b], ci.nominalRanks[b], gap, norm, status, exact,
                    margin, codes, names, w.clone(), tie, change);
        }
    }
}
