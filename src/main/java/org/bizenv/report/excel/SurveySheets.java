package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.SURVEY;
import static org.bizenv.report.excel.ExcelReportWriter.SURVEY_BREAKDOWN;
import static org.bizenv.report.excel.ExcelReportWriter.THIN_SAMPLE_RGB;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/**
 * The survey indicators in detail, one row per city and indicator: Survey (the value with its number of answers,
 * standard error and 95 % interval) and Survey breakdown (the value per size class and per industry, with the answers
 * behind each). Values on fewer answers than the source's minimum sample are shaded and said to be.
 */
final class SurveySheets extends SheetWriter {

    private final List<Report.SurveyIndicatorInfo> survey;
    /** Asked for only when the sheets are written: a style asked for changes the workbook's bytes. */
    private CellStyle thinScore;
    private CellStyle thinInteger;
    private CellStyle thinText;

    SurveySheets(ReportBook book) {
        super(book);
        this.survey = ReportLookup.nonNull(r.survey());
    }

    /** Whether there is anything to show: frameworks without a survey get no survey sheets. */
    boolean any() {
        return !survey.isEmpty();
    }

    void precision() {
        thinScore = st.style(st.scoreFormat, THIN_SAMPLE_RGB);
        thinInteger = st.style("0", THIN_SAMPLE_RGB);
        thinText = st.style(null, THIN_SAMPLE_RGB);
        var g = grid(SURVEY);
        g.title("问卷指标：值、标准误与95%置信区间 Survey indicators: value, standard error and 95 % interval"
                + " (post-stratified by size class; interval = value ± 1.96 SE, clipped to 0–100)");
        g.header(List.of("城市 City", "代码 Code", "指标 Indicator", "名称 Name", "题目 Question", "统计量 Statistic",
                "值 Value", "有效回答 Answers", "标准误 Standard error", "95%下限 95 % low", "95%上限 95 % high",
                "样本不足 Under minimum sample"));
        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            var unit = r.units().get(u);
            for (var sv : survey) {
                boolean thin = sv.thin(sv.answers()[u]);
                Row x = g.row();
                g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 1, unit.code(), st.text);
                g.text(x, 2, sv.indicator(), st.text);
                g.text(x, 3, ReportLookup.both(lookup.indicator(sv.indicator()).name(), ""), st.text);
                g.text(x, 4, sv.question(), st.text);
                g.text(x, 5, statistic(sv.statistic()), st.text);
                g.number(x, 6, sv.value()[u], thin ? thinScore : st.score);
                g.integer(x, 7, sv.answers()[u], thin ? thinInteger : st.integer);
                g.number(x, 8, sv.standardError()[u], st.stat);
                g.number(x, 9, sv.low()[u], st.score);
                g.number(x, 10, sv.high()[u], st.score);
                thinFlag(g, x, 11, thin, sv.minSample());
            }
        }
        g.filter(12);
        g.freeze(2);
        g.widths(8, 30);
    }

    void breakdown() {
        var g = grid(SURVEY_BREAKDOWN);
        g.title("问卷指标按企业规模与行业分组 Survey indicators by size class and industry"
                + " (industries post-stratified by size class; empty groups left out)");
        g.header(List.of("城市 City", "代码 Code", "指标 Indicator", "题目 Question", "统计量 Statistic",
                "分组 Breakdown", "组别 Group", "值 Value", "有效回答 Answers", "样本不足 Under minimum sample"));
        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            var unit = r.units().get(u);
            for (var sv : survey) {
                for (int s = 0; s < Report.SurveyIndicatorInfo.SIZES.size(); s++) {
                    cell(g, unit, sv, "规模 Size class", sizeLabel(s), sv.sizeValues()[s][u], sv.sizeAnswers()[s][u]);
                }
                for (int i = 0; i < sv.industries().size(); i++) {
                    cell(g, unit, sv, "行业 Industry", industryLabel(sv.industries().get(i)),
                            sv.industryValues()[i][u], sv.industryAnswers()[i][u]);
                }
            }
        }
        g.filter(10);
        g.freeze(2);
        g.widths(8, 30);
    }

    private void cell(SheetGrid g, Report.UnitInfo unit, Report.SurveyIndicatorInfo sv, String breakdown,
                      String group, double value, int answers) {
        if (answers == 0) {
            return;
        }
        boolean thin = sv.thin(answers);
        Row x = g.row();
        g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
        g.text(x, 1, unit.code(), st.text);
        g.text(x, 2, sv.indicator(), st.text);
        g.text(x, 3, sv.question(), st.text);
        g.text(x, 4, statistic(sv.statistic()), st.text);
        g.text(x, 5, breakdown, st.text);
        g.text(x, 6, group, st.text);
        g.number(x, 7, value, thin ? thinScore : st.score);
        g.integer(x, 8, answers, thin ? thinInteger : st.integer);
        thinFlag(g, x, 9, thin, sv.minSample());
    }

    private void thinFlag(SheetGrid g, Row x, int col, boolean thin, int minSample) {
        if (thin) {
            g.text(x, col, "是（少于" + minSample + "）Yes (under " + minSample + ")", thinText);
        }
    }

    /** The statistic in words. */
    static String statistic(String statistic) {
        return switch (statistic == null ? "" : statistic) {
            case "mean-score" -> "平均得分 Mean score (0–100)";
            case "share-favourable" -> "满意占比 Share favourable (%)";
            default -> statistic;
        };
    }

    static String sizeLabel(int s) {
        return switch (s) {
            case 0 -> "微型 Micro";
            case 1 -> "小型 Small";
            default -> "中型 Medium";
        };
    }

    /** The industry as typed; the rows that left it blank together as "not given". */
    static String industryLabel(String industry) {
        return industry == null || industry.isEmpty() ? "未填写 Not given" : industry;
    }
}
