package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * Rank distributions of a Monte Carlo uncertainty analysis, one entry per unit in the build's unit order. Ranks are
 * competition ranks of the index with the framework's convention (published decimals or full precision); statistics
 * are over the runs in which the unit was ranked ({@link #rankedRuns}); percentiles follow {@link Percentiles}
 * (R type 7).
 *
 * @param settings          what varied, one line each, for the report's notes
 * @param nominalRank       rank in the build (0 = unranked)
 * @param meanRank          mean rank over runs
 * @param medianRank        type-7 median
 * @param rankP05           5th percentile (type 7): with {@link #rankP95} a 90% interval
 * @param rankP95           95th percentile (type 7)
 * @param bestRank          best (smallest) rank seen
 * @param worstRank         worst rank seen
 * @param meanAbsShift      mean over runs of |run rank − nominal rank|
 * @param probabilityTopK   share of runs with rank ≤ {@link #topK}
 * @param tierProbability   {@code [unit][tier − 1]}: share of runs in each tier (tiers by the framework's rule)
 * @param runMeanAbsShift   per run, the mean over units of |run rank − nominal rank| (the sensitivity output)
 */
public record UncertaintyResult(int runs, long seed, String weightScheme, List<String> settings, String[] units,
                                Names[] unitNames, int[] nominalRank, double[] meanRank, double[] medianRank,
                                double[] rankP05, double[] rankP95, int[] bestRank, int[] worstRank,
                                double[] meanAbsShift, int topK, double[] probabilityTopK, List<Names> tierNames,
                                double[][] tierProbability, int[] rankedRuns, double[] runMeanAbsShift) {

    public UncertaintyResult {
        settings = List.copyOf(settings);
        tierNames = List.copyOf(tierNames);
    }

    /** Index of a unit code, or −1. */
    public int unitIndex(String code) {
        for (int i = 0; i < units.length; i++) {
            if (units[i].equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
