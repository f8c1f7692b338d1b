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
 * @param groups          the unit grouping (a registry column such as {@code type}, or a unit table's group column)
 *                        within whose groups units are ranked as well, as MIIT ranks sub-provincial and prefecture
 *                        cities in two lists since 2023; null = one list only
 * @param groupsLine      line of {@code groups} in the framework file (0 when absent)
 * @param top             how many units each top list shows, overall and within each group, on the index and every
 *                        dimension (ties at the boundary all shown): MIIT publishes each group's top 10
 */
public record RankingRules(int decimals, boolean compareRounded, List<String> unranked, int unrankedLine,
                           String groups, int groupsLine, int top) {

    /** The top lists' length without {@code ranking.top}: the top 5 every report showed before it could be set. */
    public static final int DEFAULT_TOP = 5;

    public RankingRules {
        unranked = List.copyOf(unranked);
        if (top < 1) {
            throw new IllegalArgumentException("top lists need at least 1 unit, not " + top);
        }
    }

    /** Top lists of the default length. */
    public RankingRules(int decimals, boolean compareRounded, List<String> unranked, int unrankedLine,
                        String groups, int groupsLine) {
        this(decimals, compareRounded, unranked, unrankedLine, groups, groupsLine, DEFAULT_TOP);
    }

    /** Every scored unit ranked. */
    public RankingRules(int decimals, boolean compareRounded) {
        this(decimals, compareRounded, List.of(), 0);
    }

    /** One list, no ranks within groups. */
    public RankingRules(int decimals, boolean compareRounded, List<String> unranked, int unrankedLine) {
        this(decimals, compareRounded, unranked, unrankedLine, null, 0);
    }

    /**
     * The decimals ranks and tiers compare: {@link #decimals()} when they compare the published scores, −1 when
     * they compare full precision (the convention of {@code GroupRanking.competition} and {@code Scorer.tiers}).
     */
    public int comparedDecimals() {
        return compareRounded ? decimals : -1;
    }

    /** Whether units are also ranked within the groups of {@link #groups()}. */
    public boolean byGroups() {
        return groups != null;
    }
}
