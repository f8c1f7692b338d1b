package org.bizenv.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bizenv.city.TypedText;
import org.bizenv.ingest.Headers;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;

/**
 * Finds a survey file's columns in its header row, the same for a CSV file and a workbook sheet.
 * <ul>
 * <li>A field the source's {@code columns:} maps is the column whose header is the text mapped (after {@link
 * TypedText#clean}, ignoring case), whatever its form: {@code Q03: "第3题"}.</li>
 * <li>Otherwise an identity field ({@code RespondentId}, {@code City}, {@code Size}, {@code Industry}) is found by
 * {@link Headers} (its name, or its name, a space and more: {@code City 城市}).</li>
 * <li>Otherwise a question is the column headed by its id, or by its id followed by a separator and more: a space, or
 * one of {@code . : 、 )} (full-width forms too) not followed by a digit, so {@code Q3. 您对…}, {@code Q03 融资},
 * {@code Q3、…} are Q03's but {@code Q3.1} (a sub-question) is not. A {@code Q} + number id matches whatever the number's
 * leading zeros ({@code Q3} is {@code Q03}). An exact header wins over a prefixed one.</li>
 * </ul>
 * A field with no column is {@code missing column '…'} at the table; one with several is reported and the first used.
 */
final class SurveyColumns {

    /** Where the fields are (1-based, 0 = missing) and the questions read. */
    record Found(int[] identity, List<String> questions, int[] questionColumns) {

        /** No header to find columns in: every field missing, the questions asked kept. */
        static Found none(List<String> questions) {
            return new Found(new int[SurveyCsvReader.IDENTITY_COLUMNS.size()], questions, new int[questions.size()]);
        }

        /** Whether an identity column is missing: then no row can be read as a response. */
        boolean lacksIdentity() {
            for (int c : identity) {
                if (c == 0) {
                    return true;
                }
            }
            return false;
        }

        /** The layout of these columns in a file, or a sheet of it (null for CSV). */
        SurveyLayout layout(String file, String sheet) {
            return new SurveyLayout(file, sheet, identity[0], identity[1], identity[2], identity[3], questions,
                    questionColumns);
        }
    }

    private static final Pattern Q_ID = Pattern.compile("(?i)Q0*(\\d+)");
    /** A header that starts with a Q-number question id: the id, then the end or a separator. */
    private static final Pattern Q_HEADER = Pattern.compile("(?i)(Q(\\d+))(?:$|\\s.*|[.:、)](?!\\d).*)",
            Pattern.DOTALL);
    private static final String SEPARATED = "(?:\\s.*|[.:、)](?!\\d).*)";

    private SurveyColumns() {
    }

    /**
     * @param headers   the header row's texts, column A first
     * @param questions the questions asked, in order; empty to take every {@code Qnn} column
     * @param columns   the source's mapping of field → header text (identity fields and questions)
     * @param table     the file or sheet, for problems
     * @param headerRow the header's row number
     */
    static Found find(List<String> headers, List<String> questions, Map<String, String> columns, Location table,
                      int headerRow, Problems problems) {
        List<String> names = headers.stream().map(TypedText::clean).toList();
        int[] identity = new int[SurveyCsvReader.IDENTITY_COLUMNS.size()];
        for (int i = 0; i < identity.length; i++) {
            String field = SurveyCsvReader.IDENTITY_COLUMNS.get(i);
            String mapped = columns.get(field);
            identity[i] = mapped != null ? mapped(names, field, mapped, table, headerRow, problems)
                    : Headers.column(names, field, table, headerRow, problems);
        }
        List<String> qs = questions.isEmpty() ? discover(names, table, problems) : List.copyOf(questions);
        int[] qCols = new int[qs.size()];
        for (int q = 0; q < qCols.length; q++) {
            String mapped = columns.get(qs.get(q));
            qCols[q] = mapped != null ? mapped(names, qs.get(q), mapped, table, headerRow, problems)
                    : Headers.firstOf(question(names, qs.get(q)), qs.get(q), table, headerRow, problems);
        }
        return new Found(identity, qs, qCols);
    }

    /** The column the source's {@code columns:} maps a field to; missing, a problem naming the header and the field. */
    private static int mapped(List<String> names, String field, String header, Location table, int headerRow,
                              Problems problems) {
        List<Integer> found = exactly(names, header);
        if (found.isEmpty()) {
            problems.add(table, "missing column '" + header + "' (the source's columns: map " + field + " to it); "
                    + "correct the header in 'columns:' or in the file");
            return 0;
        }
        return Headers.firstOf(found, header, table, headerRow, problems);
    }

    /** The 0-based columns headed by exactly {@code text}. */
    private static List<Integer> exactly(List<String> names, String text) {
        String t = TypedText.clean(text);
        List<Integer> out = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(t)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The 0-based columns of a question: its exact headers if any, else those starting with it and a separator. */
    static List<Integer> question(List<String> names, String id) {
        List<Integer> exact = exactly(names, id);
        if (!exact.isEmpty()) {
            return exact;
        }
        Matcher q = Q_ID.matcher(TypedText.clean(id));
        Pattern p = q.matches()
                ? Pattern.compile("(?i)Q0*" + Integer.parseInt(q.group(1)) + "(?:$|" + SEPARATED + ")", Pattern.DOTALL)
                : Pattern.compile("(?i)" + Pattern.quote(TypedText.clean(id)) + SEPARATED, Pattern.DOTALL);
        List<Integer> out = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) {
            if (p.matcher(names.get(i)).matches()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Every {@code Qnn} question the header has, by number; a gap in the numbering is a missing column. */
    private static List<String> discover(List<String> names, Location table, Problems problems) {
        TreeMap<Integer, String> found = new TreeMap<>();
        int width = 2;
        for (String name : names) {
            Matcher m = Q_HEADER.matcher(name);
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
}
