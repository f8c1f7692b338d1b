package org.bizenv.robustness;

import java.util.List;
import java.util.function.Function;

import org.bizenv.scoring.RawData;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;

/**
 * What the survey bootstrap resamples and how a replicate reaches the scorer: this year's answers in respondent form
 * (one {@link SurveyPatterns} per survey source), the survey indicators the tallies gave (the nominal ones), and the
 * join of survey indicators with the other channels into the scorer's raw data (the score step's own join, so a
 * replicate is scored exactly as the year was).
 *
 * @param patterns the survey sources' patterns (empty: nothing to resample)
 * @param nominal  the survey indicators the build was scored from
 * @param join     survey indicators → raw data, as the score step joins them
 */
public record SurveySample(List<SurveyPatterns> patterns, SurveyIndicators nominal,
                           Function<SurveyIndicators, RawData> join) {

    public SurveySample {
        patterns = List.copyOf(patterns);
    }
}
