package org.bizenv.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a small .xlsx archive as the zip stream reader of {@link WorkbookParts} (commons-compress, as POI
 * reads a package) would give them, read with the JDK's {@link Inflater} alone: that reader and its helpers are some
 * seventy classes to load and set up for a first workbook, more than unzipping a return workbook's ten parts takes.
 *
 * <p>Only the plain case is read: local entries one after the other from the file's first byte, each deflated or
 * stored, with ASCII names, no extra fields, no flags but the data descriptor's, UTF-8 names' and deflate's
 * options, sizes and CRC as the headers (or the data descriptor) state them, then the central directory. And only an
 * archive on which none of the limits of {@link WorkbookFiles} could fire: at most {@link WorkbookFiles#MAX_PARTS}
 * entries, all parts together within the limit, and no part expanding at any point more than a fiftieth of the way
 * to the ratio the zip-bomb check refuses. Anything else gives null, and the stream reader reads the file as before,
 * limits and damage included.
 */
final class PlainZip {

    /** Files larger than this are left to the stream reader, which does not hold the compressed file. */
    private static final long MAX_FILE = 8L << 20;
    /** How much is inflated between two looks at the expansion ratio so far. */
    private static final int STEP = 4096;
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int DESCRIPTOR = 0x08074b50;

    /** An entry's name as stored and its expanded bytes. */
    record Entry(String name, byte[] bytes) {
    }

    private PlainZip() {
    }

    /** The entries in file order, or null when the archive is not the plain case (see the class comment). */
    static List<Entry> entries(Path file, long maxExpandedBytes) throws IOException {
        if (Files.size(file) > MAX_FILE) {
            return null;
        }
        byte[] zip = Files.readAllBytes(file);
        List<Entry> out = new ArrayList<>();
        long total = 0;
        int p = 0;
        Inflater inflater = new Inflater(true);
        try {
            while (p + 30 <= zip.length && u32(zip, p) == LOCAL) {
                int flags = u16(zip, p + 6);
                int method = u16(zip, p + 8);
                long crc = u32(zip, p + 14);
                long compressed = u32(zip, p + 18);
                long size = u32(zip, p + 22);
                int nameLength = u16(zip, p + 26);
                int extraLength = u16(zip, p + 28);
                boolean descriptor = (flags & 0x8) != 0;
                if ((flags & ~(0x2 | 0x4 | 0x8 | 0x800)) != 0 || extraLength != 0 || nameLength == 0
                        || p + 30 + nameLength > zip.length || out.size() == WorkbookFiles.MAX_PARTS
                        || !(method == 8 || method == 0 && !descriptor)) {
                    return null;
                }
                for (int i = p + 30; i < p + 30 + nameLength; i++) {
                    if (zip[i] < 0x20 || zip[i] > 0x7E || zip[i] == '\\') {   // the stream reader may turn \ into /
                        return null;
                    }
                }
                String name = new String(zip, p + 30, nameLength, StandardCharsets.US_ASCII);
                int data = p + 30 + nameLength;
                byte[] bytes;
                int end;
                if (method == 0) {
                    // a stored part counts towards the limit on all parts as a deflated one does
                    if (compressed != size || data + size > zip.length || size > maxExpandedBytes - total) {
                        return null;
                    }
                    bytes = Arrays.copyOfRange(zip, data, data + (int) size);
                    end = data + (int) size;
                } else {
                    inflater.reset();
                    inflater.setInput(zip, data, zip.length - data);
                    bytes = inflate(inflater, maxExpandedBytes - total);
                    if (bytes == null) {
                        return null;
                    }
                    end = data + (int) inflater.getBytesRead();
                    if (descriptor) {
                        // as the stream reader reads it: an optional signature, the CRC, then sizes of four bytes
                        // when a signature follows them
                        if (end + 4 <= zip.length && u32(zip, end) == DESCRIPTOR) {
                            end += 4;
                        }
                        if (end + 16 > zip.length || u32(zip, end + 12) != LOCAL && u32(zip, end + 12) != CENTRAL) {
                            return null;
                        }
                        crc = u32(zip, end);
                        compressed = u32(zip, end + 4);
                        size = u32(zip, end + 8);
                        end += 12;
                    }
                    if (compressed != inflater.getBytesRead() || size != bytes.length) {  // as stated
                        return null;
                    }
                }
                CRC32 check = new CRC32();
                check.update(bytes);
                if (check.getValue() != crc) {
                    return null;
                }
                total += bytes.length;
                out.add(new Entry(name, bytes));
                p = end;
            }
        } finally {
            inflater.end();
        }
        return p + 4 <= zip.length && u32(zip, p) == CENTRAL ? out : null;
    }

    /**
     * The entry's bytes, inflated {@link #STEP} at a time; null when the stream ends early or is damaged, passes the
     * bytes left to the limit, or expands at some step more than half of {@link WorkbookFiles#MAX_EXPANSION} times what
     * was read so far (a little less, so that the stream reader, looking at other points, cannot find it over).
     */
    private static byte[] inflate(Inflater inflater, long left) {
        byte[] out = new byte[STEP];
        int n = 0;
        try {
            while (!inflater.finished()) {
                if (out.length - n < STEP) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                long consumed = inflater.getBytesRead();
                int got = inflater.inflate(out, n, STEP);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                n += got;
                if (n > left || n > WorkbookFiles.RATIO_GRACE_BYTES / 2
                        && (consumed - 16) * (WorkbookFiles.MAX_EXPANSION / 2) < n) {
                    return null;
                }
            }
        } catch (DataFormatException e) {
            return null;
        }
        return Arrays.copyOf(out, n);
    }

    private static int u16(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }
}
