package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.ingest.InputDataException;
import org.bizenv.rank.Ranking;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yearly job with the robustness analysis on the bundled sample (modest run counts): both reports carry every
 * part, a scenario that doubles the financing weight ranks as a hand computation from the report's own dimension
 * scores and the rank-reversal margins predict, and an analyst's edit of the report's Weights sheet comes back as a
 * scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobustnessJobTest extends JobTestBase {

    static final Path tmp = tempDir("bizenv-robustness-reports");
    static final Path SAMPLE_SCENARIOS = Path.of("indicators/scenarios/miit-sme-2024-scenarios.yaml");



    /** Survey bootstrap replicates of these runs. */
    static final int BOOTSTRAP = 200;

    Path out;
    JsonNode json;

    @BeforeAll
    void runTheSampleWithScenarios() throws Exception {
        Path finDouble = tmp.resolve("fin-double.yaml");
        Files.writeString(finDouble, """
                scenarios:
                  - id: fin-double
                    name: {zh: 融资权重加倍, en: Financing weight doubled}
                    weights: {FIN: 0.44}
                """);
        out = tmp.resolve("reports");
        var o = run(out, List.of(SAMPLE_SCENARIOS, finDouble), 300, 128);
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
    }

    private EvaluationRunner.Outcome run(Path output, List<Path> scenarios, int runs, int samples) throws Exception {
        return runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, output,
                EvaluationJobTest.DATA_2023, null, EvaluationJobTest.AT,
                new RobustnessSettings(true, scenarios, runs, "uniform:0.25", samples, BOOTSTRAP, 1)));
    }

    @AfterAll
    void cleanUp() throws Exception {
        for (Path root : new Path[] {repository, tmp}) {
            try (var s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void bothReportsCarryEveryPartOfTheAnalysis() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            assertThat(schema.validate(Files.readString(out.resolve("2024/bizenv-report-2024.json")),
                    InputFormat.JSON)).isEmpty();
        }
        JsonNode rb = json.get("robustness");
        assertThat(rb.get("settings").get("scenarioFiles").toString())
                .isEqualTo("[\"indicators/scenarios/miit-sme-2024-scenarios.yaml\",\"" + EvaluationRequest.shown(
                        tmp.resolve("fin-double.yaml").toAbsolutePath()) + "\"]");
        assertThat(rb.get("uncertainty").get("runs").asInt()).isEqualTo(300);
        assertThat(rb.get("uncertainty").get("units")).hasSize(36);
        assertThat(rb.get("uncertainty").get("units").get(0).get("nominalRank").asInt()).isEqualTo(1);
        assertThat(rb.get("sensitivity").get("runs").asInt()).isEqualTo(128 * (5 + 2));
        List<String> inputs = new ArrayList<>();
        rb.get("sensitivity").get("inputs").forEach(x -> inputs.add(x.get("label").asString()));
        assertThat(inputs).containsExactly("weight:MKT", "weight:LAW", "weight:FIN", "weight:INN", "weight:POL");
        assertThat(rb.get("oneAtATime").get("removals")).hasSize(38 + 5);
        assertThat(rb.get("rankReversals")).hasSize(35);
        rb.get("rankReversals").forEach(r -> assertThat(r.get("exact").asBoolean()).isTrue());
        List<String> ids = new ArrayList<>();
        rb.get("scenarios").get("runs").forEach(r -> ids.add(r.get("id").asString()));
        assertThat(ids).containsExactly("nominal", "financing-heavy", "equal-dimensions", "less-compensatory",
                "fin-double");
        assertThat(json.get("meta").get("parameters").get("uncertainty-runs").asString()).isEqualTo("300");
        List<String> scenarioSources = new ArrayList<>();
        json.get("meta").get("sources").forEach(f -> {
            if (f.get("channel").asString().equals("scenarios")) {
                scenarioSources.add(f.get("path").asString());
            }
        });
        assertThat(scenarioSources).containsExactly("indicators/scenarios/miit-sme-2024-scenarios.yaml",
                EvaluationRequest.shown(tmp.resolve("fin-double.yaml").toAbsolutePath()));
        assertThat(json.get("methodology").toString()).contains("\"element\":\"uncertainty\",\"level\":\"robustness\"");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("2024/bizenv-report-2024.xlsx")))) {
            for (String sheet : List.of("Sensitivity", "One at a time", "Rank reversals", "Scenarios")) {
                assertThat(wb.getSheet(sheet)).as(sheet).isNotNull();
            }
            XSSFDrawing drawing = wb.getSheet("Sensitivity").getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(1);
            var data = drawing.getCharts().get(0).getChartSeries();
            assertThat(data.get(0)).isInstanceOf(XDDFBarChartData.class);
            assertThat(data.get(1)).isInstanceOf(XDDFLineChartData.class);
            assertThat(data.get(0).getSeries(1).getValuesData().getPointCount()).isEqualTo(36);
        }
    }

    /**
     * The survey bootstrap on the sample: every respondent resampled within city and size class, per city a sampling
     * interval and a combined one with its sentence, per survey indicator a standard error; in the JSON and beside the
     * weights' interval in the Sensitivity sheet.
     */
    @Test
    void theSurveyBootstrapGivesEveryCityASamplingIntervalInBothReports() throws Exception {
        JsonNode b = json.get("robustness").get("sampling");
        assertThat(json.get("robustness").get("settings").get("surveyBootstrap").asInt()).isEqualTo(BOOTSTRAP);
        assertThat(b.get("replicates").asInt()).isEqualTo(BOOTSTRAP);
        assertThat(b.get("seed").asLong()).isEqualTo(1);
        assertThat(b.get("respondents").asLong()).isEqualTo(35_800);
        assertThat(b.get("patterns").asInt()).isBetween(35_000, 35_800);
        assertThat(b.get("units")).hasSize(36);
        double sampledWidth = 0;
        double combinedWidth = 0;
        Map<String, String> names = new HashMap<>();
        json.get("units").forEach(u -> names.put(u.get("code").asString(), u.get("name").get("en").asString()));
        for (JsonNode row : b.get("units")) {
            double lo = row.get("rankP05").asDouble();
            double hi = row.get("rankP95").asDouble();
            assertThat(row.get("rankedReplicates").asInt()).isEqualTo(BOOTSTRAP);
            assertThat(lo).isLessThanOrEqualTo(row.get("medianRank").asDouble()).isGreaterThanOrEqualTo(1);
            assertThat(hi).isGreaterThanOrEqualTo(row.get("medianRank").asDouble()).isLessThanOrEqualTo(36);
            sampledWidth += hi - lo;
            combinedWidth += row.get("combinedRankP95").asDouble() - row.get("combinedRankP05").asDouble();
            int from = (int) Math.floor(lo);
            int to = (int) Math.ceil(hi);
            String span = from == to ? "第 " + from + " 名" : "第 " + from + "–" + to + " 名";
            assertThat(row.get("sentence").get("zh").asString()).startsWith("换一批企业抽样，")
                    .endsWith("的排名在 90% 的情况下位于" + span);
            assertThat(row.get("sentence").get("en").asString()).startsWith("with another sample of firms, "
                    + names.get(row.get("unit").asString()) + " would rank ").endsWith(" in 90 % of cases");
        }
        assertThat(sampledWidth).as("sampling error moves some ranks").isPositive();
        assertThat(combinedWidth).as("sampling and weights together move ranks more").isGreaterThan(sampledWidth);
        JsonNode indicators = b.get("indicators");
        assertThat(indicators).hasSize(12);
        for (JsonNode ind : indicators) {
            assertThat(ind.get("units")).hasSize(36);
            for (JsonNode u : ind.get("units")) {
                // about 1,000 answers a city: a standard error of a point or two on a 0–100 scale
                assertThat(u.get("standardError").asDouble()).as(ind.get("indicator").asString())
                        .isGreaterThan(0).isLessThan(4);
            }
        }
        assertThat(json.get("methodology").toString())
                .contains("\"element\":\"survey-bootstrap\",\"level\":\"robustness\"");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out.resolve("2024/bizenv-report-2024.xlsx")))) {
            Sheet sheet = wb.getSheet("Sensitivity");
            DataFormatter f = new DataFormatter();
            Row header = null;
            for (Row r : sheet) {
                if (f.formatCellValue(r.getCell(0)).equals("本报告排名 Rank in this report")) {
                    header = r;
                    break;
                }
            }
            assertThat(header).isNotNull();
            List<String> heads = new ArrayList<>();
            header.forEach(c -> heads.add(f.formatCellValue(c)));
            int at = heads.indexOf("换一批企业抽样：区间最好端（第5百分位） Another sample of firms: best end (5th percentile)");
            assertThat(at).isPositive();
            assertThat(heads.get(at + 3)).isEqualTo("抽样与权重变动：区间最差端 Sampling and weights: worst end (95th)");
            Row first = sheet.getRow(header.getRowNum() + 1);
            JsonNode top = b.get("units").get(0);
            assertThat(f.formatCellValue(first.getCell(2))).isEqualTo(top.get("unit").asString());
            assertThat(first.getCell(at).getNumericCellValue()).isEqualTo(top.get("rankP05").asDouble());
            assertThat(first.getCell(at + 3).getNumericCellValue()).isEqualTo(top.get("combinedRankP95").asDouble());
            assertThat(first.getCell(at + 4).getStringCellValue()).isEqualTo(top.get("sentence").get("zh").asString()
                    + "。 " + top.get("sentence").get("en").asString() + ".");
        }
    }

    @Test
    void doublingTheFinancingWeightRanksAsPredicted() {
        // nominal dimension weights as the report states them; the scenario replaces FIN's and renormalises
        String[] dims = {"MKT", "LAW", "FIN", "INN", "POL"};
        double[] w = new double[dims.length];
        for (JsonNode n : json.get("nodes")) {
            for (int d = 0; d < dims.length; d++) {
                if (n.get("code").asString().equals(dims[d])) {
                    w[d] = n.get("weight").asDouble();
                }
            }
        }
        double[] scenario = w.clone();
        scenario[2] = 0.44;
        double sum = 0;
        for (double x : scenario) {
            sum += x;
        }
        double l1 = 0;
        for (int d = 0; d < dims.length; d++) {
            scenario[d] /= sum;
            l1 += Math.abs(scenario[d] - w[d]);
        }
        // by hand: every city's index under the scenario from its dimension scores in the ranking table
        List<String> units = new ArrayList<>();
        json.get("units").forEach(u -> units.add(u.get("code").asString()));
        Map<String, Double> byHand = new HashMap<>();
        for (JsonNode row : json.get("ranking")) {
            double s = 0;
            for (int d = 0; d < dims.length; d++) {
                s += scenario[d] * row.get("dimensionScores").get(dims[d]).asDouble();
            }
            byHand.put(row.get("unit").asString(), s);
        }
        JsonNode run = null;
        for (JsonNode r : json.get("robustness").get("scenarios").get("runs")) {
            if (r.get("id").asString().equals("fin-double")) {
                run = r;
            }
        }
        double[] expected = units.stream().mapToDouble(byHand::get).toArray();
        int[] expectedRanks = Ranking.competition(expected, 2);     // the framework ranks published (2-decimal) scores
        int moved = 0;
        for (int u = 0; u < units.size(); u++) {
            assertThat(run.get("scores").get(units.get(u)).asDouble()).as(units.get(u))
                    .isCloseTo(expected[u], within(1e-9));
            assertThat(run.get("ranks").get(units.get(u)).asInt()).as(units.get(u)).isEqualTo(expectedRanks[u]);
            moved += run.get("rankShift").get(units.get(u)).asInt() != 0 ? 1 : 0;
        }
        assertThat(moved).as("cities whose rank changes").isPositive();

        // the exact L1 margins: a pair whose margin exceeds the scenario's L1 distance cannot swap, and every pair
        // that does swap had a margin within it
        int swapped = 0;
        for (JsonNode r : json.get("robustness").get("rankReversals")) {
            double ahead = byHand.get(r.get("ahead").asString());
            double behind = byHand.get(r.get("behind").asString());
            double margin = r.get("margin").isNull() ? Double.POSITIVE_INFINITY : r.get("margin").asDouble();
            if (margin > l1 + 1e-12) {
                assertThat(ahead).as(r.get("sentence").get("en").asString()).isGreaterThanOrEqualTo(behind);
            }
            if (behind > ahead) {
                swapped++;
                assertThat(margin).as(r.get("sentence").get("en").asString()).isLessThanOrEqualTo(l1 + 1e-12);
            }
        }
        assertThat(swapped).as("adjacent pairs swapped by the scenario").isPositive();
    }

    @Test
    void anEditedWeightsSheetOfTheReportComesBackAsAScenario() throws Exception {
        Path published = out.resolve("2024/bizenv-report-2024.xlsx");
        Path asPublished = tmp.resolve("as-published.xlsx");
        Path edited = tmp.resolve("edited.xlsx");
        Files.copy(published, asPublished);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(published))) {
            Sheet weights = wb.getSheet("Weights");
            DataFormatter fmt = new DataFormatter();
            Row header = weights.getRow(1);
            int codeCol = -1;
            int weightCol = -1;
            for (Cell c : header) {
                String t = fmt.formatCellValue(c);
                codeCol = t.endsWith(" Code") ? c.getColumnIndex() : codeCol;
                weightCol = t.endsWith(" Weight") && !t.contains("Effective") ? c.getColumnIndex() : weightCol;
            }
            boolean done = false;
            for (Row row : weights) {
                Cell code = row.getCell(codeCol);
                if (code != null && "FIN".equals(fmt.formatCellValue(code))) {
                    row.getCell(weightCol).setCellValue(0.44);          // the analyst doubles financing
                    done = true;
                }
            }
            assertThat(done).isTrue();
            try (OutputStream o = Files.newOutputStream(edited)) {
                wb.write(o);
            }
        }

        Path viaYaml = tmp.resolve("via-yaml.yaml");                     // the same workbook named in a scenario file
        Files.writeString(viaYaml, """
                scenarios:
                  - id: via-yaml
                    name: {zh: 分析师权重, en: Analyst's weights}
                    weights-workbook: edited.xlsx
                """);
        Path again = tmp.resolve("again");
        var o = run(again, List.of(edited, asPublished, viaYaml), 0, 0);
        assertThat(o.failures()).isEmpty();
        JsonNode second = JsonMapper.builder().build().readTree(again.resolve("2024/bizenv-report-2024.json").toFile());
        Map<String, JsonNode> runs = new HashMap<>();
        second.get("robustness").get("scenarios").get("runs").forEach(r -> runs.put(r.get("id").asString(), r));
        Map<String, JsonNode> before = new HashMap<>();
        json.get("robustness").get("scenarios").get("runs").forEach(r -> before.put(r.get("id").asString(), r));
        assertThat(runs).containsOnlyKeys("nominal", "edited", "as-published", "via-yaml");
        assertThat(runs.get("via-yaml").get("ranks")).isEqualTo(runs.get("edited").get("ranks"));
        assertThat(runs.get("via-yaml").get("scores")).isEqualTo(runs.get("edited").get("scores"));
        assertThat(runs.get("edited").get("source").asString()).isEqualTo("edited.xlsx!Weights");
        assertThat(second.get("robustness").get("uncertainty").isNull()).isTrue();
        assertThat(second.get("robustness").get("sensitivity").isNull()).isTrue();
        for (JsonNode u : json.get("units")) {
            String code = u.get("code").asString();
            // the edit ranks as the YAML scenario that says the same
            assertThat(runs.get("edited").get("ranks").get(code)).isEqualTo(before.get("fin-double").get("ranks")
                    .get(code));
            assertThat(runs.get("edited").get("scores").get(code).asDouble())
                    .isCloseTo(before.get("fin-double").get("scores").get(code).asDouble(), within(1e-9));
            // the workbook as published reproduces the nominal ranking
            assertThat(runs.get("as-published").get("rankShift").get(code).asInt()).isZero();
            assertThat(runs.get("as-published").get("scores").get(code).asDouble())
                    .isCloseTo(runs.get("nominal").get("scores").get(code).asDouble(), within(1e-9));
        }
    }

    @Test
    void aBadScenarioFileIsListedWithTheOtherInputProblems() throws Exception {
        Path bad = tmp.resolve("bad-scenarios.yaml");
        Files.writeString(bad, """
                scenarios:
                  - id: typo
                    weights: {FNI: 0.4}
                """);
        var o = run(tmp.resolve("never"), List.of(bad), 0, 0);
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge");
        InputDataException e = (InputDataException) o.failures().get(0);
        assertThat(e.problems()).extracting(Object::toString)
                .containsExactly(EvaluationRequest.shown(bad.toAbsolutePath()) + ":3: scenario typo: unknown code 'FNI' (weights)");
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
