package org.bizenv.report.card;

import org.apache.poi.ss.util.CellReference;
import org.bizenv.report.excel.OoxmlText;

/**
 * A card's dimension chart, city vs median vs best per dimension as clustered columns drawn from the dimension
 * table's cells, and the drawing that anchors it below the table across all nine columns. Both parts are written as
 * DrawingML text, the same bytes POI's XDDF wrote: the chart is a fixed shape with a few values (the series' titles,
 * references and cached points), and building it as XMLBeans trees was about half of a card's time.
 */
final class CardChart {

    private static final String TITLE = "本市与中位数、最好城市 The city, the median and the best city";
    private static final String[] COLOURS = {"1F4E79", "A6A6A6", "70AD47"};
    /** The table's columns the series take their values from: the city's score, the median, the best. */
    private static final int[] COLUMNS = {1, 3, 4};
    /**
     * The chart's frame in EMU: the nine columns' width and the chart rows' height in whole pixels (as POI computes
     * them from the column widths and the 15-point rows, which every card has alike).
     */
    private static final long CX = 8001000;
    private static final long CY = 2667000;

    private final CityCard card;
    private final String sheetRef;
    private final int top;
    private final int first;
    private final int last;

    /**
     * @param sheet the card's sheet name
     * @param top   the first row (0-based) the chart covers, for {@link CardSheet#CHART_ROWS} rows
     * @param first the dimension table's first row (0-based)
     * @param last  its last row
     */
    CardChart(CityCard card, String sheet, int top, int first, int last) {
        this.card = card;
        this.sheetRef = "'" + sheet.replace("'", "''") + "'!";
        this.top = top;
        this.first = first;
        this.last = last;
    }

    /** The drawing part, {@code xl/drawings/drawingN.xml}, whose relationship rId1 is the chart. */
    void drawingXml(StringBuilder out) {
        out.append(OoxmlText.HEAD).append("<xdr:wsDr xmlns:xdr=\"http://schemas.openxmlformats.org/drawingml/2006/"
                + "spreadsheetDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"")
                .append(OoxmlText.REL).append("\"><xdr:twoCellAnchor editAs=\"twoCell\"><xdr:from><xdr:col>0</xdr:col>"
                        + "<xdr:colOff>0</xdr:colOff><xdr:row>").append(top).append("</xdr:row><xdr:rowOff>0"
                        + "</xdr:rowOff></xdr:from><xdr:to><xdr:col>").append(CardSheet.COLS).append("</xdr:col>"
                        + "<xdr:colOff>0</xdr:colOff><xdr:row>").append(top + CardSheet.CHART_ROWS)
                .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame><xdr:nvGraphicFramePr>"
                        + "<xdr:cNvPr id=\"0\" name=\"Diagramm0\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
                        + "<xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"").append(CX).append("\" cy=\"").append(CY)
                .append("\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/"
                        + "drawingml/2006/chart\"><c:chart r:id=\"rId1\"/></a:graphicData></a:graphic>"
                        + "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>");
    }

    /** The chart part, {@code xl/charts/chartN.xml}. */
    void chartXml(StringBuilder out) {
        var dims = card.dimensions();
        int n = dims.size();
        double min = 0;
        for (var d : dims) {
            min = Math.min(min, Math.min(d.score(), d.median()));
        }
        out.append(OoxmlText.HEAD).append("<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/"
                + "chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart><c:title><c:tx>"
                + "<c:rich><a:bodyPr anchor=\"t\" rtlCol=\"false\"/><a:lstStyle/><a:p><a:pPr algn=\"l\"><a:defRPr/>"
                + "</a:pPr><a:r><a:rPr lang=\"en\"/><a:t>");
        OoxmlText.text(out, TITLE);
        out.append("</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich></c:tx><c:layout/>"
                + "<c:overlay val=\"false\"/></c:title><c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/>"
                + "<c:grouping val=\"clustered\"/><c:varyColors val=\"false\"/>");
        String[] titles = {CardText.both(card.name()), "中位数 Median", "最好城市 Best city"};
        for (int s = 0; s < 3; s++) {
            out.append("<c:ser><c:idx val=\"").append(s).append("\"/><c:order val=\"").append(s)
                    .append("\"/><c:tx>");
            value(out, titles[s]);
            out.append("</c:tx><c:spPr><a:solidFill><a:srgbClr val=\"").append(COLOURS[s])
                    .append("\"/></a:solidFill></c:spPr><c:cat><c:strRef><c:f>");
            OoxmlText.text(out, sheetRef + range(0));
            out.append("</c:f><c:strCache><c:ptCount val=\"").append(n).append("\"/>");
            for (int i = 0; i < n; i++) {
                out.append("<c:pt idx=\"").append(i).append("\">");
                value(out, CardText.both(dims.get(i).name()));
                out.append("</c:pt>");
            }
            out.append("</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>");
            OoxmlText.text(out, sheetRef + range(COLUMNS[s]));
            out.append("</c:f>");
            var points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                var d = dims.get(i);
                double v = s == 0 ? d.score() : s == 1 ? d.median() : d.best();
                if (Double.isFinite(v)) {   // a missing value has no cached point
                    points.append("<c:pt idx=\"").append(i).append("\"><c:v>").append(v).append("</c:v></c:pt>");
                }
            }
            if (points.isEmpty()) {     // no point at all: an empty cache, without even its count (as XDDF writes it)
                out.append("<c:numCache/>");
            } else {
                out.append("<c:numCache><c:ptCount val=\"").append(n).append("\"/>").append(points)
                        .append("</c:numCache>");
            }
            out.append("</c:numRef></c:val></c:ser>");
        }
        out.append("<c:gapWidth val=\"80\"/><c:axId val=\"0\"/><c:axId val=\"1\"/></c:barChart><c:catAx>"
                + "<c:axId val=\"0\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"false\"/>"
                + "<c:axPos val=\"b\"/><c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>"
                + "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/><c:crosses val=\"autoZero\"/>"
                + "<c:auto val=\"false\"/></c:catAx><c:valAx><c:axId val=\"1\"/><c:scaling>"
                + "<c:orientation val=\"minMax\"/>")
                // the value axis starts at zero unless a score or median is below it
                .append(min >= 0 ? "<c:min val=\"0.0\"/>" : "")
                .append("</c:scaling><c:delete val=\"false\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"0\" "
                        + "sourceLinked=\"true\"/><c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>"
                        + "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/>"
                        + "<c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea><c:legend><c:legendPos val=\"b\"/>"
                        + "<c:overlay val=\"false\"/></c:legend><c:plotVisOnly val=\"true\"/></c:chart>"
                        + "<c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\" l=\"0.7\" r=\"0.7\" "
                        + "t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings></c:chartSpace>");
    }

    /** A {@code <c:v>} text, an empty one as an empty element (as XMLBeans writes it). */
    private static void value(StringBuilder out, String s) {
        if (s.isEmpty()) {
            out.append("<c:v/>");
        } else {
            out.append("<c:v>");
            OoxmlText.text(out, s);
            out.append("</c:v>");
        }
    }

    private String range(int col) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + (first + 1) + ":$" + c + "$" + (last + 1);
    }
}
