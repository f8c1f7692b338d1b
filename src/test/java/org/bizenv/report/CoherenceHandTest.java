package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReportAssembler#coherence} on a tree small enough to work out by hand: two dimensions of two indicators each,
 * four units, values used as given (normalisation none) and equal weights.
 *
 * <pre>
 *   D1: A = (1, 2, 3, 4), B = (2, 4, 6, 8)      → D1 = (1.5, 3, 4.5, 6)
 *   D2: C = (4, 3, 2, 1), E = (1, 2, 3, 5)      → D2 = (2.5, 2.5, 2.5, 3)
 * </pre>
 */
class CoherenceHandTest {

    @TempDir
    Path dir;

    @Test
    void correlationsAlphaAndPcaByHand() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, """
                framework: {id: c, name: {en: Coherence}}
                defaults: {normalisation: none, weighting: equal}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                  - {code: D1, parent: INDEX, name: {en: D1}}
                  - {code: D2, parent: INDEX, name: {en: D2}}
                indicators:
                  - {code: A, parent: D1, name: {en: A}, direction: higher, source: s, field: A}
                  - {code: B, parent: D1, name: {en: B}, direction: higher, source: s, field: B}
                  - {code: C, parent: D2, name: {en: C}, direction: higher, source: s, field: C}
                  - {code: E, parent: D2, name: {en: E}, direction: higher, source: s, field: E}
                """);
        List<Unit> units = List.of(unit("u1"), unit("u2"), unit("u3"), unit("u4"));
        Build b = Scorer.score(FrameworkLoader.load(f), new RawData(units, new double[][] {
                {1, 2, 3, 4}, {2, 4, 6, 8}, {4, 3, 2, 1}, {1, 2, 3, 5}}, null, new double[0][], null));
        Report.CoherenceTable c = ReportAssembler.coherence(b);

        assertThat(c.indicators()).containsExactly("A", "B", "C", "E");
        // Pearson: A, B, C perfectly (anti)correlated; C and E: centred (1.5, .5, −.5, −1.5) and
        // (−1.75, −.75, .25, 2.25): Σ = −6.5, |C|² = 5, |E|² = 8.75 → r = −6.5/√43.75
        double rCE = -6.5 / Math.sqrt(43.75);
        assertThat(c.pearson()[0][1]).isCloseTo(1, within(1e-15));
        assertThat(c.pearson()[0][2]).isCloseTo(-1, within(1e-15));
        assertThat(c.pearson()[2][3]).isCloseTo(rCE, within(1e-15));
        assertThat(c.pearson()[3][2]).isEqualTo(c.pearson()[2][3]);
        // Spearman: E's ranks are (1, 2, 3, 4), so E runs exactly against C and with A
        assertThat(c.spearman()[2][3]).isCloseTo(-1, within(1e-15));
        assertThat(c.spearman()[0][3]).isCloseTo(1, within(1e-15));

        // With the parent: D2 centred (−.125, −.125, −.125, .375), |D2|² = .1875;
        // C·D2 = −.75 → r = −.75/√(5·.1875); E·D2 = 1.125 → r = 1.125/√(8.75·.1875)
        // Spearman: D2 ranks (2, 2, 2, 4) (ties averaged): C → −3/√15, E → 3/√15
        var wp = c.withParent();
        assertThat(wp).extracting(Report.ParentCorrelation::parent).containsExactly("D1", "D1", "D2", "D2");
        assertThat(wp.get(0).pearson()).isCloseTo(1, within(1e-15));
        assertThat(wp.get(2).pearson()).isCloseTo(-0.75 / Math.sqrt(5 * 0.1875), within(1e-15));
        assertThat(wp.get(3).pearson()).isCloseTo(1.125 / Math.sqrt(8.75 * 0.1875), within(1e-15));
        assertThat(wp.get(2).spearman()).isCloseTo(-3 / Math.sqrt(15), within(1e-15));
        assertThat(wp.get(3).spearman()).isCloseTo(3 / Math.sqrt(15), within(1e-15));
        assertThat(wp).extracting(Report.ParentCorrelation::negative).containsExactly(false, false, true, false);

        // Cronbach's α = k/(k−1)·(1 − Σ var_j / var(Σ x_j)), n − 1 = 3:
        // D1: var A 5/3, var B 20/3, var(A + B) 45/3 → 2·(1 − 25/45) = 8/9
        // D2: var C 5/3, var E 8.75/3, var(C + E) = (5 + 8.75 − 13)/3 = .75/3 → 2·(1 − 13.75/.75)
        var dims = c.dimensions();
        assertThat(dims).extracting(Report.DimensionStats::node).containsExactly("D1", "D2");
        assertThat(dims.get(0).cronbachAlpha()).isCloseTo(8 / 9.0, within(1e-14));
        assertThat(dims.get(1).cronbachAlpha()).isCloseTo(2 * (1 - 13.75 / 0.75), within(1e-12));
        // PCA of two standardised indicators: eigenvalues 1 ± |r| → shares (1 ± |r|)/2
        assertThat(dims.get(0).varianceExplained()).containsExactly(new double[] {1, 0}, within(1e-12));
        assertThat(dims.get(1).varianceExplained()).containsExactly(
                new double[] {(1 + Math.abs(rCE)) / 2, (1 - Math.abs(rCE)) / 2}, within(1e-12));
    }

    @Test
    void aConstantIndicatorLeavesAlphaAndPcaMissingInsteadOfFailingTheReport() throws IOException {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, """
                framework: {id: c, name: {en: Coherence}}
                defaults: {normalisation: none, weighting: equal}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                  - {code: D1, parent: INDEX, name: {en: D1}}
                indicators:
                  - {code: A, parent: D1, name: {en: A}, direction: higher, source: s, field: A}
                  - {code: K, parent: D1, name: {en: K}, direction: higher, source: s, field: K}
                """);
        List<Unit> units = List.of(unit("u1"), unit("u2"), unit("u3"));
        Build b = Scorer.score(FrameworkLoader.load(f), new RawData(units, new double[][] {{1, 2, 4}, {5, 5, 5}},
                null, new double[0][], null));
        Report.CoherenceTable c = ReportAssembler.coherence(b);
        assertThat(c.pearson()[0][1]).isNaN();
        assertThat(c.dimensions().get(0).cronbachAlpha()).isCloseTo(0, within(1e-15)); // Σ cov = var A only
        assertThat(c.dimensions().get(0).varianceExplained()).isEmpty();
    }

    private static Unit unit(String code) {
        return new Unit(code, new Names(code, code), Map.of());
    }
}
