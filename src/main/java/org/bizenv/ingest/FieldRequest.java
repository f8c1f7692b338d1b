package org.bizenv.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bizenv.city.TypedText;

/**
 * A field a caller wants from a source, with the range a valid raw value lies in.
 *
 * @param field           item code (unit workbooks) or column (unit tables)
 * @param min             lowest valid value (inclusive); NaN for no lower bound
 * @param max             highest valid value (inclusive); NaN for no upper bound
 * @param blanksAreErrors whether a blank value is a problem (imputation {@code none}); otherwise it is
 *                        silently NaN, left for imputation
 * @param texts           text codes that are not numbers but accepted values of the field (e.g. {@code No
 *                        Practice}): such a cell reads as NaN without a problem and {@link #acceptedText} names the
 *                        code, for the caller to give it its meaning. Matched ignoring case and
 *                        {@link Names#clean(String) spacing}. Any other text is still {@code '…' is not a number}.
 */
public record FieldRequest(String field, double min, double max, boolean blanksAreErrors, List<String> texts) {

    public FieldRequest {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("blank field");
        }
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "] for " + field);
        }
        texts = texts == null ? List.of() : List.copyOf(texts);
    }

    /** No accepted text codes. */
    public FieldRequest(String field, double min, double max, boolean blanksAreErrors) {
        this(field, min, max, blanksAreErrors, List.of());
    }

    /** Blanks are errors. */
    public FieldRequest(String field, double min, double max) {
        this(field, min, max, true);
    }

    /** Any number is valid; blanks are errors. */
    public static FieldRequest unbounded(String field) {
        return new FieldRequest(field, Double.NaN, Double.NaN, true);
    }

    public FieldRequest withBlanksAreErrors(boolean blanksAreErrors) {
        return new FieldRequest(field, min, max, blanksAreErrors, texts);
    }

    /** The same request, also accepting these text codes. */
    public FieldRequest withTexts(List<String> texts) {
        return new FieldRequest(field, min, max, blanksAreErrors, texts);
    }

    /**
     * The accepted text code a cell holds, spelled as in {@link #texts()}, or null when it holds a number, a
     * blank or any other text.
     */
    public String acceptedText(TableCell cell) {
        if (texts.isEmpty()) {
            return null;
        }
        ParsedNumber n = cell.asNumber();
        if (n.kind() != ParsedNumber.Kind.NOT_A_NUMBER || cell.kind() == TableCell.Kind.ERROR
                || cell.kind() == TableCell.Kind.DATE) {
            return null;
        }
        String key = textKey(n.text());
        for (String t : texts) {
            if (textKey(t).equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** How text codes are compared: {@link Names#clean(String)}, ignoring case. */
    public static String textKey(String text) {
        return TypedText.clean(text).toLowerCase(Locale.ROOT);
    }

    public boolean accepts(double value) {
        return !(value < min) && !(value > max);
    }

    /** {@code [0, 100]}, {@code [0, ∞)}. */
    public String rangeText() {
        return (Double.isNaN(min) ? "(-∞" : "[" + CellValues.format(min)) + ", "
                + (Double.isNaN(max) ? "∞)" : CellValues.format(max) + "]");
    }

    /**
     * What a valid value is, in Chinese: "0 至 60 之间的数值" and the like, with the accepted text codes. The return
     * forms' prompts ({@code bizenv template}) and the queries sent back to units ({@code validate --feedback}) say it
     * in these words.
     */
    public String expectedZh() {
        boolean lo = !Double.isNaN(min);
        boolean hi = !Double.isNaN(max);
        String n = lo && hi ? CellValues.format(min) + " 至 " + CellValues.format(max) + " 之间的数值"
                : lo ? "不小于 " + CellValues.format(min) + " 的数值" : hi ? "不大于 " + CellValues.format(max) + " 的数值"
                : "数值";
        return n + textsOr("，或 ");
    }

    /** What a valid value is, in English: "a number from 0 to 60" and the like, with the accepted text codes. */
    public String expectedEn() {
        boolean lo = !Double.isNaN(min);
        boolean hi = !Double.isNaN(max);
        String n = lo && hi ? "a number from " + CellValues.format(min) + " to " + CellValues.format(max)
                : lo ? "a number of at least " + CellValues.format(min) : hi ? "a number of at most "
                + CellValues.format(max) : "a number";
        return n + textsOr(", or ");
    }

    private String textsOr(String or) {
        return texts.isEmpty() ? "" : or + String.join(" / ", texts.stream().map(t -> "\"" + t + "\"").toList());
    }

    /**
     * The value of a cell for this field, or NaN after reporting why there is none: {@code blank value} (when
     * blanks are errors), {@code 'abc' is not a number}, {@code value 130 outside the valid range [0, 100]}.
     * An accepted text code ({@link #acceptedText}) is NaN without a problem.
     */
    public double read(TableCell cell, Problems problems) {
        ParsedNumber n = cell.asNumber();
        switch (n.kind()) {
            case BLANK -> {
                if (blanksAreErrors) {
                    problems.add(cell.where(), "blank value");
                }
                return Double.NaN;
            }
            case NOT_A_NUMBER -> {
                if (acceptedText(cell) != null) {
                    return Double.NaN;
                }
                problems.add(cell.where(), cell.kind() == TableCell.Kind.ERROR && n.text().startsWith("=")
                        ? "formula " + n.text() + " has no saved result: open and save the workbook in Excel"
                        : n.problem());
                return Double.NaN;
            }
            default -> {
                if (!accepts(n.value())) {
                    problems.add(cell.where(),
                            "value " + CellValues.format(n.value()) + " outside the valid range " + rangeText());
                    return Double.NaN;
                }
                return n.value();
            }
        }
    }
}
