package org.bizenv.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.aggregate.Aggregation;
import org.bizenv.aggregate.NonPositiveValueException;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.framework.Tiers;
import org.bizenv.impute.Imputation;
import org.bizenv.normalise.Normalisation;
import org.bizenv.rank.Ranking;
import org.bizenv.treat.OutlierTreatment;

/**
 * The pipeline: raw → denominated → imputed → treated → normalised → aggregated (bottom-up, per node) → ranked.
 * Plain Java over arrays; every stage is kept in the {@link Build}. Each method is the one the framework names for that
 * indicator or node, so the same code scores any evaluation the framework language can state.
 */
public final class Scorer {

    private Scorer() {
    }

    public static Build score(Framework fw, RawData data) {
        if (!fw.composites().isEmpty() || !fw.ranking().unranked().isEmpty()) {
            return CompositeScoring.score(fw, data);       // composite units and units kept out of the ranking
        }
        return scoreUnits(fw, data);
    }

    /** The pipeline over the given units, each scored from its own raw values, all of them ranked. */
    static Build scoreUnits(Framework fw, RawData data) {
        List<String> warnings = new ArrayList<>();
        List<Indicator> indicators = fw.indicators();
        int m = indicators.size();
        int n = data.unitCount();
        if (data.values().length != m) {
            throw new IllegalArgumentException("raw data has " + data.values().length + " indicators, framework " + m);
        }
        Stage raw = Stage.unflagged("raw", data.values());
        Stage denominated = denominate(fw, data, warnings);
        Stage imputed = impute(fw, data, denominated, warnings);
        TreatmentRecord[] treatment = new TreatmentRecord[m];
        Stage treated = treat(fw, imputed, treatment);
        Stage normalised = normalise(fw, data, treated, warnings);

        FrameworkTree tree = fw.tree();
        int nodes = fw.nodes().size();
        double[][] nodeScores = new double[nodes][];
        NodeWeights[] nodeWeights = new NodeWeights[nodes];
        double[] nodeWeight = new double[nodes];
        double[] indicatorWeight = new double[m];
        boolean[][] nodeNotApplicable = nodesNotApplicable(fw, data.notApplicable(), n);
        for (int node : tree.bottomUp()) {
            int[] children = tree.children()[node];
            double[][] childValues = new double[children.length][];
            for (int c = 0; c < children.length; c++) {
                int ch = children[c];
                childValues[c] = FrameworkTree.isIndicator(ch)
                        ? normalised.values()[FrameworkTree.indicatorOf(ch)] : nodeScores[ch];
            }
            NodeWeights w = Weigh.children(fw, node, childValues);
            nodeWeights[node] = w;
            for (int c = 0; c < children.length; c++) {
                int ch = children[c];
                if (FrameworkTree.isIndicator(ch)) {
                    indicatorWeight[FrameworkTree.indicatorOf(ch)] = w.weights()[c];
                } else {
                    nodeWeight[ch] = w.weights()[c];
                }
            }
            nodeScores[node] = aggregate(fw, node, childValues, w.weights(), data,
                    childrenNotApplicable(children, data.notApplicable(), nodeNotApplicable));
        }
        codedWarnings(fw, data, warnings);
        unscoredWarnings(fw, data, normalised, nodeScores[tree.root()], nodeNotApplicable[tree.root()], warnings);
        nodeWeight[tree.root()] = 1.0;
        double[] effNode = new double[nodes];
        double[] effInd = new double[m];
        for (int i = tree.bottomUp().length - 1; i >= 0; i--) {    // top-down: reverse of bottom-up
            int node = tree.bottomUp()[i];
            int parent = tree.nodeParent()[node];
            effNode[node] = parent < 0 ? 1.0 : effNode[parent] * nodeWeight[node];
        }
        for (int j = 0; j < m; j++) {
            effInd[j] = effNode[tree.indicatorParent()[j]] * indicatorWeight[j];
        }

        int decimals = fw.ranking().decimals();
        boolean rounded = fw.ranking().compareRounded();
        int[][] nodeRanks = new int[nodes][];
        for (int k = 0; k < nodes; k++) {
            nodeRanks[k] = rounded ? Ranking.competition(nodeScores[k], decimals) : Ranking.competition(nodeScores[k]);
        }
        int[][] indicatorRanks = new int[m][];
        for (int j = 0; j < m; j++) {
            indicatorRanks[j] = rounded ? Ranking.competition(normalised.values()[j], decimals)
                    : Ranking.competition(normalised.values()[j]);
        }
        int[] tiers = tiers(fw.tiers(), nodeScores[tree.root()], rounded ? decimals : -1);
        return new Build(fw, data.units(), data.provenance(), raw, denominated, imputed, treated, normalised,
                nodeScores, nodeRanks, indicatorRanks, nodeWeights, nodeWeight, indicatorWeight, effNode, effInd,
                treatment, tiers, List.copyOf(warnings));
    }

    static int[] tiers(Tiers t, double[] index, int decimals) {
        double[] s = index;
        if (decimals >= 0) {
            s = new double[index.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Double.isNaN(index[i]) ? Double.NaN : Ranking.round(index[i], decimals);
            }
        }
        return t.method().equals("breaks") ? Ranking.tiersByBreaks(s, t.breaks()) : Ranking.tiersByQuantiles(s, t.count());
    }

    private static Stage denominate(Framework fw, RawData data, List<String> warnings) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = data.values()[j];
            if (ind.denominator() == null) {
                out[j] = x;
                continue;
            }
            int d = fw.denominators().indexOf(fw.denominator(ind.denominator()).orElseThrow());
            double[] den = data.denominators()[d];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                if (den[i] == 0) {
                    throw new ScoringException("indicator " + ind.code() + " is divided by " + ind.denominator()
                            + ", which is 0 for " + data.units().get(i).name().both());
                }
                y[i] = x[i] / den[i];      // a missing denominator leaves the value missing (NaN)
            }
            out[j] = y;
        }
        return Stage.unflagged("denominated", out);
    }

    private static Stage impute(Framework fw, RawData data, Stage in, List<String> warnings) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        boolean[][] flags = new boolean[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = in.values()[j];
            MethodSpec spec = ind.imputation();
            Imputation.Result r = switch (spec.method()) {
                case "none" -> null;
                case "mean" -> Imputation.mean(x);
                case "median" -> Imputation.median(x);
                case "group-mean" -> Imputation.groupMean(x, groups(data, spec.text("group", "region")));
                case "group-median" -> Imputation.groupMedian(x, groups(data, spec.text("group", "region")));
                case "carry-forward" -> {
                    if (data.previous() == null) {
                        throw new ScoringException("indicator " + ind.code() + " imputes by carrying last year's "
                                + "value forward, but no previous year's data were given");
                    }
                    yield Imputation.carryForward(x, data.previous()[j]);
                }
                default -> throw new IllegalStateException(spec.method());
            };
            if (r != null) {
                r = withoutCoded(r, data, j);
            }
            if (r == null) {
                out[j] = x;
                flags[j] = new boolean[x.length];
            } else {
                out[j] = r.values();
                flags[j] = r.imputed();
                int count = 0;
                for (boolean b : r.imputed()) {
                    count += b ? 1 : 0;
                }
                if (count > 0) {
                    warnings.add("indicator " + ind.code() + ": " + count + " value" + (count == 1 ? "" : "s")
                            + " imputed by " + spec.describe());
                }
            }
        }
        return new Stage("imputed", out, flags);
    }

    private static int[] groups(RawData data, String key) {
        Map<String, Integer> ids = new HashMap<>();
        int[] g = new int[data.unitCount()];
        for (int i = 0; i < g.length; i++) {
            String v = data.units().get(i).group(key);
            if (v == null) {
                throw new ScoringException("imputation by group '" + key + "': unit " + data.units().get(i).code()
                        + " has no '" + key + "'");
            }
            g[i] = ids.computeIfAbsent(v, k -> ids.size());
        }
        return g;
    }

    private static Stage treat(Framework fw, Stage in, TreatmentRecord[] records) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        boolean[][] flags = new boolean[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = in.values()[j];
            MethodSpec spec = ind.treatment();
            if (spec.method().equals("none")) {
                out[j] = x;
                flags[j] = new boolean[x.length];
                double s = OutlierTreatment.skewness(x);
                double k = OutlierTreatment.kurtosis(x);
                records[j] = new TreatmentRecord(ind.code(), "none", s, k, s, k, 0, false, false);
                continue;
            }
            OutlierTreatment.Options o = new OutlierTreatment.Options(spec.number("skew", 2.0),
                    spec.number("kurtosis", 3.5), (int) spec.number("winmax", 5),
                    !spec.text("log", "true").equals("false"));
            OutlierTreatment.Result r = OutlierTreatment.treat(x, o);
            out[j] = r.values();
            flags[j] = r.changed();
            boolean treated = r.winsorised() > 0 || r.logTransformed();
            records[j] = new TreatmentRecord(ind.code(), spec.describe(), r.skewBefore(), r.kurtBefore(),
                    r.skewAfter(), r.kurtAfter(), r.winsorised(), r.logTransformed(), treated);
        }
        return new Stage("treated", out, flags);
    }

    private static Stage normalise(Framework fw, RawData data, Stage in, List<String> warnings) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = in.values()[j];
            MethodSpec s = ind.normalisation();
            int dir = ind.direction();
            out[j] = switch (s.method()) {
                case "minmax" -> {
                    if (Normalisation.hasZeroRange(x)) {
                        warnings.add("indicator " + ind.code() + ": every unit has the same value, so min-max "
                                + "normalisation gives each the midpoint " + (s.number("min", 0) + s.number("max", 100)) / 2);
                    }
                    yield Normalisation.minMax(x, dir, s.number("min", 0), s.number("max", 100));
                }
                case "zscore" -> Normalisation.zScore(x, dir, s.number("mean", 0), s.number("sd", 1));
                case "goalposts" -> Normalisation.goalposts(x, s.number("best", Double.NaN),
                        s.number("worst", Double.NaN), s.number("scale", 100), s.number("power", 1));
                case "percentile-rank" -> Normalisation.percentileRank(x, dir, s.number("min", 0), s.number("max", 100));
                case "rank" -> Normalisation.rank(x, dir);
                case "borda" -> Normalisation.borda(x, dir);
                case "distance-to-reference" -> Normalisation.distanceToReference(x, dir,
                        unitIndex(data, s.text("unit", ""), ind.code()));
                case "distance-to-target" -> Normalisation.distanceToTarget(x, dir, s.number("target", Double.NaN));
                case "none" -> x;
                default -> throw new IllegalStateException(s.method());
            };
            out[j] = withTextScores(out[j], data, j);
        }
        return Stage.unflagged("normalised", out);
    }

    private static int unitIndex(RawData data, String code, String indicator) {
        for (int i = 0; i < data.unitCount(); i++) {
            if (data.units().get(i).code().equals(code)) {
                return i;
            }
        }
        throw new ScoringException("indicator " + indicator + ": reference unit '" + code + "' is not among the units");
    }

    /**
     * @param notApplicable {@code [child][unit]}: children that do not apply (left out of the mean and of the
     *                      min-share count); null when every child applies to every unit
     */
    private static double[] aggregate(Framework fw, int node, double[][] children, double[] weights, RawData data,
                                      boolean[][] notApplicable) {
        Node nd = fw.nodes().get(node);
        MethodSpec s = nd.aggregation();
        double minShare = s.number("min-share", 0);
        if (notApplicable != null && !s.method().equals("topsis")) {
            // the share is taken over the children that apply: the mean first, then the rule per unit
            return withMinShare(aggregate(fw, node, children, weights, data, 0), children, notApplicable, minShare);
        }
        return aggregate(fw, node, children, weights, data, minShare);
    }

    private static double[] aggregate(Framework fw, int node, double[][] children, double[] weights, RawData data,
                                      double minShare) {
        Node nd = fw.nodes().get(node);
        MethodSpec s = nd.aggregation();
        try {
            return switch (s.method()) {
                case "arithmetic" -> Aggregation.aggregate(children, weights, Aggregation.Method.ARITHMETIC, 1, minShare);
                case "geometric" -> Aggregation.aggregate(children, weights, Aggregation.Method.GEOMETRIC, 0, minShare);
                case "harmonic" -> Aggregation.aggregate(children, weights, Aggregation.Method.HARMONIC, -1, minShare);
                case "generalised" -> Aggregation.aggregate(children, weights, Aggregation.Method.GENERALISED,
                        s.number("p", 1), minShare);
                case "topsis" -> {
                    int[] dirs = new int[children.length];
                    java.util.Arrays.fill(dirs, 1);     // children are already "higher is better"
                    double[] c = Aggregation.topsis(children, weights, dirs,
                            s.text("variant", "vector").equals("minmax") ? Aggregation.TopsisVariant.MINMAX
                                    : Aggregation.TopsisVariant.VECTOR);
                    double[] scaled = new double[c.length];
                    for (int i = 0; i < c.length; i++) {
                        scaled[i] = 100 * c[i];         // closeness on the report's 0–100 scale
                    }
                    yield scaled;
                }
                default -> throw new IllegalStateException(s.method());
            };
        } catch (NonPositiveValueException e) {
            int child = fw.tree().children()[node][e.childIndex()];
            String childCode = FrameworkTree.isIndicator(child)
                    ? fw.indicators().get(FrameworkTree.indicatorOf(child)).code() : fw.nodes().get(child).code();
            throw new ScoringException("node " + nd.code() + " uses the " + s.method() + " mean, which is undefined "
                    + "for values <= 0, but " + childCode + " is " + children[e.childIndex()][e.unitIndex()] + " for "
                    + data.units().get(e.unitIndex()).name().both() + " (framework line " + s.line() + "): normalise "
                    + "its children onto a positive range such as [1, 100] or choose another aggregation");
        }
    }

    // ------------------------------------------------------------------ text codes: scores and not applicable

    /** Imputation fills missing values only: values given by a text code (a score or not applicable) stay as read. */
    private static Imputation.Result withoutCoded(Imputation.Result r, RawData data, int j) {
        double[] values = null;
        boolean[] flags = null;
        for (int i = 0; i < r.values().length; i++) {
            if (data.coded(j, i) && r.imputed()[i]) {
                if (values == null) {
                    values = r.values().clone();
                    flags = r.imputed().clone();
                }
                values[i] = Double.NaN;
                flags[i] = false;
            }
        }
        return values == null ? r : new Imputation.Result(values, flags);
    }

    /** The normalised values with the scores that text codes stand for put in (a new array if any). */
    private static double[] withTextScores(double[] normalised, RawData data, int j) {
        double[] out = normalised;
        for (int i = 0; i < normalised.length; i++) {
            double t = data.textScore(j, i);
            if (!Double.isNaN(t)) {
                if (out == normalised) {
                    out = normalised.clone();              // never write into an earlier stage's array
                }
                out[i] = t;
            }
        }
        return out;
    }

    /**
     * {@code [node][unit]}: a node does not apply to a unit when none of its children does. By induction: when no
     * indicator under it applies.
     */
    static boolean[][] nodesNotApplicable(Framework fw, boolean[][] indicatorNotApplicable, int units) {
        FrameworkTree tree = fw.tree();
        boolean[][] out = new boolean[fw.nodes().size()][units];
        if (indicatorNotApplicable == null) {
            return out;
        }
        for (int node : tree.bottomUp()) {
            for (int i = 0; i < units; i++) {
                boolean all = true;
                for (int c : tree.children()[node]) {
                    all &= FrameworkTree.isIndicator(c) ? indicatorNotApplicable[FrameworkTree.indicatorOf(c)][i]
                            : out[c][i];
                }
                out[node][i] = all;
            }
        }
        return out;
    }

    /** {@code [child][unit]} of one node's children, or null when every child applies to every unit. */
    private static boolean[][] childrenNotApplicable(int[] children, boolean[][] indicators, boolean[][] nodes) {
        if (indicators == null) {
            return null;
        }
        boolean[][] out = new boolean[children.length][];
        boolean any = false;
        for (int c = 0; c < children.length; c++) {
            out[c] = FrameworkTree.isIndicator(children[c]) ? indicators[FrameworkTree.indicatorOf(children[c])]
                    : nodes[children[c]];
            for (boolean b : out[c]) {
                any |= b;
            }
        }
        return any ? out : null;
    }

    /**
     * The min-share rule over the children that apply: a unit is unscored when fewer than {@code minShare} of its
     * applicable children have values, or when none applies (then the node does not apply either).
     */
    private static double[] withMinShare(double[] scores, double[][] children, boolean[][] notApplicable,
                                         double minShare) {
        double[] out = scores.clone();
        for (int i = 0; i < out.length; i++) {
            int applicable = 0;
            int available = 0;
            for (int c = 0; c < children.length; c++) {
                if (!notApplicable[c][i]) {
                    applicable++;
                    available += Double.isNaN(children[c][i]) ? 0 : 1;
                }
            }
            if (applicable == 0 || (double) available / applicable < minShare) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** How many values text codes gave, per indicator: an analyst should see them at a glance. */
    private static void codedWarnings(Framework fw, RawData data, List<String> warnings) {
        for (int j = 0; j < fw.indicators().size(); j++) {
            int na = 0;
            int scored = 0;
            for (int i = 0; i < data.unitCount(); i++) {
                na += data.notApplicable(j, i) ? 1 : 0;
                scored += Double.isNaN(data.textScore(j, i)) ? 0 : 1;
            }
            if (na + scored > 0) {
                warnings.add("indicator " + fw.indicators().get(j).code() + ": "
                        + (na > 0 ? na + " unit" + (na == 1 ? "" : "s") + " not applicable" : "")
                        + (na > 0 && scored > 0 ? ", " : "")
                        + (scored > 0 ? scored + " unit" + (scored == 1 ? "" : "s") + " scored by a text value" : "")
                        + " (see text-values)");
            }
        }
    }

    /** Units without an index score, and the indicators they lack: never silent, never a crash. */
    private static void unscoredWarnings(Framework fw, RawData data, Stage normalised, double[] index,
                                         boolean[] indexNotApplicable, List<String> warnings) {
        for (int i = 0; i < index.length; i++) {
            if (!Double.isNaN(index[i])) {
                continue;
            }
            List<String> lacking = new ArrayList<>();
            for (int j = 0; j < fw.indicators().size(); j++) {
                if (Double.isNaN(normalised.values()[j][i]) && !data.notApplicable(j, i)) {
                    lacking.add(fw.indicators().get(j).code());
                }
            }
            Unit u = data.units().get(i);
            warnings.add("unit " + u.code() + " (" + u.name().both() + ") has no index score and is unranked"
                    + (indexNotApplicable[i] ? ": no indicator applies to it" : lacking.isEmpty() ? ""
                    : ": no value for " + (lacking.size() <= 8 ? String.join(", ", lacking)
                    : String.join(", ", lacking.subList(0, 8)) + " and " + (lacking.size() - 8) + " more")));
        }
    }
}
