package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.MethodSpec;
import org.bizenv.scoring.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedSameResultsForAnyThreadCount() {
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)).build());
        UncertaintyOptions o = UncertaintyOptions.defaults().withRuns(700).withSeed(2024)
                .withWeights(WeightPerturbation.dirichlet(40).atDepth(0, 20))
                .withAlternatives("INDEX", MethodSpec.of("arithmetic"), MethodSpec.of("geometric"))
                .withLeaveOneOut(true);
        UncertaintyResult one = Uncertainty.run(ci, o.withThreads(1));
        UncertaintyResult three = Uncertainty.run(ci, o.withThreads(3));
        assertThat(three).usingRecursiveComparison().isEqualTo(one);
        UncertaintyResult again = Uncertainty.run(ci, o.withThreads(2));
        assertThat(again.runMeanAbsShift()).containsExactly(one.runMeanAbsShift());
        UncertaintyResult otherSeed = Uncertainty.run(ci, o.withSeed(2025).withThreads(1));
        assertThat(otherSeed.runMeanAbsShift()).isNotEqualTo(one.runMeanAbsShift());
    }

    @Test
    void noPerturbationReproducesTheNominalRankingInEveryRun() {
        Build b = Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)).build();
        UncertaintyResult r = Uncertainty.run(CompiledIndex.of(b),
                UncertaintyOptions.defaults().withRuns(50).withWeights(WeightPerturbation.uniform(0)).withThreads(1));
        for (int i = 0; i < 36; i++) {
            double nominal = b.indexRanks()[i];
            assertThat(r.nominalRank()[i]).isEqualTo(b.indexRanks()[i]);
            assertThat(new double[] {r.meanRank()[i], r.medianRank()[i], r.rankP05()[i], r.rankP95()[i],
                    r.bestRank()[i], r.worstRank()[i]}).containsOnly(nominal);
            assertThat(r.meanAbsShift()[i]).isZero();
            assertThat(r.probabilityTopK()[i]).isEqualTo(nominal <= 10 ? 1.0 : 0.0);
            assertThat(r.tierProbability()[i][b.tiers()[i] - 1]).isEqualTo(1.0);
            assertThat(r.rankedRuns()[i]).isEqualTo(50);
        }
        assertThat(r.runMeanAbsShift()).containsOnly(0.0);
    }

    /** Run 0's weights recomputed by hand from its stream: COINr's w·(1 + f·(2U − 1)), renormalised per parent. */
    @Test
    void uniformSchemeIsCoinrsFormulaDrawnFromTheRunsOwnStream() {
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(10, 3, 5, 12)).build());
        UncertaintyOptions o = UncertaintyOptions.defaults().withSeed(77).withWeights(
                WeightPerturbation.uniform(0.25).atNode("D2", 0.5).atDepth(2, 0));
        for (int run : new int[] {0, 1, 999}) {
            double[] w = Uncertainty.sampledWeights(ci, o, run);
            Rng rng = new Rng(Rng.streamSeed(77, run));
            double[] expected = new double[ci.slotCount()];
            for (int k = 0; k < ci.nodeCount(); k++) {
                int depth = ci.framework().tree().depth()[k];
                double f = ci.node(k).code().equals("D2") ? 0.5 : depth == 2 ? 0 : 0.25;
                double sum = 0;
                for (int s = ci.childStart(k); s < ci.childEnd(k); s++) {
                    expected[s] = f == 0 ? ci.nominalWeight(s)
                            : ci.nominalWeight(s) * (1 + f * (2 * rng.nextDouble() - 1));
                    sum += expected[s];
                }
                if (f > 0) {
                    for (int s = ci.childStart(k); s < ci.childEnd(k); s++) {
                        expected[s] /= sum;
                    }
                }
            }
            assertThat(w).containsExactly(expected);
        }
    }

    /** Dirichlet(α·w): E[w'] = w and Var[w'] = w(1 − w)/(α + 1); 4,000 runs, tolerances 5 standard errors. */
    @Test
    void dirichletWeightsCentreOnTheNominalWithTheStatedVariance() {
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(10, 4, 0, 8)).build());
        double alpha = 30;
        UncertaintyOptions o = UncertaintyOptions.defaults().withSeed(5).withWeights(WeightPerturbation.dirichlet(alpha));
        int runs = 4000;
        int root = ci.root();
        int k = ci.childEnd(root) - ci.childStart(root);
        double[] sum = new double[k];
        double[] sq = new double[k];
        for (int r = 0; r < runs; r++) {
            double[] w = Uncertainty.sampledWeights(ci, o, r);
            double total = 0;
            for (int c = 0; c < k; c++) {
                double x = w[ci.childStart(root) + c];
                sum[c] += x;
                sq[c] += x * x;
                total += x;
            }
            assertThat(total).isCloseTo(1, within(1e-12));
        }
        for (int c = 0; c < k; c++) {
            double w = ci.nominalWeight(ci.childStart(root) + c);
            double var = w * (1 - w) / (alpha + 1);
            double mean = sum[c] / runs;
            double sampleVar = sq[c] / runs - mean * mean;
            assertThat(mean).isCloseTo(w, within(5 * Math.sqrt(var / runs)));
            // sd of a sample variance ≈ var·√(2/runs) for a near-normal variable; 5 of those
            assertThat(sampleVar).isCloseTo(var, within(5 * var * Math.sqrt(2.0 / runs) + 1e-12));
        }
    }

    /**
     * Units A (80, 10), B (20, 60), C far behind. With weights 1:1 perturbed by f = 0.25, B passes A exactly when
     * (1 + f·u₁)·60 &lt; (1 + f·u₂)·50, i.e. X &lt; (5/6)·Y with X, Y ~ U(0.75, 1.25) independent:
     * P = 4·∫_{0.9}^{1.25} ((5/6)y − 0.75) dy = 0.2041667 (renormalising does not change the order). 20,000 runs:
     * standard error √(p(1 − p)/N) = 0.00285, tolerance 5 SE = 0.0143.
     */
    @Test
    void probabilityOfASwapMatchesTheAnalyticalValue() {
        Build b = Fixtures.twoIndicators(dir);
        assertThat(b.indexRanks()).containsExactly(1, 2, 3);
        UncertaintyResult r = Uncertainty.run(CompiledIndex.of(b),
                UncertaintyOptions.defaults().withRuns(20_000).withSeed(9).withTopK(1).withThreads(2));
        double p = 0.2041667;
        assertThat(1 - r.probabilityTopK()[0]).isCloseTo(p, within(0.0143));
        assertThat(r.meanRank()[0]).isCloseTo(1 + p, within(0.0143));
        assertThat(r.meanRank()[1]).isCloseTo(2 - p, within(0.0143));
        // A is 2nd in ~20% of runs: its type-7 median and 5th percentile are 1, its 95th percentile 2
        assertThat(new double[] {r.medianRank()[0], r.rankP05()[0], r.rankP95()[0]}).containsExactly(1, 1, 2);
        assertThat(new int[] {r.bestRank()[0], r.worstRank()[0], r.bestRank()[2], r.worstRank()[2]})
                .containsExactly(1, 2, 3, 3);
        // quantile tiers of 3 units in 3 tiers: tier = rank
        assertThat(r.tierProbability()[0][1]).isEqualTo(1 - r.probabilityTopK()[0]);
        assertThat(r.tierProbability()[2]).containsExactly(0, 0, 1);
        double meanShift = 0;
        for (double s : r.runMeanAbsShift()) {
            meanShift += s;
        }
        // a swap moves A and B by one place each: mean |shift| over 3 units is 2/3 in a swap run, else 0
        assertThat(meanShift / 20_000).isCloseTo(p * 2 / 3, within(0.0143 * 2 / 3));
    }

    /**
     * Leaving one of X, Y out (or none), uniformly: with Y alone B is first, so A is second in 1/3 of the runs.
     * 6,000 runs: SE = √((1/3)(2/3)/6000) = 0.0061, tolerance 5 SE.
     */
    @Test
    void leavingOneIndicatorOutAtRandom() {
        UncertaintyResult r = Uncertainty.run(CompiledIndex.of(Fixtures.twoIndicators(dir)),
                UncertaintyOptions.defaults().withRuns(6000).withWeights(WeightPerturbation.none()).withTopK(1)
                        .withLeaveOneOut(true).withThreads(1));
        assertThat(1 - r.probabilityTopK()[0]).isCloseTo(1 / 3.0, within(0.0305));
        assertThat(r.settings()).anyMatch(s -> s.contains("one indicator left out per run, uniformly among none and 2"));
    }

    /** Arithmetic or geometric at the index with probability 1/2 each: the two rankings mix half and half. */
    @Test
    void alternativeAggregationIsChosenUniformly() {
        // A (80, 10): arithmetic 45, geometric √800 = 28.3; B (20, 60): 40 and √1200 = 34.6 — the order flips
        Build b = Fixtures.twoIndicators(dir);
        UncertaintyResult r = Uncertainty.run(CompiledIndex.of(b), UncertaintyOptions.defaults().withRuns(6000)
                .withWeights(WeightPerturbation.none()).withTopK(1).withThreads(1)
                .withAlternatives("INDEX", MethodSpec.of("arithmetic"), MethodSpec.of("geometric")));
        // SE = √(0.25/6000) = 0.00645, tolerance 5 SE
        assertThat(r.probabilityTopK()[0]).isCloseTo(0.5, within(0.0323));
        assertThat(r.probabilityTopK()[0] + r.probabilityTopK()[1]).isEqualTo(1.0);
    }

    @Test
    void badOptionsAreClearErrors() {
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(8, 2, 0, 4)
                .normalisation("{method: minmax}")).build());
        assertThatThrownBy(() -> Uncertainty.run(ci, UncertaintyOptions.defaults().withRuns(5)
                .withAlternatives("D1", MethodSpec.of("geometric"))))
                .isInstanceOf(RobustnessException.class)
                .hasMessageStartingWith("alternative aggregation geometric for node D1 cannot be used: node D1 uses "
                        + "the geometric mean, which is undefined for values <= 0");
        assertThatThrownBy(() -> Uncertainty.run(ci, UncertaintyOptions.defaults().withRuns(5)
                .withWeights(WeightPerturbation.uniform(0.2).atNode("D9", 0.1))
                .withAlternatives("NOPE", MethodSpec.of("geometric"))))
                .isInstanceOf(RobustnessException.class)
                .hasMessageContaining("weight perturbation names node 'D9', which the framework does not have")
                .hasMessageContaining("aggregation alternatives name node 'NOPE'");
        assertThatThrownBy(() -> WeightPerturbation.uniform(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void progressIsMonotoneAndEndsAtTheTotal() {
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(12, 3, 0, 9)).build());
        List<Long> seen = new ArrayList<>();
        Uncertainty.run(ci, UncertaintyOptions.defaults().withRuns(300).withThreads(2),
                (task, done, total) -> {
                    assertThat(task).isEqualTo("uncertainty");
                    assertThat(total).isEqualTo(300);
                    seen.add(done);
                });
        assertThat(seen).isSorted().endsWith(300L);
    }

    /**
     * The hot loop allocates nothing: after a warm-up round, 8,000 runs (Dirichlet weights, three alternative means,
     * leave-one-out, missing data, re-aggregation and ranking) and 8,000 sensitivity evaluations allocate no heap
     * (measured by the JVM's per-thread allocation counter; 1 KB of slack for the counter's own bookkeeping).
     */
    @Test
    void theHotLoopDoesNotAllocate() {
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean m
                && m.isThreadAllocatedMemorySupported());
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        long tid = Thread.currentThread().getId();
        CompiledIndex ci = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)
                .missing(0.05, 0.5)).build());
        UncertaintyOptions o = UncertaintyOptions.defaults().withWeights(WeightPerturbation.dirichlet(30))
                .withAlternatives("INDEX", MethodSpec.of("arithmetic"), MethodSpec.of("geometric"),
                        new MethodSpec("generalised", java.util.Map.of("p", 0.5), 0))
                .withLeaveOneOut(true);
        Uncertainty.Plan plan = new Uncertainty.Plan(ci, o);
        Evaluator ev = ci.evaluator();
        Rng rng = new Rng(0);
        Sensitivity.RankShiftModel model = new Sensitivity.RankShiftModel(new Sensitivity.Bound(ci, List.of(
                new UncertainInput.WeightFactor("D1", 0.3),
                new UncertainInput.AggregationChoice("D2", List.of(MethodSpec.of("arithmetic"), MethodSpec.of("harmonic"))),
                new UncertainInput.LeaveOut(List.of("D3", "D4.S1.I1")))));
        double[] u = new double[3];
        long[] allocated = new long[2];
        for (int round = 0; round < 2; round++) {
            long before = mx.getThreadAllocatedBytes(tid);
            double sink = 0;
            for (int r = 0; r < 8_000; r++) {
                plan.apply(ev, rng, r);
                ev.evaluate();
                ev.rank();
                plan.clear(ev);
                u[0] = (r % 97) / 97.0;
                u[1] = (r % 13) / 13.0;
                u[2] = (r % 7) / 7.0;
                sink += model.evaluate(u) + ev.ranks()[r % 36];
            }
            allocated[round] = mx.getThreadAllocatedBytes(tid) - before;
            assertThat(sink).isPositive();
        }
        assertThat(allocated[1]).as("bytes allocated by 8,000 warm runs").isLessThan(1024);
    }

    @Test
    void percentilesAreRType7() {
        // R: quantile(c(1, 2, 3, 4), c(0.05, 0.5, 0.95)) = 1.15 2.50 3.85; quantile(c(7), 0.3) = 7
        double[] x = {1, 2, 3, 4};
        assertThat(Percentiles.ofSorted(x, 4, 0.05)).isCloseTo(1.15, within(1e-12));
        assertThat(Percentiles.ofSorted(x, 4, 0.5)).isEqualTo(2.5);
        assertThat(Percentiles.ofSorted(x, 4, 0.95)).isCloseTo(3.85, within(1e-12));
        assertThat(Percentiles.ofSorted(new double[] {7}, 1, 0.3)).isEqualTo(7);
        // a histogram of 0,0,1,3,3,3 gives the same as the sorted values (R: 0.00 2.00 3.00)
        int[] hist = {9, 2, 1, 0, 3};      // offset 1: counts of values 0..3
        double[] sorted = {0, 0, 1, 3, 3, 3};
        for (double p : new double[] {0, 0.05, 0.3, 0.5, 0.95, 1}) {
            assertThat(Percentiles.ofHistogram(hist, 1, 4, 6, p)).isEqualTo(Percentiles.ofSorted(sorted, 6, p));
        }
        assertThat(Percentiles.ofHistogram(hist, 1, 4, 6, 0.5)).isEqualTo(2.0);
    }
}
