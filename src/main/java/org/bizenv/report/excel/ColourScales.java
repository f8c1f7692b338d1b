package org.bizenv.report.excel;

import org.apache.poi.ss.usermodel.Color;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;

/** The conditional colour scales the sheets put on scores, rank shifts, margins and correlations. */
final class ColourScales {
    private ColourScales() {
    }

    /** Red–yellow–green over one column, from its minimum over its median to its maximum. */
    static void scale(Sheet sheet, int firstRow, int lastRow, int col) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        var rule = colourScale(cf, null, "F8696B", "FFEB84", "63BE7B");
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, col, col)},
                rule);
    }

    /** Red–yellow–green from min over median to max, or over fixed numbers when {@code at} is given. */
    static ConditionalFormattingRule colourScale(SheetConditionalFormatting cf, double[] at, String low,
                                                String mid, String high) {
        ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting cs = rule.getColorScaleFormatting();
        cs.setNumControlPoints(3);
        ConditionalFormattingThreshold[] th = cs.getThresholds();
        if (at == null) {
            th[0].setRangeType(ConditionalFormattingThreshold.RangeType.MIN);
            th[1].setRangeType(ConditionalFormattingThreshold.RangeType.PERCENTILE);
            th[1].setValue(50d);
            th[2].setRangeType(ConditionalFormattingThreshold.RangeType.MAX);
        } else {
            for (int i = 0; i < 3; i++) {
                th[i].setRangeType(ConditionalFormattingThreshold.RangeType.NUMBER);
                th[i].setValue(at[i]);
            }
        }
        cs.setThresholds(th);
        cs.setColors(new Color[] {ExcelStyles.color(low), ExcelStyles.color(mid), ExcelStyles.color(high)});
        return rule;
    }

    /** Two colours from the column's minimum to its maximum. */
    static ConditionalFormattingRule twoColourScale(SheetConditionalFormatting cf, String low, String high) {
        ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting cs = rule.getColorScaleFormatting();
        cs.setNumControlPoints(2);
        ConditionalFormattingThreshold[] th = cs.getThresholds();
        th[0].setRangeType(ConditionalFormattingThreshold.RangeType.MIN);
        th[1].setRangeType(ConditionalFormattingThreshold.RangeType.MAX);
        cs.setThresholds(th);
        cs.setColors(new Color[] {ExcelStyles.color(low), ExcelStyles.color(high)});
        return rule;
    }

    /** Red for cities that fall, white for none, green for cities that climb, on a fixed symmetric scale. */
    static void shiftScale(Sheet sheet, int firstRow, int lastRow, int firstCol, int lastCol, int max) {
        var cf = sheet.getSheetConditionalFormatting();
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, firstCol,
                lastCol)}, colourScale(cf, new double[] {-max, 0, max}, "F8696B", "FFFFFF", "63BE7B"));
    }
}
