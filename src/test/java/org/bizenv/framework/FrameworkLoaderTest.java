package org.bizenv.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.yaml.YamlBombs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkLoaderTest {

    @TempDir
    Path dir;

    static final String VALID = """
            framework:
              id: tiny
              name: {zh: 小框架, en: Tiny framework}
            sources:
              - id: stats
                type: unit-table
                path: stats.csv
                unit-column: City
            nodes:
              - code: INDEX
                name: {zh: 指数, en: Index}
              - code: A
                parent: INDEX
                weight: 2
                name: {zh: 甲, en: A}
              - code: B
                parent: INDEX
                weight: 1
                name: {zh: 乙, en: B}
                aggregation: {method: geometric}
                weighting: {method: entropy}
            indicators:
              - code: A1
                parent: A
                name: {zh: 甲一, en: A one}
                direction: higher
                weight: 1
                source: stats
                field: S1
              - code: A2
                parent: A
                name: {zh: 甲二, en: A two}
                direction: lower
                weight: 3
                source: stats
                field: S2
                normalisation: {method: goalposts, best: 1, worst: 30}
                valid-range: [0, 365]
              - code: B1
                parent: B
                name: {zh: 乙一, en: B one}
                direction: higher
                source: stats
                field: S3
              - code: B2
                parent: B
                name: {zh: 乙二, en: B two}
                direction: higher
                source: stats
                field: S4
            """;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void loadsTheTreeInIndexForm() throws IOException {
        Framework fw = FrameworkLoader.load(write(VALID));

        assertThat(fw.id()).isEqualTo("tiny");
        assertThat(fw.index().code()).isEqualTo("INDEX");
        assertThat(fw.dimensions()).extracting(Node::code).containsExactly("A", "B");
        FrameworkTree t = fw.tree();
        assertThat(t.root()).isZero();
        assertThat(t.children()[0]).containsExactly(1, 2);
        assertThat(t.children()[1]).containsExactly(FrameworkTree.encodeIndicator(0), FrameworkTree.encodeIndicator(1));
        assertThat(t.bottomUp()).containsExactly(1, 2, 0);
        assertThat(t.depth()).containsExactly(0, 1, 1);
        assertThat(t.dimensionOfIndicator(3)).isEqualTo(2);
        Indicator a2 = fw.indicators().get(1);
        assertThat(a2.direction()).isEqualTo(-1);
        assertThat(a2.validMin()).isEqualTo(0.0);
        assertThat(a2.validMax()).isEqualTo(365.0);
        assertThat(a2.normalisation().describe()).isEqualTo("goalposts (best 1, worst 30)");
        assertThat(a2.line()).isEqualTo(30);
        assertThat(fw.indicators().get(0).normalisation().method()).isEqualTo("minmax");
        assertThat(fw.nodes().get(2).aggregation().method()).isEqualTo("geometric");
        assertThat(fw.nodes().get(2).weighting().method()).isEqualTo("entropy");
        assertThat(fw.ranking()).isEqualTo(new RankingRules(2, true));
        assertThat(fw.tiers().count()).isEqualTo(4);
    }

    @Test
    void reportsEveryProblemTogetherWithItsLine() throws IOException {
        String broken = VALID
                .replace("    parent: A\n    name: {zh: 甲二", "    parent: AA\n    name: {zh: 甲二")
                .replace("weight: 2\n", "weight: -2\n")
                .replace("direction: lower", "direction: down")
                .replace("{method: goalposts, best: 1, worst: 30}", "{method: goalposts, best: 1}")
                .replace("aggregation: {method: geometric}", "aggregation: {method: geometrik}")
                .replace("    source: stats\n    field: S3", "    source: stat\n    field: S3")
                .replace("  - code: B2\n", "  - code: B1\n    colour: red\n");                           // 45, 46
        Path f = write(broken);

        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":14: A: weight must be positive, not -2",
                        f + ":20: unknown aggregation method 'geometrik' (known: arithmetic, geometric, harmonic, generalised, topsis)",
                        f + ":31: indicator A2: unknown parent 'AA'",
                        f + ":33: indicator A2: direction must be 'higher' or 'lower' (is better), not 'down'",
                        f + ":37: normalisation method 'goalposts' needs parameter 'worst'",
                        f + ":43: indicator B1: unknown source 'stat'",
                        f + ":45: duplicate code 'B1' (first defined at line 39)",
                        f + ":46: unknown key 'colour' (expected one of: blanks, code, definition, denominator, direction, field, imputation, name, normalisation, parent, source, statistic, text-values, transform, treatment, unit, valid-range, weight)"));
    }

    @Test
    void aSourceMayStateItsCsvEncodingWhichIsValidatedAtItsLine() throws IOException {
        Framework fw = FrameworkLoader.load(write(VALID.replace("    unit-column: City\n",
                "    unit-column: City\n    encoding: GB18030\n")));
        assertThat(fw.sources().get(0).encoding()).isEqualTo("gb18030");
        assertThat(FrameworkLoader.load(write(VALID)).sources().get(0).encoding()).isNull();

        Path unknown = write(VALID.replace("    unit-column: City\n", "    unit-column: City\n    encoding: latin1\n"));
        assertThatThrownBy(() -> FrameworkLoader.load(unknown))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(unknown + ":9: source"
                        + " 'stats': unknown encoding 'latin1' (known: utf-8, gb18030, gbk, utf-16, utf-16le, utf-16be)"));
        Path workbook = write(VALID.replace("path: stats.csv\n    unit-column: City\n",
                "path: stats.xlsx\n    unit-column: City\n    encoding: gbk\n"));
        assertThatThrownBy(() -> FrameworkLoader.load(workbook))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(workbook + ":9: source"
                        + " 'stats': encoding applies to a .csv file, not to 'stats.xlsx'"));
    }

    @Test
    void anUnknownKeyIsReportedOnce() throws IOException {
        Path f = write(VALID.replace("  id: tiny\n", "  id: tiny\n  colour: red\n"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":3: unknown key 'colour' (expected one of: id, name, synthetic, units, version)"));
    }

    @Test
    void rejectsCyclesAndASecondRootAndChildlessNodes() throws IOException {
        String yaml = """
                framework: {id: cyc, name: {en: Cycles}}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                  - {code: X, parent: Y, weight: 1, name: {en: X}}
                  - {code: Y, parent: X, weight: 1, name: {en: Y}}
                  - {code: Z, name: {en: Z}}
                indicators:
                  - {code: I1, parent: INDEX, name: {en: I1}, direction: higher, weight: 1, source: s, field: F1}
                """;
        Path f = write(yaml);
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":5: node X is part of a cycle of parents",
                        f + ":6: node Y is part of a cycle of parents",
                        f + ":7: node Z has no parent, but INDEX (line 4) is already the root: exactly one node is the index",
                        f + ":7: node Z has no children"));
    }

    @Test
    void missingWeightsAreErrorsOnlyUnderExpertWeighting() throws IOException {
        // B uses entropy weighting, so B1 and B2 need no weight (they have none in VALID); A1 without one is an error.
        Path f = write(VALID.replace("    weight: 1\n    source: stats\n    field: S1", "    source: stats\n    field: S1"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining(f + ":23: A1: missing weight (its parent A uses expert weighting)");
    }

    @Test
    void invalidYamlPointsAtTheLine() throws IOException {
        Path f = write("framework:\n  id: x\n  name: [unclosed\nnodes: []\n");
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .hasMessageContaining(f + ":4: not valid YAML");
    }

    @Test
    void aMissingFileIsAClearError() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems())
                        .isEqualTo(List.of(f + ": no such framework file")));
    }

    @Test
    void ahpMatricesAcceptFractionsAndMustFitTheChildren() throws IOException {
        Path ok = write(VALID.replace("weighting: {method: entropy}",
                "weighting: {method: ahp, matrix: [[1, 3], [1/3, 1]]}"));
        Framework fw = FrameworkLoader.load(ok);
        assertThat(fw.nodes().get(2).weighting().list("matrix")).containsExactly(List.of(1.0, 3.0), List.of(1.0 / 3, 1.0));

        Path bad = write(VALID.replace("weighting: {method: entropy}",
                "weighting: {method: ahp, matrix: [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]]}"));
        assertThatThrownBy(() -> FrameworkLoader.load(bad))
                .hasMessageContaining(bad + ":21: node B: the AHP matrix has 3 rows for 2 children");
    }

    @Test
    void textValuesMergeTheDefaultsWithTheIndicatorsOwn() throws IOException {
        Path f = write(VALID
                .replace("sources:\n", "defaults:\n  text-values: {\"No Practice\": {score: 0}}\nsources:\n")
                .replace("    field: S2\n", "    field: S2\n    text-values: {\"No VAT\": not-applicable, "
                        + "\"no practice\": {score: 12.5}}\n    blanks: missing\n"));
        Framework fw = FrameworkLoader.load(f);

        Indicator a1 = fw.indicators().get(0);
        assertThat(a1.textValues()).containsExactly(new TextValue("No Practice", false, 0, 5));
        assertThat(a1.blanks()).isNull();
        Indicator a2 = fw.indicators().get(1);
        assertThat(a2.textValues()).extracting(TextValue::text).containsExactly("no practice", "No VAT");
        assertThat(a2.textValue("NO  VAT").notApplicable()).isTrue();
        assertThat(a2.textValue("No Practice").score()).isEqualTo(12.5);
        assertThat(a2.textValue("No Practice").describe()).isEqualTo("score 12.5");
        assertThat(a2.textValue("Other")).isNull();
        assertThat(a2.blanks()).isEqualTo("missing");
    }

    @Test
    void badTextValuesBlanksAndGoalpostsArePointedAt() throws IOException {
        Path f = write(VALID
                .replace("    field: S1\n", "    field: S1\n    text-values: {\"N/A\": {score: 0}, \"12\": "
                        + "not-applicable, Nope: {score: high}, Maybe: n/a}\n")
                .replace("    field: S2\n", "    field: S2\n    blanks: ignore\n")
                .replace("unit-column: City\n", "unit-column: City\n    blanks: sometimes\n")
                .replace("direction: lower", "direction: higher"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":9: source 'stats': blanks must be 'error' or 'missing', not 'sometimes'",
                        f + ":31: indicator A1: text value 'N/A' reads as a blank cell, so it cannot be a text code",
                        f + ":31: indicator A1: text value '12' reads as a number, so it cannot be a text code",
                        f + ":31: indicator A1: text value 'Nope' must be not-applicable or {score: <number>}",
                        f + ":31: indicator A1: text value 'Maybe' must be not-applicable or {score: <number>}",
                        f + ":39: indicator A2: blanks must be 'error' or 'missing', not 'ignore'",
                        f + ":40: indicator A2: goalposts best 1, worst 30 mean lower is better, but its direction "
                                + "is higher"));
    }

    @Test
    void compositesAndUnrankedUnits() throws IOException {
        Path f = write(VALID.replace("sources:\n", """
                ranking: {decimals: 5, compare: full, unranked: [LIE]}
                composites:
                  ranked: composites
                  units:
                    CHIN: {CHN_Beij: 0.45, CHN: 0.55}
                    US: {USA_Losa: 40, USA: 60}
                sources:
                """));
        Framework fw = FrameworkLoader.load(f);
        assertThat(fw.ranking()).isEqualTo(new RankingRules(5, false, List.of("LIE"), 4));
        Composites c = fw.composites();
        assertThat(c.ranked()).isEqualTo("composites");
        assertThat(c.ranksComponents()).isFalse();
        assertThat(c.ranksComposites()).isTrue();
        assertThat(c.units()).containsExactly(
                new Composite("CHIN", java.util.Map.of("CHN_Beij", 0.45, "CHN", 0.55), 8),
                new Composite("US", java.util.Map.of("USA_Losa", 40.0, "USA", 60.0), 9));
        assertThat(c.units().get(0).components().keySet()).containsExactly("CHN_Beij", "CHN");
        assertThat(FrameworkLoader.load(write(VALID)).composites()).isEqualTo(Composites.NONE);
    }

    @Test
    void rankingWithinGroupsNamesAGroupingAndItsLine() throws IOException {
        Framework fw = FrameworkLoader.load(write(VALID.replace("sources:\n", """
                ranking:
                  decimals: 2
                  groups: type
                sources:
                """)));
        assertThat(fw.ranking()).isEqualTo(new RankingRules(2, true, List.of(), 0, "type", 6));
        assertThat(fw.ranking().byGroups()).isTrue();
        assertThat(FrameworkLoader.load(write(VALID)).ranking().byGroups()).isFalse();
    }

    @Test
    void theTopListsLengthIsASettingFiveByDefault() throws IOException {
        Framework fw = FrameworkLoader.load(write(VALID.replace("sources:\n", """
                ranking:
                  groups: type
                  top: 10
                sources:
                """)));
        assertThat(fw.ranking()).isEqualTo(new RankingRules(2, true, List.of(), 0, "type", 5, 10));
        assertThat(fw.ranking().top()).isEqualTo(10);
        assertThat(FrameworkLoader.load(write(VALID)).ranking().top()).isEqualTo(5);
        assertThat(FrameworkLoader.load(write(VALID.replace("sources:\n", "ranking: {decimals: 1}\nsources:\n")))
                .ranking().top()).isEqualTo(5);
    }

    @Test
    void aTopListLengthThatIsNotAPositiveWholeNumberIsPointedAt() throws IOException {
        for (String bad : List.of("0", "-3", "2.5", "ten")) {
            Path f = write(VALID.replace("sources:\n", "ranking:\n  decimals: 2\n  top: " + bad + "\nsources:\n"));
            String why = bad.equals("ten") ? "'top' must be a number, not 'ten'"
                    : "ranking.top (the length of the top lists) must be a positive whole number, not " + bad;
            assertThatThrownBy(() -> FrameworkLoader.load(f)).as(bad)
                    .isInstanceOf(FrameworkException.class)
                    .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(f + ":6: " + why));
        }
    }

    @Test
    void badCompositesArePointedAt() throws IOException {
        Path f = write(VALID.replace("sources:\n", """
                composites:
                  ranked: cities
                  units:
                    CHIN: {CHN_Beij: 0.45, CHN: -1, CHIN: 1}
                    US: [USA, USA_Losa]
                    NAT: {CHIN: 1, X: 2, X: 3}
                    CHIN: {A: 1}
                sources:
                """));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":5: composites.ranked must be one of composites, components, all, not 'cities'",
                        f + ":7: composite CHIN: each component needs a positive weight, like CHN_Beij: 0.45",
                        f + ":7: composite CHIN cannot be its own component",
                        f + ":8: composite US: components must be a mapping like {CHN_Beij: 0.45, CHN: 0.55}",
                        f + ":9: composite NAT: component X given twice",
                        f + ":9: composite NAT: component CHIN is itself a composite (line 7); compose from "
                                + "measured units",
                        f + ":10: composite CHIN is given twice"));
    }

    @Test
    void theBundledFrameworksLoad() throws IOException {
        try (var files = Files.list(Path.of("indicators"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).extracting(p -> p.getFileName().toString()).containsExactly("coinr-asem.yaml",
                    "doing-business-2020-published-scores.yaml", "doing-business-2020.yaml", "miit-sme-2024.yaml",
                    "miit-sme-50-2024.yaml");
            for (Path p : yaml) {
                Framework fw = FrameworkLoader.load(p);
                assertThat(fw.tree().bottomUp()).as(p.toString()).hasSize(fw.nodes().size());
            }
        }
        assertThat(FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml")).indicators()).hasSize(38);
        Framework fifty = FrameworkLoader.load(Path.of("indicators/miit-sme-50-2024.yaml"));
        assertThat(fifty.indicators()).hasSize(41);
        assertThat(fifty.nodes()).hasSize(1 + 5 + 24);
    }

    @Test
    void anAliasBombIsAFrameworkProblemWithItsLineAndTheLimit() throws IOException {
        Path f = write(YamlBombs.billionLaughs());
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(f + ":5: more than 25 "
                        + "aliases (*name) of lists or mappings, the limit for a framework file: a file with this many "
                        + "is refused, as a YAML alias bomb would be"));
    }

    @Test
    void aFrameworkFileThatIsNotUtf8SaysWhereAndHowToSaveIt() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.write(f, VALID.replace("小框架", "小框架 — Zürich").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // the first byte that is not UTF-8 is '?' for 小 (ISO-8859-1 has no 小): line 3 keeps only the ü
        byte[] bytes = Files.readAllBytes(f);
        int offset = 0;
        while ((bytes[offset] & 0xFF) < 0x80) {
            offset++;
        }
        int at = offset;
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(f + ":3: not UTF-8 "
                        + "text (byte " + at + ", 0xFC): save the framework file as UTF-8"));
    }

    @Test
    void nestingBeyondTheLimitIsAFrameworkProblem() throws IOException {
        Path f = write(VALID.replace("{method: goalposts, best: 1, worst: 30}", "{method: goalposts, best: 1, "
                + "worst: 30, x: " + "[".repeat(20) + "]".repeat(20) + "}"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(f + ":37: lists and "
                        + "mappings nested more than 20 levels deep, the limit for a framework file"));
    }

    /** SnakeYAML's node tree keeps keys given twice; every mapping is read through one check of them. */
    @Test
    void aKeyGivenTwiceIsAProblemInEveryMapping() throws IOException {
        Path f = write(VALID
                .replace("{method: goalposts, best: 1, worst: 30}", "{method: goalposts, best: 1, worst: 30, best: 2}")
                .replace("sources:\n", "defaults:\n  aggregation: arithmetic\n  aggregation: geometric\nsources:\n"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":6: duplicate key 'aggregation'",
                        f + ":40: duplicate key 'best'"));
    }
}
