package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A sheet of an .xlsx workbook or a .csv file, held in memory as a grid of {@link TableCell}s with 1-based
 * row and column numbers (row 1 of a CSV file is its header). Opened by {@link Tables#open}.
 */
public final class Table {

    private static final TableCell[] NO_CELLS = new TableCell[0];

    private final String file;
    private final String sheet;
    private final TableCell[][] rows;

    /**
     * @param file  the file's path as given (relative to the data folder)
     * @param sheet the sheet's name, null for a CSV file
     * @param rows  row 1 first; a row may be null (empty) or shorter than others; cells may be null (blank)
     */
    Table(String file, String sheet, List<TableCell[]> rows) {
        this.file = file;
        this.sheet = sheet;
        this.rows = rows.toArray(new TableCell[0][]);
    }

    /** A table of text fields (CSV): empty or whitespace-only fields are blank. */
    static Table ofText(String file, List<String[]> records) {
        List<TableCell[]> rows = new ArrayList<>(records.size());
        for (int r = 0; r < records.size(); r++) {
            String[] fields = records.get(r);
            TableCell[] cells = new TableCell[fields.length];
            for (int c = 0; c < fields.length; c++) {
                cells[c] = TableCell.text(Location.ofCell(file, null, r + 1, c + 1), fields[c]);
            }
            rows.add(cells);
        }
        return new Table(file, null, rows);
    }

    public String file() {
        return file;
    }

    /** The sheet's name as the workbook spells it; null for a CSV file. */
    public String sheet() {
        return sheet;
    }

    /** The table as a whole: {@code statistics.xlsx!Data}, or {@code statistics.csv}. */
    public Location where() {
        return Location.ofSheet(file, sheet);
    }

    /** The number of the last row that has a cell (0 for an empty table). */
    public int rowCount() {
        return rows.length;
    }

    /** The cell at a 1-based row and column; a blank cell (with its location) where there is none. */
    public TableCell cell(int row, int column) {
        TableCell[] cells = cells(row);
        TableCell c = column >= 1 && column <= cells.length ? cells[column - 1] : null;
        return c != null ? c : TableCell.blank(Location.ofCell(file, sheet, row, column));
    }

    /** The number of the last column the row has a cell in (blank or not). */
    public int columnCount(int row) {
        return cells(row).length;
    }

    public boolean isBlankRow(int row) {
        for (TableCell c : cells(row)) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The texts of a row ({@link TableCell#asText()}), column A first. */
    public List<String> texts(int row) {
        TableCell[] cells = cells(row);
        List<String> out = new ArrayList<>(cells.length);
        for (int c = 1; c <= cells.length; c++) {
            out.add(cell(row, c).asText());
        }
        return out;
    }

    /**
     * The 1-based column of a field in a header row (see {@link Headers}), or 0 after reporting
     * {@code missing column '…'}.
     */
    public int column(int headerRow, String field, Problems problems) {
        return Headers.column(texts(headerRow), field, where(), headerRow, problems);
    }

    /** The first row among the first {@code maxRows} with a header matching the field, or 0. */
    public int findHeaderRow(String field, int maxRows) {
        for (int r = 1; r <= Math.min(maxRows, rowCount()); r++) {
            if (!Headers.matching(texts(r), field).isEmpty()) {
                return r;
            }
        }
        return 0;
    }

    private TableCell[] cells(int row) {
        TableCell[] cells = row >= 1 && row <= rows.length ? rows[row - 1] : null;
        return cells != null ? cells : NO_CELLS;
    }
}
