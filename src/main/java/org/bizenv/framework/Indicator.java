package org.bizenv.framework;

import java.util.List;

/**
 * A leaf of the tree: one measured quantity, where its value comes from and how it is scored.
 *
 * @param direction     +1 higher is better, -1 lower is better
 * @param source        id of the {@link Source} holding its raw values
 * @param field         item code, column, walk-through item or survey question within that source
 * @param statistic     for walk-through and survey sources: which city-level statistic (pass-rate, mean-hours,
 *                      mean-score, share-favourable); null otherwise
 * @param validMin      smallest acceptable raw value (NaN = unbounded); a value outside is an input error
 * @param denominator   id of a denominator column (unit-table field) the raw value is divided by; null = none
 * @param textValues    text codes the raw data may hold instead of a number, with their meaning (the framework's
 *                      defaults merged with the indicator's own); empty = any text is an input error
 * @param blanks        what a blank raw value is: {@code error}, {@code missing}, or null for the default (an error
 *                      unless the indicator imputes, then missing)
 * @param transform     a plain monotone transform of the imputed values before treatment and normalisation
 *                      ({@code ln}, {@code log10}, {@code sqrt}, {@code power}, {@code negate}; {@code none})
 */
public record Indicator(String code, String parent, Names name, String unit, int direction, double weight,
                        String source, String field, String statistic, double validMin, double validMax,
                        MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                        String denominator, String definition, int line, List<TextValue> textValues,
                        String blanks, MethodSpec transform) implements TreeElement {

    public Indicator {
        textValues = textValues == null ? List.of() : List.copyOf(textValues);
        transform = transform == null ? MethodSpec.of("none") : transform;
    }

    /** Without text values, blanks as by default. */
    public Indicator(String code, String parent, Names name, String unit, int direction, double weight,
                     String source, String field, String statistic, double validMin, double validMax,
                     MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                     String denominator, String definition, int line) {
        this(code, parent, name, unit, direction, weight, source, field, statistic, validMin, validMax, normalisation,
                imputation, treatment, denominator, definition, line, List.of(), null, null);
    }

    /**
     * The direction of the values normalisation sees: {@link #direction} as measured, reversed by a decreasing
     * transform ({@code negate}, or {@code power} with a negative exponent), since "higher is better" of days is
     * "lower is better" of minus days.
     */
    public int scoredDirection() {
        return direction * transformSign(transform);
    }

    /** +1 for an increasing transform (or none), −1 for a decreasing one. */
    public static int transformSign(MethodSpec transform) {
        return transform.method().equals("negate")
                || transform.method().equals("power") && transform.number("exponent", 1) < 0 ? -1 : 1;
    }

    /** The meaning of a text code found in the data (matched ignoring case and spacing), or null. */
    public TextValue textValue(String text) {
        String key = TextValue.key(text);
        for (TextValue t : textValues) {
            if (TextValue.key(t.text()).equals(key)) {
                return t;
            }
        }
        return null;
    }
}
