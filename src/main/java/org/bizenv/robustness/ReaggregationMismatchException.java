package org.bizenv.robustness;

/**
 * The robustness re-aggregation at the nominal weights and methods does not reproduce the scorer's result. Both run
 * the same aggregation kernel over the same rows, so this is a fault of bizenv's, never of the inputs (unlike a
 * {@link RobustnessException}): the command line exits 1, and no analysis built on the mismatch is published.
 */
public class ReaggregationMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String node;

    public ReaggregationMismatchException(String node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    /** Code of the node whose scores differ (the lowest in the tree), or of the index when only ranks differ. */
    public String node() {
        return node;
    }
}
