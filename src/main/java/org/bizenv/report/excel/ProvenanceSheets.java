package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.INDICATORS;
import static org.bizenv.report.excel.ExcelReportWriter.METHODOLOGY;
import static org.bizenv.report.excel.ExcelReportWriter.SOURCES;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/**
 * What was evaluated and how: the workbook's document properties, Indicators (each indicator's definition, source
 * and methods), Methodology (the method of every element) and Sources (the data's nature, the framework, the engine,
 * the parameters and every input file with its SHA-256).
 */
final class ProvenanceSheets extends SheetWriter {
    /** Widths of wrapped name and long-text columns. */
    private static final int NAME_WIDTH = 24;
    private static final int TEXT_WIDTH = 50;
    /** Widths of the Methodology sheet's columns: level, the method in Chinese and English, the technical term. */
    private static final int LEVEL_WIDTH = 14;
    private static final int METHOD_ZH = 44;
    private static final int METHOD_EN = 56;
    private static final int TERM_WIDTH = 26;

    ProvenanceSheets(ReportBook book) {
        super(book);
    }

    /** Title, author, subject and description; created and modified at {@code meta.generatedAt}. */
    void properties() {
        String description = "bizenv " + nz(meta.engineVersion()) + ", framework " + nz(meta.frameworkId()) + " "
                + nz(meta.frameworkVersion()) + ", generated " + nz(meta.generatedAt()) + ".";
        if (meta.synthetic()) {
            description = "合成数据，非官方结果。Synthetic data: not official results. " + description;
        }
        // created and modified: the workbook's time
        wb.properties(frameworkTitle() + " " + meta.year() + " 评估报告 Evaluation report", "bizenv",
                meta.frameworkId() == null ? "" : meta.frameworkId(), description);
    }

    void indicators() {
        var g = grid(INDICATORS);
        g.title("指标 Indicators");
        g.header(List.of("代码 Code", "名称 Name", "上级 Parent", "单位 Unit", "方向 Direction", "渠道 Channel",
                "来源 Source", "字段 Field", "统计量 Statistic", "标准化 Normalisation", "插补 Imputation",
                "异常值处理 Treatment", "权重 Weight", "有效权重 Effective weight", "定义 Definition"));
        int w = 18;
        for (var i : ReportLookup.nonNull(r.indicators())) {
            SheetRow x = g.row();
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

    void methodology() {
        var g = grid(METHODOLOGY);
        g.title("方法说明 Methodology");
        g.header(List.of("元素 Element", "名称 Name", "层级 Level", "方法说明 Method (中文)", "Method (English)",
                "术语 Technical term"));
        for (var m : ReportLookup.nonNull(r.methodology())) {
            SheetRow x = g.row();
            g.text(x, 0, m.element(), st.text);
            g.wrapped(x, 1, "robustness".equals(m.level()) ? ReportLabels.robustnessPart(m.element())
                    : lookup.label(m.element()), NAME_WIDTH);
            g.wrapped(x, 2, ReportLabels.levelWord(m.level()), LEVEL_WIDTH);
            g.wrapped(x, 3, m.text() == null ? null : m.text().zh(), METHOD_ZH);
            g.wrapped(x, 4, m.text() == null ? null : m.text().en(), METHOD_EN);
            g.wrapped(x, 5, m.term() == null ? null : m.term().both(), TERM_WIDTH);
        }
        g.freeze(1);
        g.setWidth(1, NAME_WIDTH);
        g.setWidth(2, LEVEL_WIDTH);
        g.setWidth(3, METHOD_ZH);
        g.setWidth(4, METHOD_EN);
        g.setWidth(5, TERM_WIDTH);
        g.widths(8, 36);
    }

    void sources() {
        var g = grid(SOURCES);
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
        g.header(List.of("路径 Path", "SHA-256", "来源 Source", "渠道 Channel", "字节 Bytes", "编码 Encoding"));
        for (var s : ReportLookup.nonNull(meta.sources())) {
            SheetRow x = g.row();
            g.text(x, 0, s.path(), st.text);
            g.text(x, 1, s.sha256(), st.text);
            g.text(x, 2, s.source(), st.text);
            g.text(x, 3, ReportLabels.channel(s.channel()), st.text);
            g.number(x, 4, s.bytes(), st.bytes);
            g.text(x, 5, s.encoding(), st.text);
        }
        // a framework evaluating part of its registry: what each source held of the cities outside it, left unread
        if (!meta.skipped().isEmpty()) {
            g.row();
            g.cell(g.row(), 0, "已跳过：评价范围外城市的数据 Skipped: data of cities outside the framework's selection"
                    + " (framework.units.include)", st.bold);
            boolean rows = meta.skipped().stream().anyMatch(Report.SkippedData::countsRows);
            List<String> header = new ArrayList<>(List.of("路径 Path", "跳过的城市数 Cities skipped", "来源 Source",
                    "城市代码 City codes"));
            if (rows) {                                     // the survey's rows are questionnaires: counted per city
                header.addAll(List.of("跳过的问卷行数 Questionnaire rows skipped", "各城市行数 Rows by city"));
            }
            g.header(header);
            for (var k : meta.skipped()) {
                SheetRow x = g.row();
                g.text(x, 0, k.file(), st.text);
                g.integer(x, 1, k.units().size(), st.integerLeft);
                g.text(x, 2, k.source(), st.text);
                g.text(x, 3, String.join(", ", k.units()), st.text);
                if (k.countsRows()) {
                    List<String> each = new ArrayList<>();
                    for (int u = 0; u < k.units().size(); u++) {
                        each.add(k.units().get(u) + " " + k.rows().get(u));
                    }
                    g.number(x, 4, k.totalRows(), st.integerLeft);
                    g.text(x, 5, String.join(", ", each), st.text);
                }
            }
        }
        g.freeze(1);
        g.widths(8, 70);
    }

    private void item(SheetGrid g, String label, Object value) {
        SheetRow x = g.row();
        g.text(x, 0, label, st.text);
        if (value instanceof Integer i) {
            g.integer(x, 1, i, st.integerLeft);
        } else {
            g.text(x, 1, value == null ? null : value.toString(), st.text);
        }
    }
}
