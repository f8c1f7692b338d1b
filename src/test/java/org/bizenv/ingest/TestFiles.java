package org.bizenv.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds small input files for tests. */
public final class TestFiles {

    /** A numeric cell formatted as a percentage ({@code 0.00%}). */
    public record Pct(double fraction) {
    }

    /** A formula cell; {@code evaluate} saves its result as Excel would, otherwise it has none. */
    public record Formula(String formula, boolean evaluate) {
    }

    /** A boolean cell. */
    public record Bool(boolean value) {
    }

    /** A numeric cell with a number format, e.g. {@code new Formatted(45356, "yyyy-mm-dd")}. */
    public record Formatted(double value, String format) {
    }

    private TestFiles() {
    }

    /** A workbook with one sheet; row 1 first; cells: String (text), Number, null (no cell), Pct, Formula, Bool. */
    public static Path xlsx(Path file, String sheet, Object[]... rows) {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put(sheet, rows);
        return xlsx(file, sheets);
    }

    public static Path xlsx(Path file, Map<String, Object[][]> sheets) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle pct = wb.createCellStyle();
            pct.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            boolean evaluate = false;
            for (Map.Entry<String, Object[][]> e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                Object[][] rows = e.getValue();
                for (int r = 0; r < rows.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        Object v = rows[r][c];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof String s) {
                            cell.setCellValue(s);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof Pct p) {
                            cell.setCellValue(p.fraction());
                            cell.setCellStyle(pct);
                        } else if (v instanceof Bool b) {
                            cell.setCellValue(b.value());
                        } else if (v instanceof Formatted f) {
                            CellStyle style = wb.createCellStyle();
                            style.setDataFormat(wb.createDataFormat().getFormat(f.format()));
                            cell.setCellValue(f.value());
                            cell.setCellStyle(style);
                        } else if (v instanceof Formula f) {
                            cell.setCellFormula(f.formula());
                            evaluate |= f.evaluate();
                        } else {
                            throw new IllegalArgumentException("cell " + v);
                        }
                    }
                }
            }
            if (evaluate) {
                var evaluator = wb.getCreationHelper().createFormulaEvaluator();
                for (Map.Entry<String, Object[][]> e : sheets.entrySet()) {
                    Object[][] rows = e.getValue();
                    for (int r = 0; r < rows.length; r++) {
                        for (int c = 0; rows[r] != null && c < rows[r].length; c++) {
                            if (rows[r][c] instanceof Formula f && f.evaluate()) {
                                evaluator.evaluateFormulaCell(wb.getSheet(e.getKey()).getRow(r).getCell(c));
                            }
                        }
                    }
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A data return as cities send them: sheet {@code Data}, B1 the city, row 3 the header, from row 4 items
     * {code, name, unit, value, note}.
     */
    public static Path returnWorkbook(Path file, String city, Object[]... items) {
        Object[][] rows = new Object[3 + items.length][];
        rows[0] = new Object[] {"城市 City", city};
        rows[1] = new Object[] {"2024 data return"};
        rows[2] = new Object[] {"Code", "Item", "Unit", "Value", "Note"};
        System.arraycopy(items, 0, rows, 3, items.length);
        return xlsx(file, "Data", rows);
    }

    /**
     * Rewrites one part of a workbook (e.g. {@code xl/worksheets/sheet1.xml}) as Excel never would, for the tests
     * of files that were not saved by Excel: {@code edit} gets the part's XML and returns the new one.
     */
    public static Path rewritePart(Path xlsx, String part, java.util.function.UnaryOperator<String> edit) {
        return pad(xlsx, part, s -> edit.apply(s), 0, false);
    }

    /**
     * Inserts {@code bytes} bytes of padding into a part, right after {@code <sheetData>}, streaming it so that no
     * test holds it in memory: spaces (a zip bomb: they compress about a thousand to one) or, when {@code varied},
     * spaces with a random hex digit every 40 bytes, which compress only about 30 to one.
     */
    public static Path pad(Path xlsx, String part, long bytes, boolean varied) {
        return pad(xlsx, part, s -> s, bytes, varied);
    }

    private static Path pad(Path xlsx, String part, java.util.function.UnaryOperator<String> edit, long bytes,
                            boolean varied) {
        Path tmp = xlsx.resolveSibling(xlsx.getFileName() + ".tmp");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(xlsx.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(1);
            for (var entries = in.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = entries.nextElement();
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] content = in.getInputStream(e).readAllBytes();
                if (!e.getName().equals(part)) {
                    out.write(content);
                    continue;
                }
                String xml = edit.apply(new String(content, StandardCharsets.UTF_8));
                int open = xml.indexOf("<sheetData>");
                int at = open < 0 ? xml.length() : open + "<sheetData>".length();
                out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                java.util.Random random = new java.util.Random(1);
                byte[] block = new byte[64 * 1024];
                for (long left = bytes; left > 0; left -= block.length) {
                    java.util.Arrays.fill(block, (byte) ' ');
                    for (int i = 0; varied && i < block.length; i += 40) {
                        block[i] = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                    }
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
                out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.move(tmp, xlsx, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path text(Path file, String content) {
        return bytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path bytes(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems as strings, {@code where: message}, in order. */
    public static String[] lines(java.util.List<DataProblem> problems) {
        return problems.stream().map(DataProblem::toString).toArray(String[]::new);
    }
}
