package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.ReportFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the workbook prints, read back with POI: A4, orientation by width, one page wide where a sheet is read, the
 * header rows repeated, the report's title, year and page number on every page; the wide matrices across pages
 * with every city on one page tall; the sheets for the screen outside the default print area; every bar of the
 * index chart named and valued.
 */
class PrintLayoutTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final WrittenReports written = new WrittenReports();

    private XSSFWorkbook sample() throws IOException {
        return written.write(ReportFixtures.sample(), dir.resolve("r.xlsx"));
    }

    private static void oneA4PageWide(Sheet s, boolean landscape, String repeatedRows) {
        PrintSetup ps = s.getPrintSetup();
        assertThat(ps.getPaperSize()).as(s.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(ps.getLandscape()).as(s.getSheetName()).isEqualTo(landscape);
        assertThat(s.getFitToPage()).as(s.getSheetName()).isTrue();
        assertThat(ps.getFitWidth()).as(s.getSheetName()).isEqualTo((short) 1);
        assertThat(ps.getFitHeight()).as(s.getSheetName()).isEqualTo((short) 0);
        assertThat(s.getRepeatingRows() == null ? null : s.getRepeatingRows().formatAsString())
                .as(s.getSheetName()).isEqualTo(repeatedRows);
    }

    @Test
    void theSheetsPeoplePrintAreOneA4PageWideWithTheirHeadersRepeated() throws IOException {
        var wb = sample();
        // Ranking: 2 dimensions and last year's columns, wider than a portrait page; title, group and header rows
        oneA4PageWide(wb.getSheet("Ranking"), true, "1:3");
        // Top 5: two dimensions side by side fit a portrait page; title, dimension names, headers
        oneA4PageWide(wb.getSheet("Top 5"), false, "1:3");
        oneA4PageWide(wb.getSheet("Improvement"), false, "1:2");
        // Methodology: the method in Chinese and in English and the technical term need a landscape page
        oneA4PageWide(wb.getSheet("Methodology"), true, "1:2");
        oneA4PageWide(wb.getSheet("Warnings"), true, "1:2");
    }

    @Test
    void everyPageSaysWhichReportYearSheetAndPageItIs() throws IOException {
        var wb = sample();
        for (Sheet s : wb) {
            assertThat(s.getHeader().getCenter()).as(s.getSheetName()).isEqualTo(
                    "样例评估 Sample evaluation 2024 评估报告 Evaluation report\n合成数据，非官方结果 Synthetic data, not official results");
            assertThat(s.getFooter().getLeft()).isEqualTo(s.getSheetName());
            assertThat(s.getFooter().getRight()).isEqualTo("第 &P 页，共 &N 页 Page &P of &N");
        }
    }

    @Test
    void rawSourcesAreLeftOutOfTheDefaultPrintArea() throws IOException {
        var wb = sample();
        int sources = wb.getSheetIndex("Raw sources");
        assertThat(wb.getPrintArea(sources)).isEqualTo("'Raw sources'!$A$1:$J$1");
        assertThat(wb.getSheetAt(sources).getRepeatingRows()).isNull();
        // a sheet meant for paper has no print area: all of it prints
        assertThat(wb.getPrintArea(wb.getSheetIndex("Ranking"))).isNull();
    }

    /** A sheet {@code columns} indicator columns wide and {@code units} cities long, laid out as the matrices are. */
    private static void matrix(ReportWorkbook wb, String name, int columns, int units) {
        var g = new SheetGrid(wb.newSheet(name), wb.styles, wb);
        g.title("t");
        List<String> heads = new ArrayList<>(List.of("城市 City", "代码 Code"));
        for (int c = 0; c < columns; c++) {
            heads.add("I" + c);
        }
        g.header(heads);
        for (int u = 0; u < units; u++) {
            SheetRow x = g.row();
            g.text(x, 0, "city " + u, g.st.text);
            for (int c = 0; c < columns; c++) {
                g.minWidth(2 + c, StageSheets.MATRIX_MIN);
                g.number(x, 2 + c, c + u, g.st.score);
            }
        }
        g.freeze(1);
        g.widths(8, StageSheets.MATRIX_NAME_MAX);
    }

    @Test
    void wideMatricesPrintAcrossPagesWithEveryCityOnOnePageTall() throws IOException {
        // the print titles are put into the workbook's part as it is written: read them back from the file
        Path file = dir.resolve("matrices.xlsx");
        var wb = new ReportWorkbook(null, 2);
        try {
            // 40 indicators × 12 characters: far too wide to shrink onto one page and stay legible
            matrix(wb, "wide", 40, 36);
            // 3,000 cities do not fit one page tall: across and down, headers and names repeated
            matrix(wb, "tall", 40, 3000);
            // 6 indicators: one portrait page wide
            matrix(wb, "narrow", 6, 36);
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                wb.write(out);
            }
        } finally {
            wb.dispose();
        }
        try (var back = org.bizenv.report.ReadBack.open(file)) {
            var wide = back.getSheet("wide");
            assertThat(wide.getPrintSetup().getLandscape()).isTrue();
            assertThat(wide.getFitToPage()).isTrue();
            assertThat(wide.getPrintSetup().getFitWidth()).isEqualTo((short) 0);   // as many pages across as needed
            assertThat(wide.getPrintSetup().getFitHeight()).isEqualTo((short) 1);  // all 36 cities on each
            assertThat(wide.getRepeatingRows().formatAsString()).isEqualTo("1:2");
            assertThat(wide.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
            var tall = back.getSheet("tall");
            assertThat(tall.getFitToPage()).isFalse();
            assertThat(tall.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
            assertThat(tall.getRepeatingRows().formatAsString()).isEqualTo("1:2");
            var narrow = back.getSheet("narrow");
            assertThat(narrow.getPrintSetup().getLandscape()).isFalse();
            assertThat(narrow.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            // as POI's setRepeatingColumns and setRepeatingRows write them: the columns, then the rows
            assertThat(back.getAllNames()).filteredOn(n -> n.getSheetIndex() == 0)
                    .extracting(n -> n.getNameName() + " " + n.getRefersToFormula())
                    .containsExactly("_xlnm.Print_Titles wide!$A:$A,wide!$1:$2");
        }
    }

    @Test
    void everyBarOfTheIndexChartIsNamedAndValued() throws IOException {
        var chart = sample().getSheet("Chart").getDrawingPatriarch().getCharts().get(0);
        var plot = chart.getCTChart().getPlotArea();
        assertThat(plot.getCatAxList()).hasSize(1);
        String axis = plot.getCatAxArray(0).xmlText();
        // in the schema's order: after crossAx, crosses and auto, as the axis's last element here
        assertThat(axis).contains("<c:auto val=\"false\"/><c:tickLblSkip val=\"1\"/></xml-fragment>");
        var labels = plot.getBarChartArray(0).getSerArray(0).getDLbls();
        assertThat(labels.getShowVal().getVal()).isTrue();
        assertThat(labels.getShowCatName().getVal()).isFalse();
        assertThat(labels.getNumFmt().getFormatCode()).isEqualTo("0.00");   // meta.decimals = 2
        assertThat(labels.getDLblPos().getVal().toString()).isEqualTo("outEnd");
    }
}
