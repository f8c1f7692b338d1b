package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.MethodSpec;
import org.bizenv.scoring.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityTest {

    @TempDir
    Path dir;

    /**
     * INDEX → D1 (X, Y) weight 2, D2 (Z) weight 1, values taken as they are, full-precision ranks.
     * A (80, 10, 0), B (20, 60, 30), C (50, 50, 20): D1 = 45, 40, 50; index = 30, 36.67, 40 → ranks 3, 2, 1.
     */
    static final String TREE = """
            framework: {id: t, name: {en: T}}
            ranking: {decimals: 2, compare: full}
            tiers: {method: quantiles, count: 3}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {zh: 指数, en: Index}}
              - {code: D1, parent: INDEX, weight: 2, name: {zh: 维一, en: Dim one}}
              - {code: D2, parent: INDEX, weight: 1, name: {zh: 维二, en: Dim two}}
            indicators:
              - {code: X, parent: D1, weight: 1, name: {en: X}, direction: higher, source: s, field: X, normalisation: {method: none}}
              - {code: Y, parent: D1, weight: 1, name: {en: Y}, direction: higher, source: s, field: Y, normalisation: {method: none}}
              - {code: Z, parent: D2, weight: 1, name: {en: Z}, direction: higher, source: s, field: Z, normalisation: {method: none}}
            """;

    private Build tree(double[] z) {
        return Fixtures.score(dir, TREE, new double[][] {{80, 20, 50}, {10, 60, 50}, z}, "A", "B", "C");
    }

    /** Every removal's ranks and shifts worked out by hand (see the class comment of each case). */
    @Test
    void oneAtATimeRemovals() {
        Build b = tree(new double[] {0, 30, 20});
        assertThat(b.indexRanks()).containsExactly(3, 2, 1);
        OneAtATime.Result r = OneAtATime.run(CompiledIndex.of(b), Progress.NONE);
        assertThat(r.removals()).extracting(OneAtATime.Removal::code).containsExactly("X", "Y", "Z", "D1", "D2");
        assertThat(r.removals()).extracting(OneAtATime.Removal::level)
                .containsExactly("indicator", "indicator", "indicator", "dimension", "dimension");
        // without X: D1 = Y → index 6.67, 50, 40 → ranks 3, 1, 2
        assertThat(r.removals().get(0).rank()).containsExactly(3, 1, 2);
        assertThat(r.removals().get(0).shift()).containsExactly(0, 1, -1);
        // without Y: D1 = X → 53.33, 23.33, 40 → 1, 3, 2
        assertThat(r.removals().get(1).shift()).containsExactly(2, -1, -1);
        assertThat(r.removals().get(1).meanAbsShift()).isCloseTo(4 / 3.0, within(1e-15));
        assertThat(r.removals().get(1).maxAbsShift()).isEqualTo(2);
        // without Z, D2 is empty and leaves the index: index = D1 = 45, 40, 50 → 2, 3, 1; same as without D2
        assertThat(r.removals().get(2).shift()).containsExactly(1, -1, 0);
        assertThat(r.removals().get(4).shift()).containsExactly(1, -1, 0);
        // without D1: index = Z = 0, 30, 20 → 3, 1, 2
        assertThat(r.removals().get(3).shift()).containsExactly(0, 1, -1);
        assertThat(r.removals().get(3).name().en()).isEqualTo("Dim one");
    }

    /**
     * Z constant (the same for every unit): D2's weight, and therefore D1's, only rescales every unit's index
     * affinely and cannot change the ranking, so their rows of the design give exactly the base output: S = ST = 0
     * exactly. Only X's weight within D1 matters: its S and ST are near 1.
     */
    @Test
    void anInputThatCannotChangeTheRankingHasZeroIndices() {
        Build b = tree(new double[] {25, 25, 25});
        CompiledIndex ci = CompiledIndex.of(b);
        List<UncertainInput> inputs = new java.util.ArrayList<>(UncertainInput.dimensionWeights(ci, 0.5));
        inputs.add(new UncertainInput.WeightFactor("X", 0.9));
        SensitivityResult r = Sensitivity.run(ci, inputs,
                SobolIndices.Options.defaults().withBaseSamples(512).withBootstrap(100).withThreads(2), Progress.NONE);
        assertThat(r.inputs()).extracting(InputIndex::label).containsExactly("weight:D1", "weight:D2", "weight:X");
        assertThat(r.inputs().get(0).name().en()).isEqualTo("Weight of Dim one");
        assertThat(r.runs()).isEqualTo(512 * 5);
        for (int i = 0; i < 2; i++) {
            assertThat(r.inputs().get(i).first()).isZero();
            assertThat(r.inputs().get(i).total()).isZero();
        }
        assertThat(r.outputVariance()).isPositive();
        assertThat(r.inputs().get(2).first()).isCloseTo(1, within(0.05));
        assertThat(r.inputs().get(2).total()).isCloseTo(1, within(0.05));
    }

    /**
     * Two units that swap: A (80, 10) and B (20, 60) under INDEX = X, Y with inputs g = the aggregation (arithmetic
     * or geometric, ½ each) and x = X's weight factor ±25%. Geometric: A ahead iff w_X/w_Y &gt; ln 6/ln 4 = 1.29, never
     * within ±25%, so B is always ahead; arithmetic: B ahead iff w_X/w_Y &lt; 5/6, i.e. u &lt; 1/6. Output = (2/3)·1{swap},
     * swap = g ∨ (u &lt; 1/6), P = 7/12. Closed form (variance of conditional expectations over p(1 − p) = 35/144):
     * S_g = 25/35, S_x = 5/35, ST_g = 30/35, ST_x = 10/35.
     */
    @Test
    void aggregationAndWeightIndicesMatchTheClosedForm() {
        CompiledIndex ci = CompiledIndex.of(Fixtures.twoIndicators(dir));
        List<UncertainInput> inputs = List.of(
                new UncertainInput.AggregationChoice("INDEX", List.of(MethodSpec.of("arithmetic"), MethodSpec.of("geometric"))),
                new UncertainInput.WeightFactor("X", 0.25));
        SensitivityResult r = Sensitivity.run(ci, inputs,
                SobolIndices.Options.defaults().withBaseSamples(8192).withBootstrap(200).withThreads(2), Progress.NONE);
        // N = 8192 Sobol points land within 0.001 of every closed-form value (printed below); the tolerance 0.03 is
        // far below what a wrong estimator would give (confusing S and ST, or g and x, is off by >= 0.14)
        assertThat(r.outputMean()).isCloseTo(2 / 3.0 * 7 / 12, within(0.01));
        assertThat(r.inputs().get(0).first()).isCloseTo(25 / 35.0, within(0.03));
        assertThat(r.inputs().get(1).first()).isCloseTo(5 / 35.0, within(0.03));
        assertThat(r.inputs().get(0).total()).isCloseTo(30 / 35.0, within(0.03));
        assertThat(r.inputs().get(1).total()).isCloseTo(10 / 35.0, within(0.03));
        assertThat(r.inputs().get(0).name().en()).isEqualTo("Aggregation of Index");
        System.out.printf("closed form: S %.4f %.4f ST %.4f %.4f; CI S_g [%.4f, %.4f]%n", r.inputs().get(0).first(),
                r.inputs().get(1).first(), r.inputs().get(0).total(), r.inputs().get(1).total(),
                r.inputs().get(0).firstLow(), r.inputs().get(0).firstHigh());
    }

    @Test
    void unknownCodesAreErrors() {
        CompiledIndex ci = CompiledIndex.of(Fixtures.twoIndicators(dir));
        assertThatThrownBy(() -> Sensitivity.run(ci, List.of(new UncertainInput.WeightFactor("INDEX", 0.2),
                new UncertainInput.LeaveOut(List.of("X", "Q"))), SobolIndices.Options.defaults(), Progress.NONE))
                .isInstanceOf(RobustnessException.class)
                .hasMessageContaining("sensitivity input weight:INDEX: 'INDEX' is not a node or indicator with a parent")
                .hasMessageContaining("sensitivity input leave-out: 'Q' is not a node or indicator with a parent");
    }
}
