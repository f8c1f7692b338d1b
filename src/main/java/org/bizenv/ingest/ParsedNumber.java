package org.bizenv.ingest;

/**
 * A number read from a cell: a {@link Kind#NUMBER} with its value, a {@link Kind#BLANK}, or text that is
 * {@link Kind#NOT_A_NUMBER} (kept for the message).
 */
public record ParsedNumber(Kind kind, double value, String text) {

    public enum Kind { NUMBER, BLANK, NOT_A_NUMBER }

    public static final ParsedNumber BLANK = new ParsedNumber(Kind.BLANK, Double.NaN, "");

    public static ParsedNumber number(double value) {
        return new ParsedNumber(Kind.NUMBER, value, null);
    }

    public static ParsedNumber notANumber(String text) {
        return new ParsedNumber(Kind.NOT_A_NUMBER, Double.NaN, text);
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }
}
