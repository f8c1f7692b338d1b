package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * Every unit's index score and rank under each scenario, side by side. Scenario 0 is always the nominal build
 * ("nominal"). Arrays are {@code [scenario][unit]}, units in the build's order; rank 0 = unranked.
 *
 * @param rankShift     nominal rank − scenario rank: positive = the unit climbs under the scenario (0 if unranked in
 *                      either)
 * @param meanAbsShift  per scenario, mean over units ranked in both of |rank shift|
 * @param maxAbsShift   per scenario, the largest |rank shift|
 * @param spearman      {@code [s][t]}: Spearman's ρ between the rankings of scenarios s and t (ranks with ties
 *                      averaged; units ranked in both); NaN if a ranking is constant
 * @param kendall       {@code [s][t]}: Kendall's τ-b between them (tie-corrected)
 * @param notes         what an analyst should know (objective weights kept after a normalisation change, …)
 */
public record ScenarioComparison(String[] units, Names[] unitNames, List<String> scenarioIds, List<Names> scenarioNames,
                                 List<String> scenarioSources, double[][] scores, int[][] ranks, int[][] tiers,
                                 int[][] rankShift, double[] meanAbsShift, int[] maxAbsShift, double[][] spearman,
                                 double[][] kendall, List<org.bizenv.framework.Names> notes) {

    public ScenarioComparison {
        scenarioIds = List.copyOf(scenarioIds);
        scenarioNames = List.copyOf(scenarioNames);
        scenarioSources = List.copyOf(scenarioSources);
        notes = List.copyOf(notes);
    }
}
