package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bizenv.city.TypedText;

/**
 * Finding a field's column in a header row. A header matches a field when, after {@link Names#clean(String)}
 * and ignoring case, it equals the field ({@code City}, {@code S01}) or starts with the field followed by
 * whitespace ({@code S01 常住人口}, {@code S01↵常住人口}) or by R's suffix for a repeated name
 * ({@code Procedures (number)...29}). Exact matches take precedence over prefix matches.
 */
public final class Headers {

    private Headers() {
    }

    /** The 0-based indexes of the headers that match the field: the exact matches if any, else the prefix ones. */
    public static List<Integer> matching(List<String> headers, String field) {
        String f = TypedText.clean(field).toLowerCase(Locale.ROOT);
        List<Integer> exact = new ArrayList<>(1);
        List<Integer> prefix = new ArrayList<>(1);
        for (int i = 0; i < headers.size(); i++) {
            String h = TypedText.clean(headers.get(i)).toLowerCase(Locale.ROOT);
            if (h.equals(f)) {
                exact.add(i);
            } else if (h.length() > f.length() && h.startsWith(f) && h.charAt(f.length()) == ' ') {
                prefix.add(i);
            } else if (isRenamedRepeat(h, f)) {
                prefix.add(i);
            }
        }
        return exact.isEmpty() ? prefix : exact;
    }

    /**
     * Whether a header is the field with the suffix R (readr, tibble) gives repeated column names:
     * {@code Procedures (number)...29}. Such a header is addressed by its full name; the bare name matches every
     * repeat, so that it is reported as appearing more than once instead of silently picking one.
     */
    private static boolean isRenamedRepeat(String header, String field) {
        if (header.length() <= field.length() + 3 || !header.startsWith(field)
                || !header.startsWith("...", field.length())) {
            return false;
        }
        for (int i = field.length() + 3; i < header.length(); i++) {
            if (!Character.isDigit(header.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The 1-based column of the field in the header row, or 0. Reports {@code missing column 'S07'} at
     * {@code table}, or that the column appears more than once (the first is used).
     *
     * @param headers   the header row's texts, column A first
     * @param headerRow the header's row number, for locations
     */
    public static int column(List<String> headers, String field, Location table, int headerRow, Problems problems) {
        return firstOf(matching(headers, field), field, table, headerRow, problems);
    }

    /**
     * The column of {@code field} among the 0-based header positions that {@code found} matched by whatever rule the
     * caller has (a survey's mapped header, a question id): 1-based, the first when several match (each reported),
     * 0 when none does (reported as a missing column).
     */
    public static int firstOf(List<Integer> found, String field, Location table, int headerRow, Problems problems) {
        if (found.isEmpty()) {
            problems.add(table, "missing column '" + field + "'");
            return 0;
        }
        if (found.size() > 1) {
            StringBuilder cells = new StringBuilder();
            for (int i : found) {
                cells.append(cells.length() == 0 ? "" : ", ").append(Location.columnName(i + 1)).append(headerRow);
            }
            problems.add(table.withCell(headerRow, found.get(1) + 1),
                    "column '" + field + "' appears more than once (" + cells + "); the first is used");
        }
        return found.get(0) + 1;
    }
}
