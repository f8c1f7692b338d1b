package org.bizenv.survey;

import java.util.List;

/**
 * The survey's named data set of detail for one source and year ({@code survey-detail-current}): for each survey
 * indicator and unit, the value with its standard error and 95 % interval, and the value broken down by size class and
 * by industry, each with the number of valid answers behind it. Arrays over units follow {@link #units()}; NaN where
 * there is no value.
 *
 * @param units      the unit codes (as in {@link SurveyIndicators#units()})
 * @param industries the industries named by valid rows, sorted, {@link SurveyBreakdown#NOT_GIVEN} last
 * @param minSample  the source's minimum sample: a value resting on fewer answers is flagged
 * @param breakdownMinSample the source's minimum answers of a breakdown's cell (a size class or an industry of one
 *                   unit; {@code breakdown-min-sample}): a cell on fewer is flagged
 */
public record SurveyDetail(String source, int minSample, int breakdownMinSample, List<String> units,
                           List<String> industries,
                           List<IndicatorDetail> indicators) {

    public SurveyDetail {
        units = List.copyOf(units);
        industries = List.copyOf(industries);
        indicators = List.copyOf(indicators);
    }

    /**
     * One survey indicator.
     *
     * @param answers         valid answers per unit (all size classes)
     * @param standardError   per unit, under the post-stratification ({@link Poststratification}); NaN when
     *                        undefined
     * @param low             value − 1.96·SE, clipped to 0; {@code high} value + 1.96·SE, clipped to 100
     * @param sizeValues      {@code [size class][unit]}, micro, small, medium; {@code sizeAnswers} likewise
     * @param industryValues  {@code [industry][unit]} in the order of {@link #industries()}; {@code industryAnswers}
     *                        likewise
     */
    public record IndicatorDetail(String indicator, String question, String statistic, double[] value,
                                  double[] standardError, double[] low, double[] high, int[] answers,
                                  double[][] sizeValues, int[][] sizeAnswers, double[][] industryValues,
                                  int[][] industryAnswers) {
    }

    /** The detail of the framework indicators {@code codes} reading {@code questions} by {@code statistics}. */
    static SurveyDetail of(String source, SurveyResults res, SurveyBreakdown breakdown, List<String> codes,
                           List<String> questions, List<String> statistics) {
        List<String> units = res.units();
        int nu = units.size();
        int ni = breakdown.industries().size();
        List<IndicatorDetail> out = new java.util.ArrayList<>();
        for (int j = 0; j < codes.size(); j++) {
            String question = questions.get(j);
            String statistic = statistics.get(j);
            int q = breakdown.questions().indexOf(question);
            double[] value = new double[nu];
            double[] se = new double[nu];
            double[] low = new double[nu];
            double[] high = new double[nu];
            int[] answers = new int[nu];
            double[][] sizeValues = new double[SizeClass.values().length][nu];
            int[][] sizeAnswers = new int[SizeClass.values().length][nu];
            double[][] industryValues = new double[ni][nu];
            int[][] industryAnswers = new int[ni][nu];
            for (int u = 0; u < nu; u++) {
                String unit = units.get(u);
                value[u] = res.statistic(statistic, unit, question);
                se[u] = res.standardError(statistic, unit, question);
                low[u] = Poststratification.low(value[u], se[u]);
                high[u] = Poststratification.high(value[u], se[u]);
                answers[u] = res.n(unit, question);
                for (SizeClass s : SizeClass.values()) {
                    sizeValues[s.ordinal()][u] = breakdown.sizeValue(statistic, u, s, q);
                    sizeAnswers[s.ordinal()][u] = breakdown.sizeAnswers(u, s, q);
                }
                for (int i = 0; i < ni; i++) {
                    industryValues[i][u] = breakdown.industryValue(statistic, u, i, q);
                    industryAnswers[i][u] = breakdown.industryAnswers(u, i, q);
                }
            }
            out.add(new IndicatorDetail(codes.get(j), question, statistic, value, se, low, high, answers, sizeValues,
                    sizeAnswers, industryValues, industryAnswers));
        }
        return new SurveyDetail(source, res.minSample(), breakdown.minSample(), units, breakdown.industries(), out);
    }
}
