package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * What a workbook's styles part ({@code xl/styles.xml}) says about number formats, read by streaming: the number
 * format of each cell style ({@code <cellXfs><xf numFmtId>}) and the workbook's own format codes ({@code <numFmts>}).
 * That is all a reader needs to tell a percentage, a date or a plain number apart; fonts, fills and borders are
 * skipped. Formats are looked up as POI's usermodel does ({@code XSSFCellStyle.getDataFormatString()}): the
 * workbook's own code for the id first (a workbook may redefine a built-in id), then the built-in one.
 */
final class CellStyles {

    /** A workbook without a styles part: every cell in the General format, as in POI's default styles. */
    static final CellStyles NONE = new CellStyles(new short[0], Map.of());

    private final short[] formatOfStyle;
    private final Map<Short, String> codes;

    private CellStyles(short[] formatOfStyle, Map<Short, String> codes) {
        this.formatOfStyle = formatOfStyle;
        this.codes = codes;
    }

    static CellStyles read(InputStream styles) throws IOException, SAXException {
        Handler h = new Handler();
        Xml.parse(styles, h);
        return of(h);
    }

    /** The styles part held in memory (see {@link Xml#parse(byte[], java.util.function.Supplier)}). */
    static CellStyles read(byte[] styles) throws IOException, SAXException {
        return of(Xml.parse(styles, Handler::new));
    }

    private static CellStyles of(Handler h) {
        short[] formats = new short[h.count];
        System.arraycopy(h.formats, 0, formats, 0, h.count);
        return new CellStyles(formats, h.codes);
    }

    /** The number of cell styles ({@code cellXfs}). */
    int count() {
        return formatOfStyle.length;
    }

    /** Whether the workbook has the style (an index into {@code cellXfs}). */
    boolean has(long style) {
        return style >= 0 && style < formatOfStyle.length;
    }

    /** The number format id of a style the workbook has, as POI gives it ({@code short}). */
    short formatIndex(int style) {
        return formatOfStyle[style];
    }

    /** The format code of a number format id, or null when neither the workbook nor Excel defines it. */
    String formatCode(short formatIndex) {
        String code = codes.get(formatIndex);
        return code != null ? code : BuiltinFormats.getBuiltinFormat(formatIndex);
    }

    private static final class Handler extends Xml.Handler {
        short[] formats = new short[16];
        int count;
        final Map<Short, String> codes = new HashMap<>();
        private boolean inCellXfs;
        private boolean inNumFmts;

        @Override
        void open(String name, Attributes attributes) {
            switch (name) {
                case "numFmts" -> inNumFmts = depth() == 2;
                case "numFmt" -> {
                    if (inNumFmts && depth() == 3) {       // not the numFmt of a differential format (dxf)
                        codes.put((short) Xml.longValue(attributes.getValue("numFmtId")),
                                attributes.getValue("formatCode"));
                    }
                }
                case "cellXfs" -> inCellXfs = depth() == 2;
                case "xf" -> {
                    if (inCellXfs && depth() == 3) {
                        if (count == formats.length) {
                            formats = java.util.Arrays.copyOf(formats, count * 2);
                        }
                        formats[count++] = (short) Xml.longValue(attributes.getValue("numFmtId"));
                    }
                }
                default -> { }
            }
        }

        @Override
        void close(String name) {
            if (name.equals("cellXfs")) {
                inCellXfs = false;
            } else if (name.equals("numFmts")) {
                inNumFmts = false;
            }
        }
    }
}
