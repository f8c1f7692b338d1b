package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.Publication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the user chose to publish reaches the publish step through the job's parameters: without cards no card is
 * written or listed; a compact JSON leaves out the stages, while the Excel report beside it keeps them.
 */
class PublicationJobTest extends JobTestBase {

    @TempDir
    Path tmp;

    @Test
    void noCardsAndACompactJsonReport() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK,
                EvaluationJobTest.DATA_2024, 2024, out, null, EvaluationJobTest.AT)
                .withRobustness(RobustnessSettings.off()).withPublication(new Publication(false, true)));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);

        Path year = out.resolve("2024");
        assertThat(year.resolve("cities")).doesNotExist();
        assertThat(year.resolve("cities.xlsx")).doesNotExist();
        JsonNode doc = JsonMapper.builder().build().readTree(year.resolve("bizenv-report-2024.json").toFile());
        assertThat(doc.get("meta").get("detail").asString()).isEqualTo("compact");
        assertThat(doc.has("stages")).isFalse();
        assertThat(doc.get("ranking")).hasSize(36);
        assertThat(doc.get("cards").get("units")).isEmpty();
        try (var wb = new XSSFWorkbook(year.resolve("bizenv-report-2024.xlsx").toFile())) {
            assertThat(wb.getSheet("Raw")).isNotNull();
            assertThat(wb.getSheet("Normalised")).isNotNull();
        }
    }
}
