package org.bizenv.scoring;

import java.util.List;

/**
 * What the pipeline scores: the units and, per indicator of the framework (in framework order), a raw value per unit.
 *
 * @param values       {@code [indicator][unit]}, NaN where missing
 * @param provenance   {@code [indicator][unit]}: where each raw value came from (file!sheet!cell, or a statistic's
 *                     description), for traceability; null entries where unknown
 * @param denominators {@code [denominator][unit]} in framework order
 * @param previous     last year's raw values {@code [indicator][unit]} for carry-forward imputation; null if none
 */
public record RawData(List<Unit> units, double[][] values, String[][] provenance, double[][] denominators,
                      double[][] previous) {

    public RawData {
        units = List.copyOf(units);
    }

    public int unitCount() {
        return units.size();
    }
}
