package org.bizenv.survey;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.CsvExpectation;
import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TextEncoding;

/**
 * Streams a survey CSV file (see {@link CsvRecords} for encoding and CSV rules) row by row, for an
 * iterator-style chunk reader: {@link #next()} returns null at the end.
 *
 * <p>Header: {@code RespondentId}, {@code City}, {@code Size}, {@code Industry} in any order (matched ignoring
 * case, also {@code City 城市}), then the questions, or the headers the source's {@code columns:} maps them to
 * ({@link SurveyColumns}). With an explicit list of questions, each must have a column; without, the questions are
 * the columns named {@code Q} + number, and a gap in their numbering ({@code Q04}, {@code Q06}) is reported as a
 * missing column. A first row under the header that holds the questions' texts is skipped
 * ({@link SurveyLayout#isQuestionTexts}).
 *
 * <p>Problems (from {@link #problems()}): file problems, missing or repeated columns, a row with more
 * (non-empty) fields than the header (skipped: its answers would be misaligned), a quoted field never closed,
 * a byte that is not text in the file's encoding (reading stops there). Without one of the four identity columns no row is returned.
 * A row with fewer fields than the header is read, its missing answers blank: Excel leaves out the separators of
 * blank cells at the end of rows in some blocks of rows, so a short row is what a blank last answer can look like.
 * Row numbers count records as a spreadsheet does; where a quoted answer with line breaks came before, messages
 * also give the line of the file.
 * Answers missing because their column is missing are {@link SurveyResponse#BLANK}. Value problems are left to
 * {@link SurveyValidator}. Not thread-safe (a chunk step reads from one thread).
 */
public final class SurveyCsvReader implements SurveyReader {

    public static final List<String> IDENTITY_COLUMNS = List.of("RespondentId", "City", "Size", "Industry");

    private Problems problems = new Problems();
    private CsvRecords csv;
    private final SurveyLayout layout;
    private final int headerWidth;
    private final UnitResolver resolver;
    private boolean done;
    private boolean firstRow = true;

    /**
     * @param dataFolder the data folder
     * @param path       the survey file, relative to the data folder (e.g. {@code survey.csv})
     * @param questions  the questions to read, in order; empty for every {@code Qnn} column of the header
     */
    public SurveyCsvReader(Path dataFolder, String path, List<String> questions) {
        this(dataFolder, path, questions, null, null);
    }

    /**
     * A file in an encoding the source states, or else the one detected; a guessed one (GB18030, UTF-16 without a
     * byte-order mark) is read only when the header has the identity columns and the questions asked, and the
     * cities below it are ones the resolver knows ({@link CsvExpectation#header}).
     *
     * @param encoding the source's {@code encoding:}, null to detect it
     * @param resolver the units, null when there is no registry to check the names with
     */
    public SurveyCsvReader(Path dataFolder, String path, List<String> questions, TextEncoding encoding,
                           UnitResolver resolver) {
        this(dataFolder, path, questions, Map.of(), encoding, resolver);
    }

    /**
     * As above, the source's {@code columns:} mapping fields to headers ({@link SurveyColumns}).
     *
     * @param columns field → header text; empty for none
     */
    public SurveyCsvReader(Path dataFolder, String path, List<String> questions, Map<String, String> columns,
                           TextEncoding encoding, UnitResolver resolver) {
        this(dataFolder, path, questions, columns, encoding, resolver, CsvRecords.Range.WHOLE);
    }

    /**
     * The rows of one part of the file ({@link SurveySplit}), numbered as in the whole file. Every part reads the
     * header for the layout; only the part from the file's start reports the header's and the file's problems, a
     * later part only what it finds in its own rows. Only the part from the file's start may hold the row of the
     * questions' texts (the split never starts another part before the first data row), so a later part's first row
     * is always read as answers, as in a reading of the whole file.
     */
    public SurveyCsvReader(Path dataFolder, String path, List<String> questions, Map<String, String> columns,
                           TextEncoding encoding, UnitResolver resolver, CsvRecords.Range part) {
        this.resolver = resolver;
        this.csv = CsvRecords.open(dataFolder, path, encoding, expectation(questions, columns, resolver), problems);
        String[] header = csv == null ? null : csv.next();
        if (csv != null && header == null && !csv.failed()) {
            problems.add(Location.ofFile(path), "empty file: no header");
        }
        List<String> names = header == null ? List.of() : Arrays.asList(header);
        SurveyColumns.Found found = header == null ? SurveyColumns.Found.none(questions)
                : SurveyColumns.find(names, questions, columns, Location.ofFile(path), 1, problems);
        this.layout = found.layout(path, null);
        this.headerWidth = names.size();
        this.done = header == null || found.lacksIdentity();
        if (part.start() > 0) {
            problems = new Problems();
            firstRow = false;
        }
        if (csv != null && !part.equals(CsvRecords.Range.WHOLE)) {
            csv = csv.part(part, problems);
        }
    }

    /** The field separator the header chose (a comma when the file could not be read). */
    public char separator() {
        return csv == null ? ',' : csv.separator();
    }

    /** At a byte that is not text or a record beyond the reader's limits. */
    @Override
    public boolean stopped() {
        return csv != null && csv.failed();
    }

    /**
     * What a guessed encoding must show: the header with every field's column (as {@link SurveyColumns} finds them),
     * and city names below it that the resolver knows ({@link CsvExpectation#header}).
     */
    private static CsvExpectation expectation(List<String> questions, Map<String, String> columns,
                                              UnitResolver resolver) {
        return records -> {
            if (records.isEmpty()) {
                return "it has no header";
            }
            Problems missing = new Problems();
            List<String> header = Arrays.asList(records.get(0));
            SurveyColumns.Found found = SurveyColumns.find(header, questions, columns, Location.ofFile(""), 1, missing);
            if (found.lacksIdentity() || Arrays.stream(found.questionColumns()).anyMatch(c -> c == 0)) {
                String why = missing.sorted().isEmpty() ? "a column is missing" : missing.sorted().get(0).message();
                String read = String.join(",", records.get(0));
                return "its header has " + why.replace("missing column", "no column") + " (its first row reads '"
                        + (read.length() <= 60 ? read : read.substring(0, 59) + "…") + "')";
            }
            String city = records.get(0)[found.identity()[1] - 1];
            return CsvExpectation.header(List.of(), 1, city, resolver).mismatch(records);
        };
    }

    /** The encoding the file is read in; null when it could not be opened. */
    public TextEncoding encoding() {
        return csv == null ? null : csv.encoding();
    }

    @Override
    public SurveyLayout layout() {
        return layout;
    }

    @Override
    public SurveyResponse next() {
        while (!done) {
            String[] f = csv.next();
            if (f == null) {
                done = true;
                break;
            }
            long row = csv.row();
            if (SurveyLayout.isBlank(f, 0)) {
                continue;
            }
            boolean first = firstRow;
            firstRow = false;
            if (!SurveyLayout.isBlank(f, headerWidth)) {
                problems.add(layout.cell(row, headerWidth + 1), "row has " + f.length + " fields, the header has "
                        + headerWidth + " (an unquoted separator in a field?); row skipped" + csv.lineNote());
                continue;
            }
            if (first && layout.isQuestionTexts(f, resolver)) {
                continue;                                    // a second header row: the questions' texts
            }
            return layout.response(row, f);
        }
        return null;
    }

    @Override
    public List<DataProblem> problems() {
        return problems.sorted();
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }
}
