package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

import org.bizenv.report.AtomicReportFolder;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.ReportTime;

/**
 * Renders a {@link Report} as the bilingual workbook that cities receive.
 *
 * <p>Every sheet has a title in row 1 and bilingual column headers below it (row 2, or rows 2–3 where columns are
 * grouped); panes are frozen below the headers and right of the name column. Numbers are numeric cells formatted
 * from {@code meta.decimals}, ranks are integers, missing values are empty cells. Text is only ever stored as a
 * string: nothing here writes a formula, and text that a spreadsheet would read as one ({@code =}, {@code +},
 * {@code -}, {@code @}) also carries Excel's quote prefix, so it stays text even when a user edits the cell.
 *
 * <p>Rows are streamed ({@link StreamedSheet}: the row XML of POI's SXSSF without its per-cell objects and font
 * measuring) so that 3,000 units × 200 indicators need no more memory than 36 cities; column
 * widths are computed from the text, not measured with fonts, and the zip entries and document properties take their
 * time from {@code meta.generatedAt}: the same report gives the same bytes.
 *
 * <p>This class only orders the sheets; each family is written by a class of its own over a shared
 * {@link SheetGrid}: {@link RankingSheets}, {@link StageSheets}, {@link SurveySheets}, {@link DiagnosticSheets},
 * {@link ProvenanceSheets}, {@link RobustnessSheets} (with {@link SensitivitySheet}) and {@link Charts}.
 */
public final class ExcelReportWriter {

    public static final String RANKING = "Ranking";
    public static final String CHART = "Chart";
    /** The top lists' sheet of a report whose lists have the default length; see {@link #top(int)}. */
    public static final String TOP = top(org.bizenv.framework.RankingRules.DEFAULT_TOP);
    public static final String IMPROVEMENT = "Improvement";
    public static final String REGIONS = "Regions";
    public static final String AGGREGATED = "Aggregated";
    public static final String WEIGHTS = "Weights";
    public static final String INDICATORS = "Indicators";
    public static final String INDICATOR_RANKS = "Indicator ranks";
    public static final String SURVEY = "Survey";
    public static final String SURVEY_BREAKDOWN = "Survey breakdown";
    public static final String TREATMENT = "Treatment";
    public static final String COHERENCE = "Coherence";
    public static final String SENSITIVITY = "Sensitivity";
    public static final String ONE_AT_A_TIME = "One at a time";
    public static final String REVERSALS = "Rank reversals";
    public static final String SCENARIOS = "Scenarios";
    public static final String METHODOLOGY = "Methodology";
    public static final String SOURCES = "Sources";
    public static final String WARNINGS = "Warnings";

    /** The top lists' sheet, named by their length ({@code ranking.top}): "Top 5", "Top 10". */
    public static String top(int length) {
        return "Top " + length;
    }

    /** Fill of cells that the imputation stage produced. */
    public static final String IMPUTED_RGB = "F8CBAD";
    /** Fill of cells that outlier treatment changed. */
    public static final String TREATED_RGB = "BDD7EE";
    /** Fill of survey values that rest on fewer answers than the minimum sample. */
    public static final String THIN_SAMPLE_RGB = "FCE4D6";
    /** Fill of cells that any other stage changed. */
    public static final String CHANGED_RGB = "FFE699";

    /** Writes the workbook to {@code file} (created or replaced); on failure no partial file is left. */
    public void write(Report r, Path file) throws IOException {
        var lookup = new ReportLookup(r);
        AtomicReportFolder.writeFile(file, out -> write(lookup, out));
    }

    /** Writes the workbook to a stream, which is flushed but left open. */
    public void write(Report r, OutputStream out) throws IOException {
        write(new ReportLookup(r), out);
    }

    private void write(ReportLookup lookup, OutputStream out) throws IOException {
        Instant time = ReportTime.parse(lookup.report.meta().generatedAt());
        var wb = new ReportWorkbook(time, lookup.report.meta().decimals());
        try {
            build(new ReportBook(wb, lookup, time));
            wb.write(out);
            out.flush();
        } finally {
            // the sheets' temporary files, if any: all the workbook holds outside memory
            wb.dispose();
        }
    }

    /**
     * The sheets in the order a reader meets them. The order is also the order cell styles are first asked for, which
     * fixes the bytes of the styles part: a change of order changes the file, if not what it shows.
     */
    private static void build(ReportBook book) {
        var lookup = book.lookup;
        var r = book.r;
        var ranking = new RankingSheets(book);
        var stages = new StageSheets(book);
        var diagnostics = new DiagnosticSheets(book);
        var provenance = new ProvenanceSheets(book);
        provenance.properties();
        ranking.ranking();
        ranking.top();
        if (lookup.hasPrevious()) {
            ranking.improvement();
        }
        ranking.regions();
        stages.aggregated();
        diagnostics.weights();
        provenance.indicators();
        stages.stages();
        stages.indicatorRanks();
        var survey = new SurveySheets(book);
        if (survey.any()) {
            survey.precision();
            survey.breakdown();
        }
        diagnostics.treatment();
        if (r.coherence() != null) {
            diagnostics.coherence();
        }
        if (r.robustness() != null) {
            new RobustnessSheets(book).write();
        }
        provenance.methodology();
        provenance.sources();
        diagnostics.warnings();
        // drawn last, from the Ranking sheet's cells, and moved to second place
        new Charts(book).indexChart(ranking.rankingFirstRow(), ranking.rankingScoreCol());
        book.wb.select(0);
    }
}
