package org.bizenv.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Composite;
import org.bizenv.framework.Composites;
import org.bizenv.framework.Framework;
import org.bizenv.rank.Ranking;

/**
 * Scoring with composite units and units kept out of the ranking (the framework's {@code composites} and
 * {@code ranking.unranked}).
 *
 * <p>The measured units (every unit that is not a composite) go through the pipeline as usual, so a composite's own
 * raw row never influences imputation, treatment, data-driven normalisation or objective weights. Then each composite
 * gets, at every stage after raw, every indicator and every node, the weighted mean of its components' values, over
 * the components the value applies to (weights renormalised); a component that lacks a value it should have leaves
 * the composite without one too. The composite's raw stage is its own row as read (shown, not scored).
 *
 * <p>Ranks and tiers are then computed over the ranked units only: the composites or their components (as
 * {@code composites.ranked} says) and not the {@code ranking.unranked} units; the others get rank 0 and tier 0.
 */
final class CompositeScoring {

    private CompositeScoring() {
    }

    static Build score(Framework fw, RawData data) {
        int n = data.unitCount();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            at.put(data.units().get(i).code(), i);
        }
        Composites composites = fw.composites();
        List<Composite> list = composites.units();
        int[] compositeAt = new int[list.size()];
        int[][] componentAt = new int[list.size()][];
        double[][] componentWeight = new double[list.size()][];
        boolean[] isComposite = new boolean[n];
        boolean[] isComponent = new boolean[n];
        for (int c = 0; c < list.size(); c++) {
            Composite comp = list.get(c);
            compositeAt[c] = unit(at, comp.unit(), "composite " + comp.unit(), comp.line());
            isComposite[compositeAt[c]] = true;
            componentAt[c] = new int[comp.components().size()];
            componentWeight[c] = new double[comp.components().size()];
            int k = 0;
            for (var e : comp.components().entrySet()) {
                componentAt[c][k] = unit(at, e.getKey(), "component " + e.getKey() + " of composite " + comp.unit(),
                        comp.line());
                isComponent[componentAt[c][k]] = true;
                componentWeight[c][k++] = e.getValue();
            }
        }

        // The measured units, scored as usual.
        int[] measured = java.util.stream.IntStream.range(0, n).filter(i -> !isComposite[i]).toArray();
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int k = 0; k < measured.length; k++) {
            pos[measured[k]] = k;
        }
        RawData sub = subset(data, measured);
        Build b = Scorer.scoreUnits(fw, sub);
        boolean[][] nodeNA = Scorer.nodesNotApplicable(fw, sub.notApplicable(), measured.length);

        Expander x = new Expander(n, pos, compositeAt, componentAt, componentWeight);
        Stage raw = new Stage("raw", data.values(), x.flags(b.raw().flagged()));
        Stage denominated = x.stage(b.denominated(), sub);
        Stage imputed = x.stage(b.imputed(), sub);
        Stage treated = x.stage(b.treated(), sub);
        Stage normalised = x.stage(b.normalised(), sub);
        double[][] nodeScores = new double[b.nodeScores().length][];
        for (int k = 0; k < nodeScores.length; k++) {
            nodeScores[k] = x.values(b.nodeScores()[k], nodeNA[k]);
        }

        // Ranks and tiers over the ranked units only.
        boolean[] unranked = new boolean[n];
        for (int i = 0; i < n; i++) {
            unranked[i] = (isComposite[i] && !composites.ranksComposites())
                    || (isComponent[i] && !isComposite[i] && !composites.ranksComponents());
        }
        for (String code : fw.ranking().unranked()) {
            unranked[unit(at, code, "unranked unit " + code, fw.ranking().unrankedLine())] = true;
        }
        int decimals = fw.ranking().decimals();
        boolean rounded = fw.ranking().compareRounded();
        int[][] nodeRanks = new int[nodeScores.length][];
        for (int k = 0; k < nodeScores.length; k++) {
            nodeRanks[k] = rank(masked(nodeScores[k], unranked), rounded, decimals);
        }
        int[][] indicatorRanks = new int[fw.indicators().size()][];
        for (int j = 0; j < indicatorRanks.length; j++) {
            indicatorRanks[j] = rank(masked(normalised.values()[j], unranked), rounded, decimals);
        }
        int[] tiers = Scorer.tiers(fw.tiers(), masked(nodeScores[fw.tree().root()], unranked), rounded ? decimals : -1);

        List<String> warnings = new ArrayList<>(b.warnings());
        if (!list.isEmpty()) {
            warnings.add(list.size() + " composite unit" + (list.size() == 1 ? " is" : "s are") + " scored as the "
                    + "weighted mean of " + (list.size() == 1 ? "its" : "their") + " components at every indicator "
                    + "and node; their own raw values are shown but not scored: "
                    + String.join(", ", list.stream().map(Composite::unit).toList()));
        }
        return new Build(fw, data.units(), data.provenance(), raw, denominated, imputed, treated, normalised,
                nodeScores, nodeRanks, indicatorRanks, b.nodeWeights(), b.nodeWeight(), b.indicatorWeight(),
                b.effectiveNodeWeight(), b.effectiveIndicatorWeight(), b.treatment(), tiers, List.copyOf(warnings));
    }

    private static int unit(Map<String, Integer> at, String code, String what, int line) {
        Integer i = at.get(code);
        if (i == null) {
            throw new ScoringException(what + " (framework line " + line + ") is not among the units");
        }
        return i;
    }

    private static double[] masked(double[] scores, boolean[] unranked) {
        double[] out = scores.clone();
        for (int i = 0; i < out.length; i++) {
            if (unranked[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    private static int[] rank(double[] scores, boolean rounded, int decimals) {
        return rounded ? Ranking.competition(scores, decimals) : Ranking.competition(scores);
    }

    /** The raw data of some units (in the given order). */
    static RawData subset(RawData d, int[] units) {
        List<Unit> u = new ArrayList<>();
        for (int i : units) {
            u.add(d.units().get(i));
        }
        return new RawData(u, columns(d.values(), units), columns(d.provenance(), units),
                columns(d.denominators(), units), columns(d.previous(), units), columns(d.textScores(), units),
                columns(d.notApplicable(), units));
    }

    private static double[][] columns(double[][] a, int[] units) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][units.length];
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < units.length; k++) {
                out[j][k] = a[j][units[k]];
            }
        }
        return out;
    }

    private static String[][] columns(String[][] a, int[] units) {
        if (a == null) {
            return null;
        }
        String[][] out = new String[a.length][units.length];
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < units.length; k++) {
                out[j][k] = a[j] == null ? null : a[j][units[k]];
            }
        }
        return out;
    }

    private static boolean[][] columns(boolean[][] a, int[] units) {
        if (a == null) {
            return null;
        }
        boolean[][] out = new boolean[a.length][units.length];
        for (int j = 0; j < a.length; j++) {
            for (int k = 0; k < units.length; k++) {
                out[j][k] = a[j][units[k]];
            }
        }
        return out;
    }

    /** Puts the measured units' values back in unit order and computes the composites' values from them. */
    private record Expander(int n, int[] pos, int[] compositeAt, int[][] componentAt, double[][] componentWeight) {

        Stage stage(Stage s, RawData measured) {
            double[][] values = new double[s.values().length][];
            for (int j = 0; j < values.length; j++) {
                boolean[] na = new boolean[measured.unitCount()];
                for (int i = 0; i < na.length; i++) {
                    na[i] = measured.notApplicable(j, i);
                }
                values[j] = values(s.values()[j], na);
            }
            return new Stage(s.name(), values, flags(s.flagged()));
        }

        /**
         * One row over all units: measured units as scored; a composite the weighted mean of its components over
         * those that apply, NaN when a component that applies has no value (or none applies).
         */
        double[] values(double[] measured, boolean[] notApplicable) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = pos[i] >= 0 ? measured[pos[i]] : Double.NaN;
            }
            for (int c = 0; c < compositeAt.length; c++) {
                double sum = 0;
                double weight = 0;
                boolean missing = false;
                for (int k = 0; k < componentAt[c].length; k++) {
                    int p = pos[componentAt[c][k]];
                    if (notApplicable[p]) {
                        continue;
                    }
                    if (Double.isNaN(measured[p])) {
                        missing = true;
                        break;
                    }
                    sum += componentWeight[c][k] * measured[p];
                    weight += componentWeight[c][k];
                }
                out[compositeAt[c]] = missing || weight == 0 ? Double.NaN : sum / weight;
            }
            return out;
        }

        boolean[][] flags(boolean[][] measured) {
            boolean[][] out = new boolean[measured.length][n];
            for (int j = 0; j < measured.length; j++) {
                for (int i = 0; i < n; i++) {
                    out[j][i] = pos[i] >= 0 && measured[j][pos[i]];
                }
            }
            return out;
        }
    }
}
