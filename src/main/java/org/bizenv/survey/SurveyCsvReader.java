package org.bizenv.survey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.CsvExpectation;
import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Headers;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.ParsedNumber;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TextEncoding;

/**
 * Streams a survey CSV file (see {@link CsvRecords} for encoding and CSV rules) row by row, for an
 * iterator-style chunk reader: {@link #next()} returns null at the end.
 *
 * <p>Header: {@code RespondentId}, {@code City}, {@code Size}, {@code Industry} in any order (matched ignoring
 * case, also {@code City 城市}), then the questions. With an explicit list of questions, each must have a
 * column; without, the questions are the columns named {@code Q} + number, and a gap in their numbering
 * ({@code Q04}, {@code Q06}) is reported as a missing column.
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
public final class SurveyCsvReader implements AutoCloseable {

    public static final List<String> IDENTITY_COLUMNS = List.of("RespondentId", "City", "Size", "Industry");
    private static final Pattern QUESTION = Pattern.compile("(?i)(Q(\\d+))(?: .*)?");

    private Problems problems = new Problems();
    private CsvRecords csv;
    private final SurveyLayout layout;
    private final int headerWidth;
    private boolean done;

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
        this(dataFolder, path, questions, encoding, resolver, CsvRecords.Range.WHOLE);
    }

    /**
     * The rows of one part of the file ({@link SurveySplit}), numbered as in the whole file. Every part reads the
     * header for the layout; only the part from the file's start reports the header's and the file's problems, a
     * later part only what it finds in its own rows.
     */
    public SurveyCsvReader(Path dataFolder, String path, List<String> questions, TextEncoding encoding,
                           UnitResolver resolver, CsvRecords.Range part) {
        List<String> expected = new ArrayList<>(IDENTITY_COLUMNS);
        expected.addAll(questions);
        this.csv = CsvRecords.open(dataFolder, path, encoding,
                CsvExpectation.header(expected, 1, IDENTITY_COLUMNS.get(1), resolver), problems);
        String[] header = csv == null ? null : csv.next();
        if (csv != null && header == null && !csv.failed()) {
            problems.add(Location.ofFile(path), "empty file: no header");
        }
        List<String> names = header == null ? List.of() : Arrays.stream(header).map(TypedText::clean).toList();
        Location table = Location.ofFile(path);
        int[] identity = new int[IDENTITY_COLUMNS.size()];
        List<String> qs = new ArrayList<>(questions);
        int[] qCols;
        if (header != null) {
            for (int i = 0; i < identity.length; i++) {
                identity[i] = Headers.column(names, IDENTITY_COLUMNS.get(i), table, 1, problems);
            }
            if (qs.isEmpty()) {
                qs = discoverQuestions(names, table);
            }
            qCols = new int[qs.size()];
            for (int q = 0; q < qCols.length; q++) {
                qCols[q] = Headers.column(names, qs.get(q), table, 1, problems);
            }
        } else {
            qCols = new int[qs.size()];
        }
        this.layout = new SurveyLayout(path, identity[0], identity[1], identity[2], identity[3], qs, qCols);
        this.headerWidth = names.size();
        this.done = header == null || Arrays.stream(identity).anyMatch(c -> c == 0);
        if (part.start() > 0) {
            problems = new Problems();
        }
        if (csv != null && !part.equals(CsvRecords.Range.WHOLE)) {
            csv = csv.part(part, problems);
        }
    }

    /** The field separator the header chose (a comma when the file could not be read). */
    public char separator() {
        return csv == null ? ',' : csv.separator();
    }

    /**
     * Whether the reading stopped before the end of the file or part, at a byte that is not text or a record beyond
     * the reader's limits (reported): rows after it are not read, so neither are later parts' problems reported.
     */
    public boolean stopped() {
        return csv != null && csv.failed();
    }

    /** The encoding the file is read in; null when it could not be opened. */
    public TextEncoding encoding() {
        return csv == null ? null : csv.encoding();
    }

    /** The columns found; the questions answers are given for. */
    public SurveyLayout layout() {
        return layout;
    }

    public List<String> questions() {
        return layout.questions();
    }

    /** The next row, or null at the end (also when the file or its header could not be used). */
    public SurveyResponse next() {
        while (!done) {
            String[] f = csv.next();
            if (f == null) {
                done = true;
                break;
            }
            long row = csv.row();
            if (isBlank(f)) {
                continue;
            }
            if (f.length > headerWidth && !isBlank(Arrays.copyOfRange(f, headerWidth, f.length))) {
                problems.add(layout.cell(row, headerWidth + 1), "row has " + f.length + " fields, the header has "
                        + headerWidth + " (an unquoted separator in a field?); row skipped" + csv.lineNote());
                continue;
            }
            return response(row, f);
        }
        return null;
    }

    /** The problems found so far (all of them once {@link #next()} has returned null), sorted. */
    public List<DataProblem> problems() {
        return problems.sorted();
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        }
    }

    private SurveyResponse response(long row, String[] f) {
        int[] qCols = layout.questionColumns();
        byte[] answers = new byte[qCols.length];
        String[] texts = null;
        for (int q = 0; q < qCols.length; q++) {
            String text = field(f, qCols[q]);
            byte code = code(text);
            answers[q] = code;
            if (code == SurveyResponse.NOT_A_CODE) {
                if (texts == null) {
                    texts = new String[qCols.length];
                }
                texts[q] = text.strip();
            }
        }
        return new SurveyResponse(row, field(f, layout.respondentIdColumn()), field(f, layout.cityColumn()),
                field(f, layout.sizeColumn()), field(f, layout.industryColumn()), answers, texts);
    }

    /** An answer's code: a whole number 0–127, BLANK or NOT_A_CODE. One digit is read without parsing. */
    static byte code(String text) {
        if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            return (byte) (text.charAt(0) - '0');
        }
        ParsedNumber n = CellValues.parseNumber(text);
        if (n.isBlank()) {
            return SurveyResponse.BLANK;
        }
        double v = n.value();
        return n.isNumber() && v == Math.rint(v) && v >= 0 && v <= Byte.MAX_VALUE && !text.contains("%")
                ? (byte) v : SurveyResponse.NOT_A_CODE;
    }

    private List<String> discoverQuestions(List<String> names, Location table) {
        TreeMap<Integer, String> found = new TreeMap<>();
        int width = 2;
        for (String name : names) {
            Matcher m = QUESTION.matcher(name);
            if (m.matches()) {
                found.putIfAbsent(Integer.parseInt(m.group(2)), m.group(1).toUpperCase(Locale.ROOT));
                width = m.group(2).length();
            }
        }
        if (found.isEmpty()) {
            problems.add(table, "no question columns (Q01, Q02, …)");
            return List.of();
        }
        for (int n = 1; n < found.lastKey(); n++) {
            if (!found.containsKey(n)) {
                problems.add(table, "missing column '" + String.format("Q%0" + width + "d", n) + "'");
            }
        }
        return List.copyOf(found.values());
    }

    private static String field(String[] f, int column) {
        return column >= 1 && column <= f.length ? f[column - 1] : "";
    }

    private static boolean isBlank(String[] fields) {
        for (String s : fields) {
            if (!s.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
