package org.bizenv.rank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks within groups: since 2023 the MIIT evaluation publishes one list per group of cities (sub-provincial and
 * above; prefecture-level), so each unit also gets its competition rank among the units of its group.
 *
 * <p>Each group's subset is ranked by {@link Ranking#competition} exactly as the overall list is (the published
 * rounded scores or full precision), so a group rank is never a second ranking convention. Missing scores
 * ({@code NaN}: unranked units) get group rank 0 and do not count in their group; a unit without a group value
 * ({@code null}) also gets 0: it is in no group's list. (The intake refuses ranked units without a value, so in a
 * report this only happens to a composite unit added without a registry row.)
 */
public final class GroupRanking {

    private GroupRanking() {
    }

    /**
     * @param scores   scores per unit, NaN = unranked
     * @param groups   each unit's group value, null = none
     * @param decimals published decimals the ranks compare (as {@link Ranking#competition(double[], int)}), or
     *                 negative to compare full precision
     * @return the rank of each unit within its group (0 = unranked or no group)
     * @throws IllegalArgumentException if the arrays differ in length or a score is infinite
     */
    public static int[] competition(double[] scores, String[] groups, int decimals) {
        return within(scores, groups,
                sub -> decimals < 0 ? Ranking.competition(sub) : Ranking.competition(sub, decimals));
    }

    /**
     * Tiers within groups: {@code tiering} (the framework's tier rule, e.g. quantiles of the index) applied to each
     * group's units alone, so that "the first tier of the prefecture-level cities" is the top quarter of that group,
     * not of all units. With fixed score breaks a group tier is the overall tier; with quantiles it is not.
     * Units without a score (NaN) or a group get tier 0, as in {@link #competition}.
     *
     * @param tiering tiers of a list of scores (NaN = unranked, tier 0), as the overall tiers are computed
     * @throws IllegalArgumentException if the arrays differ in length or a score is infinite
     */
    public static int[] tiers(double[] scores, String[] groups, Function<double[], int[]> tiering) {
        return within(scores, groups, tiering);
    }

    /**
     * {@code perGroup} applied to each group's scores alone (in unit order), its results put back at the units'
     * places; 0 for units without a group.
     */
    static int[] within(double[] scores, String[] groups, Function<double[], int[]> perGroup) {
        if (scores.length != groups.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + groups.length + " group values");
        }
        Ranking.requireNoInfinity(scores);    // on the whole array, so the message names the unit's own index
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != null) {
                members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            }
        }
        int[] out = new int[scores.length];
        for (List<Integer> idx : members.values()) {
            double[] sub = new double[idx.size()];
            for (int k = 0; k < sub.length; k++) {
                sub[k] = scores[idx.get(k)];
            }
            int[] r = perGroup.apply(sub);
            for (int k = 0; k < sub.length; k++) {
                out[idx.get(k)] = r[k];
            }
        }
        return out;
    }

    /** Scores with those of units whose overall rank is 0 (kept out of the ranking) as NaN, for {@link #competition}. */
    public static double[] rankedOnly(double[] scores, int[] overallRanks) {
        double[] out = scores.clone();
        for (int i = 0; i < out.length; i++) {
            if (overallRanks[i] == 0) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }
}
