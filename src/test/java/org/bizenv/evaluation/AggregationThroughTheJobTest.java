package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every aggregation method, imputation under an availability threshold, {@code zeros: zero} and children that do not
 * apply, through the whole job with the robustness analysis on. The robustness re-aggregation once had its own means
 * (it counted imputed children as observed and refused {@code zeros: zero}, so such a run failed); it now runs the
 * scorer's kernel, and the job checks the two agree before any Monte Carlo run. Every expected score is worked out by
 * hand in the comments (normalisation {@code none}: the values are scores as they stand).
 */
class AggregationThroughTheJobTest extends JobTestBase {

    private static final double EPS = 1e-12;

    static final String FRAMEWORK = """
            framework: {id: kernel, name: {zh: 聚合, en: Aggregation}}
            ranking: {decimals: 2, compare: full}
            tiers: {method: quantiles, count: 2}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit, blanks: missing}]
            nodes:
              - {code: INDEX, name: {en: Index}}
              - {code: D1, parent: INDEX, weight: 1, name: {en: Arithmetic}, aggregation: {method: arithmetic, min-share: 0.6}}
              - {code: D2, parent: INDEX, weight: 1, name: {en: Geometric}, aggregation: {method: geometric, zeros: zero}}
              - {code: D3, parent: INDEX, weight: 1, name: {en: Harmonic}, aggregation: harmonic}
              - {code: D4, parent: INDEX, weight: 1, name: {en: Power}, aggregation: {method: generalised, p: 0.5}}
              - {code: D5, parent: INDEX, weight: 1, name: {en: TOPSIS}, aggregation: {method: topsis, variant: minmax}}
            indicators:
              - {code: A, parent: D1, weight: 1, name: {en: A}, direction: higher, source: s, field: A, normalisation: none, imputation: mean}
              - {code: B, parent: D1, weight: 1, name: {en: B}, direction: higher, source: s, field: B, normalisation: none}
              - {code: C, parent: D1, weight: 1, name: {en: C}, direction: higher, source: s, field: C, normalisation: none, text-values: {"not applicable": not-applicable}}
              - {code: E, parent: D2, weight: 1, name: {en: E}, direction: higher, source: s, field: E, normalisation: none}
              - {code: F, parent: D2, weight: 1, name: {en: F}, direction: higher, source: s, field: F, normalisation: none}
              - {code: G, parent: D3, weight: 1, name: {en: G}, direction: higher, source: s, field: G, normalisation: none}
              - {code: H, parent: D3, weight: 1, name: {en: H}, direction: higher, source: s, field: H, normalisation: none}
              - {code: I, parent: D4, weight: 1, name: {en: I}, direction: higher, source: s, field: I, normalisation: none}
              - {code: J, parent: D4, weight: 1, name: {en: J}, direction: higher, source: s, field: J, normalisation: none}
              - {code: K, parent: D5, weight: 1, name: {en: K}, direction: higher, source: s, field: K, normalisation: none}
              - {code: L, parent: D5, weight: 1, name: {en: L}, direction: higher, source: s, field: L, normalisation: none}
            """;

    static final String DATA = """
            Unit,A,B,C,E,F,G,H,I,J,K,L
            u1,,50,not applicable,0,80,50,25,40,90,10,30
            u2,40,60,70,30,30,20,80,10,60,50,40
            u3,80,20,not applicable,60,15,10,40,90,30,20,90
            u4,60,90,30,20,45,70,35,50,40,70,60
            """;

    @Test
    void everyMethodScoresAsByHandAndTheRobustnessRunsAgreeWithTheScorer() throws Exception {
        Path dir = tempDir("kernel-job");
        Files.writeString(dir.resolve("fw.yaml"), FRAMEWORK);
        Path data = Files.createDirectories(dir.resolve("2024"));
        Files.writeString(data.resolve("s.csv"), DATA);
        Path scenarios = dir.resolve("scenarios.yaml");
        Files.writeString(scenarios, """
                scenarios:
                  - id: d1-double
                    weights: {D1: 2}
                """);
        Path out = dir.resolve("reports");
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(dir.resolve("fw.yaml"), data, 2024, out, null,
                null, "2025-01-01T00:00:00Z", new RobustnessSettings(true, List.of(scenarios), 64, "uniform:0.25",
                16, 1)));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());

        // D1, arithmetic with min-share 0.6 over A (imputed by the mean), B, and C (not applicable to u1 and u3):
        //   u1: A imputed (60), C does not apply: 1 of the 2 children that apply is observed, 0.5 < 0.6 → unscored;
        //   u2: (40 + 60 + 70) / 3; u3: C does not apply, A and B observed: (80 + 20) / 2; u4: (60 + 90 + 30) / 3.
        assertScores(json, "D1", Double.NaN, (40 + 60 + 70) / 3.0, 50, 60);
        // D2, geometric with zeros: zero: u1 has E = 0 → 0; √(30·30), √(60·15), √(20·45) = 30 each.
        assertScores(json, "D2", 0, 30, 30, 30);
        // D3, harmonic: 2 / (1/G + 1/H).
        assertScores(json, "D3", 2 / (1 / 50.0 + 1 / 25.0), 2 / (1 / 20.0 + 1 / 80.0), 2 / (1 / 10.0 + 1 / 40.0),
                2 / (1 / 70.0 + 1 / 35.0));
        // D4, power mean p = 1/2: ((√I + √J) / 2)²; u1: (2√10 + 3√10)/2 = 2.5√10 → 62.5.
        assertScores(json, "D4", 62.5, sq((Math.sqrt(10) + Math.sqrt(60)) / 2), sq((Math.sqrt(90) + Math.sqrt(30)) / 2),
                sq((Math.sqrt(50) + Math.sqrt(40)) / 2));
        // D5, TOPSIS min-max over K (10, 50, 20, 70) and L (30, 40, 90, 60), weights ½: v = r/2, ideal (½, ½), anti (0, 0).
        double[][] v = {{0, 0}, {2 / 6.0, 1 / 12.0}, {1 / 12.0, 0.5}, {0.5, 0.25}};
        double[] d5 = new double[4];
        for (int i = 0; i < 4; i++) {
            double dPlus = Math.hypot(0.5 - v[i][0], 0.5 - v[i][1]);
            double dMinus = Math.hypot(v[i][0], v[i][1]);
            d5[i] = 100 * dMinus / (dPlus + dMinus);
        }
        assertScores(json, "D5", d5[0], d5[1], d5[2], d5[3]);
        JsonNode index = node(json, "INDEX").get("scores");
        // the index drops u1's unscored D1 and renormalises over the other four dimensions
        assertThat(index.get("u1").asDouble()).isCloseTo(
                (0 + 2 / (1 / 50.0 + 1 / 25.0) + 62.5 + d5[0]) / 4, within(EPS));

        JsonNode rb = json.get("robustness");
        JsonNode nominal = rb.get("scenarios").get("runs").get(0);
        assertThat(nominal.get("id").asString()).isEqualTo("nominal");
        for (String u : List.of("u1", "u2", "u3", "u4")) {
            // the re-aggregation at nominal weights is the scorer's index, to the bit
            assertThat(nominal.get("scores").get(u).asDouble()).isEqualTo(index.get(u).asDouble());
        }
        assertThat(rb.get("uncertainty").get("runs").asInt()).isEqualTo(64);
        assertThat(rb.get("uncertainty").get("units")).hasSize(4);
        assertThat(rb.get("sensitivity").get("runs").asInt()).isEqualTo(16 * (5 + 2));
        assertThat(json.get("warnings").toString()).contains("node D1: u1 (u1) left unscored: only 1 of its 2 "
                + "children that apply have observed (not imputed) data (50%), below the availability threshold "
                + "min-share 0.6");
    }

    private static double sq(double x) {
        return x * x;
    }

    private static JsonNode node(JsonNode json, String code) {
        for (JsonNode n : json.get("nodes")) {
            if (n.get("code").asString().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no node " + code);
    }

    private static void assertScores(JsonNode json, String code, double... expected) {
        JsonNode scores = node(json, code).get("scores");
        for (int i = 0; i < expected.length; i++) {
            JsonNode s = scores.get("u" + (i + 1));
            if (Double.isNaN(expected[i])) {
                assertThat(s.isNull()).as(code + " u" + (i + 1)).isTrue();
            } else {
                assertThat(s.asDouble()).as(code + " u" + (i + 1)).isCloseTo(expected[i], within(EPS));
            }
        }
    }
}
