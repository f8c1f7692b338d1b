package org.bizenv.report.card;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.bizenv.report.excel.OoxmlText;
import org.bizenv.report.excel.PinnedTimeZip;

/**
 * One card workbook, a sheet per card, written as an OOXML package of text parts: the workbook, its shared strings
 * and styles, each card's sheet, drawing and chart, and the document properties, in the parts, order and bytes POI's
 * usermodel wrote them (so a card file is the same file it always was), without building the workbook as XMLBeans
 * object trees first. The sheets are held as text until the shared strings, which come before them in the package,
 * are written: a few tens of kilobytes per card, and a book has at most
 * {@link org.bizenv.report.Publication#COMBINED_CARDS_LIMIT} of them.
 */
final class CardBook {

    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_REL = OoxmlText.REL;
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    private final CardStyles styles = new CardStyles();
    private final Map<String, Integer> strings = new HashMap<>();
    private final List<String> stringList = new ArrayList<>();
    private int stringCount;
    private final List<CardSheet> sheets = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    CardStyles styles() {
        return styles;
    }

    /** The shared string's index of {@code s}, added the first time; every use counts, as the table states. */
    int string(String s) {
        stringCount++;
        return strings.computeIfAbsent(s, k -> {
            stringList.add(k);
            return stringList.size() - 1;
        });
    }

    /** Lays a card out as the book's next sheet. */
    void add(CityCard card) {
        var sheet = new CardSheet(this, CityCardWriter.sheetName(card, used), card);
        sheet.build();
        sheets.add(sheet);
    }

    /**
     * Writes the package to {@code out}, which is left open, its zip entries stamped with {@code time} (the wall
     * clock's when null); {@code title} and the other document properties as {@code properties} gives them.
     */
    void write(Properties properties, Instant time, OutputStream out) throws IOException {
        // not closed: that would close the caller's stream; finished, which writes the zip's directory
        var zip = time == null ? new ZipArchiveOutputStream(out) : PinnedTimeZip.over(out, time);
        int n = sheets.size();
        int[] charts = new int[n];      // the chart (and drawing) number of each sheet, or 0
        int drawings = 0;
        for (int i = 0; i < n; i++) {
            charts[i] = sheets.get(i).chart() == null ? 0 : ++drawings;
        }
        var b = new StringBuilder(16_384);

        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\" Extension=\"rels\"/><Default ContentType=\""
                + "application/xml\" Extension=\"xml\"/>");
        override(b, OOXML + "extended-properties+xml", "/docProps/app.xml");
        override(b, "application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml");
        for (int k = 1; k <= drawings; k++) {
            override(b, OOXML + "drawingml.chart+xml", "/xl/charts/chart" + k + ".xml");
        }
        for (int k = 1; k <= drawings; k++) {
            override(b, OOXML + "drawing+xml", "/xl/drawings/drawing" + k + ".xml");
        }
        override(b, OOXML + "spreadsheetml.sharedStrings+xml", "/xl/sharedStrings.xml");
        override(b, OOXML + "spreadsheetml.styles+xml", "/xl/styles.xml");
        override(b, OOXML + "spreadsheetml.sheet.main+xml", "/xl/workbook.xml");
        for (int k = 1; k <= n; k++) {
            override(b, OOXML + "spreadsheetml.worksheet+xml", "/xl/worksheets/sheet" + k + ".xml");
        }
        b.append("</Types>");
        entry(zip, "[Content_Types].xml", b);

        rels(b, PKG_REL, new String[][] {{"rId1", "xl/workbook.xml", DOC_REL + "/officeDocument"},
            {"rId2", "docProps/app.xml", DOC_REL + "/extended-properties"},
            {"rId3", "docProps/core.xml", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                    + "core-properties"}});
        entry(zip, "_rels/.rels", b);
        b.append(OoxmlText.HEAD).append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>Apache POI</Application></Properties>");
        entry(zip, "docProps/app.xml", b);
        properties.write(b, time);
        entry(zip, "docProps/core.xml", b);

        for (int i = 0; i < n; i++) {
            if (charts[i] > 0) {
                sheets.get(i).chart().chartXml(b);
                entry(zip, "xl/charts/chart" + charts[i] + ".xml", b);
            }
        }
        for (int i = 0; i < n; i++) {
            int k = charts[i];
            if (k > 0) {
                sheets.get(i).chart().drawingXml(b);
                entry(zip, "xl/drawings/drawing" + k + ".xml", b);
                rels(b, PKG_REL, new String[][] {{"rId1", "../charts/chart" + k + ".xml", DOC_REL + "/chart"}});
                entry(zip, "xl/drawings/_rels/drawing" + k + ".xml.rels", b);
            }
        }
        sharedStrings(b);
        entry(zip, "xl/sharedStrings.xml", b);
        styles.write(b);
        entry(zip, "xl/styles.xml", b);
        workbook(b);
        entry(zip, "xl/workbook.xml", b);
        // relationships in the order of their ids as text (rId1, rId10, rId11, …, rId2, …), as POI keeps them
        var wbRels = new TreeMap<String, String[]>();
        wbRels.put("rId1", new String[] {"rId1", "sharedStrings.xml", DOC_REL + "/sharedStrings"});
        wbRels.put("rId2", new String[] {"rId2", "styles.xml", DOC_REL + "/styles"});
        for (int i = 0; i < n; i++) {
            wbRels.put("rId" + (i + 3), new String[] {"rId" + (i + 3), "worksheets/sheet" + (i + 1) + ".xml",
                DOC_REL + "/worksheet"});
        }
        rels(b, PKG_REL, wbRels.values().toArray(new String[0][]));
        entry(zip, "xl/_rels/workbook.xml.rels", b);
        for (int i = 0; i < n; i++) {
            sheets.get(i).sheetXml(b, i == 0);
            entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", b);
            int k = charts[i];
            if (k > 0) {
                rels(b, PKG_REL, new String[][] {{"rId1", "../drawings/drawing" + k + ".xml", DOC_REL + "/drawing"}});
                entry(zip, "xl/worksheets/_rels/sheet" + (i + 1) + ".xml.rels", b);
            }
        }
        zip.finish();
        zip.flush();
    }

    private void sharedStrings(StringBuilder b) {
        b.append(OoxmlText.HEAD).append("<sst count=\"").append(stringCount).append("\" uniqueCount=\"")
                .append(stringList.size()).append("\" xmlns=\"").append(OoxmlText.MAIN)
                .append(stringList.isEmpty() ? "\"/>" : "\">");
        for (String s : stringList) {
            if (s.isEmpty()) {
                b.append("<si><t/></si>");
                continue;
            }
            // leading or trailing white space is kept only where the text says so
            boolean keep = Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1));
            b.append(keep ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            OoxmlText.plain(b, s);   // POI saves its shared strings without CDATA
            b.append("</t></si>");
        }
        b.append(stringList.isEmpty() ? "" : "</sst>");
    }

    private void workbook(StringBuilder b) {
        // the relationships' namespace only where a sheet refers to its part (as XMLBeans saves it)
        b.append(OoxmlText.HEAD).append("<workbook xmlns=\"").append(OoxmlText.MAIN)
                .append(sheets.isEmpty() ? "" : "\" xmlns:r=\"" + OoxmlText.REL)
                .append("\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"0\"/></bookViews>")
                .append(sheets.isEmpty() ? "<sheets/>" : "<sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            b.append("<sheet name=\"");
            OoxmlText.attr(b, sheets.get(i).name());
            b.append("\" r:id=\"rId").append(i + 3).append("\" sheetId=\"").append(i + 1).append("\"/>");
        }
        if (!sheets.isEmpty()) {
            b.append("</sheets><definedNames>");
            for (int i = 0; i < sheets.size(); i++) {
                b.append("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"").append(i).append("\">");
                OoxmlText.text(b, sheets.get(i).printArea());
                b.append("</definedName>");
            }
            b.append("</definedNames>");
        }
        b.append("</workbook>");
    }

    private static void override(StringBuilder b, String type, String part) {
        b.append("<Override ContentType=\"").append(type).append("\" PartName=\"").append(part).append("\"/>");
    }

    private static void rels(StringBuilder b, String ns, String[][] rels) {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"").append(ns)
                .append("\">");
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

    /** The document properties ({@code docProps/core.xml}); null ones are left out. */
    record Properties(String title, String creator, String description, String subject) {

        void write(StringBuilder b, Instant time) {
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
                b.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(created)
                        .append("</dcterms:modified>");
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
    }
}
