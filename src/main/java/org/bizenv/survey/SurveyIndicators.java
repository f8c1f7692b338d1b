package org.bizenv.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bizenv.framework.Names;

/**
 * The survey's named data set for one year ({@code survey-current}, {@code survey-previous}): the unit value of every
 * survey indicator, as {@link SurveyTally#indicators()} computes it from the tallies.
 *
 * @param units      the unit codes the columns belong to: the registry's cities, or (without a registry) the units
 *                   the survey names, so other channels join by code, never by position
 * @param values     {@code [indicator][unit]} in framework order; NaN for indicators that are not from the survey
 * @param provenance {@code [indicator][unit]} e.g. "survey.csv: Q07 mean-score, n = 812 (weighted to the size mix)";
 *                   null where the survey gives no value
 * @param warnings    units under the minimum sample size, per question, in words
 * @param thinSamples the same findings as data
 * @param unitRows    the questionnaire rows read per unit their city names (usable or not), by code, over the year's
 *                    survey files: what a framework evaluating part of its registry says it skipped of the others
 */
public record SurveyIndicators(List<String> units, double[][] values, String[][] provenance, List<Names> warnings,
                               List<ThinSample> thinSamples, Map<String, Long> unitRows) {

    public SurveyIndicators {
        units = List.copyOf(units);
        warnings = List.copyOf(warnings);
        thinSamples = thinSamples == null ? List.of() : List.copyOf(thinSamples); // absent from older workspaces
        // sorted by code, so that the data set is saved the same every time
        unitRows = unitRows == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(unitRows));
    }

    /** A survey data set without counts of rows per unit. */
    public SurveyIndicators(List<String> units, double[][] values, String[][] provenance, List<Names> warnings,
                            List<ThinSample> thinSamples) {
        this(units, values, provenance, warnings, thinSamples, null);
    }

    /** A survey data set without thin samples. */
    public SurveyIndicators(List<String> units, double[][] values, String[][] provenance, List<Names> warnings) {
        this(units, values, provenance, warnings, List.of());
    }

    /** The questionnaire rows read from a unit (0 for a unit no row names). */
    public long rows(String unit) {
        return unitRows.getOrDefault(unit, 0L);
    }

    /**
     * The survey sources' indicators of one year in one data set: the units in the order the parts list them, each
     * indicator's values from the part (the source) that has them.
     *
     * @param indicators the framework's number of indicators
     */
    public static SurveyIndicators combine(int indicators, List<SurveyIndicators> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        parts.forEach(p -> p.units().forEach(u -> column.putIfAbsent(u, column.size())));
        double[][] values = new double[indicators][column.size()];
        String[][] provenance = new String[indicators][column.size()];
        List<Names> warnings = new ArrayList<>();
        List<ThinSample> thin = new ArrayList<>();
        Map<String, Long> rows = new TreeMap<>();
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        for (SurveyIndicators p : parts) {
            for (int j = 0; j < indicators; j++) {
                for (int k = 0; k < p.units().size(); k++) {
                    if (p.provenance()[j][k] != null) {
                        int at = column.get(p.units().get(k));
                        values[j][at] = p.values()[j][k];
                        provenance[j][at] = p.provenance()[j][k];
                    }
                }
            }
            warnings.addAll(p.warnings());
            thin.addAll(p.thinSamples());
            p.unitRows().forEach((u, n) -> rows.merge(u, n, Long::sum));   // each source's rows are rows read
        }
        return new SurveyIndicators(new ArrayList<>(column.keySet()), values, provenance, warnings, thin, rows);
    }
}
