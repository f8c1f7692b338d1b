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
        if (means.hasComposites() && fw.composites().fromRawValues()) {
            return fromRawValues(fw, data, means);
        }
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

        List<Composite> list = fw.composites().units();
        List<org.bizenv.framework.Names> warnings = new ArrayList<>(b.warnings());
        if (!list.isEmpty()) {
            String units = String.join(", ", list.stream().map(Composite::unit).toList());
            warnings.add(new org.bizenv.framework.Names(list.size() + " 个合成单位在每个指标和节点上按其组成城市的加权平均计分；"
                    + "其自身的原始值只列示、不计分：" + units,
                    list.size() + " composite unit" + (list.size() == 1 ? " is" : "s are") + " scored as the "
                    + "weighted mean of " + (list.size() == 1 ? "its" : "their") + " components at every indicator "
                    + "and node; their own raw values are shown but not scored: " + units));
        }
        return ranked(fw, data, b, new Stages(raw, denominated, imputed, transformed, treated, normalised),
                nodeScores, means, warnings);
    }

    /**
     * Composites built from raw values ({@code composites.from: raw-values}): each composite's raw value of an
     * indicator is the weighted mean of its components' raw values (its denominated value the mean of theirs), over
     * the components the indicator applies to; then every unit, composites included, goes through the pipeline as
     * one of the units, in every statistic. A composite whose applicable components all carry the same text score
     * gets that score; components with different text scores, or a text score beside a number, cannot be averaged
     * and are an error naming the composite and the indicator.
     */
    private static Build fromRawValues(Framework fw, RawData data, CompositeMeans means) {
        int m = fw.indicators().size();
        int n = data.unitCount();
        double[][] values = new double[m][];
        double[][] textScores = data.textScores() == null ? null : new double[m][];
        boolean[][] notApplicable = new boolean[m][n];
        String[][] provenance = data.provenance() == null ? null : new String[m][];
        for (int j = 0; j < m; j++) {
            values[j] = data.values()[j].clone();
            if (textScores != null) {
                textScores[j] = data.textScores()[j].clone();
            }
            if (provenance != null) {
                provenance[j] = data.provenance()[j] == null ? new String[n] : data.provenance()[j].clone();
            }
            for (int i = 0; i < n; i++) {
                notApplicable[j][i] = data.notApplicable(j, i);
            }
            for (int c = 0; c < means.count(); c++) {
                build(fw, data, means, c, j, values[j], textScores == null ? null : textScores[j], notApplicable[j]);
                if (provenance != null) {
                    provenance[j][means.unitOf(c)] = recipe(data, means, c);
                }
            }
        }
        double[][] denominators = data.denominators() == null ? null : new double[data.denominators().length][];
        for (int d = 0; denominators != null && d < denominators.length; d++) {
            denominators[d] = data.denominators()[d].clone();
            for (int c = 0; c < means.count(); c++) {
                denominators[d][means.unitOf(c)] = Double.NaN;    // never used: the ratios are averaged instead
            }
        }
        double[][] previous = null;
        if (data.previous() != null) {
            previous = new double[m][];
            for (int j = 0; j < m; j++) {
                previous[j] = data.previous()[j].clone();
                means.fill(previous[j], notApplicable[j]);
            }
        }
        RawData built = new RawData(data.units(), values, provenance, denominators, previous, textScores,
                data.notApplicable() == null && !any(notApplicable) ? null : notApplicable);
        Scorer.Scored scored = Scorer.scoreUnits(fw, built, means);
        Build b = scored.build();
        List<org.bizenv.framework.Names> warnings = new ArrayList<>(b.warnings());
        String units = String.join(", ", fw.composites().units().stream().map(Composite::unit).toList());
        int k = means.count();
        warnings.add(new org.bizenv.framework.Names(k + " 个合成单位的原始值取其组成城市原始值的加权平均，再与其他单位一同计分：" + units,
                k + " composite unit" + (k == 1 ? "'s raw values are" : "s' raw values are") + " the weighted mean of "
                + "their components' raw values, then scored with the other units: " + units));
        return ranked(fw, built, b, new Stages(b.raw(), b.denominated(), b.imputed(), b.transformed(),
                b.treated(), b.normalised()), b.nodeScores(), means, warnings);
    }

    /** Composite {@code c}'s raw value of indicator {@code j}, written into the row (and its text score or n/a). */
    private static void build(Framework fw, RawData data, CompositeMeans means, int c, int j, double[] row,
                              double[] textScores, boolean[] notApplicable) {
        int at = means.unitOf(c);
        int[] parts = means.componentsOf(c);
        double[] w = means.weightsOf(c);
        double sum = 0;
        double weight = 0;
        double text = Double.NaN;
        boolean numbers = false;
        boolean missing = false;
        for (int k = 0; k < parts.length; k++) {
            int p = parts[k];
            if (data.notApplicable(j, p)) {
                continue;
            }
            double t = data.textScore(j, p);
            if (!Double.isNaN(t)) {
                if (!Double.isNaN(text) && t != text || numbers) {
                    throw mixed(fw, data, means, c, j);
                }
                text = t;
                continue;
            }
            if (!Double.isNaN(text)) {
                throw mixed(fw, data, means, c, j);
            }
            numbers = true;
            if (Double.isNaN(row[p])) {
                missing = true;
            }
            sum += w[k] * row[p];
            weight += w[k];
        }
        notApplicable[at] = weight == 0 && Double.isNaN(text);
        row[at] = missing || weight == 0 ? Double.NaN : sum / weight;
        if (textScores != null) {
            textScores[at] = text;
        }
    }

    private static ScoringException mixed(Framework fw, RawData data, CompositeMeans means, int c, int j) {
        List<String> parts = new ArrayList<>();
        for (int p : means.componentsOf(c)) {
            double t = data.textScore(j, p);
            parts.add(data.units().get(p).code() + " " + (data.notApplicable(j, p) ? "not applicable"
                    : Double.isNaN(t) ? plain(data.values()[j][p]) : "a text scored " + plain(t)));
        }
        return new ScoringException("composite " + data.units().get(means.unitOf(c)).code() + ": indicator "
                + fw.indicators().get(j).code() + " cannot be built from its components' raw values (" + String.join(
                ", ", parts) + "): a text value's score cannot be averaged with a number or another score "
                + "(framework line " + fw.composites().units().get(c).line() + "); build this composite from scores "
                + "(composites.from: scores)");
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "missing" : Transform.plain(v);
    }

    /** Where a built raw value came from: "mean of CHN_Beij ×0.45, CHN ×0.55". */
    private static String recipe(RawData data, CompositeMeans means, int c) {
        int[] parts = means.componentsOf(c);
        double[] w = means.weightsOf(c);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < parts.length; k++) {
            out.add(data.units().get(parts[k]).code() + " ×" + plain(w[k]));
        }
        return "weighted mean of " + String.join(", ", out);
    }

    private static boolean any(boolean[][] flags) {
        for (boolean[] row : flags) {
            for (boolean b : row) {
                if (b) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The pipeline's stages over all units, by name, so that none can be passed in another's place. */
    private record Stages(Stage raw, Stage denominated, Stage imputed, Stage transformed, Stage treated,
                          Stage normalised) {
    }

    /** The build with ranks and tiers over the ranked units only; the others get rank 0 and tier 0. */
    private static Build ranked(Framework fw, RawData data, Build b, Stages s, double[][] nodeScores,
                                CompositeMeans means, List<org.bizenv.framework.Names> warnings) {
        boolean[] unranked = means.unranked();
        int decimals = fw.ranking().decimals();
        boolean rounded = fw.ranking().compareRounded();
        int[][] nodeRanks = new int[nodeScores.length][];
        for (int k = 0; k < nodeScores.length; k++) {
            nodeRanks[k] = rank(masked(nodeScores[k], unranked), rounded, decimals);
        }
        int[][] indicatorRanks = new int[fw.indicators().size()][];
        for (int j = 0; j < indicatorRanks.length; j++) {
            indicatorRanks[j] = rank(masked(s.normalised().values()[j], unranked), rounded, decimals);
        }
        int[] tiers = Scorer.tiers(fw.tiers(), masked(nodeScores[fw.tree().root()], unranked), rounded ? decimals : -1);
        return new Build(fw, data.units(), data.provenance(), s.raw(), s.denominated(), s.imputed(),
                s.transformed(), s.treated(), s.normalised(), data.notApplicable(), nodeScores, nodeRanks,
                indicatorRanks, b.nodeWeights(), b.nodeWeight(), b.indicatorWeight(), b.effectiveNodeWeight(),
                b.effectiveIndicatorWeight(), b.treatment(), tiers, List.copyOf(warnings));
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
