package org.bizenv.ingest;

/**
 * A number read from a cell: a {@link Kind#NUMBER} with its value, a {@link Kind#BLANK}, or text that is
 * {@link Kind#NOT_A_NUMBER} (kept for the message).
 *
 * @param problem for {@link Kind#NOT_A_NUMBER}, what to tell the person who typed it ({@link #problem()}); null
 *                otherwise
 */
public record ParsedNumber(Kind kind, double value, String text, String problem) {

    public enum Kind { NUMBER, BLANK, NOT_A_NUMBER }

    public static final ParsedNumber BLANK = new ParsedNumber(Kind.BLANK, Double.NaN, "", null);

    public static ParsedNumber number(double value) {
        return new ParsedNumber(Kind.NUMBER, value, null, null);
    }

    /** Text that is not a number: {@code 'abc' is not a number}. */
    public static ParsedNumber notANumber(String text) {
        return new ParsedNumber(Kind.NOT_A_NUMBER, Double.NaN, text, "'" + text + "' is not a number");
    }

    /**
     * Text that is not a number, with its own message: {@code '10⁴' is not a number: write 10000}, {@code
     * '2024-03-05' is a date, not a number: …}.
     */
    public static ParsedNumber notANumber(String text, String problem) {
        return new ParsedNumber(Kind.NOT_A_NUMBER, Double.NaN, text, problem);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /** The message of a {@link Kind#NOT_A_NUMBER}, e.g. {@code 'abc' is not a number}; null for the other kinds. */
    @Override
    public String problem() {
        return problem;
    }
}
