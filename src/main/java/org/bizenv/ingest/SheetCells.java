package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * One worksheet's cells, read by streaming its XML part ({@code xl/worksheets/sheet1.xml}) and then classified into a
 * {@link Table} exactly as POI's usermodel would give them ({@code XSSFCell}), so that a workbook reads the same
 * whichever way it is opened:
 * <ul>
 * <li>type {@code n} (or none): a number, or blank without a value (also with a style); numbers in a percentage
 * format become percent points, numbers in a date or time format {@link TableCell.Kind#DATE}. The format is the
 * cell's style's ({@code s}), else its column's ({@code <col style>}), else style 0's;</li>
 * <li>{@code s}: the shared string the value points at; {@code inlineStr}: the {@code <is>} text (else the value);
 * {@code str}: the value (a formula's text result); all with {@code _xHHHH_} escapes decoded;</li>
 * <li>{@code b}: TRUE when the value is 1, else FALSE; {@code e}: the error value ({@code #DIV/0!});</li>
 * <li>a formula ({@code <f>}, not a data table's, or any cell inside an array formula's range) is read by its cached
 * value, typed as above; without one it is an error cell holding {@code =} and the formula.</li>
 * </ul>
 * Rows and cells are taken in row and column order; a row or cell given twice keeps the last, as in POI. Cells and
 * rows beyond Excel's last column or row are one problem of the sheet and left out.
 */
final class SheetCells {

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private static final String LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnName();
    /**
     * The formatter of numbers' displayed text, one per thread (it is not thread-safe): setting one up costs more
     * than formatting a return workbook's numbers, and it keeps the formats it has parsed.
     */
    private static final ThreadLocal<DataFormatter> FORMATTER =
            ThreadLocal.withInitial(() -> new DataFormatter(Locale.ROOT));

    /** The text of a shared formula, which only POI's formula parser can shift to a cell (see {@link Workbooks}). */
    interface SharedFormulas {
        String text(String sheet, int row, int column);
    }

    /** A cell as the XML gives it. {@code value} and {@code inline} are null when absent. */
    private record Raw(long row, long column, String ref, String type, long style, String value, Formula formula,
                       boolean hasInline, String inline) {
    }

    private record Formula(String type, String text, String ref) {
    }

    private record Column(long min, long max, long style) {
    }

    /** A number format: its id and code, and whether it shows a date or time, or a percentage. */
    private record NumberFormat(short index, String code, boolean date, boolean percent) {
    }

    private final TreeMap<Long, List<Raw>> rows = new TreeMap<>();
    private final List<Column> columns = new ArrayList<>();
    /** What becomes of a row once its XML has been read: kept for {@link #toTable}, or handed out one at a time. */
    private RowSink onRow = rows::put;                      // a row given twice: the last, as in POI

    private interface RowSink {
        void row(long row, List<Raw> cells);
    }

    private SheetCells() {
    }

    static SheetCells read(InputStream sheet) throws IOException, SAXException {
        SheetCells cells = new SheetCells();
        Xml.parse(sheet, cells.new Handler());
        return cells;
    }

    /** The sheet's part held in memory (see {@link Xml#parse(byte[], java.util.function.Supplier)}). */
    static SheetCells read(byte[] sheet) throws IOException, SAXException {
        return Xml.parse(sheet, () -> new SheetCells().new Handler()).cells();
    }

    /**
     * The table, with problems of cells and rows beyond Excel's limits.
     *
     * @param sheet the sheet's name as the workbook spells it
     */
    Table toTable(String path, String sheet, CellStyles styles, SharedStrings strings, boolean date1904,
                  SharedFormulas shared, Problems problems) {
        List<CellRangeAddress> arrays = new ArrayList<>();
        Map<Long, Raw> masters = new TreeMap<>();
        for (List<Raw> row : rows.values()) {
            for (Raw c : row) {
                if (c.formula != null && "array".equals(c.formula.type) && c.formula.ref != null) {
                    arrays.add(CellRangeAddress.valueOf(c.formula.ref));
                    masters.put(key(c.row, c.column), c);
                }
            }
        }
        Classifier classify = new Classifier(path, sheet, styles, strings, date1904, shared, arrays, masters);
        List<TableCell[]> grid = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        int lastFilled = 0;
        for (Map.Entry<Long, List<Raw>> e : rows.entrySet()) {
            long r = e.getKey();
            TableCell[] line = line(r, e.getValue(), classify, outside);
            if (line == null) {
                continue;
            }
            while (grid.size() < r) {
                grid.add(null);
            }
            grid.set((int) r - 1, line);
            if (filled(line)) {
                lastFilled = (int) r;
            }
        }
        reportOutside(path, sheet, outside, outside.size(), problems);
        return new Table(path, sheet, grid.subList(0, lastFilled));
    }

    /**
     * One row's cells by column (index 0 = column A, null where the row has no cell), or null for a row beyond
     * Excel's last; cells beyond its last column are left out. What lies outside goes to {@code outside}.
     */
    private TableCell[] line(long r, List<Raw> row, Classifier classify, List<String> outside) {
        if (r > MAX_ROWS || r < 1) {
            outside.add("row " + r + " lies beyond row " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                    + ", the last row of an Excel sheet");
            return null;
        }
        Iterable<Raw> byColumn = row;                    // as a sheet's XML gives them: columns ascending
        for (int i = 1; i < row.size(); i++) {
            if (row.get(i).column <= row.get(i - 1).column) {
                TreeMap<Long, Raw> sorted = new TreeMap<>();
                for (Raw c : row) {
                    sorted.put(c.column, c);            // a column given twice: the last, as in POI
                }
                byColumn = sorted.values();
                break;
            }
        }
        int width = 0;
        for (Raw c : byColumn) {
            if (c.column > MAX_COLUMNS || c.column < 1) {
                outside.add("cell " + c.ref + " lies beyond column " + LAST_COLUMN + " ("
                        + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + "), the last column of an Excel sheet");
                continue;
            }
            width = (int) c.column;
        }
        TableCell[] line = new TableCell[width];
        for (Raw c : byColumn) {
            if (c.column <= MAX_COLUMNS && c.column >= 1) {
                line[(int) c.column - 1] = classify.cell(c, columnStyle(c.column));
            }
        }
        return line;
    }

    private static boolean filled(TableCell[] line) {
        for (TableCell c : line) {
            if (c != null && !c.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The cells and rows beyond Excel's limits, as one problem of the sheet ({@code count} of them in all). */
    private static void reportOutside(String path, String sheet, List<String> outside, long count, Problems problems) {
        if (!outside.isEmpty()) {
            problems.add(Location.ofSheet(path, sheet), outside.get(0) + (count > 1 ? " (and "
                    + (count - 1) + " more cells or rows)" : "") + ": the file was not saved by Excel or is "
                    + "damaged; open it in Excel and save it again");
        }
    }

    /**
     * A sheet read row by row as its XML is parsed ({@link Xml.Pull}), each row classified as {@link #toTable} would
     * classify it, holding one row at a time: the survey microdata's reader. Rows come in the order the file gives
     * them (Excel's: ascending); a shared formula without a saved result reads as an error cell {@code =} (shifting
     * it would take the usermodel, which is what streaming avoids); rows and cells beyond Excel's limits are one
     * problem of the sheet, added at the end. Not thread-safe.
     */
    static final class Streamed implements AutoCloseable {
        private final SheetCells cells = new SheetCells();
        private final Xml.Pull pull;
        private final Classifier classify;
        private final List<CellRangeAddress> arrays = new ArrayList<>();
        private final Map<Long, Raw> masters = new TreeMap<>();
        private final List<String> outside = new ArrayList<>();
        private final String path;
        private final String sheet;
        private long outsideCount;
        private long row;
        private List<Raw> pending;

        Streamed(InputStream in, String path, String sheet, CellStyles styles, SharedStrings strings,
                 boolean date1904) throws SAXException {
            this.path = path;
            this.sheet = sheet;
            cells.onRow = (r, raw) -> {
                row = r;
                pending = raw;
            };
            this.pull = new Xml.Pull(in, cells.new Handler());
            this.classify = new Classifier(path, sheet, styles, strings, date1904, (s, r, c) -> "", arrays, masters);
        }

        /**
         * The next row's cells (index 0 = column A, null where there is no cell; possibly all blank), or null at the
         * end of the sheet, when the problems of cells beyond Excel's limits are added.
         */
        TableCell[] next(Problems problems) throws SAXException {
            while (true) {
                pending = null;
                while (pending == null && pull.step()) {
                    // parse on until a row closes
                }
                if (pending == null) {
                    reportOutside(path, sheet, outside, outsideCount, problems);
                    return null;
                }
                for (Raw c : pending) {
                    if (c.formula != null && "array".equals(c.formula.type) && c.formula.ref != null) {
                        arrays.add(CellRangeAddress.valueOf(c.formula.ref));
                        masters.put(key(c.row, c.column), c);
                    }
                }
                int before = outside.size();
                TableCell[] line = cells.line(row, pending, classify, outside);
                // only the first is worded: the rest are counted, so that a damaged sheet cannot fill the memory
                outsideCount += outside.size() - before;
                while (outside.size() > 1) {
                    outside.remove(outside.size() - 1);
                }
                if (line != null) {
                    return line;
                }
            }
        }

        /** The row number of the row {@link #next} returned last. */
        long row() {
            return row;
        }

        @Override
        public void close() {
            pull.close();
        }
    }

    private static long key(long row, long column) {
        return row * (MAX_COLUMNS + 1L) + column;
    }

    /** The style of a column without one's own cell style: its {@code <col style>}, else 0 (the default). */
    private long columnStyle(long column) {
        for (Column c : columns) {
            if (c.min <= column && column <= c.max) {
                return c.style;
            }
        }
        return 0;
    }

    /** Turns raw cells into {@link TableCell}s (see the class comment). */
    private static final class Classifier {
        private final String path;
        private final String sheet;
        private final CellStyles styles;
        private final SharedStrings strings;
        private final boolean date1904;
        private final SharedFormulas shared;
        private final List<CellRangeAddress> arrays;
        private final Map<Long, Raw> masters;
        /** By style + 1 (0: no style of the workbook's), filled as styles are met. */
        private NumberFormat[] formats;

        Classifier(String path, String sheet, CellStyles styles, SharedStrings strings, boolean date1904,
                   SharedFormulas shared, List<CellRangeAddress> arrays, Map<Long, Raw> masters) {
            this.path = path;
            this.sheet = sheet;
            this.styles = styles;
            this.strings = strings;
            this.date1904 = date1904;
            this.shared = shared;
            this.arrays = arrays;
            this.masters = masters;
        }

        TableCell cell(Raw c, long columnStyle) {
            Location at = Location.ofCell(path, sheet, (int) c.row, (int) c.column);
            CellRangeAddress array = arrayOf(c);
            boolean formula = c.formula != null && !"dataTable".equals(c.formula.type) || array != null;
            if (formula && c.value == null) {
                return TableCell.error(at, "=" + formulaText(c, array));
            }
            String type = c.type == null ? "n" : c.type;
            return switch (type) {
                case "n" -> c.value == null ? TableCell.blank(at) : number(c, at, columnStyle);
                case "b" -> TableCell.text(at, "1".equals(c.value) ? "TRUE" : "FALSE");
                case "e" -> TableCell.error(at, c.value == null ? "" : c.value);
                case "s" -> TableCell.text(at, strings.text(c.value));
                case "inlineStr" -> TableCell.text(at, c.hasInline ? c.inline
                        : c.value == null ? "" : RichText.decode(c.value));
                case "str" -> TableCell.text(at, c.value == null ? "" : RichText.decode(c.value));
                // not a type of transitional SpreadsheetML (t="d", an ISO date, is strict's): its text
                default -> TableCell.text(at, c.value);
            };
        }

        private TableCell number(Raw c, Location at, long columnStyle) {
            double v;
            try {
                v = c.value.isEmpty() ? 0.0 : Double.parseDouble(c.value);
            } catch (NumberFormatException e) {
                return TableCell.error(at, c.value);       // damaged: a numeric cell whose value is no number
            }
            long style = styles.count() > 0 && c.style >= 0 && styles.has(c.style) ? c.style : columnStyle;
            NumberFormat f = format(style);
            if (f.date && DateUtil.isValidExcelDate(v)) {
                boolean mac = date1904;
                return TableCell.date(at, v, () -> Tables.shownDate(v, mac));
            }
            // the text as Excel shows it, only if it is read (rarely: values are read as numbers)
            return TableCell.number(at, f.percent ? CellValues.percentPoints(v) : v,
                    () -> FORMATTER.get().formatRawCellContents(v, f.index, f.code));
        }

        /** A style's number format, worked out once per style (the same for all its cells). */
        private NumberFormat format(long style) {
            int slot = styles.has(style) ? (int) style + 1 : 0;
            if (formats == null) {
                formats = new NumberFormat[styles.count() + 1];
            }
            NumberFormat f = formats[slot];
            if (f == null) {
                short formatIndex = slot > 0 ? styles.formatIndex((int) style) : 0;
                String code = slot > 0 ? styles.formatCode(formatIndex) : "General";
                f = new NumberFormat(formatIndex, code, DateUtil.isADateFormat(formatIndex, code),
                        Tables.showsPercent(code));
                formats[slot] = f;
            }
            return f;
        }

        /** The array formula whose range holds the cell, or null. */
        private CellRangeAddress arrayOf(Raw c) {
            for (CellRangeAddress a : arrays) {
                if (a.isInRange((int) c.row - 1, (int) c.column - 1)) {
                    return a;
                }
            }
            return null;
        }

        /** The formula as POI's {@code XSSFCell.getCellFormula()} gives it. */
        private String formulaText(Raw c, CellRangeAddress array) {
            if (array != null && (c.formula == null || c.formula.text.isEmpty())) {
                Raw master = masters.get(key(array.getFirstRow() + 1L, array.getFirstColumn() + 1L));
                return master == null ? "" : master.formula.text;
            }
            if ("shared".equals(c.formula.type)) {
                return shared.text(sheet, (int) c.row, (int) c.column);
            }
            return c.formula.text;
        }
    }

    /** Collects the cells and the column styles of the sheet's XML. */
    private final class Handler extends Xml.Handler {
        private boolean inData;
        private long row;
        private List<Raw> rowCells;
        private long lastColumn;
        // the cell being read
        private boolean inCell;
        private int cellDepth;
        private String ref;
        private String type;
        private long style;
        private long column;
        private StringBuilder value;
        private String formulaType;
        private String formulaRef;
        private StringBuilder formula;
        private boolean inInline;
        private final RichText inline = new RichText();
        private boolean hasInline;
        private StringBuilder collecting;

        /** The sheet this handler fills. */
        SheetCells cells() {
            return SheetCells.this;
        }

        @Override
        void open(String name, Attributes a) {
            if (inCell) {
                openInCell(name, a);
            } else if (name.equals("col") && !inData) {
                long styleOfColumn = Xml.longValue(a.getValue("style"));
                columns.add(new Column(Xml.longValue(a.getValue("min")), Xml.longValue(a.getValue("max")),
                        styleOfColumn));
            } else if (name.equals("sheetData")) {
                inData = true;
            } else if (inData && name.equals("row")) {
                row = Xml.longValue(a.getValue("r"));
                rowCells = new ArrayList<>();
                lastColumn = 0;
            } else if (rowCells != null && name.equals("c")) {
                inCell = true;
                cellDepth = depth();
                ref = a.getValue("r");
                type = a.getValue("t");
                String s = a.getValue("s");
                style = s == null ? -1 : Xml.longValue(s);
                column = ref == null ? lastColumn + 1 : columnOf(ref);
                value = null;
                formula = null;
                formulaType = null;
                formulaRef = null;
                hasInline = false;
                inInline = false;
            }
        }

        private void openInCell(String name, Attributes a) {
            if (inInline) {
                inline.open(name);
                return;
            }
            if (depth() != cellDepth + 1) {
                return;
            }
            switch (name) {
                case "v" -> {
                    value = new StringBuilder();
                    collecting = value;
                }
                case "f" -> {
                    formula = new StringBuilder();
                    formulaType = a.getValue("t");
                    formulaRef = a.getValue("ref");
                    collecting = formula;
                }
                case "is" -> {
                    inInline = true;
                    hasInline = true;
                    inline.start();
                }
                default -> { }
            }
        }

        @Override
        void close(String name) {
            if (inInline) {
                if (depth() == cellDepth + 1) {
                    inInline = false;
                } else {
                    inline.close();
                }
                return;
            }
            if (inCell && depth() == cellDepth + 1) {
                collecting = null;
            } else if (inCell && depth() == cellDepth) {
                inCell = false;
                String cellRef = ref != null ? ref : Location.columnName((int) Math.min(column, MAX_COLUMNS)) + row;
                rowCells.add(new Raw(row, column, cellRef, type, style, value == null ? null : value.toString(),
                        formula == null ? null : new Formula(formulaType == null ? "normal" : formulaType,
                                formula.toString(), formulaRef),
                        hasInline, hasInline ? inline.text() : null));
                if (column >= 1 && column <= MAX_COLUMNS) {
                    lastColumn = Math.max(lastColumn, column);
                }
            } else if (name.equals("row") && rowCells != null) {
                onRow.row(row, rowCells);
                rowCells = null;
            } else if (name.equals("sheetData")) {
                inData = false;
            }
        }

        @Override
        void text(char[] ch, int start, int length) {
            if (inInline) {
                inline.characters(ch, start, length);
            } else if (collecting != null) {
                collecting.append(ch, start, length);
            }
        }
    }

    /**
     * The 1-based column a cell reference names ({@code AXYZ1} → 34,464), counted from its letters rather than
     * through POI, which keeps columns in 16 bits and would wrap a column beyond XFD into another one.
     */
    static long columnOf(String ref) {
        long column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)) && column <= MAX_COLUMNS; i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column;
    }
}
