package org.bizenv.report.card;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.framework.Names;
import org.bizenv.report.excel.CellText;

/**
 * The card writer as it was before the cards were written as text (POI usermodel, XDDF chart): the oracle the
 * text writer is compared with, byte for byte, in {@link CardBookTest}. A change to the card's layout is made here
 * too, so that the comparison keeps checking the text writer's SpreadsheetML against POI's.
 *
 * <p>Lays one {@link CityCard} out on one sheet that prints as one A4 portrait page: the headline, the dimensions as
 * a table and a clustered bar chart drawn from that table's cells, the strongest and weakest indicators, how sure the
 * rank is, and what the data were. Nine columns; long text in cells merged across all of them, rows made tall
 * enough for it (estimated from the text by {@link CellText}, as the full report does: fonts are not measured, so
 * the bytes do not depend on the machine).
 */
final class PoiCardSheet {

    static final int COLS = 9;
    /**
     * Column widths in characters of the default 11-point font: the name column, then number columns; F and I are
     * wide enough for a city's name (the best city), D:E together for a unit of measure ("per 10k employed ↑").
     */
    private static final int[] WIDTHS = {28, 10, 10, 10, 10, 15, 11, 11, 15};
    /** Points of the body text (and of the small print), which fit more characters into a column than 11 points. */
    private static final int BODY = 9;
    private static final int SMALL = 8;
    /** Points per line of wrapped body text, and the padding of a row. */
    private static final float LINE = 12.5f; // Chinese fonts need more than 9-point Latin ones
    private static final float PAD = 3;
    private static final String DARK = "1F4E79";
    private static final String MEDIAN = "A6A6A6";
    private static final String BEST = "70AD47";

    /** Styles, one set per workbook (a workbook holds at most 64,000 styles; 36 cards must share them). */
    static final class Styles {
        final XSSFWorkbook wb;
        final XSSFCellStyle title, subtitle, banner, section, head, text, small, label, big, bigText, number,
                better, worse;
        private final Map<String, XSSFCellStyle> formats = new HashMap<>();
        private final Map<Integer, XSSFCellStyle> quoted = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            title = style(font(16, true, DARK), null, false);
            subtitle = style(font(10, false, "595959"), null, false);
            banner = style(font(11, true, "C00000"), "FCE4D6", false);
            section = style(font(11, true, "FFFFFF"), DARK, false);
            head = style(font(BODY, true, "000000"), "DDEBF7", true);
            head.setBorderBottom(BorderStyle.THIN);
            text = style(font(BODY, false, "000000"), null, true);
            small = style(font(SMALL, false, "595959"), null, true);
            label = style(font(BODY, false, "595959"), "F2F2F2", true);
            label.setAlignment(HorizontalAlignment.CENTER);
            big = style(font(20, true, DARK), "F2F2F2", false);
            big.setAlignment(HorizontalAlignment.CENTER);
            bigText = style(font(14, true, DARK), "F2F2F2", true);
            bigText.setAlignment(HorizontalAlignment.CENTER);
            number = style(font(BODY, false, "000000"), null, false);
            better = style(font(BODY, false, "006100"), "C6EFCE", false);
            worse = style(font(BODY, false, "9C0006"), "FFC7CE", false);
        }

        private XSSFFont font(int points, boolean bold, String rgb) {
            XSSFFont f = wb.createFont();
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            f.setColor(new XSSFColor(rgb(rgb), null));
            return f;
        }

        private XSSFCellStyle style(XSSFFont font, String fill, boolean wrap) {
            XSSFCellStyle s = wb.createCellStyle();
            s.setFont(font);
            s.setWrapText(wrap);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            if (fill != null) {
                s.setFillForegroundColor(new XSSFColor(rgb(fill), null));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        }

        /** {@code base} with a number format, made once per pair. */
        XSSFCellStyle format(XSSFCellStyle base, String format) {
            return formats.computeIfAbsent(base.getIndex() + "|" + format, k -> {
                XSSFCellStyle s = wb.createCellStyle();
                s.cloneStyleFrom(base);
                s.setDataFormat(wb.createDataFormat().getFormat(format));
                return s;
            });
        }

        /** {@code base} marked as text, so that a spreadsheet never reads "=…" typed over it as a formula. */
        XSSFCellStyle quoted(XSSFCellStyle base) {
            return quoted.computeIfAbsent((int) base.getIndex(), k -> {
                XSSFCellStyle s = wb.createCellStyle();
                s.cloneStyleFrom(base);
                s.setQuotePrefixed(true);
                return s;
            });
        }
    }

    private final XSSFSheet sheet;
    private final Styles st;
    private final CityCard c;
    private int row;

    PoiCardSheet(XSSFSheet sheet, Styles styles, CityCard card) {
        this.sheet = sheet;
        this.st = styles;
        this.c = card;
    }

    void build() {
        for (int i = 0; i < COLS; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        sheet.setDisplayGridlines(false);
        var e = c.edition();
        String city = CardText.both(c.name());
        line(city + "　" + e.year() + "年城市评估报告卡 " + e.year() + " city report card", st.title, 26);
        line(CardText.both(e.framework()) + (e.frameworkVersion() == null ? "" : "　" + e.frameworkVersion()),
                st.subtitle, 15);
        if (e.synthetic()) {
            line(CityCardWriter.SYNTHETIC, st.banner, 18);
        }
        row++;
        headline();
        wrapped(c.meaning(), st.small, SMALL);
        row++;
        dimensions();
        indicators();
        certainty();
        data();
        row++;
        wrapped(new Names("来源：bizenv " + nz(e.engineVersion()) + "，评估框架 " + nz(e.frameworkId()) + " "
                + nz(e.frameworkVersion()) + "，生成于 " + nz(e.generatedAt()) + "。全部数据与方法见完整报告 bizenv-report-"
                + e.year() + ".xlsx。", "Source: bizenv " + nz(e.engineVersion()) + ", framework "
                + nz(e.frameworkId()) + " " + nz(e.frameworkVersion()) + ", generated " + nz(e.generatedAt())
                + ". Every value and method is in the full report bizenv-report-" + e.year() + ".xlsx."), st.small, SMALL);
        print(city);
    }

    private void headline() {
        var h = c.headline();
        var e = c.edition();
        Row labels = newRow(16);
        put(labels, 0, "综合得分 Index score", st.label);
        put(labels, 1, "排名 Rank", st.label);
        merge(1, 2);
        put(labels, 3, "梯队 Tier", st.label);
        merge(3, 5);
        put(labels, 6, since(e.previousYear()), st.label);
        merge(6, 8);
        row++;
        Row values = newRow(34);
        num(values, 0, h.score(), st.format(st.big, decimals(e.decimals())));
        num(values, 1, h.rank(), st.format(st.big, "0\" / " + h.ranked() + "\""));
        merge(1, 2);
        put(values, 3, h.tierName() == null ? "—" : CardText.both(h.tierName()), st.bigText);
        merge(3, 5);
        if (Double.isNaN(h.scoreChange()) && h.rankChange() == null) {
            put(values, 6, "无上年结果 No results for last year", st.bigText);
            merge(6, 8);
        } else {
            num(values, 6, h.scoreChange(), st.format(st.big, signed(e.decimals())));
            put(values, 7, rankChange(h.rankChange()), st.bigText);
            merge(7, 8);
        }
        row++;
        String inGroup = CardText.groupRank(h);
        if (inGroup != null) {          // ranking.groups: the rank in the city's own published list
            Row group = newRow(16);
            put(group, 1, inGroup, st.label);
            merge(1, 8);
            row++;
        }
    }

    private static String since(Integer previousYear) {
        return previousYear == null ? "较上年 Since last year" : "较" + previousYear + "年 Since " + previousYear;
    }

    private static String rankChange(Integer change) {
        if (change == null) {
            return "上年未排名 Not ranked last year";
        }
        if (change == 0) {
            return "排名不变 Same rank";
        }
        return change > 0 ? "上升" + change + "位 Up " + change : "下降" + (-change) + "位 Down " + (-change);
    }

    private void dimensions() {
        var e = c.edition();
        int dec = e.decimals();
        section("各维度得分 Dimension scores");
        String year = e.previousYear() == null ? "上年" : e.previousYear() + "年";
        String enYear = e.previousYear() == null ? "last year" : Integer.toString(e.previousYear());
        header("维度 Dimension", "得分 Score", "排名 Rank", "中位数 Median", "最好 Best", "最好城市 Best city",
                "与中位数之差 Gap to median", "得分变化 Score change", "排名变化 Rank change");
        row++;
        int first = row;
        for (var d : c.dimensions()) {
            String name = CardText.both(d.name());
            Row r = newRow(LINE * lines(name, WIDTHS[0], BODY) + PAD);
            put(r, 0, name, st.text);
            num(r, 1, d.score(), st.format(st.number, decimals(dec)));
            num(r, 2, d.rank(), st.format(st.number, "0\" / " + d.ranked() + "\""));
            num(r, 3, d.median(), st.format(st.number, decimals(dec)));
            num(r, 4, d.best(), st.format(st.number, decimals(dec)));
            put(r, 5, CardText.both(d.bestName()), st.text);
            num(r, 6, d.gapToMedian(), st.format(tone(d.gapToMedian()), signed(dec)));
            num(r, 7, d.scoreChange(), st.format(tone(d.scoreChange()), signed(dec)));
            double moved = d.rankChange() == null ? Double.NaN : d.rankChange();
            num(r, 8, moved, st.format(tone(moved), "\"↑\"0;\"↓\"0;\"=\""));
            row++;
        }
        int last = row - 1;
        if (e.previousYear() != null) {
            wrapped(new Names("变化均较" + year + "：得分变化为今年得分减" + year + "得分；排名 ↑ 为上升的位数、↓ 为下降的位数、= 为不变；"
                    + "— 为" + year + "无此结果。", "Changes are since " + enYear + ": the score change is this year's "
                    + "score minus " + enYear + "'s; the rank moved ↑ up or ↓ down by so many places, = the same; — "
                    + "where " + enYear + " has no result."), st.small, SMALL);
        }
        if (c.changeNote() != null) {
            wrapped(c.changeNote(), st.small, SMALL);
        }
        if (!c.dimensions().isEmpty()) {
            chart(first, last);
        }
    }

    /** Green for a positive number, red for a negative one, plain for zero or none. */
    private XSSFCellStyle tone(double v) {
        return v > 0 ? st.better : v < 0 ? st.worse : st.number;
    }

    /** City vs median vs best per dimension, as clustered columns drawn from the table just written. */
    private void chart(int first, int last) {
        int top = row;
        int height = 14;
        for (int i = 0; i < height; i++) {
            newRow(15);
            row++;
        }
        var drawing = sheet.createDrawingPatriarch();
        var anchor = drawing.createAnchor(0, 0, 0, 0, 0, top, COLS, top + height);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("本市与中位数、最好城市 The city, the median and the best city");
        chart.setTitleOverlay(false);
        var legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        var cat = chart.createCategoryAxis(AxisPosition.BOTTOM);
        var val = chart.createValueAxis(AxisPosition.LEFT);
        val.setCrosses(AxisCrosses.AUTO_ZERO);
        double min = 0;
        for (var d : c.dimensions()) {
            min = Math.min(min, Math.min(d.score(), d.median()));
        }
        if (min >= 0) {
            val.setMinimum(0);
        }
        val.setNumberFormat("0");
        String name = "'" + sheet.getSheetName().replace("'", "''") + "'!";
        int n = c.dimensions().size();
        String[] cats = new String[n];
        double[][] series = new double[3][n];
        for (int i = 0; i < n; i++) {
            var d = c.dimensions().get(i);
            cats[i] = CardText.both(d.name());
            series[0][i] = d.score();
            series[1][i] = d.median();
            series[2][i] = d.best();
        }
        var categories = XDDFDataSourcesFactory.fromArray(cats, name + range(first, last, 0));
        var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, cat, val);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        data.setGapWidth(80);
        String[] titles = {CardText.both(c.name()), "中位数 Median", "最好城市 Best city"};
        int[] cols = {1, 3, 4};
        String[] colours = {DARK, MEDIAN, BEST};
        for (int s = 0; s < 3; s++) {
            var values = XDDFDataSourcesFactory.fromArray(box(series[s]), name + range(first, last, cols[s]));
            var x = data.addSeries(categories, values);
            x.setTitle(titles[s], null);
            var props = new XDDFShapeProperties();
            props.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb(colours[s]))));
            x.setShapeProperties(props);
        }
        chart.plot(data);
    }

    private void indicators() {
        section("优势与短板指标（按在各城市中的排名）Strongest and weakest indicators (by rank among the cities)");
        header("指标 Indicator", "排名 Rank", "本市 Value", "单位 Unit", null, "中位数 Median", "与中位数之差 Gap",
                "最好 Best", "最好城市 Best city");
        merge(3, 4);
        row++;
        group("优势 Strongest", c.strongest());
        group("短板 Weakest", c.weakest());
        wrapped(new Names("单位后 ↑ 表示越高越好，↓ 表示越低越好；绿色为好于中位数，红色为差于中位数；* 为插补值。"
                        + "中位数为各城市数值（插补后）的中位数，最好为该指标排名第一的城市的数值。",
                "↑ after the unit: higher is better, ↓: lower is better; green: better than the median, red: worse; "
                        + "* imputed value. Median: the middle of all cities' values (after imputation); best: the "
                        + "value of the city ranked first on the indicator."), st.small, SMALL);
    }

    private void group(String title, List<CityCard.IndicatorLine> lines) {
        Row t = newRow(15);
        put(t, 0, title, st.head);
        merge(0, COLS - 1);
        row++;
        for (var i : lines) {
            String name = CardText.both(i.name());
            String best = CardText.both(i.bestName());
            String unit = nz(i.measure()) + (i.direction() > 0 ? " ↑" : i.direction() < 0 ? " ↓" : "");
            int height = Math.max(lines(name, WIDTHS[0], BODY), Math.max(lines(best, WIDTHS[8], BODY),
                    lines(unit, WIDTHS[3] + WIDTHS[4], BODY)));
            Row r = newRow(LINE * height + PAD);
            put(r, 0, name, st.text);
            num(r, 1, i.rank(), st.format(st.number, "0\" / " + i.ranked() + "\""));
            String fmt = CellText.valueFormat(i.value(), i.median(), i.best(), i.gapToMedian());
            num(r, 2, i.value(), st.format(st.number, i.imputed() ? fmt + "\"*\"" : fmt));
            put(r, 3, unit, st.text);
            r.createCell(4).setCellStyle(st.text);
            merge(3, 4);
            num(r, 5, i.median(), st.format(st.number, fmt));
            var gapStyle = i.betterThanMedian() ? st.better : i.gapToMedian() == 0 || Double.isNaN(i.gapToMedian())
                    ? st.number : st.worse;
            num(r, 6, i.gapToMedian(), st.format(gapStyle, "+" + fmt + ";-" + fmt + ";" + fmt));
            num(r, 7, i.best(), st.format(st.number, fmt));
            put(r, 8, best, st.text);
            row++;
        }
    }

    private void certainty() {
        section("排名有多确定 How sure is the rank");
        var k = c.certainty();
        wrapped(k.band(), st.text, BODY);
        if (k.nearestReversal() != null) {
            wrapped(prefixed("最接近的排名反转：", "Nearest rank reversal: ", k.nearestReversal()), st.text, BODY);
        }
        if (k.otherReversal() != null) {
            wrapped(prefixed("另一侧：", "On the other side: ", k.otherReversal()), st.text, BODY);
        }
        if (k.sampling() != null) {
            wrapped(prefixed("问卷抽样误差：", "Survey sampling error: ", k.sampling()), st.text, BODY);
        }
    }

    private void data() {
        section("数据说明 About the data");
        var d = c.data();
        flags("插补值 Imputed values", d.imputed(), "无，所有数值均为实报 None: every value was reported");
        flags("异常值处理 Outlier treatment", d.treated(), "无 None");
        flags("问卷样本偏少 Thin survey sample", d.thinSample(), "无 None");
    }

    private void flags(String title, List<CityCard.Flag> flags, String none) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (var f : flags) {
            Names n = f.name() == null ? new Names(f.indicator(), f.indicator()) : f.name();
            zh.append(zh.isEmpty() ? "" : "；").append(nz(n.zh())).append("（").append(f.detail().zh()).append("）");
            en.append(en.isEmpty() ? "" : "; ").append(nz(n.en())).append(" (").append(f.detail().en()).append(")");
        }
        String body = flags.isEmpty() ? none : zh + "\n" + en;
        Row r = newRow(0);
        put(r, 0, title, st.head);
        put(r, 1, body, st.text);
        merge(1, COLS - 1);
        r.setHeightInPoints(LINE * Math.max(lines(title, WIDTHS[0], BODY), lines(body, width(1, COLS - 1), BODY))
                + PAD);
        row++;
    }

    // ---- layout helpers -----------------------------------------------------------------------------------------

    private void print(String city) {
        var ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(false);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 1);
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.5);
        sheet.setMargin(PageMargin.RIGHT, 0.5);
        sheet.setMargin(PageMargin.TOP, 0.7);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.setMargin(PageMargin.HEADER, 0.3);
        sheet.setMargin(PageMargin.FOOTER, 0.3);
        var e = c.edition();
        sheet.getHeader().setLeft(CellText.headerText(city + " · " + e.year()));
        if (e.synthetic()) {
            sheet.getHeader().setRight(CellText.headerText("合成数据，非官方结果 SYNTHETIC"));
        }
        sheet.getFooter().setLeft(CellText.headerText("bizenv " + nz(e.frameworkId()) + " " + e.year()));
        sheet.getFooter().setRight("&P / &N");
        sheet.getWorkbook().setPrintArea(sheet.getWorkbook().getSheetIndex(sheet), 0, COLS - 1, 0, row - 1);
    }

    private void section(String title) {
        Row r = newRow(18);
        put(r, 0, title, st.section);
        merge(0, COLS - 1);
        row++;
    }

    private void header(String... heads) {
        Row r = newRow(0);
        int lines = 1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null) {
                put(r, i, heads[i], st.head);
                // a head followed by a null one spans both
                int w = i + 1 < heads.length && heads[i + 1] == null ? WIDTHS[i] + WIDTHS[i + 1] : WIDTHS[i];
                lines = Math.max(lines, lines(heads[i], w, BODY));
            } else {
                r.createCell(i).setCellStyle(st.head);
            }
        }
        r.setHeightInPoints(LINE * lines + PAD);
    }

    private void line(String text, XSSFCellStyle style, float height) {
        Row r = newRow(height);
        put(r, 0, text, style);
        merge(0, COLS - 1);
        row++;
    }

    private void wrapped(Names text, XSSFCellStyle style, int points) {
        String s = text.zh() + "\n" + text.en();
        Row r = newRow(0);
        put(r, 0, s, style);
        merge(0, COLS - 1);
        r.setHeightInPoints(LINE * points / BODY * lines(s, width(0, COLS - 1), points) + PAD);
        row++;
    }

    private static Names prefixed(String zh, String en, Names sentence) {
        return new Names(zh + nz(sentence.zh()), en + nz(sentence.en()));
    }

    private Row newRow(float height) {
        Row r = sheet.createRow(row);
        if (height > 0) {
            r.setHeightInPoints(height);
        }
        return r;
    }

    private void merge(int from, int to) {
        // unchecked: a card merges cells within one row, left to right, never overlapping (fixed by this layout);
        // POI's check re-reads every merged region of the sheet for each new one, some 5 % of a card's time
        sheet.addMergedRegionUnsafe(new CellRangeAddress(row, row, from, to));
    }

    private void put(Row r, int col, String text, XSSFCellStyle style) {
        Cell cell = r.createCell(col);
        String s = text == null ? "" : text;
        cell.setCellValue(s);
        cell.setCellStyle(CellText.looksLikeFormula(s) ? st.quoted(style) : style);
    }

    private static void num(Row r, int col, double v, CellStyle style) {
        Cell cell = r.createCell(col);
        if (Double.isFinite(v)) {
            cell.setCellValue(v);
        } else {
            cell.setCellValue("—");
        }
        cell.setCellStyle(style);
    }

    /**
     * Lines a text takes in a column {@code width} characters wide (of the default 11-point font) at {@code points}
     * points: a smaller font fits proportionally more.
     */
    static int lines(String s, int width, int points) {
        return CellText.lines(s, (int) Math.floor((width - 1) * 11.0 / points));
    }

    /** The width of columns {@code from} to {@code to}, in characters. */
    private static int width(int from, int to) {
        int w = 0;
        for (int i = from; i <= to; i++) {
            w += WIDTHS[i];
        }
        return w;
    }

    private static String decimals(int d) {
        return d <= 0 ? "0" : "0." + "0".repeat(d);
    }

    private static String signed(int d) {
        String f = decimals(d);
        return "+" + f + ";-" + f + ";" + f;
    }

    private static String range(int first, int last, int col) {
        String c = CellReference.convertNumToColString(col);
        return "$" + c + "$" + (first + 1) + ":$" + c + "$" + (last + 1);
    }

    private static Double[] box(double[] v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isFinite(v[i]) ? v[i] : null;
        }
        return out;
    }

    static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16),
                (byte) Integer.parseInt(hex.substring(2, 4), 16), (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
