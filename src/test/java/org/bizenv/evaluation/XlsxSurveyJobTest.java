package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bizenv.ingest.InputDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yearly job on the sample with its survey as a survey platform exports it: an .xlsx sheet with Chinese headers
 * (mapped by the framework's {@code columns:}, or {@code Qn. text}), a second header row of question texts, answers as
 * numbers. The report's values, scores and ranks are those of the CSV run.
 */
class XlsxSurveyJobTest extends JobTestBase {

    static final String COLUMNS = "    columns: {RespondentId: 答卷编号, City: 所在城市, Size: 企业规模, "
            + "Industry: 所属行业, Q03: \"第3题\"}\n";

    @TempDir
    Path tmp;

    private EvaluationRunner.Outcome run(Path framework, Path data, Path output) throws Exception {
        return runner.run(new EvaluationRequest(framework, data, 2024, output, null, EvaluationJobTest.AT)
                .withRobustness(RobustnessSettings.off()));
    }

    /** The sample framework beside its registry, reading the survey from {@code survey-export.xlsx}. */
    private Path framework(String columns) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fw"));
        Path fw = EvaluationJobTest.FRAMEWORK;
        Files.copy(fw.resolveSibling("cities-36.csv"), dir.resolve("cities-36.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String text = Files.readString(fw).replace("    path: survey.csv\n", "    path: survey-export.xlsx\n" + columns);
        Path out = dir.resolve(fw.getFileName());
        Files.writeString(out, text);
        return out;
    }

    /** survey.csv as an export: Chinese identity headers, questions as "Qn. …" or 第3题, a row of question texts. */
    static void export(Path csv, Path xlsx) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] ids = lines.get(0).split(",", -1);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream os = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("问卷数据");
            Row header = sheet.createRow(0);
            Row texts = sheet.createRow(1);
            String[] identity = {"答卷编号", "所在城市", "企业规模", "所属行业"};
            for (int c = 0; c < ids.length; c++) {
                int n = c - 3;
                header.createCell(c).setCellValue(c < 4 ? identity[c] : n == 3 ? "第3题" : "Q" + n + ". 满意度 " + n);
                texts.createCell(c).setCellValue(c < 4 ? "请填写" + identity[c] : "您对第" + n + "项服务的满意度");
            }
            for (int r = 1; r < lines.size(); r++) {
                String[] f = lines.get(r).split(",", -1);
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < f.length; c++) {
                    if (f[c].isEmpty()) {
                        continue;
                    }
                    if (c >= 4 && f[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(f[c]));
                    } else {
                        row.createCell(c).setCellValue(f[c]);
                    }
                }
            }
            wb.write(os);
            wb.dispose();
        }
    }

    @Test
    void anExportedWorkbookGivesTheScoresAndRanksOfTheCsv() throws Exception {
        Path data = tmp.resolve("data/2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, data);
        assertThat(Files.readString(data.resolve("survey.csv"))).doesNotContain("\"");   // so split(",") is exact
        export(data.resolve("survey.csv"), data.resolve("survey-export.xlsx"));
        EvaluationRunner.Outcome csv = run(EvaluationJobTest.FRAMEWORK, data, tmp.resolve("csv"));
        EvaluationRunner.Outcome xlsx = run(framework(COLUMNS), data, tmp.resolve("xlsx"));

        assertThat(csv.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(xlsx.failures()).isEmpty();
        assertThat(xlsx.status()).isEqualTo(BatchStatus.COMPLETED);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode fromCsv = mapper.readTree(tmp.resolve("csv/2024/bizenv-report-2024.json").toFile());
        // the provenance names the file the values come from; otherwise every part but the run's meta is the same
        JsonNode fromXlsx = mapper.readTree(Files.readString(tmp.resolve("xlsx/2024/bizenv-report-2024.json"))
                .replace("survey-export.xlsx: ", "survey.csv: "));
        for (String part : (Iterable<String>) () -> fromCsv.propertyNames().iterator()) {
            if (!part.equals("meta")) {
                assertThat(fromXlsx.get(part)).as(part).isEqualTo(fromCsv.get(part));
            }
        }
    }

    @Test
    void aMappedHeaderTheExportLacksIsAnInputError() throws Exception {
        Path data = tmp.resolve("data/2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, data);
        export(data.resolve("survey.csv"), data.resolve("survey-export.xlsx"));

        EvaluationRunner.Outcome o = run(framework(COLUMNS.replace("所在城市", "城市")), data, tmp.resolve("out"));

        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.failures()).singleElement().isInstanceOf(InputDataException.class);
        assertThat(((InputDataException) o.failures().get(0)).problems()).extracting(Object::toString)
                .contains("survey-export.xlsx!问卷数据: missing column '城市' (the source's columns: map City to it); "
                        + "correct the header in 'columns:' or in the file");
    }
}
