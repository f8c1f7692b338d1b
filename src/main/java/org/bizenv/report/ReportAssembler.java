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
import org.bizenv.framework.Names;
import org.bizenv.framework.Node;
import org.bizenv.rank.GroupRanking;
import org.bizenv.rank.Ranking;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.NodeWeights;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Stage;
import org.bizenv.scoring.TreatmentRecord;
import org.bizenv.scoring.Unit;

/**
 * Turns a scored {@link Build} (and optionally last year's) into the {@link Report} both writers render. Pure: no I/O;
 * everything a report shows is computed here from the build, so it can be tested without files.
 */
public final class ReportAssembler {

    /**
     * Facts about the run that the build does not know.
     *
     * @param inputWarnings what reading the inputs found worth knowing (e.g. thin survey samples), reported before
     *                      the build's own warnings
     * @param thinSamples   this year's survey values under the minimum sample, as data (also among the warnings)
     * @param skipped       per source, the cities outside the framework's selection whose data were skipped (also
     *                      among the warnings)
     */
    public record Context(int year, String generatedAt, String engineVersion,
                          String frameworkFile, String frameworkSha256, List<Report.SourceFile> sources,
                          Map<String, String> parameters, List<Names> inputWarnings,
                          List<Report.ThinSampleInfo> thinSamples, List<Report.SkippedData> skipped) {

        public Context {
            inputWarnings = List.copyOf(inputWarnings);
            thinSamples = List.copyOf(thinSamples);
            skipped = List.copyOf(skipped);
        }

        /** A run that skipped no city's data. */
        public Context(int year, String generatedAt, String engineVersion, String frameworkFile,
                       String frameworkSha256, List<Report.SourceFile> sources, Map<String, String> parameters,
                       List<Names> inputWarnings, List<Report.ThinSampleInfo> thinSamples) {
            this(year, generatedAt, engineVersion, frameworkFile, frameworkSha256, sources, parameters,
                    inputWarnings, thinSamples, List.of());
        }

        /** A run whose inputs found no thin survey sample. */
        public Context(int year, String generatedAt, String engineVersion, String frameworkFile,
                       String frameworkSha256, List<Report.SourceFile> sources, Map<String, String> parameters,
                       List<Names> inputWarnings) {
            this(year, generatedAt, engineVersion, frameworkFile, frameworkSha256, sources, parameters,
                    inputWarnings, List.of());
        }
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
                new TreeMap<>(ctx.parameters()), fw.ranking().groups(), fw.ranking().top(), ctx.skipped());

        List<Report.UnitInfo> unitInfo = units.stream()
                .map(u -> new Report.UnitInfo(u.code(), u.name(), new TreeMap<>(u.groups()))).toList();

        List<Report.NodeInfo> nodes = new ArrayList<>();
        for (int k = 0; k < fw.nodes().size(); k++) {
            Node nd = fw.nodes().get(k);
            nodes.add(new Report.NodeInfo(nd.code(), nd.parent(), nd.name(), tree.depth()[k],
                    nd.aggregation().describe(), nd.weighting().describe(), b.nodeWeight()[k],
                    b.effectiveNodeWeight()[k], b.nodeScores()[k], b.nodeRanks()[k],
                    methods("aggregation", nd.aggregation(), "weighting", nd.weighting())));
        }
        List<Report.IndicatorInfo> indicators = new ArrayList<>();
        for (int j = 0; j < fw.indicators().size(); j++) {
            Indicator ind = fw.indicators().get(j);
            String channel = fw.source(ind.source()).map(s -> s.channel()).orElse("other");
            indicators.add(new Report.IndicatorInfo(ind.code(), ind.parent(), ind.name(), ind.unit(),
                    ind.direction(), channel, ind.source(), ind.field(), ind.statistic(),
                    ind.normalisation().describe(), ind.imputation().describe(), ind.treatment().describe(),
                    ind.definition(), b.indicatorWeight()[j], b.effectiveIndicatorWeight()[j], b.indicatorRanks()[j],
                    ind.transform().method().equals("none")
                            ? methods("normalisation", ind.normalisation(), "imputation", ind.imputation(),
                            "treatment", ind.treatment())
                            : methods("normalisation", ind.normalisation(), "imputation", ind.imputation(),
                            "transform", ind.transform(), "treatment", ind.treatment())));
        }

        int root = tree.root();
        List<Integer> dims = tree.childNodes(root);
        String grouping = fw.ranking().groups();
        String[] group = new String[n];
        int[][] groupRanks = new int[dims.size() + 1][];       // [0] the index, [1 + d] dimension d
        int[] groupTiers = new int[n];
        if (grouping != null) {
            for (int i = 0; i < n; i++) {
                group[i] = units.get(i).group(grouping);
            }
            groupRanks[0] = groupRanks(b.indexScores(), b.indexRanks(), group, fw);
            groupTiers = groupTiers(b.indexScores(), b.indexRanks(), group, fw);
            for (int d = 0; d < dims.size(); d++) {
                groupRanks[1 + d] = groupRanks(b.nodeScores()[dims.get(d)], b.nodeRanks()[dims.get(d)], group, fw);
            }
        }
        List<Report.RankingRow> ranking = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = units.get(i).code();
            double[] ds = new double[dims.size()];
            int[] dr = new int[dims.size()];
            double[] pds = new double[dims.size()];
            int[] pdr = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                ds[d] = b.nodeScores()[dims.get(d)][i];
                dr[d] = b.nodeRanks()[dims.get(d)][i];
                String dim = fw.nodes().get(dims.get(d)).code();
                pds[d] = previous == null ? Double.NaN
                        : previous.dimensionScores().getOrDefault(dim, Map.of()).getOrDefault(code, Double.NaN);
                pdr[d] = previous == null ? 0 : previous.dimensionRanks().getOrDefault(dim, Map.of()).getOrDefault(code, 0);
            }
            double prevScore = previous == null ? Double.NaN : previous.scores().getOrDefault(code, Double.NaN);
            Integer prevRank = previous == null ? null : previous.ranks().get(code);
            double score = b.indexScores()[i];
            double change = score - prevScore;
            Integer rankChange = prevRank == null || b.indexRanks()[i] == 0 ? null : prevRank - b.indexRanks()[i];
            int[] dgr = new int[dims.size()];
            for (int d = 0; d < dims.size() && grouping != null; d++) {
                dgr[d] = groupRanks[1 + d][i];
            }
            ranking.add(new Report.RankingRow(units.get(i).code(), score, b.indexRanks()[i], b.tiers()[i], ds, dr,
                    prevScore, prevRank, change, rankChange, pds, pdr, group[i],
                    grouping == null ? 0 : groupRanks[0][i], groupTiers[i], dgr));
        }
        ranking.sort(Comparator.comparingInt((Report.RankingRow r) -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank())
                .thenComparing(Report.RankingRow::unit));

        List<Report.TopList> top = new ArrayList<>();
        for (int d : dims) {
            top.add(new Report.TopList(fw.nodes().get(d).code(), fw.nodes().get(d).name(),
                    topEntries(b.nodeRanks()[d], b.nodeScores()[d], units, group, null, fw.ranking().top())));
        }
        if (grouping != null) {
            top.addAll(groupTops(b, dims, group, groupRanks));
        }

        List<Report.StageData> stages = new ArrayList<>(List.of(
                stage(b.raw(), b.provenance()), stage(b.denominated(), null), stage(b.imputed(), null),
                stage(b.treated(), null), stage(b.normalised(), null)));
        if (fw.indicators().stream().anyMatch(i -> !i.transform().method().equals("none"))) {
            stages.add(3, stage(b.transformed(), null));     // only where a transform makes it differ from imputed
        }

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
                groupMeans(b, dims), improvement(b, ranking, dims.size()), methodology(fw, b.nodeWeights()), warnings(ctx, b, previous),
                ctx.thinSamples(), coherence(b));
    }

    /** Ranks within the groups, on the scores the overall ranking compares and over the units it ranks. */
    private static int[] groupRanks(double[] scores, int[] overallRanks, String[] group, Framework fw) {
        return GroupRanking.competition(GroupRanking.rankedOnly(scores, overallRanks),
                group, fw.ranking().comparedDecimals());
    }

    /**
     * Tiers within the groups: the framework's tier rule (only the index has tiers) applied to each group's ranked
     * units, on the scores the overall tiers compare.
     */
    private static int[] groupTiers(double[] scores, int[] overallRanks, String[] group, Framework fw) {
        int decimals = fw.ranking().comparedDecimals();
        return GroupRanking.tiers(GroupRanking.rankedOnly(scores, overallRanks), group,
                s -> Scorer.tiers(fw.tiers(), s, decimals));
    }

    /**
     * Each group's top lists (groups in name order): the index first, as MIIT publishes one top list per group, then
     * each dimension; ranks within the group, ties at the boundary all shown.
     */
    private static List<Report.TopList> groupTops(Build b, List<Integer> dims, String[] group, int[][] groupRanks) {
        Framework fw = b.framework();
        List<Integer> nodes = new ArrayList<>();
        nodes.add(fw.tree().root());
        nodes.addAll(dims);
        List<Report.TopList> out = new ArrayList<>();
        TreeSet<String> values = new TreeSet<>();
        for (String g : group) {
            if (g != null) {
                values.add(g);
            }
        }
        for (String v : values) {
            for (int k = 0; k < nodes.size(); k++) {
                double[] scores = k == 0 ? b.indexScores() : b.nodeScores()[nodes.get(k)];
                Node node = fw.nodes().get(nodes.get(k));
                out.add(new Report.TopList(node.code(), node.name(),
                        topEntries(groupRanks[k], scores, b.units(), group, v, fw.ranking().top()), v));
            }
        }
        return out;
    }

    /**
     * The units ranked 1 to {@code top} ({@code ranking.top}; of group {@code value} only, when it is not null), best
     * rank first, ties by unit code: one top list, overall or within a group.
     */
    private static List<Report.TopEntry> topEntries(int[] ranks, double[] scores, List<Unit> units, String[] group,
                                                    String value, int top) {
        List<Report.TopEntry> entries = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            if ((value == null || value.equals(group[i])) && ranks[i] >= 1 && ranks[i] <= top) {
                entries.add(new Report.TopEntry(ranks[i], units.get(i).code(), scores[i]));
            }
        }
        entries.sort(Comparator.comparingInt(Report.TopEntry::rank).thenComparing(Report.TopEntry::unit));
        return entries;
    }

    /** Methods by role, in the order given, each with its parameters sorted by name. */
    private static Map<String, Report.Method> methods(Object... roleAndSpec) {
        Map<String, Report.Method> out = new LinkedHashMap<>();
        for (int k = 0; k < roleAndSpec.length; k += 2) {
            MethodSpec m = (MethodSpec) roleAndSpec[k + 1];
            out.put((String) roleAndSpec[k], new Report.Method(m.method(), new TreeMap<>(m.params())));
        }
        return out;
    }

    private static List<Names> warnings(Context ctx, Build b, PreviousResults previous) {
        List<Names> w = new ArrayList<>(ctx.inputWarnings());
        w.addAll(b.warnings());
        w.addAll(missingPreviousDimensions(b.framework(), previous));
        return List.copyOf(w);
    }

    /**
     * A warning for each of the index's dimensions on which last year's results have no scores or no ranks (a
     * report of a framework with other dimensions): its change since last year is then not shown, not guessed.
     */
    static List<Names> missingPreviousDimensions(Framework fw, PreviousResults previous) {
        if (previous == null) {
            return List.of();
        }
        List<Names> out = new ArrayList<>();
        for (int d : fw.tree().childNodes(fw.tree().root())) {
            Node node = fw.nodes().get(d);
            boolean scores = previous.dimensionScores().containsKey(node.code());
            boolean ranks = previous.dimensionRanks().containsKey(node.code());
            if (scores && ranks) {
                continue;
            }
            String zhWhat = !scores && !ranks ? "得分和排名" : !scores ? "得分" : "排名";
            String enWhat = !scores && !ranks ? "scores or ranks" : !scores ? "scores" : "ranks";
            Names name = node.name() == null ? new Names(node.code(), node.code()) : node.name();
            out.add(new Names("上年结果（" + previous.source() + "）没有维度 " + node.code() + "（" + name.zh()
                    + "）的" + zhWhat + "：该维度较上年的变化不予显示",
                    "last year's results (" + previous.source() + ") have no " + enWhat + " on dimension "
                            + node.code() + " (" + name.en() + "): its change since last year is not shown"));
        }
        return out;
    }

    private static Report.StageData stage(Stage s, String[][] provenance) {
        return new Report.StageData(s.name(), s.values(), s.flagged(), provenance);
    }

    static String describeTiers(Framework fw) {
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

    /**
     * Units ordered by index score change against last year, ranked (competition) on the published decimals. With
     * ranks by group, each unit also gets the rank of its change among its group's units in this list, on the index
     * and on each dimension, by the same rule (a unit without a dimension's change has no rank on it).
     */
    static List<Report.ImprovementRow> improvement(Build b, List<Report.RankingRow> ranking, int dimensions) {
        List<Report.RankingRow> rows = ranking.stream().filter(r -> !Double.isNaN(r.scoreChange())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        double[] change = rows.stream().mapToDouble(Report.RankingRow::scoreChange).toArray();
        int decimals = b.framework().ranking().comparedDecimals();
        int[] ranks = decimals < 0 ? Ranking.competition(change) : Ranking.competition(change, decimals);
        boolean byGroups = b.framework().ranking().byGroups();
        String[] group = rows.stream().map(Report.RankingRow::group).toArray(String[]::new);
        int[] groupRanks = byGroups ? GroupRanking.competition(change, group, decimals) : null;
        int[][] dimensionGroupRanks = new int[dimensions][];
        for (int d = 0; d < dimensions && byGroups; d++) {
            final int dim = d;
            double[] dc = rows.stream().mapToDouble(r -> r.dimensionScoreChange(dim)).toArray();
            dimensionGroupRanks[d] = GroupRanking.competition(dc, group, decimals);
        }
        List<Report.ImprovementRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Report.RankingRow r = rows.get(i);
            if (!byGroups) {
                out.add(new Report.ImprovementRow(ranks[i], r.unit(), r.scoreChange(), r.score(), r.previousScore(),
                        r.rankChange()));
                continue;
            }
            double[] dc = new double[dimensions];
            int[] dgr = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                dc[d] = r.dimensionScoreChange(d);
                dgr[d] = dimensionGroupRanks[d][i];
            }
            out.add(new Report.ImprovementRow(ranks[i], r.unit(), r.scoreChange(), r.score(), r.previousScore(),
                    r.rankChange(), r.group(), groupRanks[i], dc, dgr));
        }
        out.sort(Comparator.comparingInt(Report.ImprovementRow::rank).thenComparing(Report.ImprovementRow::unit));
        return out;
    }

    /** The method at every node and indicator, in words (Chinese and English), in tree order. */
    static List<Report.MethodLine> methodology(Framework fw) {
        return methodology(fw, null);
    }

    /** As {@link #methodology(Framework)}, stating the weights that objective weighting obtained. */
    static List<Report.MethodLine> methodology(Framework fw, NodeWeights[] computed) {
        return MethodologyText.lines(fw, computed);
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

    /** Correlations of the normalised indicators, with their parent, and per dimension alpha and PCA. */
    static Report.CoherenceTable coherence(Build b) {
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
        return new Report.CoherenceTable(codes, pearson, spearman, withParent, dims);
    }
}
