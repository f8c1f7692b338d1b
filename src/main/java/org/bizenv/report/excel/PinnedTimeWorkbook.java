package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * SXSSF copies every part into a new zip with the time the part was first written. This stamps each entry with
 * the report's time instead, as the same wall-clock fields whatever the machine's time zone (zip times are local).
 */
final class PinnedTimeWorkbook extends SXSSFWorkbook {
    /** Rows kept in memory per sheet while streaming. */
    private static final int WINDOW = 200;

    private final Instant time;

    PinnedTimeWorkbook(Instant time) {
        // uncompressed temporary sheet files: at 3,000 units x 200 indicators about a quarter faster, for a few
        // hundred MB of temporary disk; inline strings (no shared-strings table held in memory)
        super(new XSSFWorkbook(), WINDOW, false, false);
        this.time = time;
        // POI's default (Always) writes Zip64 records that LibreOffice cannot open when they come from a plain
        // ZipArchiveOutputStream; a report never approaches 4 GB, so Zip64 is only used if it ever must be.
        setZip64Mode(Zip64Mode.AsNeeded);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
        if (time == null) {
            return super.createArchiveOutputStream(out);
        }
        var zip = PinnedTimeZip.over(out, time);
        zip.setUseZip64(zip64Mode);
        return zip;
    }
}
