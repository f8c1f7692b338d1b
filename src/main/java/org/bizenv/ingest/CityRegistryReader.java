package org.bizenv.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;

/**
 * Reads a city registry from a table (normally {@code indicators/cities-36.csv}) with the columns
 * {@code code,name_zh,name_en,type,region,aliases}; aliases are separated by {@code |}. An optional column
 * {@code group} gives every city a further grouping (the 50-city edition's two ranking groups); other columns
 * (a {@code note}) are not read.
 * Codes are lowercase slugs ({@code [a-z0-9-]+}); types are {@code municipality}, {@code separately-planned},
 * {@code sub-provincial}, {@code provincial-capital} or {@code prefecture-level}; regions are {@code east},
 * {@code central}, {@code west} or {@code northeast}. Rows with a problem are left out of the registry.
 */
public final class CityRegistryReader {

    static final Set<String> TYPES =
            Set.of("municipality", "separately-planned", "sub-provincial", "provincial-capital", "prefecture-level");
    static final Set<String> REGIONS = Set.of("east", "central", "west", "northeast");
    private static final List<String> COLUMNS = List.of("code", "name_zh", "name_en", "type", "region", "aliases");
    /** Optional: where present, every row needs a value (a city without one would drop out of its group's list). */
    static final String GROUP = "group";

    private CityRegistryReader() {
    }

    /**
     * @param folder the folder the path is relative to (the framework file's folder)
     * @param path   the registry file, e.g. {@code cities-36.csv}
     */
    public static ReadResult<CityRegistry> read(Path folder, String path) {
        Problems problems = new Problems();
        List<CityRegistry.Entry> entries = new ArrayList<>();
        Table t = Tables.open(folder, path, null, null, CsvExpectation.header(COLUMNS, 1, "name_zh", null), problems);
        if (t != null) {
            int[] col = new int[COLUMNS.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = t.column(1, COLUMNS.get(i), problems);
            }
            int groupCol = Headers.matching(t.texts(1), GROUP).isEmpty() ? 0 : t.column(1, GROUP, problems);
            if (Arrays.stream(col).allMatch(c -> c > 0)) {
                readRows(t, col, groupCol, entries, problems);
            }
        }
        return new ReadResult<>(new CityRegistry(entries), problems.sorted());
    }

    private static void readRows(Table t, int[] col, int groupCol, List<CityRegistry.Entry> entries,
                                 Problems problems) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (int r = 2; r <= t.rowCount(); r++) {
            if (t.isBlankRow(r)) {
                continue;
            }
            int before = problems.size();
            String code = t.cell(r, col[0]).asText();
            if (!code.matches("[a-z0-9-]+")) {
                problems.add(t.cell(r, col[0]).where(), code.isEmpty() ? "blank value"
                        : "'" + code + "' is not a code (lowercase letters, digits and -)");
            } else if (firstRow.containsKey(code)) {
                problems.add(t.cell(r, col[0]).where(), "duplicate code '" + code + "', first at row " + firstRow.get(code));
            }
            firstRow.putIfAbsent(code, r);
            String nameZh = required(t.cell(r, col[1]), problems);
            String nameEn = required(t.cell(r, col[2]), problems);
            String type = oneOf(t.cell(r, col[3]), TYPES, "type", problems);
            String region = oneOf(t.cell(r, col[4]), REGIONS, "region", problems);
            List<String> aliases = new ArrayList<>();
            for (String a : t.cell(r, col[5]).asText().split("\\|")) {
                if (!a.isBlank()) {
                    aliases.add(a.strip());
                }
            }
            String group = groupCol > 0 ? required(t.cell(r, groupCol), problems) : "";
            if (problems.size() == before) {
                entries.add(new CityRegistry.Entry(new City(code, nameZh, nameEn, type, region, group), aliases));
            }
        }
    }

    private static String required(TableCell cell, Problems problems) {
        if (cell.isBlank()) {
            problems.add(cell.where(), "blank value");
        }
        return cell.asText();
    }

    private static String oneOf(TableCell cell, Set<String> allowed, String what, Problems problems) {
        String value = cell.asText();
        if (!allowed.contains(value)) {
            problems.add(cell.where(), cell.isBlank() ? "blank value"
                    : "unknown " + what + " '" + value + "' (one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
        return value;
    }
}
