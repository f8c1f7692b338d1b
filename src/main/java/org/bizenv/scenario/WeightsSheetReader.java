package org.bizenv.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.framework.yaml.YamlValues;
import org.bizenv.ingest.WorkbookFiles;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.robustness.Scenario;

/**
 * Reads a Weights sheet of a bizenv Excel report, as edited by an analyst, as a weights-only {@link Scenario}.
 *
 * <p>Layout: a header row (among the first 20 rows) with a "code" column and a "weight" column; headers may be
 * bilingual ("代码 Code", "权重 Weight (within parent)") — the English word is matched, whole-word and case-blind. If
 * several headers say "weight", those saying "effective" are ignored and one saying "within" is preferred; a code
 * column saying "parent" is ignored. Each following row with a code sets that node's or indicator's weight within its
 * parent; a blank weight leaves it nominal, and the index's own row (it has no parent) is skipped. Numbers may be
 * numeric cells, formulas with a cached value, or text such as "0.35" or "1/3". Unknown codes and unreadable weights are
 * errors naming the cell ({@code file!sheet!C7}), all reported together.
 */
public final class WeightsSheetReader {

    private static final Pattern CODE = Pattern.compile("(?i)\\bcode\\b");
    private static final Pattern WEIGHT = Pattern.compile("(?i)\\bweight\\b");
    private static final int HEADER_SEARCH_ROWS = 20;

    private WeightsSheetReader() {
    }

    /**
     * @param sheetName the sheet to read; null = a sheet named "Weights" (any case), else the first sheet whose
     *                  header row has both columns
     */
    public static Scenario read(Path book, String sheetName, Framework fw, String id, Names name) {
        String file = book.getFileName().toString();
        if (!Files.isRegularFile(book)) {
            throw new RobustnessException(book + ": no such workbook");
        }
        List<String> unreadable = new ArrayList<>();
        Workbook opened = WorkbookFiles.open(book, unreadable::add);
        if (opened == null) {
            throw new RobustnessException(file + ": " + unreadable.get(0));
        }
        try (Workbook wb = opened) {
            Sheet sheet = pick(wb, sheetName, file);
            String where = file + "!" + sheet.getSheetName();
            int[] header = header(sheet);
            if (header == null) {
                throw new RobustnessException(where + ": no header row with a 'code' and a 'weight' column in the "
                        + "first " + HEADER_SEARCH_ROWS + " rows");
            }
            List<String> problems = new ArrayList<>();
            int codeCol = pickColumn(sheet.getRow(header[0]), CODE, "parent", null, where, "code", problems);
            int weightCol = pickColumn(sheet.getRow(header[0]), WEIGHT, "effective", "within", where, "weight",
                    problems);
            if (!problems.isEmpty()) {
                throw new RobustnessException(problems);
            }
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            String root = fw.nodes().get(fw.tree().root()).code();
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int r = header[0] + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Cell codeCell = row.getCell(codeCol);
                String code = codeCell == null ? "" : fmt.formatCellValue(codeCell).strip();
                if (code.isEmpty()) {
                    continue;
                }
                String ref = where + "!" + new CellReference(r, codeCol).formatAsString(false);
                boolean node = fw.nodes().stream().anyMatch(x -> x.code().equals(code));
                boolean indicator = fw.indicators().stream().anyMatch(x -> x.code().equals(code));
                if (!node && !indicator) {
                    problems.add(ref + ": unknown code '" + code + "'");
                    continue;
                }
                if (code.equals(root)) {
                    continue;           // the index has no weight within a parent
                }
                Cell wc = row.getCell(weightCol);
                String wref = where + "!" + new CellReference(r, weightCol).formatAsString(false);
                Double w = number(wc);
                if (w == null) {
                    if (wc != null && !fmt.formatCellValue(wc).isBlank()) {
                        problems.add(wref + ": the weight of " + code + " is not a number: '"
                                + fmt.formatCellValue(wc) + "'");
                    }
                    continue;
                }
                if (!(w >= 0) || w.isInfinite()) {
                    problems.add(wref + ": the weight of " + code + " must be >= 0, not " + w);
                    continue;
                }
                if (weights.put(code, w) != null) {
                    problems.add(ref + ": " + code + " appears twice");
                }
            }
            if (!problems.isEmpty()) {
                throw new RobustnessException(problems);
            }
            return new Scenario(id, name, weights, Map.of(), Map.of(), where);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RobustnessException re) {
                throw re;
            }
            throw new RobustnessException(file + ": cannot read the workbook: " + e.getMessage());
        }
    }

    private static Sheet pick(Workbook wb, String sheetName, String file) {
        if (sheetName != null) {
            Sheet s = wb.getSheet(sheetName);
            if (s == null) {
                throw new RobustnessException(file + ": no sheet '" + sheetName + "'");
            }
            return s;
        }
        for (Sheet s : wb) {
            if (s.getSheetName().equalsIgnoreCase("Weights")) {
                return s;
            }
        }
        for (Sheet s : wb) {
            if (header(s) != null) {
                return s;
            }
        }
        throw new RobustnessException(file + ": no sheet named 'Weights' and no sheet with a 'code' and a 'weight' "
                + "column");
    }

    /** {row} of the first row with a code and a weight header, or null. */
    private static int[] header(Sheet s) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        for (int r = s.getFirstRowNum(); r <= Math.min(s.getLastRowNum(), s.getFirstRowNum() + HEADER_SEARCH_ROWS); r++) {
            Row row = s.getRow(r);
            if (row == null) {
                continue;
            }
            boolean code = false;
            boolean weight = false;
            for (Cell c : row) {
                String t = fmt.formatCellValue(c);
                code |= CODE.matcher(t).find();
                weight |= WEIGHT.matcher(t).find();
            }
            if (code && weight) {
                return new int[] {r};
            }
        }
        return null;
    }

    private static int pickColumn(Row header, Pattern word, String exclude, String prefer, String where, String what,
                                  List<String> problems) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        List<Integer> cols = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Cell c : header) {
            String t = fmt.formatCellValue(c);
            if (word.matcher(t).find() && !t.toLowerCase(Locale.ROOT).contains(exclude)) {
                cols.add(c.getColumnIndex());
                texts.add(t);
            }
        }
        if (cols.size() > 1 && prefer != null) {
            List<Integer> preferred = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                if (texts.get(i).toLowerCase(Locale.ROOT).contains(prefer)) {
                    preferred.add(cols.get(i));
                }
            }
            if (preferred.size() == 1) {
                return preferred.get(0);
            }
        }
        if (cols.size() != 1) {
            problems.add(where + "!" + (header.getRowNum() + 1) + ": " + (cols.isEmpty() ? "no" : "more than one")
                    + " '" + what + "' column in the header row" + (cols.isEmpty() ? "" : ": " + texts));
            return -1;
        }
        return cols.get(0);
    }

    private static Double number(Cell c) {
        if (c == null) {
            return null;
        }
        CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (t) {
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? null : c.getNumericCellValue();   // a day number
            case STRING -> YamlValues.number(c.getStringCellValue());
            default -> null;
        };
    }
}
