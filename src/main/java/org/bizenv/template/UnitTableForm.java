package org.bizenv.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.city.City;
import org.bizenv.framework.Source;
import org.bizenv.ingest.Headers;
import org.bizenv.ingest.UnitTableReader;

/**
 * The blank table of a {@code unit-table} source, as {@link UnitTableReader} reads it: the header in row 1 — the unit
 * column, the unit-name and group columns the source declares, then a column per field — and a row per unit of the
 * registry, the unit named as the registry names it (its Chinese name, which the reader matches). A workbook's value
 * cells are open and validated, the rest protected, and a second sheet lists the columns; a CSV file (UTF-8 with a
 * byte-order mark, so that Excel shows Chinese) has the header and the units only.
 *
 * <p>Without a registry the units are not known: the table has its header only, unprotected, and validation on the
 * first {@value #OPEN_ROWS} rows.
 */
final class UnitTableForm {

    static final int OPEN_ROWS = 1000;

    private UnitTableForm() {
    }

    static boolean isCsv(Source s) {
        return s.path().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The table's column names as the reader looks them up: unit, unit name, groups, then the fields. */
    static List<String> columns(Source s, List<TemplateField> fields) {
        List<String> out = new ArrayList<>(List.of(s.unitColumn()));
        if (s.unitNameColumn() != null && !s.unitNameColumn().equals(s.unitColumn())) {
            out.add(s.unitNameColumn());
        }
        out.addAll(s.groupColumns());
        fields.forEach(f -> out.add(f.field()));
        return out;
    }

    /**
     * The header texts: each field followed, on further lines, by its names and unit ({@code S01↵研发经费投入强度↵R&D
     * intensity (%)}), which the reader matches by the field's prefix — unless some column would then no longer be
     * found exactly where it is, when every header is just its name.
     */
    static List<String> headers(Source s, List<TemplateField> fields, boolean decorate) {
        List<String> plain = columns(s, fields);
        if (!decorate) {
            return plain;
        }
        List<String> out = new ArrayList<>(plain.subList(0, plain.size() - fields.size()));
        for (TemplateField f : fields) {
            String names = Edition.lines(f.nameZh(), f.nameEn());
            out.add(f.field() + (names.isEmpty() || names.equals(f.field()) ? "" : "\n" + names)
                    + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
        }
        for (int i = 0; i < plain.size(); i++) {
            if (!Headers.matching(out, plain.get(i)).equals(List.of(i))) {
                return plain;
            }
        }
        return out;
    }

    static byte[] csv(Source s, List<TemplateField> fields, List<City> units) {
        List<String> columns = columns(s, fields);
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", columns.stream().map(UnitTableForm::csvField).toList())).append('\n');
        for (City c : units) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                row.add(i == 0 ? csvField(c.nameZh()) : i == 1 && hasNameColumn(s) ? csvField(c.nameEn()) : "");
            }
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasNameColumn(Source s) {
        return s.unitNameColumn() != null && !s.unitNameColumn().equals(s.unitColumn());
    }

    /** RFC 4180: quoted when it holds a separator, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                && s.indexOf(';') < 0 && s.indexOf('\t') < 0) {
            return s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static byte[] workbook(Edition e, Source s, List<TemplateField> fields, List<City> units) {
        try (Book b = new Book()) {
            String sheetName = s.sheet() == null ? "Data" : s.sheet();
            XSSFSheet d = b.sheet(sheetName);
            List<String> headers = headers(s, fields, true);
            int firstField = headers.size() - fields.size();
            for (int c = 0; c < headers.size(); c++) {
                b.put(d, 0, c, headers.get(c), b.header);
                d.setColumnWidth(c, (c < firstField ? 16 : 22) * 256);
            }
            Book.fitHeight(d, 0);
            boolean known = !units.isEmpty();
            int last = known ? units.size() : OPEN_ROWS;
            for (int i = 0; i < units.size(); i++) {
                City c = units.get(i);
                b.put(d, i + 1, 0, c.nameZh(), b.text);
                int col = 1;
                if (hasNameColumn(s)) {
                    b.put(d, i + 1, col++, c.nameEn(), b.text);
                }
                for (; col < headers.size(); col++) {
                    b.blankInput(d, i + 1, col);
                }
            }
            for (int f = 0; f < fields.size(); f++) {
                int col = firstField + f;
                Book.validate(d, new CellRangeAddressList(1, last, col, col),
                        new CellReference(1, col).formatAsString(false), fields.get(f));
            }
            d.createFreezePane(1, 1);
            d.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
            Book.printSetup(d, true);
            if (known) {
                Book.protect(d);
            }
            instructions(b, e, s, sheetName, fields, units, firstField);
            b.wb.setActiveSheet(0);
            if (known) {
                b.wb.lockStructure();
            }
            return b.bytes(e.titleZh() + " " + e.year() + " " + s.path(), e.description(), e.time());
        }
    }

    private static void instructions(Book b, Edition e, Source s, String sheetName, List<TemplateField> fields,
                                     List<City> units, int firstField) {
        InstructionsSheet in = new InstructionsSheet(b, InstructionsSheet.NAME, 18, 28, 28, 14, 22, 13, 44, 16);
        in.title(e.titleZh() + " " + e.year() + " 年度数据表（" + s.path() + "）");
        in.paragraph(e.titleEn() + ": data table " + s.path() + " for " + e.year() + " (" + s.channel() + ")");
        e.syntheticNote(in);
        in.gap();
        in.labelled("评估年度 Year", Integer.toString(e.year()), false);
        in.labelled("截止日期 Deadline", null, true);
        in.labelled("报送方式 Send to", null, true);
        in.labelled("填报人 Filled in by", null, true);
        in.gap();
        in.heading("如何填写 How to fill in this table");
        String first = s.unitColumn();
        if (!units.isEmpty()) {
            in.paragraph("1. 工作表「" + sheetName + "」每行一个城市（已列出全部 " + units.size() + " 个），从第 "
                    + (firstField + 1) + " 列起每列一个指标：请在黄色单元格中填写数值。\n"
                    + "Sheet " + sheetName + " has a row per city (all " + units.size() + " are listed) and, from "
                    + "column " + (firstField + 1) + ", a column per indicator: fill in the yellow cells.");
        } else {
            in.paragraph("1. 工作表「" + sheetName + "」每行一个单位：在「" + first + "」列填写单位，再逐列填写数值。\n"
                    + "Sheet " + sheetName + " takes a row per unit: the unit in column " + first + ", then a value "
                    + "in each column.");
        }
        in.paragraph("2. 按各列所示的单位只填数字，不要填写单位或文字" + e.percentZh(fields) + "。\n"
                + "Enter numbers only, in each column's unit, without units or words" + e.percentEn(fields) + ".");
        in.paragraph("3. 数值须在「有效范围 Valid range」之内（超出时 Excel 会拒绝输入）；「必填 Required」为「是」的列不得留空。\n"
                + "Values must lie within the Valid range (Excel refuses others); columns marked Required must not "
                + "have blanks.");
        in.paragraph("4. 请勿修改表头（第 1 行）、城市名称、工作表名称和文件名（" + s.path() + "）：评估程序据此识别城市和指标。\n"
                + "Do not change the header (row 1), the cities' names, the sheet names or the file name ("
                + s.path() + "): the evaluation reads them to know the cities and the indicators.");
        if (!units.isEmpty()) {
            in.paragraph("5. " + Edition.PROTECTION_ZH + "\n" + Edition.PROTECTION_EN);
        }
        in.gap();
        in.heading("各列 Columns (" + fields.size() + ")");
        List<List<String>> rows = new ArrayList<>();
        for (TemplateField f : fields) {
            rows.add(List.of(f.field(), f.nameZh(), f.nameEn(), f.unit(), Edition.range(f), Edition.required(f),
                    f.definition(), String.join(", ", f.indicators())));
        }
        in.table(List.of("列 Column", "指标 Item", "Item (English)", "单位 Unit", "有效范围 Valid range",
                "必填 Required", "定义 Definition", "指标代码 Indicator"), rows);
        in.gap();
        in.paragraph(e.footer());
        in.finish(true);
    }
}
