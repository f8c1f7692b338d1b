package org.bizenv.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bizenv.city.Match;
import org.bizenv.city.UnitIdentity;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitResolver;

/**
 * Reads a {@code unit-table} source: one table (.xlsx sheet or .csv) with a header row and a row per unit,
 * the unit named in the unit column and each field in the column of that name (see {@link Headers}). The
 * header row is the first of the first {@value #HEADER_SEARCH_ROWS} rows holding the unit column (so a title
 * above the header is allowed); blank rows are skipped.
 *
 * <p>A CSV file whose encoding is guessed is read once its header (the unit column, the fields and attribute
 * columns asked for) and unit names confirm it ({@link CsvExpectation#header}).
 *
 * <p>Problems reported: file problems (see {@link Tables}), a missing or repeated column, a blank, unknown or
 * ambiguous unit, a second row for a unit (the first is used), a blank (when an error), non-numeric (other than
 * an accepted text code, see {@link FieldRequest#texts()}) or out-of-range value, and each expected unit without
 * a row.
 */
public final class UnitTableReader {

    static final int HEADER_SEARCH_ROWS = 10;

    private final UnitResolver resolver;
    private final Path dataFolder;
    private final TextEncoding encoding;

    public UnitTableReader(UnitResolver resolver, Path dataFolder) {
        this(resolver, dataFolder, null);
    }

    /** @param encoding a CSV file's encoding as the source states it, null to detect it ({@link CsvEncoding}) */
    public UnitTableReader(UnitResolver resolver, Path dataFolder, TextEncoding encoding) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.encoding = encoding;
    }

    /**
     * @param sourceId   the source's id, carried into the result
     * @param path       the file, relative to the data folder
     * @param sheet      the sheet of a workbook, null for the first; ignored for CSV
     * @param unitColumn the header of the unit column, e.g. {@code City}
     * @param fields     the columns wanted, each with its valid range (distinct)
     */
    public ReadResult<SourceValues> read(String sourceId, String path, String sheet, String unitColumn,
                                         List<FieldRequest> fields) {
        ReadResult<UnitTable> r = read(sourceId, path, sheet, unitColumn, fields, List.of());
        return new ReadResult<>(r.value().values(), r.problems());
    }

    /**
     * A unit table's values and, per unit (in row order), the cleaned text of the attribute columns asked for — the
     * unit's name and its groups (region, income group…) — read in the same pass.
     */
    public record UnitTable(SourceValues values, Map<String, Map<String, String>> attributes) {
    }

    /** As {@link #read(String, String, String, String, List)}, also reading {@code attributeColumns} as text. */
    public ReadResult<UnitTable> read(String sourceId, String path, String sheet, String unitColumn,
                                      List<FieldRequest> fields, List<String> attributeColumns) {
        Problems problems = new Problems();
        SourceValues.Builder out = new SourceValues.Builder(sourceId,
                fields.stream().map(FieldRequest::field).toList(), resolver.expectedCodes());
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(List.of(unitColumn));
        fields.forEach(f -> columns.add(f.field()));
        columns.addAll(attributeColumns);
        Table t = Tables.open(dataFolder, path, sheet, encoding,
                CsvExpectation.header(columns, HEADER_SEARCH_ROWS, unitColumn, resolver), problems);
        if (t != null) {
            readTable(t, unitColumn, fields, attributeColumns, out, attributes, problems);
        }
        return new ReadResult<>(new UnitTable(out.build(), attributes), problems.sorted());
    }

    private void readTable(Table t, String unitColumn, List<FieldRequest> fields, List<String> attributeColumns,
                           SourceValues.Builder out, Map<String, Map<String, String>> attributes,
                           Problems problems) {
        int header = Math.max(1, t.findHeaderRow(unitColumn, HEADER_SEARCH_ROWS));
        int unitCol = t.column(header, unitColumn, problems);
        int[] cols = new int[fields.size()];
        for (int f = 0; f < cols.length; f++) {
            cols[f] = t.column(header, fields.get(f).field(), problems);
        }
        int[] attributeCols = new int[attributeColumns.size()];
        for (int a = 0; a < attributeCols.length; a++) {
            attributeCols[a] = t.column(header, attributeColumns.get(a), problems);
        }
        if (unitCol == 0) {
            return;
        }
        Map<String, Integer> rowOfUnit = new HashMap<>();
        for (int r = header + 1; r <= t.rowCount(); r++) {
            if (t.isBlankRow(r)) {
                continue;
            }
            TableCell unitCell = t.cell(r, unitCol);
            Match<? extends UnitIdentity> match = resolver.resolve(unitCell.asText());
            if (!match.isFound()) {
                problems.add(unitCell.where(), match.problem(resolver.noun()));
                continue;
            }
            UnitIdentity unit = match.unit();
            Problems unitProblems = problems.about(unit.code());
            Integer first = rowOfUnit.putIfAbsent(unit.code(), r);
            if (first != null) {
                unitProblems.add(unitCell.where(), "duplicate row for " + unit.label() + ", first at row " + first);
                continue;
            }
            if (attributeCols.length > 0) {
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int a = 0; a < attributeCols.length; a++) {
                    if (attributeCols[a] > 0) {
                        attrs.put(attributeColumns.get(a), TypedText.clean(t.cell(r, attributeCols[a]).asText()));
                    }
                }
                attributes.put(unit.code(), attrs);
            }
            int u = out.unit(unit.code());
            for (int f = 0; f < cols.length; f++) {
                if (cols[f] > 0) {
                    TableCell cell = t.cell(r, cols[f]);
                    out.set(u, f, fields.get(f).read(cell, unitProblems), cell.where());
                    out.text(u, f, fields.get(f).acceptedText(cell));
                }
            }
        }
        for (UnitIdentity u : resolver.expectedUnits()) {
            if (!rowOfUnit.containsKey(u.code())) {
                problems.about(u.code()).add(t.where(), "no row for " + u.label());
            }
        }
    }
}
