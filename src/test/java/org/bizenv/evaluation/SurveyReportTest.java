package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled sample's survey detail as both reports publish it: each survey indicator's value beside its standard
 * error and 95 % interval, and its breakdowns by size class and industry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyReportTest extends JobTestBase {

    static final Path out = tempDir("bizenv-survey-reports");
    /**
     * Industry cells of the sample under 30 answers: 860 of 4,752 (at the city's 400 it was all of them); and Beijing's
     * MKT.GOV.3 (share favourable): 283 of its 346 small firms favourable, 76.22 % of its 63 firms of 交通运输仓储和邮政业
     * at the size mix.
     */
    static final int THIN_INDUSTRY_CELLS = 860;
    static final double FIRST_SMALL_VALUE = 81.79190751445087;
    static final int FIRST_SMALL_ANSWERS = 346;
    static final double FIRST_INDUSTRY_VALUE = 76.2215909090909;
    static final int FIRST_INDUSTRY_ANSWERS = 63;

    JsonNode json;
    XSSFWorkbook workbook;

    @BeforeAll
    void runTheSample() throws Exception {
        var o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, out,
                null, EvaluationJobTest.AT).withRobustness(RobustnessSettings.off()));
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        try (InputStream in = Files.newInputStream(out.resolve("2024/bizenv-report-2024.xlsx"))) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        workbook.close();
        try (var s = Files.walk(out)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<String> units() {
        List<String> u = new ArrayList<>();
        json.get("units").forEach(x -> u.add(x.get("code").asString()));
        return u;
    }

    @Test
    void everySurveyIndicatorHasItsRawValueWithAnIntervalAroundIt() {
        JsonNode raw = json.get("stages").get("raw").get("values");
        List<String> survey = new ArrayList<>();
        json.get("indicators").forEach(i -> {
            if ("survey".equals(i.get("channel").asString())) {
                survey.add(i.get("code").asString());
            }
        });
        List<String> listed = new ArrayList<>();
        json.get("survey").forEach(s -> listed.add(s.get("indicator").asString()));
        assertThat(listed).isEqualTo(survey).hasSize(12);
        for (JsonNode s : json.get("survey")) {
            String ind = s.get("indicator").asString();
            assertThat(s.get("minSample").asInt()).isEqualTo(400);
            for (String u : units()) {
                double v = s.get("value").get(u).asDouble();
                double se = s.get("standardError").get(u).asDouble();
                // the very value the indices were computed from
                assertThat(v).as(ind + " " + u).isEqualTo(raw.get(ind).get(u).asDouble());
                // about 1,000 answers a city: an SE of a few points, far from 0 and from the scale
                assertThat(se).as(ind + " " + u).isBetween(0.3, 5.0);
                assertThat(s.get("low").get(u).asDouble()).isEqualTo(Math.max(0, v - 1.96 * se));
                assertThat(s.get("high").get(u).asDouble()).isEqualTo(Math.min(100, v + 1.96 * se));
                int n = s.get("answers").get(u).asInt();
                int bySize = 0;
                for (String size : List.of("micro", "small", "medium")) {
                    bySize += s.get("bySize").get(size).get("answers").get(u).asInt();
                }
                int byIndustry = 0;
                for (JsonNode i : s.get("byIndustry")) {
                    byIndustry += i.get("answers").get(u).asInt();
                }
                assertThat(bySize).as(ind + " " + u).isEqualTo(n);
                assertThat(byIndustry).as(ind + " " + u).isEqualTo(n);
            }
            // the sample's industries, in order of their text
            assertThat(s.get("byIndustry")).hasSize(11);
            assertThat(s.get("byIndustry").get(0).get("industry").asString()).isEqualTo("交通运输仓储和邮政业");
        }
    }

    @Test
    void breakdownCellsAreHeldToTheBreakdownMinimumAndShadedOnTheWideSheet() {
        JsonNode first = json.get("survey").get(0);
        assertThat(first.get("minSample").asInt()).isEqualTo(400);
        assertThat(first.get("breakdownMinSample").asInt()).isEqualTo(30); // the framework's breakdown-min-sample
        // the city values against 400, their groups against 30
        for (JsonNode cells : List.of(first.get("bySize").get("micro"), first.get("bySize").get("medium"),
                first.get("byIndustry").get(0))) {
            List<String> thin = new ArrayList<>();
            cells.get("belowMinSample").forEach(x -> thin.add(x.asString()));
            for (String u : units()) {
                int n = cells.get("answers").get(u).asInt();
                assertThat(thin.contains(u)).as(u + " with " + n).isEqualTo(n > 0 && n < 30);
            }
        }
        // no longer a flag on every industry cell: in the sample, of 36 cities × 12 indicators × 11 industries
        int industryCells = 0;
        int thinCells = 0;
        for (JsonNode s : json.get("survey")) {
            for (JsonNode i : s.get("byIndustry")) {
                industryCells += units().size();
                thinCells += i.get("belowMinSample").size();
            }
        }
        assertThat(industryCells).isEqualTo(36 * 12 * 11);
        assertThat(thinCells).isEqualTo(THIN_INDUSTRY_CELLS);

        Sheet sheet = workbook.getSheet("Survey breakdown");
        // title, legend, size class | industry, the groups, the column heads; a row per city and indicator
        assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).startsWith("＝该组有效回答少于 30 份");
        assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("微型 Micro");
        assertThat(sheet.getRow(3).getCell(9).getStringCellValue()).isEqualTo("交通运输仓储和邮政业");
        assertThat(sheet.getRow(4).getCell(9).getStringCellValue()).isEqualTo("值 Value");
        assertThat(sheet.getRow(4).getCell(10).getStringCellValue()).isEqualTo("回答 n");
        assertThat(sheet.getLastRowNum()).isEqualTo(4 + units().size() * 12);
        for (JsonNode s : json.get("survey")) {
            String ind = s.get("indicator").asString();
            for (String unit : List.of(units().get(0), units().get(17))) {
                Row row = find(sheet, unit, ind);
                JsonNode micro = s.get("bySize").get("micro");
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(micro.get("value").get(unit).asDouble());
                assertThat((int) row.getCell(4).getNumericCellValue()).isEqualTo(micro.get("answers").get(unit).asInt());
                for (int i = 0; i < 11; i++) {
                    JsonNode industry = s.get("byIndustry").get(i);
                    int n = industry.get("answers").get(unit).asInt();
                    Cell value = row.getCell(9 + 2 * i);
                    assertThat(value.getNumericCellValue()).as(ind + " " + unit + " " + i)
                            .isEqualTo(industry.get("value").get(unit).asDouble());
                    assertThat((int) row.getCell(10 + 2 * i).getNumericCellValue()).isEqualTo(n);
                    assertThat(value.getCellStyle().getFillPattern() == FillPatternType.SOLID_FOREGROUND)
                            .as(ind + " " + unit + " " + i + " with " + n).isEqualTo(n < 30);
                }
            }
        }
        // one city's row by hand: the first city, the first indicator, small firms and the first industry
        Row row = find(sheet, units().get(0), first.get("indicator").asString());
        assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(FIRST_SMALL_VALUE);
        assertThat((int) row.getCell(6).getNumericCellValue()).isEqualTo(FIRST_SMALL_ANSWERS);
        assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(FIRST_INDUSTRY_VALUE);
        assertThat((int) row.getCell(10).getNumericCellValue()).isEqualTo(FIRST_INDUSTRY_ANSWERS);
    }

    @Test
    void theSurveySheetShowsTheValueBesideItsStandardErrorAndInterval() {
        Sheet sheet = workbook.getSheet("Survey");
        assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("标准误 Standard error");
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(units().size() * 12);
        for (JsonNode s : json.get("survey")) {
            String unit = units().get(3);
            Row row = find(sheet, unit, s.get("indicator").asString());
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(s.get("value").get(unit).asDouble());
            assertThat((int) row.getCell(7).getNumericCellValue()).isEqualTo(s.get("answers").get(unit).asInt());
            assertThat(row.getCell(8).getNumericCellValue()).isCloseTo(s.get("standardError").get(unit).asDouble(),
                    within(0.0));
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(s.get("low").get(unit).asDouble());
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(s.get("high").get(unit).asDouble());
        }
    }

    /** The row of a unit and indicator. */
    private static Row find(Sheet sheet, String unit, String indicator) {
        for (Row r : sheet) {
            if (r.getRowNum() >= 2 && r.getCell(1) != null && r.getCell(1).getStringCellValue().equals(unit)
                    && r.getCell(2).getStringCellValue().equals(indicator)) {
                return r;
            }
        }
        throw new AssertionError("no row of " + unit + " " + indicator);
    }
}
