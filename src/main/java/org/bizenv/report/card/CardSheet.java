package org.bizenv.report.card;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.formula.SheetNameFormatter;
import org.apache.poi.ss.util.CellReference;
import org.bizenv.framework.Names;
import org.bizenv.report.excel.CellText;
import org.bizenv.report.excel.OoxmlText;

/**
 * Lays one {@link CityCard} out on one sheet that prints as one A4 portrait page: the headline, the dimensions as a
 * table and a clustered bar chart drawn from that table's cells, the strongest and weakest indicators, how sure the
 * rank is, and what the data were. Nine columns; long text in cells merged across all of them, rows made tall
 * enough for it (estimated from the text by {@link CellText}, as the full report does: fonts are not measured, so
 * the bytes do not depend on the machine).
 *
 * <p>The sheet is written as SpreadsheetML text ({@link #sheetXml}, and the chart by {@link CardChart}), the same
 * bytes POI's usermodel wrote for it: a card is a fixed layout, and building it as XMLBeans object trees (cells,
 * styles, the XDDF chart) and saving them cost most of the cards' time.
 */
final class CardSheet {

    static final int COLS = 9;
    /**
     * Column widths in characters of the default 11-point font: the name column, then number columns; F and I are
     * wide enough for a city's name (the best city), D:E together for a unit of measure ("per 10k employed ↑").
     */
    static final int[] WIDTHS = {28, 10, 10, 10, 10, 15, 11, 11, 15};
    /** Points of the body text (and of the small print), which fit more characters into a column than 11 points. */
    private static final int BODY = 9;
    private static final int SMALL = 8;
    /** Points per line of wrapped body text, and the padding of a row. */
    private static final float LINE = 12.5f; // Chinese fonts need more than 9-point Latin ones
    private static final float PAD = 3;
    /** Rows (15 points each) the dimension chart takes below the dimension table. */
    static final int CHART_ROWS = 14;

    /** One row of the sheet: its height, and each column's cell as SpreadsheetML ({@code <c …>}), or null. */
    private static final class Row {
        final int r;
        float height;
        final String[] cells = new String[COLS];

        Row(int r) {
            this.r = r;
        }
    }

    private final CardBook book;
    private final CardStyles st;
    private final CityCard c;
    private final String name;
    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder merges = new StringBuilder();
    private int mergeCount;
    private int row;
    private CardChart chart;
    private String pageHeader;
    private String pageFooter;

    /** A card laid out as sheet {@code name} of {@code book}, whose strings and styles it adds to the book's. */
    CardSheet(CardBook book, String name, CityCard card) {
        this.book = book;
        this.st = book.styles();
        this.c = card;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The dimension chart, or null for a card without dimensions. */
    CardChart chart() {
        return chart;
    }

    /**
     * The sheet's part, {@code xl/worksheets/sheetN.xml}, after {@link #build}: {@code selected} for the first sheet
     * (the one the workbook opens on); a card with a chart refers to its drawing as the sheet's relationship rId1.
     */
    void sheetXml(StringBuilder out, boolean selected) {
        // the relationships' namespace is declared only where it is used (the drawing), as XMLBeans saves it
        out.append(OoxmlText.HEAD).append("<worksheet xmlns=\"").append(OoxmlText.MAIN)
                .append(chart == null ? "" : "\" xmlns:r=\"" + OoxmlText.REL)
                .append("\"><sheetPr><pageSetUpPr fitToPage=\"true\"/></sheetPr>");
        // as POI states it: the rows from the first to the last, the columns any of them has a cell in
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;
        for (Row r : rows) {
            for (int i = 0; i < COLS; i++) {
                if (r.cells[i] != null) {
                    minCol = Math.min(minCol, i);
                    maxCol = Math.max(maxCol, i);
                }
            }
        }
        if (maxCol >= 0) {
            Row first = rows.get(0);
            Row last = rows.get(rows.size() - 1);
            String from = ref(minCol, first.r);
            String to = ref(maxCol, last.r);
            out.append("<dimension ref=\"").append(from).append(from.equals(to) ? "" : ":" + to).append("\"/>");
        }
        out.append("<sheetViews><sheetView workbookViewId=\"0\"").append(selected ? " tabSelected=\"true\"" : "")
                .append(" showGridLines=\"false\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15.0\"/><cols>");
        for (int i = 0; i < COLS; i++) {
            out.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
                    .append((double) WIDTHS[i]).append("\" customWidth=\"true\"/>");
        }
        out.append("</cols><sheetData>");
        for (Row r : rows) {
            out.append("<row r=\"").append(r.r + 1).append('"');
            if (r.height > 0) {
                // in twentieths of a point, as the format (and POI) stores heights
                out.append(" ht=\"").append((double) (short) (r.height * 20) / 20).append("\" customHeight=\"true\"");
            }
            boolean empty = true;
            for (String cell : r.cells) {
                if (cell != null) {
                    out.append(empty ? ">" : "").append(cell);
                    empty = false;
                }
            }
            out.append(empty ? "/>" : "</row>");
        }
        out.append("</sheetData>");
        if (mergeCount > 0) {
            out.append("<mergeCells count=\"").append(mergeCount).append("\">").append(merges).append("</mergeCells>");
        }
        out.append("<printOptions horizontalCentered=\"true\"/><pageMargins bottom=\"0.6\" footer=\"0.3\" "
                + "header=\"0.3\" left=\"0.5\" right=\"0.5\" top=\"0.7\"/><pageSetup paperSize=\"9\" "
                + "orientation=\"portrait\" fitToWidth=\"1\" fitToHeight=\"1\"/><headerFooter><oddHeader>");
        OoxmlText.text(out, pageHeader);
        out.append("</oddHeader><oddFooter>");
        OoxmlText.text(out, pageFooter);
        out.append("</oddFooter></headerFooter>");
        if (chart != null) {
            out.append("<drawing r:id=\"rId1\"/>");
        }
        out.append("</worksheet>");
    }

    void build() {
        var e = c.edition();
        String city = CardText.both(c.name());
        line(city + "　" + e.year() + "年城市评估报告卡 " + e.year() + " city report card", CardStyles.TITLE, 26);
        line(CardText.both(e.framework()) + (e.frameworkVersion() == null ? "" : "　" + e.frameworkVersion()),
                CardStyles.SUBTITLE, 15);
        if (e.synthetic()) {
            line(CityCardWriter.SYNTHETIC, CardStyles.BANNER, 18);
        }
        row++;
        headline();
        wrapped(c.meaning(), CardStyles.SMALL, SMALL);
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
                + ". Every value and method is in the full report bizenv-report-" + e.year() + ".xlsx."), CardStyles.SMALL, SMALL);
        print(city);
    }

    private void headline() {
        var h = c.headline();
        var e = c.edition();
        Row labels = newRow(16);
        put(labels, 0, "综合得分 Index score", CardStyles.LABEL);
        put(labels, 1, "排名 Rank", CardStyles.LABEL);
        merge(1, 2);
        put(labels, 3, "梯队 Tier", CardStyles.LABEL);
        merge(3, 5);
        put(labels, 6, since(e.previousYear()), CardStyles.LABEL);
        merge(6, 8);
        row++;
        Row values = newRow(34);
        num(values, 0, h.score(), st.format(CardStyles.BIG, decimals(e.decimals())));
        num(values, 1, h.rank(), st.format(CardStyles.BIG, "0\" / " + h.ranked() + "\""));
        merge(1, 2);
        put(values, 3, h.tierName() == null ? "—" : CardText.both(h.tierName()), CardStyles.BIG_TEXT);
        merge(3, 5);
        if (Double.isNaN(h.scoreChange()) && h.rankChange() == null) {
            put(values, 6, "无上年结果 No results for last year", CardStyles.BIG_TEXT);
            merge(6, 8);
        } else {
            num(values, 6, h.scoreChange(), st.format(CardStyles.BIG, signed(e.decimals())));
            put(values, 7, rankChange(h.rankChange()), CardStyles.BIG_TEXT);
            merge(7, 8);
        }
        row++;
        String inGroup = CardText.groupRank(h);
        if (inGroup != null) {          // ranking.groups: the rank in the city's own published list
            Row group = newRow(16);
            put(group, 1, inGroup, CardStyles.LABEL);
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
            put(r, 0, name, CardStyles.TEXT);
            num(r, 1, d.score(), st.format(CardStyles.NUMBER, decimals(dec)));
            num(r, 2, d.rank(), st.format(CardStyles.NUMBER, "0\" / " + d.ranked() + "\""));
            num(r, 3, d.median(), st.format(CardStyles.NUMBER, decimals(dec)));
            num(r, 4, d.best(), st.format(CardStyles.NUMBER, decimals(dec)));
            put(r, 5, CardText.both(d.bestName()), CardStyles.TEXT);
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
                    + "where " + enYear + " has no result."), CardStyles.SMALL, SMALL);
        }
        if (c.changeNote() != null) {
            wrapped(c.changeNote(), CardStyles.SMALL, SMALL);
        }
        if (!c.dimensions().isEmpty()) {
            chart(first, last);
        }
    }

    /** Green for a positive number, red for a negative one, plain for zero or none. */
    private int tone(double v) {
        return v > 0 ? CardStyles.BETTER : v < 0 ? CardStyles.WORSE : CardStyles.NUMBER;
    }

    /** City vs median vs best per dimension, as clustered columns drawn from the table just written. */
    private void chart(int first, int last) {
        int top = row;
        for (int i = 0; i < CHART_ROWS; i++) {
            newRow(15);
            row++;
        }
        chart = new CardChart(c, name, top, first, last);
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
                        + "value of the city ranked first on the indicator."), CardStyles.SMALL, SMALL);
    }

    private void group(String title, List<CityCard.IndicatorLine> lines) {
        Row t = newRow(15);
        put(t, 0, title, CardStyles.HEAD);
        merge(0, COLS - 1);
        row++;
        for (var i : lines) {
            String name = CardText.both(i.name());
            String best = CardText.both(i.bestName());
            String unit = nz(i.measure()) + (i.direction() > 0 ? " ↑" : i.direction() < 0 ? " ↓" : "");
            int height = Math.max(lines(name, WIDTHS[0], BODY), Math.max(lines(best, WIDTHS[8], BODY),
                    lines(unit, WIDTHS[3] + WIDTHS[4], BODY)));
            Row r = newRow(LINE * height + PAD);
            put(r, 0, name, CardStyles.TEXT);
            num(r, 1, i.rank(), st.format(CardStyles.NUMBER, "0\" / " + i.ranked() + "\""));
            String fmt = CellText.valueFormat(i.value(), i.median(), i.best(), i.gapToMedian());
            num(r, 2, i.value(), st.format(CardStyles.NUMBER, i.imputed() ? fmt + "\"*\"" : fmt));
            put(r, 3, unit, CardStyles.TEXT);
            blank(r, 4, CardStyles.TEXT);
            merge(3, 4);
            num(r, 5, i.median(), st.format(CardStyles.NUMBER, fmt));
            var gapStyle = i.betterThanMedian() ? CardStyles.BETTER : i.gapToMedian() == 0 || Double.isNaN(i.gapToMedian())
                    ? CardStyles.NUMBER : CardStyles.WORSE;
            num(r, 6, i.gapToMedian(), st.format(gapStyle, "+" + fmt + ";-" + fmt + ";" + fmt));
            num(r, 7, i.best(), st.format(CardStyles.NUMBER, fmt));
            put(r, 8, best, CardStyles.TEXT);
            row++;
        }
    }

    private void certainty() {
        section("排名有多确定 How sure is the rank");
        var k = c.certainty();
        wrapped(k.band(), CardStyles.TEXT, BODY);
        if (k.nearestReversal() != null) {
            wrapped(prefixed("最接近的排名反转：", "Nearest rank reversal: ", k.nearestReversal()), CardStyles.TEXT, BODY);
        }
        if (k.otherReversal() != null) {
            wrapped(prefixed("另一侧：", "On the other side: ", k.otherReversal()), CardStyles.TEXT, BODY);
        }
        if (k.sampling() != null) {
            wrapped(prefixed("问卷抽样误差：", "Survey sampling error: ", k.sampling()), CardStyles.TEXT, BODY);
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
        put(r, 0, title, CardStyles.HEAD);
        put(r, 1, body, CardStyles.TEXT);
        merge(1, COLS - 1);
        r.height = (LINE * Math.max(lines(title, WIDTHS[0], BODY), lines(body, width(1, COLS - 1), BODY))
                + PAD);
        row++;
    }

    // ---- layout helpers -----------------------------------------------------------------------------------------

    /** The page header and footer (print setup, margins and print area are the same for every card). */
    private void print(String city) {
        var e = c.edition();
        pageHeader = "&L" + CellText.headerText(city + " · " + e.year())
                + (e.synthetic() ? "&R" + CellText.headerText("合成数据，非官方结果 SYNTHETIC") : "");
        pageFooter = "&L" + CellText.headerText("bizenv " + nz(e.frameworkId()) + " " + e.year()) + "&R&P / &N";
    }

    /** The print area, as the workbook's {@code _xlnm.Print_Area} name for this sheet gives it. */
    String printArea() {
        return SheetNameFormatter.format(name) + "!$A$1:$" + CellReference.convertNumToColString(COLS - 1) + "$" + row;
    }

    private void section(String title) {
        Row r = newRow(18);
        put(r, 0, title, CardStyles.SECTION);
        merge(0, COLS - 1);
        row++;
    }

    private void header(String... heads) {
        Row r = newRow(0);
        int lines = 1;
        for (int i = 0; i < heads.length; i++) {
            if (heads[i] != null) {
                put(r, i, heads[i], CardStyles.HEAD);
                // a head followed by a null one spans both
                int w = i + 1 < heads.length && heads[i + 1] == null ? WIDTHS[i] + WIDTHS[i + 1] : WIDTHS[i];
                lines = Math.max(lines, lines(heads[i], w, BODY));
            } else {
                blank(r, i, CardStyles.HEAD);
            }
        }
        r.height = (LINE * lines + PAD);
    }

    private void line(String text, int style, float height) {
        Row r = newRow(height);
        put(r, 0, text, style);
        merge(0, COLS - 1);
        row++;
    }

    private void wrapped(Names text, int style, int points) {
        String s = text.zh() + "\n" + text.en();
        Row r = newRow(0);
        put(r, 0, s, style);
        merge(0, COLS - 1);
        r.height = (LINE * points / BODY * lines(s, width(0, COLS - 1), points) + PAD);
        row++;
    }

    private static Names prefixed(String zh, String en, Names sentence) {
        return new Names(zh + nz(sentence.zh()), en + nz(sentence.en()));
    }

    private Row newRow(float height) {
        Row r = new Row(row);
        r.height = height;
        rows.add(r);
        return r;
    }

    private void merge(int from, int to) {
        // a card merges cells within one row, left to right, never overlapping (fixed by this layout)
        merges.append("<mergeCell ref=\"").append(ref(from, row)).append(':').append(ref(to, row)).append("\"/>");
        mergeCount++;
    }

    private void put(Row r, int col, String text, int style) {
        String s = text == null ? "" : text;
        cell(r, col, "s", CellText.looksLikeFormula(s) ? st.quoted(style) : style, Integer.toString(book.string(s)));
    }

    private void num(Row r, int col, double v, int style) {
        if (Double.isFinite(v)) {
            cell(r, col, "n", style, String.valueOf(v));
        } else {
            cell(r, col, "s", style, Integer.toString(book.string("—")));
        }
    }

    private static void blank(Row r, int col, int style) {
        r.cells[col] = "<c r=\"" + ref(col, r.r) + "\" s=\"" + style + "\"/>";
    }

    private static void cell(Row r, int col, String type, int style, String value) {
        r.cells[col] = "<c r=\"" + ref(col, r.r) + "\" t=\"" + type + "\" s=\"" + style + "\"><v>" + value + "</v></c>";
    }

    /** A cell's A1 reference, from 0-based column and row. */
    private static String ref(int col, int row) {
        return (char) ('A' + col) + Integer.toString(row + 1);
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
