package org.bizenv.framework.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How values are read from YAML, the same in framework and scenario files: numbers and numeric expressions
 * ({@link Expression}: {@code ln(75000)}, fractions like {@code 1/3} as AHP matrices are written) become Doubles,
 * other scalars Strings, sequences Lists and mappings Maps.
 */
public final class YamlValues {

    private YamlValues() {
    }

    /** A YAML value as Double, String, List or Map (recursively). */
    public static Object toValue(Node n) {
        if (n instanceof ScalarNode s) {
            Double d = number(s.getValue());
            return d != null ? d : s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                out.add(toValue(item));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            out.put(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?", toValue(t.getValueNode()));
        }
        return out;
    }

    /** The text of a single value, stripped; null for a list, a mapping, a blank, {@code ~} or {@code null}. */
    public static String text(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue().strip();
            return v.isEmpty() || v.equals("~") || v.equals("null") ? null : v;
        }
        return null;
    }

    /** A number or a numeric expression ({@code 0.5}, {@code 1/3}, {@code ln(75000)}); null for anything else. */
    public static Double number(String text) {
        return Expression.valueOrNull(text);
    }

    /**
     * What is wrong in a text meant as a numeric expression ({@code 'ln(75000' is missing a ')' at character 9}), or
     * null when it is a number or was not meant as one (a word such as {@code half}), where "must be a number" says it.
     */
    public static String numberProblem(String text) {
        if (text == null || !Expression.looksLikeOne(text)) {
            return null;
        }
        return Expression.evaluate(text.strip()).problem();
    }
}
