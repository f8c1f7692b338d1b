package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.city.TypedText;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyTally;

/**
 * Without a unit registry, the units are whatever the sources name, so a unit typed two ways ("上海" in the returns,
 * "上海市" in the statistics) would become two ranked units, each with half its data. This check, run once a year's
 * every source is read (at the end of the survey step, and by {@code bizenv validate}), makes a unit that some sources
 * name and others do not an input error naming the sources and the spellings. A survey source with
 * {@code missing-units: missing} may lack units. With a registry the readers hold every source to its cities instead.
 */
final class UnitCoverage {

    private UnitCoverage() {
    }

    /** The units a survey tally names. */
    static SourceUnits of(SurveyTally tally, SurveyIndicators indicators) {
        return new SourceUnits(tally.source().id(), tally.file(), indicators.units(),
                tally.source().missingUnitsAllowed());
    }

    /**
     * Adds a problem for each unit (or each group of spellings of one unit) that not every source names.
     *
     * @param problems the problems found so far: a source that names no unit because it could not be read is already
     *                 reported, and is left out
     */
    static void check(UnitResolver resolver, List<SourceUnits> sources, Problems problems) {
        if (!resolver.expectedUnits().isEmpty()) {
            return;
        }
        List<DataProblem> found = problems.sorted();
        List<SourceUnits> naming = new ArrayList<>();
        for (SourceUnits s : sources) {
            if (!s.units().isEmpty()) {
                naming.add(s);
            } else if (!s.mayLackUnits() && found.stream().noneMatch(p -> about(p, s.file()))) {
                problems.add(Location.ofFile(s.file()), "names no " + resolver.noun() + ": every " + resolver.noun()
                        + " the other sources name is missing from it");
            }
        }
        if (naming.size() < 2) {
            return;
        }
        // the units in the order the sources name them, grouped by their matching key (上海 and 上海市 are one group)
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        for (SourceUnits s : naming) {
            for (String u : s.units()) {
                spellings.computeIfAbsent(TypedText.key(u), k -> new LinkedHashSet<>()).add(u);
            }
        }
        for (Set<String> group : spellings.values()) {
            if (group.size() > 1) {
                problems.add(Location.ofFile(firstNaming(naming, group.iterator().next())), spelledApart(naming, group,
                        resolver.noun()));
                continue;
            }
            String unit = group.iterator().next();
            List<String> lacking = naming.stream().filter(s -> !s.mayLackUnits() && !s.units().contains(unit))
                    .map(SourceUnits::file).toList();
            if (!lacking.isEmpty()) {
                problems.about(unit).add(Location.ofFile(firstNaming(naming, unit)), "'" + unit + "' is in "
                        + String.join(", ", files(naming, unit)) + " but not in " + String.join(", ", lacking)
                        + ": without a unit registry every source must name the same " + resolver.noun() + "s (a "
                        + resolver.noun() + " missing from a source would be ranked on part of its data)");
            }
        }
    }

    /** One unit spelled several ways across the sources: each spelling with the files that use it. */
    private static String spelledApart(List<SourceUnits> naming, Set<String> group, String noun) {
        List<String> parts = new ArrayList<>();
        for (String u : group) {
            parts.add("'" + u + "' in " + String.join(", ", files(naming, u)));
        }
        List<String> neither = naming.stream().filter(s -> !s.mayLackUnits())
                .filter(s -> group.stream().noneMatch(s.units()::contains)).map(SourceUnits::file).toList();
        if (!neither.isEmpty()) {
            parts.add("in neither way in " + String.join(", ", neither));
        }
        return "one " + noun + " spelled " + group.size() + " ways? " + String.join("; ", parts) + ": without a unit "
                + "registry every source must name a " + noun + " the same way, else it is ranked once per spelling; "
                + "use one spelling, or give the framework a registry ('units' under 'framework')";
    }

    private static List<String> files(List<SourceUnits> naming, String unit) {
        return naming.stream().filter(s -> s.units().contains(unit)).map(SourceUnits::file).toList();
    }

    private static String firstNaming(List<SourceUnits> naming, String unit) {
        return files(naming, unit).get(0);
    }

    private static boolean about(DataProblem p, String file) {
        String f = p.where().file();
        return f != null && (f.equals(file) || f.startsWith(file + "/"));
    }
}
