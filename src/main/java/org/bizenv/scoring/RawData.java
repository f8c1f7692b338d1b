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
 * @param textScores   {@code [indicator][unit]}: the score a text code in the raw data stands for (the framework's
 *                     {@code text-values}), NaN where none; null when no value is a scored text code
 * @param notApplicable {@code [indicator][unit]}: true where the raw data say the indicator does not apply (a
 *                     {@code not-applicable} text code); null when nothing is not applicable
 */
public record RawData(List<Unit> units, double[][] values, String[][] provenance, double[][] denominators,
                      double[][] previous, double[][] textScores, boolean[][] notApplicable) {

    public RawData {
        units = List.copyOf(units);
    }

    /** Raw data without text codes. */
    public RawData(List<Unit> units, double[][] values, String[][] provenance, double[][] denominators,
                   double[][] previous) {
        this(units, values, provenance, denominators, previous, null, null);
    }

    /** Whether indicator {@code j} does not apply to unit {@code i}. */
    public boolean notApplicable(int j, int i) {
        return notApplicable != null && notApplicable[j][i];
    }

    /** The score a text code gives indicator {@code j} of unit {@code i}, NaN if none. */
    public double textScore(int j, int i) {
        return textScores == null ? Double.NaN : textScores[j][i];
    }

    /** Whether the value is given by a text code (a score or not applicable), so it is not missing. */
    public boolean coded(int j, int i) {
        return notApplicable(j, i) || !Double.isNaN(textScore(j, i));
    }

    public int unitCount() {
        return units.size();
    }
}
