package org.bizenv.report.excel;

import static org.bizenv.report.excel.ExcelReportWriter.SURVEY;
import static org.bizenv.report.excel.ExcelReportWriter.SURVEY_BREAKDOWN;
import static org.bizenv.report.excel.ExcelReportWriter.THIN_SAMPLE_RGB;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/**
 * The survey indicators in detail, one row per city and indicator: Survey (the value with its number of answers,
 * standard error and 95 % interval) and Survey breakdown (the value per size class and per industry across, with the
 * answers behind each). Values on fewer answers than the source's minimum sample ({@code min-sample}; for a breakdown's
 * group, {@code breakdown-min-sample}) are shaded.
 */
final class SurveySheets extends SheetWriter {

    /** The columns before the groups: city, code, indicator. */
    private static final int FIXED = 3;
    private static final int SIZES = Report.SurveyIndicatorInfo.SIZES.size();
    /** A group's two columns, in characters: a value (up to 100.00) and its answers (up to four digits). */
    static final int VALUE_WIDTH = 7;
    static final int ANSWERS_WIDTH = 6;
    /**
     * The widest the Survey sheet's name column gets, in characters; a longer name wraps. The sample's names, Chinese
     * and English, are up to 93 wide: each on one line (a wrapped row is estimated two lines tall but renders on one,
     * leaving gaps that read as breaks between groups), the page still one wide at about 60 %.
     */
    static final int NAME_WIDTH = 96;

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
        // the name in a column as wide as the longest (up to NAME_WIDTH, then it wraps): cut at the usual 30
        // characters, it said half of itself
        int nameWidth = 12;
        for (var sv : survey) {
            nameWidth = Math.max(nameWidth, CellText.displayWidth(name(sv)) + 2);
        }
        nameWidth = Math.min(NAME_WIDTH, nameWidth);
        g.setWidth(3, nameWidth);
        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            var unit = r.units().get(u);
            for (var sv : survey) {
                boolean thin = sv.thin(sv.answers()[u]);
                SheetRow x = g.row();
                g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 1, unit.code(), st.text);
                g.text(x, 2, sv.indicator(), st.text);
                g.wrapped(x, 3, name(sv), nameWidth);
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

    /**
     * One row per city and survey indicator, the groups across: the three size classes, then every industry (in the
     * survey's order: sorted, "not given" last), each as its value beside the valid answers behind it. A group of fewer
     * answers than the source's {@code breakdown-min-sample} is shaded, one without answers left blank. Wide rather
     * than a row per group, so that the 50-city sheet prints in a few dozen pages rather than two hundred.
     */
    void breakdown() {
        List<String> industries = industries();
        int groups = SIZES + industries.size();
        var g = grid(SURVEY_BREAKDOWN);
        g.title("问卷指标按企业规模与行业分组 Survey indicators by size class and industry"
                + " (industries post-stratified by size class)");
        SheetRow legend = g.row();
        g.cell(legend, 0, "样本不足 Thin", thinText);
        g.cell(legend, 1, legend(), st.text);

        SheetRow top = g.row();
        SheetRow names = g.row();
        top.setHeightInPoints(18);
        names.setHeightInPoints(46); // the longest industry names take three lines over their two columns
        for (int c = 0; c < FIXED + 2 * groups; c++) {
            g.blank(top, c, st.group);
            g.blank(names, c, st.group);
        }
        g.text(top, FIXED, "企业规模 Size class", st.group);
        g.span(top.getRowNum(), FIXED, FIXED + 2 * SIZES - 1);
        if (!industries.isEmpty()) {
            g.text(top, FIXED + 2 * SIZES, "行业（按企业规模加权）Industry (post-stratified by size class)", st.group);
            g.span(top.getRowNum(), FIXED + 2 * SIZES, FIXED + 2 * groups - 1);
        }
        List<String> heads = new ArrayList<>(List.of("城市 City", "代码 Code", "指标 Indicator"));
        for (int k = 0; k < groups; k++) {
            int c = FIXED + 2 * k;
            g.text(names, c, k < SIZES ? sizeLabel(k) : industryLabel(industries.get(k - SIZES)), st.group);
            g.span(names.getRowNum(), c, c + 1);
            heads.add("值 Value");
            heads.add("回答 n");
            g.setWidth(c, VALUE_WIDTH);
            g.setWidth(c + 1, ANSWERS_WIDTH);
        }
        g.header(heads);

        for (int u = 0; u < lookup.unitCodes.size(); u++) {
            var unit = r.units().get(u);
            for (var sv : survey) {
                SheetRow x = g.row();
                g.text(x, 0, ReportLookup.both(unit.name(), unit.code()), st.text);
                g.text(x, 1, unit.code(), st.text);
                g.text(x, 2, sv.indicator(), st.text);
                for (int s = 0; s < SIZES; s++) {
                    group(g, x, FIXED + 2 * s, sv, sv.sizeValues()[s][u], sv.sizeAnswers()[s][u]);
                }
                for (int k = 0; k < industries.size(); k++) {
                    int i = sv.industries().indexOf(industries.get(k));
                    if (i >= 0) {
                        group(g, x, FIXED + 2 * (SIZES + k), sv, sv.industryValues()[i][u],
                                sv.industryAnswers()[i][u]);
                    }
                }
            }
        }
        g.filter(FIXED + 2 * groups);
        g.freeze(FIXED);
        g.widths(8, 30);
    }

    private String name(Report.SurveyIndicatorInfo sv) {
        return ReportLookup.both(lookup.indicator(sv.indicator()).name(), "");
    }

    /** One group's value and answers; nothing for a group without answers (it has no value). */
    private void group(SheetGrid g, SheetRow x, int col, Report.SurveyIndicatorInfo sv, double value, int answers) {
        if (answers == 0) {
            return;
        }
        boolean thin = sv.thinBreakdown(answers);
        g.number(x, col, value, thin ? thinScore : st.score);
        g.integer(x, col + 1, answers, thin ? thinInteger : st.integer);
    }

    /**
     * The industries of every survey source, in the order each source has them (sorted by their text, "not given"
     * last), so that a column holds one industry whichever source an indicator reads.
     */
    private List<String> industries() {
        // "" is the industry not given (as the report has it)
        var all = new java.util.TreeSet<String>((a, b) -> a.equals(b) ? 0
                : a.isEmpty() ? 1 : b.isEmpty() ? -1 : a.compareTo(b));
        survey.forEach(sv -> all.addAll(sv.industries()));
        return List.copyOf(all);
    }

    /** What shading and blanks mean, with each survey source's threshold. */
    private String legend() {
        var bySource = new java.util.LinkedHashMap<String, Integer>();
        survey.forEach(sv -> bySource.putIfAbsent(sv.source(), sv.breakdownMinSample()));
        var thresholds = new java.util.TreeSet<>(bySource.values());
        String zh;
        String en;
        if (thresholds.size() == 1) {
            int t = thresholds.first();
            zh = t + " 份";
            en = t + " valid answers";
        } else {
            List<String> z = new ArrayList<>();
            List<String> e = new ArrayList<>();
            bySource.forEach((source, t) -> {
                z.add(t + " 份（来源 " + source + "）");
                e.add(t + " (source " + source + ")");
            });
            zh = String.join("、", z);
            en = String.join(", ", e) + " valid answers";
        }
        return "＝该组有效回答少于 " + zh + "（breakdown-min-sample），估计不稳，仅供参考；空白＝该组没有回答。"
                + "  Shaded: the group has fewer than " + en + " (breakdown-min-sample), an unsteady estimate to read"
                + " with care; blank: no answers. Each group: value | valid answers (n).";
    }

    private void thinFlag(SheetGrid g, SheetRow x, int col, boolean thin, int minSample) {
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
