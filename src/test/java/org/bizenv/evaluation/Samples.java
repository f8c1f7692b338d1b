package org.bizenv.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edits copies of the sample data to make bad input for tests. */
final class Samples {

    private Samples() {
    }

    static void setCell(Path workbook, String sheet, String cell, String text) throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(workbook)) {
            wb = new XSSFWorkbook(in);
        }
        Sheet s = wb.getSheet(sheet);
        CellReference ref = new CellReference(cell);
        Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
        Cell c = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        c.setCellValue(text);
        try (OutputStream out = Files.newOutputStream(workbook)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Rewrites line {@code number} (1 = header) of a text file. */
    static void replaceLine(Path file, int number, UnaryOperator<String> edit) throws IOException {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(number - 1, edit.apply(lines.get(number - 1)));
        Files.write(file, lines);
    }
}
