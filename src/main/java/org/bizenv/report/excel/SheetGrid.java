package org.bizenv.report.excel;

import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.bizenv.report.ReportLookup;

/**
 * Cells of one sheet, written strictly downwards, with column widths estimated from the text.
 *
 * <p>Text is only ever stored as a string: nothing here writes a formula, and text that a spreadsheet would read as
 * one ({@code =}, {@code +}, {@code -}, {@code @}) also carries Excel's quote prefix, so it stays text even when a
 * user edits the cell. Widths are computed from the text, not measured with fonts, so the same report gives the
 * same bytes on any machine.
 */
final class SheetGrid {
    /** The longest text a cell holds; longer text is cut and ends in an ellipsis. */
    private static final int MAX_TEXT = 32_767;
    /** Sheets up to this many characters wide are printed portrait, one page wide. */
    static final int PORTRAIT_FIT = 100;
    /** Sheets up to this many characters wide are printed landscape, one page wide. */
    static final int PRINT_FIT = 300;
    /** Matrices of up to this many rows print all their rows on one page tall. */
    static final int ONE_PAGE_TALL = 60;

    /** Where the rows go, and the sheet's name and layout. */
    final StreamedSheet sheet;
    private final SheetLayout layout;
    private final ReportWorkbook book;
    final ExcelStyles st;
    int next;
    private int[] width = new int[32];
    private int[] floor = new int[32];

    SheetGrid(StreamedSheet sheet, ExcelStyles st, ReportWorkbook book) {
        this.sheet = sheet;
        this.layout = sheet.layout;
        this.book = book;
        this.st = st;
    }

    /** A colour scale over {@code range} ({@code scale}: its points and colours as text); see {@link ColourScales}. */
    void colourScale(CellRangeAddress range, CharSequence scale) {
        sheet.colourScale(range, scale);
    }

    SheetRow row() {
        return sheet.row(next++);
    }

    SheetRow title(String text) {
        SheetRow t = row();
        cell(t, 0, text, st.title);
        t.setHeightInPoints(22);
        return t;
    }

    /** A header row; the column headers of a table, room for two lines each. */
    void header(List<String> heads) {
        SheetRow h = row();
        for (int c = 0; c < heads.size(); c++) {
            text(h, c, heads.get(c), st.header);
        }
        h.setHeightInPoints(32);
    }

    void span(int row, int firstCol, int lastCol) {
        if (lastCol > firstCol) {
            layout.addMergedRegion(new CellRangeAddress(row, row, firstCol, lastCol));
        }
    }

    /** Autofilter over the last header row and the rows below it. */
    void filter(int columns) {
        if (columns > 0) {
            int headerRow = headerRow();
            // as POI's setAutoFilter: the filter's range on the sheet and a hidden _FilterDatabase name
            var range = new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1);
            layout.setAutoFilter(range);
            if (filterName == null) {
                filterName = book.builtInName(ReportWorkbook.FILTER_DATABASE, sheet, true);
            }
            filterName.reference = new CellReference(sheet.name, range.getFirstRow(),
                    range.getFirstColumn(), true, true).formatAsString() + ":" + new CellReference(null,
                    range.getLastRow(), range.getLastColumn(), true, true).formatAsString();
        }
    }

    private int lastHeader = -1;
    private boolean sealed;

    private int headerRow() {
        return lastHeader;
    }

    private int frozenColumns;
    private boolean repeatRows = true;
    private boolean repeatColumns = true;
    /** The sheet's print titles once set, and their columns' and rows' parts ("" when none). */
    private ReportWorkbook.DefinedName printTitles;
    private String titleColumns = "";
    private String titleRows = "";
    /** The sheet's autofilter's name once set. */
    private ReportWorkbook.DefinedName filterName;
    /** The sheet's print area once set. */
    private ReportWorkbook.DefinedName printArea;

    /**
     * Prints no header rows on every page (a sheet whose chart sits above its table), or, with {@code columns}, no
     * name columns either (a sheet that is for the screen): to be said before {@link #widths}, which sets the print
     * layout, so that a print-titles name is never made only to be removed (a defined name, once made, stays).
     */
    void repeatNothing(boolean columns) {
        repeatRows = false;
        repeatColumns = !columns;
    }

    /** Freezes everything above the data and {@code columns} columns (the name column). */
    void freeze(int columns) {
        frozenColumns = columns;
        layout.createFreezePane(columns, lastHeader + 1);
    }

    /** Freezes {@code rows} rows and no column (the Top sheet, whose lists sit side by side). */
    void freezeRows(int rows) {
        layout.createFreezePane(0, rows);
    }

    void print() {
        print(0);
    }

    /**
     * The print layout, chosen by the width of the columns (in characters): every sheet on A4 with narrow margins
     * and its header rows repeated on every page.
     *
     * <ul>
     * <li>up to {@link #PORTRAIT_FIT} characters: portrait, one page wide;</li>
     * <li>up to {@link #PRINT_FIT}: landscape, one page wide (at no less than about half size);</li>
     * <li>wider (the city × indicator matrices): landscape, across as many pages as needed with the name columns
     * repeated, and all the cities on one page tall when they fit at a legible size;</li>
     * <li>the Ranking sheet, which a city prints and forwards: always one page wide.</li>
     * </ul>
     */
    void print(int totalWidth) {
        layout.pageSetup("paperSize", A4);
        landscape(totalWidth > PORTRAIT_FIT);
        layout.setMargin("left", 0.4);
        layout.setMargin("right", 0.4);
        layout.setMargin("top", 0.7);
        layout.setMargin("bottom", 0.7);
        layout.setMargin("header", 0.3);
        layout.setMargin("footer", 0.3);
        pages(1, 0);
        if (totalWidth <= PRINT_FIT || sheet.name.equals(ExcelReportWriter.RANKING)) {
            layout.setFitToPage(true);
        } else {
            if (frozenColumns > 0 && repeatColumns) {
                titleColumns = SheetNameFormatter.format(sheet.name) + "!$A:$"
                        + CellReference.convertNumToColString(frozenColumns - 1);
                printTitles();
            }
            if (next <= ONE_PAGE_TALL) {
                // every city on each page, the indicators across pages
                layout.setFitToPage(true);
                pages(0, 1);
            } else {
                layout.setFitToPage(false);
            }
        }
        if (lastHeader >= 0 && repeatRows) {
            titleRows = SheetNameFormatter.format(sheet.name) + "!$1:$" + (lastHeader + 1);
            printTitles();
        }
    }

    /** Paper size 9 in the print setup: A4. */
    private static final int A4 = 9;

    private void landscape(boolean landscape) {
        layout.pageSetup("orientation", landscape ? "landscape" : "portrait");
    }

    /** Printed {@code wide} pages wide and {@code tall} pages tall (0: as many as needed). */
    private void pages(int wide, int tall) {
        layout.pageSetup("fitToWidth", wide);
        layout.pageSetup("fitToHeight", tall);
    }

    /**
     * Prints only rows {@code 0..lastRow} and columns {@code 0..lastCol} (0-based): the part of a sheet that reads on
     * paper, where the rest (a matrix of hundreds of cells across) is for looking up on screen.
     */
    void printArea(int lastRow, int lastCol) {
        if (printArea == null) {
            printArea = book.builtInName(ReportWorkbook.PRINT_AREA, sheet, false);
        }
        printArea.reference = SheetNameFormatter.format(sheet.name) + "!$A$1:$"
                + CellReference.convertNumToColString(Math.max(0, lastCol)) + "$" + (Math.max(0, lastRow) + 1);
    }

    /**
     * The print titles' name: the columns, then the rows, as POI's {@code setRepeatingColumns} and
     * {@code setRepeatingRows} write it ({@code 'Sheet'!$A:$B,'Sheet'!$1:$3}). The defined names are made through
     * {@link ReportWorkbook#builtInName}.
     */
    private void printTitles() {
        if (printTitles == null) {
            printTitles = book.builtInName(ReportWorkbook.PRINT_TITLES, sheet, false);
        }
        printTitles.reference = titleColumns + (!titleColumns.isEmpty() && !titleRows.isEmpty() ? "," : "")
                + titleRows;
    }

    /**
     * Notes where the table's headers end: header-styled cells move it down until the first data cell below
     * a header, after which later tables on the sheet (Sources, Coherence) leave it alone.
     */
    private void track(SheetRow row, CellStyle style) {
        boolean head = style == st.header || style == st.headerSmall || style == st.group;
        if (head && !sealed) {
            lastHeader = Math.max(lastHeader, row.getRowNum());
        } else if (!head && lastHeader >= 0 && row.getRowNum() > lastHeader) {
            sealed = true;
        }
    }

    /** Text as a string cell (never a formula); null or empty leaves the cell empty. */
    void text(SheetRow row, int col, String s, CellStyle style) {
        if (s == null || s.isEmpty()) {
            if (style.filled) {
                blank(row, col, style);
            }
            return;
        }
        cell(row, col, s, style);
        if (style == st.header) {
            fit(col, CellText.twoLineWidth(s) + 2); // headers wrap
        } else if (style != st.group) { // group labels span several columns
            fit(col, s);
        }
    }

    /**
     * Text that wraps within a column {@code width} characters wide: the row is made tall enough for it, since
     * neither Excel nor LibreOffice re-measures rows when opening a file.
     */
    void wrapped(SheetRow row, int col, String s, int width) {
        if (s == null || s.isEmpty()) {
            return;
        }
        cell(row, col, s, st.wrap);
        fit(col, Math.min(width, CellText.displayWidth(s) + 2));
        int lines = CellText.lines(s, width - 1);
        if (lines > 1) {
            row.setHeightInPoints(Math.max(row.getHeightInPoints(), Math.min(409, lines * 14.5f + 2)));
        }
    }

    /** A string cell without width tracking (long wrapped header text). */
    void cell(SheetRow row, int col, String s, CellStyle style) {
        track(row, style);
        if (s.length() > MAX_TEXT) {
            s = s.substring(0, MAX_TEXT - 1) + "…";
        }
        row.text(col, s, (CellText.looksLikeFormula(s) ? st.quoted(style) : style).index);
    }

    void blank(SheetRow row, int col, CellStyle style) {
        track(row, style);
        row.blank(col, style.index);
    }

    /** A numeric cell; NaN and infinities leave it empty (but keep a fill, so a marked gap shows). */
    void number(SheetRow row, int col, double v, CellStyle style) {
        if (!Double.isFinite(v)) {
            if (style.filled) {
                blank(row, col, style);
            }
            return;
        }
        track(row, style);
        row.number(col, v, style.index);
        fit(col, 10);
    }

    /** Numeric cells side by side from {@code col}, all in one style. */
    void numbers(SheetRow row, int col, CellStyle style, double... values) {
        for (int k = 0; k < values.length; k++) {
            number(row, col + k, values[k], style);
        }
    }

    void integer(SheetRow row, int col, Integer v, CellStyle style) {
        if (v == null) {
            return;
        }
        track(row, style);
        row.number(col, v.intValue(), style.index);
        fit(col, Integer.toString(v).length() + 2);
    }

    /** A rank: an integer cell, centred, empty for 0 (unranked). */
    void rank(SheetRow row, int col, int rank) {
        if (rank > 0) {
            integer(row, col, rank, st.rank);
        }
    }

    private void grow(int col) {
        if (col >= width.length) {
            int n = Math.max(col + 1, width.length * 2);
            width = Arrays.copyOf(width, n);
            floor = Arrays.copyOf(floor, n);
        }
    }

    void fit(int col, String s) {
        if (s.indexOf('\n') < 0) { // nearly every cell: no array of lines to make
            fit(col, CellText.displayWidth(s) + 2);
            return;
        }
        int w = 0;
        for (String line : s.split("\n", -1)) {
            w = Math.max(w, CellText.displayWidth(line));
        }
        fit(col, w + 2);
    }

    void fit(int col, int chars) {
        grow(col);
        width[col] = Math.max(width[col], chars);
    }

    void minWidth(int col, int chars) {
        grow(col);
        floor[col] = Math.max(floor[col], chars);
    }

    /** Sets a fixed width; later {@link #widths} calls leave it alone. */
    void setWidth(int col, int chars) {
        grow(col);
        floor[col] = -chars;
        layout.setColumnWidth(col, chars * 256);
    }

    /** Sets every column's width from its text, within [min, max], and then the print layout. */
    void widths(int min, int max) {
        int total = 0;
        for (int c = 0; c < width.length; c++) {
            if (floor[c] < 0) {
                total -= floor[c];
                continue;
            }
            if (width[c] == 0 && floor[c] == 0) {
                continue;
            }
            int w = Math.min(255, Math.max(floor[c], Math.min(max, Math.max(min, width[c]))));
            layout.setColumnWidth(c, w * 256);
            total += w;
        }
        print(total);
    }

    /** Printed one page wide, however long: for the sheets that are read rather than looked up. */
    void fitWidth() {
        layout.setFitToPage(true);
        landscape(true);
        pages(1, 0);
    }

    /**
     * A heading (if any) over the notes, each in Chinese and, on the row below it, in English; nothing at all when
     * there are no notes.
     */
    void notes(String heading, List<org.bizenv.framework.Names> notes) {
        var list = ReportLookup.nonNull(notes);
        if (list.isEmpty()) {
            return;
        }
        if (heading != null) {
            row();
            cell(row(), 0, heading, st.bold);
        }
        for (var note : list) {
            if (note.zh() != null && !note.zh().isEmpty() && !note.zh().equals(note.en())) {
                cell(row(), 0, note.zh(), st.text);
            }
            if (note.en() != null && !note.en().isEmpty()) {
                cell(row(), 0, note.en(), st.text);
            }
        }
    }
}
