package org.bizenv.report.card;

import org.bizenv.report.excel.ChartXml;

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
        this.sheetRef = ChartXml.sheetRef(sheet);
        this.top = top;
        this.first = first;
        this.last = last;
    }

    /** The drawing part, {@code xl/drawings/drawingN.xml}, whose relationship rId1 is the chart. */
    void drawingXml(StringBuilder out) {
        ChartXml.drawing(out, top, CardSheet.COLS, top + CardSheet.CHART_ROWS, CX, CY, "rId1");
    }

    /** The chart part, {@code xl/charts/chartN.xml}. */
    void chartXml(StringBuilder out) {
        var dims = card.dimensions();
        int n = dims.size();
        double min = 0;
        for (var d : dims) {
            min = Math.min(min, Math.min(d.score(), d.median()));
        }
        ChartXml.chartStart(out, TITLE);
        out.append("<c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>"
                + "<c:varyColors val=\"false\"/>");
        String[] titles = {CardText.both(card.name()), "中位数 Median", "最好城市 Best city"};
        String[] cats = new String[n];
        for (int i = 0; i < n; i++) {
            cats[i] = CardText.both(dims.get(i).name());
        }
        String catRef = sheetRef + ChartXml.range(first, last, 0);
        for (int s = 0; s < 3; s++) {
            Double[] vals = new Double[n];
            for (int i = 0; i < n; i++) {
                var d = dims.get(i);
                double v = s == 0 ? d.score() : s == 1 ? d.median() : d.best();
                vals[i] = Double.isFinite(v) ? v : null;   // a missing value has no cached point
            }
            ChartXml.series(out, s, titles[s], "<c:spPr><a:solidFill><a:srgbClr val=\"" + COLOURS[s]
                    + "\"/></a:solidFill></c:spPr>", catRef, cats, sheetRef + ChartXml.range(first, last, COLUMNS[s]),
                    vals);
            out.append("</c:ser>");
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
                        + "<c:overlay val=\"false\"/></c:legend><c:plotVisOnly val=\"true\"/></c:chart>")
                .append(ChartXml.PRINT_SETTINGS).append("</c:chartSpace>");
    }
}
