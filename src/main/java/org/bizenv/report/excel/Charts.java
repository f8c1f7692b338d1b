package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.CHART;
import static org.bizenv.report.excel.ExcelReportWriter.RANKING;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.report.ReportLookup;

/**
 * The workbook's native charts, drawn from cells the sheets wrote: the Chart sheet's bars of the index scores (from
 * the Ranking sheet) and the Sensitivity sheet's rank intervals (from its own table).
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
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(g.sheet.getSheetName());
        XSSFDrawing drawing = xs.createDrawingPatriarch();
        // a row and a quarter per bar, so that every city's name fits beside its bar
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, 2, 10, 4 + Math.max(16, n * 5 / 4));
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(frameworkTitle() + " " + meta.year() + " 综合指数得分 Index score");
        chart.setTitleOverlay(false);
        XDDFCategoryAxis catAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        catAxis.setOrientation(AxisOrientation.MAX_MIN);
        XDDFValueAxis valAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        valAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        if (min >= 0) {
            valAxis.setMinimum(0);
        }
        valAxis.setNumberFormat("0");
        String sheetRef = "'" + RANKING + "'!";
        String catRef = sheetRef + range(rankingFirstRow, rankingFirstRow + n - 1, 1);
        String valRef = sheetRef + range(rankingFirstRow, rankingFirstRow + n - 1, rankingScoreCol);
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(cats, catRef);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(vals, valRef);
        var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, catAxis, valAxis);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        data.setGapWidth(60);
        XDDFChartData.Series series = data.addSeries(categories, values);
        series.setTitle("得分 Score", null);
        var props = new XDDFShapeProperties();
        props.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ExcelStyles.rgb("4472C4"))));
        series.setShapeProperties(props);
        plot(data);
        everyCategoryLabelled(chart);
        valuesOnTheBars(chart);
        wb.setSheetOrder(g.sheet.getSheetName(), 1);
    }

    /**
     * Every category named: the category axis skips no label ({@code <c:tickLblSkip val="1"/>}; left to choose,
     * Excel and LibreOffice name only every second city when space is short). The element is written through a
     * cursor because its schema type is not in POI's lite schema jar.
     */
    private static void everyCategoryLabelled(XSSFChart chart) {
        var plot = chart.getCTChart().getPlotArea();
        for (var ax : plot.getCatAxList()) {
            try (var cursor = ax.newCursor()) {
                var skip = new javax.xml.namespace.QName(CHART_NS, "tickLblSkip");
                if (!cursor.toChild(skip)) {
                    // tickLblSkip comes before noMultiLvlLbl and extLst in the schema's sequence
                    boolean placed = cursor.toChild(new javax.xml.namespace.QName(CHART_NS, "noMultiLvlLbl"))
                            || cursor.toChild(new javax.xml.namespace.QName(CHART_NS, "extLst"));
                    if (!placed) {
                        cursor.toEndToken();
                    }
                    cursor.beginElement(skip);
                    cursor.toParent();
                }
                cursor.setAttributeText(new javax.xml.namespace.QName("val"), "1");
            }
        }
    }

    /** Each bar carries its score in the published decimals, at its end. */
    private void valuesOnTheBars(XSSFChart chart) {
        for (var bc : chart.getCTChart().getPlotArea().getBarChartList()) {
            for (var ser : bc.getSerList()) {
                var labels = ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls();
                var fmt = labels.addNewNumFmt();
                fmt.setFormatCode(st.scoreFormat);
                fmt.setSourceLinked(false);
                labels.addNewDLblPos().setVal(
                        org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos.OUT_END);
                labels.addNewShowLegendKey().setVal(false);
                labels.addNewShowVal().setVal(true);
                labels.addNewShowCatName().setVal(false);
                labels.addNewShowSerName().setVal(false);
                labels.addNewShowPercent().setVal(false);
                labels.addNewShowBubbleSize().setVal(false);
            }
        }
    }

    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

    private static String range(int firstRow, int lastRow, int col) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + (firstRow + 1) + ":$" + c + "$" + (lastRow + 1);
    }

    /**
     * Native chart of the interval table: stacked columns, an invisible one up to the 5th percentile − 0.5 and a
     * visible one over the ranks from the 5th to the 95th percentile, with the nominal rank as a marker; the
     * rank axis runs downwards (1 at the top), cities in nominal order along the bottom.
     */
    void intervalChart(SheetGrid g, int first, int last, int barStart, int top, int columns) {
        int n = last - first + 1;
        var rows = ReportLookup.nonNull(r.robustness().uncertainty().units()).subList(0, n);
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
        XSSFSheet xs = wb.getXSSFWorkbook().getSheet(g.sheet.getSheetName());
        XSSFDrawing drawing = xs.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, Math.max(12, Math.min(columns, 16)),
                top + INTERVAL_CHART_ROWS - 1);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("各城市排名的90%区间与名义排名 90% interval of each city's rank and its nominal rank"
                + (n < ReportLookup.nonNull(r.robustness().uncertainty().units()).size() ? "（前" + n
                + "名 top " + n + "）" : ""));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis catAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        // the rank axis runs downwards, so the categories' labels go to its high end: the bottom
        catAxis.setTickLabelPosition(AxisTickLabelPosition.HIGH);
        catAxis.setMajorTickMark(AxisTickMark.NONE);
        XDDFValueAxis valAxis = chart.createValueAxis(AxisPosition.LEFT);
        valAxis.setOrientation(AxisOrientation.MAX_MIN);
        valAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        valAxis.setMinimum(0);
        valAxis.setMaximum(maxRank + 1);
        valAxis.setMajorUnit(maxRank <= 20 ? 1 : maxRank <= 60 ? 5 : 10);
        valAxis.setNumberFormat("0");
        valAxis.setTitle("排名 Rank");
        valAxis.getOrAddMajorGridProperties().setLineProperties(line("D9D9D9", 0.5));
        String ref = "'" + g.sheet.getSheetName() + "'!";
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromArray(cats, ref + range(first, last, 1));

        var bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, catAxis, valAxis);
        bars.setBarDirection(BarDirection.COL);
        bars.setBarGrouping(BarGrouping.STACKED);
        bars.setGapWidth(50);
        bars.setVaryColors(false);
        XDDFChartData.Series base = bars.addSeries(categories,
                XDDFDataSourcesFactory.fromArray(from, ref + range(first, last, barStart)));
        base.setTitle("", null);
        var invisible = new XDDFShapeProperties();
        invisible.setFillProperties(new XDDFNoFillProperties());
        invisible.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        base.setShapeProperties(invisible);
        XDDFChartData.Series band = bars.addSeries(categories,
                XDDFDataSourcesFactory.fromArray(length, ref + range(first, last, barStart + 1)));
        band.setTitle("90%区间（第5至第95百分位） 90% interval (5th to 95th percentile)", null);
        var fill = new XDDFShapeProperties();
        fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ExcelStyles.rgb("9DC3E6"))));
        fill.setLineProperties(line("2E75B6", 0.75));
        band.setShapeProperties(fill);

        var marks = (XDDFLineChartData) chart.createData(ChartTypes.LINE, catAxis, valAxis);
        marks.setVaryColors(false);
        var nominalSeries = (XDDFLineChartData.Series) marks.addSeries(categories,
                XDDFDataSourcesFactory.fromArray(nominal, ref + range(first, last, 0)));
        nominalSeries.setTitle("本报告排名 Rank in this report", null);
        nominalSeries.setSmooth(false);
        nominalSeries.setMarkerStyle(MarkerStyle.DIAMOND);
        var noLine = new XDDFShapeProperties();
        noLine.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        nominalSeries.setShapeProperties(noLine);
        var marker = nominalSeries.getCTLineSer().getMarker();
        valText(marker.isSetSize() ? marker.getSize() : marker.addNewSize(), "7");
        var markerFill = new XDDFShapeProperties();
        markerFill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ExcelStyles.rgb("C00000"))));
        markerFill.setLineProperties(line("C00000", 0.75));
        marker.setSpPr(markerFill.getXmlObject());

        plot(bars);
        plot(marks);
        fullOverlap(chart);
        everyCategoryLabelled(chart);
        var legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.TOP);
        legend.setOverlay(false);
        legend.addEntry().setIndex(0);          // the invisible base series stays out of the legend
        legend.getEntry(0).setDelete(true);
    }

    /**
     * Fills each series' cached points (and its references to the cells) in the chart: what {@code XDDFChart.plot}
     * writes into the chart's part. That method also copies the points into a workbook of the chart's own, made for
     * the purpose (a whole {@code XSSFWorkbook}) and never saved for a chart in a spreadsheet ({@code XSSFChart} writes
     * only its chart part): the series here refer to the report's own cells instead.
     */
    private static void plot(XDDFChartData data) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            data.getSeries(i).plot();
        }
    }

    /**
     * Stacked columns need {@code <c:overlap val="100"/>} or Excel draws the segments side by side. POI's setter
     * needs a schema type the lite schema jar lacks (as does the marker size's), so the attribute is written as
     * text.
     */
    private static void fullOverlap(XSSFChart chart) {
        for (var bc : chart.getCTChart().getPlotArea().getBarChartList()) {
            valText(bc.isSetOverlap() ? bc.getOverlap() : bc.addNewOverlap(), "100");
        }
    }

    /** Sets the {@code val} attribute as text: for simple types the lite schema jar cannot load. */
    private static void valText(org.apache.xmlbeans.XmlObject element, String value) {
        try (var cursor = element.newCursor()) {
            cursor.setAttributeText(new javax.xml.namespace.QName("val"), value);
        }
    }

    private static XDDFLineProperties line(String rgb, double width) {
        var l = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(ExcelStyles.rgb(rgb))));
        l.setWidth(width);
        return l;
    }
}
