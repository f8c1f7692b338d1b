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
import java.util.concurrent.Callable;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Opens an .xlsx sheet or a .csv file as a {@link Table}. Every way a file can be unusable (missing, not a
 * workbook, wrong extension, missing sheet, text in no encoding read) is a reported problem and a null table, never an
 * exception; only a failing disk (an {@link IOException} on a readable file) is thrown, as
 * {@link UncheckedIOException}.
 *
 * <p>Workbooks ({@link WorkbookFiles} checks them, {@link WorkbookSheets} reads a sheet by streaming, {@link
 * SheetCells} types its cells): numeric cells are read as numbers ({@link org.apache.poi.ss.usermodel.DataFormatter}
 * only gives their displayed text); numbers formatted as percentages are converted to percent points (0.12 → 12);
 * numbers formatted as dates or times are {@link TableCell.Kind#DATE}, not numbers; formula cells are read by their
 * cached (last saved) result. CSV: see {@link CsvRecords} and {@link CsvEncoding}.
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
        if (isWorkbook(path)) {
            return WorkbookSheets.read(file, path, sheet, problems);
        }
        if (csvAllowed && path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return readCsv(file, path, encoding, expected, problems);
        }
        notReadable(path, csvAllowed, problems);
        return null;
    }

    /** Whether a file is read as a workbook, by its name's extension (.xlsx, .xlsm; any case). */
    public static boolean isWorkbook(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    /** Reports a file whose extension is neither a workbook's nor (when {@code csvAllowed}) a CSV file's. */
    static void notReadable(String path, boolean csvAllowed, Problems problems) {
        String name = Path.of(path).getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? "a file without extension" : "a " + name.substring(dot) + " file";
        problems.add(Location.ofFile(path), "not an Excel workbook (.xlsx)" + (csvAllowed ? " or a .csv file: " : ": ") + type
                + (name.endsWith(".xls") ? "; save it as .xlsx" : ""));
    }

    /** A workbook's table (null when there is none) and the problems found opening it. */
    record Opened(Table table, Problems problems) {
    }

    /**
     * Opens many workbooks ({@link #openWorkbook}) on up to {@code threads} threads, each with its own problems, and
     * gives them in the order of {@code paths}, so that a reader going through them in that order adds the same
     * problems in the same order for any number of threads.
     */
    static List<Opened> openWorkbooks(Path folder, List<String> paths, String sheet, int threads) {
        List<Callable<Opened>> tasks = new ArrayList<>(paths.size());
        for (String path : paths) {
            tasks.add(() -> {
                Problems own = new Problems();
                return new Opened(openWorkbook(folder, path, sheet, own), own);
            });
        }
        return Parallel.all(tasks, threads);
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

    /**
     * A date or time as ISO 8601 ({@code 2024-03-05}, {@code 12:00}, {@code 2024-03-05 12:00:30}) rather than in the
     * cell's format, whose short date Excel shows in each person's own locale: the person recognises the value
     * either way, and the message reads the same on every machine.
     */
    static String shownDate(double serial, boolean date1904) {
        LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
        String time = t.toLocalTime().format(t.getSecond() == 0 ? Times.HH_MM : Times.HH_MM_SS);
        if (serial < 1) {
            return time;
        }
        String date = t.toLocalDate().toString();
        return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? date : date + " " + time;
    }

    /** The formats of times, set up only when a date or time is shown (java.time's formatting is many classes). */
    private static final class Times {
        static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
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
