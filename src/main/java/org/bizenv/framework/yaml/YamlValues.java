package org.bizenv.framework.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How values are read from YAML, the same in framework and scenario files: numbers (and fractions like {@code 1/3},
 * as AHP matrices are written) become Doubles, other scalars Strings, sequences Lists and mappings Maps.
 */
public final class YamlValues {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern FRACTION = Pattern.compile("([-+]?\\d+(\\.\\d+)?)\\s*/\\s*(\\d+(\\.\\d+)?)");

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

    /** A decimal number or a fraction {@code a/b}; null for anything else (and for null). */
    public static Double number(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        var f = FRACTION.matcher(t);
        if (f.matches()) {
            return Double.parseDouble(f.group(1)) / Double.parseDouble(f.group(3));
        }
        return null;
    }
}
