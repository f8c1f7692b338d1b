package org.bizenv.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.bizenv.framework.yaml.YamlValues;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a framework file's {@code composites: {ranked: composites, units: {CHIN: {CHN_Beij: 0.45, CHN: 0.55}}}}.
 * Unit codes are checked against the data when it is read (the framework does not know the units of a data table).
 */
final class CompositesReader {

    private CompositesReader() {
    }

    static Composites composites(Node v, YamlProblems problems) {
        if (v == null) {
            return Composites.NONE;
        }
        YamlMap c = YamlMap.of(v, "'composites'", Set.of("ranked", "units", "from"), problems);
        String from = c.optText("from", "scores");
        if (!Composites.FROM.contains(from)) {
            problems.add(c.lineOf("from"), "composites.from must be one of " + String.join(", ", Composites.FROM)
                    + ", not '" + from + "'");
        }
        String ranked = c.optText("ranked", "composites");
        if (!Composites.RANKED.contains(ranked)) {
            problems.add(c.lineOf("ranked"), "composites.ranked must be one of " + String.join(", ",
                    Composites.RANKED) + ", not '" + ranked + "'");
        }
        List<Composite> out = new ArrayList<>();
        Node units = c.value("units");
        if (units == null) {
            problems.add(c.line(), "composites needs 'units' (composite unit: {component: weight, …})");
        } else if (!(units instanceof MappingNode)) {
            problems.add(units, "composites.units must be a mapping like {CHIN: {CHN_Beij: 0.45, CHN: 0.55}}");
        } else {
            for (YamlMap.Entry e : YamlMap.entriesWithRepeats(units)) {
                Composite composite = composite(e, problems);
                if (composite == null) {
                    continue;
                }
                if (out.stream().anyMatch(o -> o.unit().equals(composite.unit()))) {
                    problems.add(e.keyLine(), "composite " + composite.unit() + " is given twice");
                    continue;
                }
                out.add(composite);
            }
        }
        Map<String, Integer> composite = new HashMap<>();
        for (Composite comp : out) {
            composite.put(comp.unit(), comp.line());
        }
        for (Composite comp : out) {
            for (String u : comp.components().keySet()) {
                if (composite.containsKey(u)) {
                    problems.add(comp.line(), "composite " + comp.unit() + ": component " + u + " is itself a "
                            + "composite (line " + composite.get(u) + "); compose from measured units");
                }
            }
        }
        return new Composites(out, ranked, c.line(), from);
    }

    private static Composite composite(YamlMap.Entry e, YamlProblems problems) {
        String unit = e.key().strip();
        int at = e.keyLine();
        if (unit.isEmpty()) {
            problems.add(at, "a composite needs its unit code");
            return null;
        }
        if (!(e.value() instanceof MappingNode cm) || cm.getValue().isEmpty()) {
            problems.add(at, "composite " + unit + ": components must be a mapping like {CHN_Beij: 0.45, CHN: 0.55}");
            return null;
        }
        Map<String, Double> components = new LinkedHashMap<>();
        for (YamlMap.Entry ce : YamlMap.entriesWithRepeats(cm)) {
            String comp = ce.key().strip();
            String text = YamlValues.text(ce.value());
            Double w = YamlValues.number(text);
            if (comp.isEmpty() || w == null || !(w > 0) || w.isInfinite()) {
                String why = w == null ? YamlValues.numberProblem(text) : null;
                problems.add(ce.keyLine(), "composite " + unit + ": " + (why != null ? comp + ": " + why
                        : "each component needs a positive weight, like CHN_Beij: 0.45"));
                continue;
            }
            if (comp.equals(unit)) {
                problems.add(ce.keyLine(), "composite " + unit + " cannot be its own component");
                continue;
            }
            if (components.put(comp, w) != null) {
                problems.add(ce.keyLine(), "composite " + unit + ": component " + comp + " given twice");
            }
        }
        return new Composite(unit, components, at);
    }
}
