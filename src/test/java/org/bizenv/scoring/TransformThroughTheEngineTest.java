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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indicator's {@code transform} through the engine: framework YAML in, the transformed stage and scores out,
 * against numbers worked out by hand. The income index of the UNDP's Human Development Index is the model case:
 * (ln GNI − ln 100) / (ln 75000 − ln 100), goalposts on the log scale stated as expressions.
 */
class TransformThroughTheEngineTest {

    @TempDir
    Path dir;

    private Framework framework(String indicators) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, "framework: {id: t, name: {en: Test}}\n"
                + "ranking: {decimals: 2, compare: full}\n"
                + "sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}, weighting: {method: equal}}\n"
                + "indicators:\n" + indicators);
        return FrameworkLoader.load(f);
    }

    private static String ind(String code, String direction, String extra) {
        return "  - {code: " + code + ", parent: INDEX, name: {en: " + code + "}, direction: " + direction
                + ", source: s, field: " + code + ", " + extra + "}\n";
    }

    private static RawData data(double[]... values) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < values[0].length; i++) {
            units.add(new Unit("u" + (i + 1), new Names("城" + (i + 1), "U" + (i + 1)), Map.of()));
        }
        return new RawData(units, values, null, new double[0][], null);
    }

    @Test
    void theHdiIncomeIndexFromGniPerCapitaWithGoalpostsOnTheLogScale() throws IOException {
        Framework fw = framework(ind("GNI", "higher", "transform: ln, "
                + "normalisation: {method: goalposts, best: ln(75000), worst: ln(100), scale: 1}"));
        Build b = Scorer.score(fw, data(new double[] {100, 75000, 1000, 200000, 50}));
        // the raw and imputed stages keep the measured unit; the transformed stage is ln x, bit for bit
        assertThat(b.imputed().values()[0]).containsExactly(100, 75000, 1000, 200000, 50);
        assertThat(b.transformed().values()[0]).containsExactly(Math.log(100), Math.log(75000), Math.log(1000),
                Math.log(200000), Math.log(50));
        assertThat(b.transformed().flagged()[0]).containsExactly(true, true, true, true, true);
        assertThat(b.treated().values()[0]).isEqualTo(b.transformed().values()[0]);
        // 1000: (ln 1000 − ln 100)/(ln 75000 − ln 100) = ln 10 / ln 750 = 2.302585093/6.620073207 = 0.3478187;
        // the goalposts clip 200000 to 1 and 50 to 0
        double[] s = b.normalised().values()[0];
        assertThat(s[0]).isEqualTo(0.0);
        assertThat(s[1]).isEqualTo(1.0);
        assertThat(s[2]).isEqualTo((Math.log(1000) - Math.log(100)) / (Math.log(75000) - Math.log(100)))
                .isCloseTo(0.3478187, within(1e-7));
        assertThat(s[3]).isEqualTo(1.0);
        assertThat(s[4]).isEqualTo(0.0);
    }

    @Test
    void log10SqrtPowerAndNegate() throws IOException {
        Framework fw = framework(ind("A", "higher", "transform: log10, normalisation: none")
                + ind("B", "higher", "transform: sqrt, normalisation: none")
                + ind("C", "higher", "transform: {method: power, exponent: 1/3}, normalisation: none")
                + ind("D", "lower", "transform: negate")                         // min-max 0–100
                + ind("E", "lower", "normalisation: {method: minmax}"));
        double[] days = {1, 2, 4};
        Build b = Scorer.score(fw, data(new double[] {1, 10, 1000}, new double[] {0, 4, 2.25},
                new double[] {8, 27, 0}, days, days));
        assertThat(b.normalised().values()[0]).containsExactly(0, 1, 3);
        assertThat(b.normalised().values()[1]).containsExactly(0, 2, 1.5);
        assertThat(b.normalised().values()[2]).containsExactly(Math.pow(8, 1.0 / 3), Math.pow(27, 1.0 / 3), 0);
        // negated days are higher-is-better: (−x − (−4))/(−1 − (−4))·100 = 100, 66.67, 0, as min-max of the days
        // with direction lower
        assertThat(b.transformed().values()[3]).containsExactly(-1, -2, -4);
        assertThat(b.normalised().values()[3]).containsExactly(new double[] {100, 200.0 / 3, 0}, within(1e-13));
        assertThat(b.normalised().values()[4]).containsExactly(new double[] {100, 200.0 / 3, 0}, within(1e-13));
        assertThat(b.transformed().flagged()[4]).containsExactly(false, false, false);   // E has no transform
    }

    @Test
    void aValueOutsideTheDomainIsAnErrorNamingIndicatorUnitAndLine() throws IOException {
        Framework fw = framework(ind("GNI", "higher", "transform: ln"));
        assertThatThrownBy(() -> Scorer.score(fw, data(new double[] {100, 0, 3})))
                .isInstanceOf(ScoringException.class)
                .hasMessage("indicator GNI is transformed by ln, which is defined for values > 0 only, but its value "
                        + "is 0 for 城2 U2 (u2) (framework line 7): correct the value, or choose a transform defined "
                        + "for it");
        Framework sqrt = framework(ind("X", "higher", "transform: sqrt"));
        assertThatThrownBy(() -> Scorer.score(sqrt, data(new double[] {-0.5, 1})))
                .isInstanceOf(ScoringException.class)
                .hasMessageStartingWith("indicator X is transformed by sqrt, which is defined for values >= 0 only, "
                        + "but its value is -0.5 for 城1 U1 (u1)");
        Framework power = framework(ind("X", "higher", "transform: {method: power, exponent: -1}"));
        assertThatThrownBy(() -> Scorer.score(power, data(new double[] {2, 0})))
                .isInstanceOf(ScoringException.class)
                .hasMessageStartingWith("indicator X is transformed by power (exponent -1), which is defined for "
                        + "values other than 0 (the exponent is negative) only, but its value is 0 for 城2 U2 (u2)");
        // a missing value stays missing
        Framework ln = framework(ind("X", "higher", "transform: ln, normalisation: none"));
        assertThat(Scorer.score(ln, data(new double[] {Math.E, Double.NaN})).normalised().values()[0])
                .containsExactly(1, Double.NaN);
    }

    @Test
    void theFileIsCheckedAtItsLines() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, "framework: {id: t, name: {en: Test}}\n"
                + "sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}, weighting: {method: equal}}\n"
                + "indicators:\n"
                + ind("A", "higher", "transform: log")
                + ind("B", "higher", "transform: {method: power}")
                + ind("C", "higher", "transform: {method: power, exponent: 0}")
                + ind("D", "lower", "transform: negate, normalisation: {method: goalposts, best: 1, worst: 30}")
                + ind("E", "lower", "transform: negate, normalisation: {method: goalposts, best: -1, worst: -30}"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":6: unknown transform method 'log' (known: none, ln, log10, sqrt, power, negate)",
                        f + ":7: transform method 'power' needs parameter 'exponent'",
                        f + ":8: transform method 'power': exponent 0 would make every value 1",
                        f + ":9: indicator D: goalposts best 1, worst 30 mean lower is better, but its direction is "
                                + "higher after the transform negate (as measured, lower is better)"));
    }
}
