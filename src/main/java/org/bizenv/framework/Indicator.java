package org.bizenv.framework;

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
 */
public record Indicator(String code, String parent, Names name, String unit, int direction, double weight,
                        String source, String field, String statistic, double validMin, double validMax,
                        MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                        String denominator, String definition, int line) implements TreeElement {
}
