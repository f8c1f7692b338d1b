package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.Composite;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.scoring.Unit;

/**
 * The intake's check of the units the framework names ({@code composites}, {@code ranking.unranked}): components and
 * unranked units must be units of the data; a composite without a row of its own is added (it is scored from its
 * components), and the grouping {@code ranking.groups} ranks within must be one the units carry. Problems point at the
 * framework file's line.
 */
final class CompositeUnits {

    private CompositeUnits() {
    }

    static List<Unit> check(Framework fw, List<Unit> units, Problems problems) {
        checkGroups(fw, units, problems);
        if (fw.composites().isEmpty() && fw.ranking().unranked().isEmpty()) {
            return units;
        }
        String file = EvaluationRequest.shown(fw.file());
        Set<String> codes = new LinkedHashSet<>();
        units.forEach(u -> codes.add(u.code()));
        List<Unit> out = new ArrayList<>(units);
        for (Composite c : fw.composites().units()) {
            for (String component : c.components().keySet()) {
                if (!codes.contains(component)) {
                    problems.add(Location.ofFile(file + ":" + c.line()), "composite " + c.unit() + ": component '"
                            + component + "' is not a unit of the data");
                }
            }
            if (!codes.contains(c.unit())) {
                if (fw.unitsFile() != null) {
                    problems.add(Location.ofFile(file + ":" + c.line()), "composite '" + c.unit() + "' is not a "
                            + "unit of the registry " + fw.unitsFile().getFileName());
                } else {
                    out.add(new Unit(c.unit(), new Names(c.unit(), c.unit()), Map.of()));
                    codes.add(c.unit());
                }
            }
        }
        for (String u : fw.ranking().unranked()) {
            if (!codes.contains(u)) {
                problems.add(Location.ofFile(file + ":" + fw.ranking().unrankedLine()), "ranking.unranked: '" + u
                        + "' is not a unit of the data");
            }
        }
        return out;
    }

    /**
     * {@code ranking.groups} must name a grouping of the units (a registry column, a unit table's group column), and
     * every unit the ranking may rank must have a value in it: a city left without a group would silently drop out of
     * every group's list, so it is an error rather than a group of its own. Units in {@code ranking.unranked} need
     * none.
     */
    private static void checkGroups(Framework fw, List<Unit> units, Problems problems) {
        String grouping = fw.ranking().groups();
        if (grouping == null) {
            return;
        }
        Location at = Location.ofFile(EvaluationRequest.shown(fw.file()) + ":" + fw.ranking().groupsLine());
        java.util.TreeSet<String> known = new java.util.TreeSet<>();
        units.forEach(u -> known.addAll(u.groups().keySet()));
        if (!known.contains(grouping)) {
            problems.add(at, "ranking.groups: the units have no grouping '" + grouping + "'"
                    + (known.isEmpty() ? " (they carry no groupings: add a column such as type to the registry)"
                    : "; their groupings are " + String.join(", ", known)));
            return;
        }
        List<String> without = new ArrayList<>();
        for (Unit u : units) {
            String v = u.group(grouping);
            if ((v == null || v.isBlank()) && !fw.ranking().unranked().contains(u.code())) {
                without.add(u.code());
            }
        }
        if (!without.isEmpty()) {
            problems.add(at, "ranking.groups: " + without.size() + " unit(s) have no " + grouping + " to be ranked "
                    + "within: " + String.join(", ", without) + "; give each one, or list it in ranking.unranked");
        }
    }
}
