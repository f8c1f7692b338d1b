package org.bizenv.report.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The report's own row streaming and worksheet part against POI's SXSSF, which it replaces: the same cells (text that
 * needs escaping, numbers, blanks, styles, row heights, cells written out of order or twice) give the same package
 * parts and the same worksheet part, byte for byte, whether a sheet's rows stay in memory or move to a temporary file.
 */
class StreamedSheetTest {

    /** One cell to write: a column, a kind (t = text, n = number, b = blank) and a value. */
    private record Cell(int col, char kind, String text, double number, int style) {
    }

    private static final String[] TEXTS = {
        "plain", "北京 Beijing", "<a & b> \"quoted\" 'single'", " leading", "trailing\t", "line\nbreak\r\nend",
        "nbsp\u00A0here", "control\u0001\u001Fchars", "not a char \uFFFE\uFFFF", "emoji \uD83D\uDE00 pair",
        "lone \uD800 high", "lone \uDC00 low", "\uD83D", "=1+1", "", "ends in a lone high \uD83D",
    };
    private static final double[] NUMBERS = {0, 1, -1, 0.1, 1e-7, 12345.678, 3.0, 1e21, -0.0, 99.99999999};

    /** Rows of cells, in the order written: some columns out of order, some written twice (the last one wins). */
    private static List<List<Cell>> rows(int count) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            List<Cell> cells = new ArrayList<>();
            cells.add(new Cell(2, 'n', null, NUMBERS[r % NUMBERS.length] * (r + 1), r % 3));
            cells.add(new Cell(0, 't', TEXTS[r % TEXTS.length], 0, (r + 1) % 3));
            cells.add(new Cell(1, 'b', null, 0, 2));
            cells.add(new Cell(1, 't', TEXTS[(r + 5) % TEXTS.length], 0, 1));
            if (r % 7 == 0) {
                cells.add(new Cell(30 + r % 5, 'n', null, r, 0));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static float height(int r) {
        return r % 4 == 0 ? -1 : r % 4 == 1 ? 22 : r % 4 == 2 ? 14.5f * 3 + 2 : 409;
    }

    private static List<CellStyle> styles(SXSSFWorkbook wb) {
        var bold = wb.createCellStyle();
        var font = wb.createFont();
        font.setBold(true);
        bold.setFont(font);
        var number = wb.createCellStyle();
        number.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        return List.of(wb.getCellStyleAt(0), bold, number);
    }

    /** The parts of a workbook written through POI's SXSSF, as the report was written before. */
    private static Map<String, byte[]> bySxssf(List<List<Cell>> rows) throws IOException {
        var wb = new SXSSFWorkbook(new XSSFWorkbook(), StreamedSheet.WINDOW, false, false);
        try {
            var styles = styles(wb);
            var sheet = wb.createSheet("Sheet");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                if (height(r) != -1) {
                    row.setHeightInPoints(height(r));
                }
                for (var c : rows.get(r)) {
                    var cell = row.createCell(c.col());
                    switch (c.kind()) {
                        case 't' -> cell.setCellValue(c.text());
                        case 'n' -> cell.setCellValue(c.number());
                        default -> { }
                    }
                    cell.setCellStyle(styles.get(c.style()));
                }
            }
            var out = new ByteArrayOutputStream();
            wb.write(out);
            return parts(out.toByteArray());
        } finally {
            wb.dispose();
        }
    }

    /** The same through the report's workbook; {@code check} sees the sheet before the workbook is disposed. */
    private static Map<String, byte[]> byStreamedSheet(List<List<Cell>> rows, java.util.function.Consumer<StreamedSheet> check)
            throws IOException {
        var wb = new ReportWorkbook(null, 2);
        try {
            var sheet = wb.newSheet("Sheet");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.row(r);
                if (height(r) != -1) {
                    row.setHeightInPoints(height(r));
                }
                for (var c : rows.get(r)) {
                    int style = c.style();   // the index of the same style in the SXSSF workbook
                    switch (c.kind()) {
                        case 't' -> row.text(c.col(), c.text(), style);
                        case 'n' -> row.number(c.col(), c.number(), style);
                        default -> row.blank(c.col(), style);
                    }
                }
            }
            var out = new ByteArrayOutputStream();
            wb.write(out);
            check.accept(sheet);
            return parts(out.toByteArray());
        } finally {
            wb.dispose();
        }
    }

    private static Map<String, byte[]> parts(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (var in = new ZipArchiveInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        return parts;
    }

    /** The same parts, and the worksheet's bytes the same (the rows are what this test is about). */
    private static void assertSameParts(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        String name = "xl/worksheets/sheet1.xml";
        assertThat(new String(actual.get(name), StandardCharsets.UTF_8)).as(name)
                .isEqualTo(new String(expected.get(name), StandardCharsets.UTF_8));
        assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
    }

    @Test
    void rowsKeptInMemoryGiveTheSamePartsAsSxssf() throws IOException {
        var rows = rows(40);
        var expected = bySxssf(rows);
        var actual = byStreamedSheet(rows, sheet -> assertThat(sheet.spilled()).isNull());
        assertSameParts(actual, expected);
        String xml = new String(actual.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        // what the comparison covers, spelled out for two cells and a row
        assertThat(xml).contains("<dimension ref=\"A1:AI40\"/>");
        assertThat(xml).contains("<row r=\"2\" customHeight=\"1\" ht=\"22.0\">");
        assertThat(xml).contains("<c r=\"A3\" t=\"inlineStr\"><is><t>&lt;a &amp; b&gt; &quot;quoted&quot; 'single'</t></is></c>");
        assertThat(xml).contains("<c r=\"A4\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> leading</t></is></c>");
    }

    @Test
    void rowsMovedToATemporaryFileGiveTheSamePartsAndTheFileIsDeleted() throws IOException {
        // 40,000 rows of some 200 bytes: well past what a sheet keeps in memory, and past the 200-row window
        var rows = rows(40_000);
        var expected = bySxssf(rows);
        java.io.File[] file = new java.io.File[1];
        var actual = byStreamedSheet(rows, sheet -> {
            file[0] = sheet.spilled();
            assertThat(file[0]).isNotNull().exists();
        });
        assertSameParts(actual, expected);
        assertThat(actual.get("xl/worksheets/sheet1.xml").length).isGreaterThan(2 * StreamedSheet.IN_MEMORY);
        assertThat(file[0]).doesNotExist();
    }

    @Test
    void aRowThatLeftTheWindowCannotBeWrittenTo() {
        var wb = new ReportWorkbook(null, 2);
        try {
            var sheet = wb.newSheet("Sheet");
            var first = sheet.row(0);
            first.number(0, 1, 0);
            for (int r = 1; r < StreamedSheet.WINDOW; r++) {
                sheet.row(r);
            }
            // the first row is the window's oldest still: writable, until one more row pushes it out
            first.number(1, 2, 0);
            sheet.row(StreamedSheet.WINDOW);
            assertThatThrownBy(() -> first.number(2, 3, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("row 1 of sheet 'Sheet' was already written");
            assertThatThrownBy(() -> sheet.row(5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row 6 of sheet 'Sheet' after row 201");
        } finally {
            wb.dispose();
        }
    }
}
