package org.bizenv.framework;

import java.util.List;

/**
 * How scores are published and compared: the framework's {@code ranking} section.
 *
 * @param decimals        decimals of the published scores
 * @param compareRounded  true: ranks compare the published (rounded) numbers, so two cities shown as 71.23 share a
 *                        rank; false: ranks compare full precision
 * @param unranked        codes of units that are scored but not ranked (rank 0, no tier), e.g. an economy the
 *                        edition scores but leaves out of its ranking
 * @param unrankedLine    line of {@code unranked} in the framework file (0 when absent)
 */
public record RankingRules(int decimals, boolean compareRounded, List<String> unranked, int unrankedLine) {

    public RankingRules {
        unranked = List.copyOf(unranked);
    }

    /** Every scored unit ranked. */
    public RankingRules(int decimals, boolean compareRounded) {
        this(decimals, compareRounded, List.of(), 0);
    }
}
