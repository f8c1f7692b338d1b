package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.ONE_AT_A_TIME;
import static org.bizenv.report.excel.ExcelReportWriter.REVERSALS;
import static org.bizenv.report.excel.ExcelReportWriter.SCENARIOS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;

/**
 * How robust the ranking is, a sheet per analysis the report holds: Sensitivity (see {@link SensitivitySheet}),
 * One at a time (ranks with each element left out), Rank reversals (the smallest weight changes that swap
 * neighbours) and Scenarios (every city under each scenario, side by side).
 */
final class RobustnessSheets extends SheetWriter {
    RobustnessSheets(ReportBook book) {
        super(book);
    }

    /** The sheets of {@code r.robustness()}, which is not null. */
    void write() {
        var rb = r.robustness();
        if (rb.uncertainty() != null || rb.sensitivity() != null) {
            new SensitivitySheet(book).sensitivity(rb);
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

    /** Ranks with each indicator and dimension left out: cities × removals, shift in each cell. */
    private void oneAtATime(RobustnessSection.OneAtATimeTable o) {
        var g = grid(ONE_AT_A_TIME);
        var removals = ReportLookup.nonNull(o.removals());
        g.title("逐一剔除 One at a time: 剔除一项指标或维度后的排名变化 Rank shift with one element left out"
                + syntheticNote());
        SheetRow groups = g.row();
        groups.setHeightInPoints(32);
        for (int c = 0; c < 3; c++) {
            g.blank(groups, c, st.group);
        }
        List<String> heads = new ArrayList<>(List.of("本报告排名 Rank in this report", "城市 City", "代码 Code"));
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
        SheetRow names = g.row();
        g.blank(names, 0, st.headerSmall);
        g.blank(names, 1, st.headerSmall);
        g.blank(names, 2, st.headerSmall);
        for (int k = 0; k < removals.size(); k++) {
            g.cell(names, 3 + k, lookup.label(removals.get(k).element()), st.headerSmall);
            g.minWidth(3 + k, StageSheets.MATRIX_MIN);
        }
        names.setHeightInPoints(64);
        int first = g.next;
        int maxShift = 1;
        for (int u : nominalOrder()) {
            SheetRow x = g.row();
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
        shiftSummary(g, 1, removals, 0, k -> 3 + k, RobustnessSection.RemovalRow::meanAbsShift,
                RobustnessSection.RemovalRow::maxAbsShift);
        if (last >= first && !removals.isEmpty()) {
            ColourScales.shiftScale(g, first, last, 3, 2 + removals.size(), maxShift);
        }
        g.row();
        g.cell(g.row(), 1, "排名变化 = 名义排名 − 剔除后的排名，正数表示上升；其余权重按比例重新归一。 Rank shift = nominal "
                + "rank − rank without the element (positive = the city climbs); its siblings' weights are "
                + "renormalised, everything else stays nominal.", st.text);
        g.freeze(3);
        g.widths(8, StageSheets.MATRIX_NAME_MAX);
    }

    /**
     * Two rows under a table of rank shifts, labelled in column {@code labelCol}: the mean and the largest |shift| of
     * each of {@code columns} from index {@code from} on, in the sheet column {@code col} gives for that index.
     */
    private <T> void shiftSummary(SheetGrid g, int labelCol, List<T> columns, int from, IntUnaryOperator col,
                                  ToDoubleFunction<T> mean, ToIntFunction<T> max) {
        SheetRow meanRow = g.row();
        g.text(meanRow, labelCol, "平均排名变动 Mean |rank shift|", st.bold);
        SheetRow maxRow = g.row();
        g.text(maxRow, labelCol, "最大排名变动 Largest |rank shift|", st.bold);
        for (int k = from; k < columns.size(); k++) {
            g.number(meanRow, col.applyAsInt(k), mean.applyAsDouble(columns.get(k)), st.style("0.00", null));
            g.integer(maxRow, col.applyAsInt(k), max.applyAsInt(columns.get(k)), st.integer);
        }
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

    /** Margins of the dimension weights between neighbours, the smallest (most fragile) marked red. */
    private void reversals(List<RobustnessSection.Reversal> all) {
        var g = grid(REVERSALS);
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
            SheetRow groups = g.row();
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
                SheetRow row = g.row();
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
                ColourScales.scale(g, first, last, 5);
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
        g.fitWidth();    // a sheet to read: one page wide
    }

    private String weightsText(String[] children, double[] weights) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < children.length; c++) {
            parts.add(children[c] + " " + String.format(java.util.Locale.ROOT, "%.4f", weights[c]));
        }
        return String.join(", ", parts);
    }

    /** Every city's score and rank under each scenario, side by side, and how alike the rankings are. */
    private void scenarios(RobustnessSection.ScenarioTable c, RobustnessSection.Settings settings) {
        var g = grid(SCENARIOS);
        var runs = ReportLookup.nonNull(c.scenarios());
        g.title("情景比较 Scenarios side by side: 各情景下的得分与排名 score and rank of every city under each "
                + "scenario (rank shift = nominal rank − rank; positive = climbs)" + syntheticNote());
        SheetRow groups = g.row();
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
            SheetRow x = g.row();
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
        shiftSummary(g, 0, runs, 1, s -> col[s] + 2, RobustnessSection.ScenarioRun::meanAbsShift,
                RobustnessSection.ScenarioRun::maxAbsShift);
        if (last >= first) {
            for (int s = 0; s < runs.size(); s++) {
                ColourScales.scale(g, first, last, col[s]);
                if (s > 0) {
                    ColourScales.shiftScale(g, first, last, col[s] + 2, col[s] + 2, maxShift);
                }
            }
        }
        g.filter(heads.size());
        g.freeze(1);

        g.row();
        g.cell(g.row(), 0, "情景 Scenarios", st.bold);
        g.header(List.of("代码 Id", "名称 Name", "来源 Source"));
        for (var run : runs) {
            SheetRow x = g.row();
            g.text(x, 0, run.id(), st.text);
            g.text(x, 1, ReportLookup.both(run.name(), run.id()), st.text);
            g.text(x, 2, run.source(), st.text);
        }
        String[] ids = runs.stream().map(RobustnessSection.ScenarioRun::id).toArray(String[]::new);
        DiagnosticSheets.correlationMatrix(g, "Spearman 秩相关系数 Spearman's ρ between the rankings", "情景 Scenario", ids,
                c.spearman());
        DiagnosticSheets.correlationMatrix(g, "Kendall 秩相关系数 Kendall's τ-b between the rankings", "情景 Scenario", ids,
                c.kendall());
        g.notes("说明 Notes", c.notes());
        g.widths(8, 30);
    }
}
