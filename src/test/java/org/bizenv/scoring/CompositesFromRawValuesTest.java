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
 * {@code composites.from: raw-values}: a composite's raw values are the weighted means of its components' raw values,
 * and it is then scored as a unit among the others, against numbers worked out by hand.
 */
class CompositesFromRawValuesTest {

    private static final double NaN = Double.NaN;

    @TempDir
    Path dir;

    private static final String FRAMEWORK = """
            framework: {id: t, name: {en: T}}
            ranking: {decimals: 5, compare: full}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: Code}]
            nodes:
              - {code: INDEX, name: {en: Index}, weighting: {method: equal}}
            indicators:
              - {code: X, parent: INDEX, name: {en: X}, direction: higher, source: s, field: X}
              - {code: Y, parent: INDEX, name: {en: Y}, direction: lower, source: s, field: Y,
                 normalisation: {method: goalposts, best: 0, worst: 10}}
            composites:
              FROM
              units:
                C: {a: 1, b: 3}
            """;

    private Framework framework(String from) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, FRAMEWORK.replace("FROM", from));
        return FrameworkLoader.load(f);
    }

    private static RawData data(double[][] values, double[][] textScores, boolean[][] notApplicable) {
        List<Unit> units = new ArrayList<>();
        for (String c : List.of("a", "b", "c", "C")) {
            units.add(new Unit(c, new Names(c, c), Map.of()));
        }
        return new RawData(units, values, null, new double[0][], null, textScores, notApplicable);
    }

    //                                      a    b    c    C (own row, not used)
    private static final double[][] RAW = {{10, 30, 0, 999}, {2, 14, 10, 999}};

    @Test
    void theCompositeIsScoredFromTheWeightedMeanOfItsComponentsRawValues() throws IOException {
        Build b = Scorer.score(framework("from: raw-values"), data(RAW, null, null));
        // C's raw X = (1·10 + 3·30)/4 = 25, Y = (1·2 + 3·14)/4 = 11
        assertThat(b.raw().values()[0]).containsExactly(10, 30, 0, 25);
        assertThat(b.raw().values()[1]).containsExactly(2, 14, 10, 11);
        // X min-max over a, b, c and C (0 … 30): 33.33, 100, 0, 83.33; Y goalposts 0 … 10: 80, 0 (14 clipped), 0,
        // 0 (11 clipped)
        assertThat(b.normalised().values()[0]).containsExactly(new double[] {100.0 / 3, 100, 0, 250.0 / 3},
                within(1e-12));
        assertThat(b.normalised().values()[1]).containsExactly(80, 0, 0, 0);
        // index = mean: a (33.33 + 80)/2 = 56.67, b 50, c 0, C 41.67
        assertThat(b.indexScores()).containsExactly(new double[] {170.0 / 3, 50, 0, 125.0 / 3}, within(1e-12));
        // ranked: composites (the default) ranks C and c, not C's components a and b
        assertThat(b.indexRanks()).containsExactly(0, 0, 2, 1);
        assertThat(b.warnings().get(b.warnings().size() - 1).en()).isEqualTo("1 composite unit's raw values are the "
                + "weighted mean of their components' raw values, then scored with the other units: C");

        // From scores, C's Y is the mean of the clipped scores (1·80 + 3·0)/4 = 20, not the score of the mean, 0
        Build fromScores = Scorer.score(framework("from: scores"), data(RAW, null, null));
        assertThat(fromScores.normalised().values()[1][3]).isEqualTo(20.0);
        assertThat(fromScores.indexScores()[3]).isCloseTo((1 * 170.0 / 3 + 3 * 50) / 4, within(1e-12));
    }

    @Test
    void theCompositeCountsInTheStatisticsOfTheOthers() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, FRAMEWORK.replace("FROM", "from: raw-values").replace(
                "field: X}", "field: X, normalisation: {method: zscore}}"));
        Build b = Scorer.score(FrameworkLoader.load(f), data(RAW, null, null));
        // X over a, b, c, C = 10, 30, 0, 25: mean 16.25, sd √((39.0625 + 189.0625 + 264.0625 + 76.5625)/3) = 13.7689
        double sd = Math.sqrt((39.0625 + 189.0625 + 264.0625 + 76.5625) / 3);
        assertThat(b.normalised().values()[0]).containsExactly(new double[] {(10 - 16.25) / sd, (30 - 16.25) / sd,
                -16.25 / sd, (25 - 16.25) / sd}, within(1e-12));
    }

    @Test
    void notApplicableComponentsAreLeftOutAndTextScoresAreKeptOrRefused() throws IOException {
        boolean[][] na = new boolean[2][4];
        na[1][1] = true;                                             // Y does not apply to b
        double[][] raw = {{10, 30, 0, NaN}, {2, NaN, 10, NaN}};
        Build b = Scorer.score(framework("from: raw-values"), data(raw, null, na));
        assertThat(b.raw().values()[1][3]).isEqualTo(2.0);          // a's alone
        assertThat(b.normalised().values()[1][3]).isEqualTo(80.0);

        double[][] text = {{NaN, NaN, NaN, NaN}, {0, 0, NaN, NaN}};   // Y: 'No Practice' (score 0) for a and b
        double[][] coded = {{10, 30, 0, NaN}, {NaN, NaN, 10, NaN}};
        Build same = Scorer.score(framework("from: raw-values"), data(coded, text, null));
        assertThat(same.normalised().values()[1]).containsExactly(0, 0, 0, 0);
        assertThat(same.raw().values()[1][3]).isNaN();

        double[][] mixedText = {{NaN, NaN, NaN, NaN}, {0, NaN, NaN, NaN}};
        double[][] mixed = {{10, 30, 0, NaN}, {NaN, 14, 10, NaN}};
        assertThatThrownBy(() -> Scorer.score(framework("from: raw-values"), data(mixed, mixedText, null)))
                .isInstanceOf(ScoringException.class)
                .hasMessage("composite C: indicator Y cannot be built from its components' raw values (a a text "
                        + "scored 0, b 14): a text value's score cannot be averaged with a number or another score "
                        + "(framework line 13); build this composite from scores (composites.from: scores)");
    }

    @Test
    void fromIsCheckedAtItsLine() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, FRAMEWORK.replace("FROM", "from: raw"));
        assertThatThrownBy(() -> FrameworkLoader.load(f))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        f + ":11: composites.from must be one of scores, raw-values, not 'raw'"));
    }
}
