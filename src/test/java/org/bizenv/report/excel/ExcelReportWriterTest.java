package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.report.ReadBack.cell;
import static org.bizenv.report.ReadBack.empty;
import static org.bizenv.report.ReadBack.fill;
import static org.bizenv.report.ReadBack.number;
import static org.bizenv.report.ReadBack.text;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.Report;
import org.bizenv.report.ReadBack;
import org.bizenv.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ExcelReportWriterTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final WrittenReports written = new WrittenReports();

    private XSSFWorkbook write(Report r) throws IOException {
        return written.write(r, dir.resolve("report-" + written.count() + ".xlsx"));
    }

    private static String format(Sheet s, int row, int col) {
        return cell(s, row, col).getCellStyle().getDataFormatString();
    }

    private static List<String> rowTexts(Sheet s, int row) {
        List<String> out = new ArrayList<>();
        for (Cell c : s.getRow(row)) {
            out.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.getCellType().toString());
        }
        return out;
    }

    @Test
    void hasTheSheetsInOrder() throws IOException {
        var wb = write(ReportFixtures.sample());
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        assertThat(names).containsExactly("Ranking", "Chart", "Top 5", "Improvement", "Regions", "Aggregated",
                "Weights", "Indicators", "Raw", "Raw sources", "Denominated", "Imputed", "Treated", "Normalised",
                "Indicator ranks", "Treatment", "Coherence", "Methodology", "Sources", "Warnings");
        assertThat(wb.getActiveSheetIndex()).isZero();
    }

    @Test
    void firstEditionHasNoImprovementNorCoherenceNorPreviousColumns() throws IOException {
        var wb = write(ReportFixtures.firstEdition());
        assertThat(wb.getSheet("Improvement")).isNull();
        assertThat(wb.getSheet("Coherence")).isNull();
        Sheet ranking = wb.getSheet("Ranking");
        assertThat(rowTexts(ranking, 2)).containsExactly("排名 Rank", "城市 City", "代码 Code", "地区 Region",
                "类型 Type", "得分 Score", "梯队 Tier", "得分 Score", "排名 Rank", "得分 Score", "排名 Rank");
    }

    @Test
    void rankingHasBilingualHeadersAndNumericCells() throws IOException {
        Sheet s = write(ReportFixtures.sample()).getSheet("Ranking");
        assertThat(text(s, 0, 0)).isEqualTo("样例评估 Sample evaluation 2024 综合排名 Overall ranking"
                + "  【合成数据，非官方结果 Synthetic data, not official results】");
        assertThat(text(s, 1, 5)).isEqualTo("综合指数 Composite index");
        assertThat(text(s, 1, 7)).isEqualTo("市场环境 Market environment");
        assertThat(text(s, 1, 9)).isEqualTo("融资环境 Financing environment");
        assertThat(text(s, 1, 11)).isEqualTo("与上年比较 Compared with 2023");
        assertThat(s.getMergedRegions()).contains(CellRangeAddress.valueOf("H2:I2"),
                CellRangeAddress.valueOf("L2:O2"));
        assertThat(rowTexts(s, 2)).containsExactly("排名 Rank", "城市 City", "代码 Code", "地区 Region", "类型 Type",
                "得分 Score", "梯队 Tier", "得分 Score", "排名 Rank", "得分 Score", "排名 Rank", "2023年得分 Score 2023",
                "2023年排名 Rank 2023", "得分变化 Score change", "排名变化 Rank change");

        // first row: shanghai
        assertThat(number(s, 3, 0)).isEqualTo(1.0);
        assertThat(format(s, 3, 0)).isEqualTo("0");
        assertThat(text(s, 3, 1)).isEqualTo("上海 Shanghai");
        assertThat(text(s, 3, 2)).isEqualTo("shanghai");
        assertThat(text(s, 3, 3)).isEqualTo("东部 East");
        assertThat(text(s, 3, 4)).isEqualTo("直辖市 Municipality");
        assertThat(number(s, 3, 5)).isEqualTo(ReportFixtures.INDEX[1]);
        assertThat(format(s, 3, 5)).isEqualTo("0.00");
        assertThat(text(s, 3, 6)).isEqualTo("第一梯队 Tier 1");
        assertThat(number(s, 3, 7)).isEqualTo(93.75);
        assertThat(number(s, 3, 8)).isEqualTo(1.0);
        assertThat(number(s, 3, 9)).isEqualTo(ReportFixtures.FIN[1]);
        assertThat(number(s, 3, 10)).isEqualTo(1.0);
        assertThat(number(s, 3, 11)).isEqualTo(68.4);
        assertThat(number(s, 3, 12)).isEqualTo(2.0);
        assertThat(number(s, 3, 13)).isEqualTo(ReportFixtures.INDEX[1] - 68.4);
        assertThat(format(s, 3, 13)).isEqualTo("+0.00;-0.00;0.00");
        assertThat(number(s, 3, 14)).isEqualTo(1.0);
        assertThat(format(s, 3, 14)).isEqualTo("+0;-0;0");
        // chengdu (rank 3) has no previous result: empty cells, not zeros
        assertThat(text(s, 5, 2)).isEqualTo("chengdu");
        for (int c = 11; c <= 14; c++) {
            assertThat(empty(s, 5, c)).as("column %d", c).isTrue();
        }
        assertThat(text(s, 6, 1)).isEqualTo("武汉 Wuhan");
        assertThat(text(s, 6, 6)).isEqualTo("第四梯队 Tier 4");
        assertThat(s.getLastRowNum()).isEqualTo(6);
    }

    @Test
    void rankingIsFrozenFilteredAndColourScaled() throws IOException {
        var wb = write(ReportFixtures.sample());
        XSSFSheet s = wb.getSheet("Ranking");
        var pane = s.getPaneInformation();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 2); // rank and city columns
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 3); // title, group and header rows
        assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A3:O7");
        var cf = s.getSheetConditionalFormatting();
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
            var f = cf.getConditionalFormattingAt(i);
            assertThat(f.getRule(0).getConditionType()).isEqualTo(ConditionType.COLOR_SCALE);
            assertThat(f.getRule(0).getColorScaleFormatting().getNumControlPoints()).isEqualTo(3);
            ranges.add(f.getFormattingRanges()[0].formatAsString());
        }
        assertThat(ranges).containsExactly("F4:F7", "H4:H7", "J4:J7");
        assertThat(s.getColumnWidth(1)).isBetween(12 * 256, 20 * 256);

        var raw = wb.getSheet("Raw").getPaneInformation();
        assertThat(raw.getVerticalSplitPosition()).isEqualTo((short) 1);
        assertThat(raw.getHorizontalSplitPosition()).isEqualTo((short) 3);
        var weights = wb.getSheet("Weights").getPaneInformation();
        assertThat(weights.getVerticalSplitPosition()).isEqualTo((short) 1);
        assertThat(weights.getHorizontalSplitPosition()).isEqualTo((short) 2);
        var sources = wb.getSheet("Sources").getPaneInformation();
        assertThat(sources.getHorizontalSplitPosition()).as("the first table's header, not the second's")
                .isEqualTo((short) 2);
    }

    @Test
    void formulaLikeTextIsStoredAsPlainStrings() throws IOException {
        var wb = write(ReportFixtures.formulaLike());
        Sheet ranking = wb.getSheet("Ranking");
        // ranking order: shanghai, beijing, chengdu, wuhan
        List<String> expected = List.of("+1", "=HYPERLINK(\"x\")", "@SUM(A1)", "-2");
        for (int i = 0; i < 4; i++) {
            Cell c = cell(ranking, 3 + i, 1);
            assertThat(c.getCellType()).isEqualTo(CellType.STRING);
            assertThat(c.getStringCellValue()).isEqualTo(expected.get(i));
            assertThat(c.getCellStyle().getQuotePrefixed()).as("quote prefix on %s", expected.get(i)).isTrue();
        }
        assertThat(cell(ranking, 3, 2).getCellStyle().getQuotePrefixed()).as("ordinary text").isFalse();
        Sheet raw = wb.getSheet("Raw");
        for (int u = 0; u < 4; u++) {
            assertThat(text(raw, 3 + u, 0)).isEqualTo(ReportFixtures.FORMULA_LIKE.get(u));
        }
        assertThat(text(wb.getSheet("Warnings"), 2, 1)).isEqualTo("=1+1");
        assertThat(text(wb.getSheet("Top 5"), 3, 1)).isEqualTo("+1");
        Sheet sources = wb.getSheet("Sources");
        boolean found = false;
        for (Row r : sources) {
            Cell k = r.getCell(0);
            if (k != null && k.getCellType() == CellType.STRING && k.getStringCellValue().endsWith(": note")) {
                assertThat(text(sources, r.getRowNum(), 1)).isEqualTo("-2");
                found = true;
            }
        }
        assertThat(found).isTrue();
        // and nowhere in the workbook is there a formula
        for (Sheet s : wb) {
            for (Row r : s) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).as("%s!%s", s.getSheetName(), c.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }

    @Test
    void stagesMarkImputedAndTreatedCellsWithALegend() throws IOException {
        var wb = write(ReportFixtures.sample());
        Sheet imputed = wb.getSheet("Imputed");
        assertThat(text(imputed, 0, 0)).isEqualTo("缺失值插补后 Values after imputation");
        assertThat(text(imputed, 1, 2)).isEqualTo("MKT.1");
        assertThat(text(imputed, 2, 2)).isEqualTo("开办企业时间 Time to start a business");
        assertThat(text(imputed, 2, 0)).isEqualTo("城市 City");
        // legend: a cell in row 1 with the imputation colour
        int legend = -1;
        for (Cell c : imputed.getRow(0)) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals("插补值 Imputed value")) {
                legend = c.getColumnIndex();
            }
        }
        assertThat(legend).isGreaterThan(1);
        assertThat(fill(imputed, 0, legend)).isEqualTo(ExcelReportWriter.IMPUTED_RGB);
        // wuhan (unit 3 → row 6) FIN.2 (indicator 4 → column F)
        assertThat(text(imputed, 5, 1)).isEqualTo("wuhan");
        assertThat(number(imputed, 5, 5)).isEqualTo((45.0 + 40.0 + 15.0) / 3);
        assertThat(fill(imputed, 5, 5)).isEqualTo(ExcelReportWriter.IMPUTED_RGB);
        assertThat(format(imputed, 5, 5)).isEqualTo("0.000");
        int filled = 0;
        for (int row = 3; row <= 6; row++) {
            for (int col = 2; col <= 5; col++) {
                if (fill(imputed, row, col) != null) {
                    filled++;
                }
            }
        }
        assertThat(filled).isEqualTo(1);

        Sheet treated = wb.getSheet("Treated");
        assertThat(number(treated, 6, 3)).isEqualTo(160.0); // chengdu MKT.2
        assertThat(fill(treated, 6, 3)).isEqualTo(ExcelReportWriter.TREATED_RGB);
        assertThat(fill(treated, 5, 3)).isNull();

        Sheet raw = wb.getSheet("Raw");
        assertThat(empty(raw, 5, 5)).as("missing raw value").isTrue();
        assertThat(number(raw, 3, 5)).isEqualTo(900.0);
        assertThat(format(raw, 3, 5)).isEqualTo("0");
        assertThat(number(raw, 3, 2)).isEqualTo(3.5);
        assertThat(format(raw, 3, 2)).isEqualTo("0.0");
        assertThat(fill(raw, 3, 2)).isNull();

        Sheet normalised = wb.getSheet("Normalised");
        assertThat(number(normalised, 6, 4)).isEqualTo(2.5 / 7 * 100);
        assertThat(format(normalised, 6, 4)).isEqualTo("0.00");

        Sheet provenance = wb.getSheet("Raw sources");
        assertThat(text(provenance, 4, 2)).isEqualTo("returns/shanghai.xlsx!Data!D4");
        assertThat(empty(provenance, 5, 5)).isTrue();

        Sheet ranks = wb.getSheet("Indicator ranks");
        assertThat(number(ranks, 6, 3)).isEqualTo(1.0); // chengdu is first on MKT.2
    }

    @Test
    void weightsHaveOneEditableRowPerElementInTreeOrder() throws IOException {
        Sheet s = write(ReportFixtures.sample()).getSheet("Weights");
        assertThat(rowTexts(s, 1)).containsExactly("代码 Code", "上级 Parent", "名称 Name", "层级 Level",
                "赋权方法 Method", "权重 Weight", "有效权重 Effective weight", "说明 Detail");
        List<String> codes = new ArrayList<>();
        for (int row = 2; row <= s.getLastRowNum(); row++) {
            codes.add(text(s, row, 0));
        }
        assertThat(codes).containsExactly("INDEX", "MKT", "MKT.1", "MKT.2", "FIN", "FIN.1", "FIN.2");
        assertThat(empty(s, 2, 1)).isTrue();
        assertThat(number(s, 2, 5)).isEqualTo(1.0);
        assertThat(text(s, 3, 1)).isEqualTo("INDEX");
        assertThat(text(s, 3, 3)).isEqualTo("维度 Dimension");
        assertThat(text(s, 3, 4)).isEqualTo("expert");
        assertThat(text(s, 3, 7)).isEqualTo("stated weights 1:1");
        assertThat(text(s, 4, 2)).isEqualTo("开办企业时间 Time to start a business");
        assertThat(cell(s, 4, 2).getCellStyle().getIndention()).isEqualTo((short) 2);
        assertThat(text(s, 4, 3)).isEqualTo("指标 Indicator");
        assertThat(text(s, 4, 4)).isEqualTo("equal");
        assertThat(number(s, 4, 5)).isEqualTo(0.5);
        assertThat(number(s, 4, 6)).isEqualTo(0.25);
        assertThat(format(s, 4, 5)).isEqualTo("0.0000");
    }

    @Test
    void otherSheetsCarryTheirData() throws IOException {
        var wb = write(ReportFixtures.sample());
        Sheet top = wb.getSheet("Top 5");
        assertThat(text(top, 1, 0)).isEqualTo("市场环境 Market environment");
        assertThat(text(top, 1, 4)).isEqualTo("融资环境 Financing environment");
        assertThat(text(top, 3, 1)).isEqualTo("上海 Shanghai");
        assertThat(number(top, 4, 2)).isEqualTo(62.5);
        assertThat(text(top, 4, 5)).isEqualTo("北京 Beijing");

        Sheet imp = wb.getSheet("Improvement");
        assertThat(text(imp, 1, 3)).isEqualTo("得分变化 Score change");
        assertThat(text(imp, 2, 1)).isEqualTo("上海 Shanghai");
        assertThat(number(imp, 4, 3)).isEqualTo(ReportFixtures.INDEX[2] - 20.0);
        assertThat(imp.getLastRowNum()).isEqualTo(4);

        Sheet regions = wb.getSheet("Regions");
        assertThat(rowTexts(regions, 1)).containsExactly("分组 Grouping", "组别 Group", "城市数 Units",
                "综合指数 Composite index", "市场环境 Market environment", "融资环境 Financing environment");
        assertThat(text(regions, 2, 1)).isEqualTo("东部 East");
        assertThat(number(regions, 2, 2)).isEqualTo(2.0);
        assertThat(number(regions, 2, 3)).isEqualTo((ReportFixtures.INDEX[0] + ReportFixtures.INDEX[1]) / 2);

        Sheet agg = wb.getSheet("Aggregated");
        assertThat(text(agg, 1, 4)).isEqualTo("MKT 市场环境 Market environment");
        assertThat(number(agg, 3, 2)).isEqualTo(ReportFixtures.INDEX[0]); // beijing, in unit order
        assertThat(number(agg, 3, 3)).isEqualTo(2.0);
        assertThat(number(agg, 5, 4)).isEqualTo(0.0); // wuhan MKT
        assertThat(number(agg, 5, 5)).isEqualTo(4.0);

        Sheet ind = wb.getSheet("Indicators");
        assertThat(text(ind, 2, 0)).isEqualTo("MKT.1");
        assertThat(text(ind, 2, 4)).isEqualTo("越低越好 Lower is better");
        assertThat(text(ind, 2, 5)).isEqualTo("政府填报 Government returns");
        assertThat(text(ind, 4, 8)).isEqualTo("share-favourable");
        assertThat(number(ind, 2, 13)).isEqualTo(0.25);

        Sheet treatment = wb.getSheet("Treatment");
        assertThat(text(treatment, 3, 0)).isEqualTo("MKT.2");
        assertThat(number(treatment, 3, 3)).isEqualTo(1.95);
        assertThat(number(treatment, 3, 7)).isEqualTo(1.0);
        assertThat(text(treatment, 3, 9)).isEqualTo("是 Yes");
        assertThat(empty(treatment, 4, 3)).isTrue(); // FIN.1 skew NaN

        Sheet coherence = wb.getSheet("Coherence");
        assertThat(text(coherence, 3, 3)).isEqualTo("线性相关 Pearson correlation");
        assertThat(text(coherence, 7, 5)).isEqualTo("是 Yes");
        assertThat(number(coherence, 7, 3)).isEqualTo(-0.12);

        Sheet methodology = wb.getSheet("Methodology");
        assertThat(text(methodology, 2, 0)).isEqualTo("INDEX");
        assertThat(text(methodology, 2, 2)).isEqualTo("综合指数 Index");
        // the method in Chinese, then English, then the technical term; headers say which is which
        assertThat(text(methodology, 1, 3)).isEqualTo("方法说明 Method (中文)");
        assertThat(text(methodology, 1, 4)).isEqualTo("Method (English)");
        assertThat(text(methodology, 1, 5)).isEqualTo("术语 Technical term");
        assertThat(text(methodology, 5, 3)).isEqualTo("最小—最大法映射到 0–100，越低越好；不插补；不做异常值处理。");
        assertThat(text(methodology, 5, 4)).isEqualTo("Min-max to 0–100, lower is better; no imputation; no treatment.");
        assertThat(text(methodology, 5, 5)).isEqualTo("minmax");

        Sheet sources = wb.getSheet("Sources");
        List<String> all = new ArrayList<>();
        for (Row r : sources) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    all.add(c.getStringCellValue());
                }
            }
        }
        assertThat(all).contains("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", "returns/beijing.xlsx",
                "0.1.0", "参数 Parameter: seed", "合成数据，非官方结果 Synthetic data, not official results");
        int last = sources.getLastRowNum();
        assertThat(text(sources, last, 0)).isEqualTo("survey.csv");
        assertThat(number(sources, last, 4)).isEqualTo(524288.0);

        Sheet warnings = wb.getSheet("Warnings");
        assertThat(number(warnings, 2, 0)).isEqualTo(1.0);
        assertThat(text(warnings, 1, 1)).isEqualTo("提示 Warning (中文)");
        assertThat(text(warnings, 1, 2)).isEqualTo("Warning (English)");
        assertThat(text(warnings, 2, 1)).isEqualTo("FIN.2：武汉缺失，用 3 个城市的均值插补");
        assertThat(text(warnings, 2, 2)).isEqualTo("FIN.2: wuhan missing, imputed by the mean of 3 units");
    }

    @Test
    void chartDrawsTheIndexScoresFromTheRankingSheet() throws IOException {
        XSSFSheet chart = write(ReportFixtures.sample()).getSheet("Chart");
        XSSFDrawing drawing = chart.getDrawingPatriarch();
        assertThat(drawing).isNotNull();
        assertThat(drawing.getCharts()).hasSize(1);
        var data = drawing.getCharts().get(0).getChartSeries();
        assertThat(data).hasSize(1);
        var series = data.get(0).getSeries(0);
        assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("'Ranking'!$B$4:$B$7");
        assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'Ranking'!$F$4:$F$7");
        assertThat(series.getValuesData().getPointAt(0)).isEqualTo(ReportFixtures.INDEX[1]);
    }

    @Test
    void documentPropertiesAndBytesAreDeterministic() throws IOException {
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        new ExcelReportWriter().write(ReportFixtures.sample(), a);
        new ExcelReportWriter().write(ReportFixtures.sample(), b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));

        try (var wb = ReadBack.open(a)) {
            var core = wb.getProperties().getCoreProperties();
            assertThat(core.getTitle()).isEqualTo("样例评估 Sample evaluation 2024 评估报告 Evaluation report");
            assertThat(core.getCreator()).isEqualTo("bizenv");
            assertThat(core.getDescription()).startsWith("合成数据，非官方结果。Synthetic data: not official results.");
            assertThat(core.getCreated().toInstant()).isEqualTo(Instant.parse("2024-11-30T08:00:00Z"));
            assertThat(core.getModified().toInstant()).isEqualTo(Instant.parse("2024-11-30T08:00:00Z"));
        }
        // plain zip entries (no Zip64 records, which LibreOffice rejects) stamped with the report's time
        try (var zip = ZipFile.builder().setPath(a).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            assertThat(entries).hasSizeGreaterThan(20);
            for (var e : entries) {
                assertThat(e.getExtraField(new ZipShort(0x0001))).as(e.getName()).isNull();
                var t = java.time.LocalDateTime.ofInstant(e.getLastModifiedTime().toInstant(),
                        java.time.ZoneId.systemDefault());
                assertThat(t).as(e.getName()).isEqualTo(java.time.LocalDateTime.parse("2024-11-30T08:00:00"));
            }
        }
    }

    @Test
    void theTopSheetIsNamedAndTitledByTheListsLengthAndTheSourcesSheetListsSkippedData() throws IOException {
        var wb = write(ReportFixtures.topTenWithSkippedData());
        assertThat(wb.getSheetName(2)).isEqualTo("Top 10");
        assertThat(wb.getSheet("Top 5")).isNull();
        Sheet top = wb.getSheet("Top 10");
        assertThat(text(top, 0, 0)).isEqualTo("各维度前列城市 Top cities on each dimension：前10名 Top 10"
                + "  【合成数据，非官方结果 Synthetic data, not official results】");
        assertThat(text(top, 3, 1)).isEqualTo("上海 Shanghai");
        // the default length keeps the title reports always had
        assertThat(text(write(ReportFixtures.sample()).getSheet("Top 5"), 0, 0)).isEqualTo(
                "各维度前列城市 Top cities on each dimension  【合成数据，非官方结果 Synthetic data, not official results】");

        Sheet sources = wb.getSheet("Sources");
        int last = sources.getLastRowNum();
        assertThat(rowTexts(sources, last - 3)).containsExactly(
                "已跳过：评价范围外城市的数据 Skipped: data of cities outside the framework's selection "
                        + "(framework.units.include)");
        assertThat(rowTexts(sources, last - 2)).containsExactly("路径 Path", "跳过的城市数 Cities skipped",
                "来源 Source", "城市代码 City codes", "跳过的问卷行数 Questionnaire rows skipped", "各城市行数 Rows by city");
        assertThat(rowTexts(sources, last - 1)).containsExactly("returns", "NUMERIC", "returns", "hefei, kunming");
        assertThat(number(sources, last - 1, 1)).isEqualTo(2);
        assertThat(rowTexts(sources, last)).containsExactly("survey.csv", "NUMERIC", "survey", "kunming", "NUMERIC",
                "kunming 1203");
        assertThat(number(sources, last, 1)).isEqualTo(1);
        assertThat(number(sources, last, 4)).isEqualTo(1203);
        // without a selection, no such block
        Sheet plain = write(ReportFixtures.sample()).getSheet("Sources");
        for (var row : plain) {
            for (var c : row) {
                assertThat(c.getCellType() != CellType.STRING || !c.getStringCellValue().startsWith("已跳过")).isTrue();
            }
        }
    }

    @Test
    void notSyntheticSaysNothingAboutIt() throws IOException {
        Report s = ReportFixtures.sample();
        var m = s.meta();
        var meta = new Report.Meta(m.schemaVersion(), m.engineVersion(), m.frameworkId(), m.frameworkName(),
                m.frameworkVersion(), m.frameworkFile(), m.frameworkSha256(), m.year(), m.generatedAt(), false,
                1, m.compareRounded(), m.tierMethod(), m.tierNames(), m.previousYear(), m.sources(), m.parameters());
        var wb = write(new Report(meta, s.units(), s.nodes(), s.indicators(), s.ranking(), s.top(), s.stages(),
                s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(), s.warnings(),
                s.coherence()));
        Sheet ranking = wb.getSheet("Ranking");
        assertThat(text(ranking, 0, 0)).isEqualTo("样例评估 Sample evaluation 2024 综合排名 Overall ranking");
        assertThat(format(ranking, 3, 5)).isEqualTo("0.0");
        assertThat(ranking.getHeader().getCenter()).isEqualTo("样例评估 Sample evaluation 2024 评估报告 Evaluation report");
        assertThat(wb.getProperties().getCoreProperties().getDescription()).doesNotContain("ynthetic");
    }

    @Test
    void overlongTextIsCutToExcelsLimit() throws IOException {
        Report s = ReportFixtures.sample();
        String longText = "x".repeat(40_000);
        var wb = write(new Report(s.meta(), s.units(), s.nodes(), s.indicators(), s.ranking(), s.top(),
                s.stages(), s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(),
                List.of(new org.bizenv.framework.Names(longText, longText)), s.coherence()));
        String cut = text(wb.getSheet("Warnings"), 2, 1);
        assertThat(cut).hasSize(32_767).endsWith("x…");
    }

    @Test
    void anInconsistentReportLeavesNoFile() {
        Report s = ReportFixtures.sample();
        var ranking = new ArrayList<>(s.ranking());
        var row = ranking.get(0);
        ranking.set(0, new Report.RankingRow("nowhere", row.score(), row.rank(), row.tier(), row.dimensionScores(),
                row.dimensionRanks(), row.previousScore(), row.previousRank(), row.scoreChange(), row.rankChange()));
        Report broken = new Report(s.meta(), s.units(), s.nodes(), s.indicators(), ranking, s.top(), s.stages(),
                s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(), s.warnings(),
                s.coherence());
        Path file = dir.resolve("broken.xlsx");
        assertThatThrownBy(() -> new ExcelReportWriter().write(broken, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent report: unknown unit code 'nowhere'");
        assertThat(file).doesNotExist();
    }

    @Test
    void labelsHelpers() {
        assertThat(CellText.valueFormat(new double[] {120, 150, 80, 400})).isEqualTo("0");
        assertThat(CellText.valueFormat(new double[] {3.5, 2, Double.NaN})).isEqualTo("0.0");
        assertThat(CellText.valueFormat(new double[] {45, 100.0 / 3})).isEqualTo("0.000");
        assertThat(CellText.valueFormat(new double[] {12_500, 3})).isEqualTo("#,##0");
        assertThat(CellText.valueFormat(new double[] {0.00123, 0.5})).isEqualTo("0.00000");
        assertThat(CellText.displayWidth("北京 Beijing")).isEqualTo(12);
        assertThat(CellText.twoLineWidth("有效权重 Effective weight")).isEqualTo(16);
        assertThat(CellText.lines("short", 20)).isEqualTo(1);
        assertThat(CellText.lines("开办企业时间开办企业时间", 10)).isEqualTo(3);
        assertThat(CellText.lines("a\nb", 20)).isEqualTo(2);
        assertThat(CellText.looksLikeFormula("-2")).isTrue();
        assertThat(CellText.looksLikeFormula("2-")).isFalse();
        assertThat(org.bizenv.report.ReportTime.parse("2024-11-30T08:00:00+08:00"))
                .isEqualTo(Instant.parse("2024-11-30T00:00:00Z"));
        assertThat(org.bizenv.report.ReportTime.parse("2024-11-30")).isEqualTo(Instant.parse("2024-11-30T00:00:00Z"));
        assertThat(org.bizenv.report.ReportTime.parse("soon")).isNull();
    }
}
