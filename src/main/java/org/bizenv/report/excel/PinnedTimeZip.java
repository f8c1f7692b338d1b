package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.TimeZone;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A zip stream that stamps every entry with the report's time instead of the wall clock, as the same wall-clock
 * fields whatever the machine's time zone (zip times are local): the same report gives the same bytes. POI writes a
 * workbook straight into a {@link ZipArchiveOutputStream} it is handed, so no second pass over the zip is needed.
 */
final class PinnedTimeZip {

    private PinnedTimeZip() {
    }

    /** A zip stream over {@code out} (which closing it closes) whose entries all carry {@code time}. */
    static ZipArchiveOutputStream over(OutputStream out, Instant time) {
        long utc = time.toEpochMilli();
        long local = utc - TimeZone.getDefault().getOffset(utc);
        return new ZipArchiveOutputStream(out) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                entry.setTime(local);
                super.putArchiveEntry(entry);
            }
        };
    }
}
