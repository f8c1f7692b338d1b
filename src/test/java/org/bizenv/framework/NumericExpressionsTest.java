package org.bizenv.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numeric parameters written as expressions ({@code ln(75000)}) wherever the framework file takes a number. */
class NumericExpressionsTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static String framework(String goalposts, String weight, String range, String composite) {
        return """
                framework: {id: t, name: {en: T}}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                indicators:
                  - code: GNI
                    parent: INDEX
                    name: {en: GNI per capita}
                    direction: higher
                    weight: %s
                    source: s
                    field: GNI
                    valid-range: %s
                    transform: ln
                    normalisation: {method: goalposts, best: %s, worst: ln(100)}
                  - {code: B, parent: INDEX, name: {en: B}, direction: higher, weight: 1, source: s, field: B,
                     treatment: {method: power, exponent: 1/2}}
                composites:
                  units:
                    C: {u1: %s, u2: 1}
                """.formatted(weight, range, goalposts, composite);
    }

    @Test
    void expressionsAreTheirValuesBitForBit() throws IOException {
        Framework fw = FrameworkLoader.load(write(framework("ln(75000)", "2 * (1 + 0.5)", "[0, 1e6]",
                "1.2e6 / 2")));
        Indicator gni = fw.indicators().get(0);
        assertThat(gni.normalisation().number("best", 0)).isEqualTo(Math.log(75000)).isEqualTo(11.225243392518447);
        assertThat(gni.normalisation().number("worst", 0)).isEqualTo(Math.log(100));
        assertThat(gni.weight()).isEqualTo(3.0);
        assertThat(gni.validMax()).isEqualTo(1e6);
        assertThat(fw.indicators().get(1).treatment().number("exponent", 0)).isEqualTo(0.5);
        assertThat(fw.composites().units().get(0).components()).containsEntry("u1", 600000.0);
    }

    @Test
    void aBrokenExpressionIsAnErrorAtItsLineSayingWhatAndWhere() throws IOException {
        Path f = write(framework("ln(75000", "1 +", "[0, 10 ** 6]", "sqrt(-4)"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":10: weight: '1 +' is missing a number at character 4",
                        f + ":13: valid-range: '10 ** 6' has an unexpected '*' at character 5",
                        f + ":15: normalisation method 'goalposts': best: 'ln(75000' is missing a ')' at character 9"
                                + " (to close the '(' at character 3)",
                        f + ":20: composite C: u1: 'sqrt(-4)' takes sqrt of -4, which is undefined (sqrt needs a "
                                + "number >= 0) at character 1"));
    }

    @Test
    void aWordWhereANumberBelongsKeepsItsPlainMessage() throws IOException {
        Path f = write(framework("high", "1", "[0, 1]", "1"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":15: normalisation method 'goalposts': best must be a number, not 'high'"));
    }
}
