package org.bizenv.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.TextEncoding;

/**
 * Cuts a survey CSV file into parts of about equal bytes, each a run of whole records, for the survey step's
 * partitions: one scan of the bytes up to the last part's start (no further: that part runs to the end), no decoding,
 * that follows the reader's own rules for where a record ends (FastCSV's, as {@link CsvRecords} sets it up), so that a
 * quoted answer with line breaks is never cut and every part knows the row and the line of the file its first record
 * has; messages name the file's own rows.
 *
 * <p>The rules mirrored: a record ends at a CR, an LF or a CRLF outside quotes; a quote opens a quoted field only at
 * the start of a field, or again after a field's closing quote (text after a closing quote is kept), never inside
 * unquoted text; inside quotes a CR or a lone LF is a line of the file (an LF right after a CR is not another). An
 * empty line is a record. The scan only looks for the quote, the separator, CR and LF, single bytes that no other
 * character contains in UTF-8, GB18030 and GBK; a UTF-16 file (or one that cannot be read) is one part.
 *
 * <p>The first part holds the header and at least the first record under it that is surely not blank (one with an
 * ASCII letter, digit or sign): the row of the questions' texts, if the file has one, is the first non-blank row under
 * the header ({@link SurveyLayout#isQuestionTexts}), and only the first part's reader looks for it. A record of only
 * spaces, separators, quotes and non-ASCII bytes (which may be a blank row, or the questions' texts in Chinese) does
 * not count, so such a row never starts a later part.
 */
public final class SurveySplit {

    private static final int CR = '\r';
    private static final int LF = '\n';
    private static final int QUOTE = '"';

    private SurveySplit() {
    }

    /**
     * At most {@code parts} parts of the file in order, together all of it; fewer when the file has fewer records
     * than that or a quote left open swallows the rest (the part where it opens then runs to the end of the file).
     *
     * @param encoding  the encoding the file is read in; null (not readable) gives one part
     * @param separator the field separator the reader chose
     */
    public static List<CsvRecords.Range> split(Path file, TextEncoding encoding, char separator, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1: " + parts);
        }
        if (parts == 1 || encoding == null || !asciiSafe(encoding)) {
            return List.of(CsvRecords.Range.WHOLE);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return scan(in, Files.size(file), separator, parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean asciiSafe(TextEncoding e) {
        return e == TextEncoding.UTF_8 || e == TextEncoding.GB18030 || e == TextEncoding.GBK;
    }

    /** The scan itself: the boundaries are the first record starts at or past each k / parts of the bytes. */
    static List<CsvRecords.Range> scan(InputStream in, long size, char separator, int parts) throws IOException {
        List<long[]> starts = new ArrayList<>();      // {byte, row, line} of each part's first record
        starts.add(new long[] {0, 1, 1});
        int k = 1;
        long target = size * k / parts;
        byte[] buf = new byte[1 << 16];
        long pos = 0;
        long records = 0;          // records begun so far
        long nextLine = 1;         // the line the next record starts on
        long recordLines = 0;      // lines of the current record
        boolean atStart = true;    // before a record's first byte
        boolean written = false;   // the current record has a byte that is surely not blank
        boolean answered = false;  // a record after the header was surely not blank: later parts may start
        boolean afterCr = false;   // the last record ended with a CR (an LF now would belong to it)
        boolean quoted = false;    // inside a quoted field
        boolean crInQuotes = false;
        int field = 0;             // 0 = new field, 1 = unquoted data, 2 = quoted field (after its closing quote)
        for (int n; (n = in.read(buf)) > 0; ) {
            for (int i = 0; i < n; i++, pos++) {
                int b = buf[i];
                if (atStart) {
                    if (afterCr && b == LF) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = false;
                    atStart = false;
                    answered |= written && records > 1;
                    written = false;
                    if (pos >= target && answered && k < parts) {
                        starts.add(new long[] {pos, records + 1, nextLine});
                        while (k < parts && size * k / parts <= pos) {
                            k++;
                        }
                        if (k == parts) {
                            // every part's start is known and the last part runs to the end: the rest of the
                            // file need not be read (half of it with two parts)
                            return ranges(starts);
                        }
                        target = size * k / parts;
                    }
                    records++;
                    recordLines = 1;
                    field = 0;
                }
                if (b > ' ' && b != separator && b != QUOTE) {
                    written = true;                  // ASCII (a byte ≥ 0x80 is negative) and not a space
                }
                if (quoted) {
                    if (b == QUOTE) {
                        quoted = false;
                        crInQuotes = false;
                    } else if (b == CR) {
                        crInQuotes = true;
                        recordLines++;
                    } else if (b == LF) {
                        if (crInQuotes) {
                            crInQuotes = false;
                        } else {
                            recordLines++;
                        }
                    }
                } else if (b == CR || b == LF) {
                    atStart = true;
                    afterCr = b == CR;
                    nextLine += recordLines;
                } else if (b == separator) {
                    field = 0;
                } else if (b == QUOTE && field != 1) {
                    quoted = true;
                    crInQuotes = false;
                    field = 2;
                } else if (field == 0) {
                    field = 1;
                }
            }
        }
        return ranges(starts);
    }

    /** The parts that begin at {@code starts} ({byte, row, line} each), each ending where the next begins. */
    private static List<CsvRecords.Range> ranges(List<long[]> starts) {
        List<CsvRecords.Range> ranges = new ArrayList<>();
        for (int p = 0; p < starts.size(); p++) {
            long[] s = starts.get(p);
            boolean last = p + 1 == starts.size();
            long end = last ? Long.MAX_VALUE : starts.get(p + 1)[0];
            long lastRow = last ? Long.MAX_VALUE : starts.get(p + 1)[1] - 1;
            ranges.add(new CsvRecords.Range(s[0], end, s[1], s[2], lastRow));
        }
        return ranges;
    }
}
