package org.bizenv.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkException;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.robustness.RobustnessException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A method choice a framework file may not make, a scenario may not make either, and both files say why in the same
 * words: each case is put into a framework file (node D1's aggregation, line 9, or indicator X's normalisation, line
 * 18) and into a scenario ({@code aggregation: {D1: …}} or {@code normalisation: {X: …}}, line 3). The scenario's
 * message adds the scenario and the code it is for, since one of its lines may choose methods for several.
 */
class SharedMethodChecksTest {

    @TempDir
    Path dir;

    static final String FRAMEWORK = """
            framework: {id: shared, name: {en: Shared checks}}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {en: Index}}
              - code: D1
                parent: INDEX
                weight: 1
                name: {en: Dim one}
                aggregation: {method: arithmetic}
            indicators:
              - code: X
                parent: D1
                name: {en: X}
                direction: higher
                weight: 1
                source: s
                field: X
                normalisation: {method: minmax}
              - {code: Y, parent: D1, name: {en: Y}, direction: higher, weight: 1, source: s, field: Y}
            """;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /**
     * {@code message} in the framework's words; in a scenario's, {of} becomes " of CODE", {for} " for CODE" and
     * {what} "aggregation of CODE" (the framework file says 'aggregation', its key).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            aggregation   | '{method: topsis, variant: bogus}'          | aggregation method 'topsis'{of}: variant must be one of vector, minmax (default vector), not 'bogus'
            aggregation   | '{method: arithmetic, min-share: 7}'        | aggregation method 'arithmetic'{of}: min-share must lie in [0, 1], not 7.0
            aggregation   | '{method: topsis, min-share: -0.5}'         | aggregation method 'topsis'{of}: min-share must lie in [0, 1], not -0.5
            aggregation   | '{method: geometric, min-share: half}'      | aggregation method 'geometric'{of}: min-share must be a number, not 'half'
            aggregation   | '{method: geometric, zeros: ignore}'        | aggregation method 'geometric'{of}: zeros must be one of error, zero (default error), not 'ignore'
            aggregation   | '{method: generalised}'                     | aggregation method 'generalised'{of} needs parameter 'p'
            aggregation   | '{method: generalised, p: two}'             | aggregation method 'generalised'{of}: p must be a number, not 'two'
            aggregation   | '{method: arithmetic, zeros: zero}'         | aggregation method 'arithmetic'{of} has no parameter 'zeros'
            aggregation   | median                                      | unknown aggregation method 'median'{for} (known: arithmetic, geometric, harmonic, generalised, topsis)
            aggregation   | '{p: 2}'                                    | {what} needs 'method' (one of arithmetic, geometric, harmonic, generalised, topsis)
            aggregation   | '[geometric]'                               | {what} must be a method name or {method: …, parameters…}
            aggregation   | '{method: topsis, variant: minmax, variant: vector}' | duplicate key 'variant'
            normalisation | '{method: minmax, min: 100, max: 0}'        | normalisation method 'minmax'{of}: min must be below max (100.0 >= 0.0)
            normalisation | '{method: goalposts, best: 1}'              | normalisation method 'goalposts'{of} needs parameter 'worst'
            normalisation | '{method: goalposts, best: 0, worst: 100}'  | indicator X: goalposts best 0, worst 100 mean lower is better, but its direction is higher
            normalisation | '{method: distance-to-target, target: 1, cap: maybe}' | normalisation method 'distance-to-target'{of}: cap must be one of false, true (default false), not 'maybe'
            normalisation | '{method: zscore, sd: wide}'                | normalisation method 'zscore'{of}: sd must be a number, not 'wide'
            normalisation | '{method: rank, min: 0}'                    | normalisation method 'rank'{of} has no parameter 'min'
            normalisation | minmaxx                                     | unknown normalisation method 'minmaxx'{for} (known: minmax, zscore, goalposts, percentile-rank, rank, borda, distance-to-reference, distance-to-target, none)
            """)
    void theSameCheckInBothFiles(String kind, String spec, String message) throws IOException {
        boolean aggregation = kind.equals("aggregation");
        String code = aggregation ? "D1" : "X";
        Path fwFile = write("fw.yaml", aggregation
                ? FRAMEWORK.replace("aggregation: {method: arithmetic}", "aggregation: " + spec)
                : FRAMEWORK.replace("normalisation: {method: minmax}", "normalisation: " + spec));
        FrameworkException fe = catchThrowableOfType(() -> FrameworkLoader.load(fwFile), FrameworkException.class);
        assertThat(fe).as("the framework file is rejected").isNotNull();
        assertThat(fe.problems()).containsExactly(fwFile + ":" + (aggregation ? 9 : 18) + ": "
                + message.replace("{of}", "").replace("{for}", "").replace("{what}", "'" + kind + "'"));

        Framework fw = FrameworkLoader.load(write("fw.yaml", FRAMEWORK));
        Path scenarios = write("scenarios.yaml", "scenarios:\n  - id: s\n    " + kind + ": {" + code + ": " + spec
                + "}\n");
        RobustnessException re = catchThrowableOfType(() -> ScenarioLoader.load(scenarios, fw),
                RobustnessException.class);
        assertThat(re).as("the scenario is rejected").isNotNull();
        assertThat(re.problems()).containsExactly(scenarios + ":3: scenario s: " + message.replace("{of}", " of "
                + code).replace("{for}", " for " + code).replace("{what}", kind + " of " + code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            aggregation   | '{method: topsis, variant: minmax, min-share: 0.5}'
            aggregation   | '{method: geometric, zeros: zero}'
            aggregation   | '{method: generalised, p: 1/2}'
            normalisation | '{method: goalposts, best: 100, worst: 0, power: 0.8}'
            normalisation | percentile-rank
            """)
    void whatOneAcceptsTheOtherAcceptsToo(String kind, String spec) throws IOException {
        boolean aggregation = kind.equals("aggregation");
        Framework edited = FrameworkLoader.load(write("fw.yaml", aggregation
                ? FRAMEWORK.replace("aggregation: {method: arithmetic}", "aggregation: " + spec)
                : FRAMEWORK.replace("normalisation: {method: minmax}", "normalisation: " + spec)));
        var expected = aggregation ? edited.nodes().get(1).aggregation() : edited.indicators().get(0).normalisation();

        Framework fw = FrameworkLoader.load(write("fw.yaml", FRAMEWORK));
        Path scenarios = write("scenarios.yaml", "scenarios:\n  - id: s\n    " + kind + ": {" + (aggregation ? "D1"
                : "X") + ": " + spec + "}\n");
        var s = ScenarioLoader.load(scenarios, fw).get(0);
        var read = aggregation ? s.aggregation().get("D1") : s.normalisation().get("X");
        assertThat(List.of(read.method(), read.params())).isEqualTo(List.of(expected.method(), expected.params()));
    }
}
