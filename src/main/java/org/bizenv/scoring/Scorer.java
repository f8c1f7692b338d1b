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
            boolean[][] observed = new boolean[children.length][];
            for (int c = 0; c < children.length; c++) {
                int ch = children[c];
                boolean[] imputedFlags = FrameworkTree.isIndicator(ch)
                        ? imputed.flagged()[FrameworkTree.indicatorOf(ch)] : new boolean[n];
                observed[c] = new boolean[n];
                for (int i = 0; i < n; i++) {
                    observed[c][i] = !Double.isNaN(childValues[c][i]) && !imputedFlags[i];
                }
            }
            nodeScores[node] = aggregate(fw, node, childValues, w.weights(), data);
            applyAvailability(fw, node, childValues, observed,
                    childrenNotApplicable(children, data.notApplicable(), nodeNotApplicable), nodeScores[node], data,
                    warnings);
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
            Treat.Outcome o = Treat.apply(indicators.get(j), in.values()[j]);
            out[j] = o.values();
            flags[j] = o.changed();
            records[j] = o.record();
        }
        return new Stage("treated", out, flags);
    }

    private static Stage normalise(Framework fw, RawData data, Stage in, List<String> warnings) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            // values given by a text code ("No Practice" scores 0) replace the normalised value
            out[j] = withTextScores(normalise(ind, ind.normalisation(), in.values()[j], data.units(), warnings), data, j);
        }
        return Stage.unflagged("normalised", out);
    }

    /**
     * Normalises one indicator's treated values by {@code spec}, exactly as the pipeline does. Public so that an
     * analysis that swaps one indicator's normalisation (a robustness scenario) gets the engine's numbers rather than
     * a second copy of this switch.
     *
     * @param spec     the normalisation to apply (normally {@code ind.normalisation()})
     * @param treated  the indicator's treated values, one per unit
     * @param units    the units, in the order of {@code treated} (for distance-to-reference)
     * @param warnings receives analyst-facing warnings (zero range)
     */
    public static double[] normalise(Indicator ind, MethodSpec spec, double[] treated, List<Unit> units,
                                     List<String> warnings) {
        MethodSpec s = spec;
        double[] x = treated;
        int dir = ind.direction();
        return switch (s.method()) {
            case "minmax" -> {
                if (Normalisation.hasZeroRange(x)) {
                    warnings.add("indicator " + ind.code() + ": every unit has the same value, so min-max "
                            + "normalisation gives each the midpoint " + (s.number("min", 0) + s.number("max", 100)) / 2);
                }
                yield Normalisation.minMax(x, dir, s.number("min", 0), s.number("max", 100));
            }
            case "zscore" -> Normalisation.zScore(x, dir, s.number("mean", 0), s.number("sd", 1));
            // the loader refuses goalposts that contradict the direction, so best and worst decide alone here
            case "goalposts" -> Normalisation.goalposts(x, s.number("best", Double.NaN), s.number("worst", Double.NaN),
                    s.number("scale", 100), s.number("power", 1));
            case "percentile-rank" -> Normalisation.percentileRank(x, dir, s.number("min", 0), s.number("max", 100));
            case "rank" -> Normalisation.rank(x, dir);
            case "borda" -> Normalisation.borda(x, dir);
            case "distance-to-reference", "distance-to-target" -> distance(ind, s, x, units);
            case "none" -> x;
            default -> throw new IllegalStateException(s.method());
        };
    }

    /**
     * Distance to a reference unit or a target (COINr n_dist2ref / n_dist2targ, 0 at the worst unit and 1 at the
     * goal), capped at 1 with {@code cap: true}, then put onto [min, max] (default [0, 100]) as min + (max − min)·d.
     */
    private static double[] distance(Indicator ind, MethodSpec s, double[] x, List<Unit> units) {
        boolean cap = s.text("cap", "false").equals("true");
        double[] d;
        try {
            d = s.method().equals("distance-to-target")
                    ? Normalisation.distanceToTarget(x, ind.direction(), s.number("target", Double.NaN), cap)
                    : Normalisation.distanceToReference(x, ind.direction(), unitIndex(units, s.text("unit", ""),
                    ind.code()), cap);
        } catch (IllegalArgumentException e) {
            throw new ScoringException("indicator " + ind.code() + ": " + s.describe() + " (framework line "
                    + s.line() + "): " + e.getMessage());
        }
        double lo = s.number("min", 0);
        double hi = s.number("max", 100);
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = lo + (hi - lo) * d[i];
        }
        return out;
    }

    private static int unitIndex(List<Unit> units, String code, String indicator) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new ScoringException("indicator " + indicator + ": reference unit '" + code + "' is not among the units");
    }

    /**
     * Applies the node's availability threshold ({@code min-share}: the share of the children that apply with an
     * observed, not imputed, value a unit needs to be scored) and says why each unit left without a score has none:
     * too few observed children, no child with data, or (TOPSIS) a missing child. One warning per node and unit.
     * Children that do not apply to a unit (a text code such as "No VAT") are left out of the count; a node none of
     * whose children applies is itself not applicable, unscored without a warning, and left out of its parent.
     *
     * @param notApplicable {@code [child][unit]}, or null when every child applies to every unit
     */
    static void applyAvailability(Framework fw, int node, double[][] children, boolean[][] observed,
                                  boolean[][] notApplicable, double[] scores, RawData data, List<String> warnings) {
        Node nd = fw.nodes().get(node);
        MethodSpec s = nd.aggregation();
        double minShare = s.number("min-share", 0);
        int k = children.length;
        for (int i = 0; i < scores.length; i++) {
            int applicable = 0;
            int withData = 0;
            int available = 0;
            for (int c = 0; c < k; c++) {
                if (notApplicable != null && notApplicable[c][i]) {
                    continue;
                }
                applicable++;
                withData += Double.isNaN(children[c][i]) ? 0 : 1;
                available += observed[c][i] ? 1 : 0;
            }
            if (applicable == 0) {
                scores[i] = Double.NaN;
                continue;
            }
            if (!Double.isNaN(scores[i]) && (minShare == 0 || (double) available / applicable >= minShare)) {
                continue;
            }
            scores[i] = Double.NaN;          // the availability threshold counts observed (not imputed) children
            String unit = data.units().get(i).name().both() + " (" + data.units().get(i).code() + ")";
            String why;
            if (withData == 0) {
                why = "none of its " + applicable + " children " + (applicable < k ? "that apply " : "") + "has data";
            } else if ((double) available / applicable < minShare) {
                why = String.format(java.util.Locale.ROOT, "only %d of its %d children%s have observed (not imputed) "
                        + "data (%.0f%%), below the availability threshold min-share %s", available, applicable,
                        applicable < k ? " that apply" : "", 100.0 * available / applicable,
                        new java.math.BigDecimal(Double.toString(minShare)).stripTrailingZeros().toPlainString());
            } else if (s.method().equals("topsis") && withData < k) {
                why = "only " + withData + " of its " + k + " children have data and TOPSIS needs all of them";
            } else {
                why = "its children with data all have weight 0";
            }
            warnings.add("node " + nd.code() + ": " + unit + " left unscored: " + why);
        }
    }

    private static double[] aggregate(Framework fw, int node, double[][] children, double[] weights, RawData data) {
        Node nd = fw.nodes().get(node);
        MethodSpec s = nd.aggregation();
        boolean zeroDomain = s.method().equals("geometric") || s.method().equals("harmonic")
                || (s.method().equals("generalised") && s.number("p", 1) <= 0);
        if (zeroDomain && s.text("zeros", "error").equals("zero")) {
            return ZeroAsLimit.aggregate(fw, node, children, weights, data);
        }
        return aggregateAsStated(fw, node, children, weights, data);
    }

    static double[] aggregateAsStated(Framework fw, int node, double[][] children, double[] weights, RawData data) {
        Node nd = fw.nodes().get(node);
        MethodSpec s = nd.aggregation();
        double minShare = 0;        // the availability threshold is applied by applyAvailability, on observed children
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
