package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes strict UTF-8 from a stream, skipping a UTF-8 byte-order mark. Unlike {@link java.io.InputStreamReader}
 * it hands out every character decoded before an invalid byte and only then fails (with
 * {@link NotUtf8Exception}), so that the CSV parser knows the row of the first invalid byte.
 */
final class Utf8Input extends Reader {

    /** The bytes at {@link #byteOffset()} are not UTF-8. */
    static final class NotUtf8Exception extends IOException {
        private final long byteOffset;
        private final boolean looksLikeGb18030;

        NotUtf8Exception(long byteOffset, boolean looksLikeGb18030) {
            super("not valid UTF-8 at byte " + byteOffset);
            this.byteOffset = byteOffset;
            this.looksLikeGb18030 = looksLikeGb18030;
        }

        long byteOffset() {
            return byteOffset;
        }

        /**
         * The message of the problem to report, e.g. {@code not valid UTF-8 text (row 17, byte 1234): save the
         * file as "CSV UTF-8" …}.
         */
        String describe(long row) {
            return "not valid UTF-8 text (row " + row + ", byte " + byteOffset + "): save the file as \"CSV UTF-8\""
                    + (looksLikeGb18030
                            ? "; it may be GBK/GB18030, the encoding of Excel's \"CSV (逗号分隔)\" on Chinese Windows"
                            : "");
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final boolean utf16;
    private long offset;
    private boolean eof;
    private boolean flushed;
    private NotUtf8Exception pending;

    Utf8Input(InputStream in) throws IOException {
        this.in = in;
        bytes.flip();
        while (bytes.remaining() < 3 && !eof) {
            fill();
        }
        int b0 = bytes.remaining() > 0 ? bytes.get(0) & 0xFF : -1;
        int b1 = bytes.remaining() > 1 ? bytes.get(1) & 0xFF : -1;
        int b2 = bytes.remaining() > 2 ? bytes.get(2) & 0xFF : -1;
        utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.position(3);
            offset = 3;
        }
    }

    /** Whether the stream starts with a UTF-16 byte-order mark (Excel's "Unicode Text"). */
    boolean isUtf16() {
        return utf16;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (flushed) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (true) {
            int before = bytes.position();
            var result = decoder.decode(bytes, out, eof);
            offset += bytes.position() - before;
            if (result.isError()) {
                boolean truncated = eof && bytes.remaining() == result.length();
                pending = new NotUtf8Exception(offset, !truncated && looksLikeGb18030());
                if (out.position() > off) {
                    return out.position() - off;
                }
                throw pending;
            }
            if (result.isOverflow() || out.position() > off && !eof) {
                return out.position() - off;
            }
            if (eof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                return out.position() > off ? out.position() - off : -1;
            }
            fill();
        }
    }

    /**
     * Whether the invalid bytes start with a GB2312-area character as GBK/GB18030 encodes Chinese text: two
     * bytes 0xA1–0xFE. (Any lead 0x81–0xFE with almost any trail byte is valid GBK, so that wider test would
     * also fire on Latin-1 text such as "Zü"; this one is only a hint in the message, never a decoding. A
     * file cut in the middle of a UTF-8 character gets no hint.)
     */
    private boolean looksLikeGb18030() {
        if (bytes.remaining() < 2) {
            return false;
        }
        int lead = bytes.get(bytes.position()) & 0xFF;
        int trail = bytes.get(bytes.position() + 1) & 0xFF;
        return lead >= 0xA1 && lead <= 0xFE && trail >= 0xA1 && trail <= 0xFE;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
