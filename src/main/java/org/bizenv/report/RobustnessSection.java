package org.bizenv.report;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * How robust the ranking is (issue #5), as plain data for the report's Sensitivity, One at a time, Rank reversals and
 * Scenarios sheets and the JSON document's {@code robustness} object. Built by {@link RobustnessMapper} from the
 * analysis of the report's own build. Arrays over units follow {@link Report#units()}; NaN = missing, rank 0 =
 * unranked; a part that was not run is null.
 *
 * @param settings    how the analysis was asked for (runs, perturbation, seed, samples, scenario files)
 * @param notes       conventions, one sentence each
 * @param uncertainty rank distributions over the Monte Carlo runs, one row per unit, best nominal rank first
 * @param sensitivity variance-based (Sobol) indices of the mean absolute rank shift, one entry per uncertain input
 * @param oneAtATime  ranks with each indicator and each dimension left out in turn
 * @param reversals   margins of the index's child weights between units adjacent in the nominal ranking, best first
 * @param scenarios   every unit's score and rank under each scenario (the first is the nominal build)
 * @param sampling    rank intervals from resampling the survey's respondents (the survey bootstrap), alone and with
 *                    perturbed weights, and the survey indicators' standard errors
 * @param pipeline    the whole-pipeline uncertainty analysis of an uncertainty file (null when not run)
 */
public record RobustnessSection(Settings settings, List<Names> notes, UncertaintyTable uncertainty,
                                SensitivityTable sensitivity, OneAtATimeTable oneAtATime, List<Reversal> reversals,
                                ScenarioTable scenarios, SamplingTable sampling, PipelineTable pipeline) {

    /** A section without a whole-pipeline analysis. */
    public RobustnessSection(Settings settings, List<Names> notes, UncertaintyTable uncertainty,
                             SensitivityTable sensitivity, OneAtATimeTable oneAtATime, List<Reversal> reversals,
                             ScenarioTable scenarios, SamplingTable sampling) {
        this(settings, notes, uncertainty, sensitivity, oneAtATime, reversals, scenarios, sampling, null);
    }

    /**
     * The whole-pipeline uncertainty analysis (issue #11): method choices and weights of an uncertainty file varied
     * together, each run recomputing the stages downstream of what it changed.
     *
     * @param file        the uncertainty file, as given
     * @param focusUnit   the unit whose rank and score have Sobol indices too (null: none)
     * @param cachedRows  alternative indicator rows computed once and reused by the runs
     * @param inputs      the uncertain inputs, in file order
     * @param units       one row per unit, best nominal rank first
     * @param sensitivity Sobol indices of the mean absolute rank shift, then the focus unit's rank and score
     */
    public record PipelineTable(String file, String focusUnit, int runs, long seed, int cachedRows,
                                List<PipelineInputRow> inputs, String percentiles, List<PipelineRow> units,
                                List<SensitivityTable> sensitivity, List<Names> notes) {
    }

    /**
     * @param kind         imputation, treatment, normalisation, weighting, aggregation or weight
     * @param alternatives as the framework file would state them
     * @param recomputes   what a run that changes it recomputes
     */
    public record PipelineInputRow(String id, Names name, String kind, List<String> targets, List<String> alternatives,
                                   Names recomputes) {
    }

    /** One unit's rank over the whole-pipeline runs (statistics over the runs in which it was ranked). */
    public record PipelineRow(String unit, int nominalRank, double medianRank, double rankP05, double rankP95,
                              int bestRank, int worstRank, double meanAbsShift) {
    }

    /** A section without a survey bootstrap. */
    public RobustnessSection(Settings settings, List<Names> notes, UncertaintyTable uncertainty,
                             SensitivityTable sensitivity, OneAtATimeTable oneAtATime, List<Reversal> reversals,
                             ScenarioTable scenarios) {
        this(settings, notes, uncertainty, sensitivity, oneAtATime, reversals, scenarios, null, null);
    }

    /**
     * The survey bootstrap: each replicate resamples the respondents within every unit and size class, recomputes the
     * survey indicators and scores the year again.
     *
     * @param weightScheme how the combined replicates perturbed the weights
     * @param respondents  respondents resampled; {@code patterns} the distinct answer patterns they form
     * @param units        one row per unit, best nominal rank first (as the uncertainty table)
     * @param indicators   per survey indicator, the spread of its value over the replicates
     */
    public record SamplingTable(int replicates, long seed, String weightScheme, long respondents, int patterns,
                                List<String> settings, String percentiles, List<SamplingRow> units,
                                List<IndicatorSpread> indicators) {
    }

    /**
     * One unit's rank over the bootstrap replicates: sampling error alone ({@code rankP05}–{@code rankP95}), and with
     * the weights perturbed too ({@code combinedP05}–{@code combinedP95}).
     *
     * @param rankedReplicates replicates in which the unit was ranked (the statistics are over these)
     * @param sentence         the sampling interval in one sentence (null when never ranked)
     */
    public record SamplingRow(String unit, int nominalRank, double medianRank, double rankP05, double rankP95,
                              int bestRank, int worstRank, int rankedReplicates, double combinedMedianRank,
                              double combinedP05, double combinedP95, Names sentence) {
    }

    /**
     * A survey indicator's value per unit of the survey: as published, its bootstrap standard error and 5th–95th
     * percentile.
     */
    public record IndicatorSpread(String indicator, String[] units, double[] value, double[] standardError,
                                  double[] p05, double[] p95) {
    }

    /**
     * @param uncertaintyRuns    Monte Carlo runs (0 = not run)
     * @param perturbation       weight noise as given, e.g. {@code uniform:0.25}, {@code dirichlet:50}
     * @param sensitivitySamples base samples N of the Sobol design (0 = not run)
     * @param sensitivityFactor  f of the Sobol inputs: each weight is scaled by 1 + f·(2u − 1), u ∈ [0, 1)
     * @param marginNorm         norm of the rank-reversal margins (L1, L2)
     * @param scenarioFiles      the scenario files, as given
     */
    public record Settings(long seed, int uncertaintyRuns, String perturbation, int sensitivitySamples,
                           double sensitivityFactor, String marginNorm, List<String> scenarioFiles) {
    }

    /**
     * @param weightScheme how weights were perturbed, in words
     * @param settings     what varied, one line each
     * @param percentiles  the percentile convention (R type 7)
     * @param topK         the K of {@link UncertaintyRow#probabilityTopK}
     */
    public record UncertaintyTable(int runs, long seed, String weightScheme, List<String> settings, String percentiles,
                              int topK, List<UncertaintyRow> units) {
    }

    /**
     * One unit's rank distribution.
     *
     * @param rankP05         5th percentile rank (type 7); with {@link #rankP95} a 90 % interval
     * @param meanAbsShift    mean over runs of |rank − nominal rank|
     * @param tierProbability share of runs in tier 1, 2, … (meta.tierNames)
     * @param rankedRuns      runs in which the unit had a rank (the statistics are over these)
     */
    public record UncertaintyRow(String unit, double nominalScore, int nominalRank, double meanRank,
                                 double medianRank, double rankP05, double rankP95, int bestRank, int worstRank,
                                 double meanAbsShift, double probabilityTopK, double[] tierProbability,
                                 int rankedRuns) {
    }

    /**
     * @param output     the analysed output, in words
     * @param runs       model evaluations N·(d + 2)
     * @param confidence level of the bootstrap intervals
     */
    public record SensitivityTable(String output, int baseSamples, int runs, String sampling, long seed, int bootstrap,
                              double confidence, double outputMean, double outputVariance,
                              List<SensitivityIndex> inputs, List<Names> notes) {
    }

    /**
     * @param label   e.g. {@code weight:FIN}
     * @param element the node or indicator whose weight varies (null for other kinds of input)
     * @param first   first-order index S1 (Saltelli 2010), with its bootstrap interval
     * @param total   total-order index ST (Jansen 1999), with its bootstrap interval
     */
    public record SensitivityIndex(String label, String element, Names name, double first, double firstLow,
                                   double firstHigh, double total, double totalLow, double totalHigh) {
    }

    public record OneAtATimeTable(List<RemovalRow> removals) {
    }

    /**
     * The index without one element, its siblings renormalised.
     *
     * @param level  "indicator" or "dimension"
     * @param ranks  rank of each unit without it
     * @param shifts nominal rank − rank without it (positive = climbs; 0 if unranked in either)
     */
    public record RemovalRow(String element, String level, double meanAbsShift, int maxAbsShift, int[] ranks,
                          int[] shifts) {
    }

    /**
     * How far one parent's child weights must move before two adjacent units swap.
     *
     * @param node        the parent whose child weights move
     * @param scoreGap    index score of {@code ahead} minus that of {@code behind}, full precision
     * @param status      SWAP, NO_SWAP or TIED
     * @param exact       true: exact solution; false: numerical search (an upper bound)
     * @param margin      distance ‖w' − w‖ in {@code norm} (+∞ when no reweighting swaps them)
     * @param weightMoved total weight taken from some children and given to others, Σ max(w' − w, 0)
     * @param children    the parent's children, in file order
     * @param nominal     their nominal weights
     * @param tie         the nearest weights at which the two tie (null without a swap)
     * @param change      tie − nominal (null without a swap)
     * @param sentence    the margin in one sentence, Chinese and English
     */
    public record Reversal(String node, String ahead, int aheadRank, String behind, int behindRank,
                           double scoreGap, String norm, String status, boolean exact, double margin,
                           double weightMoved, String[] children, double[] nominal, double[] tie, double[] change,
                           Names sentence) {
    }

    /**
     * @param scenarios the nominal build first, then each scenario in the order given
     * @param spearman  {@code [s][t]} Spearman's ρ between the rankings of scenarios s and t
     * @param kendall   {@code [s][t]} Kendall's τ-b
     */
    public record ScenarioTable(List<ScenarioRun> scenarios, double[][] spearman, double[][] kendall,
                            List<Names> notes) {
    }

    /**
     * @param source    where the scenario was read (file and line, or workbook and sheet)
     * @param rankShift nominal rank − rank under the scenario (positive = climbs)
     */
    public record ScenarioRun(String id, Names name, String source, double[] scores, int[] ranks, int[] tiers,
                              int[] rankShift, double meanAbsShift, int maxAbsShift) {
    }
}
