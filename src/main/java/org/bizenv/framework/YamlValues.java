package org.bizenv.framework;

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
 * How method parameters are read from YAML, shared by framework files and scenario files so that a parameter means
 * the same in both: numbers (and fractions like {@code 1/3}, as AHP matrices are written) become Doubles, other
 * scalars Strings, sequences Lists and mappings Maps.
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
            out.put(((ScalarNode) t.getKeyNode()).getValue(), toValue(t.getValueNode()));
        }
        return out;
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
