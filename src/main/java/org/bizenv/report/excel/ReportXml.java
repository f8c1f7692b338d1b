package org.bizenv.report.excel;

/**
 * Writing the report's XML parts as text: the declaration, and escaping exactly as XMLBeans saves with, so that a
 * part written here is the bytes POI's usermodel wrote. (The city cards have the same rules in their own package:
 * report/card/CardXml.)
 */
final class ReportXml {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /** XMLBeans writes a text as CDATA when it is longer than this… */
    private static final int CDATA_LENGTH = 32;
    /** …and has more than this many characters to escape ({@code <} and {@code &}). */
    private static final int CDATA_ENTITIES = 5;

    private ReportXml() {
    }

    /**
     * Element text as XMLBeans saves it: {@code <} and {@code &} escaped, {@code >} only after {@code ]]}, a carriage
     * return as a character reference, a character XML cannot hold as {@code ?}; a long text with many characters to
     * escape as a CDATA section instead.
     */
    static void text(StringBuilder out, String s) {
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
    static void attr(StringBuilder out, String s) {
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

    /** A character XML 1.0 cannot hold (surrogates are let through: they come in pairs in a Java string). */
    private static boolean bad(char c) {
        return !(Character.isSurrogate(c) || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c == '\t'
                || c == '\n' || c == '\r');
    }
}
