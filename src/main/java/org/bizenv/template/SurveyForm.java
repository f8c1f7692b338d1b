package org.bizenv.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.city.City;
import org.bizenv.framework.Source;
import org.bizenv.survey.SizeClass;
import org.bizenv.survey.SurveyCsvReader;
import org.bizenv.survey.SurveyValidator;

/**
 * The blank survey file of a {@code survey} source — the header line {@link SurveyCsvReader} reads
 * ({@code RespondentId,City,Size,Industry}, then the questions the framework scores), UTF-8 with a byte-order mark —
 * and beside it a codebook workbook for whoever runs the survey: the columns, the questions with the indicators they
 * feed, the answer codes, the not-applicable codes, the size classes with the population mix answers are weighted
 * to, and the cities.
 */
final class SurveyForm {

    private SurveyForm() {
    }

    /** {@code survey.csv} → {@code survey-codebook.xlsx}, beside it. */
    static String codebookPath(Source s) {
        String p = s.path();
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        String stem = dot > slash ? p.substring(0, dot) : p;
        return stem + "-codebook.xlsx";
    }

    static List<String> header(List<TemplateField> questions) {
        List<String> h = new ArrayList<>(SurveyCsvReader.IDENTITY_COLUMNS);
        questions.forEach(q -> h.add(q.field()));
        return h;
    }

    static byte[] csv(List<TemplateField> questions) {
        List<String> h = header(questions).stream().map(UnitTableForm::csvField).toList();
        return ("\uFEFF" + String.join(",", h) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] codebook(Edition e, Source s, List<TemplateField> questions, List<City> units) {
        try (Book b = new Book()) {
            InstructionsSheet in = new InstructionsSheet(b, "问卷编码 Codebook", 18, 34, 34, 26, 44);
            in.title(e.titleZh() + " " + e.year() + " 年度企业问卷编码表");
            in.paragraph(e.titleEn() + ": codebook of the enterprise survey for " + e.year() + " (" + s.path() + ")");
            e.syntheticNote(in);
            in.gap();
            in.heading("数据文件 The data file");
            in.paragraph("每行一份问卷（一家企业），第 1 行为表头，列名如下（顺序不限）。文件保存为 UTF-8 编码的 CSV（Excel：另存为「CSV UTF-8」），"
                    + "文件名 " + s.path() + "。\n"
                    + "One row per questionnaire (one firm) under a header row with the columns below (in any order). "
                    + "Save it as CSV in UTF-8 (Excel: Save as \"CSV UTF-8\") named " + s.path() + ".");
            List<List<String>> columns = new ArrayList<>();
            columns.add(List.of("RespondentId", "问卷编号，每份唯一", "Questionnaire id, unique per row", "文本 text", ""));
            columns.add(List.of("City", "企业所在城市", "The firm's city", "城市名称，见下表 a city's name, see below", ""));
            columns.add(List.of("Size", "企业规模", "The firm's size class", sizeCodes(), ""));
            columns.add(List.of("Industry", "所属行业", "The firm's industry", "文本 text", ""));
            for (TemplateField q : questions) {
                columns.add(List.of(q.field(), q.nameZh(), q.nameEn(), answerRange(s),
                        String.join(", ", q.indicators()) + "：" + String.join("; ",
                                q.statistics().stream().map(SurveyForm::statistic).toList())
                                + (q.definition().isEmpty() ? "" : "\n" + q.definition())));
            }
            in.table(List.of("列 Column", "内容", "Content", "取值 Values", "计入指标 Scored as"), columns);
            in.gap();

            in.heading("答案编码 Answer codes");
            List<List<String>> answers = new ArrayList<>();
            answers.add(List.of(Integer.toString(SurveyValidator.MIN_ANSWER), "最不利（如 很不满意、很难）",
                    "least favourable (e.g. very dissatisfied, very hard)", "计入 counted", ""));
            for (int a = SurveyValidator.MIN_ANSWER + 1; a < SurveyValidator.MAX_ANSWER; a++) {
                answers.add(List.of(Integer.toString(a), "", "", "计入 counted", ""));
            }
            answers.add(List.of(Integer.toString(SurveyValidator.MAX_ANSWER), "最有利（如 很满意、很容易）",
                    "most favourable (e.g. very satisfied, very easy)", "计入 counted", ""));
            for (int na : s.notApplicable()) {
                answers.add(List.of(Integer.toString(na), "不适用", "not applicable", "不计入 left out", ""));
            }
            answers.add(List.of("（空 blank）", "未作答", "no answer", "不计入 left out", ""));
            in.table(List.of("编码 Code", "含义", "Meaning", "汇总 Tally", ""), answers);
            in.paragraph("其他取值均为错误，评估时逐格列出。均值得分 = 答案 (a − 1)/4 × 100 的均值；好评率 = 答 4 或 5 的比例（%）。\n"
                    + "Any other value is an error, listed with its cell. Mean score = the mean of (a − 1)/4 × 100; "
                    + "share favourable = the share (%) answering 4 or 5.");
            in.gap();

            in.heading("企业规模 Size classes");
            List<List<String>> sizes = new ArrayList<>();
            for (SizeClass c : SizeClass.values()) {
                Double share = s.sizeMix() == null ? null : s.sizeMix().get(c.key());
                sizes.add(List.of(c.key(), c.zh() + "企业", c.key() + ", " + c.zh() + ", " + c.zh() + "企业",
                        share == null ? "" : Book.number(share), ""));
            }
            in.table(List.of("规模 Size", "中文", "可填写 Accepted", "总体构成 Population share", ""), sizes);
            in.paragraph(sizeMixText(s.sizeMix()) + (s.minSample() > 0 ? "每个城市每题有效回答少于 " + s.minSample()
                    + " 份时，该值会被标注为样本不足。A city's value for a question with fewer than " + s.minSample()
                    + " valid answers is flagged as a thin sample. " : "") + (s.breakdownMinSample() > 0
                    ? "按企业规模和行业分组的结果中，有效回答少于 " + s.breakdownMinSample() + " 份的分组同样标注。In the "
                    + "breakdowns by size class and by industry, a group with fewer than " + s.breakdownMinSample()
                    + " valid answers is flagged too." : ""));
            in.gap();

            if (!units.isEmpty()) {
                in.heading("城市 Cities (" + units.size() + ")");
                List<List<String>> cities = new ArrayList<>();
                for (City c : units) {
                    cities.add(List.of(c.code(), c.nameZh(), c.nameEn(), "", ""));
                }
                in.table(List.of("代码 Code", "中文名称", "English name", "", ""), cities);
                in.paragraph("City 列填写中文名称（可加「市」）或英文名称。The City column takes the Chinese name (with or "
                        + "without 市) or the English name.");
                in.gap();
            }
            in.paragraph(e.footer());
            in.finish(false);
            return b.bytes(e.titleZh() + " " + e.year() + " " + codebookPath(s), e.description(), e.time());
        }
    }

    private static String sizeCodes() {
        return String.join(" / ", java.util.Arrays.stream(SizeClass.values()).map(SizeClass::key).toList()) + "（"
                + String.join(" / ", java.util.Arrays.stream(SizeClass.values()).map(SizeClass::zh).toList()) + "）";
    }

    private static String answerRange(Source s) {
        String na = s.notApplicable().isEmpty() ? "" : "；" + String.join(", ",
                s.notApplicable().stream().map(String::valueOf).toList()) + " = 不适用 n/a";
        return SurveyValidator.MIN_ANSWER + "–" + SurveyValidator.MAX_ANSWER + na;
    }

    private static String sizeMixText(Map<String, Double> mix) {
        if (mix == null || mix.isEmpty()) {
            return "";
        }
        return "各城市的结果按上表的总体构成对各规模的回答加权（事后分层），与样本中各规模的比例无关。"
                + "A city's results weight the size classes' answers to the population shares above "
                + "(post-stratification), whatever the mix of firms that answered. ";
    }

    static String statistic(String s) {
        return switch (s) {
            case "mean-score" -> "均值得分 mean score";
            case "share-favourable" -> "好评率 share favourable";
            default -> s;
        };
    }
}
