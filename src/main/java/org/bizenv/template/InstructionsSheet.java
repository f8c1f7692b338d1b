package org.bizenv.template;

import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * A sheet of instructions (填报说明), written top to bottom: a title, paragraphs across the sheet's width (Chinese
 * first, then English), labelled lines (some left open for the evaluation team, e.g. the deadline) and tables.
 * Paragraphs are merged across the columns and wrapped, with the row made tall enough, so that the sheet prints on
 * A4 without text running off the page.
 */
final class InstructionsSheet {

    /** The name of every template's instructions sheet. */
    static final String NAME = "填报说明 Instructions";

    private final Book b;
    private final XSSFSheet s;
    private final int columns;
    private final int totalWidth;
    private int row;

    /** @param widths the columns' widths in characters; paragraphs span all of them */
    InstructionsSheet(Book b, String name, int... widths) {
        this.b = b;
        this.s = b.sheet(name);
        this.columns = widths.length;
        Book.widths(s, widths);
        int w = 0;
        for (int x : widths) {
            w += x;
        }
        this.totalWidth = w;
    }

    XSSFSheet sheet() {
        return s;
    }

    InstructionsSheet title(String text) {
        b.put(s, row++, 0, text, b.title);
        return this;
    }

    InstructionsSheet gap() {
        row++;
        return this;
    }

    /** A wrapped paragraph across the sheet. */
    InstructionsSheet paragraph(String text) {
        return paragraph(text, b.plain);
    }

    InstructionsSheet heading(String text) {
        return paragraph(text, b.header);
    }

    private InstructionsSheet paragraph(String text, CellStyle base) {
        CellStyle style = b.wb.createCellStyle();
        style.cloneStyleFrom(base);
        style.setWrapText(true);
        b.put(s, row, 0, text, style);
        if (columns > 1) {
            s.addMergedRegion(new CellRangeAddress(row, row, 0, columns - 1));
        }
        int lines = Book.lines(text, totalWidth);
        if (lines > 1) {
            Book.row(s, row).setHeightInPoints(lines * Book.LINE_POINTS);
        }
        row++;
        return this;
    }

    /**
     * A label in the first column and its value across the others; an open value is an empty yellow cell left for
     * whoever sends the form (the deadline, where to send it).
     */
    Cell labelled(String label, String value, boolean open) {
        b.put(s, row, 0, label, b.header);
        Cell c = open ? b.blankInput(s, row, 1) : b.put(s, row, 1, value, b.text);
        for (int col = 2; col < columns; col++) {
            Book.row(s, row).createCell(col).setCellStyle(open ? b.input : b.text);
        }
        if (columns > 2) {
            s.addMergedRegion(new CellRangeAddress(row, row, 1, columns - 1));
        }
        row++;
        return c;
    }

    /** A bordered table: one header row, then the rows (cells wrapped, rows sized to their text). */
    InstructionsSheet table(List<String> headers, List<List<String>> rows) {
        for (int c = 0; c < headers.size(); c++) {
            b.put(s, row, c, headers.get(c), b.header);
        }
        Book.fitHeight(s, row);
        row++;
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                b.put(s, row, c, r.get(c), b.text);
            }
            Book.fitHeight(s, row);
            row++;
        }
        return this;
    }

    /** Protected (open cells stay editable) and set up to print on A4, one page wide. */
    XSSFSheet finish(boolean landscape) {
        Book.printSetup(s, landscape);
        Book.protect(s);
        return s;
    }
}
