package org.bizenv.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which encoding a CSV file is read in, decided on its first {@value #PREFIX} bytes (the file is streamed
 * afterwards, however long). In this order:
 * <ol>
 * <li>the source's {@code encoding:} when the framework states one (a byte-order mark of another encoding is then
 *     refused rather than read as text);</li>
 * <li>a byte-order mark: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF);</li>
 * <li>UTF-16 without a byte-order mark, a <em>guess</em>: zero bytes occur, all at odd offsets (UTF-16LE) or all at
 *     even ones (UTF-16BE), and the bytes are valid UTF-16. UTF-8 and GB18030 text holds no zero byte, while every
 *     separator and line break of UTF-16 text has one;</li>
 * <li>UTF-8, when the bytes are valid UTF-8;</li>
 * <li>GB18030 (which contains GBK), a <em>guess</em>, when they are valid GB18030.</li>
 * </ol>
 * A guess is only a candidate: GB18030 decodes almost any byte sequence (Latin-1 text too, as Chinese-looking
 * nonsense), so {@link CsvRecords} reads a guessed file only once its first rows, so decoded, are what the source
 * expects ({@link CsvExpectation}). Plain Java; no state.
 */
public final class CsvEncoding {

    /** The bytes the encoding is decided on: some hundreds of rows of a survey, every row of most tables. */
    static final int PREFIX = 64 * 1024;

    private CsvEncoding() {
    }

    /**
     * The decision on a file's first bytes.
     *
     * @param encoding   the encoding to read in; null when none fits (or {@code conflict})
     * @param bom        the length of the byte-order mark to skip
     * @param guessed    whether the first rows must confirm it ({@link CsvExpectation})
     * @param utf8Error  the offset of the first byte that is not UTF-8 when UTF-8 was tried and failed, else -1
     * @param gbError    the offset of the first byte that is not GB18030 when GB18030 was tried and failed, else -1
     * @param stated     whether the source stated the encoding
     * @param conflict   the byte-order mark's encoding when it contradicts the stated one, else null
     */
    record Choice(TextEncoding encoding, int bom, boolean guessed, long utf8Error, long gbError, boolean stated,
                  TextEncoding conflict) {
    }

    /**
     * The encoding a CSV file is read in, for the report's list of input files; null when none fits (the reader
     * reports the file then, and there is no report).
     *
     * @param stated the source's {@code encoding:}, null for none
     */
    public static TextEncoding readIn(Path file, TextEncoding stated) {
        try {
            byte[] prefix = prefix(file);
            return choose(prefix, prefix.length < PREFIX || Files.size(file) == prefix.length, stated).encoding();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file's first {@value #PREFIX} bytes (all of a shorter file). */
    static byte[] prefix(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PREFIX);
        }
    }

    /**
     * @param prefix the file's first bytes
     * @param whole  whether they are the whole file (else a character cut at their end is not an error)
     * @param stated the source's {@code encoding:}, null for none
     */
    static Choice choose(byte[] prefix, boolean whole, TextEncoding stated) {
        TextEncoding marked = byteOrderMark(prefix);
        int bom = marked == null ? 0 : marked == TextEncoding.UTF_8 ? 3 : 2;
        if (stated != null) {
            TextEncoding e = stated == TextEncoding.UTF_16 ? (marked == TextEncoding.UTF_16LE
                    ? TextEncoding.UTF_16LE : TextEncoding.UTF_16BE) : stated;
            if (marked != null && marked != e) {
                return new Choice(null, 0, false, -1, -1, true, marked);
            }
            return new Choice(e, bom, false, -1, -1, true, null);
        }
        if (marked != null) {
            return new Choice(marked, bom, false, -1, -1, false, null);
        }
        TextEncoding utf16 = utf16ByZeroBytes(prefix, whole);
        if (utf16 != null) {
            return new Choice(utf16, 0, true, -1, -1, false, null);
        }
        long utf8Error = firstError(prefix, whole, TextEncoding.UTF_8);
        if (utf8Error < 0) {
            return new Choice(TextEncoding.UTF_8, 0, false, -1, -1, false, null);
        }
        long gbError = firstError(prefix, whole, TextEncoding.GB18030);
        return new Choice(gbError < 0 ? TextEncoding.GB18030 : null, 0, true, utf8Error, gbError, false, null);
    }

    private static TextEncoding byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return TextEncoding.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return TextEncoding.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return TextEncoding.UTF_16BE;
        }
        return null;
    }

    /** UTF-16LE or BE when zero bytes occur only at odd or only at even offsets and the bytes decode so; else null. */
    private static TextEncoding utf16ByZeroBytes(byte[] b, boolean whole) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    even++;
                } else {
                    odd++;
                }
            }
        }
        if (even > 0 == odd > 0) {
            return null;
        }
        TextEncoding e = odd > 0 ? TextEncoding.UTF_16LE : TextEncoding.UTF_16BE;
        return firstError(b, whole, e) < 0 ? e : null;
    }

    /** The offset of the first byte that is not text in the encoding, or -1. */
    static long firstError(byte[] b, boolean whole, TextEncoding e) {
        CharsetDecoder d = e.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            var r = d.decode(in, out, whole);
            if (r.isError()) {
                return in.position();
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return -1;                                      // underflow: all decoded (a cut character allowed)
        }
    }

    /**
     * The records of the file's first bytes, decoded as chosen: those to confirm a guess with. When the bytes are not
     * the whole file, the last record (probably cut) is left out.
     */
    static List<String[]> firstRecords(byte[] prefix, boolean whole, Choice c) {
        CharsetDecoder d = c.encoding().charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(prefix, c.bom(), prefix.length - c.bom());
        CharBuffer out = CharBuffer.allocate(prefix.length + 16);
        d.decode(in, out, whole);
        out.flip();
        String text = out.toString();
        List<String[]> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvRecords.reader(new StringReader(text),
                CsvRecords.FirstLine.read(new StringReader(text)).separator(), true)) {
            for (CsvRecord r : reader) {
                records.add(r.getFields().toArray(new String[0]));
            }
        } catch (IOException | CsvParseException e) {
            // the records before are the ones to check
        }
        if (!whole && !records.isEmpty()) {
            records.remove(records.size() - 1);
        }
        return records;
    }

    /**
     * The row (records counted as {@link CsvRecords} counts them) of the first byte of the file's first bytes that
     * is not text in the encoding: the bytes are read as the file would be, up to that byte.
     */
    static long rowOfError(byte[] prefix, int bom, TextEncoding e) {
        long n = 0;
        try (DecodedInput in = new DecodedInput(new ByteArrayInputStream(prefix), e, bom)) {
            CsvRecords.FirstLine first = CsvRecords.FirstLine.read(in);
            try (CsvReader<CsvRecord> reader = CsvRecords.reader(new CsvRecords.PrefixedReader(first.text(), in),
                    first.separator(), true)) {
                for (CsvRecord ignored : reader) {
                    n++;
                }
            }
        } catch (IOException | UncheckedIOException | CsvParseException stop) {
            // stopped at the byte, or at a record beyond the limits: the row is the one after the records read
        }
        return n + 1;
    }
}
