package org.bizenv.feedback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bizenv.ingest.FieldRequest;

/**
 * A problem's message as a query to the unit: what is wrong in Chinese (beside the engine's English message), the
 * value as found in the cell, and what is expected. The readers tell problems in English sentences of a few fixed
 * forms ({@code 'abc' is not a number}, {@code value 130 outside the valid range [0, 24]}, {@code no row for Taiyuan
 * (太原)} …); each form is recognised here once. A message of no known form is passed on in English, with the value
 * and the expectation left open, so a new reader message is never lost, only untranslated.
 */
final class ProblemTexts {

    /**
     * What a query says about one problem.
     *
     * @param wrongZh    what is wrong, in Chinese; empty when the message's form is not known
     * @param found      the value as found (text), empty when the problem is not about one value
     * @param expectedZh what is expected, in Chinese (empty when not known)
     * @param expectedEn what is expected, in English
     */
    record Text(String wrongZh, String found, String expectedZh, String expectedEn) {
    }

    /** A message form: its pattern (group {@code found} is the value found), its Chinese, what is expected. */
    private record Form(Pattern pattern, String wrongZh, Expect expect, String expectedZh, String expectedEn) {
    }

    /** Where the expectation comes from. */
    private enum Expect {
        /** The field's valid value, from the indicator the cell feeds (else the range in the message, else a number). */
        VALUE,
        /** The fixed texts of the form, {@code {0}} replaced by group {@code name} of the message. */
        FIXED
    }

    private static final String BLANK_ZH = "（空白）";
    private static final String BLANK_EN = "(blank)";

    private static final List<Form> FORMS = List.of(
            value("^'(?<found>.*)' is not a number(?: \\(indicator .*\\))?(?::.*)?$", "不是数值"),
            value("^value (?<found>\\S+) outside the valid range (?<range>[\\[(][^\\])]*[\\])])(?<rest>.*)$", "超出有效范围"),
            value("^blank value$", "未填写"),
            value("^formula (?<found>.+) has no saved result.*$", "公式没有保存的计算结果（请在 Excel 中打开并保存）"),
            fixed("^'(?<found>.*)' is not a size class.*$", "不是企业规模类别",
                    "微型 / 小型 / 中型", "micro / small / medium"),
            fixed("^'(?<found>.*)' is not a whole number$", "不是整数", "1 至 5 的整数", "a whole number from 1 to 5"),
            fixed("^'(?<found>.*)' is not an outcome.*$", "不是测试结果", "通过 / 未通过", "pass / fail"),
            fixed("^unknown \\S+ '(?<found>.*)'$", "无法识别的城市名称",
                    "名录中的城市名称", "the name of a city of the registry"),
            fixed("^ambiguous \\S+ '(?<found>[^']*)':.*$", "城市名称有歧义",
                    "可唯一识别的城市名称", "a name that names one city"),
            fixed("^blank \\S+ name$", "未填写城市名称", "城市名称", "the city's name"),
            fixed("^no row for (?<name>.+)$", "缺少本单位的一行", "本单位的一行数据", "a row for {0}"),
            fixed("^no workbook for (?<name>.+)$", "缺少本单位的填报表", "本单位填写的报表", "the return of {0}"),
            fixed("^missing item '(?<name>[^']*)'$", "缺少指标行", "代码为 {0} 的指标行", "a row with item code {0}"),
            fixed("^duplicate item '(?<name>[^']*)'.*$", "指标重复填写", "每个指标一行", "one row per item"),
            fixed("^duplicate row for .*$", "本单位有重复的行", "每个单位一行", "one row per unit"),
            fixed("^duplicate respondent '(?<found>[^']*)'.*$", "受访者编号重复",
                    "不重复的受访者编号", "a respondent id of its own"),
            fixed("^second workbook for .*$", "本单位有第二份报表", "每个单位一份报表", "one return per unit"),
            fixed("^no valid answers from .*$", "没有有效问卷", "本单位的有效问卷", "valid answers from the unit"),
            fixed("^'.*' is in .* but not in .*$", "部分数据源缺少本单位", "各数据源均有本单位",
                    "the unit in every source"),
            fixed("^.*: \\S+ \\S+ (?<found>\\S+) outside the valid range (?<name>\\S+, \\S+) of indicator .*$",
                    "统计结果超出有效范围", "{0} 范围内", "within {0}"),
            fixed("^not an Excel workbook.*$", "不是 Excel 工作簿", "Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)"),
            fixed("^missing column '(?<name>[^']*)'.*$", "缺少列", "列 {0}", "column {0}"),
            fixed("^missing sheet '(?<name>[^']*)'.*$", "缺少工作表", "工作表 {0}", "sheet {0}"),
            fixed("^(?:file|folder) not found.*$", "找不到文件或文件夹", "", ""),
            fixed("^data folder not found$", "找不到数据文件夹", "", ""));

    private ProblemTexts() {
    }

    private static Form value(String regex, String zh) {
        return new Form(Pattern.compile(regex, Pattern.DOTALL), zh, Expect.VALUE, null, null);
    }

    private static Form fixed(String regex, String zh, String expectedZh, String expectedEn) {
        return new Form(Pattern.compile(regex, Pattern.DOTALL), zh, Expect.FIXED, expectedZh, expectedEn);
    }

    /**
     * @param message the problem's message
     * @param field   the field the problem's cell was read for (its valid range and text codes), or null when the
     *                cell feeds no indicator or the problem is not about a cell
     */
    static Text of(String message, FieldRequest field) {
        for (Form f : FORMS) {
            Matcher m = f.pattern().matcher(message);
            if (!m.matches()) {
                continue;
            }
            String found = group(m, "found");
            if (f.pattern().pattern().equals("^blank value$")) {
                found = BLANK_ZH + " " + BLANK_EN;
            }
            if (f.expect() == Expect.FIXED) {
                String name = group(m, "name");
                return new Text(f.wrongZh(), found, f.expectedZh().replace("{0}", name),
                        f.expectedEn().replace("{0}", name));
            }
            if (field != null) {
                return new Text(f.wrongZh(), found, field.expectedZh(), field.expectedEn());
            }
            String range = group(m, "range");
            String rest = group(m, "rest");
            return range.isEmpty() ? new Text(f.wrongZh(), found, "数值", "a number")
                    : new Text(f.wrongZh(), found, range + " 范围内的数值" + rest, "a number in " + range + rest);
        }
        return new Text("", "", "", "");
    }

    private static String group(Matcher m, String name) {
        return m.pattern().pattern().contains("(?<" + name + ">") && m.group(name) != null ? m.group(name) : "";
    }
}
