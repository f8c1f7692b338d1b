package org.bizenv.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values given by text codes (a score, not applicable), the min-share rule over applicable children, composites. */
class TextCodesAndCompositesTest {

    static final double NaN = Double.NaN;

    @TempDir
    Path dir;

    /** Like Doing Business paying taxes: T2 = mean(I3, P) where P (postfiling) = mean of the parts that apply. */
    static final String FRAMEWORK = """
            framework: {id: codes, name: {en: Codes}}
            defaults:
              normalisation: {method: goalposts, best: 0, worst: 100}
              aggregation: {method: arithmetic, min-share: 1}
            ranking: {decimals: 5, compare: full}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: Code}]
            nodes:
              - {code: INDEX, name: {en: Index}}
              - {code: T1, parent: INDEX, weight: 1, name: {en: T1}}
              - {code: T2, parent: INDEX, weight: 1, name: {en: T2}}
              - {code: P, parent: T2, weight: 1, name: {en: P}}
            indicators:
              - {code: I1, parent: T1, name: {en: I1}, direction: lower, weight: 1, source: s, field: I1}
              - {code: I2, parent: T1, name: {en: I2}, direction: lower, weight: 1, source: s, field: I2}
              - {code: I3, parent: T2, name: {en: I3}, direction: lower, weight: 1, source: s, field: I3}
              - {code: I4, parent: P, name: {en: I4}, direction: lower, weight: 1, source: s, field: I4}
              - {code: I5, parent: P, name: {en: I5}, direction: lower, weight: 1, source: s, field: I5}
            """;

    private Framework framework(String yaml) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, yaml);
        return FrameworkLoader.load(f);
    }

    private static List<Unit> units(String... codes) {
        List<Unit> out = new ArrayList<>();
        for (String c : codes) {
            out.add(new Unit(c, new Names(c, c), Map.of("region", c.startsWith("c") ? "cities" : "economies")));
        }
        return out;
    }

    private static double[][] nanGrid(int m, int n) {
        double[][] g = new double[m][n];
        for (double[] row : g) {
            java.util.Arrays.fill(row, NaN);
        }
        return g;
    }

    @Test
    void textScoresAndNotApplicableValues() throws IOException {
        Framework fw = framework(FRAMEWORK);
        //                          u1          u2          u3
        double[][] raw = {
                {20, NaN, 40},                  // I1: u2 'No Practice' → score 0
                {30, 10, NaN},                  // I2: u3 blank (missing)
                {50, 50, 50},                   // I3
                {NaN, 20, 60},                  // I4: u1 'No VAT' → not applicable
                {NaN, NaN, 80}};                // I5: u1 'No VAT', u2 'No corporate income tax' → not applicable
        double[][] scores = nanGrid(5, 3);
        scores[0][1] = 0;
        boolean[][] na = new boolean[5][3];
        na[3][0] = true;
        na[4][0] = true;
        na[4][1] = true;
        RawData d = new RawData(units("u1", "u2", "u3"), raw, null, new double[0][], null, scores, na);

        Build b = Scorer.score(fw, d);

        assertThat(b.raw().values()[0][1]).isNaN();
        assertThat(b.normalised().values()[0]).containsExactly(80, 0, 60);
        assertThat(b.treated().values()[0][1]).as("the score is not a raw value").isNaN();
        assertThat(b.normalised().values()[3]).containsExactly(NaN, 80, 40);
        double[] p = b.nodeScores()[b.nodeIndex("P")];
        assertThat(p[0]).as("no part applies: P does not apply").isNaN();
        assertThat(p[1]).as("I5 does not apply: P = I4 alone, not unscored by min-share 1").isEqualTo(80);
        assertThat(p[2]).isEqualTo(30);
        double[] t2 = b.nodeScores()[b.nodeIndex("T2")];
        assertThat(t2).containsExactly(50, 65, 40);                   // u1: I3 alone, P left out
        double[] t1 = b.nodeScores()[b.nodeIndex("T1")];
        assertThat(t1[0]).isEqualTo(75);
        assertThat(t1[1]).isEqualTo(45);                              // mean(0, 90)
        assertThat(t1[2]).as("I2 missing: min-share 1 leaves T1 unscored").isNaN();
        assertThat(b.indexScores()).containsExactly(62.5, 55, NaN);
        assertThat(b.indexRanks()).containsExactly(1, 2, 0);
        assertThat(b.warnings()).extracting(org.bizenv.framework.Names::en).contains(
                "indicator I1: 1 unit scored by a text value (see text-values)",
                "indicator I4: 1 unit not applicable (see text-values)",
                "indicator I5: 2 units not applicable (see text-values)",
                "unit u3 (u3) has no index score and is unranked: no value for I2");
    }

    @Test
    void imputationFillsMissingValuesButNotCodedOnes() throws IOException {
        Framework fw = framework(FRAMEWORK.replace("field: I4}", "field: I4, imputation: {method: mean}}")
                .replace("field: I1}", "field: I1, imputation: {method: mean}}"));
        double[][] raw = {{20, NaN, NaN}, {30, 10, 20}, {50, 50, 50}, {NaN, 20, NaN}, {10, 10, 10}};
        double[][] scores = nanGrid(5, 3);
        scores[0][1] = 0;                                             // u2 I1: 'No Practice'
        boolean[][] na = new boolean[5][3];
        na[3][0] = true;                                              // u1 I4: not applicable
        RawData d = new RawData(units("u1", "u2", "u3"), raw, null, new double[0][], null, scores, na);

        Build b = Scorer.score(fw, d);

        assertThat(b.imputed().values()[0]).containsExactly(20, NaN, 20);   // u3 imputed; u2 has its score
        assertThat(b.imputed().flagged()[0]).containsExactly(false, false, true);
        assertThat(b.imputed().values()[3]).containsExactly(NaN, 20, 20);   // u1 not applicable, u3 imputed
        assertThat(b.imputed().flagged()[3]).containsExactly(false, false, true);
        assertThat(b.normalised().values()[0]).containsExactly(80, 0, 80);
    }

    static final String COMPOSITES = """
            composites:
              ranked: composites
              units:
                N: {c1: 1, c2: 3}
            """;

    @Test
    void aCompositeIsTheWeightedMeanOfItsComponentsAtEveryIndicatorAndNode() throws IOException {
        Framework fw = framework(FRAMEWORK.replace("{method: goalposts, best: 0, worst: 100}",
                "{method: minmax, min: 0, max: 100}").replace("sources:", COMPOSITES + "sources:"));
        //                        c1   N     c2   e1
        double[][] raw = {
                {0, 1000, 100, 50},             // I1 min-max over c1, c2, e1 (N's own 1000 is not scored)
                {0, 1000, 100, 100},            // I2
                {0, 1000, 50, 100},             // I3
                {NaN, 1000, 0, 100},            // I4: c1 not applicable
                {NaN, 1000, 100, 0}};           // I5: c1 not applicable
        boolean[][] na = new boolean[5][4];
        na[3][0] = true;
        na[4][0] = true;
        RawData d = new RawData(units("c1", "N", "c2", "e1"), raw, null, new double[0][], null, null, na);

        Build b = Scorer.score(fw, d);

        // direction lower: min-max of -x. I1: c1 100, c2 0, e1 50; N = (1·100 + 3·0)/4 = 25
        assertThat(b.normalised().values()[0]).containsExactly(100, 25, 0, 50);
        assertThat(b.raw().values()[0][1]).as("its own row is shown").isEqualTo(1000);
        // I4 does not apply to c1: N takes c2's alone
        assertThat(b.normalised().values()[3]).containsExactly(NaN, 100, 100, 0);
        assertThat(b.treated().values()[2][1]).as("earlier stages too: (0 + 3·50)/4").isEqualTo(37.5);
        // nodes: c1 T1 = 100, T2 = I3 (P n/a) = 100; c2 T1 = 0, P = 50, T2 = mean(50, 50) = 50
        double[] t2 = b.nodeScores()[b.nodeIndex("T2")];
        assertThat(t2[0]).isEqualTo(100);
        assertThat(t2[2]).isEqualTo(50);
        assertThat(t2[1]).isEqualTo((100 + 3 * 50) / 4.0);
        double[] index = b.indexScores();
        assertThat(index[1]).isCloseTo((index[0] + 3 * index[2]) / 4, within(1e-12));
        // e1: T1 = mean(50, 0) = 25; T2 = mean(0, P = mean(0, 100)) = 25
        assertThat(index).containsExactly(100, 43.75, 25, 25);
        // ranking: the composite and e1 only
        assertThat(b.indexRanks()).containsExactly(0, 1, 0, 2);
        assertThat(b.nodeRanks()[b.nodeIndex("T1")]).containsExactly(0, 1, 0, 1);      // 25 and 25: a tie
        assertThat(b.indicatorRanks()[0]).containsExactly(0, 2, 0, 1);
        assertThat(b.tiers()[0]).isZero();
        assertThat(b.warnings()).contains(new org.bizenv.framework.Names("1 个合成单位在每个指标和节点上按其组成城市的加权平均"
                + "计分；其自身的原始值只列示、不计分：N", "1 composite unit is scored as the weighted mean of its components "
                + "at every indicator and node; their own raw values are shown but not scored: N"));
    }

    @Test
    void rankingComponentsOrEverythingAndUnrankedUnits() throws IOException {
        double[][] raw = {{0, 1000, 100, 50}, {0, 1000, 100, 100}, {0, 1000, 50, 100}, {0, 1000, 0, 100},
                {0, 1000, 100, 0}};
        RawData d = new RawData(units("c1", "N", "c2", "e1"), raw, null, new double[0][], null);
        String fw = FRAMEWORK.replace("sources:", COMPOSITES + "sources:");

        // index: c1 100, N (100 + 3·25)/4 = 43.75, c2 25, e1 25
        Build all = Scorer.score(framework(fw.replace("ranked: composites", "ranked: all")), d);
        assertThat(all.indexRanks()).containsExactly(1, 2, 3, 3);
        Build components = Scorer.score(framework(fw.replace("ranked: composites", "ranked: components")), d);
        assertThat(components.indexRanks()).containsExactly(1, 0, 2, 2);
        // without composites N is scored from its own row (every value clipped at the worst goalpost: 0)
        Build unranked = Scorer.score(framework(FRAMEWORK.replace("compare: full}", "compare: full, unranked: [c2]}")),
                d);
        assertThat(unranked.indexScores()).containsExactly(100, 0, 25, 25);
        assertThat(unranked.indexRanks()).containsExactly(1, 3, 0, 2);
        assertThat(unranked.indexScores()[2]).as("scored, not ranked").isNotNaN();
    }
}
