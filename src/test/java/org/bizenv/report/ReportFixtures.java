package org.bizenv.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;

/**
 * Small hand-built {@link Report}s for tests of anything that renders or consumes a report. Synthetic numbers,
 * chosen so that every value can be checked by hand:
 *
 * <ul>
 *   <li>4 units (北京 beijing, 上海 shanghai, 武汉 wuhan, 成都 chengdu) with region and type groups;</li>
 *   <li>the index {@code INDEX} with 2 dimensions {@code MKT} and {@code FIN} (0.5 each), each with 2 indicators
 *       (equal weights), all 5 stages;</li>
 *   <li>wuhan's {@code FIN.2} is missing in raw (NaN) and imputed (flagged in the imputed stage); chengdu's
 *       {@code MKT.2} is an outlier winsorised from 400 to 160 (flagged in the treated stage);</li>
 *   <li>index scores shanghai 92.708…, beijing 65.625, chengdu 40.178…, wuhan 15.277… (ranks 1–4, tiers 1–4);</li>
 *   <li>previous year 2023 for beijing, shanghai and wuhan; chengdu is new (no previous result); last year's
 *       results score MKT but not FIN;</li>
 *   <li>chengdu's {@code FIN.1} rests on a thin survey sample (350 answers to Q07, minimum 400);</li>
 *   <li>coherence with correlation matrices, Cronbach's alpha and PCA variance explained.</li>
 * </ul>
 */
public final class ReportFixtures {

    public static final List<String> UNITS = List.of("beijing", "shanghai", "wuhan", "chengdu");
    public static final List<String> INDICATORS = List.of("MKT.1", "MKT.2", "FIN.1", "FIN.2");
    public static final double NaN = Double.NaN;

    /** Raw values {@code [indicator][unit]}. */
    public static final double[][] RAW = {
            {3.5, 2.0, 6.0, 5.0},
            {120, 150, 80, 400},
            {82.0, 85.5, 78.5, 81.0},
            {900, 1000, NaN, 300},
    };
    /** FIN.2 divided by population in millions (20, 25, 12.5, 20). */
    public static final double[][] DENOMINATED = {
            {3.5, 2.0, 6.0, 5.0},
            {120, 150, 80, 400},
            {82.0, 85.5, 78.5, 81.0},
            {45, 40, NaN, 15},
    };
    public static final double[][] IMPUTED = {
            {3.5, 2.0, 6.0, 5.0},
            {120, 150, 80, 400},
            {82.0, 85.5, 78.5, 81.0},
            {45, 40, (45.0 + 40.0 + 15.0) / 3, 15},
    };
    public static final double[][] TREATED = {
            {3.5, 2.0, 6.0, 5.0},
            {120, 150, 80, 160},
            {82.0, 85.5, 78.5, 81.0},
            {45, 40, (45.0 + 40.0 + 15.0) / 3, 15},
    };
    /** Min-max to 0–100 on the treated values; MKT.1 is "lower is better". */
    public static final double[][] NORMALISED = {
            {62.5, 100, 0, 25},
            {50, 87.5, 0, 100},
            {50, 100, 0, 2.5 / 7 * 100},
            {100, 25.0 / 30 * 100, ((45.0 + 40.0 + 15.0) / 3 - 15) / 30 * 100, 0},
    };
    public static final double[] MKT = {56.25, 93.75, 0, 62.5};
    public static final double[] FIN = {75, (100 + 25.0 / 30 * 100) / 2,
            (0 + ((45.0 + 40.0 + 15.0) / 3 - 15) / 30 * 100) / 2, (2.5 / 7 * 100) / 2};
    public static final double[] INDEX = {
            (MKT[0] + FIN[0]) / 2, (MKT[1] + FIN[1]) / 2, (MKT[2] + FIN[2]) / 2, (MKT[3] + FIN[3]) / 2};
    public static final int[] INDEX_RANKS = {2, 1, 4, 3};
    public static final int[] MKT_RANKS = {3, 1, 4, 2};
    public static final int[] FIN_RANKS = {2, 1, 3, 4};
    public static final double[] PREVIOUS = {70.1, 68.4, 20.0, NaN};
    public static final Integer[] PREVIOUS_RANKS = {1, 2, 3, null};
    /**
     * Last year's scores and ranks on MKT (chengdu is new); last year's results have none on FIN, as from a report of
     * a framework without that dimension.
     */
    public static final double[] PREVIOUS_MKT = {60.0, 90.0, 2.5, NaN};
    public static final int[] PREVIOUS_MKT_RANKS = {2, 1, 3, 0};

    private ReportFixtures() {
    }

    /** The sample report described in the class comment. */
    public static Report sample() {
        return build(names());
    }

    /**
     * The sample with every unit's name (both languages) replaced by text a spreadsheet would take for a formula:
     * {@code =HYPERLINK("x")}, {@code +1}, {@code -2}, {@code @SUM(A1)}; the first warning and a parameter too.
     */
    public static Report formulaLike() {
        List<Names> hostile = List.of(new Names("=HYPERLINK(\"x\")", "=HYPERLINK(\"x\")"), new Names("+1", "+1"),
                new Names("-2", "-2"), new Names("@SUM(A1)", "@SUM(A1)"));
        return build(hostile);
    }

    public static final List<String> FORMULA_LIKE = List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)");

    private static List<Names> names() {
        return List.of(new Names("北京", "Beijing"), new Names("上海", "Shanghai"), new Names("武汉", "Wuhan"),
                new Names("成都", "Chengdu"));
    }

    private static Report build(List<Names> unitNames) {
        List<String> regions = List.of("east", "east", "central", "west");
        List<String> types = List.of("municipality", "municipality", "provincial-capital", "provincial-capital");
        List<Report.UnitInfo> units = new ArrayList<>();
        for (int u = 0; u < UNITS.size(); u++) {
            // HashMap on purpose: the writers must not depend on a map's iteration order
            Map<String, String> groups = new java.util.HashMap<>();
            groups.put("type", types.get(u));
            groups.put("region", regions.get(u));
            units.add(new Report.UnitInfo(UNITS.get(u), unitNames.get(u), groups));
        }
        boolean hostile = !unitNames.get(0).zh().equals("北京");

        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("seed", "42");
        parameters.put("data", "sample-data/2024");
        parameters.put("note", hostile ? "-2" : "合成 synthetic");
        var meta = new Report.Meta(Report.SCHEMA_VERSION, "0.1.0", "sample-2024",
                new Names("样例评估", "Sample evaluation"), "2024.1", "indicators/sample-2024.yaml",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2024,
                "2024-11-30T08:00:00Z", true, 2, true, "quantiles",
                List.of(new Names("第一梯队", "Tier 1"), new Names("第二梯队", "Tier 2"), new Names("第三梯队", "Tier 3"),
                        new Names("第四梯队", "Tier 4")),
                2023,
                List.of(new Report.SourceFile("returns", "government-returns", "returns/beijing.xlsx",
                                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 10240),
                        new Report.SourceFile("survey", "survey", "survey.csv",
                                "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", 524288)),
                parameters);

        var nodes = List.of(
                new Report.NodeInfo("INDEX", null, new Names("综合指数", "Composite index"), 0, "arithmetic", "expert",
                        1, 1, INDEX.clone(), INDEX_RANKS.clone()),
                new Report.NodeInfo("MKT", "INDEX", new Names("市场环境", "Market environment"), 1, "arithmetic",
                        "equal", 0.5, 0.5, MKT.clone(), MKT_RANKS.clone()),
                new Report.NodeInfo("FIN", "INDEX", new Names("融资环境", "Financing environment"), 1, "arithmetic",
                        "equal", 0.5, 0.5, FIN.clone(), FIN_RANKS.clone()));

        var indicators = List.of(
                new Report.IndicatorInfo("MKT.1", "MKT", new Names("开办企业时间", "Time to start a business"), "days",
                        -1, "government-returns", "returns", "R01", null, "minmax (max 100, min 0)", "none", "none",
                        "Working days from application to business licence (\"营业执照\").", 0.5, 0.25,
                        new int[] {2, 1, 4, 3}),
                new Report.IndicatorInfo("MKT.2", "MKT", new Names("新设企业数", "New enterprises"),
                        "per 10,000 people", 1, "statistics", "statistics", "NewFirms", null,
                        "minmax (max 100, min 0)", "none", "coinr (kurtosis 3.5, skew 2)",
                        "New enterprises registered per 10,000 residents.", 0.5, 0.25, new int[] {3, 2, 4, 1}),
                new Report.IndicatorInfo("FIN.1", "FIN", new Names("融资满意度", "Financing satisfaction"), "%", 1,
                        "survey", "survey", "Q07", "share-favourable", "minmax (max 100, min 0)", "none", "none",
                        "Share of SMEs satisfied with access to finance.", 0.5, 0.25, new int[] {2, 1, 4, 3}),
                new Report.IndicatorInfo("FIN.2", "FIN", new Names("创投机构数", "Venture capital firms"),
                        "per million people", 1, "statistics", "statistics", "VCFirms", null,
                        "minmax (max 100, min 0)", "mean", "none", "Venture capital firms per million residents.", 0.5,
                        0.25, new int[] {1, 2, 3, 4}));

        List<Report.RankingRow> ranking = new ArrayList<>();
        int[] order = {1, 0, 3, 2}; // shanghai, beijing, chengdu, wuhan
        int[] tiers = {2, 1, 4, 3};
        for (int u : order) {
            double prev = PREVIOUS[u];
            Integer prevRank = PREVIOUS_RANKS[u];
            ranking.add(new Report.RankingRow(UNITS.get(u), INDEX[u], INDEX_RANKS[u], tiers[u],
                    new double[] {MKT[u], FIN[u]}, new int[] {MKT_RANKS[u], FIN_RANKS[u]}, prev, prevRank,
                    INDEX[u] - prev, prevRank == null ? null : prevRank - INDEX_RANKS[u],
                    new double[] {PREVIOUS_MKT[u], NaN}, new int[] {PREVIOUS_MKT_RANKS[u], 0}));
        }

        var top = List.of(
                new Report.TopList("MKT", new Names("市场环境", "Market environment"), List.of(
                        new Report.TopEntry(1, "shanghai", MKT[1]), new Report.TopEntry(2, "chengdu", MKT[3]),
                        new Report.TopEntry(3, "beijing", MKT[0]), new Report.TopEntry(4, "wuhan", MKT[2]))),
                new Report.TopList("FIN", new Names("融资环境", "Financing environment"), List.of(
                        new Report.TopEntry(1, "shanghai", FIN[1]), new Report.TopEntry(2, "beijing", FIN[0]),
                        new Report.TopEntry(3, "wuhan", FIN[2]), new Report.TopEntry(4, "chengdu", FIN[3]))));

        boolean[][] none = new boolean[4][4];
        boolean[][] imputedFlags = new boolean[4][4];
        imputedFlags[3][2] = true;
        boolean[][] treatedFlags = new boolean[4][4];
        treatedFlags[1][3] = true;
        String[][] provenance = new String[4][4];
        for (int i = 0; i < 4; i++) {
            for (int u = 0; u < 4; u++) {
                provenance[i][u] = i == 0 ? "returns/" + UNITS.get(u) + ".xlsx!Data!D" + (4 + i)
                        : i == 2 ? "survey.csv: Q07, n=" + (400 + 10 * u) : "statistics.xlsx!Data!" + "CD".charAt(i / 2)
                        + (2 + u);
            }
        }
        provenance[3][2] = null; // wuhan's FIN.2 is missing
        var stages = List.of(
                new Report.StageData("raw", copy(RAW), copy(none), provenance),
                new Report.StageData("denominated", copy(DENOMINATED), copy(none), null),
                new Report.StageData("imputed", copy(IMPUTED), imputedFlags, null),
                new Report.StageData("treated", copy(TREATED), treatedFlags, null),
                new Report.StageData("normalised", copy(NORMALISED), copy(none), null));

        var weights = List.of(
                new Report.NodeWeightInfo("INDEX", "expert", "stated weights 1:1", new String[] {"MKT", "FIN"},
                        new double[] {0.5, 0.5}),
                new Report.NodeWeightInfo("MKT", "equal", "", new String[] {"MKT.1", "MKT.2"},
                        new double[] {0.5, 0.5}),
                new Report.NodeWeightInfo("FIN", "equal", "", new String[] {"FIN.1", "FIN.2"},
                        new double[] {0.5, 0.5}));

        var treatment = List.of(
                new Report.TreatmentInfo("MKT.1", "none", 0.2, -1.5, 0.2, -1.5, 0, false, false),
                new Report.TreatmentInfo("MKT.2", "coinr", 1.95, 3.9, 0.31, -1.2, 1, false, true),
                new Report.TreatmentInfo("FIN.1", "none", NaN, NaN, NaN, NaN, 0, false, false),
                new Report.TreatmentInfo("FIN.2", "none", -0.4, -1.1, -0.4, -1.1, 0, false, false));

        String[] gnodes = {"INDEX", "MKT", "FIN"};
        var groupMeans = List.of(
                new Report.GroupMeans("region", "east", 2, gnodes,
                        new double[] {(INDEX[0] + INDEX[1]) / 2, (MKT[0] + MKT[1]) / 2, (FIN[0] + FIN[1]) / 2}),
                new Report.GroupMeans("region", "central", 1, gnodes.clone(), new double[] {INDEX[2], MKT[2], FIN[2]}),
                new Report.GroupMeans("region", "west", 1, gnodes.clone(), new double[] {INDEX[3], MKT[3], FIN[3]}));

        var improvement = List.of(
                new Report.ImprovementRow(1, "shanghai", INDEX[1] - PREVIOUS[1], INDEX[1], PREVIOUS[1], 1),
                new Report.ImprovementRow(2, "beijing", INDEX[0] - PREVIOUS[0], INDEX[0], PREVIOUS[0], -1),
                new Report.ImprovementRow(3, "wuhan", INDEX[2] - PREVIOUS[2], INDEX[2], PREVIOUS[2], -1));

        var methodology = List.of(
                method("INDEX", "index", "对各维度取算术平均，专家权重 1:1。",
                        "Arithmetic mean of the dimensions, expert weights 1:1.", "arithmetic; expert"),
                method("MKT", "dimension", "对其指标取算术平均，等权。",
                        "Arithmetic mean of its indicators, equal weights.", "arithmetic; equal"),
                method("FIN", "dimension", "对其指标取算术平均，等权。",
                        "Arithmetic mean of its indicators, equal weights.", "arithmetic; equal"),
                method("MKT.1", "indicator", "最小—最大法映射到 0–100，越低越好；不插补；不做异常值处理。",
                        "Min-max to 0–100, lower is better; no imputation; no treatment.", "minmax"),
                method("MKT.2", "indicator", "最小—最大法映射到 0–100；异常值缩尾（COIN 规则：|偏度| > 2 且峰度 > 3.5）。",
                        "Min-max to 0–100; outliers winsorised (COIN rule: |skew| > 2 and kurtosis > 3.5).",
                        "minmax; winsorise"),
                method("FIN.1", "indicator", "问卷好评比例；最小—最大法映射到 0–100。",
                        "Share of favourable survey answers; min-max to 0–100.", "minmax"),
                method("FIN.2", "indicator", "每百万居民；缺失值用均值插补；最小—最大法映射到 0–100。",
                        "Per million residents; missing values imputed by the mean; min-max to 0–100.",
                        "mean; minmax"));

        List<Names> warnings = new ArrayList<>();
        if (hostile) {
            warnings.add(new Names("=1+1", "=1+1"));
        }
        warnings.add(new Names("FIN.2：武汉缺失，用 3 个城市的均值插补", "FIN.2: wuhan missing, imputed by the mean of 3 units"));
        warnings.add(new Names("指标 FIN.1：成都（Chengdu）对 Q07 的有效回答只有 350 份，少于最低样本量 400",
                "indicator FIN.1: Chengdu (成都) has 350 valid answers to Q07, under the minimum sample of 400"));
        var thin = List.of(new Report.ThinSampleInfo("chengdu", "FIN.1", "Q07", 350, 400));

        String[] cinds = INDICATORS.toArray(String[]::new);
        double[][] pearson = {
                {1, 0.62, 0.91, 0.35},
                {0.62, 1, 0.48, -0.21},
                {0.91, 0.48, 1, 0.55},
                {0.35, -0.21, 0.55, 1}};
        double[][] spearman = {
                {1, 0.4, 1, 0.2},
                {0.4, 1, 0.4, -0.4},
                {1, 0.4, 1, 0.4},
                {0.2, -0.4, 0.4, 1}};
        var coherence = new Report.CoherenceTable(cinds, pearson, spearman, List.of(
                new Report.ParentCorrelation("MKT.1", "MKT", 0.88, 0.8, false),
                new Report.ParentCorrelation("MKT.2", "MKT", 0.91, 1, false),
                new Report.ParentCorrelation("FIN.1", "FIN", 0.83, 0.8, false),
                new Report.ParentCorrelation("FIN.2", "FIN", -0.12, -0.2, true)),
                List.of(new Report.DimensionStats("MKT", 0.764, new double[] {0.81, 0.19}),
                        new Report.DimensionStats("FIN", NaN, new double[] {0.6, 0.4})));

        return new Report(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans,
                improvement, methodology, warnings, thin, coherence);
    }

    /**
     * The sample as a framework with {@code ranking.top: 10} and a selection of its registry would report it: top
     * lists of 10 (the sample's four cities fill them), and two registry cities' data skipped from two sources (of
     * the survey, 1,203 questionnaire rows).
     */
    public static Report topTenWithSkippedData() {
        Report s = sample();
        var m = s.meta();
        var meta = new Report.Meta(m.schemaVersion(), m.engineVersion(), m.frameworkId(), m.frameworkName(),
                m.frameworkVersion(), m.frameworkFile(), m.frameworkSha256(), m.year(), m.generatedAt(),
                m.synthetic(), m.decimals(), m.compareRounded(), m.tierMethod(), m.tierNames(), m.previousYear(),
                m.sources(), m.parameters(), null, 10,
                List.of(new Report.SkippedData("returns", "returns", List.of("hefei", "kunming")),
                        new Report.SkippedData("survey", "survey.csv", List.of("kunming"), List.of(1_203L))));
        return new Report(meta, s.units(), s.nodes(), s.indicators(), s.ranking(), s.top(), s.stages(), s.weights(),
                s.treatment(), s.groupMeans(), s.improvement(), s.methodology(), s.warnings(), s.thinSamples(),
                s.coherence());
    }

    /** The sample without previous results and without coherence, as a first edition would be. */
    public static Report firstEdition() {
        Report s = sample();
        var m = s.meta();
        var meta = new Report.Meta(m.schemaVersion(), m.engineVersion(), m.frameworkId(), m.frameworkName(),
                m.frameworkVersion(), m.frameworkFile(), m.frameworkSha256(), m.year(), m.generatedAt(),
                m.synthetic(), m.decimals(), m.compareRounded(), m.tierMethod(), m.tierNames(), null, m.sources(),
                m.parameters());
        List<Report.RankingRow> ranking = new ArrayList<>();
        for (var row : s.ranking()) {
            ranking.add(new Report.RankingRow(row.unit(), row.score(), row.rank(), row.tier(), row.dimensionScores(),
                    row.dimensionRanks(), NaN, null, NaN, null));
        }
        return new Report(meta, s.units(), s.nodes(), s.indicators(), ranking, s.top(), s.stages(), s.weights(),
                s.treatment(), s.groupMeans(), List.of(), s.methodology(), s.warnings(), s.thinSamples(), null);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static boolean[][] copy(boolean[][] m) {
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static Report.MethodLine method(String element, String level, String zh, String en, String term) {
        return new Report.MethodLine(element, level, new Names(zh, en), new Names(term, term));
    }
}
