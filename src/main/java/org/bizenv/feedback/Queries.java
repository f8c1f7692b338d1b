package org.bizenv.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.evaluation.Intake;
import org.bizenv.framework.Denominator;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Location;
import org.bizenv.robustness.Percentiles;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Unit;

/**
 * The queries an evaluation team sends back to each unit (数据核查): the unit's input problems — values the run cannot
 * use, to be corrected — and warnings — values that read correctly but are far from the unit's own last year or from
 * the other units ({@link Rules}), to be confirmed or corrected — plus the problems that belong to no unit, for the
 * team. Plain Java over the values as read and the problems found; {@link FeedbackWriter} writes it.
 *
 * @param rules      the rules the warnings were found by
 * @param lastYear   whether last year's values were given, so that the change rule was applied
 * @param units      every unit of this year's data in its order (each, also one with nothing to query, so that every
 *                   unit gets an answer), then any unit only a problem names
 * @param unassigned the problems of no unit (a missing column, a file that is not a workbook, an unknown city name)
 */
public record Queries(Rules rules, boolean lastYear, List<UnitQueries> units, List<ProblemQuery> unassigned) {

    public Queries {
        units = List.copyOf(units);
        unassigned = List.copyOf(unassigned);
    }

    /** One unit's queries. */
    public record UnitQueries(String code, Names name, List<ProblemQuery> problems, List<WarningQuery> warnings) {

        public UnitQueries {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        public boolean none() {
            return problems.isEmpty() && warnings.isEmpty();
        }
    }

    /**
     * A problem as a query.
     *
     * @param where      file, sheet and cell (as the console lists it)
     * @param item       the indicator the cell feeds (its code), or empty
     * @param itemName   that indicator's name, or null
     * @param found      the value as found, or empty
     * @param wrongZh    what is wrong in Chinese (empty for a message of no known form)
     * @param message    what is wrong, the engine's English message
     * @param expectedZh what is expected (Chinese), or empty
     * @param expectedEn what is expected (English), or empty
     */
    public record ProblemQuery(Location where, String item, Names itemName, String found, String wrongZh,
                               String message, String expectedZh, String expectedEn) {
    }

    /** The rule a warning was found by. */
    public enum Rule {
        /** {@link Rules#changeLimit()}: against the unit's value last year. */
        CHANGE,
        /** {@link Rules#outlierLimit()}: against this year's other units. */
        OUTLIER
    }

    /**
     * A value worth confirming.
     *
     * @param item      the indicator's code
     * @param itemName  its name
     * @param unitOfMeasure the indicator's unit (%, days…), possibly empty
     * @param where     where the value came from (file!sheet!cell, or the survey or walk-through statistic)
     * @param value     the value as read (for {@link Rule#OUTLIER} with a denominator: per denominator)
     * @param reference last year's value ({@link Rule#CHANGE}) or this year's median ({@link Rule#OUTLIER})
     * @param distance  the relative change (0.82 = +82 %), or the robust z-score (signed: above or below the median)
     * @param per       the denominator's name the values are divided by, or null
     */
    public record WarningQuery(String item, Names itemName, String unitOfMeasure, String where, Rule rule,
                               double value, double reference, double distance, Names per) {
    }

    /** The number of units with at least one problem. */
    public long unitsWithProblems() {
        return units.stream().filter(u -> !u.problems().isEmpty()).count();
    }

    /**
     * @param thisYear this year's values as read (NaN where a value did not read), or null when none were read
     * @param lastYear last year's, or null
     * @param problems every input problem, in the order they are to be listed
     */
    public static Queries of(Framework fw, RawData thisYear, RawData lastYear, List<DataProblem> problems,
                             Rules rules) {
        Map<String, Builder> byUnit = new LinkedHashMap<>();
        if (thisYear != null) {
            for (Unit u : thisYear.units()) {
                byUnit.put(u.code(), new Builder(u.code(), u.name()));
            }
        }
        Map<String, Integer> indicatorOfCell = new HashMap<>();
        cells(thisYear, indicatorOfCell);
        cells(lastYear, indicatorOfCell);
        List<FieldRequest> fields = fields(fw);
        List<ProblemQuery> unassigned = new ArrayList<>();
        for (DataProblem p : problems) {
            Integer j = indicatorOfCell.get(p.where().toString());
            Indicator ind = j == null ? null : fw.indicators().get(j);
            ProblemTexts.Text t = ProblemTexts.of(p.message(), j == null ? null : fields.get(j));
            ProblemQuery q = new ProblemQuery(p.where(), ind == null ? "" : ind.code(), ind == null ? null : ind.name(),
                    t.found(), t.wrongZh(), p.message(), t.expectedZh(), t.expectedEn());
            if (p.unit() == null) {
                unassigned.add(q);
            } else {
                byUnit.computeIfAbsent(p.unit(), c -> new Builder(c, new Names(c, c))).problems.add(q);
            }
        }
        if (thisYear != null) {
            warnings(fw, thisYear, lastYear, rules, byUnit);
        }
        return new Queries(rules, lastYear != null, byUnit.values().stream().map(Builder::build).toList(), unassigned);
    }

    /** Which indicator each cell feeds, by the cell's location as problems print it. */
    private static void cells(RawData data, Map<String, Integer> out) {
        if (data == null) {
            return;
        }
        for (int j = 0; j < data.provenance().length; j++) {
            for (String where : data.provenance()[j]) {
                if (where != null) {
                    out.putIfAbsent(where, j);
                }
            }
        }
    }

    /** Each indicator's field as its source's reader requests it: the valid range and text codes the reader checks. */
    private static List<FieldRequest> fields(Framework fw) {
        Map<String, FieldRequest> bySourceAndField = new HashMap<>();
        for (Source s : fw.sources()) {
            for (FieldRequest r : Intake.requests(fw, s)) {
                bySourceAndField.put(s.id() + "\u0000" + r.field(), r);
            }
        }
        return fw.indicators().stream().map(i -> bySourceAndField.get(i.source() + "\u0000" + i.field())).toList();
    }

    private static void warnings(Framework fw, RawData thisYear, RawData lastYear, Rules rules,
                                 Map<String, Builder> byUnit) {
        Map<String, Integer> lastColumn = new HashMap<>();
        if (lastYear != null) {
            for (int k = 0; k < lastYear.unitCount(); k++) {
                lastColumn.put(lastYear.units().get(k).code(), k);
            }
        }
        List<Unit> units = thisYear.units();
        for (int j = 0; j < thisYear.values().length; j++) {
            Indicator ind = fw.indicators().get(j);
            double[] x = thisYear.values()[j];
            Denominator den = ind.denominator() == null ? null : fw.denominator(ind.denominator()).orElse(null);
            double[] compared = den == null ? x : perDenominator(x, thisYear.denominators()[fw.denominators()
                    .indexOf(den)]);
            double[] z = robustZ(compared, rules.minUnits());
            double median = Percentiles.median(compared);                  // the reference an outlier is stated against
            for (int i = 0; i < units.size(); i++) {
                Builder b = byUnit.get(units.get(i).code());
                String where = thisYear.provenance()[j][i];
                Integer k = lastColumn.get(units.get(i).code());
                double x0 = k == null ? Double.NaN : lastYear.values()[j][k];
                double change = change(x[i], x0);
                if (Math.abs(change) > rules.changeLimit()) {
                    b.warnings.add(new WarningQuery(ind.code(), ind.name(), ind.unit(), where, Rule.CHANGE, x[i], x0,
                            change, null));
                }
                if (Math.abs(z[i]) > rules.outlierLimit()) {
                    b.warnings.add(new WarningQuery(ind.code(), ind.name(), ind.unit(), where, Rule.OUTLIER,
                            compared[i], median, z[i], den == null ? null : den.name()));
                }
            }
        }
    }

    /** The relative change {@code (x − x₀) / |x₀|}; NaN when either is missing or last year's is 0. */
    static double change(double x, double lastYear) {
        if (!Double.isFinite(x) || !Double.isFinite(lastYear) || lastYear == 0) {
            return Double.NaN;
        }
        return (x - lastYear) / Math.abs(lastYear);
    }

    /**
     * Each value's robust z-score {@code (x − median) / (1.4826 · MAD)} among the finite values; all NaN when fewer
     * than {@code minUnits} are finite or the MAD is 0, NaN where the value is missing.
     */
    static double[] robustZ(double[] values, int minUnits) {
        double[] z = new double[values.length];
        Arrays.fill(z, Double.NaN);
        double[] v = finite(values);
        if (v.length < minUnits) {
            return z;
        }
        double med = Percentiles.median(v);
        double[] dev = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            dev[i] = Math.abs(v[i] - med);
        }
        double mad = Percentiles.median(dev);
        if (!(mad > 0)) {
            return z;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                z[i] = (values[i] - med) / (Rules.MAD_SCALE * mad);
            }
        }
        return z;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double[] perDenominator(double[] x, double[] den) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = den[i] == 0 || !Double.isFinite(den[i]) ? Double.NaN : x[i] / den[i];
        }
        return out;
    }

    private static final class Builder {
        final String code;
        final Names name;
        final List<ProblemQuery> problems = new ArrayList<>();
        final List<WarningQuery> warnings = new ArrayList<>();

        Builder(String code, Names name) {
            this.code = code;
            this.name = name;
        }

        UnitQueries build() {
            return new UnitQueries(code, name, problems, warnings);
        }
    }
}
