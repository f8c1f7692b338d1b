package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Opens an .xlsx sheet or a .csv file as a {@link Table}. Every way a file can be unusable (missing, not a
 * workbook, wrong extension, missing sheet, not UTF-8) is a reported problem and a null table, never an
 * exception; only a failing disk (an {@link IOException} on a readable file) is thrown, as
 * {@link UncheckedIOException}.
 *
 * <p>Workbooks: numeric cells are read as numbers ({@link org.apache.poi.ss.usermodel.DataFormatter} only gives
 * their displayed text); numbers formatted as percentages are converted to percent points (0.12 → 12); formula
 * cells are read by their cached (last saved) result. CSV: see {@link CsvRecords} and {@link Utf8Input}.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * @param folder  the data folder
     * @param path    the file, relative to the data folder, as it will appear in locations
     * @param sheet   the sheet of a workbook (matched ignoring case), null for the first; ignored for CSV
     * @return the table, or null after reporting why there is none
     */
    public static Table open(Path folder, String path, String sheet, Problems problems) {
        return open(folder, path, sheet, true, problems);
    }

    /** Like {@link #open}, for sources that must be workbooks: a .csv file is reported as not a workbook. */
    public static Table openWorkbook(Path folder, String path, String sheet, Problems problems) {
        return open(folder, path, sheet, false, problems);
    }

    private static Table open(Path folder, String path, String sheet, boolean csvAllowed, Problems problems) {
        Path file = folder.resolve(path);
        if (!CsvRecords.isFile(file, path, problems)) {
            return null;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return readWorkbook(file, path, sheet, problems);
        }
        if (csvAllowed && name.endsWith(".csv")) {
            return readCsv(file, path, problems);
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "a file without extension" : "a " + name.substring(dot) + " file";
        problems.add(Location.ofFile(path), "not an Excel workbook (.xlsx)" + (csvAllowed ? " or a .csv file: " : ": ") + type
                + (name.endsWith(".xls") ? "; save it as .xlsx" : ""));
        return null;
    }

    private static Table readCsv(Path file, String path, Problems problems) {
        List<String[]> records = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.openFile(file, path, problems)) {
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
        String notWorkbook = notAWorkbook(file);
        if (notWorkbook != null) {
            problems.add(where, "not an Excel workbook (.xlsx): " + notWorkbook);
            return null;
        }
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) {
            // POI signals a damaged package with a variety of runtime exceptions: all mean "cannot be read".
            problems.add(where, "not an Excel workbook (.xlsx): the file is damaged (" + e.getMessage() + ")");
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
            return toTable(sheet, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    /** Why the file is not an .xlsx workbook, or null if its content is one. */
    private static String notAWorkbook(Path file) {
        try {
            if (Files.size(file) == 0) {
                return "the file is empty";
            }
            FileMagic magic = FileMagic.valueOf(file.toFile());
            return switch (magic) {
                case OOXML -> null;
                case OLE2 -> "an old-format .xls workbook or a password-protected file; save it as .xlsx without a password";
                case UNKNOWN -> "the content is not a workbook (is it a text or CSV file?)";
                default -> "the content is " + magic.name();
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Table toTable(Sheet sheet, String path) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        String name = sheet.getSheetName();
        List<TableCell[]> rows = new ArrayList<>();
        int lastFilled = 0;
        for (Row row : sheet) {
            int r = row.getRowNum() + 1;
            int width = Math.max(row.getLastCellNum(), 0);
            TableCell[] cells = new TableCell[width];
            boolean filled = false;
            for (Cell cell : row) {
                TableCell c = read(cell, Location.ofCell(path, name, r, cell.getColumnIndex() + 1), formatter);
                cells[cell.getColumnIndex()] = c;
                filled |= !c.isBlank();
            }
            while (rows.size() < r) {
                rows.add(null);
            }
            rows.set(r - 1, cells);
            if (filled) {
                lastFilled = r;
            }
        }
        return new Table(path, name, rows.subList(0, lastFilled));
    }

    private static TableCell read(Cell cell, Location at, DataFormatter formatter) {
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
                String format = cell.getCellStyle().getDataFormatString();
                String shown = formatter.formatRawCellContents(v, cell.getCellStyle().getDataFormat(), format);
                yield TableCell.number(at, showsPercent(format) ? CellValues.percentPoints(v) : v, shown);
            }
            case STRING -> TableCell.text(at, cell.getStringCellValue());
            case BOOLEAN -> TableCell.text(at, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> TableCell.error(at, ((XSSFCell) cell).getErrorCellString());
            default -> TableCell.blank(at);
        };
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
