package org.bizenv.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkException;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.weight.CriticVariant;
import org.bizenv.weight.Weighting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method family chosen in a framework file and run through {@link Scorer}: framework YAML in, stages, weights
 * and scores out, against numbers worked out by hand (in the comments) or published fixtures (methodology.md).
 */
class MethodsThroughTheEngineTest {

    private static final double NaN = Double.NaN;

    @TempDir
    Path dir;

    /** A framework with one index node holding the given indicators (and, optionally, more nodes). */
    private Framework framework(String indexSpec, String moreNodes, String indicators) throws IOException {
        String yaml = "framework: {id: t, name: {en: Test}}\n"
                + "ranking: {decimals: 2, compare: full}\n"
                + "sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit},"
                + " {id: d, type: unit-table, path: d.csv, unit-column: Unit}]\n"
                + "denominators: [{id: pop, source: d, field: Pop}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}" + indexSpec + "}\n" + moreNodes
                + "indicators:\n" + indicators;
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, yaml);
        return FrameworkLoader.load(f);
    }

    private static String ind(String code, String parent, String direction, String extra) {
        return "  - {code: " + code + ", parent: " + parent + ", name: {en: " + code + "}, direction: " + direction
                + ", weight: 1, source: s, field: " + code + (extra.isEmpty() ? "" : ", " + extra) + "}\n";
    }

    private static RawData data(double[][] values) {
        return data(values, new double[][] {new double[values[0].length]}, null);
    }

    private static RawData data(double[][] values, double[][] denominators, double[][] previous) {
        int n = values[0].length;
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            units.add(new Unit("u" + (i + 1), new Names("u" + (i + 1), "U" + (i + 1)),
                    Map.of("Group", i % 2 == 0 ? "odd" : "even")));
        }
        return new RawData(units, values, null, denominators, previous);
    }

    private static double[] row(Build b, String node) {
        return b.nodeScores()[b.nodeIndex(node)];
    }

    private static double[] weights(Build b, String node) {
        return b.nodeWeights()[b.nodeIndex(node)].weights();
    }

    // ------------------------------------------------------------------ normalisation

    @Test
    void everyNormalisation() throws IOException {
        String p = "INDEX";
        Framework fw = framework(", weighting: {method: equal}", "", ""
                + ind("MM", p, "higher", "")
                + ind("MM2", p, "lower", "normalisation: {method: minmax, min: 1, max: 10}")
                + ind("Z", p, "higher", "normalisation: {method: zscore, mean: 50, sd: 10}")
                + ind("GP", p, "higher", "normalisation: {method: goalposts, best: 8, worst: 2}")
                + ind("GPP", p, "lower", "normalisation: {method: goalposts, best: 2, worst: 10, scale: 1, power: 0.5}")
                + ind("PR", p, "higher", "normalisation: {method: percentile-rank}")
                + ind("R", p, "lower", "normalisation: rank")
                + ind("B", p, "higher", "normalisation: {method: borda}")
                + ind("REF", p, "higher", "normalisation: {method: distance-to-reference, unit: u3}")
                + ind("REFC", p, "higher", "normalisation: {method: distance-to-reference, unit: u3, cap: true}")
                + ind("TGT", p, "higher", "normalisation: {method: distance-to-target, target: 8, cap: true, max: 1}")
                + ind("TGTL", p, "lower", "normalisation: {method: distance-to-target, target: 3}")
                + ind("NONE", p, "lower", "normalisation: none"));
        double[] x = {2, 4, 6, 10};
        double[][] raw = new double[13][];
        java.util.Arrays.fill(raw, x);
        double[][] v = Scorer.score(fw, data(raw)).normalised().values();

        assertThat(v[0]).containsExactly(0, 25, 50, 100);               // (x − 2)/8·100
        assertThat(v[1]).containsExactly(10, 7.75, 5.5, 1);             // lower: (10 − x)/8·9 + 1
        double sd = Math.sqrt(35 / 3.0);                                 // mean 5.5, Σd² = 35, n − 1 = 3
        for (int i = 0; i < 4; i++) {
            assertThat(v[2][i]).isCloseTo((x[i] - 5.5) / sd * 10 + 50, within(1e-12));
        }
        assertThat(v[3]).containsExactly(new double[] {0, 100 / 3.0, 200 / 3.0, 100}, within(1e-12)); // 10 clipped
        // lower via goalposts best 2 < worst 10: ((10 − x)/8)^0.5 → 1, √(6/8), √(4/8), 0
        assertThat(v[4]).containsExactly(new double[] {1, Math.sqrt(0.75), Math.sqrt(0.5), 0}, within(1e-15));
        assertThat(v[5]).containsExactly(new double[] {0, 100 / 3.0, 200 / 3.0, 100}, within(1e-12));
        assertThat(v[6]).containsExactly(4, 3, 2, 1);                   // rank of −x
        assertThat(v[7]).containsExactly(0, 1, 2, 3);
        // reference u3 = 6, worst 2: 1 − (6 − x)/4 → 0, 0.5, 1, 2; ×100; capped at the reference
        assertThat(v[8]).containsExactly(0, 50, 100, 200);
        assertThat(v[9]).containsExactly(0, 50, 100, 100);
        // target 8, worst 2: 1 − (8 − x)/6 → 0, 1/3, 2/3, 4/3 capped to 1, onto [0, 1]
        assertThat(v[10]).containsExactly(new double[] {0, 1 / 3.0, 2 / 3.0, 1}, within(1e-15));
        // lower is better, target 3: v = −x, t = −3, worst −10: 1 − (x − 3)/7 → 8/7, 6/7, 4/7, 0
        assertThat(v[11]).containsExactly(new double[] {800 / 7.0, 600 / 7.0, 400 / 7.0, 0}, within(1e-12));
        assertThat(v[12]).containsExactly(2, 4, 6, 10);
    }

    @Test
    void goalpostsThatContradictTheDirectionAreAFrameworkErrorAtTheirLine() {
        // best < worst means lower is better: stating "higher" too is almost certainly a typo, so the file is refused
        assertThatThrownBy(() -> framework("", "", ind("G", "INDEX", "higher",
                "normalisation: {method: goalposts, best: 1, worst: 30}")))
                .isInstanceOf(org.bizenv.framework.FrameworkException.class)
                .hasMessageEndingWith("fw.yaml:8: indicator G: goalposts best 1, worst 30 mean lower is better, but its "
                        + "direction is higher");
    }

    @Test
    void aTargetWorseThanEveryUnitIsAnErrorNamingTheIndicator() throws IOException {
        Framework fw = framework("", "", ind("T", "INDEX", "higher",
                "normalisation: {method: distance-to-target, target: 1}"));
        assertThatThrownBy(() -> Scorer.score(fw, data(new double[][] {{2, 4, 6}})))
                .isInstanceOf(ScoringException.class)
                .hasMessageStartingWith("indicator T: distance-to-target (target 1) (framework line 8): target 1.0 is worse");
    }

    // ------------------------------------------------------------------ weighting

    /** Elsayed et al. (2017), 12 alternatives × 5 criteria, entropy weights from the raw values. */
    static final double[][] ELSAYED = {
        {7, 72, 10, 10, 65, 29, 7, 70, 4, 12, 21, 1},
        {312, 88, 252, 145, 54, 48, 476, 87, 86, 79, 45, 72},
        {1891, 728, 2594, 980, 350, 380, 3300, 650, 591, 579, 261, 530},
        {6613, 941804, 3466, 2371, 501, 912, 78470, 733, 3015, 3240, 1253, 4333},
        {163, 1078, 117471, 86329, 29897, 34051, 2212, 819000, 103, 96098, 453, 0.1048}};

    @Test
    void entropyWeightsReproduceElsayed() throws IOException {
        StringBuilder inds = new StringBuilder();
        for (int j = 1; j <= 5; j++) {
            inds.append(ind("C" + j, "INDEX", "higher", "normalisation: none"));
        }
        Build b = Scorer.score(framework(", weighting: {method: entropy}", "", inds.toString()), data(ELSAYED));
        double[] w = weights(b, "INDEX");
        double[] published = {0.104991, 0.069124, 0.071373, 0.449937, 0.304575};
        assertThat(w).containsExactly(published, within(5e-7));
        assertThat(b.nodeWeights()[0].detail()).isEqualTo("computed from the children's values (textbook variant)");
        assertThat(b.indicatorWeight()).containsExactly(w);
    }

    @Test
    void entropyVariantsAreSelectable() throws IOException {
        // Columns (2,2,2), (0,1,1), (1,2,3): E = 1, ln2/ln3, 0.9206198357 (EntropyWeightTest)
        String inds = ind("A", "INDEX", "higher", "normalisation: none") + ind("B", "INDEX", "higher",
                "normalisation: none") + ind("C", "INDEX", "higher", "normalisation: none");
        double[][] x = {{2, 2, 2}, {0, 1, 1}, {1, 2, 3}};
        assertThat(weights(Scorer.score(framework(", weighting: {method: entropy}", "", inds), data(x)), "INDEX"))
                .containsExactly(new double[] {0, 0.8229900957, 0.1770099043}, within(1e-10));
        assertThat(weights(Scorer.score(framework(", weighting: {method: entropy, variant: zero-entropy-if-any-zero}",
                "", inds), data(x)), "INDEX")).containsExactly(new double[] {0, 0.9264576403, 0.0735423597}, within(1e-10));
        assertThat(weights(Scorer.score(framework(", weighting: {method: entropy, variant: proportional-to-entropy}",
                "", inds), data(x)), "INDEX")).containsExactly(new double[] {0.3919187003, 0.2472731698, 0.3608081299},
                within(1e-9));
    }

    /** Tuş &amp; Adalı (2019): 5 alternatives × 6 criteria, all benefit; published to 3 decimals. */
    static final double[][] TUS_ADALI = {
        {5000, 680, 2000, 600, 800}, {3, 5, 3, 4, 2}, {3, 3, 2, 3, 4}, {4, 2, 3, 1, 3}, {3, 2, 4, 2, 3},
        {2, 1, 3, 2, 4}};
    static final double[] TUS_ADALI_WEIGHTS = {0.157, 0.249, 0.168, 0.121, 0.154, 0.151};

    @Test
    void criticReproducesTusAdaliAndItsDirectionVariantIsExplicit() throws IOException {
        StringBuilder benefit = new StringBuilder();
        StringBuilder firstIsCost = new StringBuilder();
        for (int j = 1; j <= 6; j++) {
            benefit.append(ind("K" + j, "INDEX", "higher", ""));
            firstIsCost.append(ind("K" + j, "INDEX", j == 1 ? "lower" : "higher", ""));
        }
        assertThat(weights(Scorer.score(framework(", weighting: {method: critic}", "", benefit.toString()),
                data(TUS_ADALI)), "INDEX")).containsExactly(TUS_ADALI_WEIGHTS, within(5e-4));
        // pymcdm ignores criteria types: with K1 declared lower-is-better it still scores the raw columns as benefit,
        // so the published weights come back
        Build ignore = Scorer.score(framework(", weighting: {method: critic, variant: ignore-direction}", "",
                firstIsCost.toString()), data(TUS_ADALI));
        assertThat(weights(ignore, "INDEX")).containsExactly(TUS_ADALI_WEIGHTS, within(5e-4));
        // direction-aware (default): K1 as a cost column (Diakoulaki et al.)
        Build aware = Scorer.score(framework(", weighting: {method: critic}", "", firstIsCost.toString()),
                data(TUS_ADALI));
        assertThat(weights(aware, "INDEX")).containsExactly(Weighting.critic(TUS_ADALI,
                new int[] {-1, 1, 1, 1, 1, 1}, CriticVariant.DIRECTION_AWARE), within(1e-12));
        assertThat(weights(aware, "INDEX")[0]).isNotCloseTo(0.157, within(0.01));
    }

    @Test
    void cvPcaEqualAndCombinedWeights() throws IOException {
        // CV: (1,2,3) → 1/2; (2,2,5) → √3/3 (sample sd); weights ∝ (0.5, 0.5773502692)
        String two = ind("A", "N", "higher", "normalisation: none")
                + ind("B", "N", "higher", "normalisation: none").replace("weight: 1", "weight: 3");
        double[][] x = {{1, 2, 3}, {2, 2, 5}};
        double c1 = 0.5;
        double c2 = Math.sqrt(3) / 3;
        double[] cv = {c1 / (c1 + c2), c2 / (c1 + c2)};
        String node = "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, weighting: ";
        Build b = Scorer.score(framework("", node + "{method: cv}}\n", two), data(x));
        assertThat(weights(b, "N")).containsExactly(cv, within(1e-15));
        // expert weights 1 and 3 → (0.25, 0.75); linear with alpha 0.4: 0.4·expert + 0.6·cv
        b = Scorer.score(framework("", node + "{method: combined, objective: cv, alpha: 0.4}}\n", two), data(x));
        assertThat(weights(b, "N")).containsExactly(new double[] {0.4 * 0.25 + 0.6 * cv[0], 0.4 * 0.75 + 0.6 * cv[1]},
                within(1e-15));
        assertThat(b.nodeWeights()[b.nodeIndex("N")].detail()).isEqualTo("w = 0.4·expert + 0.6·cv");
        // multiplicative: w ∝ expert × cv
        b = Scorer.score(framework("", node + "{method: combined, objective: cv, rule: multiplicative}}\n", two),
                data(x));
        double m0 = 0.25 * cv[0];
        double m1 = 0.75 * cv[1];
        assertThat(weights(b, "N")).containsExactly(new double[] {m0 / (m0 + m1), m1 / (m0 + m1)}, within(1e-15));
        b = Scorer.score(framework("", node + "equal}\n", two), data(x));
        assertThat(weights(b, "N")).containsExactly(0.5, 0.5);
        // PCA: the hand example of PcaWeightTest, squared loadings (5, 4, 4)/13
        String three = ind("P1", "N", "higher", "normalisation: none") + ind("P2", "N", "higher", "normalisation: none")
                + ind("P3", "N", "higher", "normalisation: none");
        b = Scorer.score(framework("", node + "pca}\n", three), data(new double[][] {
                {-1, -1, 1, 1}, {-1.5, -0.5, 0.5, 1.5}, {-0.5, -1.5, 1.5, 0.5}}));
        assertThat(weights(b, "N")).containsExactly(new double[] {5 / 13.0, 4 / 13.0, 4 / 13.0}, within(1e-12));
    }

    static final String DRINKS_MATRIX = """
            [[1, 9, 5, 2, 1, 1, 1/2],
                     [1/9, 1, 1/3, 1/9, 1/9, 1/9, 1/9],
                     [1/5, 3, 1, 1/3, 1/4, 1/3, 1/9],
                     [1/2, 9, 3, 1, 1/2, 1, 1/3],
                     [1, 9, 4, 2, 1, 2, 1/2],
                     [1, 9, 3, 1, 1/2, 1, 1/3],
                     [2, 9, 9, 3, 2, 3, 1]]""";

    @Test
    void ahpDrinksThroughTheEngine() throws IOException {
        StringBuilder inds = new StringBuilder();
        for (String d : new String[] {"coffee", "wine", "tea", "beer", "soda", "milk", "water"}) {
            inds.append(ind(d, "INDEX", "higher", ""));
        }
        Framework fw = framework(", weighting: {method: ahp, matrix: " + DRINKS_MATRIX.replace("\n", " ") + "}", "",
                inds.toString());
        double[][] x = new double[7][];
        java.util.Arrays.fill(x, new double[] {1, 2, 3});
        Build b = Scorer.score(fw, data(x));
        // published (Saaty): coffee .177, wine .019, tea .042, beer .116, soda .190, milk .129, water .327
        assertThat(weights(b, "INDEX")).containsExactly(new double[] {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327},
                within(5e-4));
        assertThat(b.nodeWeights()[0].detail()).startsWith("λmax 7.17").contains("CR 0.02").endsWith(
                "(saaty-classic random index)");
    }

    @Test
    void anInconsistentAhpMatrixIsAFrameworkErrorNamingNodeAndLine() {
        String wangChin = "[[1, 4, 3, 1, 3, 4], [1/4, 1, 7, 3, 1/5, 1], [1/3, 1/7, 1, 1/5, 1/5, 1/6], "
                + "[1, 1/3, 5, 1, 1, 1/3], [1/3, 5, 5, 1, 1, 3], [1/4, 1, 6, 3, 1/3, 1]]";
        StringBuilder inds = new StringBuilder();
        for (int j = 1; j <= 6; j++) {
            inds.append(ind("W" + j, "N", "higher", ""));
        }
        String node = "  - code: N\n    parent: INDEX\n    weight: 1\n    name: {en: N}\n    weighting: {method: ahp, matrix: "
                + wangChin + "}\n";
        assertThatThrownBy(() -> framework("", node, inds.toString()))
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining("fw.yaml:11: node N: the AHP matrix is inconsistent: CR 0.2290 exceeds the "
                        + "limit 0.1 (λmax 7.4199, CI 0.2840, saaty-classic random index)");
        // a looser limit accepts it
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> framework("", node.replace("matrix:",
                "cr-limit: 0.25, matrix:"), inds.toString()))).isNull();
    }

    @Test
    void wordsAndNumbersOfParametersAreCheckedAtTheirLine() {
        assertThatThrownBy(() -> framework(", weighting: {method: entropy, variant: shannon}", "",
                ind("A", "INDEX", "higher", "treatment: {method: coinr, convention: old, winmax: six}")))
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining("fw.yaml:6: weighting method 'entropy': variant must be one of textbook, "
                        + "zero-entropy-if-any-zero, proportional-to-entropy (default textbook), not 'shannon'")
                .hasMessageContaining("fw.yaml:8: treatment method 'coinr': convention must be one of v1, legacy "
                        + "(default v1), not 'old'")
                .hasMessageContaining("fw.yaml:8: treatment method 'coinr': winmax must be a number, not 'six'");
        assertThatThrownBy(() -> framework(", aggregation: {method: arithmetic, min-share: 1.5}", "",
                ind("A", "INDEX", "higher", "treatment: cap")))
                .hasMessageContaining("min-share must lie in [0, 1], not 1.5")
                .hasMessageContaining("fw.yaml:8: treatment method 'cap' needs min, max or both");
        assertThatThrownBy(() -> framework(", weighting: {method: combined, objective: topsis, alpha: 2}", "",
                ind("A", "INDEX", "higher", "normalisation: {method: distance-to-target, target: 5, cap: yes}")))
                .hasMessageContaining("fw.yaml:6: weighting method 'combined': objective must be one of entropy, "
                        + "critic, cv, pca (default entropy), not 'topsis'")
                .hasMessageContaining("fw.yaml:8: normalisation method 'distance-to-target': cap must be one of "
                        + "false, true (default false), not 'yes'");
    }

    // ------------------------------------------------------------------ aggregation

    @Test
    void geometricHarmonicAndGeneralisedMeans() throws IOException {
        // children (1, 4, 9) and (4, 1, 1), equal weights
        double[][] x = {{1, 4, 9}, {4, 1, 1}};
        String two = ind("A", "N", "higher", "normalisation: none") + ind("B", "N", "higher", "normalisation: none");
        String node = "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, aggregation: ";
        assertThat(row(Scorer.score(framework("", node + "geometric}\n", two), data(x)), "N"))
                .containsExactly(new double[] {2, 2, 3}, within(1e-15));
        assertThat(row(Scorer.score(framework("", node + "harmonic}\n", two), data(x)), "N"))
                .containsExactly(new double[] {1.6, 1.6, 1.8}, within(1e-15));   // 2/(1 + 1/4), 2/(1/9 + 1)
        assertThat(row(Scorer.score(framework("", node + "{method: generalised, p: 2}}\n", two), data(x)), "N"))
                .containsExactly(new double[] {Math.sqrt(8.5), Math.sqrt(8.5), Math.sqrt(41)}, within(1e-14));
    }

    @Test
    void zerosInAGeometricMeanAreAnErrorByDefaultOrGiveZero() throws IOException {
        double[][] x = {{0, 4, 9}, {4, 1, 1}};
        String two = ind("A", "N", "higher", "normalisation: none") + ind("B", "N", "higher", "normalisation: none");
        String node = "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, aggregation: ";
        assertThatThrownBy(() -> Scorer.score(framework("", node + "geometric}\n", two), data(x)))
                .isInstanceOf(ScoringException.class).hasMessageContaining("but A is 0.0 for u1 U1");
        assertThat(row(Scorer.score(framework("", node + "{method: geometric, zeros: zero}}\n", two), data(x)), "N"))
                .containsExactly(new double[] {0, 2, 3}, within(1e-15));
        assertThat(row(Scorer.score(framework("", node + "{method: harmonic, zeros: zero}}\n", two), data(x)), "N"))
                .containsExactly(new double[] {0, 1.6, 1.8}, within(1e-15));
    }

    @Test
    void topsisMinMaxReproducesThePublishedClosenessOnThe0To100Scale() throws IOException {
        // methodology.md: [[4,4],[1,5],[3,2],[4,2]], w = (0.5, 0.5), directions (+1, −1) → (0.6126, 0, 0.7829, 1)
        Framework fw = framework(", weighting: {method: equal}, aggregation: {method: topsis, variant: minmax}", "",
                ind("T1", "INDEX", "higher", "") + ind("T2", "INDEX", "lower", ""));
        Build b = Scorer.score(fw, data(new double[][] {{4, 1, 3, 4}, {4, 5, 2, 2}}));
        assertThat(b.indexScores()).containsExactly(new double[] {61.26, 0, 78.29, 100}, within(5e-3));
        // exactly: min-max inside TOPSIS gives r1 = (1, 0, 2/3, 1), r2 = (1/3, 0, 1, 1) (T2 already turned round);
        // unit 1 at (1, 1/3)·0.5 against the ideal (0.5, 0.5) and the anti-ideal (0, 0)
        double dPlus = 0.5 * (2 / 3.0);
        double dMinus = 0.5 * Math.sqrt(1 + 1 / 9.0);
        assertThat(b.indexScores()[0]).isCloseTo(100 * dMinus / (dPlus + dMinus), within(1e-12));
        Framework vector = framework(", weighting: {method: equal}, aggregation: topsis", "",
                ind("T1", "INDEX", "higher", "") + ind("T2", "INDEX", "lower", ""));
        assertThat(Scorer.score(vector, data(new double[][] {{4, 1, 3, 4}, {4, 5, 2, 2}})).indexScores()[3])
                .isEqualTo(100.0);
    }

    @Test
    void availabilityThresholdCountsObservedChildrenAndSaysWhy() throws IOException {
        // three children, min-share 0.6: u1 has 3, u2 has 1 (below), u3 has 2 of which 1 imputed (observed 1: below)
        String inds = ind("A", "N", "higher", "normalisation: none") + ind("B", "N", "higher", "normalisation: none")
                + ind("C", "N", "higher", "normalisation: none, imputation: mean");
        Framework fw = framework("", "  - {code: N, parent: INDEX, weight: 1, name: {en: N}, aggregation: {method: arithmetic, "
                + "min-share: 0.6}}\n", inds);
        Build b = Scorer.score(fw, data(new double[][] {{1, 2, 3, 4}, {10, NaN, NaN, 40}, {4, NaN, NaN, 8}}));
        // C imputed by its mean 6 for u2 and u3; u4 complete
        assertThat(b.imputed().values()[2]).containsExactly(4, 6, 6, 8);
        assertThat(b.imputed().flagged()[2]).containsExactly(false, true, true, false);
        double[] n = row(b, "N");
        assertThat(n[0]).isEqualTo(5.0);
        assertThat(n[1]).isNaN();
        assertThat(n[2]).isNaN();
        assertThat(n[3]).isEqualTo(52 / 3.0);
        assertThat(b.warnings()).contains(new org.bizenv.framework.Names("节点 N：u2 U2（u2）未得分：3 个下级指标中只有 1 个"
                + "有实际（非插补）数据（33%），低于数据完整度门槛 min-share 0.6", "node N: u2 U2 (u2) left unscored: only 1 of "
                + "its 3 children have observed (not imputed) data (33%), below the availability threshold min-share 0.6"));
        assertThat(b.warnings()).extracting(org.bizenv.framework.Names::en).contains(
                "node N: u2 U2 (u2) left unscored: only 1 of its 3 children have observed (not imputed) data (33%), "
                        + "below the availability threshold min-share 0.6",
                "node N: u3 U3 (u3) left unscored: only 1 of its 3 children have observed (not imputed) data (33%), "
                        + "below the availability threshold min-share 0.6",
                "node INDEX: u2 U2 (u2) left unscored: none of its 1 children has data");
        assertThat(b.indexRanks()).containsExactly(2, 0, 0, 1);
    }

    // ------------------------------------------------------------------ imputation

    @Test
    void everyImputation() throws IOException {
        String p = "INDEX";
        Framework fw = framework("", "", ind("M", p, "higher", "imputation: mean")
                + ind("MD", p, "higher", "imputation: median")
                + ind("GM", p, "higher", "imputation: {method: group-mean, group: Group}")
                + ind("GMD", p, "higher", "imputation: {method: group-median, group: Group}")
                + ind("CF", p, "higher", "imputation: carry-forward"));
        // units u1..u5; Group: odd = u1, u3, u5; even = u2, u4
        double[] x = {1, 2, NaN, 10, 30};
        double[][] raw = {x, x, x, x, x};
        double[] last = {0, 0, 7, 0, 0};
        Build b = Scorer.score(fw, data(raw, new double[][] {new double[5]}, new double[][] {last, last, last, last,
                last}));
        assertThat(b.imputed().values()[0][2]).isEqualTo(43 / 4.0);          // mean of 1, 2, 10, 30
        assertThat(b.imputed().values()[1][2]).isEqualTo(6.0);               // median of 1, 2, 10, 30
        assertThat(b.imputed().values()[2][2]).isEqualTo(15.5);              // odd group: u1 1, u5 30
        assertThat(b.imputed().values()[3][2]).isEqualTo(15.5);              // median of two = their mean
        assertThat(b.imputed().values()[4][2]).isEqualTo(7.0);               // last year's value
        for (int j = 0; j < 5; j++) {
            assertThat(b.imputed().flagged()[j]).containsExactly(false, false, true, false, false);
        }
        assertThat(b.warnings()).contains(new org.bizenv.framework.Names(
                "指标 GM：1 个缺失值已用 group-mean (group Group) 方法插补",
                "indicator GM: 1 value imputed by group-mean (group Group)"));
    }

    // ------------------------------------------------------------------ treatment

    @Test
    void coinrTreatmentBothConventionsAndFlags() throws IOException {
        // COINr docs: 1..10, 30, 100 → skew 3.06, kurt 9.74: 100 winsorised to 30, then passes
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100};
        Build b = Scorer.score(framework("", "", ind("A", "INDEX", "higher", "treatment: coinr")), data(new double[][] {x}));
        assertThat(b.treated().values()[0][11]).isEqualTo(30.0);
        assertThat(b.treated().flaggedCount()).isEqualTo(1);
        assertThat(b.treated().flagged()[0][11]).isTrue();
        assertThat(b.treatment()[0].winsorised()).isEqualTo(1);
        assertThat(b.treatment()[0].skewAfter()).isCloseTo(1.712038, within(5e-7));

        // tied maxima 1..20, 110, 145, 145 with winmax 2 (OutlierTreatmentTest): v1 counts 2 points and falls back to
        // the log; the legacy convention counts steps, winsorises a second time (110s → 20) and passes
        double[] t = new double[23];
        for (int i = 0; i < 20; i++) {
            t[i] = i + 1;
        }
        t[20] = 110;
        t[21] = 145;
        t[22] = 145;
        Build v1 = Scorer.score(framework("", "", ind("A", "INDEX", "higher", "treatment: {method: coinr, winmax: 2}")),
                data(new double[][] {t}));
        assertThat(v1.treatment()[0].logTransformed()).isTrue();
        assertThat(v1.treated().values()[0][0]).isCloseTo(Math.log(0.01 * 144), within(1e-12));
        assertThat(v1.treated().flaggedCount()).isEqualTo(23);
        Build legacy = Scorer.score(framework("", "", ind("A", "INDEX", "higher",
                "treatment: {method: coinr, convention: legacy, winmax: 2}")), data(new double[][] {t}));
        assertThat(legacy.treatment()[0].logTransformed()).isFalse();
        assertThat(legacy.treatment()[0].winsorised()).isEqualTo(2);
        assertThat(java.util.Arrays.copyOfRange(legacy.treated().values()[0], 19, 23)).containsExactly(20, 20, 20, 20);
        assertThat(legacy.treated().flaggedCount()).isEqualTo(3);
        assertThat(legacy.treatment()[0].method()).isEqualTo("coinr (convention legacy, winmax 2)");
    }

    @Test
    void capsPowerLogAndBoxCox() throws IOException {
        String p = "INDEX";
        Framework fw = framework("", "", ind("CAP", p, "higher", "treatment: {method: cap, min: 2, max: 8}")
                + ind("POW", p, "higher", "treatment: {method: power, exponent: 0.5}")
                + ind("POWC", p, "higher", "treatment: {method: power, exponent: 2, max: 3}")
                + ind("LOG", p, "higher", "treatment: {method: log, variant: coin-tool}")
                + ind("BC", p, "higher", "treatment: {method: boxcox, lambda: 0}"));
        Build b = Scorer.score(fw, data(new double[][] {{1, 5, 9}, {1, 4, 9}, {1, 2, 9}, {1, 2, 101}, {1, 2, 101}}));
        double[][] v = b.treated().values();
        boolean[][] f = b.treated().flagged();
        assertThat(v[0]).containsExactly(2, 5, 8);
        assertThat(f[0]).containsExactly(true, false, true);
        assertThat(b.treatment()[0].winsorised()).isEqualTo(2);
        assertThat(v[1]).containsExactly(1, 2, 3);
        assertThat(f[1]).containsExactly(false, true, true);            // 1^0.5 = 1 is unchanged, so not flagged
        assertThat(v[2]).containsExactly(1, 4, 9);                      // capped at 3, then squared
        assertThat(f[2]).containsExactly(false, true, false);          // 9 → 3 → 9: same value, not flagged
        // a = 0.01·(101 − 1) = 1: log(x − 1 + 1)
        assertThat(v[3]).containsExactly(new double[] {0, Math.log(2), Math.log(101)}, within(1e-15));
        assertThat(f[3]).containsExactly(true, true, true);
        assertThat(b.treatment()[3].logTransformed()).isTrue();
        // Box-Cox λ = 0 after the shift to ≥ 1: log(x − 1 + 1)
        assertThat(v[4]).containsExactly(new double[] {0, Math.log(2), Math.log(101)}, within(1e-15));
    }

    // ------------------------------------------------------------------ denomination

    @Test
    void denominatorsFromTheirOwnTable() throws IOException {
        Framework fw = framework("", "", ind("D", "INDEX", "higher", "denominator: pop, normalisation: none"));
        assertThat(fw.denominators().get(0).source()).isEqualTo("d");
        Build b = Scorer.score(fw, data(new double[][] {{10, 30, NaN}}, new double[][] {{4, 3, 2}}, null));
        assertThat(b.denominated().values()[0]).containsExactly(2.5, 10, NaN);
        assertThatThrownBy(() -> Scorer.score(fw, data(new double[][] {{10, 30, 1}}, new double[][] {{4, 0, 2}}, null)))
                .isInstanceOf(ScoringException.class)
                .hasMessage("indicator D is divided by pop, which is 0 for u2 U2");
    }
}
