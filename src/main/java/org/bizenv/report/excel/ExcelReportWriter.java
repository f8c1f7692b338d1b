package org.bizenv.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
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
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.framework.Names;
import org.bizenv.report.AtomicReportFolder;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;

/**
 * Renders a {@link Report} as the bilingual workbook that cities receive.
 *
 * <p>Every sheet has a title in row 1 and bilingual column headers below it (row 2, or rows 2–3 where columns are
 * grouped); panes are frozen below the headers and right of the name column. Numbers are numeric cells formatted
 * from {@code meta.decimals}, ranks are integers, missing values are empty cells. Text is only ever stored as a
 * string: nothing here writes a formula, and text that a spreadsheet would read as one ({@code =}, {@code +},
 * {@code -}, {@code @}) also carries Excel's quote prefix, so it stays text even when a user edits the cell.
 *
 * <p>Rows are streamed (POI SXSSF) so that 3,000 units × 200 indicators need no more memory than 36 cities; column
 * widths are computed from the text, not measured with fonts, and the zip entries and document properties take their
 * time from {@code meta.generatedAt}: the same report gives the same bytes.
 */
public final class ExcelReportWriter {

    public static final String RANKING = "Ranking";
    public static final String CHART = "Chart";
    public static final String TOP = "Top 5";
    public static final String IMPROVEMENT = "Improvement";
    public static final String REGIONS = "Regions";
    public static final String AGGREGATED = "Aggregated";
    public static final String WEIGHTS = "Weights";
    public static final String INDICATORS = "Indicators";
    public static final String INDICATOR_RANKS = "Indicator ranks";
    public static final String TREATMENT = "Treatment";
    public static final String COHERENCE = "Coherence";
    public static final String SENSITIVITY = "Sensitivity";
    public static final String ONE_AT_A_TIME = "One at a time";
    public static final String REVERSALS = "Rank reversals";
    public static final String SCENARIOS = "Scenarios";
    public static final String METHODOLOGY = "Methodology";
    public static final String SOURCES = "Sources";
    public static final String WARNINGS = "Warnings";

    /** Fill of cells that the imputation stage produced. */
    public static final String IMPUTED_RGB = "F8CBAD";
    /** Fill of cells that outlier treatment changed. */
    public static final String TREATED_RGB = "BDD7EE";
    /** Fill of cells that any other stage changed. */
    public static final String CHANGED_RGB = "FFE699";

    /** Rows kept in memory per sheet while streaming. */
    private static final int WINDOW = 200;
    /** Bars in the chart: beyond this the chart shows the top units only. */
    private static final int CHART_MAX = 100;
    private static final int MAX_TEXT = 32_767;
    /** Matrix sheets: minimum width of an indicator column, maximum of the name and code columns. */
    private static final int MATRIX_MIN = 12;
    private static final int MATRIX_NAME_MAX = 16;
    /** Sheets up to this many characters wide are printed one page wide. */
    private static final int PRINT_FIT = 220;
    /** Widths of wrapped name and long-text columns. */
    private static final int NAME_WIDTH = 24;
    private static final int TEXT_WIDTH = 50;

    /** Writes the workbook to {@code file} (created or replaced); on failure no partial file is left. */
    public void write(Report r, Path file) throws IOException {
        var lookup = new ReportLookup(r);
        AtomicReportFolder.writeFile(file, out -> write(lookup, out));
    }

    /** Writes the workbook to a stream, which is flushed but left open. */
    public void write(Report r, OutputStream out) throws IOException {
        write(new ReportLookup(r), out);
    }

    private void write(ReportLookup lookup, OutputStream out) throws IOException {
        Instant time = parseTime(lookup.report.meta().generatedAt());
        var wb = new PinnedTimeWorkbook(time);
        try {
            new Book(wb, lookup, time).build();
            wb.write(out);
            out.flush();
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    /** {@code generatedAt} as an instant: ISO-8601 with or without offset (UTC assumed), or a date; else null. */
    static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * SXSSF copies every part into a new zip with the time the part was first written. This stamps each entry with
     * the report's time instead, as the same wall-clock fields whatever the machine's time zone (zip times are local).
     */
    private static final class PinnedTimeWorkbook extends SXSSFWorkbook {
        private final Instant time;

        PinnedTimeWorkbook(Instant time) {
            // uncompressed temporary sheet files: at 3,000 units x 200 indicators about a quarter faster, for a few
            // hundred MB of temporary disk; inline strings (no shared-strings table held in memory)
            super(new XSSFWorkbook(), WINDOW, false, false);
            this.time = time;
            // POI's default (Always) writes Zip64 records that LibreOffice cannot open when they come from a plain
            // ZipArchiveOutputStream; a report never approaches 4 GB, so Zip64 is only used if it ever must be.
            setZip64Mode(Zip64Mode.AsNeeded);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            if (time == null) {
                return super.createArchiveOutputStream(out);
            }
            long utc = time.toEpochMilli();
            long local = utc - TimeZone.getDefault().getOffset(utc);
            var zip = new ZipArchiveOutputStream(out) {
                @Override
                public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                    entry.setTime(local);
                    super.putArchiveEntry(entry);
                }
            };
            zip.setUseZip64(zip64Mode);
            return zip;
        }
    }

    /** One workbook being built. */
    private static final class Book {
        private final SXSSFWorkbook wb;
        private final ReportLookup lookup;
        private final Report r;
        private final Report.Meta meta;
        private final Instant time;
        private final ExcelStyles st;
        private final Set<String> sheetNames = new HashSet<>();
        /** Where the Ranking sheet put its data, for the chart. */
        private int rankingFirstRow;
        private int rankingScoreCol;

        Book(SXSSFWorkbook wb, ReportLookup lookup, Instant time) {
            this.wb = wb;
            this.lookup = lookup;
            this.r = lookup.report;
            this.meta = r.meta();
            this.time = time;
            this.st = new ExcelStyles(wb, meta.decimals());
        }

        void build() {
            properties();
            ranking();
            top();
            if (lookup.hasPrevious()) {
                improvement();
            }
            regions();
            aggregated();
            weights();
            indicators();
            stages();
            indicatorRanks();
            treatment();
            if (r.coherence() != null) {
                coherence();
            }
            if (r.robustness() != null) {
                robustness();
            }
            methodology();
            sources();
            warnings();
            chart();
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
        }

        private void properties() {
            var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
            core.setTitle(frameworkTitle() + " " + meta.year() + " 评估报告 Evaluation report");
            core.setCreator("bizenv");
            core.setLastModifiedByUser("bizenv");
            core.setSubjectProperty(meta.frameworkId() == null ? "" : meta.frameworkId());
            String description = "bizenv " + nz(meta.engineVersion()) + ", framework " + nz(meta.frameworkId()) + " "
                    + nz(meta.frameworkVersion()) + ", generated " + nz(meta.generatedAt()) + ".";
            if (meta.synthetic()) {
                description = "合成数据，非官方结果。Synthetic data: not official results. " + description;
            }
            core.setDescription(description);
            if (time != null) {
                core.setCreated(Optional.of(Date.from(time)));
                core.setModified(Optional.of(Date.from(time)));
            }
        }

        private String frameworkTitle() {
            return ReportLookup.both(meta.frameworkName(), nz(meta.frameworkId()));
        }

        private String syntheticNote() {
            return meta.synthetic() ? "  【合成数据，非官方结果 Synthetic data, not official results】" : "";
        }

        // ---- Ranking ----------------------------------------------------------------------------------------------

        private void ranking() {
            var g = new Grid(sheet(RANKING));
            var dims = lookup.dimensions;
            var groups = lookup.groupKeys();
            boolean prev = lookup.hasPrevious();
            g.title(frameworkTitle() + " " + meta.year() + " 综合排名 Overall ranking" + syntheticNote());

            List<String> heads = new ArrayList<>(List.of("排名 Rank", "城市 City", "代码 Code"));
            for (String k : groups) {
                heads.add(ReportLabels.grouping(k));
            }
            int scoreCol = heads.size();
            heads.add("得分 Score");
            heads.add("梯队 Tier");
            int firstDim = heads.size();
            for (int d = 0; d < dims.size(); d++) {
                heads.add("得分 Score");
                heads.add("排名 Rank");
            }
            int firstPrev = heads.size();
            if (prev) {
                String py = meta.previousYear() == null ? "" : meta.previousYear().toString();
                heads.add(py + "年得分 Score " + py);
                heads.add(py + "年排名 Rank " + py);
                heads.add("得分变化 Score change");
                heads.add("排名变化 Rank change");
            }
            // group row: the index over its score, each dimension over its score and rank, last year over its block
            Row top = g.row();
            top.setHeightInPoints(32);
            for (int c = 0; c < heads.size(); c++) {
                g.blank(top, c, st.group);
            }
            g.text(top, scoreCol, lookup.index == null ? "综合指数 Index" : lookup.label(lookup.index.code()),
                    st.group);
            g.span(top.getRowNum(), scoreCol, scoreCol + 1);
            for (int d = 0; d < dims.size(); d++) {
                g.text(top, firstDim + 2 * d, lookup.label(dims.get(d).code()), st.group);
                g.span(top.getRowNum(), firstDim + 2 * d, firstDim + 2 * d + 1);
            }
            if (prev) {
                g.text(top, firstPrev, "与上年比较 Compared with " + nz(meta.previousYear()), st.group);
                g.span(top.getRowNum(), firstPrev, firstPrev + 3);
            }
            g.header(heads);

            int first = g.next;
            var tiers = ReportLookup.nonNull(meta.tierNames());
            for (var row : ReportLookup.nonNull(r.ranking())) {
                var unit = lookup.unit(row.unit());
                Row x = g.row();
                int c = 0;
                g.rank(x, c++, row.rank());
                g.text(x, c++, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, c++, unit.code(), st.text);
                for (String k : groups) {
                    g.text(x, c++, ReportLabels.group(unit.groups() == null ? null : unit.groups().get(k)), st.text);
                }
                g.number(x, c++, row.score(), st.score);
                g.text(x, c++, row.tier() <= 0 ? null
                        : row.tier() <= tiers.size() ? ReportLookup.both(tiers.get(row.tier() - 1), "")
                        : "Tier " + row.tier(), st.centred);
                for (int d = 0; d < dims.size(); d++) {
                    g.number(x, c++, row.dimensionScores()[d], st.score);
                    g.rank(x, c++, row.dimensionRanks()[d]);
                }
                if (prev) {
                    g.number(x, c++, row.previousScore(), st.score);
                    g.integer(x, c++, row.previousRank(), st.rank);
                    g.number(x, c++, row.scoreChange(), st.change);
                    g.integer(x, c++, row.rankChange(), st.rankChange);
                }
            }
            int last = g.next - 1;
            if (last >= first) {
                scale(g.sheet, first, last, scoreCol);
                for (int d = 0; d < dims.size(); d++) {
                    scale(g.sheet, first, last, firstDim + 2 * d);
                }
            }
            rankingFirstRow = first;
            rankingScoreCol = scoreCol;
            g.filter(heads.size());
            g.freeze(2);
            g.widths(8, 40);
        }

        // ---- Top 5 ------------------------------------------------------------------------------------------------

        private void top() {
            var g = new Grid(sheet(TOP));
            var lists = ReportLookup.nonNull(r.top());
            g.title("各维度前列城市 Top cities on each dimension" + syntheticNote());
            Row names = g.row();
            Row heads = g.row();
            heads.setHeightInPoints(32);
            int rows = 0;
            for (int t = 0; t < lists.size(); t++) {
                var list = lists.get(t);
                int c = 4 * t;
                g.text(names, c, ReportLookup.both(list.name(), list.node()), st.group);
                g.blank(names, c + 1, st.group);
                g.blank(names, c + 2, st.group);
                g.span(names.getRowNum(), c, c + 2);
                g.text(heads, c, "排名 Rank", st.header);
                g.text(heads, c + 1, "城市 City", st.header);
                g.text(heads, c + 2, "得分 Score", st.header);
                rows = Math.max(rows, ReportLookup.nonNull(list.entries()).size());
            }
            for (int i = 0; i < rows; i++) {
                Row x = g.row();
                for (int t = 0; t < lists.size(); t++) {
                    var entries = ReportLookup.nonNull(lists.get(t).entries());
                    if (i < entries.size()) {
                        var e = entries.get(i);
                        int c = 4 * t;
                        g.rank(x, c, e.rank());
                        g.text(x, c + 1, lookup.label(e.unit()), st.text);
                        g.number(x, c + 2, e.score(), st.score);
                    }
                }
            }
            for (int t = 0; t + 1 < lists.size(); t++) {
                g.minWidth(4 * t + 3, 3);
            }
            g.sheet.createFreezePane(0, 3);
            g.widths(3, 40);
        }

        // ---- Improvement ------------------------------------------------------------------------------------------

        private void improvement() {
            var g = new Grid(sheet(IMPROVEMENT));
            String py = nz(meta.previousYear());
            g.title("得分提升排名 Improvement on " + py + syntheticNote());
            g.header(List.of("排名 Rank", "城市 City", "代码 Code", "得分变化 Score change",
                    meta.year() + "年得分 Score " + meta.year(), py + "年得分 Score " + py, "排名变化 Rank change"));
            for (var row : ReportLookup.nonNull(r.improvement())) {
                var unit = lookup.unit(row.unit());
                Row x = g.row();
                g.rank(x, 0, row.rank());
                g.text(x, 1, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 2, unit.code(), st.text);
                g.number(x, 3, row.scoreChange(), st.change);
                g.number(x, 4, row.score(), st.score);
                g.number(x, 5, row.previousScore(), st.score);
                g.integer(x, 6, row.rankChange(), st.rankChange);
            }
            g.filter(7);
            g.freeze(2);
            g.widths(8, 40);
        }

        // ---- Regions ----------------------------------------------------------------------------------------------

        private void regions() {
            var g = new Grid(sheet(REGIONS));
            g.title("分组均值 Mean scores by group" + syntheticNote());
            var means = ReportLookup.nonNull(r.groupMeans());
            var nodes = new LinkedHashSet<String>();
            for (var m : means) {
                nodes.addAll(Arrays.asList(m.nodes()));
            }
            List<String> heads = new ArrayList<>(List.of("分组 Grouping", "组别 Group", "城市数 Units"));
            for (String n : nodes) {
                heads.add(lookup.label(n));
            }
            g.header(heads);
            var col = new HashMap<String, Integer>();
            for (String n : nodes) {
                col.put(n, col.size() + 3);
            }
            int first = g.next;
            for (var m : means) {
                Row x = g.row();
                g.text(x, 0, ReportLabels.grouping(m.grouping()), st.text);
                g.text(x, 1, ReportLabels.group(m.group()), st.text);
                g.integer(x, 2, m.units(), st.integer);
                for (int k = 0; k < m.nodes().length; k++) {
                    g.number(x, col.get(m.nodes()[k]), m.means()[k], st.score);
                }
            }
            if (g.next > first) {
                for (int c = 3; c < heads.size(); c++) {
                    scale(g.sheet, first, g.next - 1, c);
                }
            }
            g.freeze(2);
            g.widths(8, 30);
        }

        // ---- Aggregated -------------------------------------------------------------------------------------------

        private void aggregated() {
            var g = new Grid(sheet(AGGREGATED));
            g.title("各节点得分与排名 Score and rank of every node");
            var nodes = ReportLookup.nonNull(r.nodes());
            Row top = g.row();
            top.setHeightInPoints(32);
            g.blank(top, 0, st.group);
            g.blank(top, 1, st.group);
            List<String> heads = new ArrayList<>(List.of("城市 City", "代码 Code"));
            for (int n = 0; n < nodes.size(); n++) {
                var node = nodes.get(n);
                g.text(top, 2 + 2 * n, node.code() + " " + ReportLookup.both(node.name(), ""), st.group);
                g.blank(top, 3 + 2 * n, st.group);
                g.span(top.getRowNum(), 2 + 2 * n, 3 + 2 * n);
                heads.add("得分 Score");
                heads.add("排名 Rank");
            }
            g.header(heads);
            int first = g.next;
            for (int u = 0; u < lookup.unitCodes.size(); u++) {
                var unit = r.units().get(u);
                Row x = g.row();
                g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 1, unit.code(), st.text);
                for (int n = 0; n < nodes.size(); n++) {
                    g.number(x, 2 + 2 * n, nodes.get(n).scores()[u], st.score);
                    g.rank(x, 3 + 2 * n, nodes.get(n).ranks()[u]);
                }
            }
            if (g.next > first) {
                for (int n = 0; n < nodes.size(); n++) {
                    scale(g.sheet, first, g.next - 1, 2 + 2 * n);
                }
            }
            g.filter(heads.size());
            g.freeze(1);
            g.widths(8, 24);
        }

        // ---- Weights ----------------------------------------------------------------------------------------------

        private void weights() {
            var g = new Grid(sheet(WEIGHTS));
            g.title("权重 Weights — 修改“权重 Weight”列即可作为情景输入 Edit the Weight column to define a scenario "
                    + "(weights are renormalised within each parent)");
            g.header(List.of("代码 Code", "上级 Parent", "名称 Name", "层级 Level", "赋权方法 Method", "权重 Weight",
                    "有效权重 Effective weight", "说明 Detail"));
            for (String code : lookup.treeOrder()) {
                var node = lookup.node(code);
                var ind = node == null ? lookup.indicator(code) : null;
                String parent = node != null ? node.parent() : ind.parent();
                int depth = node != null ? node.depth() : parentDepth(parent) + 1;
                var pw = parent == null ? null : lookup.weightsOf(parent);
                var pn = parent == null ? null : lookup.node(parent);
                String method = pw != null ? pw.method() : pn != null ? pn.weighting() : null;
                Row x = g.row();
                g.text(x, 0, code, st.text);
                g.text(x, 1, parent, st.text);
                g.text(x, 2, ReportLookup.both(node != null ? node.name() : ind.name(), ""), st.indent(depth));
                g.text(x, 3, node != null ? ReportLabels.level(depth) : "指标 Indicator", st.text);
                g.text(x, 4, method, st.text);
                g.number(x, 5, node != null ? node.weight() : ind.weight(), st.weight);
                g.number(x, 6, node != null ? node.effectiveWeight() : ind.effectiveWeight(), st.weight);
                g.text(x, 7, pw == null || pw.detail() == null || pw.detail().isEmpty() ? null : pw.detail(),
                        st.text);
            }
            g.filter(8);
            g.freeze(1);
            g.widths(8, 50);
        }

        private int parentDepth(String parent) {
            var n = parent == null ? null : lookup.node(parent);
            return n == null ? 0 : n.depth();
        }

        // ---- Indicators -------------------------------------------------------------------------------------------

        private void indicators() {
            var g = new Grid(sheet(INDICATORS));
            g.title("指标 Indicators");
            g.header(List.of("代码 Code", "名称 Name", "上级 Parent", "单位 Unit", "方向 Direction", "渠道 Channel",
                    "来源 Source", "字段 Field", "统计量 Statistic", "标准化 Normalisation", "插补 Imputation",
                    "异常值处理 Treatment", "权重 Weight", "有效权重 Effective weight", "定义 Definition"));
            int w = 18;
            for (var i : ReportLookup.nonNull(r.indicators())) {
                Row x = g.row();
                g.text(x, 0, i.code(), st.text);
                g.wrapped(x, 1, ReportLookup.both(i.name(), ""), NAME_WIDTH);
                g.text(x, 2, i.parent(), st.text);
                g.wrapped(x, 3, i.unit(), w);
                g.wrapped(x, 4, ReportLabels.direction(i.direction()), w);
                g.wrapped(x, 5, ReportLabels.channel(i.channel()), w);
                g.wrapped(x, 6, i.source(), w);
                g.wrapped(x, 7, i.field(), w);
                g.wrapped(x, 8, i.statistic(), w);
                g.wrapped(x, 9, i.normalisation(), w);
                g.wrapped(x, 10, i.imputation(), w);
                g.wrapped(x, 11, i.treatment(), w);
                g.number(x, 12, i.weight(), st.weight);
                g.number(x, 13, i.effectiveWeight(), st.weight);
                g.wrapped(x, 14, i.definition(), TEXT_WIDTH);
            }
            g.filter(15);
            g.freeze(2);
            g.setWidth(1, NAME_WIDTH);
            g.setWidth(14, TEXT_WIDTH);
            g.widths(8, w);
        }

        // ---- Stages -----------------------------------------------------------------------------------------------

        private void stages() {
            for (var s : ReportLookup.nonNull(r.stages())) {
                String name = ReportLabels.stageSheet(s.name());
                boolean normalised = ReportLabels.isNormalised(s.name());
                String rgb = ReportLabels.stageFill(s.name());
                var g = new Grid(sheet(name));
                String legend = ReportLabels.stageLegend(s.name());
                matrixTitle(g, ReportLabels.stageTitle(s.name()), anyFlag(s.flagged()) || legend != null
                        ? (legend == null ? "本阶段改变的值 Changed at this stage" : legend) : null, rgb);
                matrixHeader(g);
                int k = lookup.indicatorCodes.size();
                CellStyle[] plain = new CellStyle[k];
                CellStyle[] flagged = new CellStyle[k];
                for (int i = 0; i < k; i++) {
                    String format = normalised ? st.scoreFormat : ReportLabels.valueFormat(s.values()[i]);
                    plain[i] = st.style(format, null);
                    flagged[i] = st.style(format, rgb);
                }
                for (int u = 0; u < lookup.unitCodes.size(); u++) {
                    Row x = unitRow(g, u);
                    for (int i = 0; i < k; i++) {
                        boolean f = s.flagged() != null && s.flagged()[i][u];
                        g.number(x, 2 + i, s.values()[i][u], f ? flagged[i] : plain[i]);
                    }
                }
                finishMatrix(g);
                if (s.provenance() != null) {
                    provenance(s, name);
                }
            }
        }

        private void provenance(Report.StageData s, String stageSheet) {
            var g = new Grid(sheet(stageSheet + " sources"));
            matrixTitle(g, "数据来源 Where each " + s.name() + " value came from (file!sheet!cell)", null, null);
            matrixHeader(g);
            for (int u = 0; u < lookup.unitCodes.size(); u++) {
                Row x = unitRow(g, u);
                for (int i = 0; i < lookup.indicatorCodes.size(); i++) {
                    g.text(x, 2 + i, s.provenance()[i][u], st.text);
                }
            }
            finishMatrix(g);
            for (int i = 0; i < lookup.indicatorCodes.size(); i++) {
                g.minWidth(2 + i, 14);
            }
            g.widths(8, 40);
        }

        private void indicatorRanks() {
            var g = new Grid(sheet(INDICATOR_RANKS));
            matrixTitle(g, "各指标排名（按标准化值）Rank on each indicator (normalised value)", null, null);
            matrixHeader(g);
            var inds = ReportLookup.nonNull(r.indicators());
            for (int u = 0; u < lookup.unitCodes.size(); u++) {
                Row x = unitRow(g, u);
                for (int i = 0; i < inds.size(); i++) {
                    g.rank(x, 2 + i, inds.get(i).ranks()[u]);
                }
            }
            finishMatrix(g);
        }

        private static boolean anyFlag(boolean[][] flags) {
            if (flags != null) {
                for (boolean[] row : flags) {
                    for (boolean b : row) {
                        if (b) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /**
         * Row 1: the title and, where the sheet marks cells, a legend cell in the marking colour, placed right of where
         * the title's text ends (estimated from the name and code columns and the indicator columns' minimum width).
         */
        private void matrixTitle(Grid g, String title, String legend, String rgb) {
            Row t = g.title(title);
            if (legend != null) {
                int nameWidth = ReportLabels.displayWidth("城市 City") + 2;
                int codeWidth = ReportLabels.displayWidth("代码 Code") + 2;
                for (var u : r.units()) {
                    String label = ReportLookup.both(u.name(), u.code());
                    nameWidth = Math.max(nameWidth, ReportLabels.displayWidth(label) + 2);
                    codeWidth = Math.max(codeWidth, ReportLabels.displayWidth(u.code()) + 2);
                }
                int titleWidth = ReportLabels.displayWidth(title) * 13 / 10 + 2; // the title font is larger and bold
                int rest = titleWidth - Math.min(nameWidth, MATRIX_NAME_MAX) - Math.min(codeWidth, MATRIX_NAME_MAX);
                int col = 2 + Math.max(0, (rest + MATRIX_MIN - 1) / MATRIX_MIN);
                g.cell(t, col, legend, st.style(null, rgb));
                g.blank(t, col + 1, st.style(null, rgb));
                g.span(t.getRowNum(), col, col + 1);
            }
        }

        /** Rows 2–3: indicator codes over indicator names; units as rows below. */
        private void matrixHeader(Grid g) {
            Row codes = g.row();
            Row names = g.row();
            g.text(codes, 0, "指标 Indicator", st.header);
            g.blank(codes, 1, st.header);
            g.text(names, 0, "城市 City", st.header);
            g.text(names, 1, "代码 Code", st.header);
            var inds = ReportLookup.nonNull(r.indicators());
            for (int i = 0; i < inds.size(); i++) {
                g.text(codes, 2 + i, inds.get(i).code(), st.header);
                g.cell(names, 2 + i, ReportLookup.both(inds.get(i).name(), ""), st.headerSmall);
                g.minWidth(2 + i, MATRIX_MIN);
            }
            names.setHeightInPoints(64);
        }

        private Row unitRow(Grid g, int u) {
            var unit = r.units().get(u);
            Row x = g.row();
            g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
            g.text(x, 1, unit.code(), st.text);
            return x;
        }

        private void finishMatrix(Grid g) {
            g.filter(2 + lookup.indicatorCodes.size());
            g.freeze(1);
            g.widths(8, MATRIX_NAME_MAX);
        }

        // ---- Treatment --------------------------------------------------------------------------------------------

        private void treatment() {
            var g = new Grid(sheet(TREATMENT));
            g.title("异常值处理 Outlier treatment");
            g.header(List.of("代码 Code", "名称 Name", "方法 Method", "处理前偏度 Skewness before",
                    "处理前峰度 Kurtosis before", "处理后偏度 Skewness after", "处理后峰度 Kurtosis after",
                    "缩尾点数 Points winsorised", "对数变换 Log transformed", "已处理 Treated"));
            for (var t : ReportLookup.nonNull(r.treatment())) {
                Row x = g.row();
                g.text(x, 0, t.indicator(), st.text);
                g.text(x, 1, lookup.isIndicator(t.indicator()) ? ReportLookup.both(
                        lookup.indicator(t.indicator()).name(), "") : null, st.text);
                g.text(x, 2, t.method(), st.text);
                g.number(x, 3, t.skewBefore(), st.stat);
                g.number(x, 4, t.kurtBefore(), st.stat);
                g.number(x, 5, t.skewAfter(), st.stat);
                g.number(x, 6, t.kurtAfter(), st.stat);
                g.integer(x, 7, t.winsorised(), st.integer);
                g.text(x, 8, ReportLabels.yesNo(t.logTransformed()), st.centred);
                g.text(x, 9, ReportLabels.yesNo(t.treated()), t.treated() ? st.style(null, TREATED_RGB) : st.centred);
            }
            g.filter(10);
            g.freeze(2);
            g.widths(8, 30);
        }

        // ---- Coherence --------------------------------------------------------------------------------------------

        private void coherence() {
            var c = r.coherence();
            var g = new Grid(sheet(COHERENCE));
            g.title("统计一致性 Statistical coherence");
            g.row();
            g.cell(g.row(), 0, "与上级的相关 Correlation of each indicator with its parent", st.bold);
            g.header(List.of("指标 Indicator", "名称 Name", "上级 Parent", "Pearson", "Spearman", "与维度负相关 Negative with dimension"));
            for (var p : ReportLookup.nonNull(c.withParent())) {
                Row x = g.row();
                g.text(x, 0, p.indicator(), st.text);
                g.text(x, 1, lookup.label(p.indicator()), st.text);
                g.text(x, 2, p.parent(), st.text);
                g.number(x, 3, p.pearson(), st.stat);
                g.number(x, 4, p.spearman(), st.stat);
                g.text(x, 5, ReportLabels.yesNo(p.negative()), p.negative() ? st.style(null, "FFC7CE") : st.centred);
            }
            g.row();
            g.cell(g.row(), 0, "维度统计 Statistics of each dimension", st.bold);
            var dims = ReportLookup.nonNull(c.dimensions());
            int pcs = 0;
            for (var d : dims) {
                pcs = Math.max(pcs, d.varianceExplained() == null ? 0 : d.varianceExplained().length);
            }
            List<String> heads = new ArrayList<>(List.of("维度 Node", "名称 Name", "Cronbach's α"));
            for (int k = 1; k <= pcs; k++) {
                heads.add("主成分" + k + "解释方差 PC" + k + " variance explained");
            }
            g.header(heads);
            for (var d : dims) {
                Row x = g.row();
                g.text(x, 0, d.node(), st.text);
                g.text(x, 1, lookup.label(d.node()), st.text);
                g.number(x, 2, d.cronbachAlpha(), st.stat);
                double[] v = d.varianceExplained() == null ? new double[0] : d.varianceExplained();
                for (int k = 0; k < v.length; k++) {
                    g.number(x, 3 + k, v[k], st.percent);
                }
            }
            String[] inds = c.indicators() == null ? new String[0] : c.indicators();
            correlationMatrix(g, "Pearson 相关系数 Pearson correlations", inds, c.pearson());
            correlationMatrix(g, "Spearman 秩相关系数 Spearman rank correlations", inds, c.spearman());
            g.widths(8, 30);
        }

        private void correlationMatrix(Grid g, String title, String[] codes, double[][] m) {
            correlationMatrix(g, title, "指标 Indicator", codes, m);
        }

        private void correlationMatrix(Grid g, String title, String corner, String[] codes, double[][] m) {
            if (m == null) {
                return;
            }
            g.row();
            g.cell(g.row(), 0, title, st.bold);
            List<String> heads = new ArrayList<>(List.of(corner));
            heads.addAll(Arrays.asList(codes));
            g.header(heads);
            int first = g.next;
            for (int a = 0; a < codes.length; a++) {
                Row x = g.row();
                g.text(x, 0, codes[a], st.text);
                for (int b = 0; b < codes.length; b++) {
                    g.number(x, 1 + b, m[a][b], st.stat);
                }
            }
            if (codes.length > 0) {
                var cf = g.sheet.getSheetConditionalFormatting();
                var rule = colourScale(cf, new double[] {-1, 0, 1}, "F8696B", "FFFFFF", "5A8AC6");
                cf.addConditionalFormatting(new CellRangeAddress[] {
                        new CellRangeAddress(first, first + codes.length - 1, 1, codes.length)}, rule);
            }
        }

        // ---- Robustness: Sensitivity, One at a time, Rank reversals, Scenarios -------------------------------------

        /** Rows kept free above the Sensitivity sheet's table for its chart. */
        private static final int INTERVAL_CHART_ROWS = 26;

        private void robustness() {
            var rb = r.robustness();
            if (rb.uncertainty() != null || rb.sensitivity() != null) {
                sensitivity(rb);
            }
            if (rb.oneAtATime() != null && !ReportLookup.nonNull(rb.oneAtATime().removals()).isEmpty()) {
                oneAtATime(rb.oneAtATime());
            }
            if (!ReportLookup.nonNull(rb.reversals()).isEmpty()) {
                reversals(rb.reversals());
            }
            if (rb.scenarios() != null) {
                scenarios(rb.scenarios(), rb.settings());
            }
        }

        /**
         * The Sensitivity sheet: a chart of every city's 90% rank interval and nominal rank on top, the rank
         * distribution table below it (the chart's data), then the Sobol indices and the analysis's notes.
         */
        private void sensitivity(RobustnessSection rb) {
            var g = new Grid(sheet(SENSITIVITY));
            var u = rb.uncertainty();
            var s = rb.settings();
            g.title("排名稳健性：不确定性与敏感性分析 How robust is the ranking: uncertainty and sensitivity"
                    + syntheticNote());
            if (u != null) {
                g.cell(g.row(), 0, "蒙特卡洛 " + count(u.runs()) + " 次运行，权重扰动 "
                        + (s == null ? "" : s.perturbation()) + "，随机种子 " + u.seed() + "；区间为第5至第95百分位排名"
                        + "（90%区间）。 Monte Carlo, " + count(u.runs()) + " runs, weights perturbed by "
                        + u.weightScheme() + ", seed " + u.seed() + "; the interval spans the 5th to 95th percentile "
                        + "rank (a 90% interval; percentiles R type 7).", st.text);
                int chartTop = g.next;
                for (int i = 0; i < INTERVAL_CHART_ROWS; i++) {
                    g.row();
                }
                uncertaintyTable(g, u, chartTop);
            }
            if (rb.sensitivity() != null) {
                sobolTable(g, rb.sensitivity());
            }
            notes(g, "说明 Notes", rb.notes());
            g.widths(8, 30);
            // the chart sits above the table: repeat no rows when printing, and fit the width to a page
            g.sheet.setRepeatingRows(null);
            fitWidth(g.sheet);
        }

        private void uncertaintyTable(Grid g, RobustnessSection.Uncertainty u, int chartTop) {
            var tiers = ReportLookup.nonNull(meta.tierNames());
            int tierCount = 0;
            for (var row : ReportLookup.nonNull(u.units())) {
                tierCount = Math.max(tierCount, row.tierProbability() == null ? 0 : row.tierProbability().length);
            }
            List<String> heads = new ArrayList<>(List.of("名义排名 Nominal rank", "城市 City", "代码 Code",
                    "得分 Score", "平均排名 Mean rank", "中位排名 Median rank", "第5百分位 5th percentile",
                    "第95百分位 95th percentile", "区间宽度 Interval width", "最好 Best rank", "最差 Worst rank",
                    "平均排名变动 Mean |rank shift|", "前" + u.topK() + "名概率 P(top " + u.topK() + ")"));
            for (int t = 0; t < tierCount; t++) {
                Names n = t < tiers.size() ? tiers.get(t) : null;
                heads.add((n == null ? "梯队" + (t + 1) : n.zh()) + "概率 P(" + (n == null ? "Tier " + (t + 1)
                        : n.en()) + ")");
            }
            int barStart = heads.size();
            heads.add("图表：条形起点 Chart: bar from (5th − 0.5)");
            heads.add("图表：条形长度 Chart: bar length (width + 1)");
            g.header(heads);
            CellStyle rankStat = st.style("0.00", null);
            int first = g.next;
            for (var row : ReportLookup.nonNull(u.units())) {
                Row x = g.row();
                g.rank(x, 0, row.nominalRank());
                g.text(x, 1, lookup.label(row.unit()), st.text);
                g.text(x, 2, row.unit(), st.text);
                g.number(x, 3, row.nominalScore(), st.score);
                g.number(x, 4, row.meanRank(), rankStat);
                g.number(x, 5, row.medianRank(), rankStat);
                g.number(x, 6, row.rankP05(), rankStat);
                g.number(x, 7, row.rankP95(), rankStat);
                g.number(x, 8, row.rankP95() - row.rankP05(), rankStat);
                g.rank(x, 9, row.bestRank());
                g.rank(x, 10, row.worstRank());
                g.number(x, 11, row.meanAbsShift(), rankStat);
                g.number(x, 12, row.probabilityTopK(), st.percent);
                double[] tp = row.tierProbability() == null ? new double[0] : row.tierProbability();
                for (int t = 0; t < tp.length; t++) {
                    g.number(x, 13 + t, tp[t], st.percent);
                }
                g.number(x, barStart, row.rankP05() - 0.5, st.chartHelper);
                g.number(x, barStart + 1, row.rankP95() - row.rankP05() + 1, st.chartHelper);
            }
            int last = g.next - 1;
            g.filter(heads.size());
            if (last >= first) {
                var cf = g.sheet.getSheetConditionalFormatting();
                // wide intervals stand out: white for a fixed rank, red for the widest
                cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(first, last, 8, 8)},
                        twoColourScale(cf, "FFFFFF", "F8696B"));
            }
            // the chart: the leading rows with a nominal rank and an interval (unranked units come last), 100 at most
            var rows = ReportLookup.nonNull(u.units());
            int charted = 0;
            while (charted < rows.size() && charted < CHART_MAX && rows.get(charted).nominalRank() > 0
                    && Double.isFinite(rows.get(charted).rankP05()) && Double.isFinite(rows.get(charted).rankP95())) {
                charted++;
            }
            if (charted > 0) {
                intervalChart(g, first, first + charted - 1, barStart, chartTop, heads.size());
            }
        }

        /**
         * Native chart of the interval table: stacked columns, an invisible one up to the 5th percentile − 0.5 and a
         * visible one over the ranks from the 5th to the 95th percentile, with the nominal rank as a marker; the
         * rank axis runs downwards (1 at the top), cities in nominal order along the bottom.
         */
        private void intervalChart(Grid g, int first, int last, int barStart, int top, int columns) {
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
            nominalSeries.setTitle("名义排名 Nominal rank", null);
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

            chart.plot(bars);
            chart.plot(marks);
            fullOverlap(chart);
            var legend = chart.getOrAddLegend();
            legend.setPosition(LegendPosition.TOP);
            legend.setOverlay(false);
            legend.addEntry().setIndex(0);          // the invisible base series stays out of the legend
            legend.getEntry(0).setDelete(true);
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

        private XDDFLineProperties line(String rgb, double width) {
            var l = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(ExcelStyles.rgb(rgb))));
            l.setWidth(width);
            return l;
        }

        private void sobolTable(Grid g, RobustnessSection.Sensitivity v) {
            g.row();
            g.cell(g.row(), 0, "敏感性指数（Sobol）Sensitivity indices (Sobol) of the " + v.output() + ": N = "
                    + count(v.baseSamples()) + " (" + count(v.runs()) + " runs), " + Math.round(v.confidence() * 100)
                    + "% bootstrap intervals (" + count(v.bootstrap()) + " resamples)", st.bold);
            g.header(List.of("输入 Input", "名称 Name", "一阶指数 S1 (first order)", "S1 下限 low", "S1 上限 high",
                    "总效应指数 ST (total order)", "ST 下限 low", "ST 上限 high"));
            for (var x : ReportLookup.nonNull(v.inputs())) {
                Row row = g.row();
                g.text(row, 0, x.label(), st.text);
                g.text(row, 1, x.element() != null ? lookup.label(x.element()) : ReportLookup.both(x.name(), ""),
                        st.text);
                g.number(row, 2, x.first(), st.stat);
                g.number(row, 3, x.firstLow(), st.stat);
                g.number(row, 4, x.firstHigh(), st.stat);
                g.number(row, 5, x.total(), st.stat);
                g.number(row, 6, x.totalLow(), st.stat);
                g.number(row, 7, x.totalHigh(), st.stat);
            }
            Row mean = g.row();
            g.text(mean, 0, "输出均值 Output mean", st.text);
            g.number(mean, 2, v.outputMean(), st.stat);
            Row var = g.row();
            g.text(var, 0, "输出方差 Output variance", st.text);
            g.number(var, 2, v.outputVariance(), st.stat);
            notes(g, null, v.notes());
        }

        private void notes(Grid g, String heading, List<String> notes) {
            var list = ReportLookup.nonNull(notes);
            if (list.isEmpty()) {
                return;
            }
            if (heading != null) {
                g.row();
                g.cell(g.row(), 0, heading, st.bold);
            }
            for (String note : list) {
                g.cell(g.row(), 0, note, st.text);
            }
        }

        /** Ranks with each indicator and dimension left out: cities × removals, shift in each cell. */
        private void oneAtATime(RobustnessSection.OneAtATime o) {
            var g = new Grid(sheet(ONE_AT_A_TIME));
            var removals = ReportLookup.nonNull(o.removals());
            g.title("逐一剔除 One at a time: 剔除一项指标或维度后的排名变化 Rank shift with one element left out"
                    + syntheticNote());
            Row groups = g.row();
            groups.setHeightInPoints(32);
            for (int c = 0; c < 3; c++) {
                g.blank(groups, c, st.group);
            }
            List<String> heads = new ArrayList<>(List.of("名义排名 Nominal rank", "城市 City", "代码 Code"));
            int from = 3;
            for (int k = 0; k <= removals.size(); k++) {
                boolean end = k == removals.size();
                if (end || k > 0 && !removals.get(k).level().equals(removals.get(k - 1).level())) {
                    String level = removals.get(k - 1).level();
                    g.text(groups, from, "剔除" + ("dimension".equals(level) ? "维度 Dimension" : "指标 Indicator")
                            + " left out", st.group);
                    for (int c = from + 1; c < 3 + k; c++) {
                        g.blank(groups, c, st.group);
                    }
                    g.span(groups.getRowNum(), from, 2 + k);
                    from = 3 + k;
                }
                if (!end) {
                    heads.add(removals.get(k).element());
                }
            }
            g.header(heads);
            Row names = g.row();
            g.blank(names, 0, st.headerSmall);
            g.blank(names, 1, st.headerSmall);
            g.blank(names, 2, st.headerSmall);
            for (int k = 0; k < removals.size(); k++) {
                g.cell(names, 3 + k, lookup.label(removals.get(k).element()), st.headerSmall);
                g.minWidth(3 + k, MATRIX_MIN);
            }
            names.setHeightInPoints(64);
            int first = g.next;
            int maxShift = 1;
            for (int u : nominalOrder()) {
                Row x = g.row();
                var unit = r.units().get(u);
                var index = lookup.index;
                g.rank(x, 0, index == null ? 0 : index.ranks()[u]);
                g.text(x, 1, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 2, unit.code(), st.text);
                for (int k = 0; k < removals.size(); k++) {
                    var rem = removals.get(k);
                    if (rem.ranks()[u] > 0) {
                        g.integer(x, 3 + k, rem.shifts()[u], st.shift);
                    }
                    maxShift = Math.max(maxShift, rem.maxAbsShift());
                }
            }
            int last = g.next - 1;
            Row mean = g.row();
            g.text(mean, 1, "平均排名变动 Mean |rank shift|", st.bold);
            Row max = g.row();
            g.text(max, 1, "最大排名变动 Largest |rank shift|", st.bold);
            for (int k = 0; k < removals.size(); k++) {
                g.number(mean, 3 + k, removals.get(k).meanAbsShift(), st.style("0.00", null));
                g.integer(max, 3 + k, removals.get(k).maxAbsShift(), st.integer);
            }
            if (last >= first && !removals.isEmpty()) {
                shiftScale(g.sheet, first, last, 3, 2 + removals.size(), maxShift);
            }
            g.row();
            g.cell(g.row(), 1, "排名变化 = 名义排名 − 剔除后的排名，正数表示上升；其余权重按比例重新归一。 Rank shift = nominal "
                    + "rank − rank without the element (positive = the city climbs); its siblings' weights are "
                    + "renormalised, everything else stays nominal.", st.text);
            g.freeze(3);
            g.widths(8, MATRIX_NAME_MAX);
        }

        /** Units in nominal rank order (unranked last, ties by code), as indices into the report's units. */
        private List<Integer> nominalOrder() {
            List<Integer> order = new ArrayList<>();
            for (var row : ReportLookup.nonNull(r.ranking())) {
                order.add(lookup.unitIndex(row.unit()));
            }
            if (order.size() < r.units().size()) {
                for (int u = 0; u < r.units().size(); u++) {
                    if (!order.contains(u)) {
                        order.add(u);
                    }
                }
            }
            return order;
        }

        /** Red for cities that fall, white for none, green for cities that climb, on a fixed symmetric scale. */
        private void shiftScale(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol, int max) {
            var cf = sheet.getSheetConditionalFormatting();
            cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, firstCol,
                    lastCol)}, colourScale(cf, new double[] {-max, 0, max}, "F8696B", "FFFFFF", "63BE7B"));
        }

        /** Margins of the dimension weights between neighbours, the smallest (most fragile) marked red. */
        private void reversals(List<RobustnessSection.Reversal> all) {
            var g = new Grid(sheet(REVERSALS));
            String norm = all.get(0).norm();
            g.title("排名反转边际 Rank-reversal margins" + syntheticNote());
            var nodes = new LinkedHashSet<String>();
            all.forEach(x -> nodes.add(x.node()));
            boolean firstTable = true;
            for (String node : nodes) {
                var list = all.stream().filter(x -> x.node().equals(node)).toList();
                String[] children = list.get(0).children();
                double[] nominal = list.get(0).nominal();
                if (!firstTable) {
                    g.row();
                }
                g.cell(g.row(), 0, "相邻两城市交换名次所需的" + lookup.label(node) + "下权重的最小调整（名义权重 "
                        + weightsText(children, nominal) + "） The smallest change of the weights within "
                        + lookup.label(node) + " that lets each city catch the one ahead", st.bold);
                Row groups = g.row();
                groups.setHeightInPoints(32);
                List<String> heads = new ArrayList<>(List.of("排名 Rank", "领先城市 City ahead", "排名 Rank",
                        "落后城市 City behind", "得分差 Score gap", "边际 Margin (" + norm + " distance)",
                        "转移权重 Weight moved", "状态 Status", "精确解 Exact"));
                int firstChild = heads.size();
                for (int c = 0; c < heads.size(); c++) {
                    g.blank(groups, c, st.group);
                }
                g.text(groups, firstChild, "反转时的权重变化 Weight change at the tie (tie − nominal)", st.group);
                for (int c = 0; c < children.length; c++) {
                    heads.add(lookup.label(children[c]));
                    if (c > 0) {
                        g.blank(groups, firstChild + c, st.group);
                    }
                }
                g.span(groups.getRowNum(), firstChild, firstChild + children.length - 1);
                int zh = heads.size();
                heads.add("说明 Explanation (中文)");
                heads.add("Explanation (English)");
                g.blank(groups, zh, st.group);
                g.blank(groups, zh + 1, st.group);
                g.header(heads);
                int first = g.next;
                for (var x : list) {
                    Row row = g.row();
                    g.rank(row, 0, x.aheadRank());
                    g.text(row, 1, lookup.label(x.ahead()), st.text);
                    g.rank(row, 2, x.behindRank());
                    g.text(row, 3, lookup.label(x.behind()), st.text);
                    g.number(row, 4, x.scoreGap(), st.stat);
                    g.number(row, 5, x.margin(), st.weight);
                    g.number(row, 6, x.weightMoved(), st.weight);
                    g.text(row, 7, ReportLabels.reversalStatus(x.status()), st.text);
                    g.text(row, 8, ReportLabels.yesNo(x.exact()), st.centred);
                    for (int c = 0; c < children.length; c++) {
                        if (x.change() != null) {
                            g.number(row, firstChild + c, x.change()[c], st.weightChange);
                        }
                    }
                    g.wrapped(row, zh, x.sentence() == null ? null : x.sentence().zh(), 50);
                    g.wrapped(row, zh + 1, x.sentence() == null ? null : x.sentence().en(), 60);
                }
                int last = g.next - 1;
                if (last >= first) {
                    // small margins (fragile pairs) red, large ones green
                    scale(g.sheet, first, last, 5);
                }
                if (firstTable) {
                    g.filter(heads.size());
                    g.freeze(2);
                    g.setWidth(zh, 46);
                    g.setWidth(zh + 1, 56);
                }
                firstTable = false;
            }
            g.row();
            g.cell(g.row(), 0, "边际越小，两城市的先后越容易被权重的合理变动改变；L1 距离是转移权重的两倍。 The smaller the margin, "
                    + "the more easily a defensible change of the weights swaps the two cities; the L1 distance is twice "
                    + "the weight moved. Margins use full-precision scores.", st.text);
            g.widths(8, 24);
            fitWidth(g.sheet);    // a sheet to read: one page wide
        }

        private static void fitWidth(Sheet sheet) {
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
        }

        private String weightsText(String[] children, double[] weights) {
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < children.length; c++) {
                parts.add(children[c] + " " + String.format(java.util.Locale.ROOT, "%.4f", weights[c]));
            }
            return String.join(", ", parts);
        }

        /** Every city's score and rank under each scenario, side by side, and how alike the rankings are. */
        private void scenarios(RobustnessSection.Scenarios c, RobustnessSection.Settings settings) {
            var g = new Grid(sheet(SCENARIOS));
            var runs = ReportLookup.nonNull(c.scenarios());
            g.title("情景比较 Scenarios side by side: 各情景下的得分与排名 score and rank of every city under each "
                    + "scenario (rank shift = nominal rank − rank; positive = climbs)" + syntheticNote());
            Row groups = g.row();
            groups.setHeightInPoints(46);
            g.blank(groups, 0, st.group);
            g.blank(groups, 1, st.group);
            List<String> heads = new ArrayList<>(List.of("城市 City", "代码 Code"));
            int[] col = new int[runs.size()];
            for (int s = 0; s < runs.size(); s++) {
                var run = runs.get(s);
                col[s] = heads.size();
                boolean nominal = s == 0;
                g.text(groups, col[s], ReportLookup.both(run.name(), run.id()), st.group);
                heads.add("得分 Score");
                heads.add("排名 Rank");
                if (!nominal) {
                    heads.add("排名变化 Rank shift");
                }
                for (int k = col[s] + 1; k < heads.size(); k++) {
                    g.blank(groups, k, st.group);
                }
                g.span(groups.getRowNum(), col[s], heads.size() - 1);
            }
            g.header(heads);
            int first = g.next;
            int maxShift = 1;
            for (var run : runs) {
                maxShift = Math.max(maxShift, run.maxAbsShift());
            }
            for (int u : nominalOrder()) {
                var unit = r.units().get(u);
                Row x = g.row();
                g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 1, unit.code(), st.text);
                for (int s = 0; s < runs.size(); s++) {
                    var run = runs.get(s);
                    g.number(x, col[s], run.scores()[u], st.score);
                    g.rank(x, col[s] + 1, run.ranks()[u]);
                    if (s > 0 && run.ranks()[u] > 0 && runs.get(0).ranks()[u] > 0) {
                        g.integer(x, col[s] + 2, run.rankShift()[u], st.shift);
                    }
                }
            }
            int last = g.next - 1;
            Row mean = g.row();
            g.text(mean, 0, "平均排名变动 Mean |rank shift|", st.bold);
            Row max = g.row();
            g.text(max, 0, "最大排名变动 Largest |rank shift|", st.bold);
            for (int s = 1; s < runs.size(); s++) {
                g.number(mean, col[s] + 2, runs.get(s).meanAbsShift(), st.style("0.00", null));
                g.integer(max, col[s] + 2, runs.get(s).maxAbsShift(), st.integer);
            }
            if (last >= first) {
                for (int s = 0; s < runs.size(); s++) {
                    scale(g.sheet, first, last, col[s]);
                    if (s > 0) {
                        shiftScale(g.sheet, first, last, col[s] + 2, col[s] + 2, maxShift);
                    }
                }
            }
            g.filter(heads.size());
            g.freeze(1);

            g.row();
            g.cell(g.row(), 0, "情景 Scenarios", st.bold);
            g.header(List.of("代码 Id", "名称 Name", "来源 Source"));
            for (var run : runs) {
                Row x = g.row();
                g.text(x, 0, run.id(), st.text);
                g.text(x, 1, ReportLookup.both(run.name(), run.id()), st.text);
                g.text(x, 2, run.source(), st.text);
            }
            String[] ids = runs.stream().map(RobustnessSection.ScenarioRun::id).toArray(String[]::new);
            correlationMatrix(g, "Spearman 秩相关系数 Spearman's ρ between the rankings", "情景 Scenario", ids,
                    c.spearman());
            correlationMatrix(g, "Kendall 秩相关系数 Kendall's τ-b between the rankings", "情景 Scenario", ids,
                    c.kendall());
            notes(g, "说明 Notes", c.notes());
            g.widths(8, 30);
        }

        private static String count(long n) {
            return String.format(java.util.Locale.ROOT, "%,d", n);
        }

        // ---- Methodology, Sources, Warnings ------------------------------------------------------------------------

        private void methodology() {
            var g = new Grid(sheet(METHODOLOGY));
            g.title("方法说明 Methodology");
            g.header(List.of("元素 Element", "名称 Name", "层级 Level", "方法 Method"));
            for (var m : ReportLookup.nonNull(r.methodology())) {
                Row x = g.row();
                g.text(x, 0, m.element(), st.text);
                g.text(x, 1, "robustness".equals(m.level()) ? ReportLabels.robustnessPart(m.element())
                        : lookup.label(m.element()), st.text);
                g.text(x, 2, ReportLabels.levelWord(m.level()), st.text);
                g.wrapped(x, 3, m.text(), 90);
            }
            g.freeze(1);
            g.setWidth(3, 90);
            g.widths(8, 36);
        }

        private void sources() {
            var g = new Grid(sheet(SOURCES));
            g.title("数据来源与参数 Sources and parameters" + syntheticNote());
            g.header(List.of("项目 Item", "值 Value"));
            item(g, "数据性质 Data", meta.synthetic() ? "合成数据，非官方结果 Synthetic data, not official results"
                    : "评估数据 Evaluation data");
            item(g, "评估年度 Year", meta.year());
            item(g, "对比年度 Previous year", meta.previousYear());
            item(g, "指标体系 Framework", frameworkTitle());
            item(g, "指标体系代码 Framework id", meta.frameworkId());
            item(g, "指标体系版本 Framework version", meta.frameworkVersion());
            item(g, "指标体系文件 Framework file", meta.frameworkFile());
            item(g, "指标体系文件 SHA-256 Framework file SHA-256", meta.frameworkSha256());
            item(g, "引擎版本 Engine version", meta.engineVersion());
            item(g, "报告格式版本 Report format version", Report.SCHEMA_VERSION);
            item(g, "生成时间 Generated at", meta.generatedAt());
            item(g, "得分小数位 Decimals", meta.decimals());
            item(g, "按公布得分排名 Ranks compare published scores", ReportLabels.yesNo(meta.compareRounded()));
            item(g, "梯队划分 Tier method", meta.tierMethod());
            var tiers = new ArrayList<String>();
            for (Names n : ReportLookup.nonNull(meta.tierNames())) {
                tiers.add(ReportLookup.both(n, ""));
            }
            item(g, "梯队名称 Tier names", String.join("; ", tiers));
            for (var e : ReportLookup.sorted(meta.parameters()).entrySet()) {
                item(g, "参数 Parameter: " + e.getKey(), e.getValue());
            }
            g.row();
            g.cell(g.row(), 0, "输入文件 Input files", st.bold);
            // path and hash under the item and value columns, which are wide already
            g.header(List.of("路径 Path", "SHA-256", "来源 Source", "渠道 Channel", "字节 Bytes"));
            for (var s : ReportLookup.nonNull(meta.sources())) {
                Row x = g.row();
                g.text(x, 0, s.path(), st.text);
                g.text(x, 1, s.sha256(), st.text);
                g.text(x, 2, s.source(), st.text);
                g.text(x, 3, ReportLabels.channel(s.channel()), st.text);
                g.number(x, 4, s.bytes(), st.bytes);
            }
            g.freeze(1);
            g.widths(8, 70);
        }

        private void item(Grid g, String label, Object value) {
            Row x = g.row();
            g.text(x, 0, label, st.text);
            if (value instanceof Integer i) {
                g.integer(x, 1, i, st.integerLeft);
            } else {
                g.text(x, 1, value == null ? null : value.toString(), st.text);
            }
        }

        private void warnings() {
            var g = new Grid(sheet(WARNINGS));
            g.title("提示 Warnings");
            g.header(List.of("序号 No.", "内容 Warning"));
            var ws = ReportLookup.nonNull(r.warnings());
            if (ws.isEmpty()) {
                g.text(g.row(), 1, "无 None", st.text);
            }
            for (int i = 0; i < ws.size(); i++) {
                Row x = g.row();
                g.integer(x, 0, i + 1, st.integer);
                g.wrapped(x, 1, ws.get(i), 110);
            }
            g.freeze(0);
            g.setWidth(1, 110);
            g.widths(8, 20);
        }

        // ---- Chart ------------------------------------------------------------------------------------------------

        /** A horizontal bar chart of the index scores, best at the top, drawn from the Ranking sheet's cells. */
        private void chart() {
            var rows = ReportLookup.nonNull(r.ranking());
            int n = 0;
            while (n < rows.size() && n < CHART_MAX && Double.isFinite(rows.get(n).score())) {
                n++;
            }
            if (n == 0) {
                return;
            }
            var g = new Grid(sheet(CHART));
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
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 0, 2, 14, 3 + Math.max(16, n));
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
            chart.plot(data);
            wb.setSheetOrder(g.sheet.getSheetName(), 1);
        }

        private static String range(int firstRow, int lastRow, int col) {
            String c = CellReference.convertNumToColString(col);
            return "$" + c + "$" + (firstRow + 1) + ":$" + c + "$" + (lastRow + 1);
        }

        // ---- Helpers ----------------------------------------------------------------------------------------------

        private Sheet sheet(String name) {
            String safe = WorkbookUtil.createSafeSheetName(name);
            String unique = safe;
            for (int k = 2; !sheetNames.add(unique.toLowerCase(java.util.Locale.ROOT)); k++) {
                String suffix = " (" + k + ")";
                unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
            }
            Sheet s = wb.createSheet(unique);
            if (meta.synthetic()) {
                s.getHeader().setCenter("合成数据，非官方结果 Synthetic data, not official results");
            }
            s.getFooter().setLeft(unique);
            s.getFooter().setRight("&P / &N");
            return s;
        }

        private void scale(Sheet sheet, int firstRow, int lastRow, int col) {
            SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
            var rule = colourScale(cf, null, "F8696B", "FFEB84", "63BE7B");
            cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, col, col)},
                    rule);
        }

        /** Red–yellow–green from min over median to max, or over fixed numbers when {@code at} is given. */
        private static ConditionalFormattingRule colourScale(SheetConditionalFormatting cf, double[] at, String low,
                                                             String mid, String high) {
            ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
            ColorScaleFormatting cs = rule.getColorScaleFormatting();
            cs.setNumControlPoints(3);
            ConditionalFormattingThreshold[] th = cs.getThresholds();
            if (at == null) {
                th[0].setRangeType(ConditionalFormattingThreshold.RangeType.MIN);
                th[1].setRangeType(ConditionalFormattingThreshold.RangeType.PERCENTILE);
                th[1].setValue(50d);
                th[2].setRangeType(ConditionalFormattingThreshold.RangeType.MAX);
            } else {
                for (int i = 0; i < 3; i++) {
                    th[i].setRangeType(ConditionalFormattingThreshold.RangeType.NUMBER);
                    th[i].setValue(at[i]);
                }
            }
            cs.setThresholds(th);
            cs.setColors(new Color[] {ExcelStyles.color(low), ExcelStyles.color(mid), ExcelStyles.color(high)});
            return rule;
        }

        /** Two colours from the column's minimum to its maximum. */
        private static ConditionalFormattingRule twoColourScale(SheetConditionalFormatting cf, String low,
                                                                String high) {
            ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
            ColorScaleFormatting cs = rule.getColorScaleFormatting();
            cs.setNumControlPoints(2);
            ConditionalFormattingThreshold[] th = cs.getThresholds();
            th[0].setRangeType(ConditionalFormattingThreshold.RangeType.MIN);
            th[1].setRangeType(ConditionalFormattingThreshold.RangeType.MAX);
            cs.setThresholds(th);
            cs.setColors(new Color[] {ExcelStyles.color(low), ExcelStyles.color(high)});
            return rule;
        }

        /** Cells of one sheet, written strictly downwards, with column widths estimated from the text. */
        private final class Grid {
            final Sheet sheet;
            int next;
            private int[] width = new int[32];
            private int[] floor = new int[32];

            Grid(Sheet sheet) {
                this.sheet = sheet;
            }

            Row row() {
                return sheet.createRow(next++);
            }

            Row title(String text) {
                Row t = row();
                cell(t, 0, text, st.title);
                t.setHeightInPoints(22);
                return t;
            }

            /** A header row; the column headers of a table, room for two lines each. */
            void header(List<String> heads) {
                Row h = row();
                for (int c = 0; c < heads.size(); c++) {
                    text(h, c, heads.get(c), st.header);
                }
                h.setHeightInPoints(32);
            }

            void span(int row, int firstCol, int lastCol) {
                if (lastCol > firstCol) {
                    sheet.addMergedRegion(new CellRangeAddress(row, row, firstCol, lastCol));
                }
            }

            /** Autofilter over the last header row and the rows below it. */
            void filter(int columns) {
                if (columns > 0) {
                    int headerRow = headerRow();
                    sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0,
                            columns - 1));
                }
            }

            private int lastHeader = -1;
            private boolean sealed;

            private int headerRow() {
                return lastHeader;
            }

            private int frozenColumns;

            /** Freezes everything above the data and {@code columns} columns (the name column). */
            void freeze(int columns) {
                frozenColumns = columns;
                sheet.createFreezePane(columns, lastHeader + 1);
            }

            void print() {
                print(0);
            }

            /**
             * A4 landscape with the header rows repeated on every page; one page wide when the columns add up to at
             * most {@link #PRINT_FIT} characters, else across pages with the frozen (name) columns repeated.
             */
            void print(int totalWidth) {
                PrintSetup ps = sheet.getPrintSetup();
                ps.setLandscape(true);
                ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
                // The Ranking sheet is what a city prints and forwards: always one page wide, however many columns.
                if (totalWidth <= PRINT_FIT || sheet.getSheetName().equals(RANKING)) {
                    sheet.setFitToPage(true);
                    ps.setFitWidth((short) 1);
                    ps.setFitHeight((short) 0);
                } else if (frozenColumns > 0) {
                    sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, frozenColumns - 1));
                }
                if (lastHeader >= 0) {
                    sheet.setRepeatingRows(CellRangeAddress.valueOf("1:" + (lastHeader + 1)));
                }
            }

            /**
             * Notes where the table's headers end: header-styled cells move it down until the first data cell below
             * a header, after which later tables on the sheet (Sources, Coherence) leave it alone.
             */
            private void track(Row row, CellStyle style) {
                boolean head = style == st.header || style == st.headerSmall || style == st.group;
                if (head && !sealed) {
                    lastHeader = Math.max(lastHeader, row.getRowNum());
                } else if (!head && lastHeader >= 0 && row.getRowNum() > lastHeader) {
                    sealed = true;
                }
            }

            /** Text as a string cell (never a formula); null or empty leaves the cell empty. */
            void text(Row row, int col, String s, CellStyle style) {
                if (s == null || s.isEmpty()) {
                    if (style.getFillPattern() != FillPatternType.NO_FILL) {
                        blank(row, col, style);
                    }
                    return;
                }
                cell(row, col, s, style);
                if (style == st.header) {
                    fit(col, ReportLabels.twoLineWidth(s) + 2); // headers wrap
                } else if (style != st.group) { // group labels span several columns
                    fit(col, s);
                }
            }

            /**
             * Text that wraps within a column {@code width} characters wide: the row is made tall enough for it, since
             * neither Excel nor LibreOffice re-measures rows when opening a file.
             */
            void wrapped(Row row, int col, String s, int width) {
                if (s == null || s.isEmpty()) {
                    return;
                }
                cell(row, col, s, st.wrap);
                fit(col, Math.min(width, ReportLabels.displayWidth(s) + 2));
                int lines = ReportLabels.lines(s, width - 1);
                if (lines > 1) {
                    row.setHeightInPoints(Math.max(row.getHeightInPoints(), Math.min(409, lines * 14.5f + 2)));
                }
            }

            /** A string cell without width tracking (long wrapped header text). */
            void cell(Row row, int col, String s, CellStyle style) {
                track(row, style);
                if (s.length() > MAX_TEXT) {
                    s = s.substring(0, MAX_TEXT - 1) + "…";
                }
                Cell c = row.createCell(col);
                c.setCellValue(s);
                c.setCellStyle(ReportLabels.looksLikeFormula(s) ? st.quoted(style) : style);
            }

            void blank(Row row, int col, CellStyle style) {
                track(row, style);
                row.createCell(col).setCellStyle(style);
            }

            /** A numeric cell; NaN and infinities leave it empty (but keep a fill, so a marked gap shows). */
            void number(Row row, int col, double v, CellStyle style) {
                if (!Double.isFinite(v)) {
                    if (style.getFillPattern() != FillPatternType.NO_FILL) {
                        blank(row, col, style);
                    }
                    return;
                }
                track(row, style);
                Cell c = row.createCell(col);
                c.setCellValue(v);
                c.setCellStyle(style);
                fit(col, 10);
            }

            void integer(Row row, int col, Integer v, CellStyle style) {
                if (v == null) {
                    return;
                }
                track(row, style);
                Cell c = row.createCell(col);
                c.setCellValue(v.intValue());
                c.setCellStyle(style);
                fit(col, Integer.toString(v).length() + 2);
            }

            /** A rank: an integer cell, centred, empty for 0 (unranked). */
            void rank(Row row, int col, int rank) {
                if (rank > 0) {
                    integer(row, col, rank, st.rank);
                }
            }

            private void grow(int col) {
                if (col >= width.length) {
                    int n = Math.max(col + 1, width.length * 2);
                    width = Arrays.copyOf(width, n);
                    floor = Arrays.copyOf(floor, n);
                }
            }

            void fit(int col, String s) {
                int w = 0;
                for (String line : s.split("\n", -1)) {
                    w = Math.max(w, ReportLabels.displayWidth(line));
                }
                fit(col, w + 2);
            }

            void fit(int col, int chars) {
                grow(col);
                width[col] = Math.max(width[col], chars);
            }

            void minWidth(int col, int chars) {
                grow(col);
                floor[col] = Math.max(floor[col], chars);
            }

            /** Sets a fixed width; later {@link #widths} calls leave it alone. */
            void setWidth(int col, int chars) {
                grow(col);
                floor[col] = -chars;
                sheet.setColumnWidth(col, chars * 256);
            }

            /** Sets every column's width from its text, within [min, max], and then the print layout. */
            void widths(int min, int max) {
                int total = 0;
                for (int c = 0; c < width.length; c++) {
                    if (floor[c] < 0) {
                        total -= floor[c];
                        continue;
                    }
                    if (width[c] == 0 && floor[c] == 0) {
                        continue;
                    }
                    int w = Math.min(255, Math.max(floor[c], Math.min(max, Math.max(min, width[c]))));
                    sheet.setColumnWidth(c, w * 256);
                    total += w;
                }
                print(total);
            }
        }
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
