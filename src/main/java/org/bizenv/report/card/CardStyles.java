package org.bizenv.report.card;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.report.excel.NumberFormats;
import org.bizenv.report.excel.OoxmlText;

/**
 * The cell styles of a card workbook, one set per workbook (36 cards share them), as the {@code styles.xml} part
 * says them: thirteen fixed styles, then each style-and-number-format pair and each quote-prefixed style in the order
 * the cards first use them. The part is written as text, exactly as POI's usermodel wrote the same styles (fonts,
 * fills and borders are the same for every card, so they are one constant), at a fraction of the cost of building
 * and saving XMLBeans trees per style.
 */
final class CardStyles {

    // the indices of the fixed styles (cellXfs), in the order the part lists them
    static final int TITLE = 1;
    static final int SUBTITLE = 2;
    static final int BANNER = 3;
    static final int SECTION = 4;
    static final int HEAD = 5;
    static final int TEXT = 6;
    static final int SMALL = 7;
    static final int LABEL = 8;
    static final int BIG = 9;
    static final int BIG_TEXT = 10;
    static final int NUMBER = 11;
    static final int BETTER = 12;
    static final int WORSE = 13;

    /**
     * Each fixed style's xf: its attributes after {@code numFmtId} and its alignment. Fonts 1–13 and fills are those
     * of {@link #FIXED}: dark blue title, grey subtitle, red-on-peach banner, white-on-blue section, bold 9-point head
     * on light blue with a thin bottom border, 9-point text, 8-point grey small print, grey label on light grey, big
     * numbers and big text centred on light grey, 9-point numbers, green and red tones.
     */
    private static final String[][] XF = {
        {" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"", null},
        {" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"3\" fillId=\"3\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"4\" fillId=\"5\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"5\" fillId=\"7\" borderId=\"1\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\" applyBorder=\"true\"", "true\" vertical=\"center\""},
        {" fontId=\"6\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"", "true\" vertical=\"center\""},
        {" fontId=\"7\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"", "true\" vertical=\"center\""},
        {" fontId=\"8\" fillId=\"9\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "true\" vertical=\"center\" horizontal=\"center\""},
        {" fontId=\"9\" fillId=\"9\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "false\" vertical=\"center\" horizontal=\"center\""},
        {" fontId=\"10\" fillId=\"9\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "true\" vertical=\"center\" horizontal=\"center\""},
        {" fontId=\"11\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"12\" fillId=\"11\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "false\" vertical=\"center\""},
        {" fontId=\"13\" fillId=\"13\" borderId=\"0\" xfId=\"0\" applyFont=\"true\" applyAlignment=\"true\" applyFill=\"true\"", "false\" vertical=\"center\""},
    };

    /** Fonts, fills, borders and the cell-style xf: the same for every card workbook. */
    private static final String FIXED = "<fonts count=\"14\"><font><sz val=\"11.0\"/><color indexed=\"8\"/><name val=\"Calibri\"/><family val=\"2\"/><scheme val=\"minor\"/></font>"
            + font("16.0", true, "1F4E79") + font("10.0", false, "595959") + font("11.0", true, "C00000")
            + font("11.0", true, "FFFFFF") + font("9.0", true, "000000") + font("9.0", false, "000000")
            + font("8.0", false, "595959") + font("9.0", false, "595959") + font("20.0", true, "1F4E79")
            + font("14.0", true, "1F4E79") + font("9.0", false, "000000") + font("9.0", false, "006100")
            + font("9.0", false, "9C0006") + "</fonts><fills count=\"14\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"darkGray\"/></fill>" + fills("FCE4D6") + fills("1F4E79")
            + fills("DDEBF7") + fills("F2F2F2") + fills("C6EFCE") + fills("FFC7CE") + "</fills><borders count=\"2\">"
            + "<border><left/><right/><top/><bottom/><diagonal/></border><border><bottom style=\"thin\"/></border>"
            + "</borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
            + "</cellStyleXfs>";

    private static String font(String size, boolean bold, String rgb) {
        return "<font><name val=\"Calibri\"/><sz val=\"" + size + "\"/>" + (bold ? "<b val=\"true\"/>" : "")
                + "<color rgb=\"FF" + rgb + "\"/></font>";
    }

    /** A fill as POI registers it: first with its colour and no pattern, then solid (two fills per colour). */
    private static String fills(String rgb) {
        return "<fill><patternFill patternType=\"none\"><fgColor rgb=\"" + rgb + "\"/></patternFill></fill>"
                + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"" + rgb + "\"/></patternFill></fill>";
    }

    /** One cell style beyond the fixed ones: a fixed style with a number format, or quote-prefixed. */
    private record Derived(int base, int numFmt, boolean quoted) {
    }

    private final List<Derived> derived = new ArrayList<>();
    private final Map<String, Integer> formatted = new HashMap<>();
    private final Map<Integer, Integer> quotedOf = new HashMap<>();
    private final NumberFormats numFmts = new NumberFormats();

    /** {@code base} (a fixed style) with a number format, made once per pair. */
    int format(int base, String format) {
        return formatted.computeIfAbsent(base + "|" + format, k -> add(new Derived(base, numFmts.id(format), false)));
    }

    /** {@code base} marked as text, so that a spreadsheet never reads "=…" typed over it as a formula. */
    int quoted(int base) {
        return quotedOf.computeIfAbsent(base, k -> add(new Derived(base, 0, true)));
    }

    private int add(Derived d) {
        derived.add(d);
        return XF.length + derived.size() - 1;
    }

    /** The {@code xl/styles.xml} part. */
    void write(StringBuilder out) {
        out.append(OoxmlText.HEAD).append("<styleSheet xmlns=\"").append(OoxmlText.MAIN).append("\">");
        numFmts.write(out);
        out.append(FIXED).append("<cellXfs count=\"").append(XF.length + derived.size()).append("\">");
        for (int i = 0; i < XF.length; i++) {
            xf(out, i, 0, "");
        }
        for (var d : derived) {
            xf(out, d.base(), d.numFmt(), d.quoted() ? " quotePrefix=\"true\"" : " applyNumberFormat=\"true\"");
        }
        out.append("</cellXfs></styleSheet>");
    }

    private static void xf(StringBuilder out, int base, int numFmt, String more) {
        out.append("<xf numFmtId=\"").append(numFmt).append('"').append(XF[base][0]).append(more);
        if (XF[base][1] == null) {
            out.append("/>");
        } else {
            out.append("><alignment wrapText=\"").append(XF[base][1]).append("/></xf>");
        }
    }
}
