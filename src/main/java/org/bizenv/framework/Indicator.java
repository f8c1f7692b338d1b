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
 */
public record Indicator(String code, String parent, Names name, String unit, int direction, double weight,
                        String source, String field, String statistic, double validMin, double validMax,
                        MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                        String denominator, String definition, int line, List<TextValue> textValues,
                        String blanks) implements TreeElement {

    public Indicator {
        textValues = textValues == null ? List.of() : List.copyOf(textValues);
    }

    /** Without text values, blanks as by default. */
    public Indicator(String code, String parent, Names name, String unit, int direction, double weight,
                     String source, String field, String statistic, double validMin, double validMax,
                     MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                     String denominator, String definition, int line) {
        this(code, parent, name, unit, direction, weight, source, field, statistic, validMin, validMax, normalisation,
                imputation, treatment, denominator, definition, line, List.of(), null);
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
