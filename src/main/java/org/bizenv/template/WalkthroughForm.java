package org.bizenv.template;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.city.City;
import org.bizenv.framework.Source;
import org.bizenv.ingest.Headers;
import org.bizenv.ingest.WalkthroughReader;

/**
 * The blank test log of a {@code walkthrough} source, as {@link WalkthroughReader} reads it: the header in row 1
 * ({@code City}, {@code Item}, {@code Outcome}, {@code Hours}, with a test id and a date the reader ignores) and a row
 * per test below. The header is protected, every other cell of its columns open; the items, outcomes and cities are
 * offered as lists (the city list only warns: the reader also accepts other spellings), hours must be a number ≥ 0.
 */
final class WalkthroughForm {

    /** The header: the reader's four columns among a test id and a date, each followed by its Chinese name. */
    static final List<String> HEADER = List.of("TestId 测试编号", "City 城市", "Item 事项", "Outcome 结果",
            "Hours 用时（小时）", "Date 日期");
    static final List<String> READ = List.of("City", "Item", "Outcome", "Hours");
    /** Outcomes offered in the list; the reader accepts more spellings (yes/no, 1/0 …). */
    static final List<String> OUTCOMES = List.of("通过", "未通过", "pass", "fail");
    static final String LISTS = "Lists";
    static final int LAST_ROW = 1_048_575;

    private WalkthroughForm() {
    }

    static byte[] workbook(Edition e, Source s, List<TemplateField> items, List<City> units) {
        for (String column : READ) {
            if (Headers.matching(HEADER, column).size() != 1) {
                throw new IllegalStateException("header does not name " + column + " once");
            }
        }
        try (Book b = new Book()) {
            String sheetName = s.sheet() == null ? "Tests" : s.sheet();
            XSSFSheet t = b.sheet(sheetName);
            CellStyle date = b.wb.createCellStyle();
            date.cloneStyleFrom(b.open);
            date.setDataFormat(b.wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int c = 0; c < HEADER.size(); c++) {
                b.put(t, 0, c, HEADER.get(c), b.header);
                t.setDefaultColumnStyle(c, c == 5 ? date : b.open);
            }
            Book.widths(t, 16, 16, 12, 14, 18, 14);
            t.createFreezePane(0, 1);
            t.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));

            XSSFSheet lists = b.sheet(LISTS);
            for (int i = 0; i < items.size(); i++) {
                b.put(lists, i, 0, items.get(i).field(), b.plain);
            }
            for (int i = 0; i < OUTCOMES.size(); i++) {
                b.put(lists, i, 1, OUTCOMES.get(i), b.plain);
            }
            for (int i = 0; i < units.size(); i++) {
                b.put(lists, i, 2, units.get(i).nameZh(), b.plain);
            }
            if (!units.isEmpty()) {
                Book.list(t, column(1), range(2, units.size()), false, "城市 City",
                        "不在城市列表中。Not in the list of cities: keep it only if it names one of them.");
            }
            Book.list(t, column(2), range(0, items.size()), true, "事项 Item",
                    "请选择框架中的测试事项。Choose one of the framework's test items.");
            Book.list(t, column(3), range(1, OUTCOMES.size()), true, "结果 Outcome",
                    "请填写 通过 或 未通过（pass / fail）。Enter 通过 or 未通过 (pass / fail).");
            Book.atLeast(t, column(4), 0, "用时 Hours",
                    "请填写用时（小时，不小于 0）。Enter the hours the test took (0 or more).");
            Book.printSetup(t, false);
            Book.protect(t);

            instructions(b, e, sheetName, items);
            b.wb.setSheetHidden(b.wb.getSheetIndex(LISTS), true);
            b.wb.setActiveSheet(0);
            b.wb.lockStructure();
            return b.bytes(e.titleZh() + " " + e.year() + " " + s.path(), e.description(), e.time());
        }
    }

    private static CellRangeAddressList column(int col) {
        return new CellRangeAddressList(1, LAST_ROW, col, col);
    }

    private static String range(int col, int n) {
        String c = String.valueOf((char) ('A' + col));
        return "'" + LISTS + "'!$" + c + "$1:$" + c + "$" + Math.max(1, n);
    }

    private static void instructions(Book b, Edition e, String sheetName, List<TemplateField> items) {
        InstructionsSheet in = new InstructionsSheet(b, InstructionsSheet.NAME, 18, 30, 30, 24, 14, 50);
        in.title(e.titleZh() + " " + e.year() + " 年度第三方穿行测试记录");
        in.paragraph(e.titleEn() + ": walk-through tests for " + e.year());
        e.syntheticNote(in);
        in.gap();
        in.labelled("评估年度 Year", Integer.toString(e.year()), false);
        in.labelled("截止日期 Deadline", null, true);
        in.labelled("报送方式 Send to", null, true);
        in.gap();
        in.heading("如何填写 How to fill in this log");
        in.paragraph("1. 工作表「" + sheetName + "」每行记录一次测试：城市（City）、测试事项代码（Item）、结果（Outcome）、用时（Hours，小时）；"
                + "测试编号和日期供核查，可选填。\n"
                + "Sheet " + sheetName + " takes a row per test: the city (City), the item's code (Item), the outcome "
                + "(Outcome) and the hours it took (Hours); the test id and the date are for checking and optional.");
        in.paragraph("2. 结果填「通过」或「未通过」（也可填 pass / fail、是 / 否、1 / 0）；用时为不小于 0 的数字，"
                + "未通过的测试也请填写用时。\n"
                + "Outcome is 通过 or 未通过 (pass / fail, 是 / 否 and 1 / 0 are read too); Hours is a number of at "
                + "least 0, for failed tests too.");
        in.paragraph("3. 城市名称按城市列表填写（中文名称，也可加「市」或用英文名称）。每个事项在每个城市一般测试多次：通过率和平均用时按城市、事项汇总。\n"
                + "Name cities as in the list (the Chinese name, with or without 市, or the English name). Each item "
                + "is usually tested several times in each city: pass rates and mean hours are taken per city and "
                + "item.");
        in.paragraph("4. 请勿修改表头（第 1 行）和工作表名称。" + Edition.PROTECTION_ZH + "\n"
                + "Do not change the header (row 1) or the sheet names. " + Edition.PROTECTION_EN);
        in.gap();
        in.heading("测试事项 Items (" + items.size() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (TemplateField f : items) {
            rows.add(List.of(f.field(), f.nameZh(), f.nameEn(),
                    String.join("\n", f.statistics().stream().map(WalkthroughForm::statistic).toList()),
                    String.join(", ", f.indicators()), f.definition()));
        }
        in.table(List.of("事项 Item", "测试内容 Test", "Test (English)", "统计 Statistic", "指标 Indicator",
                "定义 Definition"), rows);
        in.gap();
        in.paragraph(e.footer());
        in.finish(true);
    }

    static String statistic(String s) {
        return switch (s) {
            case "pass-rate" -> "通过率 pass rate (%)";
            case "mean-hours" -> "平均用时 mean hours";
            default -> s;
        };
    }
}
