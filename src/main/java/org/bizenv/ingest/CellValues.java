package org.bizenv.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
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

    /** Superscript digits and signs, as NFKC folds them: ⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻. */
    private static final String SUPERSCRIPTS = "\u2070\u00B9\u00B2\u00B3\u2074\u2075\u2076\u2077\u2078\u2079\u207A\u207B";
    /** {@code 10⁴}, {@code 2.5×10⁻³}: a power of ten written with a superscript exponent. */
    private static final Pattern POWER = Pattern.compile(
            "(?:(\\d+(?:\\.\\d+)?)\\s*[×xX*·]\\s*)?(\\d+)([" + SUPERSCRIPTS + "]+)");
    /** {@code ½}, {@code 1½}, {@code 2 ¾}: a whole number and a fraction character. */
    private static final Pattern FRACTION = Pattern.compile("(\\d*)\\s*(\\p{No})");

    private CellValues() {
    }

    /**
     * Reads a number typed as text.
     * <ul>
     * <li>Full-width digits, signs, point, percent and spaces are read as ASCII (Unicode NFKC: {@code １２３．５}
     * → 123.5, {@code －3} → -3); U+2212 (minus sign) is a minus; surrounding whitespace is ignored.</li>
     * <li>Any other character that NFKC would fold into something else is refused, because the folding would
     * change the number: {@code 10⁴} would read as 104, {@code 1½} as 11⁄2, {@code ②} as 2. The message says
     * what to write instead where that is clear ({@code '10⁴' is not a number: write 10000}).</li>
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
        ParsedNumber folded = changedByFolding(text);
        if (folded != null) {
            return folded;
        }
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

    /**
     * Not a number, with what to write instead, when the text holds a character whose NFKC folding changes what
     * it says (superscripts, subscripts, fractions, circled or parenthesised digits…); null when every character
     * is plain or only changes its width (full-width and half-width forms) or is a space.
     */
    private static ParsedNumber changedByFolding(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i))) {
            int c = s.codePointAt(i);
            if (foldingChangesMeaning(c)) {
                return ParsedNumber.notANumber(s, "'" + s + "' is not a number: " + insteadOf(s, c));
            }
        }
        return null;
    }

    private static boolean foldingChangesMeaning(int c) {
        if (c < 0x80 || c >= 0xFF00 && c <= 0xFFEF || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT) {
            return false;
        }
        String one = Character.toString(c);
        return !Normalizer.normalize(one, Normalizer.Form.NFKC).equals(Normalizer.normalize(one, Normalizer.Form.NFC));
    }

    /** What to write instead of {@code s}, whose character {@code c} NFKC would fold into something else. */
    private static String insteadOf(String s, int c) {
        Matcher power = POWER.matcher(s);
        if (power.matches()) {
            String exponent = Normalizer.normalize(power.group(3), Normalizer.Form.NFKC).replace('\u2212', '-');
            if (power.group(2).equals("10") && exponent.matches("[+-]?\\d{1,3}")) {
                BigDecimal mantissa = power.group(1) == null ? BigDecimal.ONE : new BigDecimal(power.group(1));
                return "write " + mantissa.scaleByPowerOfTen(Integer.parseInt(exponent)).stripTrailingZeros()
                        .toPlainString();
            }
            if (power.group(1) == null && exponent.matches("\\d{1,2}")) {
                return "write " + new BigDecimal(power.group(2)).pow(Integer.parseInt(exponent)).toPlainString();
            }
        }
        Matcher fraction = FRACTION.matcher(s);
        if (fraction.matches()) {
            String[] parts = Normalizer.normalize(fraction.group(2), Normalizer.Form.NFKC).split("\u2044");
            if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("[1-9]\\d*")) {
                BigDecimal whole = fraction.group(1).isEmpty() ? BigDecimal.ZERO : new BigDecimal(fraction.group(1));
                try {
                    BigDecimal f = new BigDecimal(parts[0]).divide(new BigDecimal(parts[1]), MathContext.UNLIMITED);
                    return "write " + whole.add(f).toPlainString();
                } catch (ArithmeticException repeating) {
                    return "write it as a decimal number";
                }
            }
        }
        return "'" + Character.toString(c) + "' (" + Character.getName(c).toLowerCase(Locale.ROOT)
                + ") is not a plain digit or sign; type the number in plain digits";
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
