package org.bizenv.evaluation;

import java.util.List;

import org.bizenv.report.Report;
import org.bizenv.scoring.Unit;

/**
 * The named data set "raw" as the intake step leaves it for one year: every unit, and per framework indicator a raw
 * value per unit with the cell it came from. Survey indicators are filled in by the survey step.
 *
 * @param values       {@code [indicator][unit]}, NaN where missing or not yet known (survey)
 * @param provenance   {@code [indicator][unit]} file!sheet!cell of each value
 * @param denominators {@code [denominator][unit]}
 * @param files        every input file read, with its hash
 * @param textScores   {@code [indicator][unit]}: the score a text code stands for, NaN where none (may be null)
 * @param notApplicable {@code [indicator][unit]}: where a text code says the indicator does not apply (may be null)
 * @param sources     the units each source read names, for {@link UnitCoverage} (empty in a data set saved before
 *                    the check existed)
 */
public record IntakeResult(List<Unit> units, double[][] values, String[][] provenance, double[][] denominators,
                           List<Report.SourceFile> files, double[][] textScores, boolean[][] notApplicable,
                           List<SourceUnits> sources) {

    public IntakeResult {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Without text codes, or the units of each source. */
    public IntakeResult(List<Unit> units, double[][] values, String[][] provenance, double[][] denominators,
                        List<Report.SourceFile> files) {
        this(units, values, provenance, denominators, files, null, null, null);
    }
}
