package org.bizenv.report.excel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell style of the report: its index in the styles part's {@code cellXfs} (what a cell's {@code s} attribute
 * says) and its {@code <xf>} as POI's {@code XSSFCellStyle} built it: the attributes in the order they were first
 * set, the alignment's likewise (XMLBeans keeps that order, so the bytes depend on it). Made and changed only by
 * {@link ExcelStyles}, while the styles are being made; then read only.
 */
final class CellStyle {
    final int index;
    /** The xf's attributes: numFmtId, fontId, fillId, borderId and xfId first, then each apply… as it was set. */
    final Map<String, String> xf = new LinkedHashMap<>();
    final Map<String, String> alignment = new LinkedHashMap<>();
    /** Whether it has a solid fill, so that an empty cell in it still shows (a marked gap). */
    boolean filled;

    CellStyle(int index) {
        this.index = index;
        xf.put("numFmtId", "0");
        xf.put("fontId", "0");
        xf.put("fillId", "0");
        xf.put("borderId", "0");
        xf.put("xfId", "0");
    }

    /** A copy of {@code from} under another index, as POI's {@code cloneStyleFrom} copies an xf of its workbook. */
    CellStyle(int index, CellStyle from) {
        this.index = index;
        xf.putAll(from.xf);
        alignment.putAll(from.alignment);
        filled = from.filled;
    }

    void align(String attribute, String value) {
        xf.put("applyAlignment", "true");
        alignment.put(attribute, value);
    }

    /** The {@code <xf>} element. */
    void write(StringBuilder out) {
        out.append("<xf");
        xf.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        if (alignment.isEmpty()) {
            out.append("/>");
            return;
        }
        out.append("><alignment");
        alignment.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
        out.append("/></xf>");
    }
}
