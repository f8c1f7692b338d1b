package org.bizenv.robustness;

import org.bizenv.framework.Node;

/**
 * Before any analysis runs on a compiled index: re-aggregate it at the nominal weights and methods and compare with the
 * build, node by node bottom-up, bit for bit (equal doubles, NaN where the build has NaN), then the index ranks and
 * tiers. Every Monte Carlo run, scenario and margin rests on this identity; if it fails, it fails before them, naming
 * the node, the first unit and both values.
 */
final class NominalCheck {

    private NominalCheck() {
    }

    /** @throws ReaggregationMismatchException at the first node (bottom-up) or ranking that differs */
    static void verify(CompiledIndex ci) {
        Evaluator ev = ci.evaluator();
        try {
            ev.evaluate();
        } catch (RobustnessException e) {
            String root = ci.node(ci.root()).code();
            throw new ReaggregationMismatchException(root, fault("the nominal weights and methods, which the scorer "
                    + "aggregated, fail in the re-aggregation: " + e.getMessage()), e);
        }
        double[][] expected = ci.build().nodeScores();
        for (int k : ci.bottomUp) {
            double[] got = ev.scores(k);
            int first = -1;
            int differ = 0;
            for (int i = 0; i < got.length; i++) {
                if (Double.compare(got[i], expected[k][i]) != 0) {
                    differ++;
                    first = first < 0 ? i : first;
                }
            }
            if (differ > 0) {
                Node nd = ci.node(k);
                throw new ReaggregationMismatchException(nd.code(), fault("node " + nd.code() + " ("
                        + nd.name().both() + ") differs for " + differ + " of " + got.length + " units; the first, "
                        + unit(ci, first) + ", scores " + got[first] + " in the re-aggregation and " + expected[k][first]
                        + " from the scorer"), null);
            }
        }
        ev.rank();
        int[] ranks = ci.nominalRanks;
        int[] tiers = ci.nominalTiers;
        for (int i = 0; i < ranks.length; i++) {
            if (ev.ranks()[i] != ranks[i] || ev.tiers()[i] != tiers[i]) {
                throw new ReaggregationMismatchException(ci.node(ci.root()).code(), fault("the index scores agree but "
                        + unit(ci, i) + " ranks " + ev.ranks()[i] + " (tier " + ev.tiers()[i] + ") in the "
                        + "re-aggregation and " + ranks[i] + " (tier " + tiers[i] + ") in the scorer's ranking"), null);
            }
        }
    }

    private static String unit(CompiledIndex ci, int i) {
        return ci.unitNames[i].both() + " (" + ci.unitCodes[i] + ")";
    }

    private static String fault(String what) {
        return "Internal fault in bizenv, not in the inputs: the robustness analysis re-aggregates the scored index, and "
                + "at the nominal weights and methods it must reproduce the scorer exactly, but " + what + ". No "
                + "robustness result can be trusted, so none was computed; please report this with the log file.";
    }
}
