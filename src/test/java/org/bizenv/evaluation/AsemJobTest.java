package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bizenv.fixtures.Asem;
import org.bizenv.fixtures.Csv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * COINr's legacy ASEM build (indicators/coinr-asem.yaml) run as the whole yearly job on the published input tables
 * (examples/coinr-asem/data), every stage of the JSON report it writes matched against COINr's stored stages
 * (fixtures/coinr-asem) to 1e-9 relative, and every published rank of every aggregate reproduced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsemJobTest extends JobTestBase {

    static final Path FRAMEWORK = Path.of("indicators/coinr-asem.yaml");
    static final Path DATA = Path.of("examples/coinr-asem/data");
    static final double TOLERANCE = 1e-9;
    static final String[] AGGREGATES = {"Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social",
        "SusEcFin", "Conn", "Sust", "Index"};

    static final Path out = tempDir("bizenv-asem-reports");

    JsonNode report;
    String[] indicators;

    @BeforeAll
    void runTheJob() throws Exception {
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(FRAMEWORK, DATA, 2018, out, null,
                "2025-03-01T00:00:00Z").withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        report = JsonMapper.builder().build().readTree(out.resolve("2018/bizenv-report-2018.json").toFile());
        indicators = Asem.indicatorCodes();
    }

    /** Largest relative error of the report's stage against COINr's stored stage, over every indicator and unit. */
    private double stageError(String stage, String stored) {
        Csv expected = Asem.stage(stored);
        JsonNode values = report.get("stages").get(stage).get("values");
        String[] units = expected.texts("UnitCode");
        double worst = 0;
        int compared = 0;
        int missing = 0;
        for (String code : indicators) {
            double[] x = expected.numbers(code);
            for (int i = 0; i < units.length; i++) {
                JsonNode v = values.get(code).get(units[i]);
                if (Double.isNaN(x[i])) {
                    assertThat(v.isNull()).as(stage + " " + code + " " + units[i] + " missing in COINr too").isTrue();
                    missing++;
                    continue;
                }
                assertThat(v.isNull()).as(stage + " " + code + " " + units[i]).isFalse();
                worst = Math.max(worst, Asem.relativeError(v.asDouble(), x[i]));
                compared++;
            }
        }
        assertThat(compared + missing).as(stage).isEqualTo(49 * 51);
        if (!stage.equals("denominated")) {
            assertThat(missing).as(stage + ": nothing missing after imputation").isZero();
        }
        return worst;
    }

    private JsonNode node(String code) {
        for (JsonNode n : report.get("nodes")) {
            if (n.get("code").asString().equals(code)) {
                return n;
            }
        }
        throw new AssertionError("no node " + code);
    }

    @Test
    void theJobReadsFiftyOneCountriesWithNamesAndGroups() {
        assertThat(report.get("units").size()).isEqualTo(51);
        JsonNode aut = report.get("units").get(0);
        assertThat(aut.get("code").asString()).isEqualTo("AUT");
        assertThat(aut.get("name").get("en").asString()).isEqualTo("Austria");
        assertThat(aut.get("groups").get("Group_EurAsia").asString()).isEqualTo("Europe");
        assertThat(report.get("indicators").size()).isEqualTo(49);
        assertThat(report.get("nodes").size()).isEqualTo(11);
        assertThat(report.get("meta").get("sources").size()).isEqualTo(2);
    }

    @Test
    void everyStoredStageIsReproduced() {
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("denominated", stageError("denominated", "Data_Denominated"));
        errors.put("imputed", stageError("imputed", "Data_Imputed"));
        errors.put("treated", stageError("treated", "Data_Treated"));
        errors.put("normalised", stageError("normalised", "Data_Normalised"));

        // Aggregated: its indicator columns are the normalised values; then the 8 pillars, 2 sub-indices, index
        Csv aggregated = Asem.stage("Data_Aggregated");
        String[] units = aggregated.texts("UnitCode");
        double indicatorsInAggregated = 0;
        JsonNode normalised = report.get("stages").get("normalised").get("values");
        for (String code : indicators) {
            double[] x = aggregated.numbers(code);
            for (int i = 0; i < units.length; i++) {
                indicatorsInAggregated = Math.max(indicatorsInAggregated,
                        Asem.relativeError(normalised.get(code).get(units[i]).asDouble(), x[i]));
            }
        }
        errors.put("aggregated (indicators)", indicatorsInAggregated);
        for (String[] level : new String[][] {{"pillars", "Physical", "ConEcFin", "Political", "Instit", "P2P",
            "Environ", "Social", "SusEcFin"}, {"sub-indices", "Conn", "Sust"}, {"index", "Index"}}) {
            double worst = 0;
            for (int a = 1; a < level.length; a++) {
                double[] x = aggregated.numbers(level[a]);
                JsonNode scores = node(level[a]).get("scores");
                for (int i = 0; i < units.length; i++) {
                    worst = Math.max(worst, Asem.relativeError(scores.get(units[i]).asDouble(), x[i]));
                }
            }
            errors.put("aggregated (" + level[0] + ")", worst);
        }
        errors.forEach((stage, e) -> System.out.printf(Locale.ROOT, "ASEM %-26s largest relative error %.3g%n",
                stage, e));
        assertThat(errors).allSatisfy((stage, e) -> assertThat(e).as(stage).isLessThanOrEqualTo(TOLERANCE));
    }

    @Test
    void everyPublishedRankOfEveryAggregate() {
        Csv ranks = Asem.stage("Results_AggregatesRank");
        String[] units = ranks.texts("UnitCode");
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (String aggregate : AGGREGATES) {
            double[] published = ranks.numbers(aggregate);
            JsonNode ours = node(aggregate).get("ranks");
            for (int i = 0; i < units.length; i++) {
                compared++;
                if (ours.get(units[i]).asInt() != (int) published[i]) {
                    differ.add(aggregate + ":" + units[i]);
                }
            }
        }
        assertThat(compared).isEqualTo(11 * 51);
        assertThat(differ).isEmpty();
        // the published top of the index, best first, with the published (2-decimal) scores
        JsonNode ranking = report.get("ranking");
        String[] top = {"CHE", "NLD", "DNK", "NOR", "BEL", "SWE"};
        double[] scores = {68.38, 64.82, 64.80, 64.47, 63.54, 63.00};
        for (int k = 0; k < top.length; k++) {
            assertThat(ranking.get(k).get("unit").asString()).isEqualTo(top[k]);
            assertThat(ranking.get(k).get("rank").asInt()).isEqualTo(k + 1);
            assertThat(Math.round(ranking.get(k).get("score").asDouble() * 100) / 100.0).isEqualTo(scores[k]);
        }
    }

    @Test
    void imputedAndTreatedPointsAreFlaggedAsCoinrCountedThem() {
        // every value missing after denomination is imputed and flagged
        Csv denominated = Asem.stage("Data_Denominated");
        JsonNode imputedFlags = report.get("stages").get("imputed").get("flagged");
        int missing = 0;
        int flagged = 0;
        for (String code : indicators) {
            for (double d : denominated.numbers(code)) {
                missing += Double.isNaN(d) ? 1 : 0;
            }
            flagged += imputedFlags.has(code) ? imputedFlags.get(code).size() : 0;
        }
        assertThat(missing).isPositive();
        assertThat(flagged).isEqualTo(missing);
        // winsorised points per indicator: COINr's TreatSummary (Low + High)
        Csv summary = Asem.stage("Analysis_TreatSummary");
        JsonNode treatedFlags = report.get("stages").get("treated").get("flagged");
        Map<String, JsonNode> treatment = new LinkedHashMap<>();
        report.get("treatment").forEach(t -> treatment.put(t.get("indicator").asString(), t));
        String[] codes = summary.texts("IndCode");
        double[] low = summary.numbers("Low");
        double[] high = summary.numbers("High");
        int treatedIndicators = 0;
        for (int k = 0; k < codes.length; k++) {
            int points = (int) (low[k] + high[k]);
            int ours = treatedFlags.has(codes[k]) ? treatedFlags.get(codes[k]).size() : 0;
            assertThat(ours).as(codes[k]).isEqualTo(points);
            assertThat(treatment.get(codes[k]).get("logTransformed").asBoolean()).isFalse();
            treatedIndicators += points > 0 ? 1 : 0;
        }
        assertThat(treatedIndicators).isPositive();
    }
}
