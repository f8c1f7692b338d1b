package org.bizenv.report.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.report.ReadBack.open;
import static org.bizenv.report.ReadBack.text;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.framework.Names;
import org.bizenv.bench.SyntheticSet;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.ReportFixtures;
import org.bizenv.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card workbooks of the hand-made report: files, sheets, print layout, chart, text that looks like a formula. */
class CityCardWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesOneWorkbookPerRankedUnitAndOneWithEveryCardAndListsThem() throws Exception {
        var report = ReportFixtures.sample();
        List<String> written = new CityCardWriter().writeAll(report, tmp);

        assertThat(written).containsExactly("cities.xlsx", "cities/shanghai.xlsx", "cities/beijing.xlsx",
                "cities/chengdu.xlsx", "cities/wuhan.xlsx");
        assertThat(CityCardWriter.files(report)).isEqualTo(written);
        for (String f : written) {
            assertThat(tmp.resolve(f)).isRegularFile();
        }
        try (var wb = open(tmp.resolve("cities.xlsx"))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("上海", "北京", "成都", "武汉");
        }
        try (var wb = open(tmp.resolve("cities/beijing.xlsx"))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet s = wb.getSheetAt(0);
            PrintSetup ps = s.getPrintSetup();
            assertThat(ps.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
            assertThat(s.getFitToPage()).isTrue();
            assertThat(ps.getFitWidth()).isEqualTo((short) 1);
            assertThat(ps.getFitHeight()).isEqualTo((short) 1);
            assertThat(s.getHeader().getLeft()).isEqualTo("北京 Beijing · 2024");
            assertThat(s.getHeader().getRight()).isEqualTo("合成数据，非官方结果 SYNTHETIC");
            assertThat(wb.getPrintArea(0)).startsWith("北京!$A$1:$I$");
            // the synthetic banner on the sheet itself, not only in the page header
            assertThat(text(s)).contains(CityCardWriter.SYNTHETIC);
            // what the median and the best are, said beside the numbers
            assertThat(text(s)).contains("中位数为各城市数值（插补后）的中位数，最好为该指标排名第一的城市的数值。")
                    .contains("Median: the middle of all cities' values (after imputation); best: the value of the "
                            + "city ranked first on the indicator.");
            // the dimension chart: three series (city, median, best) over the two dimensions
            var charts = s.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var data = charts.get(0).getChartSeries().get(0);
            assertThat(data.getSeriesCount()).isEqualTo(3);
            assertThat(data.getSeries(0).getValuesData().getDataRangeReference()).isEqualTo("'北京'!$B$11:$B$12");
            assertThat(data.getSeries(1).getValuesData().getDataRangeReference()).isEqualTo("'北京'!$D$11:$D$12");
            assertThat(data.getSeries(2).getValuesData().getDataRangeReference()).isEqualTo("'北京'!$E$11:$E$12");
            // which are the city's, the median and the best scores of the dimension table
            assertThat(s.getRow(10).getCell(0).getStringCellValue()).isEqualTo("市场环境 Market environment");
            assertThat(s.getRow(10).getCell(1).getNumericCellValue()).isEqualTo(56.25);
            assertThat(s.getRow(10).getCell(3).getNumericCellValue()).isEqualTo((56.25 + 62.5) / 2);
            assertThat(s.getRow(10).getCell(4).getNumericCellValue()).isEqualTo(93.75);
            // the change since last year, score and rank; FIN, which last year's results lack, has none and says why
            assertThat(s.getRow(9).getCell(7).getStringCellValue()).isEqualTo("得分变化 Score change");
            assertThat(s.getRow(10).getCell(7).getNumericCellValue()).isEqualTo(56.25 - 60.0);
            assertThat(s.getRow(10).getCell(8).getNumericCellValue()).isEqualTo(-1);
            assertThat(s.getRow(10).getCell(8).getCellStyle().getDataFormatString()).isEqualTo("\"↑\"0;\"↓\"0;\"=\"");
            assertThat(s.getRow(11).getCell(7).getStringCellValue()).isEqualTo("—");
            assertThat(s.getRow(11).getCell(8).getStringCellValue()).isEqualTo("—");
            assertThat(text(s)).contains("Last year's results have no scores on Financing environment, so no change "
                    + "since last year is shown for it.").contains("Changes are since 2023: the score change is this "
                    + "year's score minus 2023's;");
            assertThat(wb.getProperties().getCoreProperties().getTitle()).isEqualTo("北京 Beijing 2024 城市评估报告卡 "
                    + "City report card");
        }
    }

    @Test
    void beyondAHundredUnitsEachCardIsItsOwnFileAndThereIsNoCombinedWorkbook() throws Exception {
        Report hundred = report(100);
        Report more = report(101);
        assertThat(CityCardWriter.files(hundred)).hasSize(101).first().isEqualTo(CityCardWriter.ALL);
        assertThat(CityCardWriter.files(more)).hasSize(101).doesNotContain(CityCardWriter.ALL)
                .allMatch(f -> f.startsWith(CityCardWriter.FOLDER + "/"));
        List<String> written = new CityCardWriter().writeAll(more, tmp);
        assertThat(written).isEqualTo(CityCardWriter.files(more));
        assertThat(tmp.resolve(CityCardWriter.ALL)).doesNotExist();
        try (var files = java.nio.file.Files.list(tmp.resolve(CityCardWriter.FOLDER))) {
            assertThat(files.count()).isEqualTo(101);
        }
    }

    /** A scored report of {@code units} synthetic units (2 dimensions × 2 sub-dimensions × 1 indicator). */
    private Report report(int units) throws Exception {
        var set = SyntheticSet.create(tmp.resolve("set" + units), units, 2, 2, 1, 7);
        return ReportAssembler.assemble(Scorer.score(set.framework(), set.data()), null,
                new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z", "test", "synthetic.yaml", "-", List.of(),
                        java.util.Map.of(), List.of()));
    }

    @Test
    void sameReportSameBytes() throws Exception {
        var cards = CityCards.of(ReportFixtures.sample());
        var a = new ByteArrayOutputStream();
        var b = new ByteArrayOutputStream();
        new CityCardWriter().write(cards, "2024-11-30T08:00:00Z", a);
        new CityCardWriter().write(cards, "2024-11-30T08:00:00Z", b);
        assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
        // not the clock's time: every zip entry carries the report's, as local wall-clock fields
        var expected = java.time.LocalDateTime.of(2024, 11, 30, 8, 0);
        int entries = 0;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(a.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(expected);
                entries++;
            }
        }
        assertThat(entries).isGreaterThan(10);
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(a.toByteArray()))) {
            assertThat(wb.getProperties().getCoreProperties().getCreated())
                    .isEqualTo(java.util.Date.from(java.time.Instant.parse("2024-11-30T08:00:00Z")));
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        var report = ReportFixtures.formulaLike();
        List<String> written = new CityCardWriter().writeAll(report, tmp);

        assertThat(written).contains("cities/beijing.xlsx");
        try (var wb = open(tmp.resolve("cities.xlsx"))) {
            List<String> seen = new ArrayList<>();
            for (var sheet : wb) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                        if (c.getCellType() == CellType.STRING
                                && ReportFixtures.FORMULA_LIKE.contains(c.getStringCellValue())) {
                            assertThat(c.getCellStyle().getQuotePrefixed()).isTrue();
                            seen.add(c.getStringCellValue());
                        }
                    }
                }
            }
            // the best cities' names in the dimension table are the units' (hostile) names
            assertThat(seen).contains("=HYPERLINK(\"x\")", "+1");
        }
    }

    @Test
    void fileAndSheetNamesAreSafeAndUnique() {
        assertThat(CityCardWriter.fileNames(List.of("beijing", "a/b", "CON", "Beijing", "a?b"))).containsExactly("beijing.xlsx", "unit-a_b.xlsx", "unit-CON.xlsx", "Beijing-2.xlsx",
                "unit-a_b-2.xlsx");
        var used = new java.util.HashSet<String>();
        assertThat(List.of(CityCardWriter.sheetName(card("x", "北京"), used),
                CityCardWriter.sheetName(card("y", "北京"), used), CityCardWriter.sheetName(card("a:b", null), used)))
                .containsExactly("北京", "北京 (2)", "a b");
    }

    private static CityCard card(String unit, String zh) {
        return new CityCard(unit, new Names(zh, unit), null, null, List.of(), null, List.of(), List.of(), null, null,
                null);
    }
}
