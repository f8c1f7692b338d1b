package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading a written workbook back with POI, as the report and city-card tests check it. */
public final class ReadBack {
    private ReadBack() {
    }

    /** The workbook at {@code p}, its file closed once read. */
    public static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    /** Every string cell of the sheet, row by row, one a line. */
    public static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING) {
                    b.append(c.getStringCellValue()).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** The cell at ({@code row}, {@code col}), both from 0, or null when the row or the cell is absent. */
    public static Cell cell(Sheet s, int row, int col) {
        Row r = s.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    /** The string in the cell, asserting that the cell is there and holds a string. */
    public static String text(Sheet s, int row, int col) {
        Cell c = cell(s, row, col);
        assertThat(c).as("%s!%s", s.getSheetName(), ref(row, col)).isNotNull();
        assertThat(c.getCellType()).as("%s!%s", s.getSheetName(), ref(row, col)).isEqualTo(CellType.STRING);
        return c.getStringCellValue();
    }

    /** The number in the cell, asserting that the cell is there and holds a number. */
    public static double number(Sheet s, int row, int col) {
        Cell c = cell(s, row, col);
        assertThat(c).as("%s!%s", s.getSheetName(), ref(row, col)).isNotNull();
        assertThat(c.getCellType()).as("%s!%s", s.getSheetName(), ref(row, col)).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }

    /** Whether the cell is absent or blank. */
    public static boolean empty(Sheet s, int row, int col) {
        Cell c = cell(s, row, col);
        return c == null || c.getCellType() == CellType.BLANK;
    }

    /** The cell's solid fill as RGB hex ({@code FFEB9C}), or null when it is not filled. */
    public static String fill(Sheet s, int row, int col) {
        var style = (XSSFCellStyle) cell(s, row, col).getCellStyle();
        return style.getFillPattern() != FillPatternType.SOLID_FOREGROUND ? null
                : style.getFillForegroundXSSFColor().getARGBHex().substring(2);
    }

    /** The cell's A1 reference ({@code B3}). */
    public static String ref(int row, int col) {
        return new CellReference(row, col).formatAsString();
    }
}
