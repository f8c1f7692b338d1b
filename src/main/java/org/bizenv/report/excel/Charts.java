package org.bizenv.report.excel;

import static org.bizenv.report.excel.ChartXml.PRINT_SETTINGS;
import static org.bizenv.report.excel.ChartXml.chartStart;
import static org.bizenv.report.excel.ChartXml.range;
import static org.bizenv.report.excel.ChartXml.series;
import static org.bizenv.report.excel.ChartXml.title;
import static org.bizenv.report.excel.ExcelReportWriter.CHART;
import static org.bizenv.report.excel.ExcelReportWriter.RANKING;

import org.bizenv.report.ReportLookup;

/**
 * The workbook's native charts, drawn from cells the sheets wrote: the Chart sheet's bars of the index scores (from
 * the Ranking sheet) and the Sensitivity sheet's rank intervals (from its own table).
 *
 * <p>Each chart and the drawing that anchors it are written as DrawingML text, the bytes POI's XDDF wrote, and put
 * into the package as parts of their own with the relationships POI made ({@link ReportWorkbook#addChart}): a chart
 * is a fixed shape with a few
 * values (titles, references, cached points), and building it as XMLBeans trees through XDDF was most of the first
 * report's chart time (the chart schema's types loaded and compiled for two small parts).
 */
final class Charts extends SheetWriter {
    /** Bars in a chart: beyond this the chart shows the top units only. */
    static final int CHART_MAX = 100;
    /** Rows kept free above the Sensitivity sheet's table for its chart. */
    static final int INTERVAL_CHART_ROWS = 26;

    Charts(ReportBook book) {
        super(book);
    }

    /** A horizontal bar chart of the index scores, best at the top, drawn from the Ranking sheet's cells. */
    void indexChart(int rankingFirstRow, int rankingScoreCol) {
        var rows = ReportLookup.nonNull(r.ranking());
        int n = 0;
        while (n < rows.size() && n < CHART_MAX && Double.isFinite(rows.get(n).score())) {
            n++;
        }
        if (n == 0) {
            return;
        }
        var g = grid(CHART);
        g.title("综合指数得分 Index scores" + (n < rows.size() ? "（前" + n + "名 top " + n + "）" : "")
                + syntheticNote());
        g.print();
        String[] cats = new String[n];
        Double[] vals = new Double[n];
        double min = 0;
        for (int i = 0; i < n; i++) {
            var row = rows.get(i);
            cats[i] = lookup.label(row.unit());
            vals[i] = row.score();
            min = Math.min(min, row.score());
        }
        String sheetRef = ChartXml.sheetRef(RANKING);
        String catRef = sheetRef + range(rankingFirstRow, rankingFirstRow + n - 1, 1);
        String valRef = sheetRef + range(rankingFirstRow, rankingFirstRow + n - 1, rankingScoreCol);
        var c = new StringBuilder(1024 + 128 * n);
        chartStart(c, frameworkTitle() + " " + meta.year() + " 综合指数得分 Index score");
        c.append("<c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:varyColors val=\"false\"/>");
        // each bar carries its score in the published decimals, at its end
        var labels = new StringBuilder("<c:dLbls><c:numFmt formatCode=\"");
        OoxmlText.attr(labels, st.scoreFormat);
        labels.append("\" sourceLinked=\"false\"/><c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"false\"/>"
                + "<c:showVal val=\"true\"/><c:showCatName val=\"false\"/><c:showSerName val=\"false\"/>"
                + "<c:showPercent val=\"false\"/><c:showBubbleSize val=\"false\"/></c:dLbls>");
        series(c, 0, "得分 Score", "<c:spPr>" + solid("4472C4") + "</c:spPr>" + labels, catRef, cats, valRef, vals);
        c.append("</c:ser><c:gapWidth val=\"60\"/><c:axId val=\"0\"/><c:axId val=\"1\"/></c:barChart>");
        // every category named (tickLblSkip 1: left to choose, Excel and LibreOffice name only every second city
        // when space is short); the value axis starts at zero unless a score is below it
        c.append("<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>"
                + "<c:delete val=\"false\"/><c:axPos val=\"l\"/><c:majorTickMark val=\"cross\"/>"
                + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1\"/>"
                + "<c:crosses val=\"autoZero\"/><c:auto val=\"false\"/><c:tickLblSkip val=\"1\"/></c:catAx>"
                + "<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"minMax\"/>")
                .append(min >= 0 ? "<c:min val=\"0.0\"/>" : "")
                .append("</c:scaling><c:delete val=\"false\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"0\" "
                        + "sourceLinked=\"true\"/><c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/>"
                        + "<c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/><c:crosses val=\"autoZero\"/>"
                        + "<c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea><c:plotVisOnly val=\"true\"/>"
                        + "</c:chart>").append(PRINT_SETTINGS).append("</c:chartSpace>");
        // a row and a quarter per bar, so that every city's name fits beside its bar
        place(g.sheet, 2, 10, 4 + Math.max(16, n * 5 / 4), c);
        wb.setSheetOrder(g.sheet, 1);
    }

    /**
     * Native chart of the interval table: stacked columns, an invisible one up to the 5th percentile − 0.5 and a
     * visible one over the ranks from the 5th to the 95th percentile, with the nominal rank as a marker; the
     * rank axis runs downwards (1 at the top), cities in nominal order along the bottom.
     */
    void intervalChart(SheetGrid g, int first, int last, int barStart, int top, int columns) {
        int n = last - first + 1;
        var all = ReportLookup.nonNull(r.robustness().uncertainty().units());
        var rows = all.subList(0, n);
        String[] cats = new String[n];
        Double[] from = new Double[n];
        Double[] length = new Double[n];
        Double[] nominal = new Double[n];
        int maxRank = 1;
        for (int i = 0; i < n; i++) {
            var row = rows.get(i);
            cats[i] = lookup.label(row.unit());
            from[i] = row.rankP05() - 0.5;
            length[i] = row.rankP95() - row.rankP05() + 1;
            nominal[i] = row.nominalRank() > 0 ? (double) row.nominalRank() : null;
            maxRank = Math.max(maxRank, Math.max(row.worstRank(), row.nominalRank()));
        }
        String ref = ChartXml.sheetRef(g.sheet.name);
        String catRef = ref + range(first, last, 1);
        var c = new StringBuilder(2048 + 384 * n);
        chartStart(c, "各城市排名的90%区间与名义排名 90% interval of each city's rank and its nominal rank"
                + (n < all.size() ? "（前" + n + "名 top " + n + "）" : ""));
        c.append("<c:plotArea><c:layout/><c:barChart><c:barDir val=\"col\"/><c:grouping val=\"stacked\"/>"
                + "<c:varyColors val=\"false\"/>");
        // the base up to the interval: no fill, no line
        series(c, 0, "", "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>", catRef, cats,
                ref + range(first, last, barStart), from);
        c.append("</c:ser>");
        series(c, 1, "90%区间（第5至第95百分位） 90% interval (5th to 95th percentile)",
                "<c:spPr>" + solid("9DC3E6") + line("2E75B6", 9525) + "</c:spPr>", catRef, cats,
                ref + range(first, last, barStart + 1), length);
        // stacked columns need a full overlap or Excel draws the segments side by side
        c.append("</c:ser><c:gapWidth val=\"50\"/><c:overlap val=\"100\"/><c:axId val=\"0\"/><c:axId val=\"1\"/>"
                + "</c:barChart><c:lineChart><c:varyColors val=\"false\"/>");
        series(c, 2, "本报告排名 Rank in this report", "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr><c:marker>"
                + "<c:symbol val=\"diamond\"/><c:size val=\"7\"/><c:spPr>" + solid("C00000") + line("C00000", 9525)
                + "</c:spPr></c:marker>", catRef, cats, ref + range(first, last, 0), nominal);
        int unit = maxRank <= 20 ? 1 : maxRank <= 60 ? 5 : 10;
        // the rank axis runs downwards, so the categories' labels go to its high end: the bottom
        c.append("<c:smooth val=\"false\"/></c:ser><c:axId val=\"0\"/><c:axId val=\"1\"/></c:lineChart>"
                + "<c:catAx><c:axId val=\"0\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
                + "<c:delete val=\"false\"/><c:axPos val=\"b\"/><c:majorTickMark val=\"none\"/>"
                + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"high\"/><c:crossAx val=\"1\"/>"
                + "<c:crosses val=\"autoZero\"/><c:auto val=\"false\"/><c:tickLblSkip val=\"1\"/></c:catAx>"
                + "<c:valAx><c:axId val=\"1\"/><c:scaling><c:orientation val=\"maxMin\"/><c:max val=\"")
                .append((double) (maxRank + 1)).append("\"/><c:min val=\"0.0\"/></c:scaling><c:delete val=\"false\"/>"
                        + "<c:axPos val=\"l\"/><c:majorGridlines><c:spPr>").append(line("D9D9D9", 6350))
                .append("</c:spPr></c:majorGridlines>");
        title(c, "排名 Rank");
        c.append("<c:numFmt formatCode=\"0\" sourceLinked=\"true\"/><c:majorTickMark val=\"cross\"/>"
                + "<c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"0\"/>"
                + "<c:crosses val=\"autoZero\"/><c:crossBetween val=\"midCat\"/><c:majorUnit val=\"")
                .append((double) unit).append("\"/></c:valAx></c:plotArea>")
                // the invisible base series stays out of the legend
                .append("<c:legend><c:legendPos val=\"t\"/><c:legendEntry><c:idx val=\"0\"/><c:delete val=\"true\"/>"
                        + "</c:legendEntry><c:overlay val=\"false\"/></c:legend><c:plotVisOnly val=\"true\"/>"
                        + "</c:chart>").append(PRINT_SETTINGS).append("</c:chartSpace>");
        place(g.sheet, top, Math.max(12, Math.min(columns, 16)), top + INTERVAL_CHART_ROWS - 1, c);
    }

    private static String solid(String rgb) {
        return "<a:solidFill><a:srgbClr val=\"" + rgb + "\"/></a:solidFill>";
    }

    /** A solid line, its width in EMU (12,700 a point). */
    private static String line(String rgb, int emu) {
        return "<a:ln w=\"" + emu + "\">" + solid(rgb) + "</a:ln>";
    }

    /** Pixels a row is tall at the sheet's default height: 15 points, in EMU, over the EMU a pixel is (9,525). */
    private static final double ROW_PIXELS = Math.rint(12_700 * (double) SheetLayout.DEFAULT_ROW_HEIGHT) / 9_525;

    /**
     * Puts the chart on the sheet: a drawing part anchoring it from column 0 of row {@code row1} to the start of
     * {@code col2}, {@code row2}, and the chart part, numbered as POI's {@code createDrawingPatriarch} and
     * {@code createChart} numbered them (the n-th chart of the workbook in the n-th drawing, each the drawing's rId1).
     * The frame's size is the columns' width and the rows' height in whole pixels, as POI computed it: every row at
     * the default height, as POI saw none of the streamed rows (so none of their heights).
     */
    private void place(StreamedSheet sheet, int row1, int col2, int row2, StringBuilder chart) {
        double widthPx = 0;
        for (int col = 0; col < col2; col++) {
            widthPx += sheet.layout.columnWidthInPixels(col);
        }
        double heightPx = 0;
        for (int row = row1; row < row2; row++) {
            heightPx += ROW_PIXELS;
        }
        var d = new StringBuilder(1024);
        // EMU from whole pixels
        ChartXml.drawing(d, row1, col2, row2, (int) widthPx * 9_525L, (int) heightPx * 9_525L, "rId1");
        wb.addChart(sheet, chart, d);
    }
}
