package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * What a whole-pipeline uncertainty analysis found, as plain data for the Sensitivity sheet and the JSON report. Arrays
 * over units follow {@link #units()} (the build's order); rank statistics are over the runs in which the unit was
 * ranked, percentiles R type 7 ({@link Percentiles}).
 *
 * @param source        the uncertainty file, as the user named it
 * @param inputs        the uncertain inputs, in file order
 * @param cachedRows    alternative indicator rows computed once and looked up by the runs
 * @param rankP05       5th percentile rank: with {@link #rankP95} the 90% interval
 * @param meanAbsShift  per unit, mean over runs of |rank − nominal rank|
 * @param focusUnit     the unit whose rank and score are analysed too (null: none)
 * @param sensitivity   Sobol indices of the mean absolute rank shift, then (with a focus unit) its rank and its index
 *                      score; empty when not run
 * @param notes         what was varied, what was recomputed, conventions
 */
public record PipelineResult(String source, List<InputSummary> inputs, int runs, long seed, int cachedRows,
                             String[] units, Names[] unitNames, int[] nominalRank, double[] medianRank,
                             double[] rankP05, double[] rankP95, int[] bestRank, int[] worstRank,
                             double[] meanAbsShift, String focusUnit, List<SensitivityResult> sensitivity,
                             List<Names> notes) {

    public PipelineResult {
        inputs = List.copyOf(inputs);
        sensitivity = List.copyOf(sensitivity);
        notes = List.copyOf(notes);
    }

    /**
     * One uncertain input as the reports name it.
     *
     * @param kind         "imputation", "treatment", "normalisation", "weighting", "aggregation" or "weight"
     * @param targets      the indicators or nodes it applies to
     * @param alternatives each alternative as the framework file would state it ("minmax", "goalposts (best 1, …)"),
     *                     or for a weight "×(1 ± f)"
     * @param recomputes   what a run that changes it recomputes, in words (bilingual)
     */
    public record InputSummary(String id, Names name, String kind, List<String> targets, List<String> alternatives,
                               Names recomputes) {
        public InputSummary {
            targets = List.copyOf(targets);
            alternatives = List.copyOf(alternatives);
        }
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
