package org.bizenv.report.excel;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The cells of one worksheet, streamed to a temporary file as the rows leave a window of the latest
 * {@value #WINDOW} rows, in exactly the XML that POI's streaming writer (SXSSF, inline strings, uncompressed temporary
 * files) wrote; everything else about the sheet (widths, panes, merged cells, print setup, colour scales, charts) is
 * set on its {@link XSSFSheet}, whose part the {@link PinnedTimeWorkbook} writes with these rows put in.
 *
 * <p>Why not SXSSF itself: every SXSSF sheet measures the default font's character width with Java's font system (an
 * auto-size tracker this report never uses), which loads and parses the machine's fonts on the first sheet of a run
 * (about 0.1 s of CPU) and lays out text on every later one; and it keeps a cell object, a row object and a tree map
 * entry per cell. Here a row is a few arrays and a cell is written straight from them.
 */
final class StreamedSheet {
    /** Rows kept in memory while streaming: a sheet may still write to a row this far above the newest. */
    static final int WINDOW = 200;
    static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    /** Column letters, made once per column and JVM ("A", "B", … "AA"). */
    private static volatile String[] letters = new String[0];

    final XSSFSheet sheet;
    private final File file;
    private final Writer out;
    private final ArrayDeque<SheetRow> window = new ArrayDeque<>();
    private int firstRow = -1;
    private int lastRow = -1;
    private int leftColumn = LAST_COLUMN;
    private int rightColumn;

    StreamedSheet(XSSFSheet sheet) throws IOException {
        this.sheet = sheet;
        this.file = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file.toPath()),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file.toPath());
            throw e;
        }
    }

    /** A new row below every row so far; the oldest row leaves the window (is written) when it is full. */
    SheetRow row(int num) {
        if (num <= lastRow || num > LAST_ROW) {
            throw new IllegalArgumentException("row " + (num + 1) + " of sheet '" + sheet.getSheetName()
                    + "' after row " + (lastRow + 1));
        }
        var row = new SheetRow(this, num);
        if (firstRow < 0) {
            firstRow = num;
        }
        lastRow = num;
        window.addLast(row);
        if (window.size() > WINDOW) {
            try {
                writeOldest();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return row;
    }

    /** Notes a cell's column for the sheet's dimension (all columns ever given a cell, as SXSSF counted them). */
    void track(int col) {
        leftColumn = Math.min(leftColumn, col);
        rightColumn = Math.max(rightColumn, col);
    }

    /**
     * Writes the rows still in the window and closes the file; sets the sheet's dimension (the {@code <dimension>}
     * its part carries) from the first to the last row and the leftmost to the rightmost column given a cell.
     */
    void finish() throws IOException {
        try {
            sheet.setDimensionOverride(new CellRangeAddress(firstRow, lastRow, leftColumn, rightColumn));
        } catch (IllegalArgumentException noCells) {
            // a sheet without cells keeps the dimension its part would have without rows
        }
        while (!window.isEmpty()) {
            writeOldest();
        }
        out.close();
    }

    /** Copies the rows written (after {@link #finish()}) to {@code to}. */
    void copyRows(OutputStream to) throws IOException {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            in.transferTo(to);
        }
    }

    /** Closes and deletes the temporary file; true when it is gone. */
    boolean dispose() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted all the same
        }
        return file.delete() || !file.exists();
    }

    private void writeOldest() throws IOException {
        SheetRow row = window.removeFirst();
        row.written = true;
        int num = row.getRowNum();
        String r = Integer.toString(num + 1);
        out.write("<row r=\"");
        out.write(r);
        out.write('"');
        if (row.customHeight()) {
            out.write(" customHeight=\"1\" ht=\"");
            out.write(row.heightText());
            out.write('"');
        }
        out.write(">\n");
        for (int c = 0; c < row.end; c++) {
            byte kind = row.kind[c];
            if (kind == SheetRow.NONE) {
                continue;
            }
            out.write("<c r=\"");
            out.write(letters(c));
            out.write(r);
            out.write('"');
            int style = row.style[c] & 0xffff;
            if (style != 0) {
                out.write(" s=\"");
                out.write(Integer.toString(style));
                out.write('"');
            }
            if (kind == SheetRow.TEXT) {
                String s = row.text[c];
                out.write(" t=\"inlineStr\"><is><t");
                if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)))) {
                    out.write(" xml:space=\"preserve\"");
                }
                out.write('>');
                escaped(s);
                out.write("</t></is>");
            } else if (kind == SheetRow.NUMBER) {
                out.write(" t=\"n\"><v>");
                out.write(Double.toString(row.number[c]));
                out.write("</v>");
            } else {
                out.write('>');
            }
            out.write("</c>");
        }
        out.write("</row>\n");
        // the row is done with: free its cells even if a sheet still holds it
        row.text = null;
    }

    /**
     * Text as SXSSF escaped it: the five XML characters but the apostrophe as entities, line breaks, tabs and
     * no-break spaces as character references, other control characters and U+FFFE/U+FFFF (which XML cannot
     * carry) as question marks.
     */
    private void escaped(String s) throws IOException {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity;
            switch (c) {
                case '<' -> entity = "&lt;";
                case '>' -> entity = "&gt;";
                case '&' -> entity = "&amp;";
                case '"' -> entity = "&quot;";
                case '\n' -> entity = "&#xa;";
                case '\r' -> entity = "&#xd;";
                case '\t' -> entity = "&#x9;";
                case '\u00A0' -> entity = "&#xa0;";
                default -> entity = c < ' ' || c >= '\uFFFE' ? "?" : null;
            }
            if (entity != null) {
                out.write(s, from, i - from);
                out.write(entity);
                from = i + 1;
            }
        }
        out.write(s, from, s.length() - from);
    }

    private static String letters(int col) {
        String[] known = letters;
        if (col < known.length) {
            return known[col];
        }
        String[] more = java.util.Arrays.copyOf(known, Math.max(col + 1, Math.max(64, known.length * 2)));
        for (int c = known.length; c < more.length; c++) {
            more[c] = CellReference.convertNumToColString(c);
        }
        letters = more;
        return more[col];
    }
}
