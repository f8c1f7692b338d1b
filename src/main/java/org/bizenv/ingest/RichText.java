package org.bizenv.ingest;

/**
 * Collects the text of a rich-text element of SpreadsheetML, a shared string ({@code <si>}) or an inline string
 * ({@code <is>}), from SAX events, as POI's usermodel reads it ({@code XSSFRichTextString.getString()}): the
 * element's own {@code <t>}, or, when it has runs ({@code <r>}), the runs' texts one after the other; phonetic
 * guides ({@code <rPh>}, the kana Japanese Excel adds above kanji) are not part of the text. Escapes of characters XML
 * cannot hold ({@code _x000D_}) are decoded afterwards ({@link #decode}).
 */
final class RichText {

    private final StringBuilder own = new StringBuilder();
    private final StringBuilder runs = new StringBuilder();
    private boolean hasOwn;
    private boolean hasRuns;
    /** Depth inside the element: 1 = its children. */
    private int depth;
    private boolean inRun;
    private boolean inPhonetic;
    private StringBuilder collecting;

    /** Starts a new string (at its {@code <si>} or {@code <is>}). */
    void start() {
        own.setLength(0);
        runs.setLength(0);
        hasOwn = false;
        hasRuns = false;
        depth = 0;
        inRun = false;
        inPhonetic = false;
        collecting = null;
    }

    /** An element inside the string opens (SpreadsheetML's own elements only, by local name). */
    void open(String name) {
        depth++;
        if (inPhonetic) {
            return;
        }
        if (depth == 1) {
            switch (name) {
                case "t" -> {
                    hasOwn = true;
                    collecting = own;
                }
                case "r" -> {
                    hasRuns = true;
                    inRun = true;
                }
                case "rPh" -> inPhonetic = true;
                default -> { }
            }
        } else if (depth == 2 && inRun && name.equals("t")) {
            collecting = runs;
        }
    }

    void close() {
        if (depth == 1) {
            inRun = false;
            inPhonetic = false;
        }
        collecting = null;
        depth--;
    }

    void characters(char[] ch, int start, int length) {
        if (collecting != null) {
            collecting.append(ch, start, length);
        }
    }

    /** The string; null when it has neither text nor runs (read as a blank cell). */
    String text() {
        return hasRuns ? decode(runs.toString()) : hasOwn ? decode(own.toString()) : null;
    }

    /**
     * Decodes the escapes {@code _xHHHH_} (four hexadecimal digits) that stand for characters XML 1.0 cannot hold
     * (ECMA-376 §22.9.2.19), as POI's {@code XSSFRichTextString.utfDecode} does.
     */
    static String decode(String value) {
        if (value == null || !value.contains("_x")) {
            return value;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = value.indexOf("_x"); i >= 0 && i + 7 <= value.length(); i = value.indexOf("_x", i + 1)) {
            if (value.charAt(i + 6) != '_' || !isHex(value, i + 2, i + 6)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length());
            }
            out.append(value, copied, i).append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
            copied = i + 7;
            i += 6;
        }
        return out == null ? value : out.append(value, copied, value.length()).toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
