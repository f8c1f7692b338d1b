package org.bizenv.template;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.bizenv.framework.Framework;

/**
 * The edition the templates are for — a framework and a year — and the wording every template shares.
 *
 * @param fw   the framework
 * @param year the evaluation year the data are for
 */
record Edition(Framework fw, int year) {

    static final String PROTECTION_ZH = "工作表已设保护，未设密码，仅为防止误改（如需调整：审阅 › 撤消工作表保护）。";
    static final String PROTECTION_EN = "The sheets are protected without a password, only against accidental edits "
            + "(to adapt the form: Review › Unprotect Sheet).";

    /**
     * The time stamped into every file (document properties and zip entries): 1 January of the year after the
     * evaluation year, when forms for it go out. Fixed, so the same framework and year give the same bytes.
     */
    LocalDateTime time() {
        return LocalDate.of(year + 1, 1, 1).atStartOfDay();
    }

    String titleZh() {
        String zh = fw.name() == null ? null : fw.name().zh();
        return zh == null || zh.isBlank() ? titleEn() : zh;
    }

    String titleEn() {
        String en = fw.name() == null ? null : fw.name().en();
        return en == null || en.isBlank() ? fw.id() : en;
    }

    String description() {
        return "Blank data-return template of framework " + fw.id() + versionText() + " for " + year
                + ", made by " + Templates.CREATOR + ".";
    }

    private String versionText() {
        return fw.version() == null || fw.version().isBlank() ? "" : " " + fw.version();
    }

    /** Where the form came from, so that a returned form can be traced to the framework it was made from. */
    String footer() {
        String file = fw.file() == null ? "" : fw.file().getFileName().toString();
        return "由 " + Templates.CREATOR + " 根据评估框架 " + fw.id() + versionText() + "（" + file + "）生成。"
                + "Made by " + Templates.CREATOR + " from framework " + fw.id() + versionText() + " (" + file + ").";
    }

    /** A framework marked synthetic says so on every form. */
    void syntheticNote(InstructionsSheet in) {
        if (fw.synthetic()) {
            in.paragraph("注意：该评估框架标注为示例（synthetic），其指标与权重仅作演示。"
                    + "Note: the framework is marked synthetic: its indicators and weights are illustrative.");
        }
    }

    String percentZh(List<TemplateField> fields) {
        return anyPercent(fields) ? "；百分比填百分点数，如 85.3 或 85.3%" : "";
    }

    String percentEn(List<TemplateField> fields) {
        return anyPercent(fields) ? "; percentages in points, e.g. 85.3 or 85.3%" : "";
    }

    private static boolean anyPercent(List<TemplateField> fields) {
        return fields.stream().anyMatch(f -> f.unit().strip().equals("%"));
    }

    static boolean anyOptional(List<TemplateField> fields) {
        return fields.stream().anyMatch(f -> !f.request().blanksAreErrors());
    }

    static String required(TemplateField f) {
        return f.request().blanksAreErrors() ? "是 yes" : "否 no";
    }

    /** {@code [0, 60]}, and the text codes the field accepts besides numbers. */
    static String range(TemplateField f) {
        String r = f.request().rangeText();
        if (!f.request().texts().isEmpty()) {
            r += "；或 or " + String.join(" / ", f.request().texts().stream().map(t -> "\"" + t + "\"").toList());
        }
        return r;
    }

    /** Two texts on two lines, the second left out when empty. */
    static String lines(String first, String second) {
        return second == null || second.isEmpty() ? first : first + "\n" + second;
    }
}
