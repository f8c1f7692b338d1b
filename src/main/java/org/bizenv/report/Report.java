package org.bizenv.report;

import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;

/**
 * Everything a report shows, as plain data: the Excel workbook and the JSON document are two renderings of this one
 * record, so they cannot disagree. Arrays over units follow {@link #units()}; NaN = missing, rank 0 = unranked.
 *
 * @param thinSamples this year's survey values that rest on fewer valid answers than the survey's minimum sample (the
 *                    same findings as the thin-sample warnings, as data)
 * @param robustness how robust the ranking is (scenarios, uncertainty, sensitivity, rank-reversal margins); null when
 *                   the analysis was not run
 * @param survey     this year's survey indicators with their standard errors and 95 % intervals, and broken down by size
 *                   class and industry; empty without survey indicators
 */
public record Report(Meta meta, List<UnitInfo> units, List<NodeInfo> nodes, List<IndicatorInfo> indicators,
                     List<RankingRow> ranking, List<TopList> top, List<StageData> stages, List<NodeWeightInfo> weights,
                     List<TreatmentInfo> treatment, List<GroupMeans> groupMeans, List<ImprovementRow> improvement,
                     List<MethodLine> methodology, List<Names> warnings, List<ThinSampleInfo> thinSamples,
                     CoherenceTable coherence, RobustnessSection robustness, List<SurveyIndicatorInfo> survey) {

    /**
     * Format of the JSON document; 1.1 added the {@code robustness} section; 1.2 the texts in Chinese and English,
     * published scores, names and directions in words beside codes, and typed method parameters.
     */
    public static final String SCHEMA_VERSION = "1.2";

    /** A report without survey detail. */
    public Report(Meta meta, List<UnitInfo> units, List<NodeInfo> nodes, List<IndicatorInfo> indicators,
                  List<RankingRow> ranking, List<TopList> top, List<StageData> stages, List<NodeWeightInfo> weights,
                  List<TreatmentInfo> treatment, List<GroupMeans> groupMeans, List<ImprovementRow> improvement,
                  List<MethodLine> methodology, List<Names> warnings, List<ThinSampleInfo> thinSamples,
                  CoherenceTable coherence, RobustnessSection robustness) {
        this(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans, improvement,
                methodology, warnings, thinSamples, coherence, robustness, List.of());
    }

    /** A report without a robustness section. */
    public Report(Meta meta, List<UnitInfo> units, List<NodeInfo> nodes, List<IndicatorInfo> indicators,
                  List<RankingRow> ranking, List<TopList> top, List<StageData> stages, List<NodeWeightInfo> weights,
                  List<TreatmentInfo> treatment, List<GroupMeans> groupMeans, List<ImprovementRow> improvement,
                  List<MethodLine> methodology, List<Names> warnings, List<ThinSampleInfo> thinSamples,
                  CoherenceTable coherence) {
        this(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans, improvement,
                methodology, warnings, thinSamples, coherence, null);
    }

    /** A report without thin survey samples and without a robustness section. */
    public Report(Meta meta, List<UnitInfo> units, List<NodeInfo> nodes, List<IndicatorInfo> indicators,
                  List<RankingRow> ranking, List<TopList> top, List<StageData> stages, List<NodeWeightInfo> weights,
                  List<TreatmentInfo> treatment, List<GroupMeans> groupMeans, List<ImprovementRow> improvement,
                  List<MethodLine> methodology, List<Names> warnings, CoherenceTable coherence) {
        this(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans, improvement,
                methodology, warnings, List.of(), coherence, null);
    }

    /**
     * The same report with a robustness section, and lines saying how the analysis was run appended to the
     * methodology.
     */
    public Report withRobustness(RobustnessSection section, List<MethodLine> methodLines) {
        List<MethodLine> m = new java.util.ArrayList<>(methodology == null ? List.of() : methodology);
        m.addAll(methodLines);
        return new Report(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans,
                improvement, List.copyOf(m), warnings, thinSamples, coherence, section, survey);
    }

    /** The same report with its survey indicators' detail. */
    public Report withSurvey(List<SurveyIndicatorInfo> detail) {
        return new Report(meta, units, nodes, indicators, ranking, top, stages, weights, treatment, groupMeans,
                improvement, methodology, warnings, thinSamples, coherence, robustness, List.copyOf(detail));
    }

    /**
     * Provenance and the options that shaped the numbers.
     *
     * @param rankingGroups the grouping units are also ranked within ({@code ranking.groups}); null = one list
     * @param top           how many units each top list shows ({@code ranking.top})
     * @param skipped       per source, the registry cities outside the framework's selection whose data it held and
     *                      that were skipped ({@code framework.units.include}); empty without a selection
     */
    public record Meta(String schemaVersion, String engineVersion, String frameworkId, Names frameworkName,
                       String frameworkVersion, String frameworkFile, String frameworkSha256, int year,
                       String generatedAt, boolean synthetic, int decimals, boolean compareRounded,
                       String tierMethod, List<Names> tierNames, Integer previousYear,
                       List<SourceFile> sources, Map<String, String> parameters, String rankingGroups, int top,
                       List<SkippedData> skipped) {

        public Meta {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        /** A report with top lists of the default length and no cities skipped. */
        public Meta(String schemaVersion, String engineVersion, String frameworkId, Names frameworkName,
                    String frameworkVersion, String frameworkFile, String frameworkSha256, int year,
                    String generatedAt, boolean synthetic, int decimals, boolean compareRounded,
                    String tierMethod, List<Names> tierNames, Integer previousYear,
                    List<SourceFile> sources, Map<String, String> parameters, String rankingGroups) {
            this(schemaVersion, engineVersion, frameworkId, frameworkName, frameworkVersion, frameworkFile,
                    frameworkSha256, year, generatedAt, synthetic, decimals, compareRounded, tierMethod, tierNames,
                    previousYear, sources, parameters, rankingGroups,
                    org.bizenv.framework.RankingRules.DEFAULT_TOP, List.of());
        }

        /** A report ranked in one list. */
        public Meta(String schemaVersion, String engineVersion, String frameworkId, Names frameworkName,
                    String frameworkVersion, String frameworkFile, String frameworkSha256, int year,
                    String generatedAt, boolean synthetic, int decimals, boolean compareRounded,
                    String tierMethod, List<Names> tierNames, Integer previousYear,
                    List<SourceFile> sources, Map<String, String> parameters) {
            this(schemaVersion, engineVersion, frameworkId, frameworkName, frameworkVersion, frameworkFile,
                    frameworkSha256, year, generatedAt, synthetic, decimals, compareRounded, tierMethod, tierNames,
                    previousYear, sources, parameters, null);
        }

        /** Whether units are also ranked within groups ({@link #rankingGroups()}). */
        public boolean byGroups() {
            return rankingGroups != null;
        }
    }

    /**
     * The data of one source that a framework evaluating part of its registry left unread: the registry cities outside
     * its selection that the source holds data of (a unit table's rows, a folder's workbooks, survey respondents).
     *
     * @param source the source's id
     * @param file   its file or folder as problems name it ({@code statistics.xlsx}, {@code returns})
     * @param units  the codes of the cities skipped, sorted
     * @param rows   for the survey, the questionnaire rows skipped of each of those cities (in their order); empty for
     *               other sources, whose rows are the cities
     */
    public record SkippedData(String source, String file, List<String> units, List<Long> rows) {

        public SkippedData {
            units = List.copyOf(units);
            rows = rows == null ? List.of() : List.copyOf(rows);
            if (!rows.isEmpty() && rows.size() != units.size()) {
                throw new IllegalArgumentException(rows.size() + " counts of rows for " + units.size() + " cities");
            }
        }

        /** A source whose rows are the cities (a unit table, a folder of workbooks): no rows counted apart. */
        public SkippedData(String source, String file, List<String> units) {
            this(source, file, units, null);
        }

        /** Whether the rows skipped were counted per city (the survey's). */
        public boolean countsRows() {
            return !rows.isEmpty();
        }

        /** The rows skipped in all, 0 when not counted. */
        public long totalRows() {
            return rows.stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One input file with its SHA-256, so the report says exactly what it was computed from.
     *
     * @param encoding the text encoding a CSV file was read in ({@code UTF-8}, {@code GB18030}, {@code UTF-16LE}…);
     *                 null for a workbook
     */
    public record SourceFile(String source, String channel, String path, String sha256, long bytes, String encoding) {

        /** A file without a text encoding (a workbook). */
        public SourceFile(String source, String channel, String path, String sha256, long bytes) {
            this(source, channel, path, sha256, bytes, null);
        }
    }

    public record UnitInfo(String code, Names name, Map<String, String> groups) {
    }

    /**
     * An aggregate of the tree. {@code scores}/{@code ranks} are over units.
     *
     * @param weight          weight within its parent (1 for the index)
     * @param effectiveWeight share of the index
     */
    public record NodeInfo(String code, String parent, Names name, int depth, String aggregation, String weighting,
                           double weight, double effectiveWeight, double[] scores, int[] ranks,
                           Map<String, Method> methods) {

        /** A node whose methods are known only as text. */
        public NodeInfo(String code, String parent, Names name, int depth, String aggregation, String weighting,
                        double weight, double effectiveWeight, double[] scores, int[] ranks) {
            this(code, parent, name, depth, aggregation, weighting, weight, effectiveWeight, scores, ranks, Map.of());
        }
    }

    /** @param methods normalisation, imputation and treatment with their parameters (empty where only text is known) */
    public record IndicatorInfo(String code, String parent, Names name, String unit, int direction, String channel,
                                String source, String field, String statistic, String normalisation,
                                String imputation, String treatment, String definition, double weight,
                                double effectiveWeight, int[] ranks, Map<String, Method> methods) {

        /** An indicator whose methods are known only as text. */
        public IndicatorInfo(String code, String parent, Names name, String unit, int direction, String channel,
                             String source, String field, String statistic, String normalisation,
                             String imputation, String treatment, String definition, double weight,
                             double effectiveWeight, int[] ranks) {
            this(code, parent, name, unit, direction, channel, source, field, statistic, normalisation, imputation,
                    treatment, definition, weight, effectiveWeight, ranks, Map.of());
        }
    }

    /**
     * A method as the framework file chose it, with its parameters in their own types: numbers as {@code Double},
     * text as {@code String}, flags as {@code Boolean}, lists as {@code List}.
     */
    public record Method(String method, Map<String, Object> parameters) {
    }

    /**
     * One unit's line of the ranking table.
     *
     * @param dimensionScores         in the order of the index's children
     * @param scoreChange             change of the index score against last year (NaN if no previous results)
     * @param rankChange              previous rank minus this rank (positive = moved up; null if no previous results)
     * @param previousDimensionScores last year's score on each dimension, in the order of {@code dimensionScores};
     *                                NaN where last year's results have none (no previous results, a unit or a
     *                                dimension they do not score)
     * @param previousDimensionRanks  last year's rank on each dimension; 0 where they have none
     * @param group                   the unit's group when the framework ranks within groups (null otherwise, or for
     *                                a unit without one)
     * @param groupRank               its rank within that group (0 = unranked, or ranks are not by group)
     * @param groupTier               its tier within that group: the framework's tier rule applied to the group's
     *                                ranked units alone (0 = unranked, or ranks are not by group)
     * @param dimensionGroupRanks     its rank within the group on each dimension, in the order of
     *                                {@code dimensionScores}
     */
    public record RankingRow(String unit, double score, int rank, int tier, double[] dimensionScores,
                             int[] dimensionRanks, double previousScore, Integer previousRank, double scoreChange,
                             Integer rankChange, double[] previousDimensionScores, int[] previousDimensionRanks,
                             String group, int groupRank, int groupTier, int[] dimensionGroupRanks) {

        /** A row of a report ranked in one list. */
        public RankingRow(String unit, double score, int rank, int tier, double[] dimensionScores,
                          int[] dimensionRanks, double previousScore, Integer previousRank, double scoreChange,
                          Integer rankChange, double[] previousDimensionScores, int[] previousDimensionRanks) {
            this(unit, score, rank, tier, dimensionScores, dimensionRanks, previousScore, previousRank, scoreChange,
                    rankChange, previousDimensionScores, previousDimensionRanks, null, 0, 0, null);
        }

        public RankingRow {
            if (dimensionGroupRanks == null) {
                dimensionGroupRanks = new int[dimensionScores == null ? 0 : dimensionScores.length];
            }
            int k = dimensionScores == null ? 0 : dimensionScores.length;
            if (previousDimensionScores == null) {
                previousDimensionScores = new double[k];
                java.util.Arrays.fill(previousDimensionScores, Double.NaN);
            }
            if (previousDimensionRanks == null) {
                previousDimensionRanks = new int[k];
            }
        }

        /** A row without last year's dimension results. */
        public RankingRow(String unit, double score, int rank, int tier, double[] dimensionScores,
                          int[] dimensionRanks, double previousScore, Integer previousRank, double scoreChange,
                          Integer rankChange) {
            this(unit, score, rank, tier, dimensionScores, dimensionRanks, previousScore, previousRank, scoreChange,
                    rankChange, null, null);
        }

        /** Change of the score on dimension {@code d} against last year: NaN where either score is missing. */
        public double dimensionScoreChange(int d) {
            return dimensionScores[d] - previousDimensionScores[d];
        }

        /** Last year's rank on dimension {@code d} minus this year's (positive = moved up); null unless both exist. */
        public Integer dimensionRankChange(int d) {
            return dimensionRanks[d] > 0 && previousDimensionRanks[d] > 0
                    ? previousDimensionRanks[d] - dimensionRanks[d] : null;
        }
    }

    /**
     * The top units on one node (the index's dimensions), best first.
     *
     * @param group null: the overall list; else the list of one group (ranks within the group), for a framework
     *              that ranks within groups
     */
    public record TopList(String node, Names name, List<TopEntry> entries, String group) {

        /** An overall top list. */
        public TopList(String node, Names name, List<TopEntry> entries) {
            this(node, name, entries, null);
        }
    }

    public record TopEntry(int rank, String unit, double score) {
    }

    /**
     * One named data set: raw, denominated, imputed, treated, normalised (values {@code [indicator][unit]}), with the
     * cells that stage changed flagged, and for raw the cell each value came from.
     */
    public record StageData(String name, double[][] values, boolean[][] flagged, String[][] provenance) {
    }

    public record NodeWeightInfo(String node, String method, String detail, String[] children, double[] weights) {
    }

    public record TreatmentInfo(String indicator, String method, double skewBefore, double kurtBefore,
                                double skewAfter, double kurtAfter, int winsorised, boolean logTransformed,
                                boolean treated) {
    }

    /** Mean score of the index and each dimension by one grouping (region, city type). */
    public record GroupMeans(String grouping, String group, int units, String[] nodes, double[] means) {
    }

    /**
     * Improvement ranking: units ordered by index score change against last year.
     *
     * @param group                 the unit's group when the framework ranks within groups (null otherwise, or for a
     *                              unit without one)
     * @param groupRank             rank of its index score change among its group's units in the improvement ranking
     *                              (0 = no group, or ranks are not by group)
     * @param dimensionScoreChanges change of each dimension's score, in the order of the index's children (NaN where
     *                              a year lacks it); empty when ranks are not by group
     * @param dimensionGroupRanks   rank of each dimension's score change within the group (0 = no change, no group)
     */
    public record ImprovementRow(int rank, String unit, double scoreChange, double score, double previousScore,
                                 Integer rankChange, String group, int groupRank, double[] dimensionScoreChanges,
                                 int[] dimensionGroupRanks) {

        public ImprovementRow {
            dimensionScoreChanges = dimensionScoreChanges == null ? new double[0] : dimensionScoreChanges;
            dimensionGroupRanks = dimensionGroupRanks == null ? new int[0] : dimensionGroupRanks;
        }

        /** A row of a report ranked in one list. */
        public ImprovementRow(int rank, String unit, double scoreChange, double score, double previousScore,
                              Integer rankChange) {
            this(rank, unit, scoreChange, score, previousScore, rankChange, null, 0, null, null);
        }
    }

    /**
     * The method used at one node or indicator (the Methodology sheet).
     *
     * @param text the method in plain words, Chinese and English
     * @param term the technical name of the method (the framework's own spelling, or the analysis's name)
     */
    public record MethodLine(String element, String level, Names text, Names term) {
    }

    /**
     * A survey indicator's value for one unit that rests on fewer valid answers than the survey source's minimum
     * sample ({@code min-sample}): the survey step's finding, this year's only.
     *
     * @param unit      the unit's code
     * @param indicator the indicator's code
     * @param question  the survey question (column) the indicator reads
     * @param answers   valid answers to it from this unit
     * @param minimum   the source's minimum sample
     */
    public record ThinSampleInfo(String unit, String indicator, String question, int answers, int minimum) {
    }

    /**
     * A survey indicator's values with their precision and broken down, this year's: arrays over units follow
     * {@link Report#units()}, NaN where there is no value. See docs/methods.md (survey standard errors).
     *
     * @param minSample      the source's minimum sample: a value on fewer answers is flagged (an empty cell is not)
     * @param breakdownMinSample the same for a cell of the breakdowns (one size class or industry of a unit):
     *                       the source's {@code breakdown-min-sample}, its {@code min-sample} when not stated
     * @param answers        valid answers behind each unit's value (all size classes)
     * @param standardError  the value's standard error under the post-stratification by size class
     * @param low            value − 1.96·SE, clipped to 0; {@code high}: value + 1.96·SE, clipped to 100
     * @param sizeValues     {@code [size class][unit]}, micro, small, medium: each class's own statistic;
     *                       {@code sizeAnswers} likewise
     * @param industries     the industries as the survey names them ("" = not given), sorted, "" last
     * @param industryValues {@code [industry][unit]}, post-stratified to the size mix; {@code industryAnswers} likewise
     */
    public record SurveyIndicatorInfo(String indicator, String source, String question, String statistic,
                                      int minSample, int breakdownMinSample, double[] value, int[] answers, double[] standardError,
                                      double[] low, double[] high, double[][] sizeValues, int[][] sizeAnswers,
                                      List<String> industries, double[][] industryValues, int[][] industryAnswers) {

        /** The size classes of {@code sizeValues}, by their framework names. */
        public static final List<String> SIZES = List.of("micro", "small", "medium");

        /** Whether a cell of this many answers is under the minimum sample (an empty cell has no value to flag). */
        public boolean thin(int n) {
            return n > 0 && n < minSample;
        }

        /** Whether a breakdown's cell of this many answers is under {@link #breakdownMinSample}. */
        public boolean thinBreakdown(int n) {
            return n > 0 && n < breakdownMinSample;
        }
    }

    /**
     * Statistical coherence: correlations of indicators with their dimension, Cronbach's alpha and PCA variance
     * explained per dimension. Null where not computed.
     */
    public record CoherenceTable(String[] indicators, double[][] pearson, double[][] spearman,
                            List<ParentCorrelation> withParent, List<DimensionStats> dimensions) {
    }

    public record ParentCorrelation(String indicator, String parent, double pearson, double spearman,
                                    boolean negative) {
    }

    public record DimensionStats(String node, double cronbachAlpha, double[] varianceExplained) {
    }
}
