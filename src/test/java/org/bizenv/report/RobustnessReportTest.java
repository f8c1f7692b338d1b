package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.excel.ExcelReportWriter;
import org.bizenv.report.json.JsonReportWriter;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.robustness.Synthetic;
import org.bizenv.robustness.UncertaintyOptions;
import org.bizenv.scoring.Build;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The robustness section of a report built from a real analysis of a 36-unit synthetic index: mapped into the report's
 * unit order, written to JSON that validates against the 1.2 schema, and to the workbook's robustness sheets with a
 * chart drawn from the Sensitivity sheet's own cells.
 */
class RobustnessReportTest {

    @TempDir
    static Path dir;

    static Build build;
    static Report report;
    static RobustnessResult result;
    static Schema schema;

    @BeforeAll
    static void analyse() throws IOException {
        var analysed = AnalysedReport.of36Units(dir);
        build = analysed.build();
        result = analysed.result();
        report = analysed.report();
        try (InputStream in = RobustnessReportTest.class.getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    @Test
    void theSectionFollowsTheReportsUnitsAndTheRankingsOrder() {
        RobustnessSection s = report.robustness();
        List<String> units = report.units().stream().map(Report.UnitInfo::code).toList();
        // uncertainty rows in the ranking's order, each the analysis's numbers for that unit
        assertThat(s.uncertainty().units()).extracting(RobustnessSection.UncertaintyRow::unit)
                .containsExactlyElementsOf(report.ranking().stream().map(Report.RankingRow::unit).toList());
        for (var row : s.uncertainty().units()) {
            int i = Arrays.asList(result.units()).indexOf(row.unit());
            assertThat(row.nominalRank()).isEqualTo(build.indexRanks()[i]);
            assertThat(row.rankP05()).isEqualTo(result.uncertainty().rankP05()[i]);
            assertThat(row.rankP95()).isEqualTo(result.uncertainty().rankP95()[i]);
            assertThat(row.tierProbability()).containsExactly(result.uncertainty().tierProbability()[i]);
        }
        // arrays over units in the report's unit order
        var removal = s.oneAtATime().removals().get(0);
        var nominalScenario = s.scenarios().scenarios().get(0);
        for (int u = 0; u < units.size(); u++) {
            int i = Arrays.asList(result.units()).indexOf(units.get(u));
            assertThat(removal.ranks()[u]).isEqualTo(result.oneAtATime().removals().get(0).rank()[i]);
            assertThat(nominalScenario.ranks()[u]).isEqualTo(report.nodes().get(0).ranks()[u]);
        }
        assertThat(s.reversals()).hasSize(35).allMatch(RobustnessSection.Reversal::exact);
        var first = s.reversals().get(0);
        assertThat(first.sentence().en()).isEqualTo(result.reversals().get(0).sentence());
        assertThat(first.sentence().zh()).isEqualTo(result.reversals().get(0).sentenceZh());
        // weight moved: the L1 margin is twice the weight that moves
        for (var r : s.reversals()) {
            if ("SWAP".equals(r.status())) {
                assertThat(r.weightMoved()).isCloseTo(r.margin() / 2, within(1e-12));
            }
        }
        assertThat(report.methodology()).filteredOn(m -> "robustness".equals(m.level()))
                .extracting(Report.MethodLine::element)
                .containsExactly("uncertainty", "sensitivity", "one-at-a-time", "rank-reversal", "scenarios");
        assertThat(report.methodology().get(report.methodology().size() - 5).text().en())
                .contains("300 runs, seed 7", "w·(1 + U(−1, 1)·0.25)", "R type 7", "5th–95th percentile");
    }

    @Test
    void jsonValidatesAgainstSchema12AndIsDeterministic() {
        var writer = new JsonReportWriter();
        String json = writer.toJson(report);
        assertThat(schema.validate(json, InputFormat.JSON)).isEmpty();
        assertThat(writer.toJson(report)).isEqualTo(json);
        JsonNode doc = JsonMapper.builder().build().readTree(json);
        JsonNode rb = doc.get("robustness");
        assertThat(doc.get("meta").get("schemaVersion").asString()).isEqualTo("1.2");
        assertThat(rb.propertyNames()).containsExactly("settings", "notes", "uncertainty", "sensitivity",
                "oneAtATime", "rankReversals", "scenarios", "sampling");
        assertThat(rb.get("uncertainty").get("units")).hasSize(36);
        assertThat(rb.get("sensitivity").get("inputs")).hasSize(5);
        assertThat(rb.get("oneAtATime").get("removals")).hasSize(38 + 5);
        assertThat(rb.get("rankReversals").get(0).get("change").propertyNames())
                .containsExactly("D1", "D2", "D3", "D4", "D5");
        assertThat(rb.get("scenarios").get("spearman").get("nominal").get("nominal").asDouble()).isEqualTo(1.0);
        // the schema is strict: an unknown key inside the section is an error
        assertThat(schema.validate(json.replace("\"marginNorm\": \"L1\"", "\"marginNorm\": \"L1\", \"x\": 1"),
                InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void workbookHasTheRobustnessSheetsAndANativeChartOfTheIntervals() throws IOException {
        Path file = dir.resolve("report.xlsx");
        new ExcelReportWriter().write(report, file);
        try (XSSFWorkbook wb = ReadBack.open(file)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsSubsequence("Coherence", "Sensitivity", "One at a time", "Rank reversals",
                    "Scenarios", "Methodology");
            Sheet sens = wb.getSheet("Sensitivity");
            XSSFDrawing drawing = wb.getSheet("Sensitivity").getDrawingPatriarch();
            assertThat(drawing).isNotNull();
            List<XSSFChart> charts = drawing.getCharts();
            assertThat(charts).hasSize(1);
            List<XDDFChartData> data = charts.get(0).getChartSeries();
            assertThat(data).hasSize(2);
            var bars = (XDDFBarChartData) data.get(0);
            var line = (XDDFLineChartData) data.get(1);
            assertThat(bars.getSeriesCount()).isEqualTo(2);
            assertThat(line.getSeriesCount()).isEqualTo(1);

            // every series reads the sheet's own cells: the band from 5th − 0.5, of length width + 1, around the ranks
            var rows = report.robustness().uncertainty().units();
            double[] from = column(sens, bars.getSeries(0).getValuesData().getDataRangeReference());
            double[] length = column(sens, bars.getSeries(1).getValuesData().getDataRangeReference());
            double[] nominal = column(sens, line.getSeries(0).getValuesData().getDataRangeReference());
            assertThat(from).hasSize(36);
            for (int i = 0; i < 36; i++) {
                assertThat(from[i]).isEqualTo(rows.get(i).rankP05() - 0.5);
                assertThat(length[i]).isEqualTo(rows.get(i).rankP95() - rows.get(i).rankP05() + 1);
                assertThat(nominal[i]).isEqualTo(rows.get(i).nominalRank());
            }
            assertThat(bars.getSeries(1).getCategoryData().getDataRangeReference()).startsWith("'Sensitivity'!$B$");

            // the reversal sheet: the sentences in both languages, one row per adjacent pair
            Sheet rev = wb.getSheet("Rank reversals");
            List<String> texts = new ArrayList<>();
            rev.forEach(r -> r.forEach(c -> texts.add(c.toString())));
            assertThat(texts).contains(result.reversals().get(0).sentence(), result.reversals().get(0).sentenceZh());
            Sheet scen = wb.getSheet("Scenarios");
            List<String> scenTexts = new ArrayList<>();
            scen.forEach(r -> r.forEach(c -> scenTexts.add(c.toString())));
            assertThat(scenTexts).contains("维度一优先 Dimension 1 first", "基准方案 Nominal");

            // every city named on the interval chart's axis
            assertThat(charts.get(0).getCTChart().getPlotArea().getCatAxArray(0).xmlText())
                    .contains("<c:tickLblSkip val=\"1\"/>");
            // the notes: Chinese, and English on the row below
            List<String> sensTexts = new ArrayList<>();
            sens.forEach(r -> r.forEach(c -> sensTexts.add(c.toString())));
            assertThat(sensTexts).containsSubsequence("权重变动下的排名区间：百分位按 R 第 7 种算法；区间为第 5 至第 95 百分位排名",
                    "uncertainty: percentiles by R type 7; interval = 5th to 95th percentile rank");

            // Methodology: the robustness parts in plain words, the technical term beside them
            Sheet m = wb.getSheet("Methodology");
            int row = -1;
            for (Row r : m) {
                if (r.getCell(0) != null && "uncertainty".equals(r.getCell(0).toString())) {
                    row = r.getRowNum();
                }
            }
            assertThat(m.getRow(row).getCell(1).getStringCellValue())
                    .isEqualTo("权重变动下的排名区间 Rank range when weights vary");
            assertThat(m.getRow(row).getCell(2).getStringCellValue()).isEqualTo("稳健性分析 Robustness");
            assertThat(m.getRow(row).getCell(3).getStringCellValue()).startsWith("把所有权重随机变动 300 次（随机种子 7；");
            assertThat(m.getRow(row).getCell(4).getStringCellValue())
                    .startsWith("Monte Carlo uncertainty analysis: 300 runs, seed 7.");
            assertThat(m.getRow(row).getCell(5).getStringCellValue())
                    .isEqualTo("蒙特卡洛不确定性分析，90% 区间 Monte Carlo uncertainty analysis, 90 % interval");
            assertThat(m.getRow(row + 1).getCell(1).getStringCellValue())
                    .isEqualTo("哪些权重最影响排名 Which weights move the ranking most");
            assertThat(m.getRow(row + 1).getCell(5).getStringCellValue())
                    .isEqualTo("Sobol 方差敏感性指数（S1、ST） Sobol variance-based sensitivity indices (S1, ST)");
        }
    }

    @Test
    void unitsLeftUnscoredAreReportedWithoutRanksAndLeftOutOfTheChart() throws IOException {
        Synthetic synthetic = Synthetic.build(dir, Synthetic.Spec.of(30, 3, 0, 12).seed(3).missing(0.35, 0.8));
        Build gappy = synthetic.build();
        long unranked = Arrays.stream(gappy.indexRanks()).filter(r -> r == 0).count();
        assertThat(unranked).as("units without an index score").isPositive();
        RobustnessResult rr = RobustnessAnalysis.run(gappy, synthetic.data(), RobustnessRequest.defaults("INDEX")
                .withUncertainty(UncertaintyOptions.defaults().withRuns(200).withThreads(1))
                .withSensitivity(null, SobolIndices.Options.defaults().withBaseSamples(32).withBootstrap(20)
                        .withThreads(1)), org.bizenv.robustness.Progress.NONE);
        Report plain = ReportAssembler.assemble(gappy, null, new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z",
                "test", "gappy.yaml", null, List.of(), Map.of(), List.of()));
        Report r = RobustnessMapper.attach(plain, rr, new RobustnessSection.Settings(1, 200, "uniform:0.25", 32, 0.25,
                "L2", List.of()));
        assertThat(schema.validate(new JsonReportWriter().toJson(r), InputFormat.JSON)).isEmpty();
        var rows = r.robustness().uncertainty().units();
        assertThat(rows.subList(rows.size() - (int) unranked, rows.size()))
                .allMatch(row -> row.nominalRank() == 0);
        Path file = dir.resolve("gappy.xlsx");
        new ExcelReportWriter().write(r, file);
        try (XSSFWorkbook wb = ReadBack.open(file)) {
            var chart = wb.getSheet("Sensitivity").getDrawingPatriarch().getCharts().get(0);
            long ranked = rows.stream().filter(row -> row.nominalRank() > 0 && row.rankedRuns() > 0).count();
            assertThat(chart.getChartSeries().get(0).getSeries(1).getValuesData().getPointCount()).isEqualTo(ranked);
        }
    }

    /** The numbers of a one-column range on {@code sheet}. */
    private static double[] column(Sheet sheet, String ref) {
        var area = new AreaReference(ref, SpreadsheetVersion.EXCEL2007);
        assertThat(area.getFirstCell().getSheetName()).isEqualTo(sheet.getSheetName());
        CellReference[] cells = area.getAllReferencedCells();
        double[] out = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Row row = sheet.getRow(cells[i].getRow());
            Cell c = row.getCell(cells[i].getCol());
            out[i] = c.getNumericCellValue();
        }
        return out;
    }
}
