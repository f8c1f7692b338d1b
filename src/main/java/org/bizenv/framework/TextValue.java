package org.bizenv.framework;

/**
 * What a text code in an indicator's raw data means ({@code text-values} in the framework file): a fixed score given
 * in place of the normalised value ({@code "No Practice": {score: 0}}), or that the indicator does not apply to that
 * unit ({@code "No VAT": not-applicable}).
 *
 * <p>Not applicable is not missing: the value is neither imputed nor counted against an aggregation's
 * {@code min-share}; the indicator is left out of its parent's mean, and a node all of whose children do not apply
 * does not apply either.
 *
 * @param text          the code as the data spell it (matched ignoring case and spacing)
 * @param notApplicable true: the indicator does not apply; false: {@link #score} is the indicator's score
 * @param score         the normalised score the code stands for (NaN when not applicable)
 * @param line          line of the framework file that states it
 */
public record TextValue(String text, boolean notApplicable, double score, int line) {

    /** How codes are compared: NFKC, spacing collapsed, ignoring case (as the table readers compare them). */
    public static String key(String text) {
        return org.bizenv.city.TypedText.clean(text).toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code not-applicable}, or {@code score 0}, as the methodology text says it. */
    public String describe() {
        return notApplicable ? "not applicable" : "score " + MethodSpec.format(score);
    }
}
