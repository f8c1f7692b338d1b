package org.bizenv.report.card;

import static org.bizenv.report.ReportLookup.nonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;
import org.bizenv.report.excel.ReportLabels;
import org.bizenv.robustness.Percentiles;

/**
 * Builds the {@link CityCard}s of a {@link Report}: plain Java over the report model, no I/O. Every number on a card
 * is read from the report (scores, ranks, tiers, indicator ranks, the rank band, the reversal sentences); the only
 * numbers computed here are the medians and best values that a card sets a city's numbers against, and the gap to
 * the median. A report that breaks its own contract (an array shorter than the unit list, an unknown unit) is
 * rejected by {@link ReportLookup}, the same checks as the other two renderings, with a message naming the element.
 */
public final class CityCards {

    /** How many strongest and weakest indicators a card lists. */
    static final int SHOWN = 3;

    private CityCards() {
    }

    /** One card per ranked unit, best rank first (ties in the report's unit order). */
    public static List<CityCard> of(Report report) {
        var m = new Model(report);
        List<CityCard> out = new ArrayList<>();
        for (var row : m.ranked) {
            out.add(m.card(row));
        }
        return List.copyOf(out);
    }

    /** The units that get a card, in card order (best rank first), without building the cards. */
    public static List<String> units(Report report) {
        return new Model(report).ranked.stream().map(Report.RankingRow::unit).toList();
    }

    /** The card of one ranked unit. */
    public static CityCard of(Report report, String unit) {
        var m = new Model(report);
        for (var row : m.ranked) {
            if (row.unit().equals(unit)) {
                return m.card(row);
            }
        }
        throw new IllegalArgumentException("no ranked unit '" + unit + "' in the report");
    }

    /** The report, indexed once for all its cards (and checked for consistency by {@link ReportLookup}). */
    private static final class Model {
        final Report r;
        final ReportLookup lookup;
        final Report.Meta meta;
        final Report.NodeInfo index;
        final List<Report.NodeInfo> dims;
        final List<Report.IndicatorInfo> indicators;
        /** Values as they entered the scoring before treatment: the imputed stage, else denominated, else raw. */
        final double[][] values;
        final boolean[][] imputed;
        final boolean[][] treated;
        final List<Report.RankingRow> ranked;
        /** Dimensions on which last year's results score no unit, though there are last year's results. */
        final List<Names> noPrevious = new ArrayList<>();
        final CardText text;
        /** Each dimension's median, best unit (−1: none) and ranked count: the same on every card, so found once. */
        final double[] dimMedian;
        final int[] dimBest;
        final int[] dimRanked;
        /** The same for each indicator's values, found when a card first lists the indicator (null: not yet). */
        final IndicatorStats[] indicatorStats;
        /** Ranked units with a group rank, per group value. */
        final Map<String, Integer> groupRanked = new HashMap<>();

        /** An indicator's median value, best unit (−1: none) and ranked count, as every card sets a city against. */
        private record IndicatorStats(double median, int best, int ranked) {
        }

        Model(Report report) {
            this.r = report;
            if (report == null) {
                throw new IllegalArgumentException("inconsistent report: no report");
            }
            this.lookup = new ReportLookup(report);
            this.meta = report.meta();
            if (lookup.index == null) {
                throw new IllegalArgumentException("inconsistent report: report has no index node");
            }
            this.index = lookup.index;
            this.dims = lookup.dimensions;
            this.indicators = nonNull(report.indicators());
            this.values = stageValues("imputed", "denominated", "raw");
            this.imputed = flags("imputed");
            this.treated = flags("treated");
            this.ranked = rankedRows();
            if (meta.previousYear() != null) {
                for (int d = 0; d < dims.size(); d++) {
                    final int k = d;
                    if (nonNull(r.ranking()).stream().noneMatch(x -> Double.isFinite(x.previousDimensionScores()[k]))) {
                        noPrevious.add(dims.get(d).name() == null ? new Names(dims.get(d).code(), dims.get(d).code())
                                : dims.get(d).name());
                    }
                }
            }
            this.text = new CardText(meta, index, dims.size(), ranked.size(), scoresOnHundredScale());
            this.dimMedian = new double[dims.size()];
            this.dimBest = new int[dims.size()];
            this.dimRanked = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                var node = dims.get(d);
                dimMedian[d] = Percentiles.median(node.scores());
                dimBest[d] = bestUnit(node.ranks(), node.scores());
                dimRanked[d] = ranked(node.ranks());
            }
            this.indicatorStats = new IndicatorStats[indicators.size()];
            for (var row : ranked) {
                if (row.group() != null && row.groupRank() > 0) {
                    groupRanked.merge(row.group(), 1, Integer::sum);
                }
            }
        }

        private List<Report.RankingRow> rankedRows() {
            List<Report.RankingRow> rows = new ArrayList<>();
            for (var row : nonNull(r.ranking())) {
                if (row.rank() > 0) {
                    rows.add(row);
                }
            }
            rows.sort(Comparator.comparingInt(Report.RankingRow::rank)
                    .thenComparingInt(x -> lookup.unitIndex(x.unit())));
            return List.copyOf(rows);
        }

        CityCard card(Report.RankingRow row) {
            int u = lookup.unitIndex(row.unit());
            Names name = r.units().get(u).name();
            var edition = new CityCard.Edition(meta.frameworkId(), meta.frameworkName(), meta.frameworkVersion(),
                    meta.year(), meta.generatedAt(), meta.engineVersion(), meta.synthetic(), meta.decimals(),
                    meta.previousYear());
            Names tierName = tierName(row.tier());
            int groupRanked = row.group() == null ? 0 : this.groupRanked.getOrDefault(row.group(), 0);
            var headline = new CityCard.Headline(row.score(), row.rank(), ranked.size(), row.tier(), tierName,
                    row.previousScore(), row.previousRank(), row.scoreChange(), row.rankChange(),
                    meta.rankingGroups(), row.group(), row.groupRank(), groupRanked, groupName(row.group()),
                    row.groupTier(), tierName(row.groupTier()));
            List<CityCard.DimensionLine> dimLines = new ArrayList<>();
            for (int d = 0; d < dims.size(); d++) {
                var node = dims.get(d);
                int best = dimBest[d];
                dimLines.add(new CityCard.DimensionLine(node.code(), node.name(), row.dimensionScores()[d],
                        row.dimensionRanks()[d], dimRanked[d], dimMedian[d],
                        best < 0 ? Double.NaN : node.scores()[best], best < 0 ? null : lookup.unitCodes.get(best),
                        best < 0 ? null : r.units().get(best).name(), row.previousDimensionScores()[d],
                        row.previousDimensionRanks()[d], row.dimensionScoreChange(d), row.dimensionRankChange(d)));
            }
            List<Integer> order = indicatorOrder(u);
            // never list one indicator as both: with fewer than six ranked ones they share them, strongest first
            int strong = Math.min(SHOWN, (order.size() + 1) / 2);
            int weak = Math.min(SHOWN, order.size() - strong);
            List<CityCard.IndicatorLine> strongest = new ArrayList<>();
            for (int k = 0; k < strong; k++) {
                strongest.add(indicatorLine(order.get(k), u));
            }
            List<CityCard.IndicatorLine> weakest = new ArrayList<>();
            for (int k = 0; k < weak; k++) {
                weakest.add(indicatorLine(order.get(order.size() - 1 - k), u));
            }
            return new CityCard(row.unit(), name, edition, headline, dimLines,
                    noPrevious.isEmpty() ? null : text.noPreviousDimensions(noPrevious), strongest, weakest,
                    certainty(row, name), dataNotes(row.unit(), u), text.meaning());
        }

        /** Tier {@code tier}'s name (tier n is {@code meta.tierNames[n-1]}), or null for none (0) or one unnamed. */
        private Names tierName(int tier) {
            return tier > 0 && meta.tierNames() != null && tier <= meta.tierNames().size()
                    ? meta.tierNames().get(tier - 1) : null;
        }

        /** A group value's name as the sheets give it; one the engine has no name for, as it is in both languages. */
        private static Names groupName(String group) {
            if (group == null) {
                return null;
            }
            Names n = ReportLabels.groupName(group);
            return n == null ? new Names(group, group) : n;
        }

        /** The city's ranked indicators, best rank first; ties by larger weight in the index, then framework order. */
        private List<Integer> indicatorOrder(int u) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.get(i).ranks()[u] > 0) {
                    order.add(i);
                }
            }
            order.sort(Comparator.<Integer>comparingInt(i -> indicators.get(i).ranks()[u])
                    .thenComparing(i -> -indicators.get(i).effectiveWeight()).thenComparingInt(i -> i));
            return order;
        }

        private CityCard.IndicatorLine indicatorLine(int i, int u) {
            var ind = indicators.get(i);
            double[] v = values == null ? null : values[i];
            if (indicatorStats[i] == null) {
                indicatorStats[i] = new IndicatorStats(v == null ? Double.NaN : Percentiles.median(v),
                        bestUnit(ind.ranks(), v), ranked(ind.ranks()));
            }
            int best = indicatorStats[i].best();
            double value = v == null ? Double.NaN : v[u];
            return new CityCard.IndicatorLine(ind.code(), ind.name(), ind.unit(), ind.direction(), ind.ranks()[u],
                    indicatorStats[i].ranked(), value, imputed != null && imputed[i][u], indicatorStats[i].median(),
                    best < 0 || v == null ? Double.NaN : v[best], best < 0 ? null : lookup.unitCodes.get(best),
                    best < 0 ? null : r.units().get(best).name());
        }

        private CityCard.Certainty certainty(Report.RankingRow row, Names name) {
            RobustnessSection rb = r.robustness();
            RobustnessSection.UncertaintyRow band = null;
            int runs = 0;
            if (rb != null && rb.uncertainty() != null) {
                runs = rb.uncertainty().runs();
                for (var x : nonNull(rb.uncertainty().units())) {
                    if (x.unit().equals(row.unit())) {
                        band = x;
                    }
                }
            }
            RobustnessSection.Reversal ahead = null;  // this city stays ahead of the one behind unless…
            RobustnessSection.Reversal behind = null; // the one ahead stays ahead of this city unless…
            if (rb != null) {
                for (var x : nonNull(rb.reversals())) {
                    if (!index.code().equals(x.node())) {
                        continue;
                    }
                    if (x.ahead().equals(row.unit()) && ahead == null) {
                        ahead = x;
                    } else if (x.behind().equals(row.unit()) && behind == null) {
                        behind = x;
                    }
                }
            }
            RobustnessSection.Reversal nearest = ahead;
            RobustnessSection.Reversal other = behind;
            if (nearest == null || (other != null && closer(other, nearest))) {
                nearest = behind;
                other = ahead;
            }
            Names perturbation = rb == null || rb.settings() == null ? null : text.perturbation(rb.settings());
            Names bandText = band == null
                    ? text.noBand(rb != null)
                    : text.band(name, band, runs, perturbation, row.tier(), meta.tierNames());
            Names sampling = null;
            if (rb != null && rb.sampling() != null) {
                for (var u : nonNull(rb.sampling().units())) {
                    if (u.unit().equals(row.unit())) {
                        sampling = u.sentence();
                    }
                }
            }
            return new CityCard.Certainty(band != null, band == null ? 0 : runs,
                    band == null ? Double.NaN : band.rankP05(), band == null ? Double.NaN : band.rankP95(), bandText,
                    nearest == null ? null : nearest.sentence(), other == null ? null : other.sentence(), sampling);
        }

        /** A reversal that needs a smaller weight change is nearer; one that no reweighting makes is never nearer. */
        private static boolean closer(RobustnessSection.Reversal a, RobustnessSection.Reversal b) {
            double ma = "TIED".equals(a.status()) ? 0 : a.margin();
            double mb = "TIED".equals(b.status()) ? 0 : b.margin();
            return Double.compare(ma, mb) < 0;
        }

        private CityCard.DataNotes dataNotes(String code, int u) {
            List<CityCard.Flag> imp = new ArrayList<>();
            List<CityCard.Flag> tr = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                var ind = indicators.get(i);
                if (imputed != null && imputed[i][u]) {
                    imp.add(new CityCard.Flag(ind.code(), ind.name(), text.imputedBy(ind.imputation())));
                }
                if (treated != null && treated[i][u]) {
                    tr.add(new CityCard.Flag(ind.code(), ind.name(), text.treatedBy(ind.treatment())));
                }
            }
            List<CityCard.Flag> thin = new ArrayList<>();
            for (var t : nonNull(r.thinSamples())) {
                if (t.unit().equals(code)) {
                    thin.add(new CityCard.Flag(t.indicator(), lookup.indicator(t.indicator()).name(),
                            text.thinSample(t.answers(), t.question(), t.minimum())));
                }
            }
            return new CityCard.DataNotes(imp, tr, thin);
        }

        /** Whether every node score and normalised value lies in [0, 100], so that "0–100" is true of this report. */
        private boolean scoresOnHundredScale() {
            for (var node : nonNull(r.nodes())) {
                for (double s : node.scores()) {
                    if (Double.isFinite(s) && (s < -1e-9 || s > 100 + 1e-9)) {
                        return false;
                    }
                }
            }
            double[][] normalised = stageValues("normalised", "normalized");
            if (normalised != null) {
                for (double[] row : normalised) {
                    for (double s : row) {
                        if (Double.isFinite(s) && (s < -1e-9 || s > 100 + 1e-9)) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /** The first of the named stages the report has (its shape checked by {@link ReportLookup}), or null. */
        private double[][] stageValues(String... names) {
            for (String name : names) {
                for (var s : nonNull(r.stages())) {
                    if (name.equals(s.name())) {
                        return s.values();
                    }
                }
            }
            return null;
        }

        private boolean[][] flags(String stage) {
            for (var s : nonNull(r.stages())) {
                if (stage.equals(s.name())) {
                    return s.flagged();
                }
            }
            return null;
        }

        /** The unit ranked first (lowest rank ≥ 1; ties in unit order) that has a value, or −1. */
        private static int bestUnit(int[] ranks, double[] values) {
            int best = -1;
            for (int u = 0; u < ranks.length; u++) {
                if (ranks[u] > 0 && (values == null || Double.isFinite(values[u]))
                        && (best < 0 || ranks[u] < ranks[best])) {
                    best = u;
                }
            }
            return best;
        }

        private static int ranked(int[] ranks) {
            int n = 0;
            for (int x : ranks) {
                if (x > 0) {
                    n++;
                }
            }
            return n;
        }
    }
}
