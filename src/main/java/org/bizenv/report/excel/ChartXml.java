package org.bizenv.report.excel;

import org.apache.poi.ss.util.CellReference;

/**
 * The DrawingML text the report's charts and the city cards' chart share, as POI's XDDF wrote it: a chart part's
 * start and titles, a series with its cells and cached points, the print settings, and the drawing part that anchors
 * a chart to a sheet. Each chart adds its own plot area around these.
 */
public final class ChartXml {

    /** The chart part's print settings, the same for every chart. */
    public static final String PRINT_SETTINGS = "<c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" "
            + "l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings>";

    private ChartXml() {
    }

    /** The chart part's start up to its plot area: the declaration, the chart space and the chart's title. */
    public static void chartStart(StringBuilder c, String title) {
        c.append(OoxmlText.HEAD).append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/"
                + "chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart>");
        title(c, title);
    }

    /** A title as XDDF writes it: rich text, left-aligned, not over the plot. */
    public static void title(StringBuilder c, String text) {
        c.append("<c:title><c:tx><c:rich><a:bodyPr anchor=\"t\" rtlCol=\"false\"/><a:lstStyle/><a:p><a:pPr "
                + "algn=\"l\"><a:defRPr/></a:pPr><a:r><a:rPr lang=\"en\"/><a:t>");
        OoxmlText.text(c, text);
        c.append("</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich></c:tx><c:layout/>"
                + "<c:overlay val=\"false\"/></c:title>");
    }

    /**
     * A series up to its values (the caller closes it): its title, its look ({@code shape}: the shape properties and
     * what follows them before the categories), the categories and values with their cells and cached points. A
     * missing value ({@code null}) has no cached point.
     */
    public static void series(StringBuilder c, int idx, String title, String shape, String catRef, String[] cats,
                              String valRef, Double[] vals) {
        int n = cats.length;
        c.append("<c:ser><c:idx val=\"").append(idx).append("\"/><c:order val=\"").append(idx).append("\"/><c:tx>");
        value(c, title);
        c.append("</c:tx>").append(shape).append("<c:cat><c:strRef><c:f>");
        OoxmlText.text(c, catRef);
        c.append("</c:f><c:strCache><c:ptCount val=\"").append(n).append("\"/>");
        for (int i = 0; i < n; i++) {
            c.append("<c:pt idx=\"").append(i).append("\">");
            value(c, cats[i]);
            c.append("</c:pt>");
        }
        c.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>");
        OoxmlText.text(c, valRef);
        c.append("</c:f>");
        var points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (vals[i] != null) {
                points.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(vals[i]).append("</c:v></c:pt>");
            }
        }
        if (points.isEmpty()) {     // no point at all: an empty cache, without even its count (as XDDF writes it)
            c.append("<c:numCache/>");
        } else {
            c.append("<c:numCache><c:ptCount val=\"").append(n).append("\"/>").append(points).append("</c:numCache>");
        }
        c.append("</c:numRef></c:val>");
    }

    /** A {@code <c:v>} text, an empty one as an empty element (as XMLBeans writes it). */
    private static void value(StringBuilder c, String s) {
        if (s.isEmpty()) {
            c.append("<c:v/>");
        } else {
            c.append("<c:v>");
            OoxmlText.text(c, s);
            c.append("</c:v>");
        }
    }

    /**
     * The prefix of a reference to cells of sheet {@code name}: its name always quoted (as XDDF wrote a series'
     * cells, whether or not the name needs it), an apostrophe in it doubled.
     */
    public static String sheetRef(String name) {
        return "'" + name.replace("'", "''") + "'!";
    }

    /** A column's cells from {@code firstRow} to {@code lastRow} (0-based) as an absolute range, {@code $B$3:$B$9}. */
    public static String range(int firstRow, int lastRow, int col) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + (firstRow + 1) + ":$" + c + "$" + (lastRow + 1);
    }

    /**
     * The drawing part, {@code xl/drawings/drawingN.xml}: one chart (its relationship {@code chartRel}) anchored from
     * column 0 of row {@code row1} to the start of column {@code col2}, row {@code row2}, its frame {@code cx} by
     * {@code cy} EMU.
     */
    public static void drawing(StringBuilder d, int row1, int col2, int row2, long cx, long cy, String chartRel) {
        d.append(OoxmlText.HEAD).append("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/"
                + "spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"")
                .append(OoxmlText.REL).append("\"><xdr:twoCellAnchor editAs=\"twoCell\"><xdr:from><xdr:col>0</xdr:col>"
                        + "<xdr:colOff>0</xdr:colOff><xdr:row>").append(row1).append("</xdr:row><xdr:rowOff>0"
                        + "</xdr:rowOff></xdr:from><xdr:to><xdr:col>").append(col2).append("</xdr:col>"
                        + "<xdr:colOff>0</xdr:colOff><xdr:row>").append(row2)
                .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame><xdr:nvGraphicFramePr>"
                        + "<xdr:cNvPr id=\"0\" name=\"Diagramm0\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
                        + "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").append(cx).append("\" cy=\"").append(cy)
                .append("\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/"
                        + "drawingml/2006/chart\"><c:chart r:id=\"").append(chartRel)
                .append("\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>"
                        + "</xdr:twoCellAnchor></xdr:wsDr>");
    }
}
