package org.bizenv.survey;

/**
 * One row of the survey file as typed, answers coded but not yet validated.
 *
 * @param line         the row number in the file (1 = header, as a spreadsheet shows it)
 * @param respondentId the RespondentId field as typed
 * @param cityText     the City field as typed
 * @param size         the Size field as typed
 * @param industry     the Industry field as typed
 * @param answers      per question (in {@link SurveyLayout#questions()} order): the whole number typed (0–127),
 *                     {@link #BLANK}, or {@link #NOT_A_CODE} for anything else
 * @param answerTexts  null, or per question the text of a {@link #NOT_A_CODE} answer (null elsewhere), for
 *                     messages. Arrays are shared, not copied: do not modify them.
 */
public record SurveyResponse(long line, String respondentId, String cityText, String size, String industry,
                             byte[] answers, String[] answerTexts) {

    /** An empty answer (also {@code -}, {@code N/A}, …). */
    public static final byte BLANK = -1;
    /** Text that is not a whole number from 0 to 127. */
    public static final byte NOT_A_CODE = -2;
}
