package org.bizenv.report.excel;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;

/**
 * A workbook's number formats as its styles part numbers them, shared by the Excel report and the city cards: a
 * built-in format by its fixed id, any other by its code, numbered from 164 in the order it is first asked for (as
 * POI's styles table numbered them), and the {@code <numFmts>} element that lists the custom ones.
 */
public final class NumberFormats {
    /** The first id Excel leaves to custom formats. */
    private static final int FIRST_CUSTOM = 164;

    private final Map<String, Integer> custom = new LinkedHashMap<>();

    /** The id of {@code format}, a new custom one the first time a format that is not built in is asked for. */
    public int id(String format) {
        int builtin = BuiltinFormats.getBuiltinFormat(format);
        return builtin >= 0 ? builtin : custom.computeIfAbsent(format, k -> FIRST_CUSTOM + custom.size());
    }

    /** The {@code <numFmts>} element, empty when every format asked for was built in. */
    public void write(StringBuilder out) {
        out.append("<numFmts count=\"").append(custom.size()).append(custom.isEmpty() ? "\"/>" : "\">");
        custom.forEach((code, id) -> {
            out.append("<numFmt numFmtId=\"").append(id).append("\" formatCode=\"");
            OoxmlText.attr(out, code);
            out.append("\"/>");
        });
        out.append(custom.isEmpty() ? "" : "</numFmts>");
    }
}
