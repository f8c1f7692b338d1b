package org.bizenv.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.bizenv.aggregate.AggregationKernel.INCOMPLETE;
import static org.bizenv.aggregate.AggregationKernel.NOT_APPLICABLE;
import static org.bizenv.aggregate.AggregationKernel.NO_DATA;
import static org.bizenv.aggregate.AggregationKernel.NO_WEIGHT;
import static org.bizenv.aggregate.AggregationKernel.OUTSIDE;
import static org.bizenv.aggregate.AggregationKernel.SCORED;
import static org.bizenv.aggregate.AggregationKernel.TOO_FEW_OBSERVED;

import org.junit.jupiter.api.Test;

/** The kernel against hand calculations: every mean, missing and imputed children, not applicable, zeros, TOPSIS. */
class AggregationKernelTest {

    private static final double NaN = Double.NaN;
    private static final boolean T = true;
    private static final boolean F = false;

    /** One node's result: scores, not-applicable flags, reasons and the returned flags. */
    private record Result(double[] scores, boolean[] notApplicable, byte[] why, int flags) {
    }

    private static Result run(AggregationMethod m, NodeChildren c) {
        int n = c.units();
        Result r = new Result(new double[n], new boolean[n], new byte[n], 0);
        int flags = AggregationKernel.aggregate(m, c, r.scores, r.notApplicable, r.why,
                new AggregationKernel.Scratch(n, c.count()));
        return new Result(r.scores, r.notApplicable, r.why, flags);
    }

    private static NodeChildren children(double[][] rows, double[] weights) {
        NodeChildren c = new NodeChildren(rows.length, rows[0].length, null);
        for (int j = 0; j < rows.length; j++) {
            c.add(rows[j], weights[j], null, null);
        }
        return c;
    }

    /**
     * Five units, three children weighted 1, 1, 2:
     * <pre>
     *        u0   u1        u2        u3   u4
     *   c0   10   –         40        20   n/a
     *   c1   20   30 (imp.) –         40   n/a
     *   c2   60   60        n/a       80   n/a
     * </pre>
     */
    private static NodeChildren mixed() {
        NodeChildren c = new NodeChildren(3, 5, null);
        c.add(new double[] {10, NaN, 40, 20, NaN}, 1, null, new boolean[] {F, F, F, F, T});
        c.add(new double[] {20, 30, NaN, 40, NaN}, 1, new boolean[] {F, T, F, F, F}, new boolean[] {F, F, F, F, T});
        c.add(new double[] {60, 60, NaN, 80, NaN}, 2, null, new boolean[] {F, F, T, F, T});
        return c;
    }

    @Test
    void arithmeticDropsMissingChildrenAndRenormalisesTheWeights() {
        Result r = run(AggregationMethod.arithmetic(), mixed());
        // u0 (10 + 20 + 2·60)/4; u1 (30 + 2·60)/3 (the imputed value counts in the mean); u2 c0 alone; u3 (20 + 40 + 160)/4
        assertThat(r.scores).containsExactly(37.5, 50, 40, 55, NaN);
        assertThat(r.notApplicable).containsExactly(F, F, F, F, T);
        assertThat(r.why).containsExactly(SCORED, SCORED, SCORED, SCORED, NOT_APPLICABLE);
        assertThat(r.flags).isEqualTo(AggregationKernel.SOME_NOT_APPLICABLE);
    }

    /**
     * min-share 0.5 counts observed (not imputed) children among those that apply: u1 has c1 imputed and c2 observed,
     * 1 of 3 (33 %), so it is unscored — counting the imputed value as observed would give 2 of 3 and a score of 50.
     * u2 has c0 observed and c1 missing, c2 does not apply: 1 of 2 (50 %), scored. u4: nothing applies.
     */
    @Test
    void theAvailabilityThresholdCountsObservedChildrenThatApply() {
        NodeChildren c = mixed();
        Result r = run(AggregationMethod.arithmetic().withMinShare(0.5), c);
        assertThat(r.scores).containsExactly(37.5, NaN, 40, 55, NaN);
        assertThat(r.why).containsExactly(SCORED, TOO_FEW_OBSERVED, SCORED, SCORED, NOT_APPLICABLE);
        assertThat(new int[] {c.applicable(1), c.withData(1), c.observed(1)}).containsExactly(3, 2, 1);
        assertThat(new int[] {c.applicable(2), c.withData(2), c.observed(2)}).containsExactly(2, 1, 1);
        assertThat(new int[] {c.applicable(4), c.withData(4), c.observed(4)}).containsExactly(0, 0, 0);
        // 0.51 leaves u2 out as well (1/2 < 0.51)
        assertThat(run(AggregationMethod.arithmetic().withMinShare(0.51), c).scores)
                .containsExactly(37.5, NaN, NaN, 55, NaN);
    }

    @Test
    void noChildWithDataOrNoWeightOnThemLeavesTheUnitUnscored() {
        // u0 has only c1, whose weight is 0; u1 has nothing; u2 both
        Result r = run(AggregationMethod.arithmetic(), children(new double[][] {{NaN, NaN, 4}, {7, NaN, 8}},
                new double[] {1, 0}));
        assertThat(r.scores).containsExactly(NaN, NaN, 4);
        assertThat(r.why).containsExactly(NO_WEIGHT, NO_DATA, SCORED);
        assertThat(r.flags).isZero();
        // every weight 0 and nothing missing: no unit is scored (the child-major path)
        Result zero = run(AggregationMethod.arithmetic(), children(new double[][] {{1, 2}}, new double[] {0}));
        assertThat(zero.scores).containsExactly(NaN, NaN);
        assertThat(zero.why).containsExactly(NO_WEIGHT, NO_WEIGHT);
    }

    @Test
    void geometricHarmonicAndGeneralisedMeans() {
        double[][] x = {{1, 4, 1}, {4, 1, 7}};
        // weights 3:1 → 1^(3/4)·4^(1/4) = √2 and 4^(3/4) = 2√2
        assertThat(run(AggregationMethod.geometric(), children(x, new double[] {3, 1})).scores)
                .containsExactly(new double[] {Math.sqrt(2), 2 * Math.sqrt(2), Math.pow(7, 0.25)}, within(1e-15));
        // 2/(1/1 + 1/4) = 1.6; 2/(1 + 1/7) = 1.75
        assertThat(run(AggregationMethod.harmonic(), children(x, new double[] {1, 1})).scores)
                .containsExactly(new double[] {1.6, 1.6, 1.75}, within(1e-15));
        // p = 2: √((1 + 16)/2), √((1 + 49)/2) = 5
        assertThat(run(AggregationMethod.generalised(2), children(x, new double[] {1, 1})).scores)
                .containsExactly(new double[] {Math.sqrt(8.5), Math.sqrt(8.5), 5}, within(1e-14));
        // p = −1 is the harmonic mean; p = 1 and p = 1e-13 fold to the arithmetic and geometric means
        assertThat(run(AggregationMethod.generalised(-1), children(x, new double[] {1, 1})).scores[2])
                .isCloseTo(1.75, within(1e-14));
        assertThat(AggregationMethod.generalised(1).kind()).isEqualTo(AggregationMethod.Kind.ARITHMETIC);
        assertThat(AggregationMethod.generalised(1e-13).kind()).isEqualTo(AggregationMethod.Kind.GEOMETRIC);
        // missing children drop out of every mean: u1's c0 is missing, so each mean of u1 is c1 = 1
        double[][] gap = {{1, NaN}, {4, 1}};
        for (AggregationMethod m : new AggregationMethod[] {AggregationMethod.geometric(), AggregationMethod.harmonic(),
                AggregationMethod.generalised(-2), AggregationMethod.generalised(3)}) {
            assertThat(run(m, children(gap, new double[] {1, 1})).scores[1]).as(m.label()).isCloseTo(1, within(1e-15));
        }
    }

    /** {@code zeros: zero}: a zero with a positive weight gives 0 where the mean is undefined at 0; negatives stay errors. */
    @Test
    void zerosGiveZeroOrAnErrorNamingUnitAndChild() {
        double[][] x = {{1, 0, 4}, {1, 5, 0}};
        double[] eq = {1, 1};
        assertThat(run(AggregationMethod.geometric().withZerosGiveZero(true), children(x, eq)).scores)
                .containsExactly(1, 0, 0);
        assertThat(run(AggregationMethod.harmonic().withZerosGiveZero(true), children(x, eq)).scores)
                .containsExactly(1, 0, 0);
        assertThat(run(AggregationMethod.generalised(-2).withZerosGiveZero(true), children(x, eq)).scores[1]).isZero();
        // p > 0 is defined at 0: √((0 + 25)/2), whatever zeros says
        assertThat(run(AggregationMethod.generalised(2).withZerosGiveZero(true), children(x, eq)).scores[1])
                .isCloseTo(Math.sqrt(12.5), within(1e-14));
        // a zero with weight 0 takes no part
        assertThat(run(AggregationMethod.geometric(), children(new double[][] {{4}, {0}}, new double[] {1, 0})).scores)
                .containsExactly(4);

        NonPositiveValueException e = catchThrowableOfType(NonPositiveValueException.class,
                () -> run(AggregationMethod.geometric(), children(x, eq)));
        assertThat(new int[] {e.unitIndex(), e.childIndex()}).containsExactly(1, 0);     // the first unit, then child
        assertThat(e.value()).isZero();
        assertThat(e.mean()).isEqualTo("geometric mean");
        double[][] negative = {{0, 2}, {3, -1}};
        NonPositiveValueException n = catchThrowableOfType(NonPositiveValueException.class,
                () -> run(AggregationMethod.harmonic().withZerosGiveZero(true), children(negative, eq)));
        assertThat(new int[] {n.unitIndex(), n.childIndex()}).containsExactly(1, 1);
        assertThat(n.value()).isEqualTo(-1);
        // a unit left unscored by the threshold is not checked
        NodeChildren thin = new NodeChildren(2, 2, null);
        thin.add(new double[] {0, 2}, 1, new boolean[] {T, F}, null);
        thin.add(new double[] {NaN, 3}, 1, null, null);
        assertThat(run(AggregationMethod.geometric().withMinShare(1), thin).scores)
                .containsExactly(new double[] {NaN, Math.sqrt(6)}, within(1e-15));
    }

    /**
     * TOPSIS min-max, weights 3:1: r0 = (0, ½, 1), r1 = (1, ½, 0); v = (0.75·r0, 0.25·r1); ideal (0.75, 0.25),
     * anti-ideal (0, 0). u0 = (0, 0.25): D+ = 0.75, D− = 0.25 → C = 0.25; u1 symmetric → 0.5; u2 → 0.75. u3 misses a
     * child and u4 is outside: both unscored and left out of the normalisation (their values would change it).
     */
    @Test
    void topsisMinMaxByHand() {
        NodeChildren c = new NodeChildren(2, 5, new boolean[] {F, F, F, F, T});
        c.add(new double[] {0, 1, 2, NaN, 100}, 3, null, null);
        c.add(new double[] {2, 1, 0, 9, -100}, 1, null, null);
        Result r = run(AggregationMethod.topsis(true), c);
        assertThat(r.scores).containsExactly(new double[] {25, 50, 75, NaN, NaN}, within(1e-13));
        assertThat(r.why).containsExactly(SCORED, SCORED, SCORED, INCOMPLETE, OUTSIDE);
    }

    /**
     * TOPSIS vector, weights 3:1, u0 = (3, 4), u1 = (4, 3): both norms 5, v0 = 0.75·(0.6, 0.8) = (0.45, 0.6),
     * v1 = 0.25·(0.8, 0.6) = (0.2, 0.15); ideal (0.6, 0.2), anti-ideal (0.45, 0.15). u0 = (0.45, 0.2): D+ = 0.15,
     * D− = 0.05 → C = 0.25; u1 → 0.75. A child that does not apply makes the unit incomplete.
     */
    @Test
    void topsisVectorByHand() {
        NodeChildren c = new NodeChildren(2, 3, null);
        c.add(new double[] {3, 4, NaN}, 3, null, new boolean[] {F, F, T});
        c.add(new double[] {4, 3, 5}, 1, null, null);
        Result r = run(AggregationMethod.topsis(false), c);
        assertThat(r.scores).containsExactly(new double[] {25, 75, NaN}, within(1e-13));
        assertThat(r.why).containsExactly(SCORED, SCORED, INCOMPLETE);
        // no child separates the units: each is ideal and anti-ideal at once, 0.5
        assertThat(run(AggregationMethod.topsis(false), children(new double[][] {{2, 2}}, new double[] {1})).scores)
                .containsExactly(50, 50);
    }

    /** The child-major path (complete rows) and the unit-by-unit path give the same bits. */
    @Test
    void bothPathsGiveTheSameBits() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int n = 200;
        double[][] rows = new double[6][n];
        double[] w = new double[6];
        for (int j = 0; j < rows.length; j++) {
            w[j] = rnd.nextDouble() * 3;
            for (int i = 0; i < n; i++) {
                rows[j][i] = 1 + rnd.nextDouble() * 99;
            }
        }
        boolean[] noneImputed = new boolean[n];
        for (AggregationMethod m : new AggregationMethod[] {AggregationMethod.arithmetic(),
                AggregationMethod.geometric(), AggregationMethod.harmonic()}) {
            double[] fast = run(m, children(rows, w)).scores;
            // an (empty) imputed mask and a threshold force the unit-by-unit path
            NodeChildren slow = new NodeChildren(rows.length, n, null);
            for (int j = 0; j < rows.length; j++) {
                slow.add(rows[j], w[j], noneImputed, null);
            }
            assertThat(run(m.withMinShare(0.5), slow).scores).as(m.label()).containsExactly(fast);
            // precomputed logarithms too
            NodeChildren logs = new NodeChildren(rows.length, n, null);
            for (int j = 0; j < rows.length; j++) {
                double[] lx = new double[n];
                for (int i = 0; i < n; i++) {
                    lx[i] = Math.log(rows[j][i]);
                }
                logs.add(rows[j], w[j], null, null, lx, true);
            }
            assertThat(run(m, logs).scores).as(m.label()).containsExactly(fast);
        }
    }

    @Test
    void aNodeWithoutChildrenDoesNotApplyAndBadInputsAreRefused() {
        Result r = run(AggregationMethod.arithmetic(), new NodeChildren(2, 2, null));
        assertThat(r.scores).containsExactly(NaN, NaN);
        assertThat(r.notApplicable).containsExactly(T, T);
        NodeChildren c = new NodeChildren(1, 2, null);
        assertThatThrownBy(() -> c.add(new double[] {1}, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.add(new double[] {1, 2}, -1, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight of child 0");
        c.add(new double[] {1, 2}, 1, null, null);
        assertThatThrownBy(() -> c.add(new double[] {1, 2}, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AggregationMethod.arithmetic().withMinShare(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-share");
        assertThatThrownBy(() -> AggregationKernel.aggregate(AggregationMethod.arithmetic(), c, new double[2],
                new boolean[2], null, new AggregationKernel.Scratch(1, 1))).isInstanceOf(IllegalArgumentException.class);
    }
}
