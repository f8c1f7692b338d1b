package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collection;
import java.util.SplittableRandom;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.robustness.SimplexMargin.Solution;
import org.junit.jupiter.api.Test;

class SimplexMarginTest {

    /** w = (0.6, 0.4), δ = (2, −1): tie where 2w₁ − (1 − w₁) = 0, w₁ = 1/3; each weight moves by 4/15. */
    @Test
    void twoChildrenByHand() {
        double[] w = {0.6, 0.4};
        double[] d = {2, -1};
        Solution l1 = SimplexMargin.solve(w, d, Norm.L1);
        Solution l2 = SimplexMargin.solve(w, d, Norm.L2);
        assertThat(l1.weights()).containsExactly(new double[] {1 / 3.0, 2 / 3.0}, within(1e-15));
        assertThat(l1.distance()).isCloseTo(8 / 15.0, within(1e-15));
        assertThat(l2.weights()).containsExactly(new double[] {1 / 3.0, 2 / 3.0}, within(1e-15));
        assertThat(l2.distance()).isCloseTo(4 / 15.0 * Math.sqrt(2), within(1e-15));
    }

    /**
     * w = (⅓, ⅓, ⅓), δ = (3, 2, −1), gap 4/3. L2: w' = w − λ(δ − δ̄) with δ̄ = 4/3 and λ = (4/3)/(Σδ² − 3δ̄²) = 2/13,
     * so w' = (1/13, 3/13, 9/13), distance 2√78/39. L1: all of child 1's weight (rate δ₁ − δ₃ = 4 × ⅓ = gap) goes to
     * child 3: w' = (0, ⅓, ⅔), distance ⅔ — the two norms pick different answers.
     */
    @Test
    void threeChildrenByHand() {
        double[] w = {1 / 3.0, 1 / 3.0, 1 / 3.0};
        double[] d = {3, 2, -1};
        Solution l2 = SimplexMargin.solve(w, d, Norm.L2);
        assertThat(l2.weights()).containsExactly(new double[] {1 / 13.0, 3 / 13.0, 9 / 13.0}, within(1e-15));
        assertThat(l2.distance()).isCloseTo(2 * Math.sqrt(78) / 39, within(1e-15));
        Solution l1 = SimplexMargin.solve(w, d, Norm.L1);
        assertThat(l1.weights()).containsExactly(new double[] {0, 1 / 3.0, 2 / 3.0}, within(1e-15));
        assertThat(l1.distance()).isCloseTo(2 / 3.0, within(1e-15));
    }

    /**
     * w = (0.05, 0.5, 0.45), δ = (10, 1, −1): the unconstrained projection would make w'₁ = −0.0034, so the optimum
     * is on the face w'₁ = 0: on {2, 3}, λ = 0.025 and μ = −0.025 give w' = (0, 0.5, 0.5), distance 0.05·√2; the
     * dropped child's KKT value 0.05 − 10λ − μ = −0.175 ≤ 0 confirms it.
     */
    @Test
    void theL2OptimumOnAFaceOfTheSimplex() {
        Solution l2 = SimplexMargin.solve(new double[] {0.05, 0.5, 0.45}, new double[] {10, 1, -1}, Norm.L2);
        assertThat(l2.weights()).containsExactly(new double[] {0, 0.5, 0.5}, within(1e-15));
        assertThat(l2.distance()).isCloseTo(0.05 * Math.sqrt(2), within(1e-15));
    }

    @Test
    void noSwapWhenTheLeaderIsAheadOnEveryChild() {
        Solution s = SimplexMargin.solve(new double[] {0.5, 0.5}, new double[] {0.1, 3}, Norm.L2);
        assertThat(s.feasible()).isFalse();
        assertThat(s.distance()).isInfinite();
        assertThat(SimplexMargin.solve(new double[] {0.5, 0.5}, new double[] {0.1, 3}, Norm.L1).feasible()).isFalse();
        // a child on which they are level (δ = 0) makes a tie reachable: all weight on it
        Solution edge = SimplexMargin.solve(new double[] {0.5, 0.5}, new double[] {2, 0}, Norm.L1);
        assertThat(edge.weights()).containsExactly(0, 1);
        assertThat(edge.distance()).isEqualTo(1.0);
    }

    @Test
    void alreadyTiedOrBehindIsDistanceZero() {
        Solution s = SimplexMargin.solve(new double[] {0.5, 0.5}, new double[] {1, -1}, Norm.L2);
        assertThat(s.feasible()).isTrue();
        assertThat(s.distance()).isZero();
    }

    /**
     * Random problems (2–7 children): the solution is on the simplex and on the tie, and neither 200,000 random
     * points of the simplex (uniform, Dirichlet(1)) nor 20,000 small random moves around the solution find a
     * feasible point closer to w. L1 answers also equal the optimum of the LP solved by commons-math3's
     * SimplexSolver.
     */
    @Test
    void bruteForceFindsNothingSmaller() {
        SplittableRandom r = new SplittableRandom(2024);
        for (int problem = 0; problem < 40; problem++) {
            int k = 2 + r.nextInt(6);
            double[] w = dirichlet(r, k);
            double[] d = new double[k];
            for (int c = 0; c < k; c++) {
                d[c] = r.nextDouble() * 4 - 1;      // mostly positive: a leads on most children
            }
            double gap = SimplexMargin.dot(d, w);
            if (gap <= 0) {
                continue;
            }
            for (Norm norm : Norm.values()) {
                Solution s = SimplexMargin.solve(w, d, norm);
                double min = Double.POSITIVE_INFINITY;
                for (double v : d) {
                    min = Math.min(min, v);
                }
                assertThat(s.feasible()).isEqualTo(min <= 0);
                if (!s.feasible()) {
                    continue;
                }
                double sum = 0;
                for (double v : s.weights()) {
                    assertThat(v).isGreaterThanOrEqualTo(0);
                    sum += v;
                }
                assertThat(sum).isCloseTo(1, within(1e-14));
                assertThat(SimplexMargin.dot(d, s.weights())).isCloseTo(0, within(1e-14));
                assertThat(distance(s.weights(), w, norm)).isCloseTo(s.distance(), within(1e-15));
                for (int t = 0; t < 200_000 / 40; t++) {
                    double[] x = dirichlet(r, k);
                    if (SimplexMargin.dot(d, x) <= 0) {
                        assertThat(distance(x, w, norm)).isGreaterThanOrEqualTo(s.distance() - 1e-12);
                    }
                }
                for (int t = 0; t < 500; t++) {
                    double[] x = s.weights().clone();
                    double scale = Math.pow(10, -1 - r.nextInt(6));
                    double shift = 0;
                    for (int c = 0; c < k; c++) {
                        x[c] = Math.max(0, x[c] + (r.nextDouble() - 0.5) * scale);
                        shift += x[c];
                    }
                    for (int c = 0; c < k; c++) {
                        x[c] /= shift;
                    }
                    if (SimplexMargin.dot(d, x) <= 0) {
                        assertThat(distance(x, w, norm)).isGreaterThanOrEqualTo(s.distance() - 1e-12);
                    }
                }
                if (norm == Norm.L1) {
                    assertThat(s.distance()).isCloseTo(l1ByLinearProgramme(w, d), within(1e-9));
                }
            }
        }
    }

    /** min Σ t s.t. t ≥ w' − w, t ≥ w − w', Σ w' = 1, δ·w' ≤ 0, w', t ≥ 0; variables (w'₁…w'ₖ, t₁…tₖ). */
    private static double l1ByLinearProgramme(double[] w, double[] d) {
        int k = w.length;
        double[] obj = new double[2 * k];
        for (int c = 0; c < k; c++) {
            obj[k + c] = 1;
        }
        Collection<LinearConstraint> cons = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] a = new double[2 * k];
            a[c] = 1;
            a[k + c] = -1;
            cons.add(new LinearConstraint(a, Relationship.LEQ, w[c]));          // w' − t ≤ w
            double[] b = new double[2 * k];
            b[c] = -1;
            b[k + c] = -1;
            cons.add(new LinearConstraint(b, Relationship.LEQ, -w[c]));         // −w' − t ≤ −w
        }
        double[] ones = new double[2 * k];
        double[] dd = new double[2 * k];
        for (int c = 0; c < k; c++) {
            ones[c] = 1;
            dd[c] = d[c];
        }
        cons.add(new LinearConstraint(ones, Relationship.EQ, 1));
        cons.add(new LinearConstraint(dd, Relationship.LEQ, 0));
        PointValuePair p = new SimplexSolver().optimize(new MaxIter(1000), new LinearObjectiveFunction(obj, 0),
                new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
        return p.getValue();
    }

    static double distance(double[] a, double[] b, Norm norm) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += norm == Norm.L1 ? Math.abs(d) : d * d;
        }
        return norm == Norm.L1 ? s : Math.sqrt(s);
    }

    static double[] dirichlet(SplittableRandom r, int k) {
        double[] x = new double[k];
        double s = 0;
        for (int c = 0; c < k; c++) {
            x[c] = -Math.log(1 - r.nextDouble());
            s += x[c];
        }
        for (int c = 0; c < k; c++) {
            x[c] /= s;
        }
        return x;
    }

    @Test
    void projectionOntoTheSimplex() {
        double[] out = new double[3];
        SimplexMargin.projectOntoSimplex(new double[] {0.5, 0.5, 0.5}, out);
        assertThat(out).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-15));
        SimplexMargin.projectOntoSimplex(new double[] {2, 0, -1}, out);
        assertThat(out).containsExactly(1, 0, 0);
    }
}
