package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled re-aggregation reproduces {@code Scorer.score} bit for bit at the nominal weights and methods. */
class EvaluatorTest {

    @TempDir
    Path dir;

    /** Every node's scores, the index ranks and the tiers equal the build's exactly (NaN included). */
    private static void assertReproduces(Build b) {
        CompiledIndex ci = CompiledIndex.of(b);
        Evaluator ev = ci.evaluator();
        ev.evaluate();
        for (int k = 0; k < ci.nodeCount(); k++) {
            assertThat(ev.scores(k)).as("node " + ci.node(k).code()).containsExactly(b.nodeScores()[k]);
        }
        ev.rank();
        assertThat(ev.ranks()).containsExactly(b.indexRanks());
        assertThat(ev.tiers()).containsExactly(b.tiers());
        // and again after a perturbation and a reset: no state leaks between runs
        ev.setWeight(0, 7);
        ev.exclude(1, true);
        ev.evaluate();
        ev.reset();
        ev.evaluate();
        ev.rank();
        assertThat(ev.indexScores()).containsExactly(b.indexScores());
        assertThat(ev.ranks()).containsExactly(b.indexRanks());
    }

    @Test
    void arithmeticTreeOf36Units() {
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)).build());
    }

    @Test
    void geometricHarmonicAndGeneralisedMeans() {
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38).seed(2)
                .aggregation("geometric", "harmonic", "{method: generalised, p: 0.5}")).build());
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(30, 4, 8, 20).seed(3)
                .aggregation("{method: generalised, p: -2}", "{method: generalised, p: 1}",
                        "{method: generalised, p: 0}")).build());
    }

    @Test
    void missingValuesWithAnAvailabilityThreshold() {
        Build b = Synthetic.build(dir, Synthetic.Spec.of(40, 4, 10, 30).seed(4).missing(0.25, 0.6)).build();
        assertThat(b.indexScores()).contains(Double.NaN);       // some units fail the threshold
        assertReproduces(b);
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(40, 4, 10, 30).seed(5).missing(0.15, 0.5)
                .aggregation("geometric", "{method: generalised, p: 2}", "harmonic")).build());
    }

    @Test
    void topsisNodes() {
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(25, 4, 8, 16).seed(6)
                .aggregation("topsis", "{method: topsis, variant: minmax}", "arithmetic")).build());
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(25, 3, 6, 12).seed(7).missing(0.1, 0)
                .aggregation("topsis", "arithmetic", "arithmetic")).build());
    }

    /**
     * 600 units: published scores (2 decimals) span fewer steps than the evaluator's counters, so ranks are counted
     * rather than sorted; 36 units span more, so they are sorted. Both must equal the engine's ranks.
     */
    @Test
    void countedAndSortedRanksAgreeWithTheEngine() {
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(600, 5, 10, 20).seed(10)).build());
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(600, 5, 10, 20).seed(11).missing(0.1, 0.7)).build());
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 10, 20).seed(12)).build());
    }

    @Test
    void fullPrecisionRanksAndTiersByBreaks() {
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38).seed(8)
                .ranking(false, "{method: breaks, count: 3, breaks: [60, 45]}")).build());
        assertReproduces(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 0, 25).seed(9)
                .ranking(true, "{method: breaks, count: 3, breaks: [60, 45]}")).build());
    }

    @Test
    void objectiveAndEqualWeightingAreTakenFromTheBuild() throws IOException {
        String yaml = """
                framework: {id: w, name: {en: W}}
                ranking: {decimals: 1, compare: rounded}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
                nodes:
                  - {code: INDEX, name: {en: Index}, weighting: {method: entropy}}
                  - {code: A, parent: INDEX, name: {en: A}, weighting: {method: equal}}
                  - {code: B, parent: INDEX, name: {en: B}, weighting: {method: critic}, aggregation: {method: geometric}}
                indicators:
                  - {code: A1, parent: A, name: {en: A1}, direction: higher, source: s, field: A1}
                  - {code: A2, parent: A, name: {en: A2}, direction: lower, source: s, field: A2}
                  - {code: B1, parent: B, name: {en: B1}, direction: higher, source: s, field: B1, normalisation: {method: minmax, min: 1, max: 100}}
                  - {code: B2, parent: B, name: {en: B2}, direction: higher, source: s, field: B2, normalisation: {method: minmax, min: 1, max: 100}}
                  - {code: B3, parent: B, name: {en: B3}, direction: lower, source: s, field: B3, normalisation: {method: minmax, min: 1, max: 100}}
                """;
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, yaml);
        Framework fw = FrameworkLoader.load(f);
        double[][] v = {
                {3, 5, 1, 8, 2, 7}, {20, 11, 35, 9, 14, 30}, {0.4, 0.9, 0.1, 0.7, 0.3, 0.5},
                {120, 80, 95, 150, 60, 110}, {2, 9, 4, 1, 7, 3}};
        assertReproduces(Scorer.score(fw, data(fw, v)));
    }

    @Test
    void ranksCompareThePublishedDecimalsLikeTheEngine() throws IOException {
        // index = mean of two identical columns: 50.001 and 50.004 both publish as 50.00, so they share rank 1
        String yaml = """
                framework: {id: r, name: {en: R}}
                ranking: {decimals: 2, compare: rounded}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                indicators:
                  - {code: X, parent: INDEX, weight: 1, name: {en: X}, direction: higher, source: s, field: X, normalisation: {method: none}}
                  - {code: Y, parent: INDEX, weight: 1, name: {en: Y}, direction: higher, source: s, field: Y, normalisation: {method: none}}
                """;
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, yaml);
        Framework fw = FrameworkLoader.load(f);
        Build b = Scorer.score(fw, data(fw, new double[][] {{50.001, 50.004, 10, 2.675}, {50.001, 50.004, 10, 2.675}}));
        assertThat(b.indexRanks()).containsExactly(1, 1, 3, 4);
        assertReproduces(b);
    }

    @Test
    void anAlternativeGeometricMeanOverAZeroIsAClearError() {
        Synthetic s = Synthetic.build(dir, Synthetic.Spec.of(12, 2, 0, 6).normalisation("{method: minmax}"));
        Evaluator ev = CompiledIndex.of(s.build()).evaluator();
        ev.setAggregation(ev.compiled().nodeIndex("D1"), MethodSpec.of("geometric"));
        assertThatThrownBy(ev::evaluate).isInstanceOf(RobustnessException.class)
                .hasMessageContaining("node D1 uses the geometric mean, which is undefined for values <= 0, but D1.I")
                .hasMessageContaining("is 0.0 for 城市");
    }

    @Test
    void excludingAChildRemovesItAndRenormalisesTheRest() {
        Synthetic s = Synthetic.build(dir, Synthetic.Spec.of(10, 2, 0, 4).equalWeights());
        CompiledIndex ci = CompiledIndex.of(s.build());
        Evaluator ev = ci.evaluator();
        // D1 has indicators D1.I1 and D1.I2 with equal weights: without D1.I2, D1 is D1.I1
        ev.exclude(ci.slotOf("D1.I2"), true);
        ev.evaluate();
        assertThat(ev.scores(ci.nodeIndex("D1"))).containsExactly(s.build().normalised().values()[ci.indicatorIndex("D1.I1")]);
        // excluding both leaves D1 empty: the index is then D2 alone
        ev.exclude(ci.slotOf("D1.I1"), true);
        ev.evaluate();
        assertThat(ev.indexScores()).containsExactly(s.build().nodeScores()[ci.nodeIndex("D2")]);
    }

    @Test
    void quicksortSortsAnyOrder() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int n : new int[] {0, 1, 2, 23, 24, 25, 100, 1000}) {
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(3) == 0 ? r.nextInt(5) : r.nextDouble();     // many ties
            }
            double[] expected = a.clone();
            java.util.Arrays.sort(expected);
            Evaluator.sort(a, 0, n - 1);
            assertThat(a).containsExactly(expected);
        }
    }

    private static RawData data(Framework fw, double[][] values) {
        List<Unit> units = new java.util.ArrayList<>();
        for (int i = 0; i < values[0].length; i++) {
            units.add(new Unit("u" + i, new Names("单位" + i, "Unit " + i), Map.of()));
        }
        return new RawData(units, values, null, new double[0][], null);
    }
}
