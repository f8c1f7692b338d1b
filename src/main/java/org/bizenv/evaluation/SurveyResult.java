package org.bizenv.evaluation;

import java.util.List;

/**
 * The survey step's named data set for one year: the city-level statistic of every survey indicator.
 *
 * @param units      the unit codes the columns belong to: the registry's cities, or (without a registry) the units
 *                   the survey names, so other steps align by code, never by position
 * @param values     {@code [indicator][unit]} in framework order; NaN for indicators that are not from the survey
 * @param provenance {@code [indicator][unit]} e.g. "survey.csv: Q07 mean-score, n = 812 (post-stratified)"
 * @param warnings   cities under the minimum sample size, per question
 */
public record SurveyResult(List<String> units, double[][] values, String[][] provenance, List<String> warnings) {
}
