package org.bizenv.report.card;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.report.excel.OoxmlPackage;
import org.bizenv.report.excel.OoxmlText;

/**
 * One card workbook, a sheet per card, written as an OOXML package of text parts: the workbook, its shared strings
 * and styles, each card's sheet, drawing and chart, and the document properties, in the parts, order and bytes POI's
 * usermodel wrote them (so a card file is the same file it always was), without building the workbook as XMLBeans
 * object trees first. The sheets are held as text until the shared strings, which come before them in the package,
 * are written: a few tens of kilobytes per card, and a book has at most
 * {@link org.bizenv.report.Publication#COMBINED_CARDS_LIMIT} of them.
 */
final class CardBook {

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
    void write(OoxmlPackage.Properties properties, Instant time, OutputStream out) throws IOException {
        var pkg = new OoxmlPackage(out, time);
        int n = sheets.size();
        int[] charts = new int[n];      // the chart (and drawing) number of each sheet, or 0
        int drawings = 0;
        for (int i = 0; i < n; i++) {
            charts[i] = sheets.get(i).chart() == null ? 0 : ++drawings;
        }
        pkg.head(n, drawings, properties);
        for (int i = 0; i < n; i++) {
            if (charts[i] > 0) {
                sheets.get(i).chart().chartXml(pkg.part);
                pkg.entry("xl/charts/chart" + charts[i] + ".xml");
            }
        }
        var b = new StringBuilder(16_384);
        for (int i = 0; i < n; i++) {
            if (charts[i] > 0) {
                sheets.get(i).chart().drawingXml(b);
                pkg.drawing(charts[i], b);
                b.setLength(0);
            }
        }
        sharedStrings(pkg.part);
        pkg.entry("xl/sharedStrings.xml");
        styles.write(pkg.part);
        pkg.entry("xl/styles.xml");
        workbook(pkg);
        pkg.workbookRels(n);
        for (int i = 0; i < n; i++) {
            sheets.get(i).sheetXml(pkg.part, i == 0);
            pkg.entry("xl/worksheets/sheet" + (i + 1) + ".xml");
            if (charts[i] > 0) {
                pkg.sheetDrawingRels(i + 1, charts[i]);
            }
        }
        pkg.finish();
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

    private void workbook(OoxmlPackage pkg) throws IOException {
        var tabs = new ArrayList<OoxmlPackage.Tab>(sheets.size());
        var names = new ArrayList<OoxmlPackage.Name>(sheets.size());
        for (int i = 0; i < sheets.size(); i++) {
            tabs.add(new OoxmlPackage.Tab(sheets.get(i).name(), i + 1));
            names.add(new OoxmlPackage.Name("_xlnm.Print_Area", i, false, sheets.get(i).printArea()));
        }
        pkg.workbook(0, tabs, names);
    }
}
