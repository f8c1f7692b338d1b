package org.bizenv.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.bizenv.city.Match;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitIdentity;
import org.bizenv.city.UnitResolver;

/**
 * Reads a {@code walkthrough} source: a table (.xlsx sheet or .csv) with a row per walk-through test and the
 * columns {@code City}, {@code Item}, {@code Outcome}, {@code Hours} (header in row 1). Per unit and requested
 * item it gives the pass rate and the mean hours ({@link WalkthroughValues}). Rows of items not requested and
 * blank rows are skipped.
 *
 * <p>Outcome: pass is {@code pass}, {@code 通过}, {@code yes}, {@code y}, {@code 是}, {@code true}, {@code 1};
 * fail is {@code fail}, {@code 未通过}, {@code 不通过}, {@code no}, {@code n}, {@code 否}, {@code false},
 * {@code 0} (any case, full-width allowed). Hours: a number ≥ 0.
 *
 * <p>Problems reported: file problems, missing columns, a blank, unknown or ambiguous unit, a blank or unknown
 * outcome (the test is not counted), blank (when an error), non-numeric or negative hours (the test counts for
 * the pass rate but not for the mean hours), and a requested item without any test in the whole table.
 * An item without tests for one unit is not a problem: its values are NaN.
 */
public final class WalkthroughReader {

    private static final Map<String, Boolean> OUTCOMES = outcomes();
    private static final FieldRequest HOURS = new FieldRequest("Hours", 0, Double.NaN);

    private static final List<String> COLUMNS = List.of("City", "Item", "Outcome", "Hours");

    private final UnitResolver resolver;
    private final Path dataFolder;
    private final TextEncoding encoding;

    public WalkthroughReader(UnitResolver resolver, Path dataFolder) {
        this(resolver, dataFolder, null);
    }

    /** @param encoding a CSV file's encoding as the source states it, null to detect it ({@link CsvEncoding}) */
    public WalkthroughReader(UnitResolver resolver, Path dataFolder, TextEncoding encoding) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dataFolder = Objects.requireNonNull(dataFolder, "dataFolder");
        this.encoding = encoding;
    }

    /**
     * @param path                the file, relative to the data folder
     * @param sheet               the sheet of a workbook, null for the first; ignored for CSV
     * @param items               the items wanted (distinct), matched ignoring case and full-width forms
     * @param blankHoursAreErrors whether a test without hours is a problem
     */
    public ReadResult<WalkthroughValues> read(String sourceId, String path, String sheet, List<String> items,
                                              boolean blankHoursAreErrors) {
        Problems problems = new Problems();
        SourceValues.Builder pass = new SourceValues.Builder(sourceId, items, resolver.expectedCodes());
        SourceValues.Builder hours = new SourceValues.Builder(sourceId, items, resolver.expectedCodes());
        SourceValues.Builder tests = new SourceValues.Builder(sourceId, items, resolver.expectedCodes());
        Table t = Tables.open(dataFolder, path, sheet, encoding, CsvExpectation.header(COLUMNS, 1, "City", resolver),
                problems);
        if (t != null) {
            new Tally(t, items, blankHoursAreErrors, problems).run(pass, hours, tests);
        }
        return new ReadResult<>(new WalkthroughValues(pass.build(), hours.build(), tests.build()), problems.sorted());
    }

    /** Counts per unit (in order of appearance) and item. */
    private final class Tally {
        private final Table t;
        private final List<String> items;
        private final FieldRequest hoursRequest;
        private final Problems problems;
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private final Map<String, Integer> unitIndex = new HashMap<>();
        private final List<UnitIdentity> units = new ArrayList<>();
        private final List<int[]> testCount = new ArrayList<>();
        private final List<int[]> passCount = new ArrayList<>();
        private final List<int[]> hoursCount = new ArrayList<>();
        private final List<double[]> hoursSum = new ArrayList<>();

        Tally(Table t, List<String> items, boolean blankHoursAreErrors, Problems problems) {
            this.t = t;
            this.items = items;
            this.hoursRequest = HOURS.withBlanksAreErrors(blankHoursAreErrors);
            this.problems = problems;
            for (int i = 0; i < items.size(); i++) {
                itemIndex.put(TypedText.codeKey(items.get(i)), i);
            }
        }

        void run(SourceValues.Builder pass, SourceValues.Builder hours, SourceValues.Builder tests) {
            int cityCol = t.column(1, "City", problems);
            int itemCol = t.column(1, "Item", problems);
            int outcomeCol = t.column(1, "Outcome", problems);
            int hoursCol = t.column(1, "Hours", problems);
            if (cityCol == 0 || itemCol == 0 || outcomeCol == 0 || hoursCol == 0) {
                return;
            }
            boolean[] itemSeen = new boolean[items.size()];
            for (int r = 2; r <= t.rowCount(); r++) {
                if (t.isBlankRow(r)) {
                    continue;
                }
                Integer item = itemIndex.get(TypedText.codeKey(t.cell(r, itemCol).asText()));
                if (item == null) {
                    continue;
                }
                itemSeen[item] = true;
                TableCell cityCell = t.cell(r, cityCol);
                Match<? extends UnitIdentity> match = resolver.resolve(cityCell.asText());
                if (!match.isFound()) {
                    problems.add(cityCell.where(), match.problem(resolver.noun()));
                }
                Problems rowProblems = match.isFound() ? problems.about(match.unit().code()) : problems;
                Boolean passed = outcome(t.cell(r, outcomeCol), rowProblems);
                double h = hoursRequest.read(t.cell(r, hoursCol), rowProblems);
                if (match.isFound() && passed != null) {
                    int u = unit(match.unit());
                    testCount.get(u)[item]++;
                    passCount.get(u)[item] += passed ? 1 : 0;
                    if (!Double.isNaN(h)) {
                        hoursCount.get(u)[item]++;
                        hoursSum.get(u)[item] += h;
                    }
                }
            }
            for (int i = 0; i < items.size(); i++) {
                if (!itemSeen[i]) {
                    problems.add(t.where(), "no test of item '" + items.get(i) + "'");
                }
            }
            Location where = t.where();
            for (int u = 0; u < units.size(); u++) {
                String code = units.get(u).code();
                int pu = pass.unit(code);
                int hu = hours.unit(code);
                int tu = tests.unit(code);
                for (int i = 0; i < items.size(); i++) {
                    int n = testCount.get(u)[i];
                    int nh = hoursCount.get(u)[i];
                    pass.set(pu, i, n == 0 ? Double.NaN : 100.0 * passCount.get(u)[i] / n, where);
                    hours.set(hu, i, nh == 0 ? Double.NaN : hoursSum.get(u)[i] / nh, where);
                    tests.set(tu, i, n, where);
                }
            }
        }

        private int unit(UnitIdentity unit) {
            return unitIndex.computeIfAbsent(unit.code(), c -> {
                units.add(unit);
                testCount.add(new int[items.size()]);
                passCount.add(new int[items.size()]);
                hoursCount.add(new int[items.size()]);
                hoursSum.add(new double[items.size()]);
                return units.size() - 1;
            });
        }

        /** TRUE for pass, FALSE for fail, null after reporting a blank or unknown outcome. */
        private Boolean outcome(TableCell cell, Problems problems) {
            String text = cell.kind() == TableCell.Kind.NUMBER ? CellValues.format(cell.value()) : cell.asText();
            Boolean passed = OUTCOMES.get(text.toLowerCase(Locale.ROOT));
            if (passed == null) {
                problems.add(cell.where(), cell.isBlank() ? "blank value"
                        : "'" + text + "' is not an outcome (pass/fail, 通过/未通过, yes/no, 1/0)");
            }
            return passed;
        }
    }

    private static Map<String, Boolean> outcomes() {
        Map<String, Boolean> m = new HashMap<>();
        for (String s : List.of("pass", "passed", "通过", "yes", "y", "是", "true", "1")) {
            m.put(s, Boolean.TRUE);
        }
        for (String s : List.of("fail", "failed", "未通过", "不通过", "no", "n", "否", "false", "0")) {
            m.put(s, Boolean.FALSE);
        }
        return Map.copyOf(m);
    }
}
