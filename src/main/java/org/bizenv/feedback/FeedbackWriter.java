package org.bizenv.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.ingest.CellValues;
import org.bizenv.report.AtomicReportFolder;
import org.bizenv.workbook.FormBook;

/**
 * Writes {@link Queries} as workbooks: one per unit, {@code <unit code>.xlsx} as the return forms are named, with its
 * problems and warnings and what to do (bilingual, Chinese first; the deadline and contact cells left open for the
 * team), and {@value #SUMMARY} for the team: every unit's counts and the problems of no unit. A unit with nothing to
 * query gets a workbook saying so. The bytes depend on the content only (fixed document properties and zip times).
 */
public final class FeedbackWriter {

    /** The team's overview, named so that it sorts before the units' workbooks and is no unit's code. */
    public static final String SUMMARY = "_summary.xlsx";
    static final String CREATOR = "bizenv validate";
    /**
     * The time stamped into every file (document properties and zip entries). validate has no year or timestamp of its
     * own, and the bytes must depend on the content only, so it is a constant: 1 January 2000.
     */
    static final LocalDateTime TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    static final String INSTRUCTIONS = "核查说明 Instructions";
    static final String PROBLEMS = "问题 Problems";
    static final String WARNINGS = "提示 Warnings";
    static final String SUMMARY_SHEET = "汇总 Summary";
    static final String OTHER_PROBLEMS = "未归属问题 Other problems";

    static final List<String> PROBLEM_HEADERS = List.of("序号 No.", "文件 File", "工作表 Sheet", "单元格 Cell",
            "指标 Item", "填报值 Value found", "问题 What is wrong", "应为 Expected", "回复 Reply");
    static final List<String> WARNING_HEADERS = List.of("序号 No.", "指标 Item", "位置 Where", "数值 Value",
            "参照值 Reference", "相差 How far", "规则 Rule", "回复 Reply");
    static final List<String> SUMMARY_HEADERS = List.of("代码 Code", "单位 Unit", "核查工作簿 Workbook",
            "问题 Problems", "提示 Warnings", "状态 Status");

    /** One file to write: its name in the feedback folder and its bytes. */
    public record FeedbackFile(String name, byte[] bytes) {
    }

    private FeedbackWriter() {
    }

    /** The summary first, then a workbook per unit in the queries' order. */
    public static List<FeedbackFile> files(Framework fw, Queries q) {
        List<FeedbackFile> out = new ArrayList<>();
        out.add(new FeedbackFile(SUMMARY, summary(fw, q)));
        Set<String> taken = new HashSet<>(Set.of(SUMMARY.toLowerCase(Locale.ROOT)));
        for (Queries.UnitQueries u : q.units()) {
            out.add(new FeedbackFile(fileName(u.code(), taken), unit(fw, q, u)));
        }
        return out;
    }

    /**
     * Writes the files into {@code folder} all at once (a temporary sibling then takes its place), replacing what was
     * there: whether that may be done is the caller's to decide.
     */
    public static void write(List<FeedbackFile> files, Path folder) throws IOException {
        AtomicReportFolder.publish(folder, tmp -> {
            for (FeedbackFile f : files) {
                Files.write(tmp.resolve(f.name()), f.bytes());
            }
        });
    }

    /**
     * {@code <code>.xlsx}; a code with characters no file name may hold (possible without a registry, where the code
     * is the name as typed) has them replaced, and a name taken already (ignoring case) gets a number.
     */
    static String fileName(String code, Set<String> taken) {
        String base = code.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        base = base.isEmpty() || base.startsWith(".") ? "_" + base : base;
        String name = base + ".xlsx";
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n + ".xlsx";
        }
        return name;
    }

    // ---- a unit's workbook -----------------------------------------------------------------------------------------

    static byte[] unit(Framework fw, Queries q, Queries.UnitQueries u) {
        try (Sheets b = new Sheets()) {
            XSSFSheet in = b.sheet(INSTRUCTIONS, 24, 96);
            int r = 0;
            b.put(in, r++, 0, "数据核查清单 Data queries", b.title);
            r = b.labelled(in, r, "单位 Unit", u.name().zh() + " " + u.name().en() + " (" + u.code() + ")");
            r = b.labelled(in, r, "评估框架 Framework", frameworkText(fw));
            r = b.labelled(in, r, "核查结果 Result", u.none()
                    ? "无需核查：未发现问题或提示。No queries: no problems and no warnings were found."
                    : "问题 " + u.problems().size() + " 项，提示 " + u.warnings().size() + " 项。"
                    + count(u.problems().size(), "problem") + ", " + count(u.warnings().size(), "warning") + ".");
            r = b.open(in, r, "截止日期 Return by");
            r = b.open(in, r, "联系人 Contact");
            r++;
            r = b.paragraph(in, r, "请按以下要求处理 What to do", b.header);
            if (u.none()) {
                r = b.paragraph(in, r, "本单位报送的数据未发现问题，也没有需要核实的数值，无需回复。"
                        + "\nNothing to correct or confirm in the data your unit sent: no reply is needed.", b.plain);
            } else {
                r = b.paragraph(in, r, "1. 问题（工作表“问题 Problems”）：评估无法使用的数据。请在原报表或数据表中按“应为”"
                        + "一列更正，并在截止日期前重新报送更正后的文件。"
                        + "\n1. Problems (sheet Problems): values the evaluation cannot use. Correct them in the return "
                        + "or table as the Expected column says, and send the corrected file again by the deadline.",
                        b.plain);
                r = b.paragraph(in, r, "2. 提示（工作表“提示 Warnings”）：数值可以使用，但与本单位上年数值或其他单位相差较大。"
                        + "请核实：如无误，请在“回复”一列说明原因；如有误，请更正后重新报送。"
                        + "\n2. Warnings (sheet Warnings): values that can be used but are far from your unit's value "
                        + "last year or from the other units. Please check them: if a value is right, say why in the "
                        + "Reply column; if it is wrong, correct it and send the file again.", b.plain);
                r = b.paragraph(in, r, "3. 请在截止日期前将本工作簿（填写“回复”一列后）连同更正后的文件一并返回。"
                        + "\n3. By the deadline, return this workbook with the Reply column filled in, together with "
                        + "any corrected files.", b.plain);
            }
            r++;
            r = rules(b, in, r, q);
            r++;
            if (fw.synthetic()) {
                r = b.paragraph(in, r, "注意：该评估框架标注为示例（synthetic）。Note: the framework is marked synthetic.",
                        b.note);
            }
            b.paragraph(in, r, footer(fw), b.note);
            b.finish(in, false);

            XSSFSheet ps = b.sheet(PROBLEMS, 6, 24, 10, 9, 24, 16, 40, 28, 30);
            b.headers(ps, PROBLEM_HEADERS);
            problemRows(b, ps, u.problems(), true);
            b.finish(ps, true);

            XSSFSheet ws = b.sheet(WARNINGS, 6, 26, 30, 12, 14, 24, 36, 30);
            b.headers(ws, WARNING_HEADERS);
            if (u.warnings().isEmpty()) {
                b.put(ws, 1, 1, "无提示 No warnings", b.text);
            }
            int row = 1;
            for (Queries.WarningQuery w : u.warnings()) {
                b.put(ws, row, 0, Integer.toString(row), b.text);
                b.put(ws, row, 1, item(w.item(), w.itemName()) + (w.unitOfMeasure() == null
                        || w.unitOfMeasure().isBlank() ? "" : "\n（" + w.unitOfMeasure() + "）"), b.text);
                b.put(ws, row, 2, w.where(), b.text);
                b.number(ws, row, 3, w.value());
                b.number(ws, row, 4, w.reference());
                b.put(ws, row, 5, howFar(w), b.text);
                b.put(ws, row, 6, ruleText(w, q.rules()), b.text);
                b.reply(ws, row, 7);
                b.fitHeight(ws, row);
                row++;
            }
            b.finish(ws, true);
            return b.bytes("数据核查清单 Data queries: " + u.name().zh() + " " + u.name().en(),
                    "Queries on the data of " + u.code() + ", made by " + CREATOR + ".");
        }
    }

    private static void problemRows(Sheets b, XSSFSheet s, List<Queries.ProblemQuery> problems, boolean reply) {
        if (problems.isEmpty()) {
            b.put(s, 1, 1, "无问题 No problems", b.text);
        }
        int row = 1;
        for (Queries.ProblemQuery p : problems) {
            b.put(s, row, 0, Integer.toString(row), b.text);
            b.put(s, row, 1, p.where().file(), b.text);
            b.put(s, row, 2, p.where().sheet(), b.text);
            b.put(s, row, 3, p.where().cell(), b.text);
            b.put(s, row, 4, p.item().isEmpty() ? "" : item(p.item(), p.itemName()), b.text);
            b.put(s, row, 5, p.found(), b.text);
            b.put(s, row, 6, p.wrongZh().isEmpty() ? p.message() : p.wrongZh() + "\n" + p.message(), b.text);
            b.put(s, row, 7, p.expectedZh().isEmpty() ? p.expectedEn()
                    : p.expectedZh() + "\n" + p.expectedEn(), b.text);
            if (reply) {
                b.reply(s, row, 8);
            }
            b.fitHeight(s, row);
            row++;
        }
    }

    static String item(String code, Names name) {
        return name == null ? code : code + " " + name.zh() + "\n" + name.en();
    }

    /** {@code +82 %} against last year; {@code z = +4.1} against the others. */
    static String howFar(Queries.WarningQuery w) {
        return switch (w.rule()) {
            case CHANGE -> "较上年 " + Rules.percent(w.distance()) + "\n" + Rules.percent(w.distance())
                    + " on last year";
            case OUTLIER -> String.format(Locale.ROOT, "z = %+.1f", w.distance()) + "\n"
                    + (w.distance() > 0 ? "高于中位数 above the median" : "低于中位数 below the median");
        };
    }

    static String ruleText(Queries.WarningQuery w, Rules rules) {
        return switch (w.rule()) {
            case CHANGE -> "同比变化超过 ±" + rules.changePercent() + "（参照值为上年数值）\nChange against last year beyond ±"
                    + rules.changePercent() + " (reference: last year's value)";
            case OUTLIER -> "偏离其他单位：稳健 z 值超过 " + CellValues.format(rules.outlierLimit()) + "（参照值为本年各单位中位数"
                    + (w.per() == null ? "" : "，按" + w.per().zh() + "折算") + "）\nFar from the other units: robust "
                    + "z-score beyond " + CellValues.format(rules.outlierLimit()) + " (reference: this year's median"
                    + (w.per() == null ? "" : ", per " + w.per().en()) + ")";
        };
    }

    private static int rules(Sheets b, XSSFSheet s, int r, Queries q) {
        r = b.paragraph(s, r, "提示规则 Rules for warnings", b.header);
        r = b.paragraph(s, r, q.rules().changeZh() + (q.lastYear() ? "" : "本次未提供上年数据，未做同比核查。")
                + "\n" + q.rules().changeEn() + (q.lastYear() ? "" : " Last year's data were not given: not checked."),
                b.plain);
        return b.paragraph(s, r, q.rules().outlierZh() + "\n" + q.rules().outlierEn(), b.plain);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String frameworkText(Framework fw) {
        String name = fw.name() == null ? fw.id() : fw.name().zh() + " " + fw.name().en();
        return name + " (" + fw.id() + (fw.version() == null || fw.version().isBlank() ? "" : " " + fw.version()) + ")";
    }

    private static String footer(Framework fw) {
        String file = fw.file() == null ? "" : fw.file().getFileName().toString();
        return "由 " + CREATOR + " 根据评估框架 " + fw.id() + "（" + file + "）生成。\nMade by " + CREATOR
                + " from framework " + fw.id() + " (" + file + ").";
    }

    // ---- the team's summary ------------------------------------------------------------------------------------------

    static byte[] summary(Framework fw, Queries q) {
        try (Sheets b = new Sheets()) {
            XSSFSheet s = b.sheet(SUMMARY_SHEET, 16, 26, 22, 12, 12, 40);
            int r = 0;
            b.put(s, r++, 0, "数据核查汇总 Data queries: summary", b.title);
            r = b.labelled(s, r, "评估框架 Framework", frameworkText(fw));
            long withProblems = q.unitsWithProblems();
            long withWarnings = q.units().stream().filter(u -> u.problems().isEmpty() && !u.warnings().isEmpty())
                    .count();
            long none = q.units().stream().filter(Queries.UnitQueries::none).count();
            r = b.labelled(s, r, "核查结果 Result", q.units().size() + " 个单位：" + withProblems + " 个有问题，"
                    + withWarnings + " 个仅有提示，" + none + " 个无需核查；未归属单位的问题 " + q.unassigned().size() + " 项。"
                    + q.units().size() + " units: " + withProblems + " with problems, " + withWarnings
                    + " with warnings only, " + none + " with no queries; " + q.unassigned().size()
                    + " problems of no unit.");
            r = b.open(s, r, "截止日期 Return by");
            r++;
            r = b.paragraph(s, r, "每个单位一个核查工作簿（<代码>.xlsx，与报表同名），请在其“核查说明”工作表填写截止日期和联系人后发给该单位；"
                    + "无需核查的单位也有一份工作簿，说明无需回复。工作表“未归属问题”列出不属于任何单位的问题（缺少列、文件不是工作簿、"
                    + "无法识别的城市名称等），由评估组处理。"
                    + "\nEach unit has a workbook of its own (<code>.xlsx, named as its return): fill in the deadline and "
                    + "contact on its Instructions sheet and send it to the unit; a unit with no queries gets one too, "
                    + "saying no reply is needed. Sheet Other problems lists the problems of no unit (a missing column, "
                    + "a file that is not a workbook, an unknown city name) for the team to resolve.", b.plain);
            r++;
            r = rules(b, s, r, q);
            r++;
            b.headers(s, r, SUMMARY_HEADERS);
            int first = r;
            r++;
            Set<String> taken = new HashSet<>(Set.of(SUMMARY.toLowerCase(Locale.ROOT)));
            for (Queries.UnitQueries u : q.units()) {
                b.put(s, r, 0, u.code(), b.text);
                b.put(s, r, 1, u.name().zh() + " " + u.name().en(), b.text);
                b.put(s, r, 2, fileName(u.code(), taken), b.text);
                b.count(s, r, 3, u.problems().size());
                b.count(s, r, 4, u.warnings().size());
                b.put(s, r, 5, !u.problems().isEmpty() ? "需更正 To correct" : !u.warnings().isEmpty()
                        ? "需核实 To confirm" : "无需核查 No queries", b.text);
                r++;
            }
            b.put(s, r, 0, "合计 Total", b.header);
            b.put(s, r, 1, q.units().size() + " 个单位 units", b.header);
            b.put(s, r, 2, "", b.header);
            b.count(s, r, 3, q.units().stream().mapToInt(u -> u.problems().size()).sum());
            b.count(s, r, 4, q.units().stream().mapToInt(u -> u.warnings().size()).sum());
            b.put(s, r, 5, "未归属单位的问题 " + q.unassigned().size() + " 项 problems of no unit", b.header);
            s.createFreezePane(0, first + 1);
            b.finish(s, false);

            XSSFSheet o = b.sheet(OTHER_PROBLEMS, 6, 24, 10, 9, 24, 16, 40, 28);
            b.headers(o, PROBLEM_HEADERS.subList(0, PROBLEM_HEADERS.size() - 1));
            problemRows(b, o, q.unassigned(), false);
            b.finish(o, true);
            return b.bytes("数据核查汇总 Data queries: summary", "Summary of the queries to the units, made by "
                    + CREATOR + ".");
        }
    }

    // ---- the workbook being written ----------------------------------------------------------------------------------

    /** A form workbook with the few extra styles the query lists use: numbers, counts, wrapped notes. */
    private static final class Sheets extends FormBook {
        final CellStyle numberStyle;
        final CellStyle countStyle;

        Sheets() {
            // query lists are read on screen and printed, never protected: notes, plain text and replies wrap
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            plain.setWrapText(true);
            input.setWrapText(true);
            numberStyle = bordered();
            // at most three decimals shown (the cell keeps the value as read): survey means and pass rates have many
            numberStyle.setDataFormat(wb.createDataFormat().getFormat("0.0##"));
            countStyle = bordered();
        }

        XSSFSheet sheet(String name, int... widths) {
            XSSFSheet s = sheet(name);
            widths(s, widths);
            return s;
        }

        /** A count. */
        void count(XSSFSheet s, int row, int col, int value) {
            Cell c = row(s, row).createCell(col);
            c.setCellStyle(countStyle);
            c.setCellValue(value);
        }

        /** A number cell; a value that is not finite is left blank. */
        void number(XSSFSheet s, int row, int col, double value) {
            Cell c = row(s, row).createCell(col);
            c.setCellStyle(numberStyle);
            if (Double.isFinite(value)) {
                c.setCellValue(value);
            }
        }

        void reply(XSSFSheet s, int row, int col) {
            blankInput(s, row, col);
        }

        void headers(XSSFSheet s, List<String> headers) {
            headers(s, 0, headers);
            s.createFreezePane(0, 1);
        }

        void headers(XSSFSheet s, int row, List<String> headers) {
            for (int c = 0; c < headers.size(); c++) {
                put(s, row, c, headers.get(c), header);
            }
            fitHeight(s, row);
        }

        /** A label and its value across the sheet's second column; returns the next row. */
        int labelled(XSSFSheet s, int row, String label, String value) {
            put(s, row, 0, label, header);
            put(s, row, 1, value, text);
            fitHeight(s, row);
            return row + 1;
        }

        /** A label and an empty yellow cell left for the team (the deadline, a contact). */
        int open(XSSFSheet s, int row, String label) {
            put(s, row, 0, label, header);
            reply(s, row, 1);
            return row + 1;
        }

        /** A wrapped paragraph across the first two columns, the row made tall enough. */
        int paragraph(XSSFSheet s, int row, String value, CellStyle style) {
            CellStyle wrapped = style;
            if (!style.getWrapText()) {
                wrapped = wb.createCellStyle();
                wrapped.cloneStyleFrom(style);
                wrapped.setWrapText(true);
            }
            put(s, row, 0, value, wrapped);
            s.addMergedRegion(new CellRangeAddress(row, row, 0, 1));
            int lines = lines(value, (s.getColumnWidth(0) + s.getColumnWidth(1)) / 256.0);
            if (lines > 1) {
                row(s, row).setHeightInPoints(lines * LINE_POINTS);
            }
            return row + 1;
        }

        /** A4, one page wide. */
        void finish(XSSFSheet s, boolean landscape) {
            printSetup(s, landscape);
        }

        /** The bytes, with the document properties and zip times fixed to {@link #TIME}. */
        byte[] bytes(String titleText, String description) {
            return bytes(titleText, description, TIME, CREATOR);
        }
    }
}
