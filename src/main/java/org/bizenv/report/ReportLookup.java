package org.bizenv.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bizenv.framework.Names;

/**
 * Indexes over one {@link Report} that both writers need: units, nodes and indicators by code, the index (root) and
 * its dimensions, and a check that every array has the length the model promises. A report that breaks its own
 * contract (duplicate codes, a score array shorter than the unit list) is rejected here with a message naming the
 * offending element, rather than rendered wrongly. Public for the writers, which live in {@code report.excel} and
 * {@code report.json}.
 */
public final class ReportLookup {

    public final Report report;
    public final List<String> unitCodes;
    public final List<String> indicatorCodes;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final Map<String, Report.UnitInfo> units = new HashMap<>();
    private final Map<String, Report.NodeInfo> nodes = new LinkedHashMap<>();
    private final Map<String, Report.IndicatorInfo> indicators = new LinkedHashMap<>();
    private final Map<String, Report.NodeWeightInfo> weights = new HashMap<>();
    public final Report.NodeInfo index;
    public final List<Report.NodeInfo> dimensions;

    public ReportLookup(Report report) {
        this.report = report;
        require(report.meta() != null, "report has no meta");
        var unitList = nonNull(report.units());
        List<String> codes = new ArrayList<>(unitList.size());
        for (int u = 0; u < unitList.size(); u++) {
            var unit = unitList.get(u);
            require(unit.code() != null && !unit.code().isEmpty(), "unit " + u + " has no code");
            require(unitIndex.put(unit.code(), u) == null, "duplicate unit code '" + unit.code() + "'");
            units.put(unit.code(), unit);
            codes.add(unit.code());
        }
        unitCodes = List.copyOf(codes);
        int n = unitCodes.size();
        Report.NodeInfo root = null;
        for (var node : nonNull(report.nodes())) {
            require(nodes.put(node.code(), node) == null, "duplicate node code '" + node.code() + "'");
            requireLength(node.scores(), n, "node " + node.code() + " scores");
            requireLength(node.ranks(), n, "node " + node.code() + " ranks");
            if (root == null && (node.parent() == null || node.parent().isEmpty())) {
                root = node;
            }
        }
        index = root;
        List<Report.NodeInfo> dims = new ArrayList<>();
        if (root != null) {
            for (var node : nodes.values()) {
                if (root.code().equals(node.parent())) {
                    dims.add(node);
                }
            }
        }
        dimensions = List.copyOf(dims);
        List<String> indCodes = new ArrayList<>();
        for (var ind : nonNull(report.indicators())) {
            require(!nodes.containsKey(ind.code()) && indicators.put(ind.code(), ind) == null,
                    "duplicate indicator code '" + ind.code() + "'");
            requireLength(ind.ranks(), n, "indicator " + ind.code() + " ranks");
            indCodes.add(ind.code());
        }
        indicatorCodes = List.copyOf(indCodes);
        for (var row : nonNull(report.ranking())) {
            unit(row.unit());
            requireLength(row.dimensionScores(), dimensions.size(), "ranking row " + row.unit() + " dimensionScores");
            requireLength(row.dimensionRanks(), dimensions.size(), "ranking row " + row.unit() + " dimensionRanks");
            requireLength(row.previousDimensionScores(), dimensions.size(), "ranking row " + row.unit()
                    + " previousDimensionScores");
            requireLength(row.previousDimensionRanks(), dimensions.size(), "ranking row " + row.unit()
                    + " previousDimensionRanks");
        }
        var stageNames = new java.util.HashSet<String>();
        for (var stage : nonNull(report.stages())) {
            require(stage.name() != null && stageNames.add(stage.name()),
                    "stage names must be present and unique: '" + stage.name() + "'");
            requireMatrix(stage.values(), "stage " + stage.name() + " values");
            if (stage.flagged() != null) {
                require(stage.flagged().length == indCodes.size(), "stage " + stage.name() + " flagged has "
                        + stage.flagged().length + " rows, expected " + indCodes.size());
                for (int i = 0; i < indCodes.size(); i++) {
                    require(stage.flagged()[i] != null && stage.flagged()[i].length == n,
                            "stage " + stage.name() + " flagged row " + indCodes.get(i) + " must have " + n
                                    + " values");
                }
            }
            if (stage.provenance() != null) {
                require(stage.provenance().length == indCodes.size(), "stage " + stage.name()
                        + " provenance has " + stage.provenance().length + " rows, expected " + indCodes.size());
                for (int i = 0; i < indCodes.size(); i++) {
                    require(stage.provenance()[i] != null && stage.provenance()[i].length == n,
                            "stage " + stage.name() + " provenance row " + indCodes.get(i) + " must have " + n
                                    + " values");
                }
            }
        }
        for (var w : nonNull(report.weights())) {
            require(w.children() != null && w.weights() != null && w.children().length == w.weights().length,
                    "weights of node " + w.node() + ": children and weights differ in length");
            requireUnique(w.children(), "weights of node " + w.node() + ": children");
            weights.put(w.node(), w);
        }
        for (var g : nonNull(report.groupMeans())) {
            require(g.nodes() != null && g.means() != null && g.nodes().length == g.means().length,
                    "group means " + g.grouping() + "/" + g.group() + ": nodes and means differ in length");
            requireUnique(g.nodes(), "group means " + g.grouping() + "/" + g.group() + ": nodes");
        }
        var c = report.coherence();
        if (c != null) {
            int k = c.indicators() == null ? 0 : c.indicators().length;
            if (c.indicators() != null) {
                requireUnique(c.indicators(), "coherence indicators");
            }
            requireSquare(c.pearson(), k, "coherence pearson");
            requireSquare(c.spearman(), k, "coherence spearman");
        }
        for (var t : nonNull(report.thinSamples())) {
            unit(t.unit());
            require(indicators.containsKey(t.indicator()), "thin survey sample of " + t.unit()
                    + ": unknown indicator code '" + t.indicator() + "'");
        }
        for (var sv : nonNull(report.survey())) {
            checkSurvey(sv, n);
        }
        if (report.robustness() != null) {
            checkRobustness(report.robustness(), n);
        }
    }

    /** A survey indicator's arrays have a value per unit, a row per size class and one per industry. */
    private void checkSurvey(Report.SurveyIndicatorInfo sv, int n) {
        String what = "survey detail of indicator " + sv.indicator();
        require(indicators.containsKey(sv.indicator()), what + ": unknown indicator code");
        for (double[] a : List.of(sv.value(), sv.standardError(), sv.low(), sv.high())) {
            requireLength(a, n, what);
        }
        requireLength(sv.answers(), n, what + " answers");
        int sizes = Report.SurveyIndicatorInfo.SIZES.size();
        require(sv.sizeValues() != null && sv.sizeValues().length == sizes && sv.sizeAnswers() != null
                && sv.sizeAnswers().length == sizes, what + ": not one row per size class");
        int k = nonNull(sv.industries()).size();
        require(sv.industryValues() != null && sv.industryValues().length == k && sv.industryAnswers() != null
                && sv.industryAnswers().length == k, what + ": not one row per industry");
        for (int s = 0; s < sizes; s++) {
            requireLength(sv.sizeValues()[s], n, what + " size values");
            requireLength(sv.sizeAnswers()[s], n, what + " size answers");
        }
        for (int i = 0; i < k; i++) {
            requireLength(sv.industryValues()[i], n, what + " industry values");
            requireLength(sv.industryAnswers()[i], n, what + " industry answers");
        }
    }

    /** The robustness section's arrays over units, children and scenarios have the lengths the model promises. */
    private void checkRobustness(RobustnessSection rb, int n) {
        var u = rb.uncertainty();
        if (u != null) {
            var seen = new java.util.HashSet<String>();
            for (var row : nonNull(u.units())) {
                unit(row.unit());
                require(seen.add(row.unit()), "robustness uncertainty: unit " + row.unit() + " twice");
            }
        }
        if (rb.oneAtATime() != null) {
            for (var x : nonNull(rb.oneAtATime().removals())) {
                requireLength(x.ranks(), n, "robustness removal of " + x.element() + " ranks");
                requireLength(x.shifts(), n, "robustness removal of " + x.element() + " shifts");
            }
        }
        for (var x : nonNull(rb.reversals())) {
            unit(x.ahead());
            unit(x.behind());
            require(x.children() != null, "robustness reversal " + x.ahead() + "/" + x.behind() + ": no children");
            requireUnique(x.children(), "robustness reversal children");
            int k = x.children().length;
            requireLength(x.nominal(), k, "robustness reversal " + x.ahead() + "/" + x.behind() + " nominal");
            require(x.tie() == null || x.tie().length == k, "robustness reversal tie must have " + k + " values");
            require(x.change() == null || x.change().length == k, "robustness reversal change must have " + k
                    + " values");
        }
        var c = rb.scenarios();
        if (c != null) {
            var runs = nonNull(c.scenarios());
            requireUnique(runs.stream().map(RobustnessSection.ScenarioRun::id).toArray(String[]::new),
                    "robustness scenario ids");
            for (var x : runs) {
                requireLength(x.scores(), n, "robustness scenario " + x.id() + " scores");
                requireLength(x.ranks(), n, "robustness scenario " + x.id() + " ranks");
                requireLength(x.tiers(), n, "robustness scenario " + x.id() + " tiers");
                requireLength(x.rankShift(), n, "robustness scenario " + x.id() + " rankShift");
            }
            requireSquare(c.spearman(), runs.size(), "robustness scenarios spearman");
            requireSquare(c.kendall(), runs.size(), "robustness scenarios kendall");
        }
    }

    private void requireMatrix(double[][] m, String what) {
        require(m != null && m.length == indicatorCodes.size(),
                what + " must have one row per indicator (" + indicatorCodes.size() + ")");
        for (int i = 0; i < m.length; i++) {
            requireLength(m[i], unitCodes.size(), what + " row " + indicatorCodes.get(i));
        }
    }

    /** Codes that the JSON document uses as keys of one object must differ. */
    private static void requireUnique(String[] codes, String what) {
        var seen = new java.util.HashSet<String>();
        for (String c : codes) {
            require(c != null && seen.add(c), what + " must be present and unique: '" + c + "'");
        }
    }

    private static void requireSquare(double[][] m, int k, String what) {
        if (m == null) {
            return;
        }
        require(m.length == k, what + " must be " + k + "x" + k);
        for (double[] row : m) {
            require(row != null && row.length == k, what + " must be " + k + "x" + k);
        }
    }

    private static void requireLength(double[] a, int n, String what) {
        require(a != null && a.length == n, what + " must have " + n + " values, has "
                + (a == null ? "none" : a.length));
    }

    private static void requireLength(int[] a, int n, String what) {
        require(a != null && a.length == n, what + " must have " + n + " values, has "
                + (a == null ? "none" : a.length));
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("inconsistent report: " + message);
        }
    }

    public static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    public Report.UnitInfo unit(String code) {
        var u = units.get(code);
        require(u != null, "unknown unit code '" + code + "'");
        return u;
    }

    public int unitIndex(String code) {
        Integer i = unitIndex.get(code);
        require(i != null, "unknown unit code '" + code + "'");
        return i;
    }

    public Report.NodeInfo node(String code) {
        return nodes.get(code);
    }

    public Report.IndicatorInfo indicator(String code) {
        return indicators.get(code);
    }

    public Report.NodeWeightInfo weightsOf(String node) {
        return weights.get(node);
    }

    /** The bilingual name of a unit, node or indicator, or the code itself when it has none. */
    public String label(String code) {
        if (code == null) {
            return "";
        }
        Names names = null;
        if (units.containsKey(code)) {
            names = units.get(code).name();
        } else if (nodes.containsKey(code)) {
            names = nodes.get(code).name();
        } else if (indicators.containsKey(code)) {
            names = indicators.get(code).name();
        }
        return both(names, code);
    }

    public static String both(Names names, String fallback) {
        if (names == null) {
            return fallback == null ? "" : fallback;
        }
        String s = names.both();
        return s == null || s.isEmpty() ? (fallback == null ? "" : fallback) : s;
    }

    /** Group keys over all units, "region" first, then alphabetically: the same columns every time. */
    public List<String> groupKeys() {
        var keys = new java.util.TreeSet<String>();
        for (var u : report.units()) {
            if (u.groups() != null) {
                keys.addAll(u.groups().keySet());
            }
        }
        List<String> out = new ArrayList<>();
        if (keys.remove("region")) {
            out.add("region");
        }
        out.addAll(keys);
        return out;
    }

    /** A map's entries sorted by key, so that output never depends on the map's iteration order. */
    public static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : new TreeMap<>(map);
    }

    public boolean hasPrevious() {
        return report.meta().previousYear() != null || !nonNull(report.improvement()).isEmpty();
    }

    /** The tree in depth-first order (index, its first dimension, that dimension's children…): one code per row. */
    public List<String> treeOrder() {
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (var node : nodes.values()) {
            if (node.parent() != null) {
                children.computeIfAbsent(node.parent(), k -> new ArrayList<>()).add(node.code());
            }
        }
        for (var ind : indicators.values()) {
            children.computeIfAbsent(ind.parent(), k -> new ArrayList<>()).add(ind.code());
        }
        // The weighting's child order is the order the framework states them in
        for (var w : weights.values()) {
            var list = children.get(w.node());
            if (list != null && w.children().length == list.size() && list.containsAll(List.of(w.children()))) {
                children.put(w.node(), List.of(w.children()));
            }
        }
        List<String> out = new ArrayList<>();
        var seen = new java.util.HashSet<String>();
        for (var node : nodes.values()) {
            if (node.parent() == null || node.parent().isEmpty() || !nodes.containsKey(node.parent())) {
                walk(node.code(), children, out, seen);
            }
        }
        for (var code : nodes.keySet()) {
            walk(code, children, out, seen);
        }
        for (var code : indicators.keySet()) {
            walk(code, children, out, seen);
        }
        return out;
    }

    private static void walk(String code, Map<String, List<String>> children, List<String> out,
                             java.util.Set<String> seen) {
        if (!seen.add(code)) {
            return;
        }
        out.add(code);
        for (var c : children.getOrDefault(code, List.of())) {
            walk(c, children, out, seen);
        }
    }

    public boolean isIndicator(String code) {
        return indicators.containsKey(code);
    }
}
