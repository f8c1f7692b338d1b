package org.bizenv.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an .xlsx sheet or a .csv file as a {@link Table}. Every way a file can be unusable (missing, not a
 * workbook, wrong extension, missing sheet, text in no encoding read) is a reported problem and a null table, never an
 * exception; only a failing disk (an {@link IOException} on a readable file) is thrown, as
 * {@link UncheckedIOException}.
 *
 * <p>Workbooks ({@link WorkbookFiles} opens them): numeric cells are read as numbers ({@link
 * org.apache.poi.ss.usermodel.DataFormatter} only gives their displayed text); numbers formatted as percentages are
 * converted to percent points (0.12 → 12); numbers formatted as dates or times are {@link TableCell.Kind#DATE}, not
 * numbers; formula cells are read by their cached (last saved) result. CSV: see {@link CsvRecords} and {@link
 * CsvEncoding}.
 */
public final class Tables {

    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private static final String LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnName();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Tables() {
    }

    /**
     * @param folder  the data folder
     * @param path    the file, relative to the data folder, as it will appear in locations
     * @param sheet   the sheet of a workbook (matched ignoring case), null for the first; ignored for CSV
     * @return the table, or null after reporting why there is none
     */
    public static Table open(Path folder, String path, String sheet, Problems problems) {
        return open(folder, path, sheet, true, null, CsvExpectation.NOTHING, problems);
    }

    /**
     * Like {@link #open(Path, String, String, Problems)}; a .csv file is read in the encoding stated, or else the one
     * detected, a guessed one only when its first rows are what {@code expected} says ({@link CsvRecords}).
     *
     * @param encoding the source's {@code encoding:}, null to detect; ignored for workbooks
     */
    public static Table open(Path folder, String path, String sheet, TextEncoding encoding, CsvExpectation expected,
                             Problems problems) {
        return open(folder, path, sheet, true, encoding, expected, problems);
    }

    /** Like {@link #open}, for sources that must be workbooks: a .csv file is reported as not a workbook. */
    public static Table openWorkbook(Path folder, String path, String sheet, Problems problems) {
        return open(folder, path, sheet, false, null, CsvExpectation.NOTHING, problems);
    }

    private static Table open(Path folder, String path, String sheet, boolean csvAllowed, TextEncoding encoding,
                              CsvExpectation expected, Problems problems) {
        Path file = folder.resolve(path);
        if (!CsvRecords.isFile(file, path, problems)) {
            return null;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return readWorkbook(file, path, sheet, problems);
        }
        if (csvAllowed && name.endsWith(".csv")) {
            return readCsv(file, path, encoding, expected, problems);
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "a file without extension" : "a " + name.substring(dot) + " file";
        problems.add(Location.ofFile(path), "not an Excel workbook (.xlsx)" + (csvAllowed ? " or a .csv file: " : ": ") + type
                + (name.endsWith(".xls") ? "; save it as .xlsx" : ""));
        return null;
    }

    private static Table readCsv(Path file, String path, TextEncoding encoding, CsvExpectation expected,
                                 Problems problems) {
        List<String[]> records = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.openFile(file, path, encoding, expected, problems)) {
            if (csv == null) {
                return null;
            }
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
            return csv.failed() ? null : Table.ofText(path, records);
        }
    }

    private static Table readWorkbook(Path file, String path, String sheetName, Problems problems) {
        Location where = Location.ofFile(path);
        XSSFWorkbook workbook = WorkbookFiles.open(file, message -> problems.add(where, message));
        if (workbook == null) {
            return null;
        }
        try (workbook) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                problems.add(where, "missing sheet '" + sheetName + "' (the workbook has: "
                        + names.stream().collect(Collectors.joining(", ")) + ")");
                return null;
            }
            return toTable(sheet, path, workbook.isDate1904(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /**
     * The sheet's cells. A cell or row addressed beyond Excel's last column (XFD, 16,384) or row (1,048,576) is a
     * problem and left out: Excel never writes one, and POI would wrap such a column number around into another
     * column.
     */
    private static Table toTable(Sheet sheet, String path, boolean date1904, Problems problems) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        String name = sheet.getSheetName();
        List<TableCell[]> rows = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        int lastFilled = 0;
        for (Row row : sheet) {
            long r = row.getRowNum() + 1L;
            if (r > MAX_ROWS || r < 1) {
                outside.add("row " + r + " lies beyond row " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                        + ", the last row of an Excel sheet");
                continue;
            }
            List<TableCell> cells = new ArrayList<>();
            int width = 0;
            boolean filled = false;
            for (Cell cell : row) {
                long column = column(cell);
                if (column > MAX_COLUMNS || column < 1) {
                    outside.add("cell " + reference(cell) + " lies beyond column " + LAST_COLUMN + " ("
                            + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + "), the last column of an Excel sheet");
                    continue;
                }
                TableCell c = read(cell, Location.ofCell(path, name, (int) r, (int) column), formatter, date1904);
                cells.add(c);
                width = Math.max(width, (int) column);
                filled |= !c.isBlank();
            }
            TableCell[] grid = new TableCell[width];
            for (TableCell c : cells) {
                grid[c.where().column() - 1] = c;
            }
            while (rows.size() < r) {
                rows.add(null);
            }
            rows.set((int) r - 1, grid);
            if (filled) {
                lastFilled = (int) r;
            }
        }
        if (!outside.isEmpty()) {
            problems.add(Location.ofSheet(path, name), outside.get(0) + (outside.size() > 1 ? " (and "
                    + (outside.size() - 1) + " more cells or rows)" : "") + ": the file was not saved by Excel or is "
                    + "damaged; open it in Excel and save it again");
        }
        return new Table(path, name, rows.subList(0, lastFilled));
    }

    /**
     * The cell's 1-based column as the file addresses it ({@code r="AXYZ1"}): POI keeps columns in 16 bits, so it
     * would give AXYZ as some other column.
     */
    private static long column(Cell cell) {
        String ref = reference(cell);
        if (ref == null) {
            return cell.getColumnIndex() + 1L;
        }
        long column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)) && column <= MAX_COLUMNS; i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column;
    }

    private static String reference(Cell cell) {
        return cell instanceof XSSFCell x && x.getCTCell().isSetR() ? x.getCTCell().getR()
                : Location.columnName(cell.getColumnIndex() + 1) + (cell.getRowIndex() + 1);
    }

    private static TableCell read(Cell cell, Location at, DataFormatter formatter, boolean date1904) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                return TableCell.error(at, "=" + cell.getCellFormula());
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> {
                double v = cell.getNumericCellValue();
                short formatIndex = cell.getCellStyle().getDataFormat();
                String format = cell.getCellStyle().getDataFormatString();
                if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(v)) {
                    yield TableCell.date(at, v, shownDate(v, date1904));
                }
                String shown = formatter.formatRawCellContents(v, formatIndex, format);
                yield TableCell.number(at, showsPercent(format) ? CellValues.percentPoints(v) : v, shown);
            }
            case STRING -> TableCell.text(at, cell.getStringCellValue());
            case BOOLEAN -> TableCell.text(at, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> TableCell.error(at, ((XSSFCell) cell).getErrorCellString());
            default -> TableCell.blank(at);
        };
    }

    /**
     * A date or time as ISO 8601 ({@code 2024-03-05}, {@code 12:00}, {@code 2024-03-05 12:00:30}) rather than in the
     * cell's format, whose short date Excel shows in each person's own locale: the person recognises the value
     * either way, and the message reads the same on every machine.
     */
    static String shownDate(double serial, boolean date1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        String time = t.toLocalTime().format(t.getSecond() == 0 ? HH_MM : HH_MM_SS);
        if (serial < 1) {
            return time;
        }
        String date = t.toLocalDate().toString();
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? date : date + " " + time;
    }

    /** Whether a number format multiplies by 100: a {@code %} outside quoted text and not escaped. */
    static boolean showsPercent(String format) {
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\\') {
                i++;
            } else if (!quoted && c == '%') {
                return true;
            }
        }
        return false;
    }
}
