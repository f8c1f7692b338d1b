package org.bizenv.ingest;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bizenv.city.TypedText;

/** Reading numbers typed as text, and printing numbers in messages. */
public final class CellValues {

    /**
     * Sign, then digits either plain or grouped by thousands with commas or with spaces (one kind per number),
     * then an optional decimal point with digits, then an optional exponent.
     */
    private static final Pattern NUMBER = Pattern.compile(
            "([+-])?(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?: \\d{3})+|\\d+)?(\\.\\d*)?([eE][+-]?\\d+)?");

    private CellValues() {
    }

    /**
     * Reads a number typed as text.
     * <ul>
     * <li>Full-width digits, signs, point, percent and spaces are read as ASCII (Unicode NFKC: {@code １２３．５}
     * → 123.5, {@code －3} → -3); U+2212 (minus sign) is a minus; surrounding whitespace is ignored.</li>
     * <li>Thousands separators: {@code 1,234} and {@code 1 234} (also with a no-break or thin space). The groups
     * must have three digits: {@code 1,5} is rejected rather than read as 15 or as a decimal comma.</li>
     * <li>A trailing {@code %} is dropped and the number is taken as <b>percent points</b>: {@code 12%} → 12,
     * the same number as an Excel cell holding 0.12 formatted as a percentage (see {@link #percentPoints}).</li>
     * <li>Blank: empty or whitespace-only text, a dash ({@code -}, {@code –}, {@code —}, {@code ——}),
     * {@code /}, {@code N/A} (any case).</li>
     * </ul>
     * Anything else (including {@code NaN}, {@code Infinity}, {@code 1,5}, {@code 3 4}) is
     * {@link ParsedNumber.Kind#NOT_A_NUMBER}, with the text stripped of surrounding whitespace.
     */
    public static ParsedNumber parseNumber(String text) {
        String s = TypedText.clean(text).replace('\u2212', '-');
        if (isBlankToken(s)) {
            return ParsedNumber.BLANK;
        }
        String body = s;
        if (body.endsWith("%")) {
            body = body.substring(0, body.length() - 1).stripTrailing();
        }
        Matcher m = NUMBER.matcher(body);
        if (!m.matches() || (m.group(2) == null && (m.group(3) == null || m.group(3).length() < 2))) {
            return ParsedNumber.notANumber(s);
        }
        String plain = (m.group(1) == null ? "" : m.group(1))
                + (m.group(2) == null ? "0" : m.group(2).replace(",", "").replace(" ", ""))
                + (m.group(3) == null ? "" : m.group(3))
                + (m.group(4) == null ? "" : m.group(4));
        double value = Double.parseDouble(plain);
        return Double.isFinite(value) ? ParsedNumber.number(value) : ParsedNumber.notANumber(s);
    }

    private static boolean isBlankToken(String s) {
        if (s.isEmpty() || s.equals("/") || s.toUpperCase(Locale.ROOT).equals("N/A")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '-' && c != '\u2013' && c != '\u2014' && c != '\u2015') {
                return false;
            }
        }
        return s.length() <= 2;
    }

    /**
     * The percent points of a fraction, by a decimal shift so that 0.07 gives exactly 7 (not
     * 7.000000000000001). Used for Excel numeric cells whose number format shows a percentage.
     */
    public static double percentPoints(double fraction) {
        if (!Double.isFinite(fraction)) {
            return fraction;
        }
        return new BigDecimal(Double.toString(fraction)).scaleByPowerOfTen(2).doubleValue();
    }

    /** A number for messages: {@code 130}, {@code 12.5}, {@code -0.001}; no exponent, no trailing zeros. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
