package org.bizenv.robustness;

import java.util.Arrays;

/**
 * The smallest move of a weight vector on the simplex that crosses a hyperplane through the origin:
 *
 * <pre>  minimise ‖w' − w‖  subject to  w' ≥ 0,  Σ w' = 1,  δ·w' ≤ 0</pre>
 *
 * where w is on the simplex and δ·w &gt; 0. For a weighted arithmetic parent, δ_c is how far unit a leads unit b on the
 * index when the parent's whole weight sits on child c, so δ·w' is a's lead under weights w' and δ·w' ≤ 0 means b
 * catches a. The optimum lies on δ·w' = 0 (the tie). A solution exists iff min_c δ_c ≤ 0 (some child on which b does
 * at least as well).
 *
 * <ul>
 *   <li><b>L1</b> (‖·‖₁ = total weight moved × 2): solved exactly by a greedy transfer. Moving mass m from child i to
 *       child j lowers δ·w by m(δ_i − δ_j) at L1 cost 2m, so the optimum sends all mass to the child of smallest δ
 *       and takes it from the children of largest δ first (a fractional knapsack; optimal by the exchange argument).
 *       The result reads "child j's weight rises by M, taken from …".</li>
 *   <li><b>L2</b> (Euclidean): the projection of w onto {simplex} ∩ {δ·w' = 0}. By the KKT conditions the solution
 *       is w'(λ) = Π(w − λδ), Π the Euclidean projection onto the simplex (sort-based, exact), for the λ ≥ 0 with
 *       δ·w'(λ) = 0; δ·Π(w − λδ) is non-increasing in λ (its derivative is −|S|·var_S(δ) on the support S), so λ is
 *       bracketed by doubling and bisection identifies the support S, on which λ and the simplex threshold μ solve
 *       two linear equations in closed form: with n = |S|, A = Σ_S w, B = Σ_S δ, C = Σ_S δ², E = Σ_S δw,
 *       λ = (E − (A − 1)B/n)/(C − B²/n), μ = (A − 1 − λB)/n, w'_c = w_c − λδ_c − μ on S and 0 elsewhere. The closed
 *       form is accepted after checking every KKT condition; if rounding defeats the check, the bisection point on the
 *       feasible side (δ·w' ≤ 0, within ~1e-15 of the optimum) is returned instead.</li>
 * </ul>
 */
public final class SimplexMargin {

    public enum Norm { L1, L2 }

    /**
     * @param feasible false when no point of the simplex satisfies δ·w' ≤ 0 (then distance is +∞, weights null)
     * @param distance ‖w' − w‖ in the requested norm (0 if δ·w ≤ 0 already)
     * @param weights  the optimal w' (on the simplex, δ·w' = 0 up to rounding)
     */
    public record Solution(boolean feasible, double distance, double[] weights) {
    }

    private static final double KKT_TOLERANCE = 1e-12;

    private SimplexMargin() {
    }

    public static Solution solve(double[] w, double[] delta, Norm norm) {
        int k = w.length;
        if (delta.length != k || k == 0) {
            throw new IllegalArgumentException("need one δ per weight, got " + delta.length + " for " + k);
        }
        double gap = dot(delta, w);
        if (gap <= 0) {
            return new Solution(true, 0, w.clone());
        }
        double min = Double.POSITIVE_INFINITY;
        for (double d : delta) {
            min = Math.min(min, d);
        }
        if (min > 0) {
            return new Solution(false, Double.POSITIVE_INFINITY, null);
        }
        double[] x = norm == Norm.L1 ? l1(w, delta, gap) : l2(w, delta);
        double dist = 0;
        for (int c = 0; c < k; c++) {
            double d = x[c] - w[c];
            dist += norm == Norm.L1 ? Math.abs(d) : d * d;
        }
        return new Solution(true, norm == Norm.L1 ? dist : Math.sqrt(dist), x);
    }

    private static double[] l1(double[] w, double[] delta, double gap) {
        int k = w.length;
        int receiver = 0;
        for (int c = 1; c < k; c++) {
            if (delta[c] < delta[receiver]) {
                receiver = c;
            }
        }
        Integer[] donors = new Integer[k];
        for (int c = 0; c < k; c++) {
            donors[c] = c;
        }
        // largest δ first; ties by index so the answer is deterministic
        Arrays.sort(donors, (i, j) -> delta[i] != delta[j] ? Double.compare(delta[j], delta[i]) : Integer.compare(i, j));
        double[] x = w.clone();
        double rest = gap;
        double moved = 0;
        for (int i : donors) {
            double rate = delta[i] - delta[receiver];
            if (i == receiver || rate <= 0 || w[i] == 0) {
                continue;
            }
            double need = rest / rate;
            double m = Math.min(w[i], need);
            x[i] -= m;
            moved += m;
            rest -= m * rate;
            if (m == need) {
                rest = 0;
                break;
            }
        }
        x[receiver] += moved;
        return x;
    }

    private static double[] l2(double[] w, double[] delta) {
        int k = w.length;
        double[] z = new double[k];
        double[] p = new double[k];
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 2100 && g(w, delta, hi, z, p) > 0; it++) {
            lo = hi;
            hi *= 2;
        }
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (g(w, delta, mid, z, p) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        g(w, delta, hi, z, p);
        double[] feasible = p.clone();
        // closed form on the supports seen on either side of the root
        double[] best = closedForm(w, delta, feasible);
        if (best == null) {
            g(w, delta, lo, z, p);
            best = closedForm(w, delta, p);
        }
        return best != null ? best : feasible;
    }

    /** The KKT solution with support {c : at[c] &gt; 0}, or null if it fails a KKT condition. */
    private static double[] closedForm(double[] w, double[] delta, double[] at) {
        int k = w.length;
        int n = 0;
        double a = 0;
        double b = 0;
        double c2 = 0;
        double e = 0;
        for (int c = 0; c < k; c++) {
            if (at[c] > 0) {
                n++;
                a += w[c];
                b += delta[c];
                c2 += delta[c] * delta[c];
                e += delta[c] * w[c];
            }
        }
        double denom = c2 - b * b / n;
        if (n == 0 || !(denom > 0)) {
            return null;
        }
        double lambda = (e - (a - 1) * b / n) / denom;
        double mu = (a - 1 - lambda * b) / n;
        if (lambda < -KKT_TOLERANCE) {
            return null;
        }
        double[] x = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            double v = w[c] - lambda * delta[c] - mu;
            if (at[c] > 0) {
                if (v < -KKT_TOLERANCE) {
                    return null;        // a support weight would go negative: wrong support
                }
                x[c] = Math.max(0, v);
            } else if (v > KKT_TOLERANCE) {
                return null;            // an excluded weight would want to be positive: wrong support
            }
            sum += x[c];
        }
        if (Math.abs(sum - 1) > 1e-12) {
            return null;
        }
        return x;
    }

    /** δ·Π(w − λδ), with Π(w − λδ) left in p. */
    private static double g(double[] w, double[] delta, double lambda, double[] z, double[] p) {
        for (int c = 0; c < w.length; c++) {
            z[c] = w[c] - lambda * delta[c];
        }
        projectOntoSimplex(z, p);
        return dot(delta, p);
    }

    /**
     * Euclidean projection onto {x ≥ 0, Σx = 1} (Held, Wolfe &amp; Crowder 1974; Duchi et al. 2008): with u sorted
     * descending, ρ = max{j : u_j − (Σ_{r≤j} u_r − 1)/j &gt; 0}, τ = (Σ_{r≤ρ} u_r − 1)/ρ, x = max(z − τ, 0).
     */
    static void projectOntoSimplex(double[] z, double[] out) {
        int k = z.length;
        double[] u = z.clone();
        Arrays.sort(u);
        double cum = 0;
        double tau = 0;
        for (int j = 1; j <= k; j++) {
            double uj = u[k - j];
            cum += uj;
            double t = (cum - 1) / j;
            if (uj - t > 0) {
                tau = t;
            }
        }
        for (int c = 0; c < k; c++) {
            out[c] = Math.max(z[c] - tau, 0);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
