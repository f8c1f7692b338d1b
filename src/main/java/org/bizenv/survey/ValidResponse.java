package org.bizenv.survey;

/**
 * A survey row that passed {@link SurveyValidator}.
 *
 * @param line    the row number in the file
 * @param unit    the unit's code (the city)
 * @param size    the size class's index ({@link SizeClass#ordinal()})
 * @param answers  per question: 1–5, or 0 when left out (blank, not applicable or invalid). Shared, not copied.
 * @param industry the Industry field as typed (null or blank: not given), for the breakdowns by industry
 */
public record ValidResponse(long line, String unit, int size, byte[] answers, String industry) {

    /** A row without an industry. */
    public ValidResponse(long line, String unit, int size, byte[] answers) {
        this(line, unit, size, answers, null);
    }
}
