package org.bizenv.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bizenv.coherence.Coherence;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.rank.Ranking;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.NodeWeights;
import org.bizenv.scoring.Stage;
import org.bizenv.scoring.TreatmentRecord;
import org.bizenv.scoring.Unit;

/**
 * Turns a scored {@link Build} (and optionally last year's) into the {@link Report} both writers render. Pure: no I/O;
 * everything a report shows is computed here from the build, so it can be tested without files.
 */
public final class ReportAssembler {

    /** How many units each dimension's top list shows (ties at the boundary are all shown). */
    public static final int TOP = 5;

    /**
     * Facts about the run that the build does not know.
     *
     * @param inputWarnings what reading the inputs found worth knowing (e.g. thin survey samples), reported before
     *                      the build's own warnings
     */
    public record Context(int year, String generatedAt, String engineVersion,
                          String frameworkFile, String frameworkSha256, List<Report.SourceFile> sources,
                          Map<String, String> parameters, List<String> inputWarnings) {
    }

    private ReportAssembler() {
    }

    public static Report assemble(Build b, PreviousResults previous, Context ctx) {
        Framework fw = b.framework();
        FrameworkTree tree = fw.tree();
        int n = b.unitCount();
        List<Unit> units = b.units();

        Report.Meta meta = new Report.Meta(Report.SCHEMA_VERSION, ctx.engineVersion(), fw.id(), fw.name(),
                fw.version(), ctx.frameworkFile(), ctx.frameworkSha256(), ctx.year(), ctx.generatedAt(),
                fw.synthetic(), fw.ranking().decimals(), fw.ranking().compareRounded(), describeTiers(fw),
                fw.tiers().names(), previous == null ? null : previous.year(), ctx.sources(),
                new TreeMap<>(ctx.parameters()));

        List<Report.UnitInfo> unitInfo = units.stream()
                .map(u -> new Report.UnitInfo(u.code(), u.name(), new TreeMap<>(u.groups()))).toList();

        List<Report.NodeInfo> nodes = new ArrayList<>();
        for (int k = 0; k < fw.nodes().size(); k++) {
            Node nd = fw.nodes().get(k);
            nodes.add(new Report.NodeInfo(nd.code(), nd.parent(), nd.name(), tree.depth()[k],
                    nd.aggregation().describe(), nd.weighting().describe(), b.nodeWeight()[k],
                    b.effectiveNodeWeight()[k], b.nodeScores()[k], b.nodeRanks()[k]));
        }
        List<Report.IndicatorInfo> indicators = new ArrayList<>();
        for (int j = 0; j < fw.indicators().size(); j++) {
            Indicator ind = fw.indicators().get(j);
            String channel = fw.source(ind.source()).map(s -> s.channel()).orElse("other");
            indicators.add(new Report.IndicatorInfo(ind.code(), ind.parent(), ind.name(), ind.unit(),
                    ind.direction(), channel, ind.source(), ind.field(), ind.statistic(),
                    ind.normalisation().describe(), ind.imputation().describe(), ind.treatment().describe(),
                    ind.definition(), b.indicatorWeight()[j], b.effectiveIndicatorWeight()[j], b.indicatorRanks()[j]));
        }

        int root = tree.root();
        List<Integer> dims = tree.childNodes(root);
        List<Report.RankingRow> ranking = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] ds = new double[dims.size()];
            int[] dr = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                ds[d] = b.nodeScores()[dims.get(d)][i];
                dr[d] = b.nodeRanks()[dims.get(d)][i];
            }
            String code = units.get(i).code();
            double prevScore = previous == null ? Double.NaN : previous.scores().getOrDefault(code, Double.NaN);
            Integer prevRank = previous == null ? null : previous.ranks().get(code);
            double score = b.indexScores()[i];
            double change = score - prevScore;
            Integer rankChange = prevRank == null || b.indexRanks()[i] == 0 ? null : prevRank - b.indexRanks()[i];
            ranking.add(new Report.RankingRow(units.get(i).code(), score, b.indexRanks()[i], b.tiers()[i], ds, dr,
                    prevScore, prevRank, change, rankChange));
        }
        ranking.sort(Comparator.comparingInt((Report.RankingRow r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(Report.RankingRow::unit));

        List<Report.TopList> top = new ArrayList<>();
        for (int d : dims) {
            List<Report.TopEntry> entries = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int r = b.nodeRanks()[d][i];
                if (r >= 1 && r <= TOP) {
                    entries.add(new Report.TopEntry(r, units.get(i).code(), b.nodeScores()[d][i]));
                }
            }
            entries.sort(Comparator.comparingInt(Report.TopEntry::rank).thenComparing(Report.TopEntry::unit));
            top.add(new Report.TopList(fw.nodes().get(d).code(), fw.nodes().get(d).name(), entries));
        }

        List<Report.StageData> stages = List.of(
                stage(b.raw(), b.provenance()), stage(b.denominated(), null), stage(b.imputed(), null),
                stage(b.treated(), null), stage(b.normalised(), null));

        List<Report.NodeWeightInfo> weights = new ArrayList<>();
        for (NodeWeights w : b.nodeWeights()) {
            weights.add(new Report.NodeWeightInfo(w.node(), w.method(), w.detail(), w.children(), w.weights()));
        }
        List<Report.TreatmentInfo> treatment = new ArrayList<>();
        for (TreatmentRecord t : b.treatment()) {
            treatment.add(new Report.TreatmentInfo(t.indicator(), t.method(), t.skewBefore(), t.kurtBefore(),
                    t.skewAfter(), t.kurtAfter(), t.winsorised(), t.logTransformed(), t.treated()));
        }

        return new Report(meta, unitInfo, nodes, indicators, ranking, top, stages, weights, treatment,
                groupMeans(b, dims), improvement(b, ranking), methodology(fw, b.nodeWeights()), warnings(ctx, b),
                coherence(b));
    }

    private static List<String> warnings(Context ctx, Build b) {
        List<String> w = new ArrayList<>(ctx.inputWarnings());
        w.addAll(b.warnings());
        return List.copyOf(w);
    }

    private static Report.StageData stage(Stage s, String[][] provenance) {
        return new Report.StageData(s.name(), s.values(), s.flagged(), provenance);
    }

    private static String describeTiers(Framework fw) {
        var t = fw.tiers();
        if (t.method().equals("breaks")) {
            StringBuilder s = new StringBuilder("score breaks");
            for (double d : t.breaks()) {
                s.append(' ').append(d);
            }
            return s.toString();
        }
        return t.count() + " quantile groups of the index score";
    }

    /**
     * Means of the index and each dimension by every grouping the units carry (region, type…), over the units the
     * framework ranks (not the components of composite units nor its unranked units, which would count twice).
     */
    static List<Report.GroupMeans> groupMeans(Build b, List<Integer> dims) {
        Framework fw = b.framework();
        java.util.Set<String> outside = keptOutOfRanking(fw);
        int root = fw.tree().root();
        List<Integer> nodes = new ArrayList<>();
        nodes.add(root);
        nodes.addAll(dims);
        String[] codes = nodes.stream().map(k -> fw.nodes().get(k).code()).toArray(String[]::new);
        TreeSet<String> groupings = new TreeSet<>();
        b.units().forEach(u -> groupings.addAll(u.groups().keySet()));
        List<Report.GroupMeans> out = new ArrayList<>();
        for (String grouping : groupings) {
            TreeSet<String> values = new TreeSet<>();
            b.units().forEach(u -> {
                if (u.group(grouping) != null) {
                    values.add(u.group(grouping));
                }
            });
            for (String v : values) {
                double[] means = new double[nodes.size()];
                int count = 0;
                for (int i = 0; i < b.unitCount(); i++) {
                    if (v.equals(b.units().get(i).group(grouping)) && !outside.contains(b.units().get(i).code())) {
                        count++;
                    }
                }
                for (int k = 0; k < nodes.size(); k++) {
                    double sum = 0;
                    int c = 0;
                    double[] s = b.nodeScores()[nodes.get(k)];
                    for (int i = 0; i < b.unitCount(); i++) {
                        if (v.equals(b.units().get(i).group(grouping)) && !Double.isNaN(s[i])
                                && !outside.contains(b.units().get(i).code())) {
                            sum += s[i];
                            c++;
                        }
                    }
                    means[k] = c == 0 ? Double.NaN : sum / c;
                }
                out.add(new Report.GroupMeans(grouping, v, count, codes, means));
            }
        }
        return out;
    }

    /** Units ordered by index score change against last year, ranked (competition) on the published decimals. */
    static List<Report.ImprovementRow> improvement(Build b, List<Report.RankingRow> ranking) {
        List<Report.RankingRow> rows = ranking.stream().filter(r -> !Double.isNaN(r.scoreChange())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        double[] change = rows.stream().mapToDouble(Report.RankingRow::scoreChange).toArray();
        int decimals = b.framework().ranking().decimals();
        int[] ranks = b.framework().ranking().compareRounded() ? Ranking.competition(change, decimals)
                : Ranking.competition(change);
        List<Report.ImprovementRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.RankingRow r = rows.get(i);
            out.add(new Report.ImprovementRow(ranks[i], r.unit(), r.scoreChange(), r.score(), r.previousScore(),
                    r.rankChange()));
        }
        out.sort(Comparator.comparingInt(Report.ImprovementRow::rank).thenComparing(Report.ImprovementRow::unit));
        return out;
    }

    /** The method at every node and indicator, in words, in tree order. */
    static List<Report.MethodLine> methodology(Framework fw) {
        return methodology(fw, null);
    }

    /**
     * As {@link #methodology(Framework)}, and where a node's weights were computed from the data (objective or
     * combined weighting) the line states the weights obtained, so the sheet says what the method gave.
     */
    static List<Report.MethodLine> methodology(Framework fw, NodeWeights[] computed) {
        List<Report.MethodLine> out = new ArrayList<>();
        FrameworkTree tree = fw.tree();
        out.add(new Report.MethodLine("ranking", "index",
                "Competition ranking (equal scores share the best rank: 1, 2, 2, 4), comparing scores "
                        + (fw.ranking().compareRounded() ? "as published, rounded to " + fw.ranking().decimals()
                        + " decimals" : "at full precision") + "; tiers: " + describeTiers(fw) + "."
                        + notRanked(fw)));
        for (int k = 0; k < fw.nodes().size(); k++) {
            Node nd = fw.nodes().get(k);
            int children = tree.children()[k].length;
            String text = aggregationText(nd.aggregation()) + " of its " + children + " children; weights: "
                    + weightingText(nd.weighting()) + ".";
            if (computed != null && computed[k] != null && OBJECTIVE.contains(nd.weighting().method())) {
                StringBuilder w = new StringBuilder(" Weights obtained:");
                for (int c = 0; c < computed[k].children().length; c++) {
                    w.append(c == 0 ? " " : ", ").append(computed[k].children()[c]).append(' ')
                            .append(String.format(Locale.ROOT, "%.4f", computed[k].weights()[c]));
                }
                text += w.append('.');
            }
            out.add(new Report.MethodLine(nd.code(), level(tree.depth()[k]), text));
        }
        for (Indicator ind : fw.indicators()) {
            StringBuilder s = new StringBuilder();
            s.append(ind.direction() > 0 ? "Higher is better. " : "Lower is better. ");
            s.append("Source: ").append(ind.source()).append(" / ").append(ind.field());
            if (ind.statistic() != null) {
                s.append(" (").append(ind.statistic()).append(')');
            }
            s.append(". ");
            fw.source(ind.source()).ifPresent(src -> s.append(statisticText(src, ind)));
            if (ind.denominator() != null) {
                s.append("Divided by ").append(ind.denominator()).append(". ");
            }
            if (!ind.imputation().method().equals("none")) {
                s.append("Missing values imputed by ").append(ind.imputation().describe()).append(". ");
            }
            if (!ind.treatment().method().equals("none")) {
                s.append("Outliers treated by ").append(ind.treatment().describe()).append(". ");
            }
            s.append("Normalised by ").append(normalisationText(ind.normalisation())).append('.');
            s.append(textValuesText(ind));
            out.add(new Report.MethodLine(ind.code(), "indicator", s.toString()));
        }
        for (var c : fw.composites().units()) {
            List<String> parts = new ArrayList<>();
            double total = c.components().values().stream().mapToDouble(Double::doubleValue).sum();
            c.components().forEach((unit, w) -> parts.add(unit + " " + fmt(w / total)));
            out.add(new Report.MethodLine(c.unit(), "composite", "Every indicator and node scored as the weighted mean "
                    + "of " + String.join(", ", parts) + " (over the components it applies to); its own raw values "
                    + "are not scored."));
        }
        return out;
    }

    /** Codes of the units the framework keeps out of the ranking (composites' components, unranked units…). */
    static java.util.Set<String> keptOutOfRanking(Framework fw) {
        java.util.Set<String> out = new java.util.HashSet<>(fw.ranking().unranked());
        java.util.Set<String> composites = new java.util.HashSet<>();
        fw.composites().units().forEach(c -> composites.add(c.unit()));
        for (var c : fw.composites().units()) {
            if (!fw.composites().ranksComposites()) {
                out.add(c.unit());
            }
            if (!fw.composites().ranksComponents()) {
                c.components().keySet().stream().filter(u -> !composites.contains(u)).forEach(out::add);
            }
        }
        return out;
    }

    /** Units that are scored but not ranked, in words ("" when every unit is ranked). */
    private static String notRanked(Framework fw) {
        List<String> parts = new ArrayList<>();
        if (!fw.composites().isEmpty() && !fw.composites().ranksComponents()) {
            parts.add("the components of composite units");
        }
        if (!fw.composites().isEmpty() && !fw.composites().ranksComposites()) {
            parts.add("composite units");
        }
        if (!fw.ranking().unranked().isEmpty()) {
            parts.add(String.join(", ", fw.ranking().unranked()));
        }
        return parts.isEmpty() ? "" : " Scored but not ranked: " + String.join("; ", parts) + ".";
    }

    /** The indicator's text values in words ("" without any). */
    private static String textValuesText(Indicator ind) {
        if (ind.textValues().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (var t : ind.textValues()) {
            parts.add("'" + t.text() + "' " + (t.notApplicable() ? "not applicable (left out of its parent's mean)"
                    : "scores " + fmt(t.score())));
        }
        return " Text values: " + String.join("; ", parts) + ".";
    }

    /** How a city-level value is computed from walk-through tests or questionnaire microdata, in words. */
    static String statisticText(org.bizenv.framework.Source src, Indicator ind) {
        if (src.type().equals("walkthrough")) {
            return ind.statistic().equals("pass-rate")
                    ? "The city's value is the share of its " + ind.field() + " tests that passed, in %. "
                    : "The city's value is the mean time of its " + ind.field() + " tests, in hours. ";
        }
        if (!src.type().equals("survey")) {
            return "";
        }
        StringBuilder t = new StringBuilder("The city's value is ");
        t.append(ind.statistic().equals("mean-score")
                ? "the mean answer to " + ind.field() + ", answers 1–5 rescaled to 0–100 as (a − 1)/4·100"
                : "the share of answers to " + ind.field() + " that are favourable (4 or 5), in %");
        if (!src.notApplicable().isEmpty()) {
            t.append("; not-applicable codes ").append(src.notApplicable()).append(" and blanks are left out");
        }
        if (!src.sizeMix().isEmpty()) {
            t.append("; computed per size class and weighted to the population mix ");
            new java.util.TreeMap<>(src.sizeMix()).forEach((k, v) -> t.append(k).append(' ').append(fmt(v)).append(", "));
            t.setLength(t.length() - 2);
            t.append(" (renormalised over the classes that answered)");
        }
        if (src.minSample() > 0) {
            t.append("; fewer than ").append(src.minSample()).append(" valid answers is flagged in Warnings");
        }
        return t.append(". ").toString();
    }

    private static String level(int depth) {
        return switch (depth) {
            case 0 -> "index";
            case 1 -> "dimension";
            default -> "sub-dimension";
        };
    }

    static String aggregationText(MethodSpec a) {
        String base = switch (a.method()) {
            case "arithmetic" -> "Weighted arithmetic mean";
            case "geometric" -> "Weighted geometric mean";
            case "harmonic" -> "Weighted harmonic mean";
            case "generalised" -> "Weighted generalised mean with p = " + a.number("p", 1);
            case "topsis" -> "TOPSIS closeness coefficient ×100 (" + a.text("variant", "vector") + " normalisation)";
            default -> a.method();
        };
        if (a.text("zeros", "error").equals("zero")) {
            base += ", a child equal to 0 giving a score of 0";
        }
        double minShare = a.number("min-share", 0);
        return base + (minShare > 0 ? String.format(Locale.ROOT, " (left unscored when fewer than %.0f%% of the "
                + "children have observed, not imputed, values; missing children dropped and weights renormalised)", 100 * minShare)
                : " (missing children dropped and the remaining weights renormalised)");
    }

    /** Weighting methods whose weights come from the data. */
    static final java.util.Set<String> OBJECTIVE = java.util.Set.of("entropy", "critic", "cv", "pca", "combined");

    static String weightingText(MethodSpec w) {
        return switch (w.method()) {
            case "expert" -> "expert weights from the framework file, renormalised to sum to 1";
            case "equal" -> "equal";
            case "entropy" -> "entropy weights computed from the children's values (objective; "
                    + w.text("variant", "textbook") + " variant: w ∝ 1 − E, E the normalised Shannon entropy)";
            case "critic" -> "CRITIC weights computed from the children's values (objective; "
                    + w.text("variant", "direction-aware") + " variant: w ∝ σ·Σ(1 − r))";
            case "cv" -> "coefficient-of-variation weights computed from the children's values (objective)";
            case "pca" -> "first-principal-component loadings of the children (objective)";
            case "ahp" -> "AHP principal eigenvector of the pairwise comparison matrix in the framework file ("
                    + w.text("ri", "saaty-classic") + " random index, consistency ratio at most "
                    + fmt(w.number("cr-limit", 0.10)) + ")";
            case "combined" -> "expert weights combined with " + w.text("objective", "entropy") + " weights ("
                    + w.text("rule", "linear") + ")";
            default -> w.describe();
        };
    }

    static String normalisationText(MethodSpec s) {
        return switch (s.method()) {
            case "minmax" -> "min-max onto [" + fmt(s.number("min", 0)) + ", " + fmt(s.number("max", 100)) + "]";
            case "zscore" -> "z-score (mean " + fmt(s.number("mean", 0)) + ", sd " + fmt(s.number("sd", 1)) + ")";
            case "goalposts" -> "distance to frontier with fixed goalposts: best " + fmt(s.number("best", 0))
                    + ", worst " + fmt(s.number("worst", 0)) + ", clipped to [0, " + fmt(s.number("scale", 100)) + "]"
                    + (s.number("power", 1) != 1 ? ", raised to the power " + fmt(s.number("power", 1)) : "");
            case "percentile-rank" -> "percentile rank onto [" + fmt(s.number("min", 0)) + ", "
                    + fmt(s.number("max", 100)) + "]";
            case "rank" -> "rank among the units (1 = worst, ties at the lowest rank)";
            case "borda" -> "Borda score (the number of units doing worse)";
            case "distance-to-reference" -> "distance to the reference unit " + s.text("unit", "")
                    + " (0 = worst unit, " + fmt(s.number("max", 100)) + " = the reference"
                    + (s.text("cap", "false").equals("true") ? ", capped there" : "") + ")";
            case "distance-to-target" -> "distance to the target " + fmt(s.number("target", 0))
                    + " (0 = worst unit, " + fmt(s.number("max", 100)) + " = the target"
                    + (s.text("cap", "false").equals("true") ? ", capped there" : "") + ")";
            case "none" -> "none (values used as given)";
            default -> s.describe();
        };
    }

    private static String fmt(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** Correlations of the normalised indicators, with their parent, and per dimension alpha and PCA. */
    static Report.Coherence coherence(Build b) {
        Framework fw = b.framework();
        FrameworkTree tree = fw.tree();
        double[][] x = b.normalised().values();
        String[] codes = fw.indicators().stream().map(Indicator::code).toArray(String[]::new);
        if (b.unitCount() < 3) {
            return null;
        }
        double[][] pearson = Coherence.pearson(x);
        double[][] spearman = Coherence.spearman(x);
        List<Report.ParentCorrelation> withParent = new ArrayList<>();
        for (int j = 0; j < codes.length; j++) {
            int parent = tree.indicatorParent()[j];
            int dim = tree.dimensionOfIndicator(j);
            double[] ps = b.nodeScores()[parent];
            double rp = Coherence.correlationWith(new double[][] {x[j]}, ps, false)[0];
            double rs = Coherence.correlationWith(new double[][] {x[j]}, ps, true)[0];
            double rDim = Coherence.correlationWith(new double[][] {x[j]}, b.nodeScores()[dim], false)[0];
            withParent.add(new Report.ParentCorrelation(codes[j], fw.nodes().get(parent).code(), rp, rs, rDim < 0));
        }
        List<Report.DimensionStats> dims = new ArrayList<>();
        for (int d : tree.childNodes(tree.root())) {
            int[] under = tree.indicatorsUnder(d);
            double[][] cols = new double[under.length][];
            for (int k = 0; k < under.length; k++) {
                cols[k] = x[under[k]];
            }
            double alpha = Double.NaN;
            double[] pca = new double[] {1.0};
            if (under.length >= 2) {
                // Undefined (a constant indicator, too few complete units) is reported as missing, not a failure.
                try {
                    alpha = Coherence.cronbachAlpha(cols);
                } catch (IllegalArgumentException e) {
                    alpha = Double.NaN;
                }
                try {
                    pca = Coherence.pcaVarianceExplained(cols);
                } catch (IllegalArgumentException e) {
                    pca = new double[0];
                }
            }
            dims.add(new Report.DimensionStats(fw.nodes().get(d).code(), alpha, pca));
        }
        return new Report.Coherence(codes, pearson, spearman, withParent, dims);
    }
}
