package org.bizenv.report.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report's workbook: an in-memory {@link XSSFWorkbook} for everything but the cells, whose sheets' rows are
 * streamed by {@link StreamedSheet}s and put into the sheets' parts when the workbook is written, as POI's SXSSF does
 * (an SXSSF workbook still, for its delegation to the XSSF workbook, but it makes no SXSSF sheets: see StreamedSheet
 * for why). Every zip entry is stamped with the report's time instead of the time the part was first written, as the
 * same wall-clock fields whatever the machine's time zone (zip times are local).
 */
final class PinnedTimeWorkbook extends SXSSFWorkbook {
    private static final byte[] EMPTY_SHEET_DATA = "<sheetData/>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAGE_MARGINS = "<pageMargins ".getBytes(StandardCharsets.US_ASCII);

    private final Instant time;
    /** The cell styles, whose part is written in place of the template's. */
    final ExcelStyles styles;
    private final List<StreamedSheet> sheets = new ArrayList<>();
    /** The defined names made by {@link #builtInName}, in the order they were made: the order POI writes them. */
    private final List<DefinedName> names = new ArrayList<>();

    /** A workbook whose zip entries carry {@code time} (the time of writing when null), its scores in {@code decimals}. */
    PinnedTimeWorkbook(Instant time, int decimals) {
        // inline strings (no shared-strings table held in memory); SXSSF's own window and temporary-file compression
        // do not apply, as it streams no sheet here
        super(new XSSFWorkbook(), StreamedSheet.WINDOW, false, false);
        this.time = time;
        this.styles = new ExcelStyles(decimals);
        // POI's default (Always) writes Zip64 records that LibreOffice cannot open when they come from a plain
        // ZipArchiveOutputStream; a report never approaches 4 GB, so Zip64 is only used if it ever must be.
        setZip64Mode(Zip64Mode.AsNeeded);
    }

    /** A new sheet (at the end) whose rows are streamed. */
    StreamedSheet newSheet(String name) {
        var s = new StreamedSheet(getXSSFWorkbook().createSheet(name));
        sheets.add(s);
        return s;
    }

    /** A defined name's reference (and whether it is hidden), put into the workbook's part when it is written. */
    static final class DefinedName {
        final boolean hidden;
        /** The reference, as text: a formula Excel reads, which nothing here parses. */
        String reference = "";

        DefinedName(boolean hidden) {
            this.hidden = hidden;
        }
    }

    /**
     * A built-in name of {@code sheet} (print titles, print area, the autofilter's database), made as POI's
     * {@code createBuiltInName} makes it, its reference to be set by the caller. POI's own setters (the sheet's
     * {@code setRepeatingRows}, {@code setAutoFilter}, the workbook's {@code setPrintArea}) check the reference with
     * POI's formula parser, whose first use loads some 200 classes (the formula tokens, the function table) in a run
     * that writes no formula, and {@code XSSFName} offers no other way to set it; so the name is made here without
     * its reference (POI keeps it, its sheet, and moves it with the sheet on {@code setSheetOrder}), and the reference
     * goes into the workbook's part as text when the workbook is written ({@link #withNames}).
     */
    DefinedName builtInName(String code, XSSFSheet sheet, boolean hidden) {
        XSSFWorkbook xwb = getXSSFWorkbook();
        XSSFName name = xwb.createName();
        name.setNameName(code);
        name.setSheetIndex(xwb.getSheetIndex(sheet));
        var d = new DefinedName(hidden);
        names.add(d);
        return d;
    }

    /**
     * The workbook's part with each defined name's reference in place: POI wrote the names in the order they were
     * made, each as an empty element ({@code <definedName name=".." localSheetId=".."/>}); each gets its
     * {@code hidden} attribute after those two, as POI sets it last, and its reference as XMLBeans escapes text.
     */
    private byte[] withNames(byte[] part) {
        String xml = new String(part, StandardCharsets.UTF_8);
        var out = new StringBuilder(xml.length() + 64 * names.size());
        int from = 0;
        for (var d : names) {
            int at = xml.indexOf("<definedName ", from);
            int end = at < 0 ? -1 : xml.indexOf('>', at);
            if (end < 0 || xml.charAt(end - 1) != '/') {
                throw new IllegalStateException("workbook part without the empty defined name number "
                        + (names.indexOf(d) + 1));
            }
            out.append(xml, from, end - 1);
            if (d.hidden) {
                out.append(" hidden=\"true\"");
            }
            out.append('>');
            OoxmlText.text(out, d.reference);
            out.append("</definedName>");
            from = end + 1;
        }
        if (xml.indexOf("<definedName ", from) >= 0) {
            throw new IllegalStateException("workbook part with a defined name not made here");
        }
        out.append(xml, from, xml.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * As {@code SXSSFWorkbook.write}: the sheets' last rows written, the in-memory workbook (every part but the rows)
     * saved as a template, then copied entry by entry into {@code stream} with the rows put in. The template is kept
     * in memory rather than in a temporary file (it holds no rows: some kilobytes, a few hundred at the largest) and
     * read back through its central directory as POI's {@code ZipSecureFile} reads the file, so the same entries in
     * the same order with the same sizes.
     */
    @Override
    public void write(OutputStream stream) throws IOException {
        flushSheets();
        var template = new ByteArrayOutputStream(64 * 1024);
        getXSSFWorkbook().write(template);
        try (var zip = ZipFile.builder().setSeekableByteChannel(
                new SeekableInMemoryByteChannel(template.toByteArray())).get()) {
            injectData(zip, stream);
        }
    }

    /** Writes every sheet's last rows and sets its dimension: before the template is written. */
    @Override
    protected void flushSheets() throws IOException {
        for (var s : sheets) {
            s.finish();
        }
    }

    /**
     * Copies the template's entries into the report's zip, each worksheet's {@code <sheetData/>} replaced by its
     * streamed rows: entry for entry as {@code SXSSFWorkbook.injectData}, so the same bytes.
     */
    private void injectData(ZipFile source, OutputStream out) throws IOException {
        Map<String, StreamedSheet> byPart = new HashMap<>();
        for (var s : sheets) {
            byPart.put(s.sheet.getPackagePart().getPartName().getName().substring(1), s);
        }
        ZipArchiveOutputStream zos = createArchiveOutputStream(out);
        try {
            var entries = source.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry ze = entries.nextElement();
                ZipArchiveEntry copy = new ZipArchiveEntry(ze.getName());
                if (ze.getSize() >= 0) {
                    copy.setSize(ze.getSize());
                }
                if (ze.getTime() >= 0) {
                    copy.setTime(ze.getTime());
                }
                zos.putArchiveEntry(copy);
                try (InputStream is = source.getInputStream(ze)) {
                    StreamedSheet sheet = byPart.get(ze.getName());
                    if (ze.getName().equals("xl/styles.xml")) {
                        var part = new StringBuilder(8192);
                        styles.write(part);
                        zos.write(part.toString().getBytes(StandardCharsets.UTF_8));
                    } else if (!names.isEmpty() && ze.getName().equals("xl/workbook.xml")) {
                        zos.write(withNames(is.readAllBytes()));
                    } else if (sheet == null) {
                        is.transferTo(zos);
                    } else {
                        inject(is.readAllBytes(), sheet, zos);
                    }
                } finally {
                    zos.closeArchiveEntry();
                }
            }
        } finally {
            zos.finish();
        }
    }

    /** The sheet's part with its rows in place of the empty {@code <sheetData/>} the template has. */
    private static void inject(byte[] part, StreamedSheet sheet, OutputStream to) throws IOException {
        int at = indexOf(part, EMPTY_SHEET_DATA);
        if (at < 0) {
            throw new IllegalStateException("worksheet part of '" + sheet.sheet.getSheetName()
                    + "' without an empty <sheetData/>");
        }
        to.write(part, 0, at);
        to.write("<sheetData>\n".getBytes(StandardCharsets.US_ASCII));
        sheet.copyRows(to);
        to.write("</sheetData>".getBytes(StandardCharsets.US_ASCII));
        int after = at + EMPTY_SHEET_DATA.length;
        var formats = sheet.conditionalFormats();
        if (formats.length() > 0) {
            // the colour scales, where the schema puts them: after the merged cells, before the page margins
            int margins = indexOf(part, PAGE_MARGINS, after);
            if (margins < 0) {
                throw new IllegalStateException("worksheet part of '" + sheet.sheet.getSheetName()
                        + "' without page margins");
            }
            to.write(part, after, margins - after);
            to.write(formats.toString().getBytes(StandardCharsets.UTF_8));
            after = margins;
        }
        to.write(part, after, part.length - after);
    }

    private static int indexOf(byte[] in, byte[] what) {
        return indexOf(in, what, 0);
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public boolean dispose() {
        boolean gone = true;
        for (var s : sheets) {
            gone = s.dispose() && gone;
        }
        return super.dispose() && gone;
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
