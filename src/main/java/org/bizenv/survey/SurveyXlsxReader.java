package org.bizenv.survey;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.SheetRows;
import org.bizenv.ingest.TableCell;

/**
 * Streams a survey sheet of an .xlsx workbook row by row, as online survey platforms export one: one row per
 * respondent under a header row, holding one row at a time ({@link SheetRows}: the sheet's XML is parsed as rows are
 * asked for, never built into a tree). The sheet is the source's {@code sheet:}, else the first.
 *
 * <p>The header is the sheet's first row that is not blank, its columns found as in a CSV file ({@link
 * SurveyColumns}); a first row under it that holds the questions' texts (a platform's second header row) is skipped
 * ({@link SurveyLayout#isQuestionTexts}). Each cell is read as text the way a CSV field is, so that the same answers
 * give the same rows: a number as its digits ({@code 4}, {@code 1001}, {@code 4.5}, whatever the cell's number
 * format, so a long respondent id is never rounded as General format would show it), a number shown as a
 * percentage, a date or an error value as Excel shows it (then not an answer code, reported by {@link
 * SurveyValidator}), text as typed. Problems are located at the sheet's cells ({@code survey.xlsx!Data!B17}); blank rows
 * are skipped; cells right of the header are ignored (a workbook cannot misalign them as an unquoted separator does).
 * Not thread-safe.
 */
public final class SurveyXlsxReader implements SurveyReader {

    private final Problems problems = new Problems();
    private final SheetRows rows;
    private final SurveyLayout layout;
    private final UnitResolver resolver;
    private boolean done;
    private boolean firstRow = true;

    /**
     * @param sheet    the sheet (matched ignoring case), null for the first
     * @param columns  the source's {@code columns:}, field → header text; empty for none
     * @param resolver the units, to recognise a second header row; null without a registry
     */
    public SurveyXlsxReader(Path dataFolder, String path, String sheet, List<String> questions,
                            Map<String, String> columns, UnitResolver resolver) {
        this.resolver = resolver;
        this.rows = SheetRows.open(dataFolder, path, sheet, problems);
        String[] header = null;
        long headerRow = 0;
        if (rows != null) {
            for (TableCell[] r = rows.next(); r != null && header == null; r = header == null ? rows.next() : null) {
                String[] f = fields(r);
                if (!SurveyLayout.isBlank(f, 0)) {
                    header = f;
                    headerRow = rows.row();
                }
            }
            if (header == null) {
                problems.add(Location.ofSheet(path, rows.sheet()), "empty sheet: no header");
            }
        }
        String sheetName = rows == null ? sheet : rows.sheet();
        SurveyColumns.Found found = header == null ? SurveyColumns.Found.none(questions)
                : SurveyColumns.find(Arrays.asList(header), questions, columns, Location.ofSheet(path, sheetName),
                        Math.toIntExact(headerRow), problems);
        this.layout = found.layout(path, sheetName);
        this.done = header == null || found.lacksIdentity();
    }

    @Override
    public SurveyLayout layout() {
        return layout;
    }

    @Override
    public SurveyResponse next() {
        while (!done) {
            TableCell[] r = rows.next();
            if (r == null) {
                done = true;
                break;
            }
            String[] f = fields(r);
            if (SurveyLayout.isBlank(f, 0)) {
                continue;
            }
            if (firstRow) {
                firstRow = false;
                if (layout.isQuestionTexts(f, resolver)) {
                    continue;
                }
            }
            return layout.response(rows.row(), f);
        }
        return null;
    }

    /** A sheet is never cut into parts ({@link SurveyTally#split}): there are no later parts to leave out. */
    @Override
    public boolean stopped() {
        return false;
    }

    @Override
    public List<DataProblem> problems() {
        return problems.sorted();
    }

    @Override
    public void close() {
        done = true;
        if (rows != null) {
            rows.close();
        }
    }

    /** A row's cells as the texts a CSV export of the sheet would hold (see the class comment). */
    private static String[] fields(TableCell[] row) {
        String[] f = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            TableCell c = row[i];
            f[i] = c == null ? "" : c.kind() == TableCell.Kind.NUMBER && !c.text().contains("%")
                    ? CellValues.format(c.value()) : c.text();
        }
        return f;
    }
}
