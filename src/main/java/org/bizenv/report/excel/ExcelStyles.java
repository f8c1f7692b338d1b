package org.bizenv.report.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workbook's cell styles, each created once (Excel allows ~64,000; a style per cell would be slow), and the
 * styles part ({@code xl/styles.xml}) that lists them, written as text: the bytes POI's usermodel wrote for the same
 * styles made by the same calls in the same order (the fonts and borders are fixed; number formats, fills and cell
 * styles are numbered in the order they are first asked for), without POI's style objects and XMLBeans trees.
 */
final class ExcelStyles {
    // the fonts (fixed): the default, then the title's, bold, small and grey
    private static final int TITLE_FONT = 1;
    private static final int BOLD_FONT = 2;
    private static final int SMALL_FONT = 3;
    private static final int GREY_FONT = 4;
    /** Thin on all four sides: the header styles' border, the last one made while setting their sides. */
    private static final int BOXED = 4;
    private static final String FONTS = "<fonts count=\"5\"><font><sz val=\"11.0\"/><color indexed=\"8\"/>"
            + "<name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font><font><name val=\"Calibri\"/>"
            + "<sz val=\"13.0\"/><b val=\"true\"/></font><font><name val=\"Calibri\"/><sz val=\"11.0\"/>"
            + "<b val=\"true\"/></font><font><name val=\"Calibri\"/><sz val=\"9.0\"/></font><font><name val=\""
            + "Calibri\"/><sz val=\"9.0\"/><color rgb=\"FF808080\"/></font></fonts>";
    private static final String BORDERS_AND_STYLE_XFS = "<borders count=\"5\"><border><left/><right/><top/><bottom/><diagonal/>"
            + "</border><border><bottom style=\"thin\"/></border><border><top style=\"thin\"/><bottom style=\"thin\"/>"
            + "</border><border><left style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/></border><border>"
            + "<left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/><bottom style=\"thin\"/></border>"
            + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
            + "</cellStyleXfs>";

    private final List<CellStyle> all = new ArrayList<>();
    private final NumberFormats numFmts = new NumberFormats();
    /** Fill colours in order of first use; each has two fills, as POI registers them: see {@link #fill}. */
    private final List<String> fillColours = new ArrayList<>();
    private final Map<String, CellStyle> cache = new HashMap<>();
    private final Map<CellStyle, CellStyle> quoted = new HashMap<>();
    private final Map<Integer, CellStyle> indents = new HashMap<>();
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

    ExcelStyles(int decimals) {
        int d = Math.max(0, Math.min(10, decimals));
        scoreFormat = d == 0 ? "0" : "0." + "0".repeat(d);
        String zeros = d == 0 ? "" : "." + "0".repeat(d);
        create(); // the workbook's default style, 0

        title = create();
        font(title, TITLE_FONT);
        title.align("vertical", "center");
        bold = create();
        font(bold, BOLD_FONT);
        header = headerStyle(BOLD_FONT, "DDEBF7");
        headerSmall = headerStyle(SMALL_FONT, "DDEBF7");
        group = headerStyle(BOLD_FONT, "BDD7EE");
        text = create();
        text.align("vertical", "top");
        centred = create();
        centred.align("vertical", "top");
        centred.align("horizontal", "center");
        wrap = create();
        wrap.align("wrapText", "true");
        wrap.align("vertical", "top");
        score = style(scoreFormat, null);
        integer = style("0", null);
        // a style made first and then made a copy of another (POI's cloneStyleFrom): the copy keeps the first index
        rank = copy(create(), integer);
        rank.align("horizontal", "center");
        integerLeft = copy(create(), integer);
        integerLeft.align("horizontal", "left");
        weight = style("0.0000", null);
        stat = style("0.000", null);
        percent = style("0.0%", null);
        change = style("+0" + zeros + ";-0" + zeros + ";0" + zeros, null);
        rankChange = style("+0;-0;0", null);
        bytes = style("#,##0", null);
        weightChange = style("+0.0000;-0.0000;0", null);
        // rank shifts: no change shows as a dot, so the cities that move stand out
        shift = copy(create(), style("+0;-0;\"·\"", null));
        shift.align("horizontal", "center");
        chartHelper = copy(create(), style("0.0", null));
        font(chartHelper, GREY_FONT);
    }

    /** A new style, the default's xf, at the end of the list. */
    private CellStyle create() {
        var s = new CellStyle(all.size());
        all.add(s);
        return s;
    }

    /** {@code target} made a copy of {@code from}, under its own index. */
    private CellStyle copy(CellStyle target, CellStyle from) {
        var s = new CellStyle(target.index, from);
        all.set(target.index, s);
        return s;
    }

    private static void font(CellStyle s, int font) {
        s.xf.put("fontId", Integer.toString(font));
        s.xf.put("applyFont", "true");
    }

    private CellStyle headerStyle(int font, String fill) {
        CellStyle s = create();
        font(s, font);
        s.align("wrapText", "true");
        s.align("horizontal", "center");
        s.align("vertical", "center");
        fill(s, fill);
        // each side set in turn: bottom, top, left, right (each a border of its own on the way)
        s.xf.put("borderId", Integer.toString(BOXED));
        s.xf.put("applyBorder", "true");
        return s;
    }

    /**
     * A solid fill of {@code rgb}. POI registers a colour's fill twice: once when the colour is set (with the pattern
     * still none) and again when the pattern is made solid; the style keeps the second.
     */
    private void fill(CellStyle s, String rgb) {
        int k = fillColours.indexOf(rgb);
        if (k < 0) {
            fillColours.add(rgb);
            k = fillColours.size() - 1;
        }
        s.xf.put("fillId", Integer.toString(3 + 2 * k));
        s.xf.put("applyFill", "true");
        s.filled = true;
    }

    /**
     * A style with a number format ({@code null} for text) and a solid fill ({@code null} for none), made once per
     * pair.
     */
    CellStyle style(String format, String fill) {
        return cache.computeIfAbsent(format + "|" + fill, key -> {
            CellStyle s = create();
            s.align("vertical", "top");
            if (format != null) {
                s.xf.put("applyNumberFormat", "true");
                s.xf.put("numFmtId", Integer.toString(numFmts.id(format)));
            }
            if (fill != null) {
                fill(s, fill);
            }
            return s;
        });
    }

    /** Text indented by tree depth (the Weights sheet's names). */
    CellStyle indent(int depth) {
        return indents.computeIfAbsent(Math.max(0, Math.min(15, depth)), d -> {
            CellStyle s = copy(create(), text);
            s.align("horizontal", "left");
            s.alignment.put("indent", Integer.toString(d));
            return s;
        });
    }

    /** The same style with Excel's quote prefix: the cell stays text even when a user re-enters it. */
    CellStyle quoted(CellStyle base) {
        return quoted.computeIfAbsent(base, b -> {
            CellStyle s = copy(create(), b);
            s.xf.put("quotePrefix", "true");
            return s;
        });
    }

    /** The styles part, {@code xl/styles.xml}. */
    void write(StringBuilder out) {
        out.append(OoxmlText.HEAD).append("<styleSheet xmlns=\"").append(OoxmlText.MAIN).append("\">");
        numFmts.write(out);
        out.append(FONTS);
        out.append("<fills count=\"").append(2 + 2 * fillColours.size()).append("\"><fill><patternFill patternType="
                + "\"none\"/></fill><fill><patternFill patternType=\"darkGray\"/></fill>");
        for (String rgb : fillColours) {
            out.append("<fill><patternFill patternType=\"none\"><fgColor rgb=\"").append(rgb)
                    .append("\"/></patternFill></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"")
                    .append(rgb).append("\"/></patternFill></fill>");
        }
        out.append("</fills>").append(BORDERS_AND_STYLE_XFS).append("<cellXfs count=\"").append(all.size()).append("\">");
        for (var s : all) {
            s.write(out);
        }
        out.append("</cellXfs></styleSheet>");
    }
}
