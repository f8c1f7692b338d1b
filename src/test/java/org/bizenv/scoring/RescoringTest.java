package org.bizenv.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rescoring gives what the scorer gives, every stage, weight, rank and warning, taking over what is unchanged. */
class RescoringTest {

    @TempDir
    Path dir;

    // A1 imputed by the mean (a warning per scoring that imputes), A2 min-max (a warning when all values are the
    // same), B weighted by entropy (recomputed from whatever its children are), outliers treated by the COINr rule
    static final String FRAMEWORK = """
            framework: {id: re, name: {en: Rescored}}
            ranking: {decimals: 2, compare: rounded}
            tiers: {method: quantiles, count: 2}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {en: Index}}
              - {code: A, parent: INDEX, weight: 2, name: {en: A}}
              - {code: B, parent: INDEX, weight: 1, name: {en: B}, weighting: {method: entropy}}
            indicators:
              - {code: A1, parent: A, name: {en: A1}, direction: higher, weight: 1, source: s, field: A1, imputation: {method: mean}}
              - {code: A2, parent: A, name: {en: A2}, direction: lower, weight: 3, source: s, field: A2}
              - {code: B1, parent: B, name: {en: B1}, direction: higher, source: s, field: B1, treatment: {method: coinr, skew: 2, kurtosis: 3.5, winmax: 5}}
              - {code: B2, parent: B, name: {en: B2}, direction: higher, source: s, field: B2, normalisation: {method: minmax, min: 1, max: 100}}
            """;

    private static RawData data(double[][] values) {
        List<Unit> units = List.of(
                new Unit("u1", new Names("一", "One"), Map.of()),
                new Unit("u2", new Names("二", "Two"), Map.of()),
                new Unit("u3", new Names("三", "Three"), Map.of()),
                new Unit("u4", new Names("四", "Four"), Map.of()),
                new Unit("u5", new Names("五", "Five"), Map.of()));
        return new RawData(units, values, null, new double[0][], null);
    }

    private Framework framework() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, FRAMEWORK);
        return FrameworkLoader.load(f);
    }

    private static final double[][] BASE = {
            {1, Double.NaN, 3, 4, 8},
            {7, 7, 7, 7, 7},
            {2, 4, 8, 3, 300},
            {3, 2, 1, 5, 4}};

    @Test
    void unchangedIndicatorsAreTakenOverAndTheBuildIsTheScorersBitForBit() throws IOException {
        Framework fw = framework();
        Rescoring rescoring = new Rescoring(fw, data(BASE));
        double[][] changed = {BASE[0].clone(), BASE[1].clone(), {2, 5, 8, 3, 250}, BASE[3].clone()};
        RawData replicate = data(changed);

        assertThat(rescoring.unchanged(replicate)).containsExactly(true, true, false, true);
        Build got = rescoring.score(replicate);
        Build want = Scorer.score(fw, replicate);

        assertSame(got, want);
        // taken over: the base's very rows; B1 computed anew, and with it B's entropy weights
        Build base = rescoring.base();
        assertThat(got.normalised().values()[0]).isSameAs(base.normalised().values()[0]);
        assertThat(got.treatment()[1]).isSameAs(base.treatment()[1]);
        assertThat(got.normalised().values()[2]).isNotSameAs(base.normalised().values()[2]);
        assertThat(got.nodeWeights()[2].weights()).isNotEqualTo(base.nodeWeights()[2].weights());
        // the warnings of the taken-over rows are said again, in the scorer's order: A1 imputed, A2 all the same
        assertThat(got.warnings()).hasSize(2);
        assertThat(got.warnings().get(0).en()).isEqualTo("indicator A1: 1 value imputed by mean");
        assertThat(got.warnings().get(1).en()).startsWith("indicator A2: every unit has the same value");
    }

    @Test
    void otherUnitsOrLastYearsValuesTakeNothingOver() throws IOException {
        Framework fw = framework();
        Rescoring rescoring = new Rescoring(fw, data(BASE));
        RawData reordered = new RawData(List.of(data(BASE).units().get(1), data(BASE).units().get(0),
                data(BASE).units().get(2), data(BASE).units().get(3), data(BASE).units().get(4)), BASE, null,
                new double[0][], null);
        assertThat(rescoring.unchanged(reordered)).containsExactly(false, false, false, false);
        assertSame(rescoring.score(reordered), Scorer.score(fw, reordered));

        double[][] last = {{1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}};
        RawData withLastYear = new RawData(data(BASE).units(), BASE, null, new double[0][], last);
        assertThat(rescoring.unchanged(withLastYear)).containsExactly(false, false, false, false);
    }

    /** Every stage, weight, score, rank, tier and warning of two builds the same, bit for bit. */
    static void assertSame(Build got, Build want) {
        for (Stage[] s : new Stage[][] {{got.denominated(), want.denominated()}, {got.imputed(), want.imputed()},
                {got.transformed(), want.transformed()}, {got.treated(), want.treated()},
                {got.normalised(), want.normalised()}}) {
            assertBits(s[1].name(), s[0].values(), s[1].values());
            assertThat(s[0].flagged()).as(s[1].name()).isDeepEqualTo(s[1].flagged());
        }
        assertBits("node scores", got.nodeScores(), want.nodeScores());
        assertThat(got.nodeRanks()).isDeepEqualTo(want.nodeRanks());
        assertThat(got.indicatorRanks()).isDeepEqualTo(want.indicatorRanks());
        assertThat(got.indexRanks()).containsExactly(want.indexRanks());
        assertThat(got.tiers()).containsExactly(want.tiers());
        assertThat(got.nodeWeight()).containsExactly(want.nodeWeight());
        assertThat(got.indicatorWeight()).containsExactly(want.indicatorWeight());
        assertThat(got.effectiveIndicatorWeight()).containsExactly(want.effectiveIndicatorWeight());
        for (int k = 0; k < want.nodeWeights().length; k++) {
            assertThat(got.nodeWeights()[k].weights()).containsExactly(want.nodeWeights()[k].weights());
        }
        assertThat(got.treatment()).containsExactly(want.treatment());
        assertThat(got.warnings()).isEqualTo(want.warnings());
    }

    /** Row by row, bit for bit (NaN included, which AssertJ's equality of doubles would not match). */
    private static void assertBits(String what, double[][] got, double[][] want) {
        assertThat(got.length).as(what).isEqualTo(want.length);
        for (int j = 0; j < want.length; j++) {
            assertThat(java.util.Arrays.equals(got[j], want[j])).as(what + " row " + j + ": "
                    + java.util.Arrays.toString(got[j]) + " vs " + java.util.Arrays.toString(want[j])).isTrue();
        }
    }
}
