package org.bizenv.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a framework file's {@code nodes} and {@code indicators}, each element on its own: codes, names, weights,
 * directions, sources and method choices. How they form a tree is {@link FrameworkTree#build}'s; this reader keeps
 * the line of each element's {@code parent} key for it.
 */
final class TreeElementsReader {

    private static final Set<String> NODE_KEYS = Set.of("code", "parent", "name", "weight", "aggregation",
            "weighting");
    private static final Set<String> INDICATOR_KEYS = Set.of("code", "parent", "name", "unit", "direction", "weight",
            "source", "field", "statistic", "valid-range", "normalisation", "imputation", "treatment", "denominator",
            "definition", "text-values", "blanks", "transform");

    private final YamlProblems problems;
    private final List<Integer> nodeParentLines = new ArrayList<>();
    private final List<Integer> indicatorParentLines = new ArrayList<>();

    TreeElementsReader(YamlProblems problems) {
        this.problems = problems;
    }

    int[] nodeParentLines() {
        return nodeParentLines.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] indicatorParentLines() {
        return indicatorParentLines.stream().mapToInt(Integer::intValue).toArray();
    }

    List<Node> nodes(SequenceNode seq, MethodSpec defAgg, MethodSpec defWeighting) {
        List<Node> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (var n : seq.getValue()) {
            YamlMap m = YamlMap.of(n, "a node", NODE_KEYS, problems);
            String code = m.requireCode("code");
            String parent = m.optText("parent", null);
            nodeParentLines.add(m.lineOf("parent"));
            double weight = positiveWeight(m, code);
            out.add(new Node(code, parent, m.requireNames("name"), weight,
                    m.optMethod("aggregation", Methods.AGGREGATION, defAgg),
                    m.optMethod("weighting", Methods.WEIGHTING, defWeighting), m.line()));
        }
        return out;
    }

    List<Indicator> indicators(SequenceNode seq, List<Source> sources, List<Denominator> denominators,
                               Defaults defaults) {
        List<Indicator> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (var n : seq.getValue()) {
            out.add(indicator(YamlMap.of(n, "an indicator", INDICATOR_KEYS, problems), sources, denominators,
                    defaults));
        }
        return out;
    }

    private Indicator indicator(YamlMap m, List<Source> sources, List<Denominator> denominators, Defaults defaults) {
        String code = m.requireCode("code");
        String parent = m.requireText("parent");
        indicatorParentLines.add(m.lineOf("parent"));
        int direction = direction(m, code);
        String sourceId = m.requireText("source");
        Source source = sources.stream().filter(s -> s.id().equals(sourceId)).findFirst().orElse(null);
        if (sourceId != null && source == null) {
            problems.add(m.lineOf("source"), "indicator " + code + ": unknown source '" + sourceId + "'");
        }
        String field = m.requireText("field");
        String statistic = statistic(m, code, source);
        double lo = Double.NaN;
        double hi = Double.NaN;
        double[] range = m.optNumbers("valid-range");
        if (m.has("valid-range")) {
            boolean pair = m.value("valid-range") instanceof SequenceNode seq && seq.getValue().size() == 2;
            if (!pair || range.length == 2 && !(range[0] <= range[1])) {       // a bad item was reported itself
                problems.add(m.lineOf("valid-range"), "indicator " + code + ": valid-range is [min, max] with "
                        + "min <= max");
            } else if (range.length == 2) {
                lo = range[0];
                hi = range[1];
            }
        }
        String denominator = m.optText("denominator", null);
        if (denominator != null && denominators.stream().noneMatch(d -> d.id().equals(denominator))) {
            problems.add(m.lineOf("denominator"), "indicator " + code + ": unknown denominator '" + denominator + "'");
        }
        MethodSpec transform = m.optMethod("transform", Methods.TRANSFORM, defaults.transform());
        MethodSpec normalisation = m.optMethod("normalisation", Methods.NORMALISATION, defaults.normalisation());
        String contradiction = Methods.goalpostsContradiction(normalisation, direction, code, transform);
        if (contradiction != null) {
            problems.add(normalisation.line(), contradiction);
        }
        Map<String, TextValue> textValues = new LinkedHashMap<>(defaults.textValues());
        textValues.putAll(TextValuesReader.textValues(m, "indicator " + code, problems));
        if (m.has("text-values") && source != null && !TextValuesReader.takesTextValues(source.type())) {
            problems.add(m.lineOf("text-values"), "indicator " + code + ": text-values apply to unit-table and "
                    + "unit-workbooks sources, not to a " + source.type() + " source");
        }
        if (source != null && !TextValuesReader.takesTextValues(source.type())) {
            textValues.clear();                         // the defaults are for the table sources
        }
        return new Indicator(code, parent, m.requireNames("name"), m.optText("unit", ""), direction,
                positiveWeight(m, code), sourceId, field, statistic, lo, hi, normalisation,
                m.optMethod("imputation", Methods.IMPUTATION, defaults.imputation()),
                m.optMethod("treatment", Methods.TREATMENT, defaults.treatment()),
                denominator, m.optText("definition", ""), m.line(), List.copyOf(textValues.values()),
                TextValuesReader.blanks(m, "indicator " + code, source == null ? null : source.type(), problems),
                transform);
    }

    private int direction(YamlMap m, String code) {
        String dir = m.requireText("direction");
        if (dir == null) {
            return 0;
        }
        return switch (dir.toLowerCase(Locale.ROOT)) {
            case "higher", "+1", "1" -> 1;
            case "lower", "-1" -> -1;
            default -> {
                problems.add(m.lineOf("direction"), "indicator " + code + ": direction must be 'higher' or 'lower' "
                        + "(is better), not '" + dir + "'");
                yield 0;
            }
        };
    }

    /** Walk-through and survey sources need a statistic of their own kind; the table sources take none. */
    private String statistic(YamlMap m, String code, Source source) {
        String statistic = m.optText("statistic", null);
        if (source == null) {
            return statistic;
        }
        List<String> allowed = switch (source.type()) {
            case "walkthrough" -> List.of("pass-rate", "mean-hours");
            case "survey" -> List.of("mean-score", "share-favourable");
            default -> List.of();
        };
        if (allowed.isEmpty() && statistic != null) {
            problems.add(m.lineOf("statistic"), "indicator " + code + ": a " + source.type()
                    + " source takes no 'statistic'");
        } else if (!allowed.isEmpty() && (statistic == null || !allowed.contains(statistic))) {
            problems.add(statistic == null ? m.line() : m.lineOf("statistic"), "indicator " + code + ": a "
                    + source.type() + " source needs 'statistic', one of " + String.join(", ", allowed));
        }
        return statistic;
    }

    /** A stated weight must be a positive number; absent is NaN (checked later against the parent's weighting). */
    private double positiveWeight(YamlMap m, String code) {
        // a weight written but unreadable was reported as such: no "missing weight" besides
        double w = m.optNumber("weight", org.bizenv.framework.yaml.YamlValues.text(m.value("weight")) != null ? 1
                : Double.NaN);
        if (m.has("weight") && !Double.isNaN(w) && !(w > 0)) {
            problems.add(m.lineOf("weight"), code + ": weight must be positive, not " + m.scalar("weight"));
        }
        return w;
    }

    /** What an indicator that says nothing gets: the file's {@code defaults}. */
    record Defaults(MethodSpec normalisation, MethodSpec imputation, MethodSpec treatment,
                    Map<String, TextValue> textValues, MethodSpec transform) {
    }
}
