package org.bizenv.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams the records of a CSV text (RFC 4180): fields separated by the separator detected in the first line,
 * optionally enclosed in double quotes, {@code ""} for a quote inside them; quoted fields may hold separators
 * and line breaks; records end at CRLF, LF or CR. A quote is only special at the start of a field; text after
 * a closing quote is kept as it is. A quoted field still open at the end of the file is reported.
 */
final class CsvParser {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    /** Separators some tools use that are not read: a first line with one of them and no candidate is refused. */
    private static final String UNREAD_SEPARATORS = "|^~";

    private final Reader in;
    private final String file;
    private final Problems problems;
    private char[] buf = new char[16384];
    private int pos;
    private int lim;
    private boolean eof;
    private final char separator;
    private char unknownSeparator;
    private long row;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    /**
     * @param file     the file's path as given, for locations
     * @param problems where an unterminated quoted field is reported
     */
    CsvParser(Reader in, String file, Problems problems) throws IOException {
        this.in = in;
        this.file = file;
        this.problems = problems;
        this.separator = detectSeparator();
    }

    /** The separator: whichever of {@code ,} {@code ;} tab occurs most often (outside quotes) in the first line; {@code ,} if none does. */
    char separator() {
        return separator;
    }

    /**
     * A separator of the first line that is not read ({@code |}, {@code ^}, {@code ~}) when it holds none of
     * {@code ,} {@code ;} tab; 0 otherwise. Such a file would read as one column, so it is refused instead.
     */
    char unknownSeparator() {
        return unknownSeparator;
    }

    /** The row number of the last record returned (1 = the header), or of the record being read. */
    long row() {
        return row;
    }

    /** The next record, or null at the end. */
    String[] next() throws IOException {
        row++;
        if (peek() < 0) {
            row--;
            return null;
        }
        fields.clear();
        field.setLength(0);
        boolean fieldStart = true;
        boolean inQuotes = false;
        while (true) {
            int c = read();
            if (c < 0) {
                if (inQuotes) {
                    problems.add(Location.ofCell(file, null, (int) row, fields.size() + 1),
                            "quoted field without a closing quote: the rest of the file was read into this cell");
                }
                break;
            }
            if (inQuotes) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '\n') {
                break;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                break;
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
            } else {
                field.append((char) c);
            }
            fieldStart = false;
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }

    private char detectSeparator() throws IOException {
        int end = pos;
        boolean inQuotes = false;
        int[] counts = new int[CANDIDATES.length];
        while (true) {
            if (end >= lim) {
                if (eof || !fill(true)) {
                    break;
                }
            }
            char c = buf[end++];
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes) {
                for (int i = 0; i < CANDIDATES.length; i++) {
                    if (c == CANDIDATES[i]) {
                        counts[i]++;
                    }
                }
                if (unknownSeparator == 0 && UNREAD_SEPARATORS.indexOf(c) >= 0) {
                    unknownSeparator = c;
                }
            }
        }
        if (counts[0] + counts[1] + counts[2] > 0) {
            unknownSeparator = 0;
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES[best];
    }

    private int peek() throws IOException {
        if (pos >= lim && !fill(false)) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos >= lim && !fill(false)) {
            return -1;
        }
        return buf[pos++];
    }

    /** Reads more characters; keeps what is buffered when {@code keep} (growing the buffer), else refills. */
    private boolean fill(boolean keep) throws IOException {
        if (eof) {
            return false;
        }
        if (!keep) {
            pos = 0;
            lim = 0;
        } else if (lim == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }
}
