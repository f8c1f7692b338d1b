package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.IMPROVEMENT;
import static org.bizenv.report.excel.ExcelReportWriter.RANKING;
import static org.bizenv.report.excel.ExcelReportWriter.REGIONS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

import org.bizenv.report.ReportLookup;

/**
 * The sheets a city reads first: Ranking (the index, its tier, every dimension and the change on last year), Top 5
 * or Top N ({@code ranking.top}: the leading cities on each dimension), Improvement (who gained most on last year) and Regions (mean scores by
 * group).
 */
final class RankingSheets extends SheetWriter {
    /** Where the Ranking sheet put its data, for the chart. */
    private int rankingFirstRow;
    private int rankingScoreCol;

    RankingSheets(ReportBook book) {
        super(book);
    }

    void ranking() {
        var g = grid(RANKING);
        var dims = lookup.dimensions;
        var groups = lookup.groupKeys();
        boolean prev = lookup.hasPrevious();
        g.title(frameworkTitle() + " " + meta.year() + " 综合排名 Overall ranking" + syntheticNote());

        List<String> heads = new ArrayList<>(List.of("排名 Rank", "城市 City", "代码 Code"));
        for (String k : groups) {
            heads.add(ReportLabels.grouping(k));
        }
        // ranks within groups (ranking.groups): a rank-in-group column beside the index and each dimension's rank
        boolean byGroups = meta.byGroups();
        int per = byGroups ? 3 : 2;
        if (byGroups) {
            heads.add("组内排名 Rank in " + ReportLabels.grouping(meta.rankingGroups()));
        }
        int scoreCol = heads.size();
        heads.add("得分 Score");
        heads.add("梯队 Tier");
        if (byGroups) {
            heads.add("组内梯队 Tier in group");
        }
        int firstDim = heads.size();
        for (int d = 0; d < dims.size(); d++) {
            heads.add("得分 Score");
            heads.add("排名 Rank");
            if (byGroups) {
                heads.add("组内排名 Rank in group");
            }
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
        SheetRow top = g.row();
        top.setHeightInPoints(32);
        for (int c = 0; c < heads.size(); c++) {
            g.blank(top, c, st.group);
        }
        g.text(top, scoreCol, lookup.index == null ? "综合指数 Index" : lookup.label(lookup.index.code()),
                st.group);
        g.span(top.getRowNum(), scoreCol, firstDim - 1);
        for (int d = 0; d < dims.size(); d++) {
            g.text(top, firstDim + per * d, lookup.label(dims.get(d).code()), st.group);
            g.span(top.getRowNum(), firstDim + per * d, firstDim + per * d + per - 1);
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
            SheetRow x = g.row();
            int c = 0;
            g.rank(x, c++, row.rank());
            g.text(x, c++, ReportLookup.both(unit.name(), unit.code()), st.text);
            g.text(x, c++, unit.code(), st.text);
            for (String k : groups) {
                g.text(x, c++, ReportLabels.group(unit.groups() == null ? null : unit.groups().get(k)), st.text);
            }
            if (byGroups) {
                g.rank(x, c++, row.groupRank());
            }
            g.number(x, c++, row.score(), st.score);
            g.text(x, c++, tierText(row.tier(), tiers), st.centred);
            if (byGroups) {
                g.text(x, c++, tierText(row.groupTier(), tiers), st.centred);
            }
            for (int d = 0; d < dims.size(); d++) {
                g.number(x, c++, row.dimensionScores()[d], st.score);
                g.rank(x, c++, row.dimensionRanks()[d]);
                if (byGroups) {
                    g.rank(x, c++, row.dimensionGroupRanks()[d]);
                }
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
            ColourScales.scale(g, first, last, scoreCol);
            for (int d = 0; d < dims.size(); d++) {
                ColourScales.scale(g, first, last, firstDim + per * d);
            }
        }
        rankingFirstRow = first;
        rankingScoreCol = scoreCol;
        g.filter(heads.size());
        g.freeze(2);
        g.widths(8, 40);
    }

    /** A tier as its name (none for 0, unranked). */
    private static String tierText(int tier, List<org.bizenv.framework.Names> names) {
        return tier <= 0 ? null : tier <= names.size() ? ReportLookup.both(names.get(tier - 1), "") : "Tier " + tier;
    }

    void top() {
        int length = meta.top();
        var g = grid(ExcelReportWriter.top(length));
        var all = ReportLookup.nonNull(r.top());
        // a length the framework sets is said in the title too; the default title stays as reports always had it
        String lengthNote = length == org.bizenv.framework.RankingRules.DEFAULT_TOP ? ""
                : "：前" + length + "名 Top " + length;
        g.title("各维度前列城市 Top cities on each dimension" + lengthNote + syntheticNote());
        int width = topBlock(g, all.stream().filter(t -> t.group() == null).toList());
        // a framework ranking within groups: below, each group's own lists (the index first), ranks within the group
        var groups = new java.util.LinkedHashSet<String>();
        all.stream().filter(t -> t.group() != null).forEach(t -> groups.add(t.group()));
        for (String group : groups) {
            g.row();
            SheetRow title = g.row();
            // bold, not a wrapped header, and not counted in the rank column's width: the title runs on over the
            // empty cells right of it instead of wrapping onto the lists' names below or widening the rank column
            g.cell(title, 0, ReportLabels.grouping(meta.rankingGroups()) + ": " + ReportLabels.group(group), st.bold);
            width = Math.max(width, topBlock(g, all.stream().filter(t -> group.equals(t.group())).toList()));
        }
        for (int t = 0; t + 1 < width; t++) {
            g.minWidth(4 * t + 3, 3);
        }
        g.freezeRows(3);
        g.widths(3, 40);
    }

    /** Top lists side by side (name, heads, then their entries); returns how many lists. */
    private int topBlock(SheetGrid g, List<org.bizenv.report.Report.TopList> lists) {
        SheetRow names = g.row();
        SheetRow heads = g.row();
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
            SheetRow x = g.row();
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
        return lists.size();
    }

    void improvement() {
        var g = grid(IMPROVEMENT);
        String py = nz(meta.previousYear());
        var dims = lookup.dimensions;
        boolean byGroups = meta.byGroups();
        g.title("得分提升排名 Improvement on " + py + syntheticNote());
        List<String> heads = new ArrayList<>(List.of("排名 Rank", "城市 City", "代码 Code"));
        // ranks within groups: the group and the rank within it, on the index and on each dimension's change
        if (byGroups) {
            heads.add(ReportLabels.grouping(meta.rankingGroups()));
            heads.add("组内排名 Rank in group");
        }
        heads.addAll(List.of("得分变化 Score change", meta.year() + "年得分 Score " + meta.year(),
                py + "年得分 Score " + py, "排名变化 Rank change"));
        int firstDim = heads.size();
        if (byGroups) {
            for (int d = 0; d < dims.size(); d++) {
                heads.add("得分变化 Score change");
                heads.add("组内排名 Rank in group");
            }
            SheetRow top = g.row();
            top.setHeightInPoints(32);
            for (int c = 0; c < heads.size(); c++) {
                g.blank(top, c, st.group);
            }
            for (int d = 0; d < dims.size(); d++) {
                g.text(top, firstDim + 2 * d, lookup.label(dims.get(d).code()), st.group);
                g.span(top.getRowNum(), firstDim + 2 * d, firstDim + 2 * d + 1);
            }
        }
        g.header(heads);
        for (var row : ReportLookup.nonNull(r.improvement())) {
            var unit = lookup.unit(row.unit());
            SheetRow x = g.row();
            int c = 0;
            g.rank(x, c++, row.rank());
            g.text(x, c++, ReportLookup.both(unit.name(), unit.code()), st.text);
            g.text(x, c++, unit.code(), st.text);
            if (byGroups) {
                g.text(x, c++, ReportLabels.group(row.group()), st.text);
                g.rank(x, c++, row.groupRank());
            }
            g.number(x, c++, row.scoreChange(), st.change);
            g.number(x, c++, row.score(), st.score);
            g.number(x, c++, row.previousScore(), st.score);
            g.integer(x, c++, row.rankChange(), st.rankChange);
            for (int d = 0; byGroups && d < dims.size(); d++) {
                g.number(x, c++, row.dimensionScoreChanges()[d], st.change);
                g.rank(x, c++, row.dimensionGroupRanks()[d]);
            }
        }
        g.filter(heads.size());
        g.freeze(2);
        g.widths(8, 40);
    }

    void regions() {
        var g = grid(REGIONS);
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
            SheetRow x = g.row();
            g.text(x, 0, ReportLabels.grouping(m.grouping()), st.text);
            g.text(x, 1, ReportLabels.group(m.group()), st.text);
            g.integer(x, 2, m.units(), st.integer);
            for (int k = 0; k < m.nodes().length; k++) {
                g.number(x, col.get(m.nodes()[k]), m.means()[k], st.score);
            }
        }
        if (g.next > first) {
            for (int c = 3; c < heads.size(); c++) {
                ColourScales.scale(g, first, g.next - 1, c);
            }
        }
        g.freeze(2);
        g.widths(8, 30);
    }

    /** The Ranking sheet's first data row (0-based), once {@link #ranking()} has written it. */
    int rankingFirstRow() {
        return rankingFirstRow;
    }

    /** The Ranking sheet's index score column (0-based). */
    int rankingScoreCol() {
        return rankingScoreCol;
    }
}
