package org.bizenv.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

/** The pipeline on a tree small enough to compute by hand (every expected number is worked out in comments). */
class ScorerTest {

    @TempDir
    Path dir;

    static final String FRAMEWORK = """
            framework: {id: hand, name: {en: Hand-computed}}
            ranking: {decimals: 2, compare: rounded}
            tiers: {method: breaks, count: 2, breaks: [40]}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {en: Index}}
              - {code: A, parent: INDEX, weight: 2, name: {en: A}}
              - code: B
                parent: INDEX
                weight: 1
                name: {en: B}
                weighting: {method: equal}
                aggregation: {method: geometric}
            indicators:
              - {code: A1, parent: A, name: {en: A1}, direction: higher, weight: 1, source: s, field: A1}
              - code: A2
                parent: A
                name: {en: A2}
                direction: lower
                weight: 3
                source: s
                field: A2
                normalisation: {method: goalposts, best: 1, worst: 30}
              - {code: B1, parent: B, name: {en: B1}, direction: higher, source: s, field: B1, normalisation: {method: minmax, min: 1, max: 100}}
              - {code: B2, parent: B, name: {en: B2}, direction: higher, source: s, field: B2, normalisation: {method: minmax, min: 1, max: 100}}
            """;

    private Framework framework(String yaml) throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, yaml);
        return FrameworkLoader.load(f);
    }

    private static RawData data(double[][] values) {
        List<Unit> units = List.of(
                new Unit("u1", new Names("一", "One"), Map.of("region", "east")),
                new Unit("u2", new Names("二", "Two"), Map.of("region", "west")),
                new Unit("u3", new Names("三", "Three"), Map.of("region", "east")));
        return new RawData(units, values, null, new double[0][], null);
    }

    @Test
    void scoresEveryNodeAndKeepsEveryStage() throws IOException {
        Framework fw = framework(FRAMEWORK);
        Build b = Scorer.score(fw, data(new double[][] {
                {1, 2, 3},          // A1 min-max 0..100       -> 0, 50, 100
                {1, 15.5, 30},      // A2 goalposts best 1/30  -> 100, 50, 0
                {2, 4, 8},          // B1 min-max onto 1..100  -> 1, 34, 100
                {3, 2, 1}}));       // B2                      -> 100, 50.5, 1

        assertThat(b.normalised().values()[0]).containsExactly(0, 50, 100);
        assertThat(b.normalised().values()[1]).containsExactly(100, 50, 0);
        assertThat(b.normalised().values()[2]).containsExactly(1, 34, 100);
        assertThat(b.normalised().values()[3]).containsExactly(100, 50.5, 1);
        // A = 0.25·A1 + 0.75·A2
        assertThat(b.nodeScores()[b.nodeIndex("A")]).containsExactly(75, 50, 25);
        // B = sqrt(B1·B2): sqrt(100) = 10, sqrt(34·50.5) = sqrt(1717), sqrt(100) = 10
        double[] bScores = b.nodeScores()[b.nodeIndex("B")];
        assertThat(bScores[0]).isCloseTo(10, within(1e-12));
        assertThat(bScores[1]).isCloseTo(Math.sqrt(1717), within(1e-12));
        assertThat(bScores[2]).isCloseTo(10, within(1e-12));
        // INDEX = 2/3·A + 1/3·B
        double[] index = b.indexScores();
        assertThat(index[0]).isCloseTo(75 * 2 / 3.0 + 10 / 3.0, within(1e-12));
        assertThat(index[1]).isCloseTo(50 * 2 / 3.0 + Math.sqrt(1717) / 3, within(1e-12));
        assertThat(index[2]).isCloseTo(25 * 2 / 3.0 + 10 / 3.0, within(1e-12));
        assertThat(b.indexRanks()).containsExactly(1, 2, 3);
        // B: u2 41.44 first, u1 and u3 tie at 10.00 -> "1, 2, 2"
        assertThat(b.nodeRanks()[b.nodeIndex("B")]).containsExactly(2, 1, 2);
        // tiers by a break at 40: 53.33 and 47.15 in tier 1, 20 in tier 2
        assertThat(b.tiers()).containsExactly(1, 1, 2);
        // effective weights: A1 2/3·1/4, A2 2/3·3/4, B1 and B2 1/3·1/2
        assertThat(b.effectiveIndicatorWeight()).containsExactly(new double[] {1 / 6.0, 0.5, 1 / 6.0, 1 / 6.0},
                within(1e-15));
        assertThat(b.nodeWeights()[b.nodeIndex("A")].weights()).containsExactly(0.25, 0.75);
        assertThat(b.raw().values()[1]).containsExactly(1, 15.5, 30);
        assertThat(b.treated().flaggedCount()).isZero();
    }

    @Test
    void aZeroInAGeometricMeanIsAClearErrorNotNaN() throws IOException {
        Framework fw = framework(FRAMEWORK.replace("normalisation: {method: minmax, min: 1, max: 100}}\n  - {code: B2",
                "normalisation: {method: minmax}}\n  - {code: B2"));
        RawData d = data(new double[][] {{1, 2, 3}, {1, 15.5, 30}, {2, 4, 8}, {3, 2, 1}});
        assertThatThrownBy(() -> Scorer.score(fw, d))
                .isInstanceOf(ScoringException.class)
                .hasMessage("node B uses the geometric mean, which is undefined for values <= 0, but B1 is 0.0 for "
                        + "一 One (framework line 13): normalise its children onto a positive range such as [1, 100] "
                        + "or choose another aggregation");
    }

    @Test
    void missingChildrenAreDroppedAndWeightsRenormalised() throws IOException {
        Framework fw = framework(FRAMEWORK);
        Build b = Scorer.score(fw, data(new double[][] {
                {1, 2, Double.NaN}, {1, 15.5, 30}, {2, 4, 8}, {3, 2, 1}}));
        // A1 over u1, u2 only: 0, 100, missing; A for u3 is A2 alone = 0
        assertThat(b.normalised().values()[0][2]).isNaN();
        assertThat(b.nodeScores()[b.nodeIndex("A")][2]).isEqualTo(0.0);
    }
}
