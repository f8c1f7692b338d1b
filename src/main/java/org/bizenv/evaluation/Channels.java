package org.bizenv.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Unit;
import org.bizenv.survey.SurveyIndicators;

/**
 * The data channels of one year joined into the raw data set the {@link org.bizenv.scoring.Scorer} takes: the intake's
 * values (returns, statistics, walk-through tests) with the survey's statistics filled in, and last year's raw values
 * for carry-forward imputation. The score step and {@code bizenv validate} join them here, so both score the same data.
 */
final class Channels {

    private Channels() {
    }

    /**
     * @param lastYear last year's raw data set (its values are aligned to this year's units by code), or null
     */
    static RawData join(IntakeResult intake, SurveyIndicators survey, RawData lastYear) {
        // survey statistics join the other channels by unit code (without a registry the survey names its own units)
        Map<String, Integer> surveyColumn = new HashMap<>();
        for (int k = 0; k < survey.units().size(); k++) {
            surveyColumn.put(survey.units().get(k), k);
        }
        int m = intake.values().length;
        double[][] values = new double[m][];
        String[][] provenance = new String[m][];
        for (int j = 0; j < m; j++) {
            values[j] = intake.values()[j].clone();
            provenance[j] = intake.provenance()[j].clone();
            for (int i = 0; i < values[j].length; i++) {
                Integer k = surveyColumn.get(intake.units().get(i).code());
                if (k != null && survey.provenance()[j][k] != null) {
                    values[j][i] = survey.values()[j][k];
                    provenance[j][i] = survey.provenance()[j][k];
                }
            }
        }
        return new RawData(intake.units(), values, provenance, intake.denominators(),
                lastYear == null ? null : alignedTo(intake.units(), lastYear), intake.textScores(),
                intake.notApplicable());
    }

    /** Last year's raw values in this year's unit order; NaN for a unit last year did not have. */
    static double[][] alignedTo(List<Unit> units, RawData prev) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < prev.unitCount(); i++) {
            at.put(prev.units().get(i).code(), i);
        }
        double[][] out = new double[prev.values().length][units.size()];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < units.size(); i++) {
                Integer k = at.get(units.get(i).code());
                out[j][i] = k == null ? Double.NaN : prev.values()[j][k];
            }
        }
        return out;
    }
}
