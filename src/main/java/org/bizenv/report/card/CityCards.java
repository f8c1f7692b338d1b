package org.bizenv.report.card;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.RobustnessSection;

/**
 * Builds the {@link CityCard}s of a {@link Report}: plain Java over the report model, no I/O. Every number on a card
 * is read from the report (scores, ranks, tiers, indicator ranks, the rank band, the reversal sentences); the only
 * numbers computed here are the medians and best values that a card sets a city's numbers against, and the gap to
 * the median. A report that breaks its own contract (an array shorter than the unit list, an unknown unit) is
 * rejected with a message naming the element.
 */
public final class CityCards {

    /** How many strongest and weakest indicators a card lists. */
    static final int SHOWN = 3;

    /**
     * The survey step's thin-sample warning, e.g. "indicator FIN.SAT.1: Lhasa (拉萨) has 346 valid answers to Q09,
     * under the minimum sample of 400". The report keeps these flags only as warning text, so this is where a card
     * finds them; last year's ("last year: …") are not this year's values and do not match.
     */
    private static final Pattern THIN = Pattern.compile(
            "indicator (\\S+): (.+) has (\\d+) valid answers to (\\S+), under the minimum sample of (\\d+)");

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

    /** Median of the finite values (mean of the middle two for an even count); NaN when there are none. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int h = v.length / 2;
        return v.length % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2;
    }

    /** The report, indexed once for all its cards. */
    private static final class Model {
        final Report r;
        final Report.Meta meta;
        final List<String> units = new ArrayList<>();
        final Map<String, Integer> unitIndex = new HashMap<>();
        final Report.NodeInfo index;
        final List<Report.NodeInfo> dims = new ArrayList<>();
        final List<Report.IndicatorInfo> indicators;
        /** Values as they entered the scoring before treatment: the imputed stage, else denominated, else raw. */
        final double[][] values;
        final boolean[][] imputed;
        final boolean[][] treated;
        final List<String> thin;
        final List<Report.RankingRow> ranked;
        final CardText text;

        Model(Report report) {
            this.r = require(report, "no report");
            this.meta = require(report.meta(), "report has no meta");
            for (var u : list(report.units())) {
                require(unitIndex.put(u.code(), units.size()) == null, "duplicate unit code '" + u.code() + "'");
                units.add(u.code());
            }
            int n = units.size();
            Report.NodeInfo root = null;
            for (var node : list(report.nodes())) {
                check(node.scores().length == n && node.ranks().length == n, "node " + node.code() + " has "
                        + node.scores().length + " scores and " + node.ranks().length + " ranks for " + n + " units");
                if (root == null && (node.parent() == null || node.parent().isEmpty())) {
                    root = node;
                }
            }
            this.index = require(root, "report has no index node");
            for (var node : list(report.nodes())) {
                if (index.code().equals(node.parent())) {
                    dims.add(node);
                }
            }
            this.indicators = list(report.indicators());
            for (var ind : indicators) {
                check(ind.ranks().length == n, "indicator " + ind.code() + " has " + ind.ranks().length
                        + " ranks for " + n + " units");
            }
            this.values = stageValues("imputed", "denominated", "raw");
            this.imputed = flags("imputed");
            this.treated = flags("treated");
            this.thin = list(report.warnings()).stream().map(org.bizenv.framework.Names::en).toList();
            this.ranked = rankedRows();
            this.text = new CardText(meta, index, dims.size(), ranked.size(), scoresOnHundredScale());
        }

        private List<Report.RankingRow> rankedRows() {
            List<Report.RankingRow> rows = new ArrayList<>();
            for (var row : list(r.ranking())) {
                unit(row.unit());
                check(row.dimensionScores().length == dims.size() && row.dimensionRanks().length == dims.size(),
                        "ranking row " + row.unit() + " has " + row.dimensionScores().length + " dimension scores for "
                                + dims.size() + " dimensions");
                if (row.rank() > 0) {
                    rows.add(row);
                }
            }
            rows.sort(Comparator.comparingInt(Report.RankingRow::rank).thenComparingInt(x -> unitIndex.get(x.unit())));
            return List.copyOf(rows);
        }

        CityCard card(Report.RankingRow row) {
            int u = unit(row.unit());
            Names name = r.units().get(u).name();
            var edition = new CityCard.Edition(meta.frameworkId(), meta.frameworkName(), meta.frameworkVersion(),
                    meta.year(), meta.generatedAt(), meta.engineVersion(), meta.synthetic(), meta.decimals(),
                    meta.previousYear());
            Names tierName = row.tier() > 0 && meta.tierNames() != null && row.tier() <= meta.tierNames().size()
                    ? meta.tierNames().get(row.tier() - 1) : null;
            var headline = new CityCard.Headline(row.score(), row.rank(), ranked.size(), row.tier(), tierName,
                    row.previousScore(), row.previousRank(), row.scoreChange(), row.rankChange());
            List<CityCard.DimensionLine> dimLines = new ArrayList<>();
            for (int d = 0; d < dims.size(); d++) {
                var node = dims.get(d);
                int best = bestUnit(node.ranks(), node.scores());
                dimLines.add(new CityCard.DimensionLine(node.code(), node.name(), row.dimensionScores()[d],
                        row.dimensionRanks()[d], ranked(node.ranks()), median(node.scores()),
                        best < 0 ? Double.NaN : node.scores()[best], best < 0 ? null : units.get(best),
                        best < 0 ? null : r.units().get(best).name()));
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
            return new CityCard(row.unit(), name, edition, headline, dimLines, strongest, weakest,
                    certainty(row, name), dataNotes(u), text.meaning());
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
            int best = bestUnit(ind.ranks(), v);
            double value = v == null ? Double.NaN : v[u];
            double median = v == null ? Double.NaN : median(v);
            return new CityCard.IndicatorLine(ind.code(), ind.name(), ind.unit(), ind.direction(), ind.ranks()[u],
                    ranked(ind.ranks()), value, imputed != null && imputed[i][u], median, value - median,
                    best < 0 || v == null ? Double.NaN : v[best], best < 0 ? null : units.get(best),
                    best < 0 ? null : r.units().get(best).name());
        }

        private CityCard.Certainty certainty(Report.RankingRow row, Names name) {
            RobustnessSection rb = r.robustness();
            RobustnessSection.UncertaintyRow band = null;
            int runs = 0;
            if (rb != null && rb.uncertainty() != null) {
                runs = rb.uncertainty().runs();
                for (var x : list(rb.uncertainty().units())) {
                    unit(x.unit());
                    if (x.unit().equals(row.unit())) {
                        band = x;
                    }
                }
            }
            RobustnessSection.Reversal ahead = null;  // this city stays ahead of the one behind unless…
            RobustnessSection.Reversal behind = null; // the one ahead stays ahead of this city unless…
            if (rb != null) {
                for (var x : list(rb.reversals())) {
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
            return new CityCard.Certainty(band != null, band == null ? 0 : runs,
                    band == null ? Double.NaN : band.rankP05(), band == null ? Double.NaN : band.rankP95(), bandText,
                    nearest == null ? null : nearest.sentence(), other == null ? null : other.sentence());
        }

        /** A reversal that needs a smaller weight change is nearer; one that no reweighting makes is never nearer. */
        private static boolean closer(RobustnessSection.Reversal a, RobustnessSection.Reversal b) {
            double ma = "TIED".equals(a.status()) ? 0 : a.margin();
            double mb = "TIED".equals(b.status()) ? 0 : b.margin();
            return Double.compare(ma, mb) < 0;
        }

        private CityCard.DataNotes dataNotes(int u) {
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
            List<CityCard.Flag> thinFlags = new ArrayList<>();
            var unit = r.units().get(u);
            for (String w : thin) {
                var mt = THIN.matcher(w);
                if (!mt.matches() || !isUnitLabel(mt.group(2), unit)) {
                    continue;
                }
                var ind = indicatorByCode(mt.group(1));
                thinFlags.add(new CityCard.Flag(mt.group(1), ind == null ? null : ind.name(),
                        text.thinSample(Integer.parseInt(mt.group(3)), mt.group(4), Integer.parseInt(mt.group(5)))));
            }
            return new CityCard.DataNotes(imp, tr, thinFlags);
        }

        /** The survey step names a unit as "English (中文)" when the run has a city registry, else by its code. */
        private static boolean isUnitLabel(String label, Report.UnitInfo unit) {
            if (label.equals(unit.code())) {
                return true;
            }
            Names n = unit.name();
            return n != null && label.equals(n.en() + " (" + n.zh() + ")");
        }

        private Report.IndicatorInfo indicatorByCode(String code) {
            for (var ind : indicators) {
                if (ind.code().equals(code)) {
                    return ind;
                }
            }
            return null;
        }

        /** Whether every node score and normalised value lies in [0, 100], so that "0–100" is true of this report. */
        private boolean scoresOnHundredScale() {
            for (var node : list(r.nodes())) {
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

        private double[][] stageValues(String... names) {
            for (String name : names) {
                for (var s : list(r.stages())) {
                    if (name.equals(s.name())) {
                        checkMatrix(s.values(), "stage " + name + " values");
                        return s.values();
                    }
                }
            }
            return null;
        }

        private boolean[][] flags(String stage) {
            for (var s : list(r.stages())) {
                if (stage.equals(s.name()) && s.flagged() != null) {
                    check(s.flagged().length == indicators.size(), "stage " + stage + " flags "
                            + s.flagged().length + " indicators, the report has " + indicators.size());
                    for (boolean[] f : s.flagged()) {
                        check(f != null && f.length == units.size(), "stage " + stage + " flags need "
                                + units.size() + " values per indicator");
                    }
                    return s.flagged();
                }
            }
            return null;
        }

        private void checkMatrix(double[][] m, String what) {
            check(m != null && m.length == indicators.size(), what + " must have " + indicators.size() + " rows");
            for (double[] row : m) {
                check(row != null && row.length == units.size(), what + " must have " + units.size()
                        + " values per row");
            }
        }

        private int unit(String code) {
            Integer i = unitIndex.get(code);
            check(i != null, "unknown unit code '" + code + "'");
            return i;
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

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <T> T require(T value, String message) {
        check(value != null, message);
        return value;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("inconsistent report: " + message);
        }
    }
}
