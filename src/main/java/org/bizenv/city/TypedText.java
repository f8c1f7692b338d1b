package org.bizenv.city;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text normalisation for names and codes typed into spreadsheets.
 *
 * <p>{@link #clean(String)} is for any label (headers, item codes, answers); {@link #key(String)} adds the
 * folding used to match place names.
 */
public final class TypedText {

    private TypedText() {
    }

    /**
     * Unicode NFKC (full-width letters, digits and the ideographic space become their ASCII forms), invisible
     * format characters (zero-width space, BOM, …) removed, every run of whitespace (incl. U+3000, no-break
     * space, tabs, line breaks) collapsed to one space, trimmed. Null → "".
     */
    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        if (isPlainAscii(raw)) {
            return raw;             // NFKC leaves printable ASCII as it is, and there is no space to collapse or trim
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else if (Character.getType(c) != Character.FORMAT) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether every char is printable ASCII other than the space ({@code !} to {@code ~}): text that {@link #clean}
     * returns unchanged. Most typed ids and codes are, and a survey file has one on every row.
     */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** The matching key of a code (item code, walk-through item): {@link #clean(String)} in upper case. */
    public static String codeKey(String raw) {
        return clean(raw).toUpperCase(Locale.ROOT);
    }

    /**
     * The matching key of a place name: {@link #clean(String)}, apostrophes folded to {@code '}
     * (’ ‘ ` ´ ʼ ′), diacritics removed (Ü → U), lower case, spaces between two Chinese characters removed
     * (北　京 is padded to the width of 石家庄 in many sheets), then a trailing 市 or English {@code city}
     * stripped. {@code " 西安市 "}, {@code "Xi’an"} and {@code "XI'AN"} give {@code 西安}, {@code xi'an},
     * {@code xi'an}.
     */
    public static String key(String raw) {
        String s = clean(raw);
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            folded.append(switch (c) {
                case '\u2019', '\u2018', '`', '\u00B4', '\u02BC', '\u2032' -> '\'';
                default -> c;
            });
        }
        s = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        s = removeSpacesBetweenHan(s);
        if (s.length() > 1 && s.endsWith("市")) {
            s = s.substring(0, s.length() - 1).strip();
        } else if (s.length() > 5 && s.endsWith(" city")) {
            s = s.substring(0, s.length() - 5).strip();
        }
        return s;
    }

    private static String removeSpacesBetweenHan(String s) {
        if (s.indexOf(' ') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && i > 0 && i + 1 < s.length() && isHan(s.codePointBefore(i)) && isHan(s.codePointAt(i + 1))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
