package org.bizenv.ingest;

import java.util.Objects;
import java.util.function.Supplier;

import org.bizenv.city.TypedText;

/**
 * One cell of a {@link Table}, with its location. (A class with a record's API rather than a record, so that the
 * displayed text of a workbook's number is worked out only when asked for: formatting a number as Excel shows it took
 * a fifth of the intake's time, for texts that are mostly never read.)
 *
 * <p>{@code where}: the cell's location; {@code kind}: what the cell holds; {@code value}: the number of a {@link
 * Kind#NUMBER} cell (already in percent points when the cell is formatted as a percentage), the serial number of a
 * {@link Kind#DATE} cell, NaN otherwise; {@code text}: the text: as typed ({@code TEXT}), as Excel displays it
 * ({@code NUMBER}), the date or time ({@code DATE}: {@code 2024-03-05}, {@code 12:00}, {@code 2024-03-05 12:00}), the
 * error code or {@code =formula} ({@code ERROR}), "" ({@code BLANK}).
 */
public final class TableCell {

    private final Location where;
    private final Kind kind;
    private final double value;
    /** The text; null until a number's displayed text is first asked for (then {@link #shown} works it out). */
    private String text;
    private final Supplier<String> shown;

    public TableCell(Location where, Kind kind, double value, String text) {
        this(where, kind, value, text, null);
    }

    private TableCell(Location where, Kind kind, double value, String text, Supplier<String> shown) {
        this.where = where;
        this.kind = kind;
        this.value = value;
        this.text = text;
        this.shown = shown;
    }

    /**
     * {@code NUMBER}: an Excel numeric cell (or formula with a numeric result). {@code TEXT}: an Excel text or
     * boolean cell, or any non-blank CSV field. {@code BLANK}: empty, or text of whitespace only.
     * {@code ERROR}: an Excel error value ({@code #DIV/0!}), or a formula whose result was never saved.
     * {@code DATE}: an Excel numeric cell formatted as a date or a time. Excel keeps dates as day numbers
     * (2024-03-05 is 45356, 12:00 is 0.5), so reading such a cell as a number would silently give the day number
     * instead of the value meant: it is not a number.
     */
    public enum Kind { NUMBER, TEXT, BLANK, ERROR, DATE }

    public static TableCell blank(Location where) {
        return new TableCell(where, Kind.BLANK, Double.NaN, "");
    }

    /** A text cell, or a blank one if the text is only whitespace. */
    public static TableCell text(Location where, String text) {
        return TypedText.clean(text).isEmpty() ? blank(where) : new TableCell(where, Kind.TEXT, Double.NaN, text);
    }

    public static TableCell number(Location where, double value, String displayed) {
        return new TableCell(where, Kind.NUMBER, value, displayed);
    }

    /**
     * A number whose displayed text is worked out by {@code displayed} when first asked for, if ever. It must give
     * the same text whenever and on whichever thread it is called.
     */
    static TableCell number(Location where, double value, Supplier<String> displayed) {
        return new TableCell(where, Kind.NUMBER, value, null, displayed);
    }

    public Location where() {
        return where;
    }

    public Kind kind() {
        return kind;
    }

    public double value() {
        return value;
    }

    public String text() {
        String t = text;
        if (t == null && shown != null) {
            t = shown.get();
            text = t;               // a String is immutable: another thread sees it whole, or works it out again
        }
        return t;
    }

    /** @param shown the date or time as the person sees it: {@code 2024-03-05}, {@code 12:00} */
    public static TableCell date(Location where, double serial, String shown) {
        return new TableCell(where, Kind.DATE, serial, shown);
    }

    /** A date or time whose text is worked out by {@code shown} when first asked for, as for {@link #number}. */
    static TableCell date(Location where, double serial, Supplier<String> shown) {
        return new TableCell(where, Kind.DATE, serial, null, shown);
    }

    public static TableCell error(Location where, String text) {
        return new TableCell(where, Kind.ERROR, Double.NaN, text);
    }

    public boolean isBlank() {
        return kind == Kind.BLANK;
    }

    /**
     * The cell read as a number: numeric cells as they are, text by {@link CellValues#parseNumber(String)}; a date
     * or time is not a number ({@code '2024-03-05' is a date, not a number: format the cell as a number and type
     * the value again}).
     */
    public ParsedNumber asNumber() {
        String text = kind == Kind.NUMBER ? null : text();
        return switch (kind) {
            case NUMBER -> ParsedNumber.number(value);
            case BLANK -> ParsedNumber.BLANK;
            case TEXT -> CellValues.parseNumber(text);
            case ERROR -> ParsedNumber.notANumber(text);
            case DATE -> ParsedNumber.notANumber(text, "'" + text + "' is " + (text.indexOf(':') < 0 ? "a date"
                    : text.indexOf('-') < 0 ? "a time" : "a date and time") + ", not a number: format the cell "
                    + "as a number and type the value again");
        };
    }

    /** The cell read as a label: {@link Names#clean(String)} of its text ("" when blank). */
    public String asText() {
        return TypedText.clean(text());
    }

    /** As a record's: every component equal (the values as {@link Double#compare} has them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TableCell c && Objects.equals(where, c.where) && kind == c.kind
                && Double.compare(value, c.value) == 0 && Objects.equals(text(), c.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(where, kind, value, text());
    }

    @Override
    public String toString() {
        return "TableCell[where=" + where + ", kind=" + kind + ", value=" + value + ", text=" + text() + "]";
    }
}
