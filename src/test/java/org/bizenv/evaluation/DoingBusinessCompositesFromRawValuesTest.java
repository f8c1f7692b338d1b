package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Doing Business two-city economies built from their cities' raw values ({@code composites.from: raw-values})
 * through the job: the built raw values are the dataset's own national rows (which hold the population-weighted
 * means of the cities' raw values), and the national scores are then those of the averaged raw values, which is not
 * how the World Bank scores them (it averages the cities' scores, the default {@code from: scores}).
 */
class DoingBusinessCompositesFromRawValuesTest extends JobTestBase {

    private final Path tmp = tempDir("db-raw-composites");

    @Test
    void nationalsBuiltFromTheCitiesRawValues() throws Exception {
        String yaml = Files.readString(DoingBusiness2020Test.FRAMEWORK);
        assertThat(yaml).contains("  ranked: composites ");
        Path fw = tmp.resolve("db-raw-composites.yaml");
        Files.writeString(fw, yaml.replace("  ranked: composites ", "  from: raw-values\n  ranked: composites "));
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(fw, DoingBusiness2020Test.DATA, 2020,
                tmp.resolve("reports"), null, DoingBusiness2020Test.AT).withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        JsonNode report = JsonMapper.builder().build().readTree(tmp.resolve("reports/2020/bizenv-report-2020.json")
                .toFile());

        // Brazil = Rio de Janeiro 0.39 + São Paulo 0.61; construction permits, time (days)
        String column = "Time (days)...31";
        double rio = DoingBusiness2020Test.published(column, "BRA_Rio");
        double saoPaulo = DoingBusiness2020Test.published(column, "BRA");
        double built = (0.39 * rio + 0.61 * saoPaulo) / (0.39 + 0.61);
        JsonNode raw = report.get("stages").get("raw").get("values").get("CP.TIME");
        assertThat(raw.get("BRAZ").asDouble()).isEqualTo(built);
        // the dataset's national row holds the same mean, to its published rounding (338.37 days)
        assertThat(built).isCloseTo(DoingBusiness2020Test.published(column, "BRAZ"), within(0.05));
        // scored as a unit: goalposts best 26, worst 373 on the averaged days give 9.98, where the published national
        // score is the mean of the cities' scores, 11.91
        double score = report.get("stages").get("normalised").get("values").get("CP.TIME").get("BRAZ").asDouble();
        assertThat(score).isEqualTo(100 * (373 - built) / (373 - 26)).isCloseTo(9.98, within(0.005));
        assertThat(DoingBusiness2020Test.published(DoingBusiness2020Test.scoreColumn(column), "BRAZ"))
                .isCloseTo(11.91, within(0.005));

        // the nationals are ranked, their cities scored but not ranked
        assertThat(DoingBusiness2020Test.rank(report, "DB", "BRAZ")).isPositive();
        assertThat(DoingBusiness2020Test.rank(report, "DB", "BRA_Rio")).isZero();
        assertThat(DoingBusiness2020Test.rank(report, "DB", "BRA")).isZero();
    }
}
