package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    private OoxmlPackage.Properties properties = new OoxmlPackage.Properties(null, null, null, null);

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
        this.properties = new OoxmlPackage.Properties(title, creator, description, subject);
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
        var pkg = new OoxmlPackage(out, time);
        int k = charts.size();
        pkg.head(made.size(), k, properties);
        for (int c = 1; c <= k; c++) {
            pkg.part.append(charts.get(c - 1).chart());
            pkg.entry("xl/charts/chart" + c + ".xml");
        }
        for (int c = 1; c <= k; c++) {
            pkg.drawing(c, charts.get(c - 1).drawing());
        }
        pkg.part.append(OoxmlText.HEAD).append("<sst count=\"0\" uniqueCount=\"0\" xmlns=\"").append(OoxmlText.MAIN)
                .append("\"/>");
        pkg.entry("xl/sharedStrings.xml");
        styles.write(pkg.part);
        pkg.entry("xl/styles.xml");
        workbook(pkg);
        pkg.workbookRels(made.size());
        for (var s : made) {
            pkg.entry("xl/worksheets/sheet" + s.number + ".xml", s::writePart);
            if (s.layout.hasDrawing()) {
                int c = 0;
                while (charts.get(c).sheet() != s) {
                    c++;
                }
                pkg.sheetDrawingRels(s.number, c + 1);
            }
        }
        pkg.finish();
    }

    private void workbook(OoxmlPackage pkg) throws IOException {
        var tabList = new ArrayList<OoxmlPackage.Tab>(tabs.size());
        for (var s : tabs) {
            tabList.add(new OoxmlPackage.Tab(s.name, s.number));
        }
        var nameList = new ArrayList<OoxmlPackage.Name>(names.size());
        for (var d : names) {
            nameList.add(new OoxmlPackage.Name(d.code, tabs.indexOf(d.sheet), d.hidden, d.reference));
        }
        pkg.workbook(activeTab, tabList, nameList);
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
