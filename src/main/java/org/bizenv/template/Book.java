package org.bizenv.template;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.sample.StableZip;

/**
 * A template workbook being written: the few styles every template uses, cells that are locked or left open for
 * input, Excel data validation from a field's valid range, sheet protection without a password, and a save that
 * gives the same bytes for the same content.
 *
 * <p>Protection is a guard against accidental edits, not security: the sheets and the workbook structure are
 * protected without a password (Review › Unprotect Sheet lifts it), so an evaluation team can still adapt a form.
 */
final class Book implements AutoCloseable {

    /** Excel's limits for the title and the text of a validation's prompt and error boxes. */
    static final int BOX_TITLE_MAX = 32;
    static final int BOX_TEXT_MAX = 255;

    final XSSFWorkbook wb = new XSSFWorkbook();
    final CellStyle title;
    final CellStyle header;
    final CellStyle text;
    final CellStyle input;
    final CellStyle note;
    final CellStyle plain;
    /** A plain style that is not locked: the default of columns people fill freely. */
    final CellStyle open;

    Book() {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());

        title = wb.createCellStyle();
        title.setFont(big);
        header = bordered();
        header.setFont(bold);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        text = bordered();
        text.setWrapText(true);
        input = bordered();
        input.setLocked(false);
        input.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        note = wb.createCellStyle();
        note.setFont(grey);
        plain = wb.createCellStyle();
        plain.setVerticalAlignment(VerticalAlignment.TOP);
        open = wb.createCellStyle();
        open.setLocked(false);
    }

    private CellStyle bordered() {
        CellStyle s = wb.createCellStyle();
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    XSSFSheet sheet(String name) {
        return wb.createSheet(name);
    }

    static Row row(XSSFSheet s, int index) {
        Row r = s.getRow(index);
        return r == null ? s.createRow(index) : r;
    }

    /** A text cell (0-based row and column); text is never a formula, whatever it starts with. */
    Cell put(XSSFSheet s, int row, int col, String value, CellStyle style) {
        Cell c = row(s, row).createCell(col);
        String v = value == null ? "" : value;
        c.setCellValue(v);
        c.setCellStyle(!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? quoted(style) : style);
        return c;
    }

    /** The style with Excel's quote prefix, so that text starting with = + - @ stays text when edited. */
    private CellStyle quoted(CellStyle style) {
        return quoted.computeIfAbsent(style.getIndex(), i -> {
            CellStyle q = wb.createCellStyle();
            q.cloneStyleFrom(style);
            q.setQuotePrefixed(true);
            return q;
        });
    }

    private final java.util.Map<Short, CellStyle> quoted = new java.util.HashMap<>();

    /** An empty cell left open for input. */
    Cell blankInput(XSSFSheet s, int row, int col) {
        Cell c = row(s, row).createCell(col);
        c.setCellStyle(input);
        return c;
    }

    static void widths(XSSFSheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }

    /**
     * Sets a row tall enough for its wrapped texts (Excel does not size rows of a written file by itself), from the
     * lines each cell needs at its column's width (see {@link #lines}).
     */
    static void fitHeight(XSSFSheet s, int rowIndex) {
        Row r = s.getRow(rowIndex);
        if (r == null) {
            return;
        }
        int lines = 1;
        for (Cell c : r) {
            if (c.getCellStyle().getWrapText() && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                lines = Math.max(lines, lines(c.getStringCellValue(), s.getColumnWidth(c.getColumnIndex()) / 256.0));
            }
        }
        if (lines > 1) {
            r.setHeightInPoints(lines * LINE_POINTS);
        }
    }

    static final float LINE_POINTS = 14.5f;

    /**
     * Lines a text needs in a column {@code chars} wide (Excel's width unit, the width of a digit): estimated, not
     * measured with fonts, from what renders in the default fonts — a Latin letter about 0.7 of a digit on average, a
     * Chinese character about 1.8 — rounded up per line.
     */
    static int lines(String text, double chars) {
        double room = Math.max(1, chars - 1);
        int n = 0;
        for (String part : text.split("\n", -1)) {
            n += Math.max(1, (int) Math.ceil(displayWidth(part) / room));
        }
        return n;
    }

    static double displayWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += Character.isIdeographic(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)
                    ? 1.8 : Character.isUpperCase(cp) || Character.isDigit(cp) ? 0.9 : 0.7;
            i += Character.charCount(cp);
        }
        return w;
    }

    /** A4, fit to one page wide, as a form is printed. */
    static void printSetup(XSSFSheet s, boolean landscape) {
        PrintSetup p = s.getPrintSetup();
        p.setPaperSize(PrintSetup.A4_PAPERSIZE);
        p.setLandscape(landscape);
        s.setFitToPage(true);
        p.setFitWidth((short) 1);
        p.setFitHeight((short) 0);
        s.setMargin(PageMargin.LEFT, 0.5);
        s.setMargin(PageMargin.RIGHT, 0.5);
    }

    /**
     * Protects a sheet without a password: locked cells cannot be edited, open ones can; columns and rows may still be
     * resized.
     */
    static void protect(XSSFSheet s) {
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.enableLocking();
    }

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

    // ---- saving --------------------------------------------------------------------------------------------------

    /**
     * The workbook's bytes: document properties fixed ({@code time} as created and modified, creator
     * {@code bizenv template}) and the zip re-packed with that time on every entry, so the bytes depend on the
     * content only.
     */
    byte[] bytes(String titleText, String description, LocalDateTime time) {
        POIXMLProperties.CoreProperties p = wb.getProperties().getCoreProperties();
        Date fixed = Date.from(time.toInstant(ZoneOffset.UTC));
        p.setTitle(titleText);
        p.setDescription(description);
        p.setCreator(Templates.CREATOR);
        p.setLastModifiedByUser(Templates.CREATOR);
        p.setCreated(Optional.of(fixed));
        p.setModified(Optional.of(fixed));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return StableZip.repack(out.toByteArray(), time);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a workbook in memory", e);
        }
    }

    @Override
    public void close() {
        try {
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
