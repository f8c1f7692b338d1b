package org.bizenv.ingest;

import java.util.Objects;

/**
 * A field a caller wants from a source, with the range a valid raw value lies in.
 *
 * @param field           item code (unit workbooks) or column (unit tables)
 * @param min             lowest valid value (inclusive); NaN for no lower bound
 * @param max             highest valid value (inclusive); NaN for no upper bound
 * @param blanksAreErrors whether a blank value is a problem (imputation {@code none}); otherwise it is
 *                        silently NaN, left for imputation
 */
public record FieldRequest(String field, double min, double max, boolean blanksAreErrors) {

    public FieldRequest {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("blank field");
        }
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "] for " + field);
        }
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
        return new FieldRequest(field, min, max, blanksAreErrors);
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
     * The value of a cell for this field, or NaN after reporting why there is none: {@code blank value} (when
     * blanks are errors), {@code 'abc' is not a number}, {@code value 130 outside the valid range [0, 100]}.
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
                problems.add(cell.where(), cell.kind() == TableCell.Kind.ERROR && n.text().startsWith("=")
                        ? "formula " + n.text() + " has no saved result: open and save the workbook in Excel"
                        : "'" + n.text() + "' is not a number");
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
