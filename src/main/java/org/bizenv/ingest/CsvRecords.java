package org.bizenv.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Streams the records of a CSV file, one at a time (memory stays flat however long the file): in the encoding the
 * source states or the one detected on the file's first 64 KiB ({@link CsvEncoding}), separator detected from the header line among {@code ,} {@code ;} tab,
 * records parsed by FastCSV per RFC 4180 ({@code ""} for a quote inside quotes; separators and line breaks allowed in
 * quoted fields; CRLF, LF or CR). A quote is only special at the start of a field; text after a closing quote is
 * kept ({@code "a" b} is {@code a b}). A header line with none of the separators but a {@code |}, {@code ^} or
 * {@code ~} is refused (unknown separator) rather than read as one column.
 *
 * <p>Rows are counted as a spreadsheet shows them: row 1 is the header, every record is one row (also an empty line,
 * also a record whose quoted field spans several lines of the file), so {@link #row()} can differ from the line the
 * record starts on ({@link #line()}). Records may have any number of fields: a ragged row is for the caller to judge,
 * since only it knows which row is the header (and Excel itself leaves out the separators of blank cells at the end
 * of some rows).
 *
 * <p>Encoding: UTF-8, GB18030/GBK or UTF-16, chosen as {@link CsvEncoding} says; an encoding only guessed (GB18030,
 * UTF-16 without a byte-order mark) is read only when the file's first rows, so decoded, are what the source expects
 * ({@link CsvExpectation}). Otherwise the file is reported, naming the row and byte of the first byte that is not
 * UTF-8 and the encodings tried ({@link EncodingMessages}); nothing is decoded by a wrong guess, nor any byte
 * replaced. A byte past the first 64 KiB that is not text in the encoding chosen is reported at its row; the records
 * before it are returned and the stream ends there.
 *
 * <p>A quoted field still open at the end of the file is reported at its cell, and its record (the rest of the
 * file in that cell) is the last one returned. A record beyond FastCSV's limits (16,384 fields, Excel's limit too,
 * or 16 million characters in a field, which in practice means a quote left open) is reported and ends the stream.
 */
public final class CsvRecords implements AutoCloseable {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    /** Separators some tools use that are not read: a first line with one of them and no candidate is refused. */
    private static final String UNREAD_SEPARATORS = "|^~";
    private static final String[] NO_FIELDS = new String[0];

    private final Path path;
    private final String file;
    private final Problems problems;
    private final char separator;
    private final CsvEncoding.Choice choice;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private long row;
    private long line;
    private boolean ended;
    private boolean failed;
    /** The part of the file read: all of it, or the records of one {@link Range}. */
    private Range range;

    private CsvRecords(Path path, String file, Problems problems, char separator, CsvEncoding.Choice choice,
                       CsvReader<CsvRecord> reader, Range range) {
        this.range = range;
        this.row = range.firstRow() - 1;
        this.path = path;
        this.choice = choice;
        this.file = file;
        this.problems = problems;
        this.separator = separator;
        this.reader = reader;
        this.records = reader.iterator();
    }

    /**
     * Opens a CSV file, or reports why it cannot be read and returns null (file not found, not a file, not text in
     * any encoding tried, an encoding guessed but not confirmed, an unknown separator). The encoding is detected
     * ({@link CsvEncoding}); a guessed one must be confirmed by {@link CsvExpectation#NOTHING}, that is, never.
     *
     * @param folder the data folder
     * @param path   the file, relative to the data folder, as it appears in locations
     */
    public static CsvRecords open(Path folder, String path, Problems problems) {
        return open(folder, path, null, CsvExpectation.NOTHING, problems);
    }

    /**
     * Opens a CSV file in the encoding stated or, without one, the encoding detected ({@link CsvEncoding}), a guessed
     * one only when the file's first rows are what {@code expected} says; or reports why not and returns null.
     *
     * @param stated the source's {@code encoding:}, null to detect
     */
    public static CsvRecords open(Path folder, String path, TextEncoding stated, CsvExpectation expected,
                                  Problems problems) {
        Path file = folder.resolve(path);
        return isFile(file, path, problems) ? openFile(file, path, stated, expected, problems) : null;
    }

    /** Whether the path is a regular file; if not, reports {@code file not found} or {@code not a file}. */
    static boolean isFile(Path file, String path, Problems problems) {
        if (!Files.exists(file)) {
            problems.add(Location.ofFile(path), "file not found");
            return false;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(Location.ofFile(path), "not a file");
            return false;
        }
        return true;
    }

    /** Opens a file known to exist (see {@link #open(Path, String, TextEncoding, CsvExpectation, Problems)}). */
    static CsvRecords openFile(Path file, String path, TextEncoding stated, CsvExpectation expected,
                               Problems problems) {
        Location where = Location.ofFile(path);
        InputStream bytes = null;
        DecodedInput in = null;
        try {
            // one opening: the bytes the encoding is chosen on are then decoded from memory, not read again
            bytes = Files.newInputStream(file);
            byte[] prefix = bytes.readNBytes(CsvEncoding.PREFIX);
            boolean whole = prefix.length < CsvEncoding.PREFIX || Files.size(file) == prefix.length;
            CsvEncoding.Choice choice = CsvEncoding.choose(prefix, whole, stated);
            String refused = EncodingMessages.refusal(choice, stated, prefix, whole, expected);
            if (refused != null) {
                problems.add(where, refused);
                bytes.close();
                return null;
            }
            in = new DecodedInput(new SequenceInputStream(new ByteArrayInputStream(prefix), bytes), choice.encoding(),
                    choice.bom());
            FirstLine first = FirstLine.read(in);
            if (first.unknownSeparator() != 0) {
                problems.add(where, "fields separated by '" + first.unknownSeparator() + "': only a comma, semicolon"
                        + " or tab separates fields; save the file as \"CSV UTF-8\"");
                in.close();
                return null;
            }
            Reader text = new PrefixedReader(first.text(), in);
            return new CsvRecords(file, path, problems, first.separator(), choice,
                    reader(text, first.separator(), false), Range.WHOLE);
        } catch (DecodedInput.UndecodableException e) {
            problems.add(where, EncodingMessages.laterError(e, 1, stated != null));
            closeQuietly(bytes);
            return null;
        } catch (IOException e) {
            closeQuietly(bytes);
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * FastCSV set to read what Excel and survey platforms write: empty lines are rows (as in a spreadsheet), any
     * number of fields per record, text after a closing quote kept. {@code allowUnclosedQuote} is false for the
     * reading itself, so that a quote left open is noticed at all; true only to recover that last record.
     */
    static CsvReader<CsvRecord> reader(Reader text, char separator, boolean allowUnclosedQuote) {
        return CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(false)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowExtraCharsAfterClosingQuote(true)
                .allowUnclosedQuote(allowUnclosedQuote)
                .ofCsvRecord(text);
    }

    /** The encoding the file is read in. */
    public TextEncoding encoding() {
        return choice.encoding();
    }

    /** The file's path as given. */
    public String file() {
        return file;
    }

    /** The separator: whichever of {@code ,} {@code ;} tab occurs most often (outside quotes) in the first line; {@code ,} if none does. */
    public char separator() {
        return separator;
    }

    /** The row number (1 = header) of the last record returned, as a spreadsheet numbers it: records, not lines. */
    public long row() {
        return row;
    }

    /** The line of the file the last record returned starts on; after a quoted field spanning lines, beyond {@link #row()}. */
    public long line() {
        return line;
    }

    /**
     * {@code " (line 14 of the file)"} when the last record starts on another line than its row number (a quoted
     * field with line breaks came before), for messages that someone may follow in a text editor; empty otherwise.
     */
    public String lineNote() {
        return line == row ? "" : " (line " + line + " of the file)";
    }

    /** The next record's fields, or null at the end of the file, at the first byte that is not text in its encoding or past a record beyond the limits. */
    public String[] next() {
        if (ended || row >= range.lastRow()) {
            // a part ends at its last row, before its reader looks at the next part's bytes
            return null;
        }
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            CsvRecord record = records.next();
            row++;
            line = record.getStartingLineNumber() + lineOffset();
            return record.getFields().toArray(NO_FIELDS);
        } catch (UncheckedIOException e) {
            ended = true;
            if (e.getCause() instanceof DecodedInput.UndecodableException undecodable) {
                problems.add(Location.ofFile(file), EncodingMessages.laterError(undecodable, row + 1, choice.stated()));
                failed = true;
                return null;
            }
            throw new UncheckedIOException("cannot read " + file, e.getCause());
        } catch (CsvParseException e) {
            ended = true;
            return unclosedQuote();
        }
    }

    /**
     * After FastCSV refused the next record. The only difference between the reading and a second reading that
     * tolerates a quote open at the end of the file tells the cause: if the second returns the record, its last
     * field is a quote left open; it is reported at its cell and returned whole (the rest of the file in that
     * cell). Otherwise the record is beyond FastCSV's limits, which is reported and ends the file. Reading twice
     * costs a pass over the file only on this error path, and only once: a quote left open swallows the rest of it.
     */
    private String[] unclosedQuote() {
        long wanted = row + 1;
        boolean whole = range.start() == 0;
        try (DecodedInput in = whole ? new DecodedInput(Files.newInputStream(path), choice.encoding(), choice.bom())
                : new DecodedInput(rangeBytes(range), choice.encoding(), 0, range.start());
             CsvReader<CsvRecord> again = reader(in, separator, true)) {
            long n = whole ? 0 : range.firstRow() - 1;
            for (CsvRecord record : again) {
                if (++n == wanted) {
                    row = n;
                    line = record.getStartingLineNumber() + (whole ? 0 : lineOffset());
                    problems.add(Location.ofCell(file, null, (int) row, record.getFieldCount()),
                            "quoted field without a closing quote: the rest of the file was read into this cell"
                                    + lineNote());
                    return record.getFields().toArray(NO_FIELDS);
                }
            }
        } catch (CsvParseException e) {
            // beyond the limits in the second reading too: reported below
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        problems.add(Location.ofFile(file), "row " + wanted + " is too long to read (over 16,384 fields, or a field"
                + " over 16 million characters: is a quote left open?); reading stopped there");
        failed = true;
        return null;
    }

    /** What to add to FastCSV's line numbers: a part's reader counts lines from the part's start. */
    private long lineOffset() {
        return range.start() == 0 ? 0 : range.firstLine() - 1;
    }

    /** Whether reading stopped at a byte that is not text in the file's encoding or a record beyond the limits (reported) rather than at the end of the file. */
    public boolean failed() {
        return failed;
    }

    /**
     * A part of a CSV file that a reader of its own reads (the survey step's partitions): the records that start at
     * byte {@code start} (the first byte of a record, never inside a quoted field) and end before byte {@code end},
     * numbered as in the whole file. Only for encodings in which the separator, the quote and the line breaks are
     * single bytes that no other character contains (UTF-8, GB18030, GBK), so that a scan of the bytes can find the
     * boundaries.
     *
     * @param firstRow  the row number of the first record (1 = the header)
     * @param firstLine the line of the file the first record starts on (beyond the row after quoted line breaks)
     * @param lastRow   the row number of the last record of the part
     */
    public record Range(long start, long end, long firstRow, long firstLine, long lastRow) {
        /** The whole file. */
        public static final Range WHOLE = new Range(0, Long.MAX_VALUE, 1, 1, Long.MAX_VALUE);

        public Range {
            if (start < 0 || end < start || firstRow < 1 || firstLine < firstRow || lastRow < firstRow - 1) {
                throw new IllegalArgumentException("not a part of a CSV file: " + start + "–" + end + ", rows "
                        + firstRow + "–" + lastRow + ", line " + firstLine);
            }
        }
    }

    /**
     * The records of {@code part} of this file, from a reader of its own in the same encoding and with the same
     * separator as this one (which the header chose); this reader is closed. A part from byte 0 goes on reading this
     * reader's stream, past the header, up to its last row.
     *
     * @param problems where a later part's reader reports (the header's problems are the first part's to report)
     */
    public CsvRecords part(Range part, Problems problems) {
        if (part.start() == 0) {
            range = part;
            return this;
        }
        close();
        try {
            DecodedInput in = new DecodedInput(rangeBytes(part), choice.encoding(), 0, part.start());
            return new CsvRecords(path, file, problems, separator, choice, reader(in, separator, false), part);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The bytes of a part, from its start to its end. */
    private InputStream rangeBytes(Range part) throws IOException {
        InputStream in = Files.newInputStream(path);
        in.skipNBytes(part.start());
        return new java.io.FilterInputStream(in) {
            private long left = part.end() - part.start();

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing: the first error is the one reported
            }
        }
    }

    /**
     * The text up to the end of the first line (outside quotes), read ahead to choose the separator before FastCSV,
     * which is given one, reads the file from its start again ({@link PrefixedReader}).
     *
     * @param separator        whichever of {@code ,} {@code ;} tab occurs most often (outside quotes); {@code ,} if none does
     * @param unknownSeparator a separator of the line that is not read ({@code |}, {@code ^}, {@code ~}) when it
     *                         holds none of the candidates, 0 otherwise: such a file would read as one column
     */
    record FirstLine(char[] text, char separator, char unknownSeparator) {

        static FirstLine read(Reader in) throws IOException {
            char[] buf = new char[8192];
            int len = 0;
            int scanned = 0;
            boolean inQuotes = false;
            boolean ended = false;
            int[] counts = new int[CANDIDATES.length];
            char unknown = 0;
            while (!ended) {
                if (scanned == len) {
                    if (len == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        break;
                    }
                    len += n;
                }
                char c = buf[scanned++];
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (!inQuotes && (c == '\n' || c == '\r')) {
                    ended = true;
                } else if (!inQuotes) {
                    for (int i = 0; i < CANDIDATES.length; i++) {
                        if (c == CANDIDATES[i]) {
                            counts[i]++;
                        }
                    }
                    if (unknown == 0 && UNREAD_SEPARATORS.indexOf(c) >= 0) {
                        unknown = c;
                    }
                }
            }
            int best = 0;
            for (int i = 1; i < counts.length; i++) {
                if (counts[i] > counts[best]) {
                    best = i;
                }
            }
            boolean anyCandidate = counts[0] + counts[1] + counts[2] > 0;
            return new FirstLine(Arrays.copyOf(buf, len), CANDIDATES[best], anyCandidate ? 0 : unknown);
        }
    }

    /**
     * The characters read ahead, then the rest of the stream. A call returns either read-ahead characters or the
     * stream's, never both, so that the characters decoded before a byte that is not text reach FastCSV before
     * {@link DecodedInput} throws (and the row of the bad byte is right).
     */
    static final class PrefixedReader extends Reader {
        private final char[] prefix;
        private int pos;
        private final Reader rest;

        PrefixedReader(char[] prefix, Reader rest) {
            this.prefix = prefix;
            this.rest = rest;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (pos < prefix.length) {
                int n = Math.min(len, prefix.length - pos);
                System.arraycopy(prefix, pos, cbuf, off, n);
                pos += n;
                return n;
            }
            return rest.read(cbuf, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }
}
