package org.bizenv.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.yaml.YamlBombs;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.robustness.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files are read as framework files are: every problem with file and line, the same limits. */
class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Framework framework() throws IOException {
        return FrameworkLoader.load(write("fw.yaml", SharedMethodChecksTest.FRAMEWORK));
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private List<String> problems(Path scenarios, Framework fw) {
        try {
            ScenarioLoader.load(scenarios, fw);
        } catch (RobustnessException e) {
            return e.problems();
        }
        throw new AssertionError("the scenario file was accepted");
    }

    @Test
    void theBundledScenariosLoadAgainstTheBundledFramework() {
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        Path file = Path.of("indicators/scenarios/miit-sme-2024-scenarios.yaml");
        List<Scenario> s = ScenarioLoader.load(file, fw);
        assertThat(s).extracting(Scenario::id).containsExactly("financing-heavy", "equal-dimensions",
                "less-compensatory");
        assertThat(s.get(0).weights()).containsEntry("FIN", 0.35).hasSize(5);
        assertThat(s.get(2).aggregation().get("INDEX").describe()).isEqualTo("generalised (p 0.5)");
        assertThat(ScenarioLoader.referencedFiles(file)).isEmpty();
    }

    @Test
    void anAliasBombIsRefusedWithTheFileTheLineAndTheLimit() throws IOException {
        Path f = write("bomb.yaml", YamlBombs.billionLaughs()
                .replace("framework: {id: lol, name: {en: Laughs}}\n", "scenarios: []\n"));
        assertThat(problems(f, framework())).containsExactly(f + ":5: more than 25 aliases (*name) of lists or "
                + "mappings, the limit for a scenario file: a file with this many is refused, as a YAML alias bomb "
                + "would be");
        assertThat(ScenarioLoader.referencedFiles(f)).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8SaysWhereAndHowToSaveIt() throws IOException {
        Path f = dir.resolve("gbk.yaml");
        Files.write(f, "scenarios:\n  - id: a\n    name: 融资优先\n".getBytes(Charset.forName("GB18030")));
        // "scenarios:\n" 11 bytes, "  - id: a\n" 10, "    name: " 10: byte 31 is 融's first (0xC8)
        assertThat(problems(f, framework())).containsExactly(f + ":3: not UTF-8 text (byte 31, 0xC8): save the "
                + "scenario file as UTF-8; it may be GBK/GB18030, the usual encoding of Chinese text on Windows");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() throws IOException {
        Path f = write("deep.yaml", "scenarios:\n  - id: a\n    weights: {X: " + "[".repeat(25) + "]".repeat(25)
                + "}\n");
        assertThat(problems(f, framework())).containsExactly(f + ":3: lists and mappings nested more than 20 levels "
                + "deep, the limit for a scenario file");
    }

    @Test
    void syntaxErrorsAndAMissingFile() throws IOException {
        Path f = write("broken.yaml", "scenarios:\n  - {id: x, weights: {X: 0.4}\n");
        assertThat(problems(f, framework())).hasSize(1).first().asString().startsWith(f + ":3: not valid YAML: ");
        Path none = dir.resolve("none.yaml");
        assertThat(problems(none, framework())).containsExactly(none + ": no such scenario file");
    }

    /** Unknown keys at every level, keys given twice, and values of the wrong type: all of them, in file order. */
    @Test
    void numbersMayBeExpressionsAsInTheFrameworkFile() throws IOException {
        Framework fw = framework();
        Path ok = write("ok.yaml", """
                scenarios:
                  - id: a
                    weights: {D1: 1/3}
                    normalisation: {X: {method: goalposts, best: ln(1000), worst: ln(10)}}
                """);
        List<Scenario> s = ScenarioLoader.load(ok, fw);
        assertThat(s.get(0).weights()).containsEntry("D1", 1.0 / 3);
        assertThat(s.get(0).normalisation().get("X").number("best", 0)).isEqualTo(Math.log(1000));
        Path f = write("s.yaml", """
                scenarios:
                  - id: a
                    weights: {D1: 1/(3}
                    normalisation: {X: {method: goalposts, best: ln(1000), worst: lg(10)}}
                """);
        assertThat(problems(f, fw)).containsExactly(
                f + ":3: scenario a: the weight of D1: '1/(3' is missing a ')' at character 5 (to close the '(' at "
                        + "character 3)",
                f + ":4: scenario a: normalisation method 'goalposts' of X: worst: 'lg(10)' has an unknown function "
                        + "'lg' (known: ln, log10, exp, sqrt) at character 1");
    }

    @Test
    void everyProblemOfEveryScenarioInFileOrder() throws IOException {
        Path f = write("s.yaml", """
                scenarios:
                  - id: a
                    weights: {X: 1, Y: 2, X: 3}
                    normalisation: {X: {method: goalposts, best: 100, worst: 0, worst: 1}}
                    name: {zh: 甲, fr: A}
                  - id: b c
                    aggregation: [D1, geometric]
                    weights: {D1: heavy}
                  - id: d
                    sheet: Weights
                extra: 1
                """);
        assertThat(problems(f, framework())).containsExactly(
                f + ":3: scenario a: duplicate key 'X'",
                f + ":4: scenario a: duplicate key 'worst'",
                f + ":5: scenario a: unknown key 'fr' (expected one of: en, zh)",
                f + ":6: 'b c' is not a valid id (letters, digits, '.', '_' and '-')",
                f + ":7: scenario b c: 'aggregation' must be a mapping",
                f + ":8: scenario b c: the weight of D1 must be a number >= 0, not 'heavy'",
                f + ":10: scenario d: 'sheet' goes with 'weights-workbook'",
                f + ":11: unknown key 'extra' (expected one of: scenarios)");
    }

    @Test
    void aZeroWeightLeavesAnElementOutWhichAFrameworkCannotSay() throws IOException {
        Path f = write("zero.yaml", "scenarios:\n  - {id: x-only, weights: {Y: 0}}\n");
        assertThat(ScenarioLoader.load(f, framework()).get(0).weights()).isEqualTo(Map.of("Y", 0.0));
    }
}
