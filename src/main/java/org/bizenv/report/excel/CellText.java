package org.bizenv.report.excel;

/**
 * How text and numbers take up a cell, estimated without measuring fonts (so the bytes never depend on the machine):
 * display widths, wrapped lines, number formats that show a set of values alike, and text a spreadsheet would take
 * for a formula. Public because the city report cards ({@code report.card}) lay out their cells by the same rules.
 */
public final class CellText {
    private CellText() {
    }

    /** Text for a page header or footer, where {@code &} starts a code and must be doubled to print. */
    public static String headerText(String s) {
        return s.replace("&", "&&");
    }

    /** Whether a spreadsheet would read the text as a formula (so it must be stored with the quote prefix). */
    public static boolean looksLikeFormula(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
    }

    /** The width a text needs when it may wrap once, at a space (bilingual headers: Chinese over English). */
    public static int twoLineWidth(String s) {
        int best = displayWidth(s);
        for (int i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
            best = Math.min(best, Math.max(displayWidth(s.substring(0, i)), displayWidth(s.substring(i + 1))));
        }
        return best;
    }

    /**
     * Lines a text takes when wrapped greedily at {@code width} characters: breaks at spaces, and between CJK
     * characters (which may break anywhere); explicit newlines kept.
     */
    public static int lines(String s, int chars) {
        int width = Math.max(10, chars * 10); // in tenths of a character

        int lines = 0;
        for (String para : s.split("\n", -1)) {
            int line = 1;
            int cur = 0;
            int i = 0;
            while (i < para.length()) {
                int cp = para.codePointAt(i);
                int tokenWidth;
                int end;
                if (cp == ' ') {
                    i++;
                    if (cur > 0) {
                        cur += 5;
                    }
                    continue;
                } else if (wide(cp)) {
                    end = i + Character.charCount(cp);
                    tokenWidth = 20;
                } else {
                    end = i;
                    tokenWidth = 0;
                    while (end < para.length() && para.charAt(end) != ' ' && !wide(para.codePointAt(end))) {
                        int c = para.codePointAt(end);
                        // proportional fonts: capitals and digits about one character, lower case narrower
                        tokenWidth += Character.isUpperCase(c) || Character.isDigit(c) ? 11
                                : Character.isLowerCase(c) ? 9 : 6;
                        end += Character.charCount(c);
                    }
                }
                if (cur > 0 && cur + tokenWidth > width) {
                    line++;
                    cur = 0;
                }
                if (tokenWidth > width) { // a word longer than the line is broken
                    line += (tokenWidth - 1) / width;
                    cur = tokenWidth % width;
                } else {
                    cur += tokenWidth;
                }
                i = end;
            }
            lines += line;
        }
        return Math.max(1, lines);
    }

    /** Width in Excel's character units: CJK and full-width characters count double. */
    public static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    }

    /**
     * A number format that shows one indicator's values alike: as many decimals as the values need, at most 3
     * (more for values below 1, to keep 3 significant digits, at most 6); thousands separated from 10,000.
     */
    public static String valueFormat(double... values) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v != 0) {
                smallest = Math.min(smallest, Math.abs(v));
                largest = Math.max(largest, Math.abs(v));
            }
        }
        int cap = 3;
        if (smallest < 1) {
            cap = Math.min(6, 2 - (int) Math.floor(Math.log10(smallest)));
        }
        int d = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            while (d < cap && !shows(v, d)) {
                d++;
            }
        }
        return (largest >= 10_000 ? "#,##0" : "0") + (d == 0 ? "" : "." + "0".repeat(d));
    }

    private static boolean shows(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.abs(Math.rint(v * scale) / scale - v) <= 1e-9 * Math.max(1, Math.abs(v));
    }
}
