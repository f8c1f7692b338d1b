package org.bizenv.survey;

/**
 * A survey indicator's value for one unit that rests on fewer valid answers than its source's minimum sample
 * ({@code min-sample}): found by {@link SurveyTally#indicators()}, which also words it as a warning. Kept as data so
 * that the report (and each city's card) can say it without reading the warning's text.
 *
 * @param unit      the unit's code
 * @param indicator the indicator's code
 * @param question  the survey question (column) the indicator reads
 * @param answers   valid answers to it from this unit
 * @param minimum   the source's minimum sample
 */
public record ThinSample(String unit, String indicator, String question, int answers, int minimum) {
}
