package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.SENSITIVITY;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.bizenv.framework.Names;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;

/**
 * The Sensitivity sheet: a chart of every city's 90% rank interval and nominal rank on top, the rank distribution
 * table below it (the chart's data) with, beside the weights' interval, the survey bootstrap's intervals (another
 * sample of firms; and another sample with the weights varying too), then the Sobol indices and the notes.
 */
final class SensitivitySheet extends SheetWriter {
    private final Charts charts;

    SensitivitySheet(ReportBook book) {
        super(book);
        this.charts = new Charts(book);
    }

    void sensitivity(RobustnessSection rb) {
        var g = grid(SENSITIVITY);
        var u = rb.uncertainty();
        var s = rb.settings();
        g.title("排名有多稳：权重变动下的排名区间 How firm is the ranking: rank range when weights vary "
                + "(蒙特卡洛不确定性与 Sobol 敏感性分析 Monte Carlo uncertainty and Sobol sensitivity analysis)"
                + syntheticNote());
        if (u != null) {
            g.cell(g.row(), 0, "蒙特卡洛 " + count(u.runs()) + " 次运行，权重扰动 "
                    + (s == null ? "" : s.perturbation()) + "，随机种子 " + u.seed() + "；区间为第5至第95百分位排名"
                    + "（90%区间）。 Monte Carlo, " + count(u.runs()) + " runs, weights perturbed by "
                    + u.weightScheme() + ", seed " + u.seed() + "; the interval spans the 5th to 95th percentile "
                    + "rank (a 90% interval; percentiles R type 7).", st.text);
            if (rb.sampling() != null) {
                g.cell(g.row(), 0, samplingTitle(rb.sampling()), st.text);
            }
            int chartTop = g.next;
            for (int i = 0; i < Charts.INTERVAL_CHART_ROWS; i++) {
                g.row();
            }
            uncertaintyTable(g, u, rb.sampling(), chartTop);
        } else if (rb.sampling() != null) {
            samplingOnly(g, rb.sampling());
        }
        if (rb.sensitivity() != null) {
            sobolTable(g, rb.sensitivity());
        }
        if (rb.pipeline() != null) {
            pipeline(g, rb.pipeline());
        }
        g.notes("说明 Notes", rb.notes());
        // the chart sits above the table: repeat no rows when printing, and fit the width to a page
        g.repeatNothing(false);
        g.widths(8, 30);
        g.fitWidth();
    }

    private static final List<String> SAMPLING_HEADS = List.of(
            "换一批企业抽样：区间最好端（第5百分位） Another sample of firms: best end (5th percentile)",
            "换一批企业抽样：区间最差端（第95百分位） Another sample of firms: worst end (95th percentile)",
            "抽样与权重变动：区间最好端 Sampling and weights: best end (5th)",
            "抽样与权重变动：区间最差端 Sampling and weights: worst end (95th)",
            "一句话 In one sentence");

    /** The survey bootstrap's columns of a unit, from column {@code c}; blank where the unit has no row. */
    private void samplingCells(SheetGrid g, SheetRow x, int c, RobustnessSection.SamplingRow s, CellStyle rankStat) {
        if (s == null) {
            return;
        }
        g.number(x, c, s.rankP05(), rankStat);
        g.number(x, c + 1, s.rankP95(), rankStat);
        g.number(x, c + 2, s.combinedP05(), rankStat);
        g.number(x, c + 3, s.combinedP95(), rankStat);
        if (s.sentence() != null) {
            g.text(x, c + 4, s.sentence().zh() + "。 " + s.sentence().en() + ".", st.text);
        }
    }

    private static java.util.Map<String, RobustnessSection.SamplingRow> byUnit(RobustnessSection.SamplingTable b) {
        java.util.Map<String, RobustnessSection.SamplingRow> m = new java.util.HashMap<>();
        if (b != null) {
            for (var row : ReportLookup.nonNull(b.units())) {
                m.put(row.unit(), row);
            }
        }
        return m;
    }

    private String samplingTitle(RobustnessSection.SamplingTable b) {
        return "问卷抽样自助法 " + count(b.replicates()) + " 次（" + count(b.respondents()) + " 家企业，随机种子 " + b.seed()
                + "）：在每个城市的每个规模组内重抽答卷企业，重新计算问卷指标和排名。 Survey bootstrap, "
                + count(b.replicates()) + " replicates (" + count(b.respondents()) + " respondents, seed " + b.seed()
                + "): the respondents are redrawn within every city and size class and the year is scored again.";
    }

    /** The survey bootstrap's table when the uncertainty analysis did not run. */
    private void samplingOnly(SheetGrid g, RobustnessSection.SamplingTable b) {
        g.cell(g.row(), 0, samplingTitle(b), st.text);
        List<String> heads = new ArrayList<>(List.of("本报告排名 Rank in this report", "城市 City", "代码 Code"));
        heads.addAll(SAMPLING_HEADS);
        g.header(heads);
        CellStyle rankStat = st.style("0.00", null);
        for (var row : ReportLookup.nonNull(b.units())) {
            SheetRow x = g.row();
            g.rank(x, 0, row.nominalRank());
            g.text(x, 1, lookup.label(row.unit()), st.text);
            g.text(x, 2, row.unit(), st.text);
            samplingCells(g, x, 3, row, rankStat);
        }
        g.filter(heads.size());
    }

    private void uncertaintyTable(SheetGrid g, RobustnessSection.UncertaintyTable u,
                                  RobustnessSection.SamplingTable sampling, int chartTop) {
        var tiers = ReportLookup.nonNull(meta.tierNames());
        int tierCount = 0;
        for (var row : ReportLookup.nonNull(u.units())) {
            tierCount = Math.max(tierCount, row.tierProbability() == null ? 0 : row.tierProbability().length);
        }
        // plain words first, the statistician's term in brackets
        List<String> heads = new ArrayList<>(List.of("本报告排名 Rank in this report", "城市 City", "代码 Code",
                "得分 Score", "平均排名 Mean rank", "中位排名 Median rank",
                "区间最好端（第5百分位） Best end of range (5th percentile)",
                "区间最差端（第95百分位） Worst end of range (95th percentile)", "区间宽度 Range width",
                "最好 Best rank", "最差 Worst rank", "平均排名变动 Mean |rank shift|", "前" + u.topK() + "名概率 P(top " + u.topK() + ")"));
        for (int t = 0; t < tierCount; t++) {
            Names n = t < tiers.size() ? tiers.get(t) : null;
            heads.add((n == null ? "梯队" + (t + 1) : n.zh()) + "概率 P(" + (n == null ? "Tier " + (t + 1)
                    : n.en()) + ")");
        }
        int samplingStart = heads.size();
        if (sampling != null) {
            heads.addAll(SAMPLING_HEADS);
        }
        var samplingRows = byUnit(sampling);
        int barStart = heads.size();
        heads.add("图表：条形起点 Chart: bar from (5th − 0.5)");
        heads.add("图表：条形长度 Chart: bar length (width + 1)");
        g.header(heads);
        CellStyle rankStat = st.style("0.00", null);
        int first = g.next;
        for (var row : ReportLookup.nonNull(u.units())) {
            SheetRow x = g.row();
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
            samplingCells(g, x, samplingStart, samplingRows.get(row.unit()), rankStat);
            g.number(x, barStart, row.rankP05() - 0.5, st.chartHelper);
            g.number(x, barStart + 1, row.rankP95() - row.rankP05() + 1, st.chartHelper);
        }
        int last = g.next - 1;
        g.filter(heads.size());
        if (last >= first) {
            // wide intervals stand out: white for a fixed rank, red for the widest
            ColourScales.twoColourScale(g, new CellRangeAddress(first, last, 8, 8), "FFFFFF", "F8696B");
        }
        // the chart: the leading rows with a nominal rank and an interval (unranked units come last), 100 at most
        var rows = ReportLookup.nonNull(u.units());
        int charted = 0;
        while (charted < rows.size() && charted < Charts.CHART_MAX && rows.get(charted).nominalRank() > 0
                && Double.isFinite(rows.get(charted).rankP05()) && Double.isFinite(rows.get(charted).rankP95())) {
            charted++;
        }
        if (charted > 0) {
            charts.intervalChart(g, first, first + charted - 1, barStart, chartTop, heads.size());
        }
    }

    private void sobolTable(SheetGrid g, RobustnessSection.SensitivityTable v) {
        sobolTable(g, v, "哪些权重最影响排名（Sobol 敏感性指数） Which weights move the ranking most (Sobol "
                + "sensitivity indices)");
    }

    private void sobolTable(SheetGrid g, RobustnessSection.SensitivityTable v, String title) {
        g.row();
        g.cell(g.row(), 0, title + " — " + v.output() + ": N = "
                + count(v.baseSamples()) + " (" + count(v.runs()) + " runs), " + Math.round(v.confidence() * 100)
                + "% bootstrap intervals (" + count(v.bootstrap()) + " resamples)", st.bold);
        g.header(List.of("输入 Input", "名称 Name", "单独影响（一阶指数 S1） Effect alone (first order S1)",
                "S1 下限 low", "S1 上限 high", "总影响（总效应指数 ST） Total effect (total order ST)", "ST 下限 low",
                "ST 上限 high"));
        for (var x : ReportLookup.nonNull(v.inputs())) {
            SheetRow row = g.row();
            g.text(row, 0, x.label(), st.text);
            g.text(row, 1, x.element() != null ? lookup.label(x.element()) : ReportLookup.both(x.name(), ""),
                    st.text);
            g.numbers(row, 2, st.stat, x.first(), x.firstLow(), x.firstHigh(), x.total(), x.totalLow(), x.totalHigh());
        }
        SheetRow mean = g.row();
        g.text(mean, 0, "输出均值 Output mean", st.text);
        g.number(mean, 2, v.outputMean(), st.stat);
        SheetRow var = g.row();
        g.text(var, 0, "输出方差 Output variance", st.text);
        g.number(var, 2, v.outputVariance(), st.stat);
        g.notes(null, v.notes());
    }

    /**
     * The whole-pipeline analysis of an uncertainty file: the inputs (what varies, its alternatives, what a change
     * recomputes), every city's rank interval, then the Sobol indices of each output.
     */
    private void pipeline(SheetGrid g, RobustnessSection.PipelineTable p) {
        g.row();
        g.cell(g.row(), 0, "全流程不确定性：方法选择与权重一起变动 Whole-pipeline uncertainty: method choices and weights "
                + "varied together (" + p.file() + ", " + count(p.runs()) + " runs, seed " + p.seed() + ")", st.bold);
        g.header(List.of("输入 Input", "名称 Name", "变动的步骤 What varies", "对象 At", "备选 Alternatives",
                "每次重算 Recomputed"));
        for (var x : ReportLookup.nonNull(p.inputs())) {
            SheetRow row = g.row();
            g.text(row, 0, x.id(), st.text);
            g.text(row, 1, ReportLookup.both(x.name(), ""), st.text);
            g.text(row, 2, x.kind(), st.text);
            g.text(row, 3, x.targets().size() > 6 ? x.targets().size() + " 项 items" : String.join(", ", x.targets()),
                    st.text);
            g.text(row, 4, String.join(" | ", x.alternatives()), st.text);
            g.text(row, 5, ReportLookup.both(x.recomputes(), ""), st.text);
        }
        if (!p.units().isEmpty()) {
            g.row();
            g.header(List.of("城市 City", "名称 Name", "基准排名 Nominal rank", "中位排名 Median rank",
                    "区间最好端 Best end (5th)", "区间最差端 Worst end (95th)", "最好 Best", "最差 Worst",
                    "平均排名变动 Mean |shift|"));
            for (var row : p.units()) {
                SheetRow x = g.row();
                g.text(x, 0, row.unit(), st.text);
                g.text(x, 1, lookup.label(row.unit()), st.text);
                g.numbers(x, 2, st.stat, row.nominalRank(), row.medianRank(), row.rankP05(), row.rankP95(),
                        row.bestRank(), row.worstRank(), row.meanAbsShift());
            }
        }
        for (var v : ReportLookup.nonNull(p.sensitivity())) {
            sobolTable(g, v, "哪些选择最影响结果（Sobol 敏感性指数） Which choices move the result most (Sobol "
                    + "sensitivity indices)");
        }
        g.notes(null, p.notes());
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
