package org.bizenv.scoring;

import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.rank.Ranking;

/**
 * One scored evaluation with every stage kept (COINr's "coin"): any number in a report traces back through the
 * normalised, treated, transformed, imputed and denominated values to the raw value and the cell it came from.
 *
 * @param transformed           the imputed values after each indicator's {@code transform} (the imputed values
 *                              where an indicator has none); reports show it only when some indicator has one
 * @param notApplicable         {@code [indicator][unit]}: true where the indicator does not apply to the unit (a text
 *                              code such as "No VAT"); null when every indicator applies to every unit
 * @param nodeScores            aggregated score {@code [node][unit]} in framework node order
 * @param nodeRanks             competition rank {@code [node][unit]} (0 = unranked, score missing)
 * @param indicatorRanks        competition rank of the normalised value {@code [indicator][unit]}
 * @param nodeWeights           per node: how its children were weighted
 * @param nodeWeight            per node: weight within its parent (1 for the index)
 * @param indicatorWeight       per indicator: weight within its parent
 * @param effectiveNodeWeight   per node: product of weights up to the index (its share of the index)
 * @param effectiveIndicatorWeight per indicator: its share of the index
 * @param treatment             per indicator: what outlier treatment did
 * @param tiers                 tier of each unit by index score (1 = first tier; 0 = unscored)
 * @param warnings              things an analyst should know (zero ranges, thin samples…), in pipeline order
 */
public record Build(Framework framework, List<Unit> units, String[][] provenance, Stage raw, Stage denominated,
                    Stage imputed, Stage transformed, Stage treated, Stage normalised, boolean[][] notApplicable, double[][] nodeScores,
                    int[][] nodeRanks, int[][] indicatorRanks, NodeWeights[] nodeWeights, double[] nodeWeight,
                    double[] indicatorWeight, double[] effectiveNodeWeight, double[] effectiveIndicatorWeight,
                    TreatmentRecord[] treatment, int[] tiers, List<org.bizenv.framework.Names> warnings) {

    /**
     * Competition ranks {@code [node][unit]}. A {@link Rescoring}'s build ranks only the index when scored (a bootstrap
     * replicate reads nothing else) and its other nodes here, when first asked: the same ranks, later.
     */
    public int[][] nodeRanks() {
        return ranked(nodeRanks, nodeScores);
    }

    /** Competition ranks of the normalised values {@code [indicator][unit]}; filled as {@link #nodeRanks()} is. */
    public int[][] indicatorRanks() {
        return ranked(indicatorRanks, normalised.values());
    }

    /** The rows of {@code ranks} not ranked yet, ranked from {@code scores}; locked, as a build is shared. */
    private int[][] ranked(int[][] ranks, double[][] scores) {
        synchronized (ranks) {
            for (int k = 0; k < ranks.length; k++) {
                if (ranks[k] == null) {
                    ranks[k] = ranks(framework, scores[k]);
                }
            }
        }
        return ranks;
    }

    /** The framework's competition ranks of some scores: of the published (rounded) scores, or at full precision. */
    static int[] ranks(Framework fw, double[] scores) {
        return fw.ranking().compareRounded() ? Ranking.competition(scores, fw.ranking().decimals())
                : Ranking.competition(scores);
    }

    public int unitCount() {
        return units.size();
    }

    public int nodeIndex(String code) {
        var nodes = framework.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node " + code);
    }

    public double[] indexScores() {
        return nodeScores[framework.tree().root()];
    }

    public int[] indexRanks() {
        return nodeRanks[framework.tree().root()];       // always ranked when scored
    }
}
