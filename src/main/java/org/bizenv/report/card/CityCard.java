package org.bizenv.report.card;

import java.util.List;

import org.bizenv.framework.Names;

/**
 * Everything one city's one-page report card shows, as plain data: every number is the report's own number (nothing
 * is recomputed that the report already states), every sentence is bilingual (Chinese first). Built by
 * {@link CityCards}; rendered by {@link CityCardWriter}. NaN = missing, rank 0 = unranked.
 *
 * @param unit       the unit's code
 * @param name       its bilingual name
 * @param edition    which evaluation, year and build this card belongs to
 * @param headline   index score, rank out of N, tier and the change since last year
 * @param dimensions each of the index's dimensions, in the framework's order
 * @param changeNote why some dimensions show no change since last year (last year's results do not score them), or
 *                   null
 * @param strongest  the three indicators on which the city ranks best among the cities, best first
 * @param weakest    the three on which it ranks worst, worst first
 * @param certainty  how sure the rank is (uncertainty band, nearest rank reversal), or why that cannot be said
 * @param data       which of its values were imputed, treated as outliers or rest on a thin survey sample
 * @param meaning    what the scores mean, in one sentence for someone who has never seen a composite indicator
 */
public record CityCard(String unit, Names name, Edition edition, Headline headline, List<DimensionLine> dimensions,
                       Names changeNote, List<IndicatorLine> strongest, List<IndicatorLine> weakest, Certainty certainty,
                       DataNotes data, Names meaning) {

    public CityCard {
        dimensions = List.copyOf(dimensions);
        strongest = List.copyOf(strongest);
        weakest = List.copyOf(weakest);
    }

    /**
     * @param framework    the evaluation's bilingual name
     * @param synthetic    the report was computed from synthetic data: every sheet must say so
     * @param decimals     decimals the report publishes scores with
     * @param previousYear the year the changes are against, or null without last year's results
     */
    public record Edition(String frameworkId, Names framework, String frameworkVersion, int year,
                          String generatedAt, String engineVersion, boolean synthetic, int decimals,
                          Integer previousYear) {
    }

    /**
     * @param ranked       how many units have an index rank (the N of "rank r of N")
     * @param tierName     the tier's bilingual name, or null when unscored
     * @param scoreChange  index score change since last year (NaN without last year's results)
     * @param rankChange   last year's rank minus this year's (positive = moved up; null without it)
     * @param grouping     the grouping the framework also ranks within ({@code ranking.groups}); null = one list
     * @param group        the city's group in it (null without)
     * @param groupRank    its index rank within the group (0 = none)
     * @param groupRanked  how many units of the group have a rank in it (the n of "rank k of n in its group")
     * @param groupName    the group's name in Chinese and English, as the report's sheets name it (the group value
     *                     itself in both where the engine has no name for it); null without a group
     * @param groupTier    its tier within the group (the framework's tier rule applied to the group alone; 0 = none)
     * @param groupTierName that tier's name, or null
     */
    public record Headline(double score, int rank, int ranked, int tier, Names tierName, double previousScore,
                           Integer previousRank, double scoreChange, Integer rankChange, String grouping,
                           String group, int groupRank, int groupRanked, Names groupName, int groupTier,
                           Names groupTierName) {

        /** The headline of a report ranked in one list. */
        public Headline(double score, int rank, int ranked, int tier, Names tierName, double previousScore,
                        Integer previousRank, double scoreChange, Integer rankChange) {
            this(score, rank, ranked, tier, tierName, previousScore, previousRank, scoreChange, rankChange, null,
                    null, 0, 0, null, 0, null);
        }

        /** Whether the card states a rank within the city's group. */
        public boolean hasGroupRank() {
            return group != null && groupRank > 0;
        }
    }

    /**
     * One dimension of the index.
     *
     * @param ranked        units with a rank on this dimension
     * @param median        median score over the units with a score
     * @param best          the best unit's score
     * @param bestUnit      the best unit's code (the first in rank order when several share rank 1)
     * @param previousScore last year's score on it (NaN where last year's results have none)
     * @param previousRank  last year's rank on it (0 where they have none)
     * @param scoreChange   score − previous score (NaN without both)
     * @param rankChange    previous rank − rank (positive = moved up; null without both)
     */
    public record DimensionLine(String code, Names name, double score, int rank, int ranked, double median,
                                double best, String bestUnit, Names bestName, double previousScore,
                                int previousRank, double scoreChange, Integer rankChange) {

        /** Score − median (NaN without both); higher is better for every dimension score. */
        public double gapToMedian() {
            return score - median;
        }
    }

    /**
     * One of the city's strongest or weakest indicators, in the indicator's own unit of measure.
     *
     * @param measure     the unit of measure, e.g. {@code days}
     * @param direction   +1 higher is better, −1 lower is better
     * @param rank        the city's rank among the cities on this indicator (direction-aware: 1 = best)
     * @param value       the city's value as it entered the scoring, before outlier treatment
     * @param imputed     true when that value was imputed, not reported
     * @param median      median of the cities' values
     * @param best        the value of the city ranked first on it
     */
    public record IndicatorLine(String code, Names name, String measure, int direction, int rank, int ranked,
                                double value, boolean imputed, double median, double best, String bestUnit,
                                Names bestName) {

        /** Value − median, in the indicator's unit (its sign is not "good" or "bad": see direction). */
        public double gapToMedian() {
            return value - median;
        }

        /** Whether the city is on the better side of the median (direction-aware); false at the median. */
        public boolean betterThanMedian() {
            return direction * gapToMedian() > 0;
        }
    }

    /**
     * @param analysed        false when the robustness analysis (or its uncertainty part) was not run
     * @param runs            Monte Carlo runs behind the band
     * @param rankP05         5th percentile rank (the report's, type 7)
     * @param rankP95         95th percentile rank
     * @param band            the band in plain words, or why there is none
     * @param nearestReversal the report's sentence for the closer of the two neighbours (smallest weight change that
     *                        swaps them), or null
     * @param otherReversal   the sentence for the other neighbour, or null
     * @param sampling        the rank interval from redrawing the questionnaire's respondents (the survey bootstrap),
     *                        the report's sentence, or null when it was not run
     */
    public record Certainty(boolean analysed, int runs, double rankP05, double rankP95, Names band,
                            Names nearestReversal, Names otherReversal, Names sampling) {
    }

    /** The city's values that were not simply reported and used as they are. */
    public record DataNotes(List<Flag> imputed, List<Flag> treated, List<Flag> thinSample) {
        public DataNotes {
            imputed = List.copyOf(imputed);
            treated = List.copyOf(treated);
            thinSample = List.copyOf(thinSample);
        }

        public boolean none() {
            return imputed.isEmpty() && treated.isEmpty() && thinSample.isEmpty();
        }
    }

    /**
     * One flagged value.
     *
     * @param detail what was done or how thin the sample is, e.g. "346 份有效回答 / 346 valid answers (minimum 400)"
     */
    public record Flag(String indicator, Names name, Names detail) {
    }
}
