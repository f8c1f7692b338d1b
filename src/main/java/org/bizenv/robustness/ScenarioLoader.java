package org.bizenv.robustness;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bizenv.framework.Framework;
import org.bizenv.framework.yaml.YamlValues;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Methods;
import org.bizenv.framework.Names;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file and checks it against the framework it modifies. Like the framework loader it works on
 * SnakeYAML's node tree so every problem names its line; all problems are reported together as
 * {@code file:line: message} in a {@link RobustnessException}.
 *
 * <pre>
 * scenarios:
 *   - id: financing-heavy
 *     name: {zh: 融资优先, en: Financing first}
 *     weights: {FIN: 0.35, MKT: 0.15}              # weight within the parent; the parent is renormalised
 *     aggregation: {INDEX: geometric, FIN: {method: generalised, p: 0.5}}
 *     normalisation: {MKT.ACC.1: {method: goalposts, best: 1, worst: 20}}
 *   - id: analyst-edit
 *     weights-workbook: edited-report.xlsx          # a Weights sheet edited by an analyst (path beside this file)
 *     sheet: Weights                                # optional
 * </pre>
 */
public final class ScenarioLoader {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> SCENARIO_KEYS = Set.of("id", "name", "weights", "aggregation", "normalisation",
            "weights-workbook", "sheet");

    private final Path file;
    private final String label;
    private final Framework fw;
    private final List<String> problems = new ArrayList<>();

    private ScenarioLoader(Path file, Framework fw) {
        this.file = file;
        this.label = file.toString();
        this.fw = fw;
    }

    /** Loads every scenario of {@code file}; throws {@link RobustnessException} listing every problem found. */
    /**
     * The files a scenario file names ({@code weights-workbook:}, resolved beside it), so that a run's inputs
     * include them. Lenient: a file that does not parse names nothing here, and {@link #load} reports why.
     */
    public static List<Path> referencedFiles(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return List.of();
        }
        try (var in = java.nio.file.Files.newBufferedReader(file)) {
            Object doc = new org.yaml.snakeyaml.Yaml().load(in);
            if (!(doc instanceof Map<?, ?> top) || !(top.get("scenarios") instanceof List<?> list)) {
                return List.of();
            }
            List<Path> out = new ArrayList<>();
            for (Object s : list) {
                if (s instanceof Map<?, ?> m && m.get("weights-workbook") != null) {
                    out.add(file.toAbsolutePath().getParent().resolve(m.get("weights-workbook").toString()).normalize());
                }
            }
            return out;
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    public static List<Scenario> load(Path file, Framework fw) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new RobustnessException(file + ": no such scenario file");
        } catch (IOException e) {
            throw new RobustnessException(file + ": cannot read: " + e.getMessage());
        }
        return new ScenarioLoader(file, fw).parse(text);
    }

    private List<Scenario> parse(String text) {
        Node doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            doc = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new RobustnessException(label + ":" + line + ": not valid YAML: " + e.getProblem());
        }
        if (!(doc instanceof MappingNode top)) {
            throw new RobustnessException(label + ":1: a scenario file is a mapping with the key 'scenarios'");
        }
        List<Scenario> out = new ArrayList<>();
        Node list = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            if ("scenarios".equals(key)) {
                list = t.getValueNode();
            } else {
                problem(t.getKeyNode(), "unknown key '" + key + "' (a scenario file has only 'scenarios')");
            }
        }
        if (!(list instanceof SequenceNode seq)) {
            problem(list == null ? top : list, "'scenarios' must be a list of scenarios");
            throw new RobustnessException(problems);
        }
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            Scenario s = scenario(n);
            if (s != null) {
                if (!ids.add(s.id())) {
                    problem(n, "duplicate scenario id '" + s.id() + "'");
                }
                out.add(s);
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems);
        }
        return out;
    }

    private Scenario scenario(Node n) {
        if (!(n instanceof MappingNode m)) {
            problem(n, "a scenario must be a mapping with 'id' and overrides");
            return null;
        }
        Map<String, NodeTuple> keys = entries(m, SCENARIO_KEYS, "a scenario");
        String id = keys.containsKey("id") ? scalar(keys.get("id").getValueNode()) : null;
        if (id == null) {
            problem(n, "a scenario needs an 'id'");
            id = "?";
        } else if (!ID.matcher(id).matches()) {
            problem(keys.get("id").getValueNode(), "'" + id + "' is not a valid scenario id (letters, digits, '.', '_'"
                    + " and '-')");
        } else if (id.equals("nominal")) {
            problem(keys.get("id").getValueNode(), "'nominal' is reserved for the framework's own choices");
        }
        Names name = keys.containsKey("name") ? names(keys.get("name").getValueNode()) : new Names(id, id);
        String where = label + ":" + line(n);
        Map<String, Double> weights = new LinkedHashMap<>();
        if (keys.containsKey("weights-workbook")) {
            String path = scalar(keys.get("weights-workbook").getValueNode());
            String sheet = keys.containsKey("sheet") ? scalar(keys.get("sheet").getValueNode()) : null;
            Path book = file.toAbsolutePath().getParent().resolve(path == null ? "" : path).normalize();
            try {
                Scenario fromBook = WeightsSheetReader.read(book, sheet, fw, id, name);
                weights.putAll(fromBook.weights());
                where = fromBook.source();
            } catch (RobustnessException e) {
                for (String p : e.problems()) {
                    problem(keys.get("weights-workbook").getValueNode(), "scenario " + id + ": " + p);
                }
            }
        } else if (keys.containsKey("sheet")) {
            problem(keys.get("sheet").getValueNode(), "scenario " + id + ": 'sheet' goes with 'weights-workbook'");
        }
        if (keys.containsKey("weights")) {
            MappingNode wm = mapping(keys.get("weights").getValueNode(), "scenario " + id + ": 'weights'");
            for (NodeTuple t : wm == null ? List.<NodeTuple>of() : wm.getValue()) {
                String code = scalar(t.getKeyNode());
                if (!checkWeightCode(t.getKeyNode(), id, code)) {
                    continue;
                }
                Double w = YamlValues.number(scalar(t.getValueNode()));
                if (w == null || !(w >= 0) || w.isInfinite()) {
                    problem(t.getValueNode(), "scenario " + id + ": the weight of " + code
                            + " must be a number >= 0, not '" + scalar(t.getValueNode()) + "'");
                    continue;
                }
                weights.put(code, w);
            }
        }
        Map<String, MethodSpec> aggregation = new LinkedHashMap<>();
        if (keys.containsKey("aggregation")) {
            MappingNode am = mapping(keys.get("aggregation").getValueNode(), "scenario " + id + ": 'aggregation'");
            for (NodeTuple t : am == null ? List.<NodeTuple>of() : am.getValue()) {
                String code = scalar(t.getKeyNode());
                if (fw.nodes().stream().noneMatch(x -> x.code().equals(code))) {
                    problem(t.getKeyNode(), "scenario " + id + ": unknown node '" + code + "' (aggregation)"
                            + (isIndicator(code) ? ": an indicator has no aggregation" : ""));
                    continue;
                }
                MethodSpec spec = method(t.getValueNode(), Methods.AGGREGATION, "aggregation", id, code);
                if (spec != null) {
                    aggregation.put(code, spec);
                }
            }
        }
        Map<String, MethodSpec> normalisation = new LinkedHashMap<>();
        if (keys.containsKey("normalisation")) {
            MappingNode nm = mapping(keys.get("normalisation").getValueNode(), "scenario " + id + ": 'normalisation'");
            for (NodeTuple t : nm == null ? List.<NodeTuple>of() : nm.getValue()) {
                String code = scalar(t.getKeyNode());
                if (!isIndicator(code)) {
                    problem(t.getKeyNode(), "scenario " + id + ": unknown indicator '" + code + "' (normalisation)");
                    continue;
                }
                MethodSpec spec = method(t.getValueNode(), Methods.NORMALISATION, "normalisation", id, code);
                if (spec != null) {
                    normalisation.put(code, spec);
                }
            }
        }
        return new Scenario(id, name, weights, aggregation, normalisation, where);
    }

    private boolean checkWeightCode(Node at, String id, String code) {
        boolean node = fw.nodes().stream().anyMatch(x -> x.code().equals(code));
        if (!node && !isIndicator(code)) {
            problem(at, "scenario " + id + ": unknown code '" + code + "' (weights)");
            return false;
        }
        if (node && fw.nodes().get(fw.tree().root()).code().equals(code)) {
            problem(at, "scenario " + id + ": " + code + " is the index: it has no weight within a parent");
            return false;
        }
        return true;
    }

    private boolean isIndicator(String code) {
        return fw.indicators().stream().anyMatch(x -> x.code().equals(code));
    }

    /** {@code geometric} or {@code {method: generalised, p: 0.5}}, checked against the framework language's table. */
    private MethodSpec method(Node v, Map<String, Methods.Signature> known, String kind, String id, String code) {
        String method;
        Map<String, Object> params = new LinkedHashMap<>();
        if (v instanceof ScalarNode s) {
            method = s.getValue();
        } else if (v instanceof MappingNode m) {
            method = null;
            for (NodeTuple t : m.getValue()) {
                String k = scalar(t.getKeyNode());
                if ("method".equals(k)) {
                    method = scalar(t.getValueNode());
                } else {
                    params.put(k, YamlValues.toValue(t.getValueNode()));
                }
            }
            if (method == null) {
                problem(v, "scenario " + id + ": " + kind + " of " + code + " needs 'method'");
                return null;
            }
        } else {
            problem(v, "scenario " + id + ": " + kind + " of " + code + " must be a method name or {method: …}");
            return null;
        }
        Methods.Signature sig = known.get(method);
        if (sig == null) {
            problem(v, "scenario " + id + ": unknown " + kind + " method '" + method + "' for " + code + " (known: "
                    + String.join(", ", known.keySet()) + ")");
            return null;
        }
        boolean ok = true;
        for (String req : sig.required()) {
            if (!params.containsKey(req)) {
                problem(v, "scenario " + id + ": " + kind + " method '" + method + "' of " + code
                        + " needs parameter '" + req + "'");
                ok = false;
            }
        }
        for (String p : params.keySet()) {
            if (!sig.required().contains(p) && !sig.optional().contains(p)) {
                problem(v, "scenario " + id + ": " + kind + " method '" + method + "' has no parameter '" + p + "'");
                ok = false;
            }
        }
        return ok ? new MethodSpec(method, params, line(v)) : null;
    }

    private Names names(Node v) {
        if (v instanceof ScalarNode s) {
            return new Names(s.getValue(), s.getValue());
        }
        MappingNode m = mapping(v, "'name'");
        if (m == null) {
            return new Names("", "");
        }
        Map<String, NodeTuple> e = entries(m, Set.of("zh", "en"), "'name'");
        String zh = e.containsKey("zh") ? scalar(e.get("zh").getValueNode()) : null;
        String en = e.containsKey("en") ? scalar(e.get("en").getValueNode()) : null;
        return new Names(zh == null ? en : zh, en == null ? zh : en);
    }

    private Map<String, NodeTuple> entries(MappingNode m, Set<String> allowed, String what) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = scalar(t.getKeyNode());
            if (!allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' in " + what + " (expected one of: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            } else {
                out.put(key, t);
            }
        }
        return out;
    }

    private MappingNode mapping(Node v, String what) {
        if (v instanceof MappingNode m) {
            return m;
        }
        problem(v, what + " must be a mapping of codes to values");
        return null;
    }


    private static String scalar(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue().strip();
            return v.isEmpty() || v.equals("~") || v.equals("null") ? null : v;
        }
        return null;
    }

    /** A number, or a fraction such as 1/3; null otherwise. */

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private void problem(Node at, String message) {
        problems.add(label + ":" + line(at) + ": " + message);
    }
}
