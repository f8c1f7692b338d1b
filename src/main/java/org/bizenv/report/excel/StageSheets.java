package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.AGGREGATED;
import static org.bizenv.report.excel.ExcelReportWriter.INDICATOR_RANKS;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/**
 * The data at every stage, one matrix of cities × indicators each: Raw, Denominated, Imputed, Treated, Normalised
 * (cells a stage changed are filled in its colour), where the raw values came from ("Raw sources"), Indicator ranks,
 * and Aggregated, the score and rank of every node.
 */
final class StageSheets extends SheetWriter {
    /** Matrix sheets: minimum width of an indicator column, maximum of the name and code columns. */
    static final int MATRIX_MIN = 12;
    static final int MATRIX_NAME_MAX = 16;

    StageSheets(ReportBook book) {
        super(book);
    }

    void aggregated() {
        var g = grid(AGGREGATED);
        g.title("各节点得分与排名 Score and rank of every node");
        var nodes = ReportLookup.nonNull(r.nodes());
        SheetRow top = g.row();
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
            SheetRow x = g.row();
            g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
            g.text(x, 1, unit.code(), st.text);
            for (int n = 0; n < nodes.size(); n++) {
                g.number(x, 2 + 2 * n, nodes.get(n).scores()[u], st.score);
                g.rank(x, 3 + 2 * n, nodes.get(n).ranks()[u]);
            }
        }
        if (g.next > first) {
            for (int n = 0; n < nodes.size(); n++) {
                ColourScales.scale(g, first, g.next - 1, 2 + 2 * n);
            }
        }
        g.filter(heads.size());
        g.freeze(1);
        g.widths(8, 24);
    }

    void stages() {
        for (var s : ReportLookup.nonNull(r.stages())) {
            String name = ReportLabels.stageSheet(s.name());
            boolean normalised = ReportLabels.isNormalised(s.name());
            String rgb = ReportLabels.stageFill(s.name());
            var g = grid(name);
            String legend = ReportLabels.stageLegend(s.name());
            matrixTitle(g, ReportLabels.stageTitle(s.name()), anyFlag(s.flagged()) || legend != null
                    ? (legend == null ? "本阶段改变的值 Changed at this stage" : legend) : null, rgb);
            matrixHeader(g);
            int k = lookup.indicatorCodes.size();
            CellStyle[] plain = new CellStyle[k];
            CellStyle[] flagged = new CellStyle[k];
            for (int i = 0; i < k; i++) {
                String format = normalised ? st.scoreFormat : CellText.valueFormat(s.values()[i]);
                plain[i] = st.style(format, null);
                flagged[i] = st.style(format, rgb);
            }
            for (int u = 0; u < lookup.unitCodes.size(); u++) {
                SheetRow x = unitRow(g, u);
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
        var g = grid(stageSheet + " sources");
        matrixTitle(g, "数据来源 Where each " + s.name() + " value came from (file!sheet!cell)"
                + " — 仅供屏幕查阅，不在默认打印范围内 for the screen, not in the default print area", null, null);
        matrixHeader(g);
        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            SheetRow x = unitRow(g, u);
            for (int i = 0; i < lookup.indicatorCodes.size(); i++) {
                g.text(x, 2 + i, s.provenance()[i][u], st.text);
            }
        }
        // file!sheet!cell of every value is looked up on screen, not read on paper: only the title and a note print,
        // with no rows or columns repeated
        g.repeatNothing(true);
        finishMatrix(g);
        for (int i = 0; i < lookup.indicatorCodes.size(); i++) {
            g.minWidth(2 + i, 14);
        }
        g.widths(8, 40);
        g.printArea(0, 1 + 8);
        g.fitWidth();
    }

    void indicatorRanks() {
        var g = grid(INDICATOR_RANKS);
        matrixTitle(g, "各指标排名（按标准化值）Rank on each indicator (normalised value)", null, null);
        matrixHeader(g);
        var inds = ReportLookup.nonNull(r.indicators());
        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            SheetRow x = unitRow(g, u);
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
    private void matrixTitle(SheetGrid g, String title, String legend, String rgb) {
        SheetRow t = g.title(title);
        if (legend != null) {
            int nameWidth = CellText.displayWidth("城市 City") + 2;
            int codeWidth = CellText.displayWidth("代码 Code") + 2;
            for (var u : r.units()) {
                String label = ReportLookup.both(u.name(), u.code());
                nameWidth = Math.max(nameWidth, CellText.displayWidth(label) + 2);
                codeWidth = Math.max(codeWidth, CellText.displayWidth(u.code()) + 2);
            }
            int titleWidth = CellText.displayWidth(title) * 13 / 10 + 2; // the title font is larger and bold
            int rest = titleWidth - Math.min(nameWidth, MATRIX_NAME_MAX) - Math.min(codeWidth, MATRIX_NAME_MAX);
            int col = 2 + Math.max(0, (rest + MATRIX_MIN - 1) / MATRIX_MIN);
            g.cell(t, col, legend, st.style(null, rgb));
            g.blank(t, col + 1, st.style(null, rgb));
            g.span(t.getRowNum(), col, col + 1);
        }
    }

    /** Rows 2–3: indicator codes over indicator names; units as rows below. */
    private void matrixHeader(SheetGrid g) {
        SheetRow codes = g.row();
        SheetRow names = g.row();
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

    private SheetRow unitRow(SheetGrid g, int u) {
        var unit = r.units().get(u);
        SheetRow x = g.row();
        g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
        g.text(x, 1, unit.code(), st.text);
        return x;
    }

    private void finishMatrix(SheetGrid g) {
        g.filter(2 + lookup.indicatorCodes.size());
        g.freeze(1);
        g.widths(8, MATRIX_NAME_MAX);
    }
}
