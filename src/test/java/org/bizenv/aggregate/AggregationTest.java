package org.bizenv.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.aggregate.Aggregation.Method;
import org.bizenv.aggregate.Aggregation.TopsisVariant;
import org.bizenv.fixtures.Asem;
import org.bizenv.fixtures.Csv;
import org.junit.jupiter.api.Test;

class AggregationTest {

    private static final double NaN = Double.NaN;

    // [child][unit]
    private static final double[][] WITH_GAPS = {
            {10, NaN, 0, NaN},
            {20, 30, NaN, NaN},
            {60, 60, NaN, NaN}};
    private static final double[] W_112 = {1, 1, 2};

    @Test
    void arithmeticDropsMissingChildrenAndRenormalisesWeights() {
        // unit 0: (10 + 20 + 2·60)/4; unit 1: (30 + 2·60)/3; unit 2: only child 0; unit 3: nothing
        assertThat(Aggregation.aggregate(WITH_GAPS, W_112, Method.ARITHMETIC, 1, 0))
                .containsExactly(37.5, 50, 0, NaN);
        assertThat(WITH_GAPS[0]).containsExactly(10, NaN, 0, NaN); // input untouched
    }

    @Test
    void availabilityThresholdLeavesThinUnitsMissing() {
        // shares: 3/3, 2/3, 1/3, 0
        assertThat(Aggregation.aggregate(WITH_GAPS, W_112, Method.ARITHMETIC, 1, 0.5))
                .containsExactly(37.5, 50, NaN, NaN);
        assertThat(Aggregation.aggregate(WITH_GAPS, W_112, Method.ARITHMETIC, 1, 2.0 / 3))
                .containsExactly(37.5, 50, NaN, NaN);
        assertThat(Aggregation.aggregate(WITH_GAPS, W_112, Method.ARITHMETIC, 1, 1))
                .containsExactly(37.5, NaN, NaN, NaN);
    }

    @Test
    void geometricHarmonicAndGeneralisedMeans() {
        double[][] c = {{1, 4}, {4, 1}};
        double[] eq = {1, 1};
        assertThat(Aggregation.aggregate(c, eq, Method.GEOMETRIC, 0, 0))
                .containsExactly(new double[] {2, 2}, within(1e-15));
        // weights 3:1 → 1^(3/4)·4^(1/4) = √2 and 4^(3/4) = 2√2
        assertThat(Aggregation.aggregate(c, new double[] {3, 1}, Method.GEOMETRIC, 0, 0))
                .containsExactly(new double[] {Math.sqrt(2), 2 * Math.sqrt(2)}, within(1e-15));
        // 2/(1/1 + 1/4) = 1.6
        assertThat(Aggregation.aggregate(c, eq, Method.HARMONIC, 0, 0))
                .containsExactly(new double[] {1.6, 1.6}, within(1e-15));
        // p = 2: √((1 + 16)/2)
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 2, 0)[0]).isCloseTo(Math.sqrt(8.5), within(1e-14));
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 1, 0)).containsExactly(2.5, 2.5);
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, -1, 0)[0]).isCloseTo(1.6, within(1e-14));
        // p → 0: the geometric limit, continuous on both sides
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 0, 0)[0]).isCloseTo(2, within(1e-15));
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 1e-15, 0)[0]).isCloseTo(2, within(1e-14));
        // M_p ≈ G·(1 + p·Var(ln x)/2): Var(ln x) = (ln 2)², so p = ±1e-6 moves 2 by about 4.8e-7
        double drift = 2 * 1e-6 * Math.log(2) * Math.log(2) / 2;
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 1e-6, 0)[0]).isCloseTo(2 + drift, within(1e-11));
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, -1e-6, 0)[0]).isCloseTo(2 - drift, within(1e-11));
        // large |p| approaches max / min without overflow: (4^1000/2)^(1/1000) = 4·2^(−1/1000)
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 1000, 0)[0])
                .isCloseTo(4 * Math.pow(2, -0.001), within(1e-12));
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, -1000, 0)[0])
                .isCloseTo(Math.pow(2, 0.001), within(1e-12));
    }

    @Test
    void nonPositiveValuesFailLoudlyNamingUnitAndChild() {
        double[][] c = {{1, 2, 3}, {5, 0, 7}};
        double[] eq = {1, 1};
        NonPositiveValueException e = catchThrowableOfType(NonPositiveValueException.class,
                () -> Aggregation.aggregate(c, eq, Method.GEOMETRIC, 0, 0));
        assertThat(e.unitIndex()).isEqualTo(1);
        assertThat(e.childIndex()).isEqualTo(1);
        assertThat(e.value()).isEqualTo(0);
        assertThat(e).hasMessageContaining("unit 1, child 1").hasMessageContaining("geometric");
        assertThatThrownBy(() -> Aggregation.aggregate(new double[][] {{2, -1}}, new double[] {1}, Method.HARMONIC, 0, 0))
                .isInstanceOf(NonPositiveValueException.class).hasMessageContaining("harmonic");
        assertThatThrownBy(() -> Aggregation.aggregate(c, eq, Method.GENERALISED, -0.5, 0))
                .isInstanceOf(NonPositiveValueException.class);
        assertThatThrownBy(() -> Aggregation.aggregate(new double[][] {{-1}}, new double[] {1}, Method.GENERALISED, 2, 0))
                .isInstanceOf(NonPositiveValueException.class);
        // zero is fine for p > 0, and any sign for the arithmetic mean
        assertThat(Aggregation.aggregate(c, eq, Method.GENERALISED, 2, 0)[1]).isCloseTo(Math.sqrt(2), within(1e-15));
        assertThat(Aggregation.aggregate(new double[][] {{-4}, {2}}, eq, Method.ARITHMETIC, 1, 0)).containsExactly(-1);
        // a missing or zero-weighted child is not in the mean, so not checked
        assertThat(Aggregation.aggregate(new double[][] {{4}, {0}}, new double[] {1, 0}, Method.GEOMETRIC, 0, 0))
                .containsExactly(4);
    }

    @Test
    void illegalArgumentsAreRejected() {
        double[][] c = {{1, 2}, {3, 4}};
        assertThatThrownBy(() -> Aggregation.aggregate(c, new double[] {1}, Method.ARITHMETIC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aggregation.aggregate(c, new double[] {1, -1}, Method.ARITHMETIC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("child 1");
        assertThatThrownBy(() -> Aggregation.aggregate(c, new double[] {0, 0}, Method.ARITHMETIC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aggregation.aggregate(new double[][] {{1, 2}, {3}}, new double[] {1, 1},
                Method.ARITHMETIC, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aggregation.aggregate(c, new double[] {1, 1}, Method.ARITHMETIC, 1, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Aggregation.aggregate(new double[0][], new double[0], Method.ARITHMETIC, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        // a unit whose available children all weigh 0 has nothing to aggregate
        assertThat(Aggregation.aggregate(new double[][] {{NaN}, {5}}, new double[] {1, 0}, Method.ARITHMETIC, 1, 0))
                .containsExactly(NaN);
    }

    /**
     * COINr's legacy ASEM build (fixtures/coinr-asem): arithmetic means with weights 1, indicators →
     * 8 pillars (Agg1) → 2 sub-indices (Agg2) → Index, reproduce the Aggregated stage from the Normalised one.
     */
    @Test
    void reproducesTheAsemAggregatedStage() {
        Csv normalised = Asem.stage("Data_Normalised");
        Csv aggregated = Asem.stage("Data_Aggregated");
        Csv meta = Asem.indicatorMeta();
        Map<String, List<String>> pillars = new LinkedHashMap<>();
        Map<String, List<String>> subIndices = new LinkedHashMap<>();
        String[] codes = meta.texts("IndCode");
        String[] agg1 = meta.texts("Agg1");
        String[] agg2 = meta.texts("Agg2");
        for (int j = 0; j < codes.length; j++) {
            pillars.computeIfAbsent(agg1[j], k -> new ArrayList<>()).add(codes[j]);
            List<String> pillarsOfSub = subIndices.computeIfAbsent(agg2[j], k -> new ArrayList<>());
            if (!pillarsOfSub.contains(agg1[j])) {
                pillarsOfSub.add(agg1[j]);
            }
        }
        assertThat(pillars).hasSize(8);
        assertThat(subIndices).containsOnlyKeys("Conn", "Sust");

        double worst = 0;
        for (var e : pillars.entrySet()) {
            worst = Math.max(worst, meanError(normalised, e.getValue(), aggregated, e.getKey()));
        }
        for (var e : subIndices.entrySet()) {
            worst = Math.max(worst, meanError(aggregated, e.getValue(), aggregated, e.getKey()));
        }
        worst = Math.max(worst, meanError(aggregated, List.of("Conn", "Sust"), aggregated, "Index"));
        assertThat(worst).isLessThanOrEqualTo(1e-12);
    }

    private static double meanError(Csv from, List<String> childCodes, Csv to, String parent) {
        double[][] children = new double[childCodes.size()][];
        double[] weights = new double[childCodes.size()];
        for (int j = 0; j < children.length; j++) {
            children[j] = from.numbers(childCodes.get(j));
            weights[j] = 1;
        }
        double[] out = Aggregation.aggregate(children, weights, Method.ARITHMETIC, 1, 0);
        double[] expected = to.numbers(parent);
        double worst = 0;
        for (int i = 0; i < out.length; i++) {
            worst = Math.max(worst, Asem.relativeError(out[i], expected[i]));
        }
        return worst;
    }

    // ------------------------------------------------------------------ TOPSIS

    /** Units (4,4), (1,5), (3,2), (4,2) as [criterion][unit]; criterion 0 a benefit, criterion 1 a cost. */
    private static final double[][] FOUR_UNITS = {{4, 1, 3, 4}, {4, 5, 2, 2}};
    private static final int[] BENEFIT_COST = {1, -1};

    /** methodology.md fixture, MINMAX variant: closeness [0.6126, 0.0, 0.7829, 1.0] (4 decimals). */
    @Test
    void topsisMinMaxMatchesTheMethodologyFixture() {
        double[] c = Aggregation.topsis(FOUR_UNITS, new double[] {0.5, 0.5}, BENEFIT_COST, TopsisVariant.MINMAX);
        assertThat(c).containsExactly(new double[] {0.6126, 0.0, 0.7829, 1.0}, within(5e-5));
    }

    /**
     * VECTOR variant on the same units, by hand: v0 = 0.5·x/√42, v1 = 0.5·x/7; ideal (2/√42, 1/7),
     * anti-ideal (0.5/√42, 2.5/7).
     */
    @Test
    void topsisVectorMatchesAHandComputation() {
        double s = Math.sqrt(42);
        double[][] v = {{2 / s, 0.5 / s, 1.5 / s, 2 / s}, {2.0 / 7, 2.5 / 7, 1.0 / 7, 1.0 / 7}};
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            double dPlus = Math.hypot(v[0][i] - 2 / s, v[1][i] - 1.0 / 7);
            double dMinus = Math.hypot(v[0][i] - 0.5 / s, v[1][i] - 2.5 / 7);
            expected[i] = dMinus / (dPlus + dMinus);
        }
        double[] c = Aggregation.topsis(FOUR_UNITS, new double[] {0.5, 0.5}, BENEFIT_COST, TopsisVariant.VECTOR);
        assertThat(c).containsExactly(expected, within(1e-12));
        // unit 0 written out: D+ = 1/7, D− = √(2.25/42 + 0.25/49)
        double dMinus0 = Math.sqrt(2.25 / 42 + 0.25 / 49);
        assertThat(c[0]).isCloseTo(dMinus0 / (1.0 / 7 + dMinus0), within(1e-12));
        assertThat(c[1]).isEqualTo(0);
        assertThat(c[3]).isEqualTo(1);
    }

    /**
     * Published example (Papathanasiou &amp; Ploskas 2018, "Multiple Criteria Decision Aid", ch. TOPSIS,
     * facility location; as tested in the distance_metrics_mcda project): 6 sites, 4 benefit criteria,
     * weights 0.4/0.3/0.1/0.2, vector normalisation → closeness 0.387, 0.327, 0.391, 0.615, 0.868, 0.493.
     */
    @Test
    void topsisVectorMatchesPapathanasiouPloskas() {
        double[][] sites = {{8, 5, 7, 9, 11, 6}, {7, 3, 5, 9, 10, 9}, {2, 7, 6, 7, 3, 5}, {1, 5, 4, 3, 7, 4}};
        double[] c = Aggregation.topsis(sites, new double[] {0.4, 0.3, 0.1, 0.2}, new int[] {1, 1, 1, 1},
                TopsisVariant.VECTOR);
        double[] published = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};
        for (int i = 0; i < c.length; i++) {
            // published to 3 decimals: ours, rounded the same way, must agree exactly
            assertThat(BigDecimal.valueOf(c[i]).setScale(3, RoundingMode.HALF_UP).doubleValue()).as("site %d", i)
                    .isEqualTo(published[i]);
        }
    }

    @Test
    void topsisDegenerateAndIncompleteUnits() {
        // a unit with a missing criterion is left out and gets NaN; the others are scored among themselves
        double[][] withGap = {{4, 1, 3, 4, 9}, {4, 5, 2, 2, NaN}};
        double[] c = Aggregation.topsis(withGap, new double[] {1, 1}, BENEFIT_COST, TopsisVariant.MINMAX);
        assertThat(c).containsExactly(new double[] {0.6126, 0.0, 0.7829, 1.0, NaN}, within(5e-5));
        // no spread anywhere: every unit is ideal and anti-ideal at once → 0.5
        assertThat(Aggregation.topsis(new double[][] {{3, 3}, {1, 1}}, new double[] {1, 1}, BENEFIT_COST,
                TopsisVariant.VECTOR)).containsExactly(0.5, 0.5);
        assertThat(Aggregation.topsis(new double[][] {{2}}, new double[] {1}, new int[] {1}, TopsisVariant.MINMAX))
                .containsExactly(0.5);
        assertThatThrownBy(() -> Aggregation.topsis(FOUR_UNITS, new double[] {1, 1}, new int[] {1, 0},
                TopsisVariant.VECTOR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("criterion 1");
        assertThatThrownBy(() -> Aggregation.topsis(FOUR_UNITS, new double[] {1, 1}, new int[] {1},
                TopsisVariant.VECTOR)).isInstanceOf(IllegalArgumentException.class);
    }
}
