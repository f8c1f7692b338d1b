package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.report.ReadBack.open;
import static org.bizenv.report.ReadBack.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
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
 * The city report cards of the bundled sample, read back from the published workbooks and compared with the JSON
 * report of the same run: a card's numbers are the report's numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CityCardJobTest extends JobTestBase {

    static final Path tmp = tempDir("bizenv-card-reports");

    JsonNode json;
    /** The 2023 report of the sample's 2023 data: what --previous-data re-scores for the 2024 report. */
    JsonNode json2023;
    Path year;

    @BeforeAll
    void runTheSampleTwice() throws Exception {
        for (String out : List.of("a", "b")) {
            var o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024,
                    tmp.resolve(out), EvaluationJobTest.DATA_2023, EvaluationJobTest.AT)
                    .withRobustness(RobustnessSettings.off()));
            assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        }
        year = tmp.resolve("a/2024");
        json = JsonMapper.builder().build().readTree(year.resolve("bizenv-report-2024.json").toFile());
        var o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2023, 2023,
                tmp.resolve("last"), null, EvaluationJobTest.AT).withRobustness(RobustnessSettings.off()));
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        json2023 = JsonMapper.builder().build().readTree(tmp.resolve("last/2023/bizenv-report-2023.json").toFile());
    }

    @AfterAll
    void cleanUp() throws Exception {
        try (var s = Files.walk(tmp)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void everyRankedUnitHasACardAndTheTeamHasThemAllInOneWorkbook() throws Exception {
        List<String> ranked = new ArrayList<>();
        for (JsonNode row : json.get("ranking")) {
            if (row.get("rank").isNumber()) {
                ranked.add(row.get("unit").asString());
            }
        }
        assertThat(ranked).hasSize(36);
        try (Stream<Path> s = Files.list(year.resolve("cities"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(ranked.stream().map(u -> u + ".xlsx").sorted().toList());
        }
        try (var wb = open(year.resolve("cities.xlsx"))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(36);
            // best rank first, named by the city's Chinese name
            assertThat(wb.getSheetName(0)).isEqualTo(zh(ranked.get(0)));
            assertThat(wb.getSheetName(35)).isEqualTo(zh(ranked.get(35)));
        }
    }

    @Test
    void theCardsAreByteIdenticalAcrossRuns() throws Exception {
        Path b = tmp.resolve("b/2024");
        int files = 0;
        try (Stream<Path> s = Files.walk(year.resolve("cities"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readAllBytes(b.resolve(year.relativize(p).toString())))
                        .as(p.toString()).isEqualTo(Files.readAllBytes(p));
                files++;
            }
        }
        assertThat(files).isEqualTo(36);
        assertThat(Files.readAllBytes(b.resolve("cities.xlsx"))).isEqualTo(Files.readAllBytes(year.resolve("cities.xlsx")));
    }

    @Test
    void aCardsNumbersAreTheReportsNumbers() throws Exception {
        for (String unit : List.of("guangzhou", "zhengzhou", "lhasa")) {
            JsonNode row = rankingRow(unit);
            try (var wb = open(year.resolve("cities/" + unit + ".xlsx"))) {
                Sheet s = wb.getSheetAt(0);
                String all = text(s);
                assertThat(all).contains("合成数据，非官方结果 SYNTHETIC data, not official results");

                Row head = below(s, "综合得分 Index score", 1);
                assertThat(head.getCell(0).getNumericCellValue()).isEqualTo(row.get("score").asDouble());
                assertThat((int) head.getCell(1).getNumericCellValue()).isEqualTo(row.get("rank").asInt());
                assertThat(head.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0\" / 36\"");
                JsonNode tier = json.get("meta").get("tierNames").get(row.get("tier").asInt() - 1);
                assertThat(head.getCell(3).getStringCellValue())
                        .isEqualTo(tier.get("zh").asString() + " " + tier.get("en").asString());
                assertThat(head.getCell(6).getNumericCellValue()).isEqualTo(row.get("scoreChange").asDouble());

                int d = 0;
                for (JsonNode node : json.get("nodes")) {
                    if (!"INDEX".equals(node.get("parent").asString(null))) {
                        continue;
                    }
                    String code = node.get("code").asString();
                    Row r = below(s, "维度 Dimension", 1 + d);
                    assertThat(r.getCell(0).getStringCellValue()).isEqualTo(names(node));
                    assertThat(r.getCell(1).getNumericCellValue())
                            .isEqualTo(row.get("dimensionScores").get(code).asDouble());
                    assertThat((int) r.getCell(2).getNumericCellValue())
                            .isEqualTo(row.get("dimensionRanks").get(code).asInt());
                    double[] scores = doubles(node.get("scores"));
                    assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(median(scores));
                    assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(Arrays.stream(scores).max().orElseThrow());
                    // the change since last year: this year's report minus last year's, score and rank
                    JsonNode last = rankingRow(json2023, unit);
                    double was = last.get("dimensionScores").get(code).asDouble();
                    int wasRank = last.get("dimensionRanks").get(code).asInt();
                    assertThat(row.get("previousDimensionScores").get(code).asDouble()).isEqualTo(was);
                    assertThat(row.get("previousDimensionRanks").get(code).asInt()).isEqualTo(wasRank);
                    assertThat(r.getCell(7).getNumericCellValue())
                            .isEqualTo(row.get("dimensionScores").get(code).asDouble() - was)
                            .isEqualTo(row.get("dimensionScoreChanges").get(code).asDouble());
                    assertThat((int) r.getCell(8).getNumericCellValue())
                            .isEqualTo(wasRank - row.get("dimensionRanks").get(code).asInt())
                            .isEqualTo(row.get("dimensionRankChanges").get(code).asInt());
                    assertThat(r.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("\"↑\"0;\"↓\"0;\"=\"");
                    d++;
                }
                assertThat(d).isEqualTo(5);

                // strongest: the three best indicator ranks of the report; weakest: the three worst
                Map<String, Integer> ranks = indicatorRanks(unit);
                List<Integer> sorted = ranks.values().stream().sorted().toList();
                checkIndicators(s, "优势 Strongest", unit, ranks, sorted.subList(0, 3));
                checkIndicators(s, "短板 Weakest", unit, ranks, ranks.values().stream().sorted(java.util.Comparator.reverseOrder()).toList().subList(0, 3));

                assertThat(all).contains("The robustness analysis was off for this run (--no-robustness)");
            }
        }
    }

    @Test
    void aDimensionsChangeIsTheSameNumberOnEveryCityCard() throws Exception {
        // Guangzhou's exact figures on its first dimension, from the two reports
        JsonNode row = rankingRow("guangzhou");
        JsonNode last = rankingRow(json2023, "guangzhou");
        String code = row.get("dimensionScores").propertyNames().iterator().next();
        double change = row.get("dimensionScores").get(code).asDouble() - last.get("dimensionScores").get(code).asDouble();
        assertThat(row.get("dimensionScoreChanges").get(code).asDouble()).isEqualTo(change);
        assertThat(Math.abs(change)).isGreaterThan(0);
        try (var all = open(year.resolve("cities.xlsx")); var one = open(year.resolve("cities/guangzhou.xlsx"))) {
            Row inAll = below(all.getSheet(zh("guangzhou")), "维度 Dimension", 1);
            Row inOne = below(one.getSheetAt(0), "维度 Dimension", 1);
            assertThat(inAll.getCell(7).getNumericCellValue()).isEqualTo(change);
            assertThat(inOne.getCell(7).getNumericCellValue()).isEqualTo(change);
        }
    }

    @Test
    void theReportListsTheCardFilesItWasPublishedWith() throws Exception {
        JsonNode cards = json.get("cards");
        assertThat(cards.get("all").asString()).isEqualTo("cities.xlsx");
        assertThat(year.resolve(cards.get("all").asString())).isRegularFile();
        List<String> listed = new ArrayList<>();
        for (JsonNode c : cards.get("units")) {
            assertThat(c.get("path").asString()).isEqualTo("cities/" + c.get("unit").asString() + ".xlsx");
            listed.add(c.get("path").asString());
        }
        try (Stream<Path> s = Files.list(year.resolve("cities"))) {
            assertThat(s.map(p -> "cities/" + p.getFileName()).sorted().toList())
                    .isEqualTo(listed.stream().sorted().toList());
        }
        assertThat(listed.get(0)).isEqualTo("cities/" + json.get("ranking").get(0).get("unit").asString() + ".xlsx");
    }

    @Test
    void aThinSurveySampleIsOnTheCityCard() throws Exception {
        // the survey step's finding as data in the report, and in words with the city named in each language first
        List<String> thin = new ArrayList<>();
        for (JsonNode t : json.get("thinSamples")) {
            thin.add(t.get("unit").asString() + " " + t.get("indicator").asString() + " " + t.get("question").asString()
                    + " " + t.get("answers").asInt() + "/" + t.get("minimum").asInt());
        }
        assertThat(thin).contains("lhasa FIN.SAT.1 Q09 346/400");
        List<String> zh = new ArrayList<>();
        json.get("warnings").forEach(w -> zh.add(w.get("zh").asString()));
        assertThat(zh).contains("指标 FIN.SAT.1：拉萨（Lhasa） 对 Q09 的有效回答只有 346 份，少于最低样本量 400");
        try (var wb = open(year.resolve("cities/lhasa.xlsx"))) {
            assertThat(text(wb.getSheetAt(0))).contains("Perceived change in financing difficulty (only 346 valid "
                    + "answers to survey question Q09, under the minimum of 400)");
        }
        try (var wb = open(year.resolve("cities/guangzhou.xlsx"))) {
            assertThat(text(wb.getSheetAt(0))).contains("无，所有数值均为实报 None: every value was reported");
        }
    }

    @Test
    void withTheRobustnessAnalysisTheCardGivesTheReportsBandAndReversal() throws Exception {
        Path out = tmp.resolve("robust");
        var o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, out,
                EvaluationJobTest.DATA_2023, null, EvaluationJobTest.AT,
                new RobustnessSettings(true, List.of(), 300, "uniform:0.25", 128, 1).withSurveyBootstrap(50)));
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        JsonNode r = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        JsonNode band = null;
        for (JsonNode u : r.get("robustness").get("uncertainty").get("units")) {
            if (u.get("unit").asString().equals("zhengzhou")) {
                band = u;
            }
        }
        List<String> sentences = new ArrayList<>();
        for (JsonNode x : r.get("robustness").get("rankReversals")) {
            if (x.get("ahead").asString().equals("zhengzhou") || x.get("behind").asString().equals("zhengzhou")) {
                sentences.add(x.get("sentence").get("en").asString());
            }
        }
        assertThat(sentences).hasSize(2);
        String sampling = null;
        for (JsonNode u : r.get("robustness").get("sampling").get("units")) {
            if (u.get("unit").asString().equals("zhengzhou")) {
                sampling = u.get("sentence").get("en").asString();
            }
        }
        assertThat(sampling).startsWith("with another sample of firms, Zhengzhou would rank ");
        try (var wb = open(out.resolve("2024/cities/zhengzhou.xlsx"))) {
            String all = text(wb.getSheetAt(0));
            int lo = (int) Math.floor(band.get("rankP05").asDouble());
            int hi = (int) Math.ceil(band.get("rankP95").asDouble());
            assertThat(all).contains("Re-calculated 300 times with each weight moved at random by up to ±25 %, "
                    + "Zhengzhou ranked " + (lo == hi ? ordinal(lo) : "between " + ordinal(lo) + " and " + ordinal(hi))
                    + " in 90 % of the runs.");
            for (String sentence : sentences) {
                assertThat(all).contains(sentence);
            }
            assertThat(all).contains("Survey sampling error: " + sampling);
        }
    }

    private void checkIndicators(Sheet s, String title, String unit, Map<String, Integer> ranks,
                                 List<Integer> expectedRanks) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode ind : json.get("indicators")) {
            byName.put(names(ind), ind);
        }
        List<Integer> seen = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Row r = below(s, title, k);
            JsonNode ind = byName.get(r.getCell(0).getStringCellValue());
            assertThat(ind).as(r.getCell(0).getStringCellValue()).isNotNull();
            String code = ind.get("code").asString();
            int rank = (int) r.getCell(1).getNumericCellValue();
            assertThat(rank).isEqualTo(ranks.get(code));
            seen.add(rank);
            double[] values = doubles(json.get("stages").get("imputed").get("values").get(code));
            double value = json.get("stages").get("imputed").get("values").get(code).get(unit).asDouble();
            assertThat(r.getCell(2).getNumericCellValue()).isEqualTo(value);
            assertThat(r.getCell(3).getStringCellValue()).startsWith(ind.get("unit").asString());
            assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(median(values));
            assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(value - median(values));
            // the best city's value: the one ranked first on this indicator
            String best = null;
            var it = ind.get("ranks").properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().isNumber() && e.getValue().asInt() == 1 && best == null) {
                    best = e.getKey();
                }
            }
            assertThat(r.getCell(7).getNumericCellValue())
                    .isEqualTo(json.get("stages").get("imputed").get("values").get(code).get(best).asDouble());
        }
        assertThat(seen).isEqualTo(expectedRanks);
    }

    private Map<String, Integer> indicatorRanks(String unit) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode ind : json.get("indicators")) {
            JsonNode r = ind.get("ranks").get(unit);
            if (r != null && r.isNumber()) {
                out.put(ind.get("code").asString(), r.asInt());
            }
        }
        return out;
    }

    private JsonNode rankingRow(String unit) {
        return rankingRow(json, unit);
    }

    private static JsonNode rankingRow(JsonNode json, String unit) {
        for (JsonNode row : json.get("ranking")) {
            if (row.get("unit").asString().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no ranking row for " + unit);
    }

    private String zh(String unit) {
        for (JsonNode u : json.get("units")) {
            if (u.get("code").asString().equals(unit)) {
                return u.get("name").get("zh").asString();
            }
        }
        throw new AssertionError(unit);
    }

    private static String names(JsonNode element) {
        return element.get("name").get("zh").asString() + " " + element.get("name").get("en").asString();
    }

    private static double[] doubles(JsonNode byUnit) {
        List<Double> v = new ArrayList<>();
        var it = byUnit.properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().isNumber()) {
                v.add(e.getValue().asDouble());
            }
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    private static String ordinal(int n) {
        int h = n % 100;
        return n + (h >= 11 && h <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th");
    }

    /** The row {@code offset} rows below the first whose first cell is {@code label}. */
    private static Row below(Sheet s, String label, int offset) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return s.getRow(r.getRowNum() + offset);
            }
        }
        throw new AssertionError("no row '" + label + "' on " + s.getSheetName());
    }
}
