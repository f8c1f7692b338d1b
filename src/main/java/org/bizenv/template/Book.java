package org.bizenv.template;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.workbook.FormBook;

/**
 * A template workbook being written: a {@link FormBook} with Excel data validation from a field's valid range.
 */
final class Book extends FormBook {

    /** Excel's limits for the title and the text of a validation's prompt and error boxes. */
    static final int BOX_TITLE_MAX = 32;
    static final int BOX_TEXT_MAX = 255;

    // ---- data validation ---------------------------------------------------------------------------------------

    /**
     * Excel data validation of the cells from a field's request: a number in its valid range (or, when the field
     * accepts text codes, one of them), blanks allowed (whether a blank is accepted is the reader's to say), with a
     * prompt naming the unit and range and a stop box that says what is expected.
     *
     * @param firstCell the top-left cell of {@code cells} in A1 form (formulas are relative to it)
     */
    static void validate(XSSFSheet s, CellRangeAddressList cells, String firstCell, TemplateField f) {
        FieldRequest r = f.request();
        XSSFDataValidationHelper h = new XSSFDataValidationHelper(s);
        boolean lo = !Double.isNaN(r.min());
        boolean hi = !Double.isNaN(r.max());
        DataValidationConstraint c;
        if (r.texts().isEmpty() && lo && hi) {
            c = h.createDecimalConstraint(OperatorType.BETWEEN, number(r.min()), number(r.max()));
        } else if (r.texts().isEmpty() && lo) {
            c = h.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, number(r.min()), null);
        } else if (r.texts().isEmpty() && hi) {
            c = h.createDecimalConstraint(OperatorType.LESS_OR_EQUAL, number(r.max()), null);
        } else {
            c = h.createCustomConstraint(customFormula(firstCell, r));
        }
        DataValidation v = h.createValidation(c, cells);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        String unit = f.unit().isEmpty() ? "" : "（单位：" + f.unit() + "）";
        String unitEn = f.unit().isEmpty() ? "" : " (" + f.unit() + ")";
        v.createErrorBox(cut(f.field() + " 数值无效 Invalid value", BOX_TITLE_MAX),
                cut("请填写 " + expectedZh(r) + unit + "。Enter " + expectedEn(r) + unitEn + ".", BOX_TEXT_MAX));
        v.setShowPromptBox(true);
        v.createPromptBox(cut(f.field() + (f.unit().isEmpty() ? "" : " · " + f.unit()), BOX_TITLE_MAX),
                cut(expectedZh(r) + unit + " · " + expectedEn(r) + unitEn, BOX_TEXT_MAX));
        s.addValidationData(v);
    }

    /** {@code OR(AND(ISNUMBER(D4),D4>=0,D4<=60),D4="No Practice")}: Excel compares texts ignoring case. */
    static String customFormula(String cell, FieldRequest r) {
        List<String> number = new ArrayList<>(List.of("ISNUMBER(" + cell + ")"));
        if (!Double.isNaN(r.min())) {
            number.add(cell + ">=" + number(r.min()));
        }
        if (!Double.isNaN(r.max())) {
            number.add(cell + "<=" + number(r.max()));
        }
        String isNumber = number.size() == 1 ? number.get(0) : "AND(" + String.join(",", number) + ")";
        if (r.texts().isEmpty()) {
            return isNumber;
        }
        List<String> any = new ArrayList<>(List.of(isNumber));
        for (String t : r.texts()) {
            any.add(cell + "=\"" + t.replace("\"", "\"\"") + "\"");
        }
        return "OR(" + String.join(",", any) + ")";
    }

    /** A list of allowed entries kept in a range (e.g. {@code 'Lists'!$A$1:$A$36}), with a stop or warning box. */
    static void list(XSSFSheet s, CellRangeAddressList cells, String range, boolean strict, String titleText,
                     String message) {
        XSSFDataValidationHelper h = new XSSFDataValidationHelper(s);
        DataValidation v = h.createValidation(h.createFormulaListConstraint(range), cells);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
        v.createErrorBox(cut(titleText, BOX_TITLE_MAX), cut(message, BOX_TEXT_MAX));
        s.addValidationData(v);
    }

    /** A number of at least {@code min}, without a prompt (for columns where a prompt on every cell would tire). */
    static void atLeast(XSSFSheet s, CellRangeAddressList cells, double min, String titleText, String message) {
        XSSFDataValidationHelper h = new XSSFDataValidationHelper(s);
        DataValidation v = h.createValidation(
                h.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, number(min), null), cells);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(cut(titleText, BOX_TITLE_MAX), cut(message, BOX_TEXT_MAX));
        s.addValidationData(v);
    }

    /** "0 至 60 之间的数值" and the like ({@link FieldRequest#expectedZh()}). */
    static String expectedZh(FieldRequest r) {
        return r.expectedZh();
    }

    /** "a number from 0 to 60" and the like ({@link FieldRequest#expectedEn()}). */
    static String expectedEn(FieldRequest r) {
        return r.expectedEn();
    }

    /** A bound as Excel reads it in a formula: plain digits, no grouping, no exponent. */
    static String number(double d) {
        return CellValues.format(d);
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The bytes, made by {@code bizenv template}. */
    byte[] bytes(String titleText, String description, java.time.LocalDateTime time) {
        return bytes(titleText, description, time, Templates.CREATOR);
    }
}
