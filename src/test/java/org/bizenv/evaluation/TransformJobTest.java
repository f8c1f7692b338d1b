package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A framework with a {@code transform} through the whole job: the transformed values are a stage of their own in both
 * reports, between Imputed and Treated, and are exactly the transform of the imputed values.
 */
class TransformJobTest extends JobTestBase {

    private static final String INDICATOR = "INN.OUT.1";

    @TempDir
    Path tmp;

    @Test
    void theTransformedStageIsReportedInExcelAndJsonAsTheLnOfTheImputedValues() throws Exception {
        Path indicators = Files.createDirectories(tmp.resolve("indicators"));
        Files.copy(Path.of("indicators/cities-36.csv"), indicators.resolve("cities-36.csv"));
        String yaml = Files.readString(Path.of("indicators/miit-sme-2024.yaml"));
        String anchor = "  - code: " + INDICATOR + "\n    parent: INN.OUT\n";
        assertThat(yaml).contains(anchor);
        Path framework = indicators.resolve("miit-sme-2024.yaml");
        Files.writeString(framework, yaml.replace(anchor, anchor + "    transform: ln\n"));

        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(framework, Path.of("sample-data/2024"), 2024,
                out, null, "2025-03-01T00:00:00Z").withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode stages = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile())
                .get("stages");
        assertThat(stages.propertyNames()).containsExactly("raw", "denominated", "imputed", "transformed", "treated",
                "normalised");
        JsonNode imputed = stages.get("imputed").get("values").get(INDICATOR);
        JsonNode transformed = stages.get("transformed").get("values").get(INDICATOR);
        assertThat(transformed.size()).isEqualTo(36).isEqualTo(imputed.size());
        for (var e : imputed.properties()) {
            assertThat(transformed.get(e.getKey()).asDouble()).as(e.getKey())
                    .isEqualTo(Math.log(e.getValue().asDouble()));
        }
        // the other indicators pass through unchanged
        assertThat(stages.get("transformed").get("values").get("INN.OUT.2"))
                .isEqualTo(stages.get("imputed").get("values").get("INN.OUT.2"));

        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
            int imputedAt = wb.getSheetIndex("Imputed");
            assertThat(wb.getSheetIndex("Transformed")).isEqualTo(imputedAt + 1);
            assertThat(wb.getSheetIndex("Treated")).isEqualTo(imputedAt + 2);
            Sheet sheet = wb.getSheet("Transformed");
            double first = firstValueOf(sheet, INDICATOR);
            assertThat(first).isEqualTo(Math.log(firstValueOf(wb.getSheet("Imputed"), INDICATOR)));
        }
    }

    /** The first number below the header cell that holds {@code code} (names and units may sit between). */
    private static double firstValueOf(Sheet sheet, String code) {
        for (Row row : sheet) {
            for (var cell : row) {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && cell.getStringCellValue().equals(code)) {
                    for (int r = row.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                        var below = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(cell.getColumnIndex());
                        if (below != null && below.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            return below.getNumericCellValue();
                        }
                    }
                }
            }
        }
        throw new AssertionError(code + " not found on " + sheet.getSheetName());
    }
}
