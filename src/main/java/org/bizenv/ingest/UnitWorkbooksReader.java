package org.bizenv.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.bizenv.city.Match;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitIdentity;
import org.bizenv.city.UnitResolver;

/**
 * Reads a {@code unit-workbooks} source: a folder with one .xlsx workbook per unit, as units return them
 * (docs/framework-format.md). In sheet {@code Data} (or the one named): B1 holds the unit's name; row 3 is the
 * header; from row 4, column A holds the item code (matched ignoring case and full-width forms), D the value.
 * Rows without an item code, and items not requested, are ignored.
 *
 * <p>Problems reported: a file that is not an .xlsx workbook (lock files {@code ~$…} and hidden files are
 * skipped; sub-folders are ignored), a missing sheet, a blank, unknown or ambiguous unit name in B1, a second
 * workbook for the same unit (the first by file name is used), a requested item that is absent or appears
 * twice (the first is used), a blank (when an error), non-numeric (other than an accepted text code) or
 * out-of-range value, and each expected unit without a workbook.
 */
public final class UnitWorkbooksReader {

    /** The sheet read when the source names none. */
    public static final String DEFAULT_SHEET = "Data";
    static final int FIRST_ITEM_ROW = 4;
    static final int CODE_COLUMN = 1;
    static final int VALUE_COLUMN = 4;

    private final UnitResolver resolver;
    private final Path dataFolder;
    private final int threads;

    /** Reads the workbooks on as many threads as there are processors, up to 4. */
    public UnitWorkbooksReader(UnitResolver resolver, Path dataFolder) {
        this(resolver, dataFolder, Parallel.defaultThreads());
    }

    /**
     * @param threads how many workbooks are opened at once (1: one after another); the result is the same for any
     *                number, since each workbook's cells are checked in file-name order once all are open
     */
    public UnitWorkbooksReader(UnitResolver resolver, Path dataFolder, int threads) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    /**
     * @param sourceId the source's id, carried into the result
     * @param folder   the folder of workbooks, relative to the data folder (e.g. {@code returns})
     * @param sheet    the sheet to read, null for {@value #DEFAULT_SHEET}
     * @param fields   the items wanted, each with its valid range (distinct)
     */
    public ReadResult<SourceValues> read(String sourceId, String folder, String sheet, List<FieldRequest> fields) {
        Problems problems = new Problems();
        SourceValues.Builder out = new SourceValues.Builder(sourceId,
                fields.stream().map(FieldRequest::field).toList(), resolver.expectedCodes());
        String dir = folder.replaceAll("[/\\\\]+$", "");
        Path path = dataFolder.resolve(dir);
        if (!Files.isDirectory(path)) {
            problems.add(Location.ofFile(dir), "folder not found");
            return new ReadResult<>(out.build(), problems.sorted());
        }
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            itemIndex.put(TypedText.codeKey(fields.get(f).field()), f);
        }
        Map<String, String> fileOfUnit = new HashMap<>();
        List<String> files = fileNames(path).stream().map(name -> dir + "/" + name).toList();
        for (Tables.Opened o : Tables.openWorkbooks(dataFolder, files, sheet == null ? DEFAULT_SHEET : sheet,
                threads)) {
            problems.addAllOf(o.problems());
            if (o.table() != null) {
                readWorkbook(o.table(), fields, itemIndex, fileOfUnit, out, problems);
            }
        }
        for (UnitIdentity u : resolver.expectedUnits()) {
            if (!fileOfUnit.containsKey(u.code())) {
                problems.about(u.code()).add(Location.ofFile(dir), "no workbook for " + u.label());
            }
        }
        return new ReadResult<>(out.build(), problems.sorted());
    }

    private void readWorkbook(Table t, List<FieldRequest> fields, Map<String, Integer> itemIndex,
                              Map<String, String> fileOfUnit, SourceValues.Builder out, Problems problems) {
        TableCell nameCell = t.cell(1, 2);
        Match<? extends UnitIdentity> match = resolver.resolve(nameCell.asText());
        if (!match.isFound()) {
            problems.add(nameCell.where(), match.problem(resolver.noun()));
            return;
        }
        UnitIdentity unit = match.unit();
        Problems unitProblems = problems.about(unit.code());
        String first = fileOfUnit.putIfAbsent(unit.code(), t.file());
        if (first != null) {
            unitProblems.add(nameCell.where(), "second workbook for " + unit.label() + ", first in " + first);
            return;
        }
        int u = out.unit(unit.code());
        int[] rowOf = new int[fields.size()];
        for (int r = FIRST_ITEM_ROW; r <= t.rowCount(); r++) {
            TableCell codeCell = t.cell(r, CODE_COLUMN);
            Integer f = itemIndex.get(TypedText.codeKey(codeCell.asText()));
            if (f == null) {
                continue;
            }
            if (rowOf[f] != 0) {
                unitProblems.add(codeCell.where(),
                        "duplicate item '" + fields.get(f).field() + "', first at row " + rowOf[f]);
                continue;
            }
            rowOf[f] = r;
            TableCell valueCell = t.cell(r, VALUE_COLUMN);
            out.set(u, f, fields.get(f).read(valueCell, unitProblems), valueCell.where());
            out.text(u, f, fields.get(f).acceptedText(valueCell));
        }
        for (int f = 0; f < fields.size(); f++) {
            if (rowOf[f] == 0) {
                unitProblems.add(t.where(), "missing item '" + fields.get(f).field() + "'");
            }
        }
    }

    /** The folder's files in name order, without lock files ({@code ~$…}), hidden files and folders. */
    private static List<String> fileNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !isHiddenOrLock(p))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static boolean isHiddenOrLock(Path p) {
        String name = p.getFileName().toString();
        try {
            return name.startsWith("~$") || name.startsWith(".") || Files.isHidden(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
