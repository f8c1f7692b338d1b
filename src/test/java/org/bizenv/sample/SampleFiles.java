package org.bizenv.sample;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.bizenv.sample.SampleCities.City;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the generated files back, independently of the generator, the way the documented layouts describe
 * them (docs/framework-format.md). Test support only: the engine's own readers live elsewhere.
 */
final class SampleFiles {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");

    private SampleFiles() {
    }

    /**
     * The city a typed name means: NFKC (full-width to half-width), trim, lower case, ’ → ', a trailing 市
     * dropped, then the Chinese name, English name, code or an alias. Fails unless exactly one city matches.
     */
    static String resolve(String typed) {
        String key = normalise(typed);
        List<String> hits = new ArrayList<>();
        for (City c : SampleCities.FIFTY) {       // the 36 and the 50-city edition's additions
            List<String> names = new ArrayList<>(List.of(c.nameZh(), c.nameEn(), c.code()));
            names.addAll(c.aliases());
            if (names.stream().map(SampleFiles::normalise).anyMatch(key::equals)) {
                hits.add(c.code());
            }
        }
        if (hits.size() != 1) {
            throw new AssertionError("'" + typed + "' resolves to " + hits);
        }
        return hits.get(0);
    }

    private static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        return n.endsWith("市") ? n.substring(0, n.length() - 1).strip() : n;
    }

    /** A value cell: numeric, or text with thousands separators, full-width digits or (unit %) a % sign. */
    static double number(Cell cell, String unit) {
        if (cell.getCellType() == CellType.NUMERIC) {
            return cell.getNumericCellValue();
        }
        String t = Normalizer.normalize(cell.getStringCellValue(), Normalizer.Form.NFKC).strip().replace(",", "");
        if (unit.equals("%") && t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        return Double.parseDouble(t);
    }

    /** returns/&lt;code&gt;.xlsx → city code → field → value; checks that B1 names the file's city. */
    static Map<String, Map<String, Double>> returns(Path yearDir) throws IOException {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        try (var files = Files.list(yearDir.resolve("returns"))) {
            for (Path f : files.sorted().toList()) {
                String code = f.getFileName().toString().replace(".xlsx", "");
                try (Workbook wb = WorkbookFactory.create(f.toFile(), null, true)) {
                    Sheet s = wb.getSheet("Data");
                    String typed = s.getRow(0).getCell(1).getStringCellValue();
                    if (!resolve(typed).equals(code)) {
                        throw new AssertionError(f + ": B1 '" + typed + "' is not " + code);
                    }
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (int r = 3; r <= s.getLastRowNum(); r++) {
                        Row row = s.getRow(r);
                        values.put(row.getCell(0).getStringCellValue(),
                                number(row.getCell(3), row.getCell(2).getStringCellValue()));
                    }
                    out.put(code, values);
                }
            }
        }
        return out;
    }

    /** The text-typed value cells of all returns (the forms a person types), in file order. */
    static List<String> returnsTextValues(Path yearDir) throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(yearDir.resolve("returns"))) {
            for (Path f : files.sorted().toList()) {
                try (Workbook wb = WorkbookFactory.create(f.toFile(), null, true)) {
                    Sheet s = wb.getSheet("Data");
                    for (int r = 3; r <= s.getLastRowNum(); r++) {
                        Cell c = s.getRow(r).getCell(3);
                        if (c.getCellType() == CellType.STRING) {
                            out.add(c.getStringCellValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** statistics.xlsx → city code → field (the header's code before the first space) → value. */
    static Map<String, Map<String, Double>> statistics(Path yearDir) throws IOException {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        try (Workbook wb = WorkbookFactory.create(yearDir.resolve("statistics.xlsx").toFile(), null, true)) {
            Sheet s = wb.getSheet("Data");
            Row header = s.getRow(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                String code = resolve(row.getCell(0).getStringCellValue());
                Map<String, Double> values = new LinkedHashMap<>();
                for (int c = 1; c < header.getLastCellNum(); c++) {
                    values.put(header.getCell(c).getStringCellValue().split(" ")[0],
                            row.getCell(c).getNumericCellValue());
                }
                if (out.put(code, values) != null) {
                    throw new AssertionError("statistics: city " + code + " twice");
                }
            }
        }
        return out;
    }

    record WalkTest(String city, String item, boolean pass, double hours) {
    }

    static List<WalkTest> walkthrough(Path yearDir) throws IOException {
        List<WalkTest> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(yearDir.resolve("walkthrough.xlsx").toFile(), null, true)) {
            Sheet s = wb.getSheet("Tests");
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                String outcome = row.getCell(3).getStringCellValue();
                boolean pass = switch (outcome) {
                    case "pass", "通过" -> true;
                    case "fail", "未通过" -> false;
                    default -> throw new AssertionError("walkthrough row " + (r + 1) + ": outcome " + outcome);
                };
                out.add(new WalkTest(resolve(row.getCell(1).getStringCellValue()), row.getCell(2).getStringCellValue(),
                        pass, row.getCell(4).getNumericCellValue()));
            }
        }
        return out;
    }

    /** survey.csv as lines split on commas (the generator writes no quoted fields); the first is the header. */
    static List<String[]> survey(Path yearDir) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(yearDir.resolve("survey.csv"), StandardCharsets.UTF_8)) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    /** Every cell of every sheet as "sheet!A1=value", for comparing two workbooks by content. */
    static List<String> content(Path xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        String v = switch (c.getCellType()) {
                            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                                    ? c.getLocalDateTimeCellValue().toLocalDate().toString()
                                    : Double.toString(c.getNumericCellValue());
                            case STRING -> c.getStringCellValue();
                            default -> c.getCellType().toString();
                        };
                        out.add(s.getSheetName() + "!" + c.getAddress() + "=" + v);
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> framework() throws IOException {
        return framework(FRAMEWORK);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> framework(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> indicators() throws IOException {
        return indicators(FRAMEWORK);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> indicators(Path framework) throws IOException {
        return (List<Map<String, Object>>) framework(framework).get("indicators");
    }

    /** valid-range of an indicator as {lo, hi}. */
    @SuppressWarnings("unchecked")
    static double[] validRange(Map<String, Object> indicator) {
        List<Number> r = (List<Number>) indicator.get("valid-range");
        return new double[]{r.get(0).doubleValue(), r.get(1).doubleValue()};
    }
}
