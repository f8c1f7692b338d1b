package org.bizenv.report.excel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Arrays;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.TempFile;

/**
 * The cells of one worksheet, streamed as the rows leave a window of the latest {@value #WINDOW} rows, in exactly the
 * XML (UTF-8) that POI's streaming writer (SXSSF, inline strings) wrote: kept in memory up to {@value #IN_MEMORY}
 * bytes (most sheets, and no temporary file to make, write, read back and delete), beyond that in an uncompressed
 * temporary file, so memory stays flat at any size. Everything else about the sheet (widths, panes, merged cells,
 * print setup, the drawing) is kept by its {@link SheetLayout}, and the whole worksheet part is written by
 * {@link #writePart} when the {@link ReportWorkbook} is written.
 *
 * <p>Why not SXSSF itself: every SXSSF sheet measures the default font's character width with Java's font system (an
 * auto-size tracker this report never uses), which loads and parses the machine's fonts on the first sheet of a run
 * (measured: about 0.1 s of CPU in a JVM without a class archive) and lays out text on every later one; and it keeps
 * a cell object, a row object and a tree-map entry per cell. Here a row is a few arrays, written straight from them.
 */
final class StreamedSheet {
    /** Rows kept in memory while streaming: a sheet may still write to a row this far above the newest. */
    static final int WINDOW = 200;
    /** Bytes of rows a sheet keeps in memory before it moves them to a temporary file. */
    static final int IN_MEMORY = 512 * 1024;
    static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    /** Column letters, made once per column and JVM ("A", "B", … "AA"). */
    private static volatile String[] letters = new String[0];

    /** The sheet's name, as its tab shows it. */
    final String name;
    /** The sheet's number in the order sheets were made: its part is {@code xl/worksheets/sheet<number>.xml}. */
    final int number;
    final SheetLayout layout = new SheetLayout();
    /** The cells' range, as the part's {@code <dimension>} states it: set when the sheet is finished. */
    private String dimension = "A1";
    private final ArrayDeque<SheetRow> window = new ArrayDeque<>();
    /** The rows written: all of them while {@link #file} is null, else those not yet moved to it. */
    private byte[] buf = new byte[8192];
    private int len;
    private File file;
    private OutputStream spill;
    private boolean finished;
    private int firstRow = -1;
    private int lastRow = -1;
    private int leftColumn = LAST_COLUMN;
    private int rightColumn;

    StreamedSheet(String name, int number) {
        this.name = name;
        this.number = number;
    }

    /** A new row below every row so far; the oldest row leaves the window (is written) when it is full. */
    SheetRow row(int num) {
        if (num <= lastRow || num > LAST_ROW) {
            throw new IllegalArgumentException("row " + (num + 1) + " of sheet '" + name
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
                throw new UncheckedIOException(e);
            }
        }
        return row;
    }

    /** Notes a cell's column for the sheet's dimension (all columns ever given a cell, as SXSSF counted them). */
    void track(int col) {
        leftColumn = Math.min(leftColumn, col);
        rightColumn = Math.max(rightColumn, col);
    }

    /** The colour scales made so far ({@link #colourScale}) and how many. */
    private final StringBuilder formats = new StringBuilder();
    private int formatCount;

    /**
     * Writes the rows still in the window; sets the sheet's dimension (the {@code <dimension>} its part carries) from
     * the first to the last row and the leftmost to the rightmost column given a cell.
     */
    void finish() throws IOException {
        if (leftColumn <= rightColumn) {
            dimension = new CellRangeAddress(firstRow, lastRow, leftColumn, rightColumn).formatAsString();
        } // else no cell: the dimension a part without rows has
        while (!window.isEmpty()) {
            writeOldest();
        }
        if (spill != null) {
            spill.write(buf, 0, len);
            len = 0;
            spill.close();
        }
        finished = true;
    }

    /**
     * Adds a colour scale over {@code range}: one {@code <conditionalFormatting>} with one rule, numbered (its
     * priority) in the order the sheet's scales were made, as POI numbered them.
     */
    void colourScale(CellRangeAddress range, CharSequence scale) {
        formats.append("<conditionalFormatting sqref=\"").append(range.formatAsString())
                .append("\"><cfRule type=\"colorScale\" priority=\"").append(++formatCount)
                .append("\"><colorScale>").append(scale).append("</colorScale></cfRule></conditionalFormatting>");
    }

    /** Copies the rows written (after {@link #finish()}) to {@code to}. */
    void copyRows(OutputStream to) throws IOException {
        if (!finished) {
            throw new IllegalStateException("sheet '" + name + "' not finished");
        }
        if (file == null) {
            to.write(buf, 0, len);
            return;
        }
        try (InputStream in = Files.newInputStream(file.toPath())) {
            in.transferTo(to);
        }
    }

    /**
     * Writes the sheet's worksheet part (after {@link #finish()}): its layout around its rows, the colour scales where
     * the schema puts them (after the merged cells, before the page margins).
     */
    void writePart(OutputStream to) throws IOException {
        var b = new StringBuilder(4096);
        layout.head(b, dimension);
        b.append("<sheetData>\n");
        to.write(b.toString().getBytes(StandardCharsets.UTF_8));
        copyRows(to);
        b.setLength(0);
        b.append("</sheetData>");
        layout.tail(b, formats);
        to.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The temporary file the rows moved to, or null while they are all in memory. */
    File spilled() {
        return file;
    }

    /** Drops the rows and deletes the temporary file, if any; true when no file is left. */
    boolean dispose() {
        buf = new byte[0];
        len = 0;
        if (file == null) {
            return true;
        }
        try {
            spill.close();
        } catch (IOException ignored) {
            // the file is deleted all the same
        }
        return file.delete() || !file.exists();
    }

    private void writeOldest() throws IOException {
        SheetRow row = window.removeFirst();
        row.written = true;
        String r = Integer.toString(row.getRowNum() + 1);
        ascii("<row r=\"");
        ascii(r);
        if (row.customHeight()) {
            ascii("\" customHeight=\"1\" ht=\"");
            ascii(row.heightText());
        }
        ascii("\">\n");
        for (int c = 0; c < row.end; c++) {
            byte kind = row.kind[c];
            if (kind == SheetRow.NONE) {
                continue;
            }
            ascii("<c r=\"");
            ascii(letters(c));
            ascii(r);
            int style = row.style[c] & 0xffff;
            if (style != 0) {
                ascii("\" s=\"");
                ascii(Integer.toString(style));
            }
            if (kind == SheetRow.TEXT) {
                String s = row.text[c];
                ascii("\" t=\"inlineStr\"><is><t");
                if (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1)))) {
                    ascii(" xml:space=\"preserve\"");
                }
                ascii(">");
                escaped(s);
                ascii("</t></is></c>");
            } else if (kind == SheetRow.NUMBER) {
                ascii("\" t=\"n\"><v>");
                ascii(Double.toString(row.number[c]));
                ascii("</v></c>");
            } else {
                ascii("\"></c>");
            }
        }
        ascii("</row>\n");
        // the row is done with: free its cells even if a sheet still holds it
        row.text = null;
        if (len >= IN_MEMORY) {
            moveToFile();
        }
    }

    /**
     * Text as SXSSF escaped it: the five XML characters but the apostrophe as entities, line breaks, tabs and
     * no-break spaces as character references, other control characters and U+FFFE/U+FFFF (which XML cannot
     * carry) as question marks; in UTF-8, a surrogate without its pair as a question mark (as Java's encoder writes
     * it).
     */
    private void escaped(String s) throws IOException {
        int i = 0;
        while (i < s.length() && plain(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            ascii(s);
            return;
        }
        var out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#xa;");
                case '\r' -> out.append("&#xd;");
                case '\t' -> out.append("&#x9;");
                case '\u00A0' -> out.append("&#xa0;");
                default -> out.append(c < ' ' || c >= '\uFFFE' ? '?' : c);
            }
        }
        bytes(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** ASCII that needs no escaping. */
    private static boolean plain(char c) {
        return c >= ' ' && c < 0x7F && c != '<' && c != '>' && c != '&' && c != '"';
    }

    /** Text all of whose characters are below U+0080, one byte each. */
    private void ascii(String s) throws IOException {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            buf[len + i] = (byte) s.charAt(i);
        }
        len += n;
    }

    private void bytes(byte[] b) throws IOException {
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    private void room(int n) throws IOException {
        if (len + n <= buf.length) {
            return;
        }
        if (spill != null) {
            spill.write(buf, 0, len);
            len = 0;
            if (n <= buf.length) {
                return;
            }
        }
        buf = Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
    }

    /** Moves the rows so far to a temporary file, which takes every later row through a buffer of 64 KiB. */
    private void moveToFile() throws IOException {
        if (file != null) {
            return;
        }
        File f = TempFile.createTempFile("poi-sxssf-sheet", ".xml");
        OutputStream o = null;
        try {
            o = Files.newOutputStream(f.toPath());
            o.write(buf, 0, len);
        } catch (IOException | RuntimeException e) {
            if (o != null) {
                o.close();
            }
            Files.deleteIfExists(f.toPath());
            throw e;
        }
        file = f;
        spill = o;
        len = 0;
        buf = new byte[64 * 1024];
    }

    private static String letters(int col) {
        String[] known = letters;
        if (col < known.length) {
            return known[col];
        }
        String[] more = Arrays.copyOf(known, Math.max(col + 1, Math.max(64, known.length * 2)));
        for (int c = known.length; c < more.length; c++) {
            more[c] = CellReference.convertNumToColString(c);
        }
        letters = more;
        return more[col];
    }
}
