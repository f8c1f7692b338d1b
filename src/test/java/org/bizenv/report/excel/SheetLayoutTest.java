package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The worksheet and workbook parts {@link SheetLayout} and {@link ReportWorkbook} write against the ones POI's SXSSF
 * (over XSSF), which they replace, wrote for the same calls, made in awkward orders: a pane frozen twice, a column
 * widened again after others, print setup attributes set out of their usual order, header and footer text holding
 * {@code &C} and {@code &L} of their own, a sheet moved before the sheets whose names came first.
 */
class SheetLayoutTest {

    private static final String NAME = "R&D &C (draft)";

    @Test
    void aSheetsSettingsGiveTheWorksheetPartPoiWrote() throws IOException {
        var poi = new SXSSFWorkbook(new XSSFWorkbook(), StreamedSheet.WINDOW, false, false);
        byte[] expected;
        try {
            var s = poi.createSheet(NAME);
            s.createRow(0).createCell(2).setCellValue("x");
            s.createFreezePane(2, 3);
            s.createFreezePane(0, 4);   // rows only: the columns' split goes, the rest keeps its place
            s.setColumnWidth(5, 12 * 256);
            s.setColumnWidth(1, 30 * 256);
            s.setColumnWidth(5, 14 * 256);
            s.addMergedRegion(new CellRangeAddress(1, 1, 2, 4));
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.setMargin(PageMargin.LEFT, 0.4);
            s.setMargin(PageMargin.BOTTOM, 0.7);
            PrintSetup ps = s.getPrintSetup();
            ps.setFitHeight((short) 0);
            ps.setLandscape(true);
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setFitWidth((short) 1);
            ps.setLandscape(false);
            s.setFitToPage(false);
            s.getFooter().setLeft("R&&D &&C");
            s.getFooter().setRight("第 &P 页 of &N");    // splits the left part at its own "&C", as POI does
            s.getHeader().setCenter("Title\nline two & <more>");
            expected = part(poi, "xl/worksheets/sheet1.xml");
        } finally {
            poi.dispose();
        }

        var wb = new ReportWorkbook(null, 2);
        byte[] actual;
        try {
            var sheet = wb.newSheet(NAME);
            sheet.row(0).text(2, "x", 0);
            var s = sheet.layout;
            s.createFreezePane(2, 3);
            s.createFreezePane(0, 4);
            s.setColumnWidth(5, 12 * 256);
            s.setColumnWidth(1, 30 * 256);
            s.setColumnWidth(5, 14 * 256);
            s.addMergedRegion(new CellRangeAddress(1, 1, 2, 4));
            s.addMergedRegion(new CellRangeAddress(2, 3, 0, 0));
            s.setMargin("left", 0.4);
            s.setMargin("bottom", 0.7);
            s.pageSetup("fitToHeight", 0);
            s.pageSetup("orientation", "landscape");
            s.pageSetup("paperSize", 9);
            s.pageSetup("fitToWidth", 1);
            s.pageSetup("orientation", "portrait");
            s.setFitToPage(false);
            s.setFooterLeft("R&&D &&C");
            s.setFooterRight("第 &P 页 of &N");
            s.setHeaderCenter("Title\nline two & <more>");
            actual = part(wb, "xl/worksheets/sheet1.xml");
        } finally {
            wb.dispose();
        }
        String xml = new String(actual, StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
        // what the comparison covers, spelled out for the pane, the columns and the footer
        assertThat(xml).contains("<pane ySplit=\"4.0\" state=\"frozen\" topLeftCell=\"A5\" activePane=\"bottomLeft\"/>"
                + "<selection pane=\"bottomLeft\"/>");
        assertThat(xml).contains("<cols><col min=\"6\" max=\"6\" width=\"14.0\" customWidth=\"true\"/>"
                + "<col min=\"2\" max=\"2\" width=\"30.0\" customWidth=\"true\"/></cols>");
        // the left part's own "&C" taken for the centre's mark (with nothing after it): its "C" is lost
        assertThat(xml).contains("<oddFooter>&amp;LR&amp;&amp;D &amp;&amp;R第 &amp;P 页 of &amp;N</oddFooter>");
    }

    @Test
    void sheetsMovedAndNamedGiveTheWorkbookPartPoiWrote() throws IOException {
        var poi = new SXSSFWorkbook(new XSSFWorkbook(), StreamedSheet.WINDOW, false, false);
        byte[] expected;
        try {
            var a = poi.createSheet("A");
            poi.createSheet("B b");
            var c = poi.createSheet(NAME);
            a.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            c.setAutoFilter(new CellRangeAddress(1, 5, 0, 2));
            poi.setPrintArea(1, "$A$1:$C$4");
            poi.setSheetOrder(NAME, 0);
            poi.setActiveSheet(0);
            poi.setSelectedTab(0);
            expected = part(poi, "xl/workbook.xml");
        } finally {
            poi.dispose();
        }

        var wb = new ReportWorkbook(null, 2);
        byte[] actual;
        try {
            var a = wb.newSheet("A");
            var b = wb.newSheet("B b");
            var c = wb.newSheet(NAME);
            wb.builtInName(ReportWorkbook.PRINT_TITLES, a, false).reference = "A!$1:$2";
            wb.builtInName(ReportWorkbook.FILTER_DATABASE, c, true).reference = "'R&D &C (draft)'!$A$2:$C$6";
            wb.builtInName(ReportWorkbook.PRINT_AREA, b, false).reference = "'B b'!$A$1:$C$4";
            wb.setSheetOrder(c, 0);
            wb.select(0);
            actual = part(wb, "xl/workbook.xml");
        } finally {
            wb.dispose();
        }
        String xml = new String(actual, StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
        assertThat(xml).contains("<sheet name=\"R&amp;D &amp;C (draft)\" r:id=\"rId5\" sheetId=\"3\"/>"
                + "<sheet name=\"A\" r:id=\"rId3\" sheetId=\"1\"/>");
        assertThat(xml).contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"true\">"
                + "'R&amp;D &amp;C (draft)'!$A$2:$C$6</definedName>");
    }

    private static byte[] part(SXSSFWorkbook wb, String name) throws IOException {
        var out = new ByteArrayOutputStream();
        wb.write(out);
        return entry(out.toByteArray(), name);
    }

    private static byte[] part(ReportWorkbook wb, String name) throws IOException {
        var out = new ByteArrayOutputStream();
        wb.write(out);
        return entry(out.toByteArray(), name);
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no part " + name);
    }
}
