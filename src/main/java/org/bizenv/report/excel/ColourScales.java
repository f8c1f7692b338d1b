package org.bizenv.report.excel;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The conditional colour scales the sheets put on scores, rank shifts, margins and correlations, written as the
 * sheet part's text ({@code <conditionalFormatting>}, the bytes POI's {@code XSSFSheetConditionalFormatting} wrote):
 * each is one range with one rule, numbered in the order the sheet made them.
 */
final class ColourScales {
    private ColourScales() {
    }

    /** Red–yellow–green over one column, from its minimum over its median to its maximum. */
    static void scale(SheetGrid g, int firstRow, int lastRow, int col) {
        colourScale(g, new CellRangeAddress(firstRow, lastRow, col, col), null, "F8696B", "FFEB84", "63BE7B");
    }

    /** Red–yellow–green from min over median to max, or over fixed numbers when {@code at} is given. */
    static void colourScale(SheetGrid g, CellRangeAddress range, double[] at, String low, String mid, String high) {
        var scale = new StringBuilder(256);
        if (at == null) {
            scale.append("<cfvo type=\"min\"/><cfvo type=\"percentile\" val=\"50.0\"/><cfvo type=\"max\"/>");
        } else {
            for (double v : at) {
                scale.append("<cfvo type=\"num\" val=\"").append(v).append("\"/>");
            }
        }
        colours(scale, low, mid, high);
        g.colourScale(range, scale);
    }

    /**
     * Two colours from the range's minimum to its maximum. The maximum carries {@code val="50"}, as POI wrote it: it
     * made a two-point scale by dropping the last point of its default three (min, 50th percentile, max) and turning
     * the percentile into the maximum, its value left in place (Excel ignores a value on a maximum).
     */
    static void twoColourScale(SheetGrid g, CellRangeAddress range, String low, String high) {
        var scale = new StringBuilder("<cfvo type=\"min\"/><cfvo type=\"max\" val=\"50\"/>");
        colours(scale, low, high);
        g.colourScale(range, scale);
    }

    /** Red for cities that fall, white for none, green for cities that climb, on a fixed symmetric scale. */
    static void shiftScale(SheetGrid g, int firstRow, int lastRow, int firstCol, int lastCol, int max) {
        colourScale(g, new CellRangeAddress(firstRow, lastRow, firstCol, lastCol), new double[] {-max, 0, max},
                "F8696B", "FFFFFF", "63BE7B");
    }

    private static void colours(StringBuilder scale, String... rgb) {
        for (String c : rgb) {
            scale.append("<color rgb=\"").append(c).append("\"/>");
        }
    }
}
