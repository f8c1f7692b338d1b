package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The report's workbook, written as an OOXML package of text parts: the content types, relationships, document
 * properties, charts and their drawings, shared strings (none: cells hold their text inline), styles, the workbook
 * part with its sheets and defined names, and each worksheet with its streamed rows. The parts, their order in the
 * zip and their bytes are those POI's SXSSF and XSSF usermodel wrote for the same workbook (the report has always been
 * the same file), without building the workbook as XMLBeans trees, saving it as a template and copying it: in a cold
 * run, loading and first running POI's workbook classes was most of the report's time. Every zip entry is stamped
 * with the report's time, as the same wall-clock fields whatever the machine's time zone (zip times are local).
 */
final class ReportWorkbook {
    static final String PRINT_TITLES = "_xlnm.Print_Titles";
    static final String PRINT_AREA = "_xlnm.Print_Area";
    static final String FILTER_DATABASE = "_xlnm._FilterDatabase";

    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_REL = OoxmlText.REL;
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    private final Instant time;
    final ExcelStyles styles;
    /** The sheets in the order they were made: each one's number is its place here, plus one. */
    private final List<StreamedSheet> made = new ArrayList<>();
    /** The sheets in the order of their tabs. */
    private final List<StreamedSheet> tabs = new ArrayList<>();
    /** The defined names in the order they were made: the order the workbook part lists them. */
    private final List<DefinedName> names = new ArrayList<>();
    /** The charts in the order they were made: the n-th is chart n, in drawing n. */
    private final List<Chart> charts = new ArrayList<>();
    private int activeTab;
    private String title;
    private String creator;
    private String subject;
    private String description;

    /** A workbook whose zip entries carry {@code time} (the time of writing when null), its scores in {@code decimals}. */
    ReportWorkbook(Instant time, int decimals) {
        this.time = time;
        this.styles = new ExcelStyles(decimals);
    }

    /** A new sheet (at the end) whose rows are streamed. */
    StreamedSheet newSheet(String name) {
        var s = new StreamedSheet(name, made.size() + 1);
        if (made.isEmpty()) {
            s.layout.setTabSelected(true);   // the first sheet's tab starts selected, as POI makes it
        }
        made.add(s);
        tabs.add(s);
        return s;
    }

    /** Moves the sheet to tab {@code position}; the defined names go with their sheets. */
    void setSheetOrder(StreamedSheet sheet, int position) {
        tabs.remove(sheet);
        tabs.add(position, sheet);
    }

    /** The tab shown on opening, and the only one selected. */
    void select(int tab) {
        activeTab = tab;
        for (int i = 0; i < tabs.size(); i++) {
            tabs.get(i).layout.setTabSelected(i == tab);
        }
    }

    /** The document properties: title, creator (also the last to modify it), subject (none when empty), description. */
    void properties(String title, String creator, String subject, String description) {
        this.title = title;
        this.creator = creator;
        this.subject = subject;
        this.description = description;
    }

    /** A defined name local to a sheet: its reference is set (and may be changed) by the caller. */
    static final class DefinedName {
        final String code;
        final StreamedSheet sheet;
        final boolean hidden;
        /** The reference, as text: a formula Excel reads, which nothing here parses. */
        String reference = "";

        DefinedName(String code, StreamedSheet sheet, boolean hidden) {
            this.code = code;
            this.sheet = sheet;
            this.hidden = hidden;
        }
    }

    /** A built-in name of {@code sheet} (print titles, print area, the autofilter's database). */
    DefinedName builtInName(String code, StreamedSheet sheet, boolean hidden) {
        var d = new DefinedName(code, sheet, hidden);
        names.add(d);
        return d;
    }

    /** A chart drawn on a sheet: the chart part's text and the drawing part's that anchors it. */
    private record Chart(StreamedSheet sheet, String chart, String drawing) {
    }

    /** The number the next chart (and its drawing) will have. */
    int nextChart() {
        return charts.size() + 1;
    }

    /**
     * Adds a chart ({@code chart}, the chart part) anchored by {@code drawing} (the drawing part, whose chart is its
     * relationship rId1) to {@code sheet}, whose drawing is its relationship rId1: the sheet has at most one.
     */
    void addChart(StreamedSheet sheet, CharSequence chart, CharSequence drawing) {
        if (sheet.layout.hasDrawing()) {
            throw new IllegalStateException("sheet '" + sheet.name + "' has a chart already");
        }
        sheet.layout.setDrawing("rId1");
        charts.add(new Chart(sheet, chart.toString(), drawing.toString()));
    }

    /**
     * Writes the package to {@code out}, which is left open: every sheet's last rows first, then the parts in the
     * order POI's package writer put them in (by part name, numbers in names in numeric order, each part's
     * relationships after it).
     */
    void write(OutputStream out) throws IOException {
        for (var s : made) {
            s.finish();
        }
        // not closed: that would close the caller's stream; finished, which writes the zip's directory
        var zip = time == null ? new ZipArchiveOutputStream(out) : PinnedTimeZip.over(out, time);
        // a report never approaches 4 GB, so Zip64 records only if ever it must (LibreOffice cannot open the ones
        // a plain stream gets otherwise)
        zip.setUseZip64(Zip64Mode.AsNeeded);
        var b = new StringBuilder(16_384);
        int n = made.size();
        int k = charts.size();

        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\" Extension=\"rels\"/><Default ContentType=\""
                + "application/xml\" Extension=\"xml\"/>");
        override(b, OOXML + "extended-properties+xml", "/docProps/app.xml");
        override(b, "application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml");
        for (int c = 1; c <= k; c++) {
            override(b, OOXML + "drawingml.chart+xml", "/xl/charts/chart" + c + ".xml");
        }
        for (int c = 1; c <= k; c++) {
            override(b, OOXML + "drawing+xml", "/xl/drawings/drawing" + c + ".xml");
        }
        override(b, OOXML + "spreadsheetml.sharedStrings+xml", "/xl/sharedStrings.xml");
        override(b, OOXML + "spreadsheetml.styles+xml", "/xl/styles.xml");
        override(b, OOXML + "spreadsheetml.sheet.main+xml", "/xl/workbook.xml");
        for (int i = 1; i <= n; i++) {
            override(b, OOXML + "spreadsheetml.worksheet+xml", "/xl/worksheets/sheet" + i + ".xml");
        }
        b.append("</Types>");
        entry(zip, "[Content_Types].xml", b);

        rels(b, new String[][] {{"rId1", "xl/workbook.xml", DOC_REL + "/officeDocument"},
            {"rId2", "docProps/app.xml", DOC_REL + "/extended-properties"},
            {"rId3", "docProps/core.xml", PKG_REL + "/metadata/core-properties"}});
        entry(zip, "_rels/.rels", b);
        b.append(OoxmlText.HEAD).append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>Apache POI</Application></Properties>");
        entry(zip, "docProps/app.xml", b);
        coreProperties(b);
        entry(zip, "docProps/core.xml", b);

        for (int c = 1; c <= k; c++) {
            b.append(charts.get(c - 1).chart());
            entry(zip, "xl/charts/chart" + c + ".xml", b);
        }
        for (int c = 1; c <= k; c++) {
            b.append(charts.get(c - 1).drawing());
            entry(zip, "xl/drawings/drawing" + c + ".xml", b);
            rels(b, new String[][] {{"rId1", "../charts/chart" + c + ".xml", DOC_REL + "/chart"}});
            entry(zip, "xl/drawings/_rels/drawing" + c + ".xml.rels", b);
        }
        b.append(OoxmlText.HEAD).append("<sst count=\"0\" uniqueCount=\"0\" xmlns=\"").append(OoxmlText.MAIN)
                .append("\"/>");
        entry(zip, "xl/sharedStrings.xml", b);
        styles.write(b);
        entry(zip, "xl/styles.xml", b);
        workbook(b);
        entry(zip, "xl/workbook.xml", b);
        // relationships in the order of their ids as text (rId1, rId10, rId11, …, rId2, …), as POI keeps them
        var wbRels = new TreeMap<String, String[]>();
        wbRels.put("rId1", new String[] {"rId1", "sharedStrings.xml", DOC_REL + "/sharedStrings"});
        wbRels.put("rId2", new String[] {"rId2", "styles.xml", DOC_REL + "/styles"});
        for (var s : made) {
            String id = relId(s);
            wbRels.put(id, new String[] {id, "worksheets/sheet" + s.number + ".xml", DOC_REL + "/worksheet"});
        }
        rels(b, wbRels.values().toArray(new String[0][]));
        entry(zip, "xl/_rels/workbook.xml.rels", b);
        for (var s : made) {
            zip.putArchiveEntry(new ZipArchiveEntry("xl/worksheets/sheet" + s.number + ".xml"));
            s.writePart(zip);
            zip.closeArchiveEntry();
            if (s.layout.hasDrawing()) {
                int c = 0;
                while (charts.get(c).sheet() != s) {
                    c++;
                }
                rels(b, new String[][] {{"rId1", "../drawings/drawing" + (c + 1) + ".xml", DOC_REL + "/drawing"}});
                entry(zip, "xl/worksheets/_rels/sheet" + s.number + ".xml.rels", b);
            }
        }
        zip.finish();
        zip.flush();
    }

    /** A sheet's relationship from the workbook: after the shared strings' and the styles'. */
    private static String relId(StreamedSheet s) {
        return "rId" + (s.number + 2);
    }

    private void workbook(StringBuilder b) {
        // the relationships' namespace only where a sheet refers to its part (as XMLBeans saves it)
        b.append(OoxmlText.HEAD).append("<workbook xmlns=\"").append(OoxmlText.MAIN)
                .append(tabs.isEmpty() ? "" : "\" xmlns:r=\"" + OoxmlText.REL)
                .append("\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"").append(activeTab)
                .append("\"/></bookViews>").append(tabs.isEmpty() ? "<sheets/>" : "<sheets>");
        for (var s : tabs) {
            b.append("<sheet name=\"");
            OoxmlText.attr(b, s.name);
            b.append("\" r:id=\"").append(relId(s)).append("\" sheetId=\"").append(s.number).append("\"/>");
        }
        b.append(tabs.isEmpty() ? "" : "</sheets>");
        if (!names.isEmpty()) {
            b.append("<definedNames>");
            for (var d : names) {
                b.append("<definedName name=\"").append(d.code).append("\" localSheetId=\"")
                        .append(tabs.indexOf(d.sheet)).append(d.hidden ? "\" hidden=\"true\">" : "\">");
                OoxmlText.text(b, d.reference);
                b.append("</definedName>");
            }
            b.append("</definedNames>");
        }
        b.append("</workbook>");
    }

    /** The document properties ({@code docProps/core.xml}), as POI's package wrote them; empty ones left out. */
    private void coreProperties(StringBuilder b) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties xmlns:cp=\""
                + "http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\""
                + "http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\""
                + "http://www.w3.org/2001/XMLSchema-instance\">");
        // without the report's time, the time of writing (as POI stamps a new package)
        String created = date(time == null ? Instant.now() : time);
        b.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(created).append("</dcterms:created>");
        element(b, "dc:creator", creator);
        element(b, "dc:description", description);
        element(b, "cp:lastModifiedBy", creator);
        if (time != null) {
            b.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(created).append("</dcterms:modified>");
        }
        element(b, "dc:subject", subject);
        element(b, "dc:title", title);
        b.append("</cp:coreProperties>");
    }

    private static void element(StringBuilder b, String name, String value) {
        if (value != null && !value.isEmpty()) {
            b.append('<').append(name).append('>');
            OoxmlText.dom(b, value);
            b.append("</").append(name).append('>');
        }
    }

    private static String date(Instant t) {
        var f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(Date.from(t));
    }

    private static void override(StringBuilder b, String type, String part) {
        b.append("<Override ContentType=\"").append(type).append("\" PartName=\"").append(part).append("\"/>");
    }

    private static void rels(StringBuilder b, String[][] rels) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"")
                .append(PKG_REL).append("\">");
        for (String[] r : rels) {
            b.append("<Relationship Id=\"").append(r[0]).append("\" Target=\"").append(r[1]).append("\" Type=\"")
                    .append(r[2]).append("\"/>");
        }
        b.append("</Relationships>");
    }

    /** Writes {@code b} as the entry {@code name} and empties it for the next part. */
    private static void entry(ZipArchiveOutputStream zip, String name, StringBuilder b) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(b.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
        b.setLength(0);
    }

    /** Drops every sheet's rows and deletes their temporary files; true when no file is left. */
    boolean dispose() {
        boolean gone = true;
        for (var s : made) {
            gone = s.dispose() && gone;
        }
        return gone;
    }
}
