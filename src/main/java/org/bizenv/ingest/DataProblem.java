package org.bizenv.ingest;

import java.util.Comparator;
import java.util.Objects;

/** One problem in input data, e.g. {@code returns/wuhan.xlsx!Data!D17: 'abc' is not a number}. */
public record DataProblem(Location where, String message) implements Comparable<DataProblem> {

    private static final Comparator<DataProblem> ORDER =
            Comparator.comparing(DataProblem::where).thenComparing(DataProblem::message);

    public DataProblem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** By location (file, sheet, row, column), then message. */
    @Override
    public int compareTo(DataProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
