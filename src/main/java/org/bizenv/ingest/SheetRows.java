package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.xml.sax.SAXException;

/**
 * One sheet of an .xlsx workbook read row by row, holding one row at a time: for files too long to hold as a {@link
 * Table}, such as survey microdata (one row per respondent, 50,000 and more). The workbook is checked and its sheet
 * found as {@link Tables#open} does it ({@link WorkbookFiles}, {@link WorkbookSheets}) and every cell is typed by the
 * same SAX handler ({@link SheetCells}), driven one XML event at a time, so a cell reads the same either way; but the
 * package is read from the file as it goes (nothing unzipped ahead, so no limit on the sheet's size, only on how much
 * each part expands) and the sheet's rows are handed out in the file's order. The shared-strings table (one entry per
 * distinct text the workbook stores there) and the styles are held. Every way the file is unusable is a problem at the
 * file, never an exception; a part that fails while it is read (damaged, or a zip bomb's expansion) ends the rows
 * there, reported at the file with the row it stopped at. Not thread-safe.
 */
public final class SheetRows implements AutoCloseable {

    private final String path;
    private final OPCPackage pkg;
    private final InputStream in;
    private final SheetCells.Streamed rows;
    private final String sheet;
    private final Problems problems;
    private boolean done;

    private SheetRows(String path, OPCPackage pkg, InputStream in, SheetCells.Streamed rows, String sheet,
                      Problems problems) {
        this.path = path;
        this.pkg = pkg;
        this.in = in;
        this.rows = rows;
        this.sheet = sheet;
        this.problems = problems;
    }

    /**
     * Opens the sheet, or reports why it cannot be read (missing file, not a workbook, missing sheet) and gives null.
     *
     * @param folder    the data folder
     * @param path      the file, relative to the data folder, as locations name it
     * @param sheetName the sheet (matched ignoring case), null for the first
     * @param problems  where the problems of the file and of its cells' positions go
     */
    public static SheetRows open(Path folder, String path, String sheetName, Problems problems) {
        Path file = folder.resolve(path);
        if (!CsvRecords.isFile(file, path, problems)) {
            return null;
        }
        if (!Tables.isWorkbook(path)) {
            Tables.notReadable(path, false, problems);
            return null;
        }
        Location where = Location.ofFile(path);
        OPCPackage pkg = WorkbookFiles.openPackageStreamed(file, message -> problems.add(where, message));
        if (pkg == null) {
            return null;
        }
        InputStream in = null;
        try {
            WorkbookSheets.Located sheet = WorkbookSheets.locate(pkg, path, sheetName, problems);
            if (sheet == null) {
                pkg.revert();
                return null;
            }
            in = sheet.part().open();
            SheetCells.Streamed rows = new SheetCells.Streamed(in, path, sheet.name(), sheet.styles(), sheet.strings(),
                    sheet.date1904());
            return new SheetRows(path, pkg, in, rows, sheet.name(), problems);
        } catch (IOException | SAXException | OpenXML4JException | POIXMLException | IllegalArgumentException e) {
            closeQuietly(in);
            pkg.revert();
            problems.add(where, WorkbookFiles.cannotOpen(e));
            return null;
        }
    }

    /** The sheet's name as the workbook spells it. */
    public String sheet() {
        return sheet;
    }

    /**
     * The next row's cells (index 0 = column A; null where the row has no cell; a row may be all blank), or null at
     * the end of the sheet, also when a damaged part ends the reading (then reported at the file).
     */
    public TableCell[] next() {
        if (done) {
            return null;
        }
        try {
            TableCell[] row = rows.next(problems);
            done = row == null;
            return row;
        } catch (SAXException | POIXMLException | IllegalArgumentException e) {
            done = true;
            problems.add(Location.ofFile(path), WorkbookFiles.cannotOpen(e) + "; reading stopped at row " + (rows.row() + 1));
            return null;
        }
    }

    /** The row number (1-based) of the row {@link #next} returned last. */
    public long row() {
        return rows.row();
    }

    @Override
    public void close() {
        done = true;
        rows.close();
        closeQuietly(in);
        pkg.revert();                                        // read only: closes the file
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // read only: nothing is lost
            }
        }
    }
}
