package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a stream strictly in one {@link TextEncoding}, after skipping its byte-order mark. Unlike {@link
 * java.io.InputStreamReader} it hands out every character decoded before an invalid byte and only then fails (with
 * {@link UndecodableException}), so that the CSV parser knows the row of the first invalid byte; and it never
 * replaces a byte it cannot decode, which would change a value silently.
 */
final class DecodedInput extends Reader {

    /** The bytes at {@link #byteOffset()} (counted from the start of the file) are not text in the encoding. */
    static final class UndecodableException extends IOException {
        private final long byteOffset;
        private final TextEncoding encoding;

        UndecodableException(long byteOffset, TextEncoding encoding) {
            super("not valid " + encoding.shown() + " at byte " + byteOffset);
            this.byteOffset = byteOffset;
            this.encoding = encoding;
        }

        long byteOffset() {
            return byteOffset;
        }

        TextEncoding encoding() {
            return encoding;
        }
    }

    private final InputStream in;
    private final TextEncoding encoding;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private long offset;
    private boolean eof;
    private boolean flushed;
    private UndecodableException pending;

    /**
     * @param skip the length of the byte-order mark at the start of the stream (0 without one), skipped
     */
    DecodedInput(InputStream in, TextEncoding encoding, int skip) throws IOException {
        this(in, encoding, skip, 0);
    }

    /**
     * A stream that starts at byte {@code firstByte} of the file (a part of it, read by a reader of its own), so that
     * a byte that is not text is still reported at its offset in the file.
     */
    DecodedInput(InputStream in, TextEncoding encoding, int skip, long firstByte) throws IOException {
        this.in = in;
        this.encoding = encoding;
        this.decoder = encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        while (bytes.remaining() < skip && !eof) {
            fill();
        }
        int skipped = Math.min(skip, bytes.remaining());
        bytes.position(skipped);
        offset = firstByte + skipped;
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
                pending = new UndecodableException(offset, encoding);
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
