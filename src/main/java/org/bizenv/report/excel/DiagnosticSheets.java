package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.COHERENCE;
import static org.bizenv.report.excel.ExcelReportWriter.TREATED_RGB;
import static org.bizenv.report.excel.ExcelReportWriter.TREATMENT;
import static org.bizenv.report.excel.ExcelReportWriter.WARNINGS;
import static org.bizenv.report.excel.ExcelReportWriter.WEIGHTS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.bizenv.report.ReportLookup;

/**
 * How the result came about and what to check: Weights (every node's and indicator's weight and effective weight,
 * editable as a scenario), Treatment (what outlier treatment did to each indicator), Coherence (correlations and
 * Cronbach's α) and Warnings.
 */
final class DiagnosticSheets extends SheetWriter {
    /** Correlation matrices up to this many indicators across are printed with the rest of the Coherence sheet. */
    static final int MATRIX_PRINTED = 12;

    /** Widths of the Warnings sheet's Chinese and English columns. */
    private static final int WARNING_ZH = 56;
    private static final int WARNING_EN = 70;

    DiagnosticSheets(ReportBook book) {
        super(book);
    }

    void weights() {
        var g = grid(WEIGHTS);
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
            SheetRow x = g.row();
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

    void treatment() {
        var g = grid(TREATMENT);
        g.title("异常值处理 Outlier treatment");
        g.header(List.of("代码 Code", "名称 Name", "方法 Method", "处理前偏度 Skewness before",
                "处理前峰度 Kurtosis before", "处理后偏度 Skewness after", "处理后峰度 Kurtosis after",
                "缩尾点数 Points winsorised", "对数变换 Log transformed", "已处理 Treated"));
        for (var t : ReportLookup.nonNull(r.treatment())) {
            SheetRow x = g.row();
            g.text(x, 0, t.indicator(), st.text);
            g.text(x, 1, lookup.isIndicator(t.indicator()) ? ReportLookup.both(
                    lookup.indicator(t.indicator()).name(), "") : null, st.text);
            g.text(x, 2, t.method(), st.text);
            g.numbers(x, 3, st.stat, t.skewBefore(), t.kurtBefore(), t.skewAfter(), t.kurtAfter());
            g.integer(x, 7, t.winsorised(), st.integer);
            g.text(x, 8, ReportLabels.yesNo(t.logTransformed()), st.centred);
            g.text(x, 9, ReportLabels.yesNo(t.treated()), t.treated() ? st.style(null, TREATED_RGB) : st.centred);
        }
        g.filter(10);
        g.freeze(2);
        g.widths(8, 30);
    }

    void coherence() {
        var c = r.coherence();
        var g = grid(COHERENCE);
        g.title("统计一致性 Statistical coherence");
        g.row();
        g.cell(g.row(), 0, "与上级的相关 Correlation of each indicator with its parent", st.bold);
        g.header(List.of("指标 Indicator", "名称 Name", "上级 Parent", "线性相关 Pearson correlation",
                "等级相关 Spearman rank correlation",
                "与维度负相关 Negative with dimension"));
        for (var p : ReportLookup.nonNull(c.withParent())) {
            SheetRow x = g.row();
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
            SheetRow x = g.row();
            g.text(x, 0, d.node(), st.text);
            g.text(x, 1, lookup.label(d.node()), st.text);
            g.number(x, 2, d.cronbachAlpha(), st.stat);
            double[] v = d.varianceExplained() == null ? new double[0] : d.varianceExplained();
            for (int k = 0; k < v.length; k++) {
                g.number(x, 3 + k, v[k], st.percent);
            }
        }
        // the two tables above print; the indicator × indicator matrices below are for the screen
        int printedRows = g.next - 1;
        String[] inds = c.indicators() == null ? new String[0] : c.indicators();
        correlationMatrix(g, "Pearson 相关系数 Pearson correlations", inds, c.pearson());
        correlationMatrix(g, "Spearman 秩相关系数 Spearman rank correlations", inds, c.spearman());
        g.widths(8, 30);
        if (inds.length > MATRIX_PRINTED) {
            g.printArea(printedRows, Math.max(5, 2 + pcs));
            g.fitWidth();
        }
    }

    private static void correlationMatrix(SheetGrid g, String title, String[] codes, double[][] m) {
        correlationMatrix(g, title, "指标 Indicator", codes, m);
    }

    /** A square matrix of correlations under a bold title, coloured red (−1) through white (0) to blue (1). */
    static void correlationMatrix(SheetGrid g, String title, String corner, String[] codes, double[][] m) {
        if (m == null) {
            return;
        }
        g.row();
        g.cell(g.row(), 0, title, g.st.bold);
        List<String> heads = new ArrayList<>(List.of(corner));
        heads.addAll(Arrays.asList(codes));
        g.header(heads);
        int first = g.next;
        for (int a = 0; a < codes.length; a++) {
            SheetRow x = g.row();
            g.text(x, 0, codes[a], g.st.text);
            for (int b = 0; b < codes.length; b++) {
                g.number(x, 1 + b, m[a][b], g.st.stat);
            }
        }
        if (codes.length > 0) {
            ColourScales.colourScale(g, new CellRangeAddress(first, first + codes.length - 1, 1, codes.length),
                    new double[] {-1, 0, 1}, "F8696B", "FFFFFF", "5A8AC6");
        }
    }

    void warnings() {
        var g = grid(WARNINGS);
        g.title("提示 Warnings");
        g.header(List.of("序号 No.", "提示 Warning (中文)", "Warning (English)"));
        var ws = ReportLookup.nonNull(r.warnings());
        if (ws.isEmpty()) {
            SheetRow x = g.row();
            g.text(x, 1, "无", st.text);
            g.text(x, 2, "None", st.text);
        }
        for (int i = 0; i < ws.size(); i++) {
            SheetRow x = g.row();
            g.integer(x, 0, i + 1, st.integer);
            g.wrapped(x, 1, ws.get(i).zh(), WARNING_ZH);
            g.wrapped(x, 2, ws.get(i).en(), WARNING_EN);
        }
        g.freeze(0);
        g.setWidth(1, WARNING_ZH);
        g.setWidth(2, WARNING_EN);
        g.widths(8, 20);
    }
}
