package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    void cellsUnderTheMinimumSampleAreListedAndShaded() {
        JsonNode first = json.get("survey").get(0);
        JsonNode micro = first.get("bySize").get("micro");
        List<String> thin = new ArrayList<>();
        micro.get("belowMinSample").forEach(x -> thin.add(x.asString()));
        for (String u : units()) {
            int n = micro.get("answers").get(u).asInt();
            assertThat(thin.contains(u)).as(u + " with " + n).isEqualTo(n > 0 && n < 400);
        }
        // every industry cell of a city holds far fewer than 400 answers in the sample
        JsonNode industry = first.get("byIndustry").get(0);
        List<String> thinIndustry = new ArrayList<>();
        industry.get("belowMinSample").forEach(x -> thinIndustry.add(x.asString()));
        assertThat(thinIndustry).containsExactlyElementsOf(units().stream()
                .filter(u -> industry.get("answers").get(u).asInt() > 0).toList());

        Sheet sheet = workbook.getSheet("Survey breakdown");
        assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("分组 Breakdown");
        Row row = find(sheet, units().get(0), first.get("indicator").asString(), "行业 Industry",
                industry.get("industry").asString());
        assertThat(row.getCell(7).getNumericCellValue())
                .isEqualTo(industry.get("value").get(units().get(0)).asDouble());
        assertThat((int) row.getCell(8).getNumericCellValue())
                .isEqualTo(industry.get("answers").get(units().get(0)).asInt());
        assertThat(row.getCell(9).getStringCellValue()).isEqualTo("是（少于400）Yes (under 400)");
        assertThat(row.getCell(7).getCellStyle().getFillForegroundColorColor()).isNotNull();
    }

    @Test
    void theSurveySheetShowsTheValueBesideItsStandardErrorAndInterval() {
        Sheet sheet = workbook.getSheet("Survey");
        assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("标准误 Standard error");
        assertThat(sheet.getLastRowNum() - 1).isEqualTo(units().size() * 12);
        for (JsonNode s : json.get("survey")) {
            String unit = units().get(3);
            Row row = find(sheet, unit, s.get("indicator").asString(), null, null);
            assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(s.get("value").get(unit).asDouble());
            assertThat((int) row.getCell(7).getNumericCellValue()).isEqualTo(s.get("answers").get(unit).asInt());
            assertThat(row.getCell(8).getNumericCellValue()).isCloseTo(s.get("standardError").get(unit).asDouble(),
                    within(0.0));
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(s.get("low").get(unit).asDouble());
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(s.get("high").get(unit).asDouble());
        }
    }

    /** The row of a unit and indicator (and, on the breakdown sheet, a breakdown and group). */
    private static Row find(Sheet sheet, String unit, String indicator, String breakdown, String group) {
        for (Row r : sheet) {
            if (r.getRowNum() >= 2 && r.getCell(1).getStringCellValue().equals(unit)
                    && r.getCell(2).getStringCellValue().equals(indicator)
                    && (breakdown == null || r.getCell(5).getStringCellValue().equals(breakdown)
                    && r.getCell(6).getStringCellValue().equals(group))) {
                return r;
            }
        }
        throw new AssertionError("no row of " + unit + " " + indicator + " " + breakdown + " " + group);
    }
}
