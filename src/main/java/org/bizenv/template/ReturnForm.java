package org.bizenv.template;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.city.City;
import org.bizenv.framework.Source;
import org.bizenv.ingest.UnitWorkbooksReader;

/**
 * The blank data return of one unit for a {@code unit-workbooks} source, in exactly the layout
 * {@link UnitWorkbooksReader} reads: in the source's sheet (default {@code Data}) B1 holds the unit's name, row 3 the
 * header, and from row 4 one row per item — code in A, bilingual name in B, unit in C, the value in D (empty, open,
 * validated against the item's valid range), a note in E (open) — followed by columns the reader ignores: whether the
 * item is required, its valid range and its definition. A second sheet says what to fill in and how.
 */
final class ReturnForm {

    /** Columns after the reader's five: required, valid range, definition. */
    static final List<String> HEADER = List.of("代码 Code", "指标 Item", "单位 Unit", "数值 Value", "备注 Note",
            "必填 Required", "有效范围 Valid range", "定义 Definition");
    static final int FIRST_ITEM_ROW = 4;
    static final int VALUE_COLUMN = 4;
    static final int NOTE_COLUMN = 5;

    private ReturnForm() {
    }

    static byte[] build(Edition e, Source s, List<TemplateField> fields, City city) {
        try (Book b = new Book()) {
            String sheetName = s.sheet() == null ? UnitWorkbooksReader.DEFAULT_SHEET : s.sheet();
            XSSFSheet d = b.sheet(sheetName);
            b.put(d, 0, 0, "城市 City", b.header);
            b.put(d, 0, 1, city.nameZh(), b.text);
            b.put(d, 0, 2, "请先阅读工作表「" + InstructionsSheet.NAME + "」。Read the sheet " + InstructionsSheet.NAME
                    + " first.", b.note);
            b.put(d, 1, 0, "年份 Year", b.header);
            Book.row(d, 1).createCell(1).setCellValue(e.year());
            Book.row(d, 1).getCell(1).setCellStyle(b.text);
            for (int c = 0; c < HEADER.size(); c++) {
                b.put(d, FIRST_ITEM_ROW - 2, c, HEADER.get(c), b.header);
            }
            Book.widths(d, 10, 34, 14, 14, 24, 13, 22, 60);
            for (int i = 0; i < fields.size(); i++) {
                TemplateField f = fields.get(i);
                int r = FIRST_ITEM_ROW - 1 + i;
                b.put(d, r, 0, f.field(), b.text);
                b.put(d, r, 1, Edition.lines(f.nameZh(), f.nameEn()), b.text);
                b.put(d, r, 2, f.unit(), b.text);
                b.blankInput(d, r, VALUE_COLUMN - 1);
                b.blankInput(d, r, NOTE_COLUMN - 1);
                b.put(d, r, 5, Edition.required(f), b.text);
                b.put(d, r, 6, Edition.range(f), b.text);
                b.put(d, r, 7, f.definition(), b.text);
                Book.fitHeight(d, r);
                Book.validate(d, new CellRangeAddressList(r, r, VALUE_COLUMN - 1, VALUE_COLUMN - 1),
                        new CellReference(r, VALUE_COLUMN - 1).formatAsString(false), f);
            }
            d.createFreezePane(0, FIRST_ITEM_ROW - 1);
            d.setRepeatingRows(new CellRangeAddress(0, FIRST_ITEM_ROW - 2, -1, -1));
            Book.printSetup(d, true);
            Book.protect(d);

            instructions(b, e, s, sheetName, fields, city);
            b.wb.setActiveSheet(0);
            b.wb.lockStructure();
            return b.bytes(e.titleZh() + " " + city.nameZh() + " 数据填报表 Data return of " + city.nameEn(),
                    e.description(), e.time());
        }
    }

    private static void instructions(Book b, Edition e, Source s, String sheetName, List<TemplateField> fields,
                                     City city) {
        InstructionsSheet in = new InstructionsSheet(b, InstructionsSheet.NAME, 18, 30, 30, 14, 22, 13, 50);
        in.title(e.titleZh() + " " + e.year() + " 年度数据填报表（" + city.nameZh() + "）");
        in.paragraph(e.titleEn() + ": data return of " + city.nameEn() + " for " + e.year());
        e.syntheticNote(in);
        in.gap();
        in.labelled("填报城市 City", city.nameZh() + " " + city.nameEn(), false);
        in.labelled("评估年度 Year", Integer.toString(e.year()), false);
        in.labelled("截止日期 Deadline", null, true);
        in.labelled("报送方式 Send to", null, true);
        in.labelled("填报人 Filled in by", null, true);
        in.gap();
        in.heading("如何填写 How to fill in this form");
        int n = fields.size();
        in.paragraph("1. 请在工作表「" + sheetName + "」的「数值 Value」列（D 列，黄色单元格）逐项填写全部 " + n
                + " 个事项；「备注 Note」列（E 列）可注明数据来源或统计口径。其余单元格已锁定。\n"
                + "Fill in the Value column (column D, the yellow cells) of sheet " + sheetName + " for each of the "
                + n + " items; use the Note column (E) for where a figure comes from or how it was counted. The other "
                + "cells are locked.");
        in.paragraph("2. 按「单位 Unit」列所示的单位只填数字，不要填写单位或文字" + e.percentZh(fields) + "。\n"
                + "Enter numbers only, in the unit given in the Unit column, without units or words"
                + e.percentEn(fields) + ".");
        in.paragraph("3. 数值须在「有效范围 Valid range」之内（超出时 Excel 会拒绝输入）；「必填 Required」为「是」的事项不得留空"
                + (Edition.anyOptional(fields) ? "，为「否」的事项无数据时可留空" : "") + "。\n"
                + "Values must lie within the Valid range (Excel refuses others); items marked Required must not be "
                + "left blank" + (Edition.anyOptional(fields) ? ", the others may be left blank when there are no data"
                : "") + ".");
        in.paragraph("4. 请勿修改城市名称（B1）、事项代码、工作表名称和文件名（" + city.code() + ".xlsx）：评估程序据此识别城市和事项。\n"
                + "Do not change the city's name (B1), the item codes, the sheet names or the file name ("
                + city.code() + ".xlsx): the evaluation reads them to know the city and the items.");
        in.paragraph("5. " + Edition.PROTECTION_ZH + "\n" + Edition.PROTECTION_EN);
        in.gap();
        in.heading("填报事项 Items (" + n + ")");
        List<List<String>> rows = new ArrayList<>();
        for (TemplateField f : fields) {
            rows.add(List.of(f.field(), f.nameZh(), f.nameEn(), f.unit(), Edition.range(f), Edition.required(f),
                    f.definition()));
        }
        in.table(List.of("代码 Code", "指标 Item", "Item (English)", "单位 Unit", "有效范围 Valid range",
                "必填 Required", "定义 Definition"), rows);
        in.gap();
        in.paragraph(e.footer());
        in.finish(true);
    }
}
