package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * Everything a robustness analysis found, as plain data for the Excel Sensitivity sheet and the JSON report. Arrays over
 * units follow {@link #units()} (the build's unit order); a part that was not run is null (lists: empty).
 *
 * @param nominalScore  the build's index scores (full precision)
 * @param nominalRank   the build's index ranks (the framework's convention; 0 = unranked)
 * @param scenarios     scores and ranks per scenario, rank shifts, Spearman/Kendall between scenarios
 * @param uncertainty   rank distributions from the Monte Carlo runs (nominal, mean, median, 5–95% interval, P(top K),
 *                      tier probabilities)
 * @param sensitivity   first- and total-order indices of the mean absolute rank shift per uncertain input, with CIs
 * @param oneAtATime    rank shifts when each indicator and each dimension is removed
 * @param reversals     rank-reversal margins for adjacent units, per analysed parent node
 * @param notes         conventions used, for the report's methodology notes
 * @param surveyBootstrap rank intervals from resampling the survey's respondents (null when not run)
 * @param pipeline      the whole-pipeline uncertainty analysis of an uncertainty file (null when not run)
 */
public record RobustnessResult(String frameworkId, Names frameworkName, String[] units, Names[] unitNames,
                               double[] nominalScore, int[] nominalRank, ScenarioComparison scenarios,
                               UncertaintyResult uncertainty, SensitivityResult sensitivity,
                               OneAtATime.Result oneAtATime, List<RankReversal> reversals, List<org.bizenv.framework.Names> notes,
                               SurveyBootstrapResult surveyBootstrap, PipelineResult pipeline) {

    public RobustnessResult {
        reversals = List.copyOf(reversals);
        notes = List.copyOf(notes);
    }

    /** Without a whole-pipeline analysis. */
    public RobustnessResult(String frameworkId, Names frameworkName, String[] units, Names[] unitNames,
                            double[] nominalScore, int[] nominalRank, ScenarioComparison scenarios,
                            UncertaintyResult uncertainty, SensitivityResult sensitivity,
                            OneAtATime.Result oneAtATime, List<RankReversal> reversals, List<Names> notes,
                            SurveyBootstrapResult surveyBootstrap) {
        this(frameworkId, frameworkName, units, unitNames, nominalScore, nominalRank, scenarios, uncertainty,
                sensitivity, oneAtATime, reversals, notes, surveyBootstrap, null);
    }

    /** Without a survey bootstrap. */
    public RobustnessResult(String frameworkId, Names frameworkName, String[] units, Names[] unitNames,
                            double[] nominalScore, int[] nominalRank, ScenarioComparison scenarios,
                            UncertaintyResult uncertainty, SensitivityResult sensitivity,
                            OneAtATime.Result oneAtATime, List<RankReversal> reversals, List<Names> notes) {
        this(frameworkId, frameworkName, units, unitNames, nominalScore, nominalRank, scenarios, uncertainty,
                sensitivity, oneAtATime, reversals, notes, null, null);
    }

    /** The same result with the survey bootstrap's (null: none). */
    public RobustnessResult withSurveyBootstrap(SurveyBootstrapResult b) {
        return new RobustnessResult(frameworkId, frameworkName, units, unitNames, nominalScore, nominalRank, scenarios,
                uncertainty, sensitivity, oneAtATime, reversals, notes, b, pipeline);
    }

    /** The same result with the whole-pipeline analysis' (null: none). */
    public RobustnessResult withPipeline(PipelineResult p) {
        return new RobustnessResult(frameworkId, frameworkName, units, unitNames, nominalScore, nominalRank, scenarios,
                uncertainty, sensitivity, oneAtATime, reversals, notes, surveyBootstrap, p);
    }
}
