package org.bizenv.ingest;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a value or a problem is: a file (path as given, relative to the data folder), optionally a sheet
 * (null for CSV files), optionally a cell in A1 notation (row 1 is a CSV file's header).
 * Prints as {@code returns/wuhan.xlsx!Data!D17}, {@code survey.csv!D17}, {@code statistics.xlsx!Data},
 * {@code returns/wuhan.xlsx}.
 */
public record Location(String file, String sheet, String cell) implements Comparable<Location> {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Location> ORDER = Comparator.comparing(Location::file, NULLS_FIRST)
            .thenComparing(Location::sheet, NULLS_FIRST)
            .thenComparingInt(Location::row)
            .thenComparingInt(Location::column)
            .thenComparing(Location::cell, NULLS_FIRST);

    private static final String[] LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");

    public Location {
        Objects.requireNonNull(file, "file");
    }

    public static Location ofFile(String file) {
        return new Location(file, null, null);
    }

    /** A sheet of a workbook; with a null sheet (CSV), the file. */
    public static Location ofSheet(String file, String sheet) {
        return new Location(file, sheet, null);
    }

    /** A cell; {@code row} and {@code column} are 1-based. */
    public static Location ofCell(String file, String sheet, int row, int column) {
        if (row < 1 || column < 1) {
            throw new IllegalArgumentException("row and column are 1-based: " + row + ", " + column);
        }
        return new Location(file, sheet, columnName(column) + row);
    }

    /** The same file and sheet, another cell. */
    public Location withCell(int row, int column) {
        return ofCell(file, sheet, row, column);
    }

    /** 1 → A, 26 → Z, 27 → AA. */
    public static String columnName(int column) {
        if (column >= 1 && column <= 26) {
            return LETTERS[column - 1];                 // most cells: no builder for one letter
        }
        StringBuilder s = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            s.append((char) ('A' + (c - 1) % 26));
        }
        return s.reverse().toString();
    }

    /** The cell's row (1-based), 0 without a cell. */
    public int row() {
        if (cell == null) {
            return 0;
        }
        int i = 0;
        while (i < cell.length() && Character.isLetter(cell.charAt(i))) {
            i++;
        }
        try {
            return Integer.parseInt(cell.substring(i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The cell's column (1-based), 0 without a cell. */
    public int column() {
        if (cell == null) {
            return 0;
        }
        int c = 0;
        for (int i = 0; i < cell.length() && Character.isLetter(cell.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(cell.charAt(i)) - 'A' + 1);
        }
        return c;
    }

    /** File, then sheet, then row, then column. */
    @Override
    public int compareTo(Location other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (sheet != null) {
            s.append('!').append(sheet);
        }
        if (cell != null) {
            s.append('!').append(cell);
        }
        return s.toString();
    }
}
