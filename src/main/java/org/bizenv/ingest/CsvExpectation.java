package org.bizenv.ingest;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bizenv.city.Match;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitResolver;

/**
 * What a source expects of its CSV file, to confirm an encoding that was only guessed ({@link CsvEncoding}): the
 * first rows, decoded so, must hold the header the source reads and unit names it knows. A file whose bytes are not
 * UTF-8 is read as GB18030 only when this holds, since GB18030 decodes Latin-1 and other text too, into
 * Chinese-looking nonsense that would otherwise be read as data.
 */
@FunctionalInterface
public interface CsvExpectation {

    /** Expects nothing it could check: a guessed encoding is never confirmed. */
    CsvExpectation NOTHING = records -> "nothing is known of its header to confirm that";

    /**
     * Null when the records (the file's first rows, as decoded in the guessed encoding) are what the source
     * expects; else why not, in words that follow "read as GB18030, " — e.g. {@code its header has no column 'City'}.
     */
    String mismatch(List<String[]> records);

    /**
     * A header with every column, in one of the first {@code headerSearchRows} rows (the first that holds the unit
     * column), and unit names below it that are units: with a registry, more than half of the names read are ones
     * it knows (the reader reports the others as unknown, so a name that is wrong either way is still reported);
     * without one, where any name is a unit, every name is text GB2312 encodes (ASCII, Chinese punctuation and the
     * 6,763 common Chinese characters): what Excel on Chinese Windows writes for Chinese names, while Latin-1 text
     * read as GB18030 turns mostly into rarer characters.
     *
     * @param columns    the columns the source reads, the unit column among them
     * @param unitColumn the column naming the unit
     * @param resolver   the units, null for none (a unit registry file itself)
     */
    static CsvExpectation header(List<String> columns, int headerSearchRows, String unitColumn, UnitResolver resolver) {
        return records -> {
            int header = -1;
            for (int r = 0; r < Math.min(headerSearchRows, records.size()) && header < 0; r++) {
                if (!Headers.matching(Arrays.asList(records.get(r)), unitColumn).isEmpty()) {
                    header = r;
                }
            }
            String read = records.isEmpty() ? "" : " (its first row reads '" + shortened(records.get(0)) + "')";
            if (header < 0) {
                return (headerSearchRows == 1 ? "its header has" : "none of its first " + headerSearchRows
                        + " rows has") + " a column '" + unitColumn + "'" + read;
            }
            List<String> headers = Arrays.asList(records.get(header));
            for (String c : columns) {
                if (Headers.matching(headers, c).isEmpty()) {
                    return "its header has no column '" + c + "'" + read;
                }
            }
            int unit = Headers.matching(headers, unitColumn).get(0);
            return unknownNames(records, header, unit, resolver);
        };
    }

    private static String unknownNames(List<String[]> records, int header, int unit, UnitResolver resolver) {
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        List<String> unknown = new ArrayList<>();
        String firstUnknownRow = null;
        int names = 0;
        for (int r = header + 1; r < records.size(); r++) {
            String name = unit < records.get(r).length ? TypedText.clean(records.get(r)[unit]) : "";
            if (name.isEmpty()) {
                continue;
            }
            names++;
            boolean known = resolver != null && !resolver.expectedUnits().isEmpty()
                    ? resolver.resolve(name).kind() != Match.Kind.UNKNOWN : gb2312.canEncode(name);
            if (!known) {
                unknown.add(name);
                firstUnknownRow = firstUnknownRow == null ? String.valueOf(r + 1) : firstUnknownRow;
            }
        }
        if (resolver != null && !resolver.expectedUnits().isEmpty()) {
            return unknown.size() * 2 < names || names == 0 ? null : unknown.size() + " of the " + names + " "
                    + resolver.noun() + " names in its first rows are not in the registry (row " + firstUnknownRow
                    + ": '" + unknown.get(0) + "')";
        }
        return unknown.isEmpty() ? null : "its name '" + unknown.get(0) + "' (row " + firstUnknownRow
                + ") is not Chinese text as GB18030 files hold it (characters outside GB2312)";
    }

    private static String shortened(String[] record) {
        String s = String.join(",", record);
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }
}
