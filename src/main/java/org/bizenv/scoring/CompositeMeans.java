package org.bizenv.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Composite;
import org.bizenv.framework.Composites;
import org.bizenv.framework.Framework;

/**
 * The framework's composite units ({@code composites}) and the units kept out of the ranking, resolved against the
 * units being scored. A composite's value at any stage, indicator or node is the weighted mean of its components'
 * values over the components the value applies to (weights renormalised); a component that lacks a value it should
 * have leaves the composite without one, and so does a composite none of whose components applies.
 *
 * <p>One implementation for the scorer ({@link CompositeScoring}) and the robustness re-aggregation, which fills the
 * composites of every node it re-aggregates: {@link #fill} allocates nothing. Immutable.
 */
public final class CompositeMeans {

    private final int units;
    private final int[] compositeAt;
    private final int[][] componentAt;
    private final double[][] componentWeight;
    private final boolean[] composite;
    private final boolean[] component;
    private final boolean[] unranked;

    private CompositeMeans(Framework fw, List<Unit> list) {
        this.units = list.size();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < units; i++) {
            at.put(list.get(i).code(), i);
        }
        Composites composites = fw.composites();
        List<Composite> cs = composites.units();
        compositeAt = new int[cs.size()];
        componentAt = new int[cs.size()][];
        componentWeight = new double[cs.size()][];
        composite = new boolean[units];
        component = new boolean[units];
        for (int c = 0; c < cs.size(); c++) {
            Composite comp = cs.get(c);
            compositeAt[c] = unit(at, comp.unit(), "composite " + comp.unit(), comp.line());
            composite[compositeAt[c]] = true;
            componentAt[c] = new int[comp.components().size()];
            componentWeight[c] = new double[comp.components().size()];
            int k = 0;
            for (var e : comp.components().entrySet()) {
                componentAt[c][k] = unit(at, e.getKey(), "component " + e.getKey() + " of composite " + comp.unit(),
                        comp.line());
                component[componentAt[c][k]] = true;
                componentWeight[c][k++] = e.getValue();
            }
        }
        unranked = new boolean[units];
        for (int i = 0; i < units; i++) {
            unranked[i] = (composite[i] && !composites.ranksComposites())
                    || (component[i] && !composite[i] && !composites.ranksComponents());
        }
        for (String code : fw.ranking().unranked()) {
            unranked[unit(at, code, "unranked unit " + code, fw.ranking().unrankedLine())] = true;
        }
    }

    /** The composites and unranked units of {@code fw} among {@code units}, in their order. */
    public static CompositeMeans of(Framework fw, List<Unit> units) {
        return new CompositeMeans(fw, units);
    }

    private static int unit(Map<String, Integer> at, String code, String what, int line) {
        Integer i = at.get(code);
        if (i == null) {
            throw new ScoringException(what + " (framework line " + line + ") is not among the units");
        }
        return i;
    }

    /** How many composites there are. */
    public int count() {
        return compositeAt.length;
    }

    /** Where composite {@code c} (in file order) is among the units. */
    public int unitOf(int c) {
        return compositeAt[c];
    }

    /** Where composite {@code c}'s components are among the units, in file order. */
    public int[] componentsOf(int c) {
        return componentAt[c].clone();
    }

    /** The weights of composite {@code c}'s components, as written (relative). */
    public double[] weightsOf(int c) {
        return componentWeight[c].clone();
    }

    /** Whether there are composite units (there may be unranked units without). */
    public boolean hasComposites() {
        return compositeAt.length > 0;
    }

    /** Per unit: whether it is a composite (scored from its components, not from its own row). */
    public boolean[] composites() {
        return composite.clone();
    }

    /** Per unit: whether the ranking leaves it out ({@code composites.ranked} and {@code ranking.unranked}). */
    public boolean[] unranked() {
        return unranked.clone();
    }

    /**
     * Writes each composite's value into {@code row} from its components' entries in the same row.
     *
     * @param row           one value per unit (this object's units); composites' entries are overwritten
     * @param notApplicable per unit, whether the value does not apply (only components' entries are read), or null
     */
    public void fill(double[] row, boolean[] notApplicable) {
        if (row.length != units) {
            throw new IllegalArgumentException("a row of " + row.length + " values for " + units + " units");
        }
        for (int c = 0; c < compositeAt.length; c++) {
            double sum = 0;
            double weight = 0;
            boolean missing = false;
            for (int k = 0; k < componentAt[c].length; k++) {
                int p = componentAt[c][k];
                if (notApplicable != null && notApplicable[p]) {
                    continue;
                }
                if (Double.isNaN(row[p])) {
                    missing = true;
                    break;
                }
                sum += componentWeight[c][k] * row[p];
                weight += componentWeight[c][k];
            }
            row[compositeAt[c]] = missing || weight == 0 ? Double.NaN : sum / weight;
        }
    }
}
