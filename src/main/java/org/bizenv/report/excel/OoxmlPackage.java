package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The package parts every workbook bizenv writes has in common (the Excel report's {@link ReportWorkbook} and the city
 * cards' book): the content types, the package's and the workbook's relationships, the document properties and the
 * drawings' and sheets' relationships, as POI's package writer wrote them, and the zip they go into. A writer appends
 * a part's text to {@link #part}, then {@link #entry} writes it as the next zip entry.
 */
public final class OoxmlPackage {

    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_REL = OoxmlText.REL;
    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";

    /** The document properties ({@code docProps/core.xml}); null or empty ones are left out. */
    public record Properties(String title, String creator, String description, String subject) {
    }

    /** Writes one part straight into the zip (a worksheet's streamed rows). */
    @FunctionalInterface
    public interface PartWriter {
        void write(OutputStream to) throws IOException;
    }

    private final ZipArchiveOutputStream zip;
    private final Instant time;
    /** The part being written: {@link #entry} writes it and empties it for the next. */
    public final StringBuilder part = new StringBuilder(16_384);

    /**
     * A package written into {@code out}, which is left open (finishing writes the zip's directory), its entries
     * stamped with {@code time} (the wall clock's when null).
     */
    public OoxmlPackage(OutputStream out, Instant time) {
        this.time = time;
        this.zip = time == null ? new ZipArchiveOutputStream(out) : PinnedTimeZip.over(out, time);
        // a workbook never approaches 4 GB, so Zip64 records only if ever it must (LibreOffice cannot open the ones
        // POI's default, Always, puts into a plain stream)
        zip.setUseZip64(Zip64Mode.AsNeeded);
    }

    /** Writes {@link #part} as the entry {@code name} and empties it. */
    public void entry(String name) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(part.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
        part.setLength(0);
    }

    /** Writes the entry {@code name} through {@code writer}. */
    public void entry(String name, PartWriter writer) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        writer.write(zip);
        zip.closeArchiveEntry();
    }

    /** Writes the zip's directory; the stream under it stays open. */
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    /**
     * The parts before the charts: the content types of a workbook with {@code sheets} sheets and {@code charts}
     * charts (each in a drawing of its own), the package's relationships and the document properties.
     */
    public void head(int sheets, int charts, Properties properties) throws IOException {
        part.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/content-types\"><Default ContentType=\"application/vnd."
                + "openxmlformats-package.relationships+xml\" Extension=\"rels\"/><Default ContentType=\""
                + "application/xml\" Extension=\"xml\"/>");
        override(OOXML + "extended-properties+xml", "/docProps/app.xml");
        override("application/vnd.openxmlformats-package.core-properties+xml", "/docProps/core.xml");
        for (int k = 1; k <= charts; k++) {
            override(OOXML + "drawingml.chart+xml", "/xl/charts/chart" + k + ".xml");
        }
        for (int k = 1; k <= charts; k++) {
            override(OOXML + "drawing+xml", "/xl/drawings/drawing" + k + ".xml");
        }
        override(OOXML + "spreadsheetml.sharedStrings+xml", "/xl/sharedStrings.xml");
        override(OOXML + "spreadsheetml.styles+xml", "/xl/styles.xml");
        override(OOXML + "spreadsheetml.sheet.main+xml", "/xl/workbook.xml");
        for (int k = 1; k <= sheets; k++) {
            override(OOXML + "spreadsheetml.worksheet+xml", "/xl/worksheets/sheet" + k + ".xml");
        }
        part.append("</Types>");
        entry("[Content_Types].xml");

        rels(new String[][] {{"rId1", "xl/workbook.xml", DOC_REL + "/officeDocument"},
            {"rId2", "docProps/app.xml", DOC_REL + "/extended-properties"},
            {"rId3", "docProps/core.xml", PKG_REL + "/metadata/core-properties"}});
        entry("_rels/.rels");
        part.append(OoxmlText.HEAD).append("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "extended-properties\"><Application>Apache POI</Application></Properties>");
        entry("docProps/app.xml");
        coreProperties(properties);
        entry("docProps/core.xml");
    }

    /** Chart {@code k}'s drawing part (its text) and the drawing's relationship to the chart. */
    public void drawing(int k, CharSequence drawing) throws IOException {
        part.append(drawing);
        entry("xl/drawings/drawing" + k + ".xml");
        rels(new String[][] {{"rId1", "../charts/chart" + k + ".xml", DOC_REL + "/chart"}});
        entry("xl/drawings/_rels/drawing" + k + ".xml.rels");
    }

    /**
     * The workbook's relationships: the shared strings (rId1), the styles (rId2) and sheet n (rId n + 2), in the order
     * of their ids as text (rId1, rId10, rId11, …, rId2, …), as POI keeps them.
     */
    public void workbookRels(int sheets) throws IOException {
        var byId = new TreeMap<String, String[]>();
        byId.put("rId1", new String[] {"rId1", "sharedStrings.xml", DOC_REL + "/sharedStrings"});
        byId.put("rId2", new String[] {"rId2", "styles.xml", DOC_REL + "/styles"});
        for (int n = 1; n <= sheets; n++) {
            String id = sheetRelId(n);
            byId.put(id, new String[] {id, "worksheets/sheet" + n + ".xml", DOC_REL + "/worksheet"});
        }
        rels(byId.values().toArray(new String[0][]));
        entry("xl/_rels/workbook.xml.rels");
    }

    /** A sheet as the workbook part lists it: its tab's name and its number (its part is sheet{@code number}.xml). */
    public record Tab(String name, int number) {
    }

    /** A defined name local to the sheet of tab {@code tab} (0-based); its reference is a formula, written as text. */
    public record Name(String code, int tab, boolean hidden, String reference) {
    }

    /**
     * The workbook part, {@code xl/workbook.xml}: the sheets in the order of their tabs, tab {@code activeTab} shown
     * on opening, and the defined names in the order given.
     */
    public void workbook(int activeTab, List<Tab> tabs, List<Name> names) throws IOException {
        // the relationships' namespace only where a sheet refers to its part (as XMLBeans saves it)
        part.append(OoxmlText.HEAD).append("<workbook xmlns=\"").append(OoxmlText.MAIN)
                .append(tabs.isEmpty() ? "" : "\" xmlns:r=\"" + OoxmlText.REL)
                .append("\"><workbookPr date1904=\"false\"/><bookViews><workbookView activeTab=\"").append(activeTab)
                .append("\"/></bookViews>").append(tabs.isEmpty() ? "<sheets/>" : "<sheets>");
        for (var t : tabs) {
            part.append("<sheet name=\"");
            OoxmlText.attr(part, t.name());
            part.append("\" r:id=\"").append(sheetRelId(t.number())).append("\" sheetId=\"").append(t.number())
                    .append("\"/>");
        }
        part.append(tabs.isEmpty() ? "" : "</sheets>");
        if (!names.isEmpty()) {
            part.append("<definedNames>");
            for (var d : names) {
                part.append("<definedName name=\"").append(d.code()).append("\" localSheetId=\"").append(d.tab())
                        .append(d.hidden() ? "\" hidden=\"true\">" : "\">");
                OoxmlText.text(part, d.reference());
                part.append("</definedName>");
            }
            part.append("</definedNames>");
        }
        part.append("</workbook>");
        entry("xl/workbook.xml");
    }

    /** Sheet n's relationship id from the workbook: after the shared strings' and the styles'. */
    public static String sheetRelId(int n) {
        return "rId" + (n + 2);
    }

    /** Sheet n's relationship (rId1) to drawing k, the one drawing a sheet has. */
    public void sheetDrawingRels(int n, int k) throws IOException {
        rels(new String[][] {{"rId1", "../drawings/drawing" + k + ".xml", DOC_REL + "/drawing"}});
        entry("xl/worksheets/_rels/sheet" + n + ".xml.rels");
    }

    private void override(String type, String name) {
        part.append("<Override ContentType=\"").append(type).append("\" PartName=\"").append(name).append("\"/>");
    }

    private void rels(String[][] rels) {
        part.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"")
                .append(PKG_REL).append("\">");
        for (String[] r : rels) {
            part.append("<Relationship Id=\"").append(r[0]).append("\" Target=\"").append(r[1]).append("\" Type=\"")
                    .append(r[2]).append("\"/>");
        }
        part.append("</Relationships>");
    }

    private void coreProperties(Properties p) {
        part.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><cp:coreProperties xmlns:cp=\""
                + "http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\""
                + "http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\""
                + "http://www.w3.org/2001/XMLSchema-instance\">");
        // without the report's time, the time of writing (as POI stamps a new package)
        String created = date(time == null ? Instant.now() : time);
        part.append("<dcterms:created xsi:type=\"dcterms:W3CDTF\">").append(created).append("</dcterms:created>");
        element("dc:creator", p.creator());
        element("dc:description", p.description());
        element("cp:lastModifiedBy", p.creator());
        if (time != null) {
            part.append("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">").append(created)
                    .append("</dcterms:modified>");
        }
        element("dc:subject", p.subject());
        element("dc:title", p.title());
        part.append("</cp:coreProperties>");
    }

    private void element(String name, String value) {
        if (value != null && !value.isEmpty()) {
            part.append('<').append(name).append('>');
            OoxmlText.dom(part, value);
            part.append("</").append(name).append('>');
        }
    }

    private static String date(Instant t) {
        var f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        return f.format(Date.from(t));
    }
}
