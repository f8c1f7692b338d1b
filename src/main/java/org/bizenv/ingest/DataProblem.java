package org.bizenv.ingest;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in input data, e.g. {@code returns/wuhan.xlsx!Data!D17: 'abc' is not a number}.
 *
 * @param unit the code of the unit (city) the problem is about, where the reader knows it — the return workbook's
 *             unit, the table row's or survey row's unit, the unit a row or workbook is missing for — so that each
 *             unit can be sent its own queries ({@code bizenv validate --feedback}); null when it belongs to no unit
 *             (a missing column, a file that is not a workbook, an unknown city name). Not part of {@link #toString()}
 */
public record DataProblem(Location where, String message, String unit) implements Comparable<DataProblem> {

    private static final Comparator<DataProblem> ORDER =
            Comparator.comparing(DataProblem::where).thenComparing(DataProblem::message)
                    .thenComparing(DataProblem::unit, Comparator.nullsFirst(Comparator.naturalOrder()));

    public DataProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** A problem that belongs to no unit. */
    public DataProblem(Location where, String message) {
        this(where, message, null);
    }

    /** The same problem, about {@code unit}. */
    public DataProblem withUnit(String unit) {
        return new DataProblem(where, message, unit);
    }

    /** By location (file, sheet, row, column), then message (then unit, so that the order is total). */
    @Override
    public int compareTo(DataProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
