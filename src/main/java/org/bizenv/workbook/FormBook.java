package org.bizenv.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.sample.StableZip;

/**
 * A bilingual form workbook being written — the return forms of {@code bizenv template} and the query lists of
 * {@code bizenv validate --feedback}: the few styles forms use, text cells that never become formulas, cells left open
 * for input, rows sized for their wrapped text, A4 print setup, protection without a password, and a save that gives
 * the same bytes for the same content.
 *
 * <p>Protection is a guard against accidental edits, not security: the sheets and the workbook structure are
 * protected without a password (Review › Unprotect Sheet lifts it), so an evaluation team can still adapt a form.
 */
public class FormBook implements AutoCloseable {

    public final XSSFWorkbook wb = new XSSFWorkbook();
    public final CellStyle title;
    public final CellStyle header;
    public final CellStyle text;
    public final CellStyle input;
    public final CellStyle note;
    public final CellStyle plain;
    /** A plain style that is not locked: the default of columns people fill freely. */
    public final CellStyle open;

    public FormBook() {
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

    /** A new style with thin borders, top-aligned: the base of the table styles. */
    protected CellStyle bordered() {
        CellStyle s = thinBorders(wb.createCellStyle());
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    /** {@code s} with a thin border on all four sides, as every table cell of bizenv's workbooks has. */
    public static <S extends CellStyle> S thinBorders(S s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    public XSSFSheet sheet(String name) {
        return wb.createSheet(name);
    }

    public static Row row(XSSFSheet s, int index) {
        Row r = s.getRow(index);
        return r == null ? s.createRow(index) : r;
    }

    /** A text cell (0-based row and column); text is never a formula, whatever it starts with. */
    public Cell put(XSSFSheet s, int row, int col, String value, CellStyle style) {
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
    public Cell blankInput(XSSFSheet s, int row, int col) {
        Cell c = row(s, row).createCell(col);
        c.setCellStyle(input);
        return c;
    }

    public static void widths(XSSFSheet s, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            s.setColumnWidth(i, chars[i] * 256);
        }
    }

    /**
     * Sets a row tall enough for its wrapped texts (Excel does not size rows of a written file by itself), from the
     * lines each cell needs at its column's width (see {@link #lines}).
     */
    public static void fitHeight(XSSFSheet s, int rowIndex) {
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

    public static final float LINE_POINTS = 14.5f;

    /**
     * Lines a text needs in a column {@code chars} wide (Excel's width unit, the width of a digit): estimated, not
     * measured with fonts, from what renders in the default fonts — a Latin letter about 0.7 of a digit on average, a
     * Chinese character about 1.8 — rounded up per line.
     */
    public static int lines(String text, double chars) {
        double room = Math.max(1, chars - 1);
        int n = 0;
        for (String part : text.split("\n", -1)) {
            n += Math.max(1, (int) Math.ceil(displayWidth(part) / room));
        }
        return n;
    }

    public static double displayWidth(String s) {
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
    public static void printSetup(XSSFSheet s, boolean landscape) {
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
    public static void protect(XSSFSheet s) {
        s.lockFormatColumns(false);
        s.lockFormatRows(false);
        s.enableLocking();
    }

    // ---- saving --------------------------------------------------------------------------------------------------

    /**
     * The workbook's bytes: document properties fixed ({@code time} as created and modified, {@code creator} as its
     * author, e.g. {@code bizenv template}) and the zip re-packed with that time on every entry, so the bytes depend
     * on the content only.
     */
    public byte[] bytes(String titleText, String description, LocalDateTime time, String creator) {
        POIXMLProperties.CoreProperties p = wb.getProperties().getCoreProperties();
        Date fixed = Date.from(time.toInstant(ZoneOffset.UTC));
        p.setTitle(titleText);
        p.setDescription(description);
        p.setCreator(creator);
        p.setLastModifiedByUser(creator);
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
