package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.scenario.ScenarioLoader;
import org.bizenv.scenario.WeightsSheetReader;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosTest {

    @TempDir
    Path dir;

    private static final double[][] VALUES = {{80, 20, 50}, {10, 60, 50}, {0, 30, 20}};
    /** The raw data of {@link #tree()} (a scenario that changes a normalisation puts text-code scores from it). */
    private static final RawData DATA = Fixtures.data(VALUES, "A", "B", "C");

    private Build tree() {
        return Scorer.score(Fixtures.framework(dir, "fw.yaml", SensitivityTest.TREE), DATA);
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void loadsScenariosWithEveryKindOfOverride() throws IOException {
        Build b = tree();
        Path f = write("scenarios.yaml", """
                scenarios:
                  - id: equal-dimensions
                    name: {zh: 维度等权, en: Equal dimensions}
                    weights: {D1: 1, D2: 1}
                  - id: geometric
                    name: Geometric index
                    aggregation: {INDEX: geometric, D1: {method: generalised, p: 0.5}}
                    normalisation: {Z: {method: minmax, min: 1, max: 100}}
                    weights: {X: 1/3}
                """);
        List<Scenario> s = ScenarioLoader.load(f, b.framework());
        assertThat(s).extracting(Scenario::id).containsExactly("equal-dimensions", "geometric");
        assertThat(s.get(0).name()).isEqualTo(new Names("维度等权", "Equal dimensions"));
        assertThat(s.get(0).weights()).containsExactly(Map.entry("D1", 1.0), Map.entry("D2", 1.0));
        assertThat(s.get(0).source()).endsWith("scenarios.yaml:2");
        assertThat(s.get(1).aggregation().get("D1").number("p", 0)).isEqualTo(0.5);
        assertThat(s.get(1).normalisation().get("Z").method()).isEqualTo("minmax");
        assertThat(s.get(1).weights().get("X")).isEqualTo(1 / 3.0);
    }

    /** Reported in file order, as a framework file's problems are. */
    @Test
    void unknownCodesAndBadMethodsAreErrorsNamingFileAndLine() throws IOException {
        Build b = tree();
        Path f = write("bad.yaml", """
                scenarios:
                  - id: one
                    weights: {D1: 2, FIM: 0.3, INDEX: 1, X: -1}
                    aggregation: {D9: geometric, D2: {method: median}, X: arithmetic}
                    normalisation: {Q: minmax, Z: {method: goalposts, best: 1}}
                    colour: red
                  - id: one
                  - id: nominal
                """);
        assertThatThrownBy(() -> ScenarioLoader.load(f, b.framework()))
                .isInstanceOf(RobustnessException.class)
                .satisfies(e -> assertThat(((RobustnessException) e).problems()).containsExactly(
                        f + ":3: scenario one: unknown code 'FIM' (weights)",
                        f + ":3: scenario one: INDEX is the index: it has no weight within a parent",
                        f + ":3: scenario one: the weight of X must be a number >= 0, not '-1'",
                        f + ":4: scenario one: unknown node 'D9' (aggregation)",
                        f + ":4: scenario one: unknown aggregation method 'median' for D2 (known: arithmetic, "
                                + "geometric, harmonic, generalised, topsis)",
                        f + ":4: scenario one: unknown node 'X' (aggregation): an indicator has no aggregation",
                        f + ":5: scenario one: unknown indicator 'Q' (normalisation)",
                        f + ":5: scenario one: normalisation method 'goalposts' of Z needs parameter 'worst'",
                        f + ":6: unknown key 'colour' in a scenario (expected one of: aggregation, id, name, "
                                + "normalisation, sheet, weights, weights-workbook)",
                        f + ":7: duplicate scenario id 'one'",
                        f + ":8: 'nominal' is reserved for the framework's own choices"));
    }

    /**
     * A scenario evaluated by re-aggregation equals the engine scoring a framework file edited the same way:
     * dimension weights 1:1, a geometric index, Z normalised onto [1, 100] — bit for bit.
     */
    @Test
    void aScenarioEqualsScoringTheEditedFramework() throws IOException {
        Build b = tree();
        Scenario s = new Scenario("edit", new Names("改", "Edit"), Map.of("D1", 1.0, "D2", 1.0),
                Map.of("INDEX", org.bizenv.framework.MethodSpec.of("geometric")),
                Map.of("Z", new org.bizenv.framework.MethodSpec("minmax", Map.of("min", 1.0, "max", 100.0), 0)), "");
        Scenarios.Outcome o = Scenarios.evaluate(CompiledIndex.of(b), DATA, s);
        String edited = SensitivityTest.TREE
                .replace("{code: INDEX, name: {zh: 指数, en: Index}}",
                        "{code: INDEX, name: {zh: 指数, en: Index}, aggregation: {method: geometric}}")
                .replace("parent: INDEX, weight: 2", "parent: INDEX, weight: 1")
                .replace("field: Z, normalisation: {method: none}", "field: Z, normalisation: {method: minmax, min: 1, max: 100}");
        Framework fw = Fixtures.framework(dir, "edited.yaml", edited);
        Build expected = Scorer.score(fw, Fixtures.data(VALUES, "A", "B", "C"));
        assertThat(o.scores()).containsExactly(expected.indexScores());
        assertThat(o.ranks()).containsExactly(expected.indexRanks());
        assertThat(o.tiers()).containsExactly(expected.tiers());
    }

    /**
     * A value given by a text code keeps the score the code stands for when a scenario changes the indicator's
     * normalisation, as in the scorer: A's Z is "No practice" (scores 0), B and C have 30 and 20. Z min-max
     * normalised onto [1, 100]: B 100, C 1, and A still 0 — the same as scoring the edited framework. (Before, the
     * scenario normalised the gap the code leaves and left A's Z undefined.)
     */
    @Test
    void aTextCodeKeepsItsScoreUnderAChangedNormalisation() throws IOException {
        double nan = Double.NaN;
        RawData coded = new RawData(DATA.units(), new double[][] {{80, 20, 50}, {10, 60, 50}, {nan, 30, 20}}, null,
                new double[0][], null, new double[][] {{nan, nan, nan}, {nan, nan, nan}, {0, nan, nan}}, null);
        Build b = Scorer.score(Fixtures.framework(dir, "fw.yaml", SensitivityTest.TREE), coded);
        Scenario s = new Scenario("z", new Names("z", "z"), Map.of(), Map.of(),
                Map.of("Z", new org.bizenv.framework.MethodSpec("minmax", Map.of("min", 1.0, "max", 100.0), 0)), "");
        Scenarios.Outcome o = Scenarios.evaluate(CompiledIndex.of(b), coded, s);
        Framework edited = Fixtures.framework(dir, "edited.yaml", SensitivityTest.TREE.replace(
                "field: Z, normalisation: {method: none}", "field: Z, normalisation: {method: minmax, min: 1, max: 100}"));
        Build expected = Scorer.score(edited, coded);
        assertThat(expected.normalised().values()[2]).containsExactly(0, 100, 1);
        assertThat(o.scores()).containsExactly(expected.indexScores());
        assertThat(o.ranks()).containsExactly(expected.indexRanks());
    }

    /**
     * Nominal ranks A 3, B 2, C 1; "Z only" (D1 weight 0) ranks by Z = 0, 30, 20: 3, 1, 2. Spearman
     * 1 − 6·2/(3·8) = 0.5; Kendall: pairs AB and AC concordant, BC discordant, τ = 1/3.
     */
    @Test
    void comparisonSideBySideWithRankCorrelations() {
        Build b = tree();
        ScenarioComparison c = Scenarios.compare(CompiledIndex.of(b), DATA, List.of(
                Scenario.weights("z-only", new Names("仅Z", "Z only"), Map.of("D1", 0.0)),
                Scenario.weights("same", new Names("同", "Same"), Map.of("D1", 2.0, "D2", 1.0))));
        assertThat(c.scenarioIds()).containsExactly("nominal", "z-only", "same");
        assertThat(c.ranks()[0]).containsExactly(3, 2, 1);
        assertThat(c.ranks()[1]).containsExactly(3, 1, 2);
        assertThat(c.scores()[1]).containsExactly(0, 30, 20);
        assertThat(c.rankShift()[1]).containsExactly(0, 1, -1);
        assertThat(c.meanAbsShift()[1]).isCloseTo(2 / 3.0, within(1e-15));
        assertThat(c.maxAbsShift()).containsExactly(0, 1, 0);
        assertThat(c.spearman()[0][1]).isCloseTo(0.5, within(1e-15));
        assertThat(c.kendall()[1][0]).isCloseTo(1 / 3.0, within(1e-15));
        assertThat(c.spearman()[0][2]).isEqualTo(1.0);
        assertThat(c.kendall()[2][2]).isEqualTo(1.0);
        assertThat(c.scores()[2]).containsExactly(b.indexScores());
    }

    /**
     * With ties (x = 1, 1, 3 against y = 1, 2, 3): Spearman on mid-ranks (1.5, 1.5, 3) = 1.5/√3 = 0.8660; Kendall τ-b
     * = (C − D)/√((n₀ − n₁)(n₀ − n₂)) = 2/√(2·3) = 0.8165.
     */
    @Test
    void rankCorrelationsHandleTies() {
        double[] x = {1, 1, 3};
        double[] y = {1, 2, 3};
        assertThat(Scenarios.spearman(x, y)).isCloseTo(1.5 / Math.sqrt(3), within(1e-15));
        assertThat(Scenarios.kendall(x, y)).isCloseTo(2 / Math.sqrt(6), within(1e-15));
        assertThat(Scenarios.spearman(new double[] {1, 1}, new double[] {1, 2})).isNaN();
    }

    @Test
    void objectiveWeightsKeptAfterANormalisationChangeAreNoted() throws IOException {
        Build b = Fixtures.score(dir, SensitivityTest.TREE.replace("{code: D1, parent: INDEX, weight: 2, name: {zh: 维一, en: Dim one}}",
                "{code: D1, parent: INDEX, weight: 2, name: {zh: 维一, en: Dim one}, weighting: {method: entropy}}"),
                VALUES, "A", "B", "C");
        Scenario s = new Scenario("n", new Names("n", "n"), Map.of(), Map.of(),
                Map.of("X", org.bizenv.framework.MethodSpec.of("rank")), "");
        assertThat(Scenarios.evaluate(CompiledIndex.of(b), DATA, s).notes()).containsExactly(new Names("情景 n：节点 D1 按 "
                + "entropy 方法为下级赋权；这些权重由基准数据算出并保持不变，不因标准化方法的改变而重算", "scenario n: node D1 "
                + "weights its children by entropy; those weights were computed from the nominal values and are kept, "
                + "not recomputed after the normalisation change"));
    }

    @Test
    void anUndefinedMeanInAScenarioIsAClearError() {
        Build b = tree();
        Scenario s = new Scenario("g", new Names("g", "g"), Map.of(),
                Map.of("INDEX", org.bizenv.framework.MethodSpec.of("geometric")), Map.of(), "");
        assertThatThrownBy(() -> Scenarios.compare(CompiledIndex.of(b), DATA, List.of(s)))
                .isInstanceOf(RobustnessException.class)
                .hasMessage("scenario g: node INDEX uses the geometric mean, which is undefined for values <= 0, but "
                        + "D2 is 0.0 for 城市0 A: normalise its children onto a positive range such as [1, 100] or drop "
                        + "this alternative");
    }

    // ------------------------------------------------------------------ the Excel Weights sheet

    /** A report-like Weights sheet: a title row, bilingual headers, an effective-weight column to ignore. */
    private Path workbook(Object[][] rows) throws IOException {
        Path f = dir.resolve("edit.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("Ranking").createRow(0).createCell(0).setCellValue("not this one");
            Sheet s = wb.createSheet("Weights");
            s.createRow(0).createCell(0).setCellValue("权重 Weights — 合成 Synthetic");
            Row h = s.createRow(2);
            String[] header = {"代码 Code", "名称 Name", "上级代码 Parent code", "权重 Weight (within parent)",
                    "有效权重 Effective weight"};
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(3 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(4).setCellValue(0.123);          // effective weight: must be ignored
                Object w = rows[r][1];
                if (w instanceof Double d) {
                    row.createCell(3).setCellValue(d);
                } else if (w instanceof String t && t.startsWith("=")) {
                    row.createCell(3).setCellFormula(t.substring(1));
                } else if (w instanceof String t) {
                    row.createCell(3).setCellValue(t);
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return f;
    }

    @Test
    void readsAnEditedWeightsSheet() throws IOException {
        Build b = tree();
        Path book = workbook(new Object[][] {
                {"INDEX", 1.0}, {"D1", 0.25}, {"D2", "=1-D5"}, {"X", "1/3"}, {"Y", null}, {"Z", 1.0}});
        Scenario s = WeightsSheetReader.read(book, null, b.framework(), "analyst", new Names("分析师", "Analyst"));
        assertThat(s.source()).isEqualTo("edit.xlsx!Weights");
        assertThat(s.weights()).containsExactly(Map.entry("D1", 0.25), Map.entry("D2", 0.75),
                Map.entry("X", 1 / 3.0), Map.entry("Z", 1.0));
        // D1:D2 = 1:3 → index = ¼·D1 + ¾·Z; X = ⅓ against Y's nominal ½ → X share 0.4
        Scenarios.Outcome o = Scenarios.evaluate(CompiledIndex.of(b), DATA, s);
        double d1a = 0.4 * 80 + 0.6 * 10;
        assertThat(o.scores()[0]).isCloseTo(0.25 * d1a + 0.75 * 0, within(1e-12));

        // the same workbook named from a scenario file
        Path yaml = write("from-book.yaml", """
                scenarios:
                  - {id: analyst, name: {zh: 分析师, en: Analyst}, weights-workbook: edit.xlsx}
                """);
        List<Scenario> fromYaml = ScenarioLoader.load(yaml, b.framework());
        assertThat(fromYaml.get(0).weights()).isEqualTo(s.weights());
        assertThat(fromYaml.get(0).source()).isEqualTo("edit.xlsx!Weights");
    }

    @Test
    void weightsSheetErrorsNameTheCell() throws IOException {
        Build b = tree();
        Path book = workbook(new Object[][] {{"D1", 0.25}, {"FIM", 0.3}, {"X", "abc"}, {"Y", -2.0}});
        assertThatThrownBy(() -> WeightsSheetReader.read(book, null, b.framework(), "a", new Names("a", "a")))
                .isInstanceOf(RobustnessException.class)
                .satisfies(e -> assertThat(((RobustnessException) e).problems()).containsExactly(
                        "edit.xlsx!Weights!A5: unknown code 'FIM'",
                        "edit.xlsx!Weights!D6: the weight of X is not a number: 'abc'",
                        "edit.xlsx!Weights!D7: the weight of Y must be >= 0, not -2.0"));
        assertThatThrownBy(() -> WeightsSheetReader.read(book, "Ranking", b.framework(), "a", new Names("a", "a")))
                .hasMessage("edit.xlsx!Ranking: no header row with a 'code' and a 'weight' column in the first 20 rows");
    }
}
