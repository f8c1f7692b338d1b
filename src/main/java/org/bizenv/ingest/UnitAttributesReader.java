package org.bizenv.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bizenv.city.Match;
import org.bizenv.city.Unit;
import org.bizenv.city.UnitResolver;

/**
 * Reads the text attributes of each unit from a one-row-per-unit table: its name and the group columns (region,
 * income group…) that reports group by and imputation can use. Values are cleaned text; rows whose unit does not
 * resolve are left to {@link UnitTableReader}, which reports them.
 */
public final class UnitAttributesReader {

    private final UnitResolver resolver;
    private final Path dataFolder;

    public UnitAttributesReader(UnitResolver resolver, Path dataFolder) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
    }

    /** unit code → (column → text), units in row order; missing columns are problems. */
    public ReadResult<Map<String, Map<String, String>>> read(String path, String sheet, String unitColumn,
                                                             List<String> columns) {
        Problems problems = new Problems();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Table t = Tables.open(dataFolder, path, sheet, problems);
        if (t != null) {
            int header = Math.max(1, t.findHeaderRow(unitColumn, UnitTableReader.HEADER_SEARCH_ROWS));
            int unitCol = t.column(header, unitColumn, problems);
            int[] cols = new int[columns.size()];
            for (int c = 0; c < cols.length; c++) {
                cols[c] = t.column(header, columns.get(c), problems);
            }
            for (int r = header + 1; unitCol > 0 && r <= t.rowCount(); r++) {
                if (t.isBlankRow(r)) {
                    continue;
                }
                Match<? extends Unit> m = resolver.resolve(t.cell(r, unitCol).asText());
                if (!m.isFound() || out.containsKey(m.unit().code())) {
                    continue;
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int c = 0; c < cols.length; c++) {
                    if (cols[c] > 0) {
                        attrs.put(columns.get(c), org.bizenv.city.TypedText.clean(t.cell(r, cols[c]).asText()));
                    }
                }
                out.put(m.unit().code(), attrs);
            }
        }
        return new ReadResult<>(out, problems.sorted());
    }
}
