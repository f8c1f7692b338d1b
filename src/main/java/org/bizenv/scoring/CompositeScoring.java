package org.bizenv.scoring;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Composite;
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
        CompositeMeans means = CompositeMeans.of(fw, data.units());
        boolean[] isComposite = means.composites();

        // The measured units, scored as usual.
        int[] measured = java.util.stream.IntStream.range(0, n).filter(i -> !isComposite[i]).toArray();
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        for (int k = 0; k < measured.length; k++) {
            pos[measured[k]] = k;
        }
        RawData sub = subset(data, measured);
        Scorer.Scored scored = Scorer.scoreUnits(fw, sub);
        Build b = scored.build();
        boolean[][] nodeNA = scored.nodeNotApplicable();

        Expander x = new Expander(n, pos, means);
        Stage raw = new Stage("raw", data.values(), x.flags(b.raw().flagged()));
        Stage denominated = x.stage(b.denominated(), sub);
        Stage imputed = x.stage(b.imputed(), sub);
        Stage transformed = x.stage(b.transformed(), sub);
        Stage treated = x.stage(b.treated(), sub);
        Stage normalised = x.stage(b.normalised(), sub);
        double[][] nodeScores = new double[b.nodeScores().length][];
        for (int k = 0; k < nodeScores.length; k++) {
            nodeScores[k] = x.values(b.nodeScores()[k], nodeNA[k]);
        }

        // Ranks and tiers over the ranked units only.
        boolean[] unranked = means.unranked();
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

        List<Composite> list = fw.composites().units();
        List<org.bizenv.framework.Names> warnings = new ArrayList<>(b.warnings());
        if (!list.isEmpty()) {
            String units = String.join(", ", list.stream().map(Composite::unit).toList());
            warnings.add(org.bizenv.framework.Bilingual.of(list.size() + " 个合成单位在每个指标和节点上按其组成城市的加权平均计分；"
                    + "其自身的原始值只列示、不计分：" + units,
                    list.size() + " composite unit" + (list.size() == 1 ? " is" : "s are") + " scored as the "
                    + "weighted mean of " + (list.size() == 1 ? "its" : "their") + " components at every indicator "
                    + "and node; their own raw values are shown but not scored: " + units));
        }
        return new Build(fw, data.units(), data.provenance(), raw, denominated, imputed, transformed, treated,
                normalised,
                data.notApplicable(), nodeScores, nodeRanks, indicatorRanks, b.nodeWeights(), b.nodeWeight(),
                b.indicatorWeight(), b.effectiveNodeWeight(), b.effectiveIndicatorWeight(), b.treatment(), tiers,
                List.copyOf(warnings));
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
    private record Expander(int n, int[] pos, CompositeMeans means) {

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

        /** One row over all units: measured units as scored; composites from their components. */
        double[] values(double[] measured, boolean[] notApplicable) {
            double[] out = new double[n];
            boolean[] na = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = pos[i] >= 0 ? measured[pos[i]] : Double.NaN;
                na[i] = pos[i] >= 0 && notApplicable[pos[i]];
            }
            means.fill(out, na);
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
