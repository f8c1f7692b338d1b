package org.bizenv.report.excel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Everything about one worksheet but its rows: fit to page, frozen panes, column widths, the autofilter, merged cells,
 * margins, print setup, header and footer, and the drawing, written as the worksheet part's text around the rows (the
 * rows and colour scales come from its {@link StreamedSheet}). Each setting is kept as POI's {@code XSSFSheet} kept it
 * in its XMLBeans tree, attributes in the order they were first set (the order XMLBeans saves them in), so the part is
 * the bytes POI wrote for the same calls, without loading the worksheet schema's types for every run.
 */
final class SheetLayout {
    /** The rows' height when no row sets one, in points, as every new sheet's part states it. */
    static final float DEFAULT_ROW_HEIGHT = 15f;
    /** Width of a column no one set, in characters. */
    private static final int DEFAULT_COLUMN_WIDTH = 8;
    /** Pixels per character of width, at the default font (Calibri 11), as POI counts them. */
    private static final float CHARACTER_PIXELS = 7.0017f;

    /** {@code fitToPage} of the sheet's properties; null when never set (then no {@code <sheetPr>}). */
    private Boolean fitToPage;
    /** The frozen pane's attributes, null when none; and the pane its selection is in. */
    private Map<String, String> pane;
    private String selection;
    /** Whether the sheet's tab is selected; null when never said. */
    private Boolean tabSelected;
    /** The column widths set, in 1/256 of a character, by column in the order each was first set. */
    private final Map<Integer, Integer> widths = new LinkedHashMap<>();
    private String autoFilter;
    private final List<String> merged = new ArrayList<>();
    /** The page margins, in the order of a new sheet's part, which sets them all. */
    private final Map<String, String> margins = new LinkedHashMap<>();
    /** The print setup's attributes, null until anything is set. */
    private Map<String, String> pageSetup;
    /** The odd header's and footer's text; {@link #headerFooter} once either was asked for. */
    private String header;
    private String footer;
    private boolean headerFooter;
    /** The drawing's relationship id, null when the sheet has none. */
    private String drawing;

    SheetLayout() {
        margins.put("bottom", "0.75");
        margins.put("footer", "0.3");
        margins.put("header", "0.3");
        margins.put("left", "0.7");
        margins.put("right", "0.7");
        margins.put("top", "0.75");
    }

    void setFitToPage(boolean fit) {
        fitToPage = fit;
    }

    void setTabSelected(boolean selected) {
        tabSelected = selected;
    }

    /**
     * Freezes {@code colSplit} columns and {@code rowSplit} rows, as POI's {@code createFreezePane}: both zero
     * removes the pane; a split of zero removes that attribute, others keep their place.
     */
    void createFreezePane(int colSplit, int rowSplit) {
        selection = null;
        if (colSplit == 0 && rowSplit == 0) {
            pane = null;
            return;
        }
        if (pane == null) {
            pane = new LinkedHashMap<>();
        }
        if (colSplit > 0) {
            pane.put("xSplit", Double.toString(colSplit));
        } else {
            pane.remove("xSplit");
        }
        if (rowSplit > 0) {
            pane.put("ySplit", Double.toString(rowSplit));
        } else {
            pane.remove("ySplit");
        }
        String active = "bottomRight";
        int row = rowSplit;
        int col = colSplit;
        if (rowSplit == 0) {
            row = 0;
            active = "topRight";
        } else if (colSplit == 0) {
            col = 0;
            active = "bottomLeft";
        }
        pane.put("state", "frozen");
        pane.put("topLeftCell", new CellReference(row, col).formatAsString());
        pane.put("activePane", active);
        selection = active;
    }

    /** A column's width in 1/256 of a character (at most 255 characters, as Excel allows). */
    void setColumnWidth(int col, int width) {
        if (width > 255 * 256) {
            throw new IllegalArgumentException("The maximum column width for an individual cell is 255 characters.");
        }
        widths.put(col, width);
    }

    /** A column's width in pixels, as POI's {@code getColumnWidthInPixels} computes it. */
    float columnWidthInPixels(int col) {
        float widthIn256 = widths.getOrDefault(col, DEFAULT_COLUMN_WIDTH * 256);
        return (float) (widthIn256 / 256.0 * CHARACTER_PIXELS);
    }

    void setAutoFilter(CellRangeAddress range) {
        autoFilter = range.formatAsString();
    }

    void addMergedRegion(CellRangeAddress range) {
        merged.add(range.formatAsString());
    }

    /** A page margin ({@code left}, {@code right}, {@code top}, {@code bottom}, {@code header}, {@code footer}). */
    void setMargin(String side, double inches) {
        margins.put(side, Double.toString(inches));
    }

    /** One of the print setup's attributes ({@code paperSize}, {@code orientation}, {@code fitToWidth}, …). */
    void pageSetup(String attribute, Object value) {
        if (pageSetup == null) {
            pageSetup = new LinkedHashMap<>();
        }
        pageSetup.put(attribute, value.toString());
    }

    /** The header's centre part (the others kept), as POI's {@code getHeader().setCenter} sets it. */
    void setHeaderCenter(String text) {
        headerFooter = true;
        String[] parts = parts(header);
        parts[1] = text;
        header = join(parts);
    }

    void setFooterLeft(String text) {
        headerFooter = true;
        String[] parts = parts(footer);
        parts[0] = text;
        footer = join(parts);
    }

    void setFooterRight(String text) {
        headerFooter = true;
        String[] parts = parts(footer);
        parts[2] = text;
        footer = join(parts);
    }

    /**
     * The left, centre and right parts of a header's text, as POI's {@code HeaderFooterHelper} splits it: from the
     * end, the last {@code &L}, {@code &C} or {@code &R} each time.
     */
    private static String[] parts(String text) {
        String[] parts = {"", "", ""};
        if (text == null) {
            return parts;
        }
        String s = text;
        while (true) {
            int l = s.indexOf("&L");
            int c = s.indexOf("&C");
            int r = s.indexOf("&R");
            if (l < 0 && c < 0 && r < 0) {
                return parts;
            }
            if (r > c && r > l) {
                parts[2] = s.substring(r + 2);
                s = s.substring(0, r);
            } else if (c > r && c > l) {
                parts[1] = s.substring(c + 2);
                s = s.substring(0, c);
            } else {
                parts[0] = s.substring(l + 2);
                s = s.substring(0, l);
            }
        }
    }

    /** The parts joined as POI joins them: centre, left, right, each only when not empty. */
    private static String join(String[] parts) {
        var b = new StringBuilder(64);
        if (!parts[1].isEmpty()) {
            b.append("&C").append(parts[1]);
        }
        if (!parts[0].isEmpty()) {
            b.append("&L").append(parts[0]);
        }
        if (!parts[2].isEmpty()) {
            b.append("&R").append(parts[2]);
        }
        return b.toString();
    }

    /** Puts the sheet's drawing in, related to the sheet as {@code relId}. */
    void setDrawing(String relId) {
        drawing = relId;
    }

    boolean hasDrawing() {
        return drawing != null;
    }

    /** The worksheet part up to its rows: declaration, properties, dimension, view, format and columns. */
    void head(StringBuilder b, String dimension) {
        b.append(OoxmlText.HEAD).append("<worksheet xmlns=\"").append(OoxmlText.MAIN)
                .append(drawing == null ? "" : "\" xmlns:r=\"" + OoxmlText.REL).append("\">");
        if (fitToPage != null) {
            b.append("<sheetPr><pageSetUpPr fitToPage=\"").append(fitToPage).append("\"/></sheetPr>");
        }
        b.append("<dimension ref=\"").append(dimension).append("\"/><sheetViews><sheetView workbookViewId=\"0\"");
        if (tabSelected != null) {
            b.append(" tabSelected=\"").append(tabSelected).append('"');
        }
        if (pane == null) {
            b.append("/>");
        } else {
            b.append("><pane");
            attributes(b, pane);
            b.append("/><selection pane=\"").append(selection).append("\"/></sheetView>");
        }
        b.append("</sheetViews><sheetFormatPr defaultRowHeight=\"").append(DEFAULT_ROW_HEIGHT).append("\"/>");
        if (!widths.isEmpty()) {
            b.append("<cols>");
            widths.forEach((col, w) -> b.append("<col min=\"").append(col + 1).append("\" max=\"").append(col + 1)
                    .append("\" width=\"").append((double) w / 256).append("\" customWidth=\"true\"/>"));
            b.append("</cols>");
        }
    }

    /** The worksheet part after its rows, the sheet's colour scales ({@code formats}) where the schema puts them. */
    void tail(StringBuilder b, CharSequence formats) {
        if (autoFilter != null) {
            b.append("<autoFilter ref=\"").append(autoFilter).append("\"/>");
        }
        if (!merged.isEmpty()) {
            b.append("<mergeCells count=\"").append(merged.size()).append("\">");
            for (String ref : merged) {
                b.append("<mergeCell ref=\"").append(ref).append("\"/>");
            }
            b.append("</mergeCells>");
        }
        b.append(formats).append("<pageMargins");
        attributes(b, margins);
        b.append("/>");
        if (pageSetup != null) {
            b.append("<pageSetup");
            attributes(b, pageSetup);
            b.append("/>");
        }
        if (headerFooter) {
            if (header == null && footer == null) {
                b.append("<headerFooter/>");
            } else {
                b.append("<headerFooter>");
                element(b, "oddHeader", header);
                element(b, "oddFooter", footer);
                b.append("</headerFooter>");
            }
        }
        if (drawing != null) {
            b.append("<drawing r:id=\"").append(drawing).append("\"/>");
        }
        b.append("</worksheet>");
    }

    private static void element(StringBuilder b, String name, String text) {
        if (text != null && text.isEmpty()) {
            b.append('<').append(name).append("/>");
        } else if (text != null) {
            b.append('<').append(name).append('>');
            OoxmlText.text(b, text);
            b.append("</").append(name).append('>');
        }
    }

    private static void attributes(StringBuilder b, Map<String, String> attributes) {
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
    }
}
