package org.bizenv.ingest;

import java.util.Objects;

/**
 * What a walk-through source gives per unit and item (fields = the requested items):
 *
 * @param passRate  percent of the unit's tests of the item that passed, 0–100; NaN without tests
 * @param meanHours mean hours of those tests (tests without valid hours left out); NaN without any
 * @param tests     number of tests counted (valid unit and outcome), 0 for none
 */
public record WalkthroughValues(SourceValues passRate, SourceValues meanHours, SourceValues tests) {

    public static final String PASS_RATE = "pass-rate";
    public static final String MEAN_HOURS = "mean-hours";

    public WalkthroughValues {
        Objects.requireNonNull(passRate, "passRate");
        Objects.requireNonNull(meanHours, "meanHours");
        Objects.requireNonNull(tests, "tests");
    }

    /** The values of a framework {@code statistic}: {@value #PASS_RATE} or {@value #MEAN_HOURS}. */
    public SourceValues statistic(String statistic) {
        return switch (statistic) {
            case PASS_RATE -> passRate;
            case MEAN_HOURS -> meanHours;
            default -> throw new IllegalArgumentException(
                    "unknown walk-through statistic '" + statistic + "' (pass-rate or mean-hours)");
        };
    }
}
