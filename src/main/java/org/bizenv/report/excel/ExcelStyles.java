package org.bizenv.report.excel;

import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/** The workbook's cell styles, each created once (Excel allows ~64,000; a style per cell would be slow). */
final class ExcelStyles {
    private final SXSSFWorkbook wb;
    private final Map<String, CellStyle> cache = new HashMap<>();
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();
    private final Map<Integer, CellStyle> indents = new HashMap<>();
    private final Map<CellStyle, Boolean> filled = new java.util.IdentityHashMap<>();
    final String scoreFormat;
    final CellStyle title;
    final CellStyle header;
    final CellStyle headerSmall;
    final CellStyle group;
    final CellStyle bold;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle score;
    final CellStyle integer;
    final CellStyle rank;
    final CellStyle integerLeft;
    final CellStyle centred;
    final CellStyle weight;
    final CellStyle stat;
    final CellStyle percent;
    final CellStyle change;
    final CellStyle rankChange;
    final CellStyle bytes;
    final CellStyle weightChange;
    final CellStyle shift;
    final CellStyle chartHelper;

    ExcelStyles(SXSSFWorkbook wb, int decimals) {
        this.wb = wb;
        int d = Math.max(0, Math.min(10, decimals));
        scoreFormat = d == 0 ? "0" : "0." + "0".repeat(d);
        String zeros = d == 0 ? "" : "." + "0".repeat(d);

        XSSFFont titleFont = (XSSFFont) wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 13);
        XSSFFont boldFont = (XSSFFont) wb.createFont();
        boldFont.setBold(true);
        XSSFFont smallFont = (XSSFFont) wb.createFont();
        smallFont.setFontHeightInPoints((short) 9);

        title = wb.createCellStyle();
        title.setFont(titleFont);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        header = headerStyle(boldFont, "DDEBF7");
        headerSmall = headerStyle(smallFont, "DDEBF7");
        group = headerStyle(boldFont, "BDD7EE");
        text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
        centred = wb.createCellStyle();
        centred.setVerticalAlignment(VerticalAlignment.TOP);
        centred.setAlignment(HorizontalAlignment.CENTER);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        score = numeric(scoreFormat, null);
        integer = numeric("0", null);
        rank = wb.createCellStyle();
        rank.cloneStyleFrom(integer);
        rank.setAlignment(HorizontalAlignment.CENTER);
        integerLeft = wb.createCellStyle();
        integerLeft.cloneStyleFrom(integer);
        integerLeft.setAlignment(HorizontalAlignment.LEFT);
        weight = numeric("0.0000", null);
        stat = numeric("0.000", null);
        percent = numeric("0.0%", null);
        change = numeric("+0" + zeros + ";-0" + zeros + ";0" + zeros, null);
        rankChange = numeric("+0;-0;0", null);
        bytes = numeric("#,##0", null);
        weightChange = numeric("+0.0000;-0.0000;0", null);
        // rank shifts: no change shows as a dot, so the cities that move stand out
        shift = wb.createCellStyle();
        shift.cloneStyleFrom(numeric("+0;-0;\"·\"", null));
        shift.setAlignment(HorizontalAlignment.CENTER);
        XSSFFont greyFont = (XSSFFont) wb.createFont();
        greyFont.setColor(new XSSFColor(rgb("808080"), null));
        greyFont.setFontHeightInPoints((short) 9);
        chartHelper = wb.createCellStyle();
        chartHelper.cloneStyleFrom(numeric("0.0", null));
        chartHelper.setFont(greyFont);
    }

    private CellStyle headerStyle(Font font, String fill) {
        XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
        s.setFont(font);
        s.setWrapText(true);
        s.setAlignment(HorizontalAlignment.CENTER);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setFillForegroundColor(color(fill));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }

    private CellStyle numeric(String format, String fill) {
        return cache.computeIfAbsent(format + "|" + fill, k -> {
            XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
            s.setVerticalAlignment(VerticalAlignment.TOP);
            if (format != null) {
                s.setDataFormat(wb.createDataFormat().getFormat(format));
            }
            if (fill != null) {
                s.setFillForegroundColor(color(fill));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        });
    }

    /** A style with a number format ({@code null} for text) and a solid fill ({@code null} for none). */
    CellStyle style(String format, String fill) {
        return numeric(format, fill);
    }

    /**
     * Whether a style has a fill, so that an empty cell in it still shows (a marked gap): asked of every empty cell,
     * and answered once per style (POI reads it from the styles part's XML each time).
     */
    boolean filled(CellStyle style) {
        return filled.computeIfAbsent(style, s -> s.getFillPattern() != FillPatternType.NO_FILL);
    }

    /** Text indented by tree depth (the Weights sheet's names). */
    CellStyle indent(int depth) {
        return indents.computeIfAbsent(Math.max(0, Math.min(15, depth)), d -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(text);
            s.setAlignment(HorizontalAlignment.LEFT);
            s.setIndention(d.shortValue());
            return s;
        });
    }

    /** The same style with Excel's quote prefix: the cell stays text even when a user re-enters it. */
    CellStyle quoted(CellStyle base) {
        return quoted.computeIfAbsent(base, b -> {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(b);
            s.setQuotePrefixed(true);
            return s;
        });
    }

    static XSSFColor color(String hex) {
        return new XSSFColor(rgb(hex), null);
    }

    static byte[] rgb(String hex) {
        int v = Integer.parseInt(hex, 16);
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
