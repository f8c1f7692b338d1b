package org.bizenv.report.excel;

/**
 * Writing workbook parts as text (the city cards' whole package, the Excel report's charts and names): the namespaces,
 * and escaping exactly as the serialisers POI saves with escape (XMLBeans for the workbook's parts, the JDK's DOM
 * serialiser for the document properties), so that the parts are the bytes POI's usermodel wrote.
 */
public final class OoxmlText {

    public static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    public static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** XMLBeans writes a text as CDATA when it is longer than this… */
    private static final int CDATA_LENGTH = 32;
    /** …and has more than this many characters to escape ({@code <} and {@code &}). */
    private static final int CDATA_ENTITIES = 5;

    private OoxmlText() {
    }

    /**
     * Element text as XMLBeans saves it: {@code <} and {@code &} escaped, {@code >} only after {@code ]]}, a carriage
     * return as a character reference, a character XML cannot hold as {@code ?}; a long text with many characters to
     * escape as a CDATA section instead.
     */
    public static void text(StringBuilder out, String s) {
        int entities = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '&') {
                entities++;
            }
        }
        if (s.length() > CDATA_LENGTH && entities > CDATA_ENTITIES) {
            out.append("<![CDATA[");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '>' && i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
                    out.append("]]>><![CDATA[");
                } else {
                    out.append(bad(c) ? '?' : c);
                }
            }
            out.append("]]>");
            return;
        }
        plain(out, s);
    }

    /** Element text as XMLBeans saves it with CDATA turned off (POI's shared strings table). */
    public static void plain(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                out.append("&lt;");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '>' && i >= 2 && s.charAt(i - 1) == ']' && s.charAt(i - 2) == ']') {
                out.append("&gt;");
            } else if (c == '\r') {
                out.append("&#13;");
            } else {
                out.append(bad(c) ? '?' : c);
            }
        }
    }

    /** An attribute's value (in double quotes) as XMLBeans saves it: {@code <}, {@code &} and {@code "} escaped. */
    public static void attr(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /** Element text as the JDK's DOM serialiser writes it (the document properties). */
    public static void dom(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** A character XML 1.0 cannot hold (surrogates are let through: they come in pairs in a Java string). */
    private static boolean bad(char c) {
        return !(Character.isSurrogate(c) || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c == '\t'
                || c == '\n' || c == '\r');
    }
}
