package org.bizenv.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the records of a CSV file: UTF-8 with or without a byte-order mark, separator detected from the
 * header line among {@code ,} {@code ;} tab, fields quoted per RFC 4180 (see {@link CsvParser}). A header line
 * with none of these but a {@code |}, {@code ^} or {@code ~} is refused (unknown separator) rather than read as
 * one column.
 *
 * <p>Encoding: only UTF-8 is read. A UTF-16 file (Excel's "Unicode Text") and a file with bytes that are not
 * UTF-8 are reported ({@code not valid UTF-8 text (row 17, byte 1234): save the file as "CSV UTF-8"}, with a
 * hint when the bytes look like GBK/GB18030); nothing is guessed or decoded another way, since GB18030 accepts
 * almost any byte sequence and cannot be told from other legacy encodings reliably. Records before the first
 * invalid byte are returned; the stream ends there.
 */
public final class CsvRecords implements AutoCloseable {

    private final String file;
    private final Problems problems;
    private final Utf8Input in;
    private final CsvParser parser;
    private boolean ended;
    private boolean failed;

    private CsvRecords(String file, Problems problems, Utf8Input in, CsvParser parser) {
        this.file = file;
        this.problems = problems;
        this.in = in;
        this.parser = parser;
    }

    /**
     * Opens a CSV file, or reports why it cannot be read and returns null (file not found, not a file,
     * UTF-16, not UTF-8 in the first line, an unknown separator).
     *
     * @param folder the data folder
     * @param path   the file, relative to the data folder, as it appears in locations
     */
    public static CsvRecords open(Path folder, String path, Problems problems) {
        Path file = folder.resolve(path);
        return isFile(file, path, problems) ? openFile(file, path, problems) : null;
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

    /** Opens a file known to exist (see {@link #open(Path, String, Problems)}). */
    static CsvRecords openFile(Path file, String path, Problems problems) {
        Location where = Location.ofFile(path);
        Utf8Input in = null;
        try {
            in = new Utf8Input(Files.newInputStream(file));
            if (in.isUtf16()) {
                problems.add(where, "UTF-16 text, not UTF-8: save the file as \"CSV UTF-8\"");
                in.close();
                return null;
            }
            CsvParser parser = new CsvParser(in, path, problems);
            if (parser.unknownSeparator() != 0) {
                problems.add(where, "fields separated by '" + parser.unknownSeparator() + "': only a comma, semicolon"
                        + " or tab separates fields; save the file as \"CSV UTF-8\"");
                in.close();
                return null;
            }
            return new CsvRecords(path, problems, in, parser);
        } catch (Utf8Input.NotUtf8Exception e) {
            problems.add(where, e.describe(1));
            closeQuietly(in);
            return null;
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file's path as given. */
    public String file() {
        return file;
    }

    public char separator() {
        return parser.separator();
    }

    /** The row number (1 = header) of the last record returned. */
    public long row() {
        return parser.row();
    }

    /** The next record's fields, or null at the end of the file or at the first byte that is not UTF-8. */
    public String[] next() {
        if (ended) {
            return null;
        }
        try {
            String[] record = parser.next();
            ended = record == null;
            return record;
        } catch (Utf8Input.NotUtf8Exception e) {
            problems.add(Location.ofFile(file), e.describe(parser.row()));
            ended = true;
            failed = true;
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Whether reading stopped at a byte that is not UTF-8 (reported) rather than at the end of the file. */
    public boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static void closeQuietly(Utf8Input in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing: the first error is the one reported
            }
        }
    }
}
