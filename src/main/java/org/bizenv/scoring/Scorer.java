package org.bizenv.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bizenv.aggregate.AggregationKernel;
import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.aggregate.NodeChildren;
import org.bizenv.aggregate.NonPositiveValueException;
import org.bizenv.framework.Bilingual;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.framework.Tiers;
import org.bizenv.impute.Imputation;
import org.bizenv.normalise.Normalisation;
import org.bizenv.rank.Ranking;

/**
 * The pipeline: raw → denominated → imputed → transformed → treated → normalised → aggregated (bottom-up, per node) → ranked.
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
        return scoreUnits(fw, data).build();
    }

    /** A build and, per node and unit, whether the node applies (none of its children does). */
    record Scored(Build build, boolean[][] nodeNotApplicable) {
    }

    /** The pipeline over the given units, each scored from its own raw values, all of them ranked. */
    static Scored scoreUnits(Framework fw, RawData data) {
        return scoreUnits(fw, data, null, null);
    }

    /**
     * As {@link #scoreUnits(Framework, RawData)}; with {@code built}, the composites' denominated values are the
     * weighted means of their components' (a composite built from raw values averages the ratios, not the parts).
     */
    static Scored scoreUnits(Framework fw, RawData data, CompositeMeans built) {
        return scoreUnits(fw, data, built, null);
    }

    /**
     * As {@link #scoreUnits(Framework, RawData, CompositeMeans)}; with {@code reuse} (a {@link Rescoring}), the
     * indicators it marks take their stage rows from its earlier build instead of computing them again (their inputs
     * are the same, so would their rows be), and only the index is ranked at once: the build ranks its other nodes
     * and its indicators when first asked ({@link Build#nodeRanks()}).
     */
    static Scored scoreUnits(Framework fw, RawData data, CompositeMeans built, Reuse reuse) {
        List<Names> warnings = new ArrayList<>();
        List<Indicator> indicators = fw.indicators();
        int m = indicators.size();
        int n = data.unitCount();
        if (data.values().length != m) {
            throw new IllegalArgumentException("raw data has " + data.values().length + " indicators, framework " + m);
        }
        Stage raw = Stage.unflagged("raw", data.values());
        Stage denominated = denominate(fw, data, built, reuse);
        Stage imputed = impute(fw, data, denominated, warnings, reuse);
        TreatmentRecord[] treatment = new TreatmentRecord[m];
        Stage transformed = transform(fw, data, imputed, reuse);
        Stage treated = treat(fw, transformed, treatment, reuse);
        Stage normalised = normalise(fw, data, treated, warnings, reuse);

        FrameworkTree tree = fw.tree();
        int nodes = fw.nodes().size();
        double[][] nodeScores = new double[nodes][];
        boolean[][] nodeNotApplicable = new boolean[nodes][n];
        NodeWeights[] nodeWeights = new NodeWeights[nodes];
        double[] nodeWeight = new double[nodes];
        double[] indicatorWeight = new double[m];
        boolean[][] imputedFlags = new boolean[m][];
        for (int j = 0; j < m; j++) {
            imputedFlags[j] = anyTrue(imputed.flagged()[j]) ? imputed.flagged()[j] : null;
        }
        int widest = 0;
        for (int[] ch : tree.children()) {
            widest = Math.max(widest, ch.length);
        }
        NodeChildren kids = new NodeChildren(widest, n, null);
        AggregationKernel.Scratch scratch = new AggregationKernel.Scratch(n, widest);
        byte[] why = new byte[n];
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
            kids.clear();
            for (int c = 0; c < children.length; c++) {
                int ch = children[c];
                if (FrameworkTree.isIndicator(ch)) {
                    int j = FrameworkTree.indicatorOf(ch);
                    indicatorWeight[j] = w.weights()[c];
                    kids.add(childValues[c], w.weights()[c], imputedFlags[j],
                            data.notApplicable() == null ? null : data.notApplicable()[j]);
                } else {
                    nodeWeight[ch] = w.weights()[c];
                    kids.add(childValues[c], w.weights()[c], null,
                            anyTrue(nodeNotApplicable[ch]) ? nodeNotApplicable[ch] : null);
                }
            }
            nodeScores[node] = new double[n];
            aggregate(fw, node, kids, nodeScores[node], nodeNotApplicable[node], why, scratch, data);
            availabilityWarnings(fw, node, kids, why, data, warnings);
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
        int[][] indicatorRanks = new int[m][];
        if (reuse == null) {
            for (int k = 0; k < nodes; k++) {
                nodeRanks[k] = Build.ranks(fw, nodeScores[k]);
            }
            for (int j = 0; j < m; j++) {
                indicatorRanks[j] = Build.ranks(fw, normalised.values()[j]);
            }
        } else {                            // a rescoring's build ranks the rest when asked: a replicate reads the index
            nodeRanks[tree.root()] = Build.ranks(fw, nodeScores[tree.root()]);
        }
        int[] tiers = tiers(fw.tiers(), nodeScores[tree.root()], rounded ? decimals : -1);
        return new Scored(new Build(fw, data.units(), data.provenance(), raw, denominated, imputed, transformed,
                treated, normalised,
                data.notApplicable(), nodeScores, nodeRanks, indicatorRanks, nodeWeights, nodeWeight, indicatorWeight,
                effNode, effInd, treatment, tiers, List.copyOf(warnings)), nodeNotApplicable);
    }

    /**
     * An earlier build's stage rows that a rescoring takes over: indicator j's where {@code same[j]} (its inputs equal
     * those the earlier build was scored from, see {@link Rescoring}).
     */
    record Reuse(Build base, boolean[] same) {
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean b : flags) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * The framework's tiers of index scores (NaN = unranked, tier 0), comparing them rounded to {@code decimals}
     * (negative: full precision) as the ranks do. Public so that the report applies the same rule within each group.
     */
    public static int[] tiers(Tiers t, double[] index, int decimals) {
        double[] s = index;
        if (decimals >= 0) {
            s = new double[index.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = Double.isNaN(index[i]) ? Double.NaN : Ranking.round(index[i], decimals);
            }
        }
        return t.method().equals("breaks") ? Ranking.tiersByBreaks(s, t.breaks()) : Ranking.tiersByQuantiles(s, t.count());
    }

    private static Stage denominate(Framework fw, RawData data, CompositeMeans built, Reuse reuse) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = data.values()[j];
            if (reuse != null && reuse.same()[j]) {
                out[j] = reuse.base().denominated().values()[j];
                continue;
            }
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
            if (built != null) {
                built.fill(y, data.notApplicable() == null ? null : data.notApplicable()[j]);
            }
            out[j] = y;
        }
        return Stage.unflagged("denominated", out);
    }

    private static Stage impute(Framework fw, RawData data, Stage in, List<Names> warnings, Reuse reuse) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        boolean[][] flags = new boolean[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            double[] x = in.values()[j];
            MethodSpec spec = ind.imputation();
            Imputation.Result r = reuse != null && reuse.same()[j]
                    ? new Imputation.Result(reuse.base().imputed().values()[j], reuse.base().imputed().flagged()[j])
                    : imputeIndicator(ind, spec, data, j, x);
            if (r == null) {
                out[j] = x;
                flags[j] = new boolean[x.length];
            } else {                    // a reused row says what it said when computed (none imputed: nothing)
                out[j] = r.values();
                flags[j] = r.imputed();
                int count = 0;
                for (boolean b : r.imputed()) {
                    count += b ? 1 : 0;
                }
                if (count > 0) {
                    warnings.add(new Bilingual().add("指标 " + ind.code() + "：" + count + " 个缺失值已用 "
                            + spec.describe() + " 方法插补", "indicator " + ind.code() + ": " + count + " value"
                            + (count == 1 ? "" : "s") + " imputed by " + spec.describe()).names());
                }
            }
        }
        return new Stage("imputed", out, flags);
    }

    /**
     * Indicator j's denominated values {@code x} imputed by {@code spec} (normally {@code ind.imputation()}), values
     * given by a text code left as read; null for {@code none}. The one imputation of the pipeline ({@link Stages}).
     */
    static Imputation.Result imputeIndicator(Indicator ind, MethodSpec spec, RawData data, int j, double[] x) {
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
        return r == null ? null : withoutCoded(r, data, j);
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

    /** Each indicator's {@code transform} (flagged where it changed a value); values pass through where none. */
    private static Stage transform(Framework fw, RawData data, Stage in, Reuse reuse) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        boolean[][] flags = new boolean[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            if (reuse != null && reuse.same()[j]) {
                out[j] = reuse.base().transformed().values()[j];
                flags[j] = reuse.base().transformed().flagged()[j];
                continue;
            }
            double[] x = in.values()[j];
            out[j] = Transform.apply(indicators.get(j), x, data.units());
            flags[j] = new boolean[x.length];
            for (int i = 0; i < x.length; i++) {
                flags[j][i] = !Double.isNaN(x[i]) && Double.compare(x[i], out[j][i]) != 0;
            }
        }
        return new Stage("transformed", out, flags);
    }

    private static Stage treat(Framework fw, Stage in, TreatmentRecord[] records, Reuse reuse) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        boolean[][] flags = new boolean[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            if (reuse != null && reuse.same()[j]) {
                out[j] = reuse.base().treated().values()[j];
                flags[j] = reuse.base().treated().flagged()[j];
                records[j] = reuse.base().treatment()[j];
                continue;
            }
            Treat.Outcome o = Treat.apply(indicators.get(j), indicators.get(j).treatment(), in.values()[j]);
            out[j] = o.values();
            flags[j] = o.changed();
            records[j] = o.record();
        }
        return new Stage("treated", out, flags);
    }

    private static Stage normalise(Framework fw, RawData data, Stage in, List<Names> warnings, Reuse reuse) {
        List<Indicator> indicators = fw.indicators();
        double[][] out = new double[indicators.size()][];
        for (int j = 0; j < out.length; j++) {
            Indicator ind = indicators.get(j);
            if (reuse != null && reuse.same()[j]) {
                normalisationWarnings(ind, ind.normalisation(), in.values()[j], warnings);  // as when computed
                out[j] = reuse.base().normalised().values()[j];
                continue;
            }
            out[j] = normaliseIndicator(ind, ind.normalisation(), in.values()[j], data, j, warnings);
        }
        return Stage.unflagged("normalised", out);
    }

    /** Indicator j normalised by {@code spec}, with the scores text codes stand for put in, as the pipeline does. */
    static double[] normaliseIndicator(Indicator ind, MethodSpec spec, double[] treated, RawData data, int j,
                                       List<Names> warnings) {
        // values given by a text code ("No Practice" scores 0) replace the normalised value
        return withTextScores(normalise(ind, spec, treated, data.units(), warnings), data, j);
    }

    /**
     * Normalises one indicator's treated values by {@code spec}, before the scores of text codes are put in (that is
     * {@link #normaliseIndicator}, which every caller outside goes through, via {@link Stages#normalise}).
     *
     * @param spec     the normalisation to apply (normally {@code ind.normalisation()})
     * @param treated  the indicator's treated values, one per unit
     * @param units    the units, in the order of {@code treated} (for distance-to-reference)
     * @param warnings receives analyst-facing warnings (zero range)
     */
    private static double[] normalise(Indicator ind, MethodSpec spec, double[] treated, List<Unit> units,
                                      List<Names> warnings) {
        MethodSpec s = spec;
        double[] x = treated;
        int dir = ind.scoredDirection();
        return switch (s.method()) {
            case "minmax" -> {
                normalisationWarnings(ind, s, x, warnings);
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

    /** What normalising {@code x} by {@code s} tells the analyst: a min-max over values that are all the same. */
    private static void normalisationWarnings(Indicator ind, MethodSpec s, double[] x, List<Names> warnings) {
        if (s.method().equals("minmax") && Normalisation.hasZeroRange(x)) {
            double mid = (s.number("min", 0) + s.number("max", 100)) / 2;
            warnings.add(new Names("指标 " + ind.code() + "：所有城市的数值相同，最小—最大标准化后均取中点 " + mid,
                    "indicator " + ind.code() + ": every unit has the same value, so min-max "
                    + "normalisation gives each the midpoint " + mid));
        }
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
                    ? Normalisation.distanceToTarget(x, ind.scoredDirection(), s.number("target", Double.NaN), cap)
                    : Normalisation.distanceToReference(x, ind.scoredDirection(), unitIndex(units, s.text("unit", ""),
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
     * The kernel's reading of a node's {@code aggregation} (one reading for the scorer and the robustness analysis):
     * the mean, its exponent, {@code min-share} (default 0) and {@code zeros} (default error).
     */
    public static AggregationMethod aggregationMethod(MethodSpec s) {
        AggregationMethod m = switch (s.method()) {
            case "arithmetic" -> AggregationMethod.arithmetic();
            case "geometric" -> AggregationMethod.geometric();
            case "harmonic" -> AggregationMethod.harmonic();
            case "generalised" -> AggregationMethod.generalised(s.number("p", 1));
            case "topsis" -> AggregationMethod.topsis(s.text("variant", "vector").equals("minmax"));
            default -> throw new IllegalArgumentException("unknown aggregation method '" + s.method() + "'");
        };
        return m.withMinShare(s.number("min-share", 0)).withZerosGiveZero(s.text("zeros", "error").equals("zero"));
    }

    /**
     * An alternative aggregation for a node (a robustness scenario or run): the alternative's mean, with the node's
     * {@code min-share} and {@code zeros} unless the alternative states its own.
     */
    public static AggregationMethod aggregationMethod(MethodSpec alternative, AggregationMethod node) {
        AggregationMethod m = aggregationMethod(alternative);
        return m.withMinShare(alternative.has("min-share") ? m.minShare() : node.minShare())
                .withZerosGiveZero(alternative.has("zeros") ? m.zerosGiveZero() : node.zerosGiveZero());
    }

    /** One node through the kernel; a value out of its mean's domain is an error naming node, child, unit and line. */
    private static void aggregate(Framework fw, int node, NodeChildren kids, double[] out, boolean[] notApplicable,
                                  byte[] why, AggregationKernel.Scratch scratch, RawData data) {
        MethodSpec s = fw.nodes().get(node).aggregation();
        try {
            AggregationKernel.aggregate(aggregationMethod(s), kids, out, notApplicable, why, scratch);
        } catch (NonPositiveValueException e) {
            int child = fw.tree().children()[node][e.childIndex()];
            String childCode = FrameworkTree.isIndicator(child)
                    ? fw.indicators().get(FrameworkTree.indicatorOf(child)).code() : fw.nodes().get(child).code();
            throw new ScoringException("node " + fw.nodes().get(node).code() + " uses the " + s.method() + " mean, "
                    + "which is undefined for values <= 0, but " + childCode + " is " + e.value() + " for "
                    + data.units().get(e.unitIndex()).name().both() + " (framework line " + s.line() + "): normalise "
                    + "its children onto a positive range such as [1, 100] or choose another aggregation");
        }
    }

    /**
     * Says why each unit the kernel left without a score on this node has none: too few observed children (the
     * availability threshold {@code min-share} counts the children that apply with an observed, not imputed, value),
     * no child with data, (TOPSIS) a missing child, or weight 0 on every child with data. One warning per node and
     * unit. A node that does not apply to a unit (none of its children does) is unscored without a warning.
     */
    private static void availabilityWarnings(Framework fw, int node, NodeChildren kids, byte[] why, RawData data,
                                             List<Names> warnings) {
        Node nd = fw.nodes().get(node);
        int k = kids.count();
        for (int i = 0; i < why.length; i++) {
            if (why[i] == AggregationKernel.SCORED || why[i] == AggregationKernel.NOT_APPLICABLE) {
                continue;
            }
            int applicable = kids.applicable(i);
            String apply = applicable < k ? " that apply" : "";
            String applyZh = applicable < k ? "适用的" : "";
            Names reason = switch (why[i]) {
                case AggregationKernel.NO_DATA -> new Names(applyZh + applicable + " 个下级指标均无数据",
                        "none of its " + applicable + " children" + apply + " has data");
                case AggregationKernel.TOO_FEW_OBSERVED -> {
                    int observed = kids.observed(i);
                    String minShare = new BigDecimal(Double.toString(nd.aggregation().number("min-share", 0)))
                            .stripTrailingZeros().toPlainString();
                    yield new Names(String.format(Locale.ROOT, "%d 个%s下级指标中只有 %d 个有实际（非插补）数据（%.0f%%），"
                            + "低于数据完整度门槛 min-share %s", applicable, applyZh, observed,
                            100.0 * observed / applicable, minShare),
                            String.format(Locale.ROOT, "only %d of its %d children%s have observed (not imputed) data "
                            + "(%.0f%%), below the availability threshold min-share %s", observed, applicable, apply,
                            100.0 * observed / applicable, minShare));
                }
                case AggregationKernel.INCOMPLETE -> new Names(k + " 个下级指标中只有 " + kids.withData(i)
                        + " 个有数据，而 TOPSIS 方法需要全部数据", "only " + kids.withData(i) + " of its " + k
                        + " children have data and TOPSIS needs all of them");
                default -> new Names("有数据的下级指标权重均为 0", "its children with data all have weight 0");
            };
            Unit u = data.units().get(i);
            warnings.add(new Bilingual().add("节点 " + nd.code() + "：" + u.name().both() + "（" + u.code()
                    + "）未得分：", "node " + nd.code() + ": " + u.name().both() + " (" + u.code()
                    + ") left unscored: ").add(reason).names());
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

    /** How many values text codes gave, per indicator: an analyst should see them at a glance. */
    private static void codedWarnings(Framework fw, RawData data, List<Names> warnings) {
        if (data.notApplicable() == null && data.textScores() == null) {
            return;                                 // no text codes at all: no need to look at every value
        }
        for (int j = 0; j < fw.indicators().size(); j++) {
            int na = 0;
            int scored = 0;
            for (int i = 0; i < data.unitCount(); i++) {
                na += data.notApplicable(j, i) ? 1 : 0;
                scored += Double.isNaN(data.textScore(j, i)) ? 0 : 1;
            }
            if (na + scored > 0) {
                String code = fw.indicators().get(j).code();
                warnings.add(new Names("指标 " + code + "："
                        + (na > 0 ? na + " 个城市不适用" : "") + (na > 0 && scored > 0 ? "，" : "")
                        + (scored > 0 ? scored + " 个城市按文字取值计分" : "") + "（见 text-values）",
                        "indicator " + code + ": "
                        + (na > 0 ? na + " unit" + (na == 1 ? "" : "s") + " not applicable" : "")
                        + (na > 0 && scored > 0 ? ", " : "")
                        + (scored > 0 ? scored + " unit" + (scored == 1 ? "" : "s") + " scored by a text value" : "")
                        + " (see text-values)"));
            }
        }
    }

    /** Units without an index score, and the indicators they lack: never silent, never a crash. */
    private static void unscoredWarnings(Framework fw, RawData data, Stage normalised, double[] index,
                                         boolean[] indexNotApplicable, List<Names> warnings) {
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
            String list = lacking.size() <= 8 ? String.join(", ", lacking) : String.join(", ", lacking.subList(0, 8));
            int more = lacking.size() - 8;
            warnings.add(new Names("城市 " + u.code() + "（" + u.name().both() + "）没有综合指数得分，不参与排名"
                    + (indexNotApplicable[i] ? "：没有适用于它的指标" : lacking.isEmpty() ? ""
                    : "：缺少 " + list + (more > 0 ? " 等（另有 " + more + " 项）" : "") + " 的数值"),
                    "unit " + u.code() + " (" + u.name().both() + ") has no index score and is unranked"
                    + (indexNotApplicable[i] ? ": no indicator applies to it" : lacking.isEmpty() ? ""
                    : ": no value for " + list + (more > 0 ? " and " + more + " more" : ""))));
        }
    }
}
