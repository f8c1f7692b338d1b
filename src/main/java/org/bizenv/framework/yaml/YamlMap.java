package org.bizenv.framework.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Methods;
import org.bizenv.framework.Names;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping whose values are read in the type a key needs, each with its line. A value of the wrong type, a
 * missing required key, an unknown or duplicate key is added to the file's problems and reading goes on with a
 * fallback, so that one pass finds every problem.
 */
public final class YamlMap {

    /** Codes and ids: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** One key of a mapping read as code → value ({@code weights: {FIN: 0.35}}), with the key's line. */
    public record Entry(String key, int keyLine, Node value) {
    }

    private final Map<String, NodeTuple> entries;
    private final int line;
    private final YamlProblems problems;

    private YamlMap(Map<String, NodeTuple> entries, int line, YamlProblems problems) {
        this.entries = entries;
        this.line = line;
        this.problems = problems;
    }

    /**
     * {@code n} as a mapping; when it is not one, a problem ("WHAT must be a mapping of keys to values") and an empty
     * mapping. A key given twice is a problem at its second line. Keys are not checked (see {@link #checkKeys}).
     */
    public static YamlMap of(Node n, String what, YamlProblems problems) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (!(n instanceof MappingNode mn)) {
            problems.add(n, what + " must be a mapping of keys to values");
            return new YamlMap(entries, YamlDocument.line(n), problems);
        }
        for (NodeTuple t : mn.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.add(t.getKeyNode(), "a key must be a single value, not a list or a mapping");
                continue;
            }
            if (entries.putIfAbsent(k.getValue(), t) != null) {
                problems.add(k, "duplicate key '" + k.getValue() + "'");
            }
        }
        return new YamlMap(entries, YamlDocument.line(n), problems);
    }

    /** {@link #of(Node, String, YamlProblems)}, then {@link #checkKeys(Set)}. */
    public static YamlMap of(Node n, String what, Set<String> allowed, YamlProblems problems) {
        YamlMap m = of(n, what, problems);
        m.checkKeys(allowed);
        return m;
    }

    /** The same mapping, its problems added to {@code other} (e.g. problems said of one scenario). */
    public YamlMap reportingTo(YamlProblems other) {
        return new YamlMap(entries, line, other);
    }

    /** A problem for each key outside {@code allowed}: "unknown key 'k' (expected one of: …)". */
    public void checkKeys(Set<String> allowed) {
        checkKeys(allowed, null);
    }

    /** As {@link #checkKeys(Set)}, the message saying where: "unknown key 'k' in IN (expected one of: …)". */
    public void checkKeys(Set<String> allowed, String in) {
        for (var e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "'" + (in == null ? "" : " in "
                        + in) + " (expected one of: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** The line where the mapping starts. */
    public int line() {
        return line;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    /** Every key in file order, with its line and value. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(entries.size());
        for (var e : entries.entrySet()) {
            out.add(new Entry(e.getKey(), YamlDocument.line(e.getValue().getKeyNode()), e.getValue().getValueNode()));
        }
        return out;
    }

    /**
     * Every key of a mapping in file order, a key given twice included: for mappings whose keys are data (units,
     * text codes) and whose reader words a repeat in its own terms. A key that is not a single value reads as "".
     */
    public static List<Entry> entriesWithRepeats(Node mapping) {
        List<Entry> out = new ArrayList<>();
        for (NodeTuple t : ((MappingNode) mapping).getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            out.add(new Entry(key, YamlDocument.line(t.getKeyNode()), t.getValueNode()));
        }
        return out;
    }

    /** The line of the key's value, or of the mapping when the key is absent. */
    public int lineOf(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line : YamlDocument.line(t.getValueNode());
    }

    /** The key's value node, or null. */
    public Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** A single value's text (null when absent or blank); a list or mapping is a problem. */
    public String scalar(String key) {
        Node v = value(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof ScalarNode)) {
            problems.add(v, "'" + key + "' must be a single value");
            return null;
        }
        return YamlValues.text(v);
    }

    public String requireText(String key) {
        String v = scalar(key);
        if (v == null) {
            problems.add(line, "missing '" + key + "'");
        }
        return v;
    }

    /** A required code or id ({@link #CODE}). */
    public String requireCode(String key) {
        String v = requireText(key);
        if (v != null && !CODE.matcher(v).matches()) {
            problems.add(lineOf(key), "'" + v + "' is not a valid " + key + " (letters, digits, '.', '_' and '-')");
        }
        return v;
    }

    public String optText(String key, String fallback) {
        String v = scalar(key);
        return v == null ? fallback : v;
    }

    public boolean optBoolean(String key, boolean fallback) {
        String v = scalar(key);
        if (v == null) {
            return fallback;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        problems.add(lineOf(key), "'" + key + "' must be true or false, not '" + v + "'");
        return fallback;
    }

    /** A number or a numeric expression such as 1/3 or ln(75000) ({@link Expression}). */
    public double optNumber(String key, double fallback) {
        String v = scalar(key);
        if (v == null) {
            return fallback;
        }
        Double d = YamlValues.number(v);
        if (d == null) {
            String why = YamlValues.numberProblem(v);
            problems.add(lineOf(key), why != null ? key + ": " + why : "'" + key + "' must be a number, not '" + v
                    + "'");
            return fallback;
        }
        return d;
    }

    public double[] optNumbers(String key) {
        Node v = value(key);
        if (v == null) {
            return new double[0];
        }
        if (!(v instanceof SequenceNode seq)) {
            problems.add(v, "'" + key + "' must be a list of numbers like [1, 2]");
            return new double[0];
        }
        double[] out = new double[seq.getValue().size()];
        for (int i = 0; i < out.length; i++) {
            Node item = seq.getValue().get(i);
            Double d = item instanceof ScalarNode s ? YamlValues.number(s.getValue()) : null;
            if (d == null) {
                String why = item instanceof ScalarNode s ? YamlValues.numberProblem(s.getValue()) : null;
                problems.add(item, why != null ? key + ": " + why : "'" + key + "' must hold numbers only");
                return new double[0];
            }
            out[i] = d;
        }
        return out;
    }

    public List<String> optTexts(String key) {
        Node v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof SequenceNode seq)) {
            problems.add(v, "'" + key + "' must be a list like [Region, Income group]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode sc) {
                out.add(sc.getValue());
            } else {
                problems.add(item, "'" + key + "' must hold plain values");
            }
        }
        return List.copyOf(out);
    }

    /** Bilingual names, {@code {zh: …, en: …}} (either alone stands for both) or one text for both. */
    public Names requireNames(String key) {
        if (!has(key)) {
            problems.add(line, "missing '" + key + "' ({zh: …, en: …})");
            return new Names("", "");
        }
        return optNames(key, new Names("", ""));
    }

    public Names optNames(String key, Names fallback) {
        Node v = value(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof ScalarNode s) {
            return new Names(s.getValue(), s.getValue());
        }
        YamlMap m = of(v, "'" + key + "'", Set.of("zh", "en"), problems);
        String zh = m.optText("zh", null);
        String en = m.optText("en", null);
        if (zh == null && en == null) {
            problems.add(m.line, "'" + key + "' needs zh and/or en");
        }
        return new Names(zh == null ? en : zh, en == null ? zh : en);
    }

    /** A required mapping with the keys {@code allowed}; null (and a problem) when missing. */
    public YamlMap requireMap(String key, Set<String> allowed) {
        Node v = value(key);
        if (v == null) {
            problems.add(line, "missing '" + key + "'");
            return null;
        }
        return of(v, "'" + key + "'", allowed, problems);
    }

    /** An optional mapping (its keys unchecked); null when absent or (with a problem) not a mapping. */
    public YamlMap optMap(String key) {
        Node v = value(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof MappingNode)) {
            problems.add(v, "'" + key + "' must be a mapping");
            return null;
        }
        return of(v, "'" + key + "'", problems);
    }

    /** An optional list; null when absent or (with a problem) not a list. */
    public SequenceNode optSeq(String key) {
        Node v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof SequenceNode s) {
            return s;
        }
        problems.add(v, "'" + key + "' must be a list");
        return null;
    }

    public SequenceNode requireSeq(String key) {
        if (!has(key)) {
            problems.add(line, "missing '" + key + "'");
            return null;
        }
        return optSeq(key);
    }

    /**
     * The method stated under {@code kind} ({@code normalisation: {method: goalposts, best: 1, worst: 30}}), checked
     * by {@link MethodReader}; {@code fallback} when absent or unusable.
     */
    public MethodSpec optMethod(String kind, Map<String, Methods.Signature> known, MethodSpec fallback) {
        Node v = value(kind);
        if (v == null) {
            return fallback;
        }
        MethodSpec spec = MethodReader.read(v, kind, known, null, problems);
        return spec == null ? fallback : spec;
    }
}
