package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.excel.ExcelReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** The yearly job on the sample with its survey saved as Excel on Chinese Windows saves CSV: GB18030. */
class EncodedSurveyJobTest extends JobTestBase {

    @TempDir
    Path tmp;

    private EvaluationRunner.Outcome run(Path data, Path output) throws Exception {
        return runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, data, 2024, output, null,
                EvaluationJobTest.AT).withRobustness(RobustnessSettings.off()));
    }

    @Test
    void aGb18030SurveyGivesTheSameReportSaveItsSourcesEntry() throws Exception {
        Path data = tmp.resolve("data/2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, data);
        assertThat(run(data, tmp.resolve("utf8")).status()).isEqualTo(BatchStatus.COMPLETED);
        Path survey = data.resolve("survey.csv");
        Files.write(survey, Files.readString(survey).getBytes(Charset.forName("GB18030")));
        EvaluationRunner.Outcome o = run(data, tmp.resolve("gb18030"));

        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode utf8 = mapper.readTree(tmp.resolve("utf8/2024/bizenv-report-2024.json").toFile());
        JsonNode gb = mapper.readTree(tmp.resolve("gb18030/2024/bizenv-report-2024.json").toFile());
        JsonNode utf8Survey = surveyEntry(utf8);
        JsonNode gbSurvey = surveyEntry(gb);
        assertThat(utf8Survey.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(gbSurvey.get("encoding").asString()).isEqualTo("GB18030");
        assertThat(gbSurvey.get("bytes").asLong()).isEqualTo(Files.size(survey)).isLessThan(utf8Survey.get("bytes").asLong());
        assertThat(gbSurvey.get("sha256")).isNotEqualTo(utf8Survey.get("sha256"));
        ((ArrayNode) utf8.get("meta").get("sources")).remove(index(utf8));
        ((ArrayNode) gb.get("meta").get("sources")).remove(index(gb));
        assertThat(gb).isEqualTo(utf8);
        // workbooks have no text encoding
        assertThat(utf8.get("meta").get("sources").get(0).get("path").asString()).endsWith(".xlsx");
        assertThat(utf8.get("meta").get("sources").get(0).get("encoding").isNull()).isTrue();

        List<String> sheetRow = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(tmp.resolve("gb18030/2024/bizenv-report-2024.xlsx").toFile())) {
            DataFormatter f = new DataFormatter();
            for (Row r : wb.getSheet(ExcelReportWriter.SOURCES)) {
                if ("survey.csv".equals(f.formatCellValue(r.getCell(0)))) {
                    r.forEach(c -> sheetRow.add(f.formatCellValue(c)));
                }
            }
        }
        assertThat(sheetRow).containsExactly("survey.csv", gbSurvey.get("sha256").asString(), "survey",
                sheetRow.get(3), String.format("%,d", Files.size(survey)), "GB18030");
    }

    private static JsonNode surveyEntry(JsonNode report) {
        return report.get("meta").get("sources").get(index(report));
    }

    private static int index(JsonNode report) {
        JsonNode sources = report.get("meta").get("sources");
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).get("path").asString().equals("survey.csv")) {
                return i;
            }
        }
        throw new AssertionError("no survey.csv among the sources");
    }
}
