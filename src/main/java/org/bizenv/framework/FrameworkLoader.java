package org.bizenv.framework;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates a framework file. Works on SnakeYAML's node tree rather than binding to objects so that every
 * value keeps its line: all problems are collected and reported together as {@code file:line: message}.
 */
public final class FrameworkLoader {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String fileLabel;
    private final List<String> problems = new ArrayList<>();
    /** Line of each element's 'parent' key (keyed by the element's own line), so parent errors point at it. */
    private final java.util.Map<Integer, Integer> parentLines = new HashMap<>();

    private FrameworkLoader(String fileLabel) {
        this.fileLabel = fileLabel;
    }

    /** Loads and validates {@code file}; throws {@link FrameworkException} listing every problem found. */
    public static Framework load(Path file) {
        String label = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FrameworkException(List.of(label + ": no such framework file"));
        } catch (IOException e) {
            throw new FrameworkException(List.of(label + ": cannot read: " + e.getMessage()));
        }
        return new FrameworkLoader(label).parse(file, new java.io.StringReader(text));
    }

    private Framework parse(Path file, Reader reader) {
        org.yaml.snakeyaml.nodes.Node doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            doc = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new FrameworkException(List.of(fileLabel + ":" + line + ": not valid YAML: " + e.getProblem()));
        }
        if (!(doc instanceof MappingNode)) {
            throw new FrameworkException(List.of(fileLabel + ":1: a framework file is a YAML mapping with the keys "
                    + "framework, sources, nodes and indicators"));
        }
        YMap top = map(doc, "the file", Set.of("framework", "defaults", "ranking", "tiers", "sources", "denominators",
                "nodes", "indicators", "composites"));

        YMap fw = top.requireMap("framework", Set.of("id", "name", "version", "units", "synthetic"));
        String id = fw == null ? "?" : fw.requireCode("id");
        Names name = fw == null ? new Names("", "") : fw.requireNames("name");
        String version = fw == null ? "" : fw.optText("version", "");
        Path unitsFile = null;
        boolean synthetic = false;
        if (fw != null) {
            String units = fw.optText("units", null);
            if (units != null) {
                unitsFile = file.toAbsolutePath().getParent().resolve(units).normalize();
                if (!Files.isRegularFile(unitsFile)) {
                    problem(fw.lineOf("units"), "unit registry '" + units + "' not found beside the framework file");
                }
            }
            synthetic = fw.optBoolean("synthetic", false);
        }

        YMap defaults = top.optMap("defaults");
        MethodSpec defNorm = MethodSpec.of("minmax");
        MethodSpec defAgg = MethodSpec.of("arithmetic");
        MethodSpec defWeighting = MethodSpec.of("expert");
        MethodSpec defImpute = MethodSpec.of("none");
        MethodSpec defTreat = MethodSpec.of("none");
        java.util.Map<String, TextValue> defTextValues = new LinkedHashMap<>();
        if (defaults != null) {
            defaults.checkKeys(Set.of("normalisation", "aggregation", "weighting", "imputation", "treatment",
                    "text-values"));
            defTextValues = readTextValues(defaults, "defaults");
            defNorm = defaults.optMethod("normalisation", Methods.NORMALISATION, defNorm);
            defAgg = defaults.optMethod("aggregation", Methods.AGGREGATION, defAgg);
            defWeighting = defaults.optMethod("weighting", Methods.WEIGHTING, defWeighting);
            defImpute = defaults.optMethod("imputation", Methods.IMPUTATION, defImpute);
            defTreat = defaults.optMethod("treatment", Methods.TREATMENT, defTreat);
        }

        Ranking ranking = new Ranking(2, true);
        YMap rk = top.optMap("ranking");
        if (rk != null) {
            rk.checkKeys(Set.of("decimals", "compare", "unranked"));
            int decimals = (int) rk.optNumber("decimals", 2);
            String compare = rk.optText("compare", "rounded");
            if (!compare.equals("rounded") && !compare.equals("full")) {
                problem(rk.lineOf("compare"), "ranking.compare must be 'rounded' or 'full', not '" + compare + "'");
            }
            if (decimals < 0 || decimals > 12) {
                problem(rk.lineOf("decimals"), "ranking.decimals must be between 0 and 12");
            }
            ranking = new Ranking(decimals, compare.equals("rounded"), rk.optTexts("unranked"),
                    rk.has("unranked") ? rk.lineOf("unranked") : 0);
        }

        Tiers tiers = readTiers(top.optMap("tiers"));
        List<Source> sources = readSources(top.optList("sources"));
        List<Denominator> denominators = readDenominators(top.optList("denominators"), sources);
        List<Node> nodes = readNodes(top.requireList("nodes"), defAgg, defWeighting);
        List<Indicator> indicators = readIndicators(top.requireList("indicators"), sources, denominators, defNorm,
                defImpute, defTreat, defTextValues);
        FrameworkTree tree = buildTree(nodes, indicators);
        Composites composites = readComposites(top);
        if (!problems.isEmpty()) {
            throw new FrameworkException(byLine());
        }
        return new Framework(file, id, name, version, unitsFile, synthetic, ranking, tiers, sources, denominators,
                nodes, indicators, tree, composites);
    }

    private Tiers readTiers(YMap t) {
        List<Names> defaultNames = List.of(new Names("第一梯队", "Tier 1"), new Names("第二梯队", "Tier 2"),
                new Names("第三梯队", "Tier 3"), new Names("第四梯队", "Tier 4"));
        if (t == null) {
            return new Tiers("quantiles", 4, new double[0], defaultNames);
        }
        t.checkKeys(Set.of("method", "count", "breaks", "names"));
        String method = t.optText("method", "quantiles");
        double[] breaks = t.optNumbers("breaks");
        int count = (int) t.optNumber("count", method.equals("breaks") && breaks.length > 0 ? breaks.length + 1 : 4);
        if (!method.equals("quantiles") && !method.equals("breaks")) {
            problem(t.lineOf("method"), "tiers.method must be 'quantiles' or 'breaks', not '" + method + "'");
        }
        if (count < 1) {
            problem(t.lineOf("count"), "tiers.count must be at least 1");
        }
        if (method.equals("breaks")) {
            if (breaks.length != count - 1) {
                problem(t.lineOf("breaks"), "tiers.breaks needs " + (count - 1) + " descending lower bounds for "
                        + count + " tiers, found " + breaks.length);
            }
            for (int i = 1; i < breaks.length; i++) {
                if (!(breaks[i] < breaks[i - 1])) {
                    problem(t.lineOf("breaks"), "tiers.breaks must be strictly descending");
                    break;
                }
            }
        }
        List<Names> names = new ArrayList<>();
        SequenceNode seq = t.optSeq("names");
        if (seq != null) {
            for (var n : seq.getValue()) {
                YMap m = map(n, "a tier name", Set.of("zh", "en"));
                names.add(new Names(m.optText("zh", ""), m.optText("en", "")));
            }
            if (names.size() != count) {
                problem(line(seq), "tiers.names lists " + names.size() + " names for " + count + " tiers");
            }
        } else {
            for (int i = 0; i < count; i++) {
                names.add(i < defaultNames.size() ? defaultNames.get(i) : new Names("第" + (i + 1) + "梯队", "Tier " + (i + 1)));
            }
        }
        return new Tiers(method, count, breaks, names);
    }

    private List<Source> readSources(SequenceNode seq) {
        List<Source> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (var n : seq.getValue()) {
            YMap m = map(n, "a source", Set.of("id", "type", "channel", "path", "sheet", "unit-column",
                    "unit-name-column", "group-columns", "not-applicable", "min-sample", "size-mix", "blanks", "missing-units"));
            String id = m.requireCode("id");
            if (id != null && !ids.add(id)) {
                problem(m.lineOf("id"), "duplicate source id '" + id + "'");
            }
            String type = m.requireText("type");
            if (type != null && !Source.TYPES.contains(type)) {
                problem(m.lineOf("type"), "unknown source type '" + type + "' (known: " + String.join(", ", Source.TYPES) + ")");
            }
            String path = m.requireText("path");
            String unitColumn = m.optText("unit-column", null);
            if ("unit-table".equals(type) && unitColumn == null) {
                problem(m.line, "source '" + id + "': a unit-table needs 'unit-column'");
            }
            List<Integer> na = new ArrayList<>();
            for (double d : m.optNumbers("not-applicable")) {
                na.add((int) d);
            }
            java.util.Map<String, Double> mix = new LinkedHashMap<>();
            YMap mixMap = m.optMap("size-mix");
            if (mixMap != null) {
                for (String k : mixMap.keys()) {
                    double v = mixMap.optNumber(k, Double.NaN);
                    if (!(v > 0)) {
                        problem(mixMap.lineOf(k), "size-mix share of '" + k + "' must be positive");
                    }
                    mix.put(k, v);
                }
            }
            String defaultSheet = switch (type == null ? "" : type) {
                case "walkthrough" -> "Tests";
                default -> "Data";
            };
            out.add(new Source(id, type, m.optText("channel", "other"), path, m.optText("sheet", defaultSheet),
                    unitColumn, m.optText("unit-name-column", null), m.optTexts("group-columns"), List.copyOf(na), (int) m.optNumber("min-sample", 0),
                    java.util.Map.copyOf(mix), m.line,
                    blanks(m, "source '" + id + "'", type), missingUnits(m, id, type)));
        }
        return out;
    }

    /** {@code missing-units: error | missing} of a survey source; null when not stated. */
    private String missingUnits(YMap m, String id, String type) {
        String v = m.optText("missing-units", null);
        if (v != null && !v.equals("error") && !v.equals("missing")) {
            problem(m.lineOf("missing-units"), "source '" + id + "': missing-units must be 'error' or 'missing', not '"
                    + v + "'");
            return null;
        }
        if (v != null && type != null && !type.equals("survey")) {
            problem(m.lineOf("missing-units"), "source '" + id + "': missing-units applies to survey sources (a "
                    + type + " source must have every unit)");
        }
        return v;
    }

    private List<Denominator> readDenominators(SequenceNode seq, List<Source> sources) {
        List<Denominator> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (var n : seq.getValue()) {
            YMap m = map(n, "a denominator", Set.of("id", "name", "source", "field"));
            String id = m.requireCode("id");
            String source = m.requireText("source");
            if (source != null && sources.stream().noneMatch(s -> s.id().equals(source))) {
                problem(m.lineOf("source"), "denominator '" + id + "': unknown source '" + source + "'");
            }
            Names name = m.has("name") ? m.requireNames("name") : new Names(id, id);
            out.add(new Denominator(id, name, source, m.requireText("field"), m.line));
        }
        return out;
    }

    private List<Node> readNodes(SequenceNode seq, MethodSpec defAgg, MethodSpec defWeighting) {
        List<Node> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (var n : seq.getValue()) {
            YMap m = map(n, "a node", Set.of("code", "parent", "name", "weight", "aggregation", "weighting"));
            String code = m.requireCode("code");
            String parent = m.optText("parent", null);
            parentLines.put(m.line, m.lineOf("parent"));
            double weight = positiveWeight(m, code);
            out.add(new Node(code, parent, m.requireNames("name"), weight,
                    m.optMethod("aggregation", Methods.AGGREGATION, defAgg),
                    m.optMethod("weighting", Methods.WEIGHTING, defWeighting), m.line));
        }
        return out;
    }

    private List<Indicator> readIndicators(SequenceNode seq, List<Source> sources, List<Denominator> denominators,
                                           MethodSpec defNorm, MethodSpec defImpute, MethodSpec defTreat,
                                           java.util.Map<String, TextValue> defTextValues) {
        List<Indicator> out = new ArrayList<>();
        if (seq == null) {
            return out;
        }
        for (var n : seq.getValue()) {
            YMap m = map(n, "an indicator", Set.of("code", "parent", "name", "unit", "direction", "weight", "source",
                    "field", "statistic", "valid-range", "normalisation", "imputation", "treatment", "denominator",
                    "definition", "text-values", "blanks"));
            String code = m.requireCode("code");
            String parent = m.requireText("parent");
            parentLines.put(m.line, m.lineOf("parent"));
            String dir = m.requireText("direction");
            int direction = 0;
            if (dir != null) {
                switch (dir.toLowerCase(Locale.ROOT)) {
                    case "higher", "+1", "1" -> direction = 1;
                    case "lower", "-1" -> direction = -1;
                    default -> problem(m.lineOf("direction"), "indicator " + code
                            + ": direction must be 'higher' or 'lower' (is better), not '" + dir + "'");
                }
            }
            String sourceId = m.requireText("source");
            Source source = sources.stream().filter(s -> s.id().equals(sourceId)).findFirst().orElse(null);
            if (sourceId != null && source == null) {
                problem(m.lineOf("source"), "indicator " + code + ": unknown source '" + sourceId + "'");
            }
            String field = m.requireText("field");
            String statistic = m.optText("statistic", null);
            if (source != null) {
                List<String> allowed = switch (source.type()) {
                    case "walkthrough" -> List.of("pass-rate", "mean-hours");
                    case "survey" -> List.of("mean-score", "share-favourable");
                    default -> List.of();
                };
                if (allowed.isEmpty() && statistic != null) {
                    problem(m.lineOf("statistic"), "indicator " + code + ": a " + source.type()
                            + " source takes no 'statistic'");
                } else if (!allowed.isEmpty() && (statistic == null || !allowed.contains(statistic))) {
                    problem(statistic == null ? m.line : m.lineOf("statistic"), "indicator " + code + ": a "
                            + source.type() + " source needs 'statistic', one of " + String.join(", ", allowed));
                }
            }
            double lo = Double.NaN;
            double hi = Double.NaN;
            double[] range = m.optNumbers("valid-range");
            if (m.has("valid-range")) {
                if (range.length != 2 || !(range[0] <= range[1])) {
                    problem(m.lineOf("valid-range"), "indicator " + code + ": valid-range is [min, max] with min <= max");
                } else {
                    lo = range[0];
                    hi = range[1];
                }
            }
            String denominator = m.optText("denominator", null);
            if (denominator != null && denominators.stream().noneMatch(d -> d.id().equals(denominator))) {
                problem(m.lineOf("denominator"), "indicator " + code + ": unknown denominator '" + denominator + "'");
            }
            MethodSpec normalisation = m.optMethod("normalisation", Methods.NORMALISATION, defNorm);
            checkGoalpostsDirection(normalisation, direction, code);
            java.util.Map<String, TextValue> textValues = new LinkedHashMap<>(defTextValues);
            textValues.putAll(readTextValues(m, "indicator " + code));
            if (m.has("text-values") && source != null && !takesTextValues(source.type())) {
                problem(m.lineOf("text-values"), "indicator " + code + ": text-values apply to unit-table and "
                        + "unit-workbooks sources, not to a " + source.type() + " source");
            }
            if (source != null && !takesTextValues(source.type())) {
                textValues.clear();                         // the defaults are for the table sources
            }
            out.add(new Indicator(code, parent, m.requireNames("name"), m.optText("unit", ""), direction,
                    positiveWeight(m, code), sourceId, field, statistic, lo, hi, normalisation,
                    m.optMethod("imputation", Methods.IMPUTATION, defImpute),
                    m.optMethod("treatment", Methods.TREATMENT, defTreat),
                    denominator, m.optText("definition", ""), m.line, List.copyOf(textValues.values()),
                    blanks(m, "indicator " + code, source == null ? null : source.type())));
        }
        return out;
    }

    // ---------------------------------------------------------------- text values, blanks, composites

    private static boolean takesTextValues(String sourceType) {
        return sourceType.equals("unit-table") || sourceType.equals("unit-workbooks");
    }

    /**
     * {@code text-values: {"No Practice": {score: 0}, "No VAT": not-applicable}}: code → meaning, keyed by the
     * code's matching key (ignoring case and spacing). A code the readers would take for a number or a blank
     * cannot be a text value.
     */
    private java.util.Map<String, TextValue> readTextValues(YMap m, String owner) {
        java.util.Map<String, TextValue> out = new LinkedHashMap<>();
        var v = m.value("text-values");
        if (v == null) {
            return out;
        }
        if (!(v instanceof MappingNode mn)) {
            problem(line(v), owner + ": text-values must be a mapping like {\"No Practice\": {score: 0}, "
                    + "\"No VAT\": not-applicable}");
            return out;
        }
        for (NodeTuple t : mn.getValue()) {
            int at = line(t.getKeyNode());
            String text = t.getKeyNode() instanceof ScalarNode k ? k.getValue().strip() : "";
            if (text.isEmpty()) {
                problem(at, owner + ": a text value needs its text");
                continue;
            }
            var kind = org.bizenv.ingest.CellValues.parseNumber(text).kind();
            if (kind != org.bizenv.ingest.ParsedNumber.Kind.NOT_A_NUMBER) {
                problem(at, owner + ": text value '" + text + "' reads as " + (kind == org.bizenv.ingest.ParsedNumber
                        .Kind.BLANK ? "a blank cell" : "a number") + ", so it cannot be a text code");
                continue;
            }
            TextValue meaning = textValue(text, t.getValueNode(), owner);
            if (meaning != null && out.put(TextValue.key(text), meaning) != null) {
                problem(at, owner + ": text value '" + text + "' is given twice (texts are matched ignoring case "
                        + "and spacing)");
            }
        }
        return out;
    }

    private TextValue textValue(String text, org.yaml.snakeyaml.nodes.Node v, String owner) {
        int at = line(v);
        if (v instanceof ScalarNode s && s.getValue().strip().equals("not-applicable")) {
            return new TextValue(text, true, Double.NaN, at);
        }
        if (v instanceof MappingNode mn && mn.getValue().size() == 1
                && mn.getValue().get(0).getKeyNode() instanceof ScalarNode k && k.getValue().equals("score")
                && mn.getValue().get(0).getValueNode() instanceof ScalarNode sv && YamlValues.number(sv.getValue()) != null) {
            return new TextValue(text, false, YamlValues.number(sv.getValue()), at);
        }
        problem(at, owner + ": text value '" + text + "' must be not-applicable or {score: <number>}");
        return null;
    }

    /** {@code blanks: error | missing} of a source or indicator; null when not stated. */
    private String blanks(YMap m, String owner, String sourceType) {
        String b = m.optText("blanks", null);
        if (b == null) {
            return null;
        }
        if (!b.equals("error") && !b.equals("missing")) {
            problem(m.lineOf("blanks"), owner + ": blanks must be 'error' or 'missing', not '" + b + "'");
            return null;
        }
        if (sourceType != null && !takesTextValues(sourceType)) {
            problem(m.lineOf("blanks"), owner + ": blanks applies to unit-table and unit-workbooks sources");
        }
        return b;
    }

    /** Goalposts say the direction themselves (best above worst: higher is better); a contradiction is a typo. */
    private void checkGoalpostsDirection(MethodSpec s, int direction, String code) {
        if (!s.method().equals("goalposts") || direction == 0 || !(s.params().get("best") instanceof Double best)
                || !(s.params().get("worst") instanceof Double worst) || best.equals(worst)) {
            return;
        }
        int implied = best > worst ? 1 : -1;
        if (implied != direction) {
            problem(s.line(), "indicator " + code + ": goalposts best " + MethodSpec.format(best) + ", worst "
                    + MethodSpec.format(worst) + " mean " + (implied > 0 ? "higher" : "lower") + " is better, but "
                    + "its direction is " + (direction > 0 ? "higher" : "lower"));
        }
    }

    /**
     * {@code composites: {ranked: composites, units: {CHIN: {CHN_Beij: 0.45, CHN: 0.55}}}}. Unit codes are
     * checked against the data when it is read (the framework does not know the units of a data table).
     */
    private Composites readComposites(YMap top) {
        var v = top.value("composites");
        if (v == null) {
            return Composites.NONE;
        }
        YMap c = map(v, "'composites'", Set.of("ranked", "units"));
        String ranked = c.optText("ranked", "composites");
        if (!Composites.RANKED.contains(ranked)) {
            problem(c.lineOf("ranked"), "composites.ranked must be one of " + String.join(", ", Composites.RANKED)
                    + ", not '" + ranked + "'");
        }
        List<Composite> out = new ArrayList<>();
        var units = c.value("units");
        if (units == null) {
            problem(c.line, "composites needs 'units' (composite unit: {component: weight, …})");
        } else if (!(units instanceof MappingNode um)) {
            problem(line(units), "composites.units must be a mapping like {CHIN: {CHN_Beij: 0.45, CHN: 0.55}}");
        } else {
            for (NodeTuple t : um.getValue()) {
                String unit = t.getKeyNode() instanceof ScalarNode k ? k.getValue().strip() : "";
                int at = line(t.getKeyNode());
                if (unit.isEmpty()) {
                    problem(at, "a composite needs its unit code");
                    continue;
                }
                java.util.Map<String, Double> components = new LinkedHashMap<>();
                if (!(t.getValueNode() instanceof MappingNode cm) || cm.getValue().isEmpty()) {
                    problem(at, "composite " + unit + ": components must be a mapping like {CHN_Beij: 0.45, "
                            + "CHN: 0.55}");
                    continue;
                }
                for (NodeTuple ct : cm.getValue()) {
                    String comp = ct.getKeyNode() instanceof ScalarNode k ? k.getValue().strip() : "";
                    Double w = ct.getValueNode() instanceof ScalarNode sv ? YamlValues.number(sv.getValue()) : null;
                    if (comp.isEmpty() || w == null || !(w > 0) || w.isInfinite()) {
                        problem(line(ct.getKeyNode()), "composite " + unit + ": each component needs a positive "
                                + "weight, like CHN_Beij: 0.45");
                        continue;
                    }
                    if (comp.equals(unit)) {
                        problem(line(ct.getKeyNode()), "composite " + unit + " cannot be its own component");
                        continue;
                    }
                    if (components.put(comp, w) != null) {
                        problem(line(ct.getKeyNode()), "composite " + unit + ": component " + comp + " given twice");
                    }
                }
                if (out.stream().anyMatch(o -> o.unit().equals(unit))) {
                    problem(at, "composite " + unit + " is given twice");
                    continue;
                }
                out.add(new Composite(unit, components, at));
            }
        }
        java.util.Map<String, Integer> composite = new HashMap<>();
        for (Composite comp : out) {
            composite.put(comp.unit(), comp.line());
        }
        for (Composite comp : out) {
            for (String u : comp.components().keySet()) {
                if (composite.containsKey(u)) {
                    problem(comp.line(), "composite " + comp.unit() + ": component " + u + " is itself a composite "
                            + "(line " + composite.get(u) + "); compose from measured units");
                }
            }
        }
        return new Composites(out, ranked, c.line);
    }

    /** A stated weight must be a positive number; absent is NaN (checked later against the parent's weighting). */
    private double positiveWeight(YMap m, String code) {
        double w = m.optNumber("weight", Double.NaN);
        if (m.has("weight") && !Double.isNaN(w) && !(w > 0)) {
            problem(m.lineOf("weight"), code + ": weight must be positive, not " + m.scalar("weight"));
        }
        return w;
    }

    /** Checks codes, parents, cycles, the single root and weights, then numbers the tree. */
    private FrameworkTree buildTree(List<Node> nodes, List<Indicator> indicators) {
        java.util.Map<String, Integer> nodeIndex = new HashMap<>();
        java.util.Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.code() == null) {
                continue;
            }
            Integer prev = firstLine.putIfAbsent(n.code(), n.line());
            if (prev != null) {
                problem(n.line(), "duplicate code '" + n.code() + "' (first defined at line " + prev + ")");
            } else {
                nodeIndex.put(n.code(), i);
            }
        }
        for (Indicator ind : indicators) {
            if (ind.code() == null) {
                continue;
            }
            Integer prev = firstLine.putIfAbsent(ind.code(), ind.line());
            if (prev != null) {
                problem(ind.line(), "duplicate code '" + ind.code() + "' (first defined at line " + prev + ")");
            }
        }
        int[] nodeParent = new int[nodes.size()];
        int root = -1;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.parent() == null) {
                if (root >= 0) {
                    problem(n.line(), "node " + n.code() + " has no parent, but " + nodes.get(root).code()
                            + " (line " + nodes.get(root).line() + ") is already the root: exactly one node is the index");
                }
                root = root < 0 ? i : root;
                nodeParent[i] = -1;
            } else {
                Integer p = nodeIndex.get(n.parent());
                if (p == null) {
                    problem(parentLines.get(n.line()), "node " + n.code() + ": unknown parent '" + n.parent() + "'"
                            + (firstLine.containsKey(n.parent()) ? " (an indicator cannot be a parent)" : ""));
                    nodeParent[i] = -1;
                } else {
                    nodeParent[i] = p;
                }
            }
        }
        if (root < 0 && !nodes.isEmpty()) {
            problem(nodes.get(0).line(), "no node without a parent: one node must be the index (the root)");
        }
        if (nodes.isEmpty()) {
            problem(1, "no nodes: a framework needs at least the index node");
        }
        // Cycles: follow parents from every node; more steps than nodes means a loop.
        Set<Integer> inCycle = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            int p = nodeParent[i];
            int steps = 0;
            while (p >= 0 && steps <= nodes.size()) {
                p = nodeParent[p];
                steps++;
            }
            if (steps > nodes.size() && inCycle.add(i)) {
                problem(nodes.get(i).line(), "node " + nodes.get(i).code() + " is part of a cycle of parents");
            }
        }
        int[] indicatorParent = new int[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            Integer p = ind.parent() == null ? null : nodeIndex.get(ind.parent());
            if (ind.parent() != null && p == null) {
                problem(parentLines.get(ind.line()), "indicator " + ind.code() + ": unknown parent '" + ind.parent() + "'"
                        + (firstLine.containsKey(ind.parent()) ? " (an indicator cannot be a parent)" : ""));
            }
            indicatorParent[i] = p == null ? -1 : p;
        }
        List<List<Integer>> kids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            kids.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (nodeParent[i] >= 0 && !inCycle.contains(i)) {
                kids.get(nodeParent[i]).add(i);
            }
        }
        for (int i = 0; i < indicators.size(); i++) {
            if (indicatorParent[i] >= 0) {
                kids.get(indicatorParent[i]).add(FrameworkTree.encodeIndicator(i));
            }
        }
        int[][] children = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (children[i].length == 0 && !inCycle.contains(i)) {
                problem(nodes.get(i).line(), "node " + nodes.get(i).code() + " has no children");
            }
            // Weights: the children of an expert-weighted (or combined) node need positive weights.
            String w = nodes.get(i).weighting().method();
            boolean needsWeights = w.equals("expert") || w.equals("combined");
            for (int c : children[i]) {
                TreeElement e = FrameworkTree.isIndicator(c) ? indicators.get(FrameworkTree.indicatorOf(c)) : nodes.get(c);
                if (needsWeights && Double.isNaN(e.weight())) {
                    problem(e.line(), e.code() + ": missing weight (its parent " + nodes.get(i).code() + " uses "
                            + w + " weighting)");
                }
            }
            if (w.equals("ahp")) {
                checkAhpMatrix(nodes.get(i), children[i].length);
            }
        }
        int[] depth = new int[nodes.size()];
        List<Integer> order = new ArrayList<>();
        if (root >= 0 && problems.isEmpty()) {
            postOrder(root, children, depth, 0, order);
            for (int i = 0; i < nodes.size(); i++) {
                if (!order.contains(i)) {
                    problem(nodes.get(i).line(), "node " + nodes.get(i).code() + " is not connected to the index");
                }
            }
        }
        return new FrameworkTree(root, nodeParent, indicatorParent, children,
                order.stream().mapToInt(Integer::intValue).toArray(), depth);
    }

    private void checkAhpMatrix(Node node, int k) {
        List<Object> rows = node.weighting().list("matrix");
        if (rows.size() != k) {
            problem(node.weighting().line(), "node " + node.code() + ": the AHP matrix has " + rows.size()
                    + " rows for " + k + " children");
            return;
        }
        for (Object r : rows) {
            if (!(r instanceof List<?> row) || row.size() != k || row.stream().anyMatch(v -> !(v instanceof Double))) {
                problem(node.weighting().line(), "node " + node.code() + ": every AHP matrix row needs " + k
                        + " numbers (fractions like 1/3 are fine)");
                return;
            }
        }
        String problem = AhpCheck.problem(node);
        if (problem != null) {
            problem(node.weighting().line(), problem);
        }
    }

    private static void postOrder(int node, int[][] children, int[] depth, int d, List<Integer> order) {
        depth[node] = d;
        for (int c : children[node]) {
            if (c >= 0) {
                postOrder(c, children, depth, d + 1, order);
            }
        }
        order.add(node);
    }

    // ---------------------------------------------------------------- YAML access with lines

    /** Problems in file order, so an editor can walk through them top to bottom. */
    private List<String> byLine() {
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingInt(p -> {
            String rest = p.substring(fileLabel.length() + 1);
            return Integer.parseInt(rest.substring(0, rest.indexOf(':')));
        }));
        return sorted;
    }

    private void problem(int line, String message) {
        problems.add(fileLabel + ":" + line + ": " + message);
    }

    private static int line(org.yaml.snakeyaml.nodes.Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private YMap map(org.yaml.snakeyaml.nodes.Node n, String what, Set<String> allowed) {
        if (!(n instanceof MappingNode mn)) {
            problem(line(n), what + " must be a mapping of keys to values");
            return new YMap(new LinkedHashMap<>(), line(n), allowed);
        }
        java.util.Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (entries.put(key, t) != null) {
                problem(line(t.getKeyNode()), "duplicate key '" + key + "'");
            }
        }
        YMap m = new YMap(entries, line(n), allowed);
        m.checkKeys(allowed);
        return m;
    }

    /** A YAML mapping whose values are read with their lines; unknown keys are problems. */
    private final class YMap {
        final java.util.Map<String, NodeTuple> entries;
        final int line;

        YMap(java.util.Map<String, NodeTuple> entries, int line, Set<String> allowed) {
            this.entries = entries;
            this.line = line;
        }

        void checkKeys(Set<String> allowed) {
            for (var e : entries.entrySet()) {
                if (!allowed.contains(e.getKey())) {
                    problem(line(e.getValue().getKeyNode()), "unknown key '" + e.getKey() + "' (expected one of: "
                            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
                }
            }
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }

        List<String> keys() {
            return new ArrayList<>(entries.keySet());
        }

        int lineOf(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? line : line(t.getValueNode());
        }

        org.yaml.snakeyaml.nodes.Node value(String key) {
            NodeTuple t = entries.get(key);
            return t == null ? null : t.getValueNode();
        }

        String scalar(String key) {
            var v = value(key);
            if (v == null) {
                return null;
            }
            if (v instanceof ScalarNode s) {
                String text = s.getValue();
                return text.isBlank() || text.equals("~") || text.equals("null") ? null : text.strip();
            }
            problem(line(v), "'" + key + "' must be a single value");
            return null;
        }

        String requireText(String key) {
            String v = scalar(key);
            if (v == null) {
                problem(line, "missing '" + key + "'");
            }
            return v;
        }

        String requireCode(String key) {
            String v = requireText(key);
            if (v != null && !CODE.matcher(v).matches()) {
                problem(lineOf(key), "'" + v + "' is not a valid " + key + " (letters, digits, '.', '_' and '-')");
            }
            return v;
        }

        String optText(String key, String fallback) {
            String v = scalar(key);
            return v == null ? fallback : v;
        }

        boolean optBoolean(String key, boolean fallback) {
            String v = scalar(key);
            if (v == null) {
                return fallback;
            }
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            problem(lineOf(key), "'" + key + "' must be true or false, not '" + v + "'");
            return fallback;
        }

        double optNumber(String key, double fallback) {
            String v = scalar(key);
            if (v == null) {
                return fallback;
            }
            Double d = YamlValues.number(v);
            if (d == null) {
                problem(lineOf(key), "'" + key + "' must be a number, not '" + v + "'");
                return fallback;
            }
            return d;
        }

        double[] optNumbers(String key) {
            var v = value(key);
            if (v == null) {
                return new double[0];
            }
            if (!(v instanceof SequenceNode seq)) {
                problem(line(v), "'" + key + "' must be a list of numbers like [1, 2]");
                return new double[0];
            }
            double[] out = new double[seq.getValue().size()];
            for (int i = 0; i < out.length; i++) {
                var item = seq.getValue().get(i);
                Double d = item instanceof ScalarNode s ? YamlValues.number(s.getValue()) : null;
                if (d == null) {
                    problem(line(item), "'" + key + "' must hold numbers only");
                    return new double[0];
                }
                out[i] = d;
            }
            return out;
        }

        List<String> optTexts(String key) {
            var v = value(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof SequenceNode seq)) {
                problem(line(v), "'" + key + "' must be a list like [Region, Income group]");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (var item : seq.getValue()) {
                if (item instanceof ScalarNode sc) {
                    out.add(sc.getValue());
                } else {
                    problem(line(item), "'" + key + "' must hold plain values");
                }
            }
            return List.copyOf(out);
        }

        Names requireNames(String key) {
            var v = value(key);
            if (v == null) {
                problem(line, "missing '" + key + "' ({zh: …, en: …})");
                return new Names("", "");
            }
            if (v instanceof ScalarNode s) {
                return new Names(s.getValue(), s.getValue());
            }
            YMap m = map(v, "'" + key + "'", Set.of("zh", "en"));
            String zh = m.optText("zh", null);
            String en = m.optText("en", null);
            if (zh == null && en == null) {
                problem(m.line, "'" + key + "' needs zh and/or en");
            }
            return new Names(zh == null ? en : zh, en == null ? zh : en);
        }

        YMap requireMap(String key, Set<String> allowed) {
            var v = value(key);
            if (v == null) {
                problem(line, "missing '" + key + "'");
                return null;
            }
            return map(v, "'" + key + "'", allowed);
        }

        YMap optMap(String key) {
            var v = value(key);
            if (v == null) {
                return null;
            }
            if (!(v instanceof MappingNode)) {
                problem(line(v), "'" + key + "' must be a mapping");
                return null;
            }
            java.util.Map<String, NodeTuple> entries = new LinkedHashMap<>();
            for (NodeTuple t : ((MappingNode) v).getValue()) {
                entries.put(((ScalarNode) t.getKeyNode()).getValue(), t);
            }
            return new YMap(entries, line(v), Set.of());
        }

        SequenceNode optSeq(String key) {
            var v = value(key);
            if (v == null) {
                return null;
            }
            if (v instanceof SequenceNode s) {
                return s;
            }
            problem(line(v), "'" + key + "' must be a list");
            return null;
        }

        SequenceNode optList(String key) {
            return optSeq(key);
        }

        SequenceNode requireList(String key) {
            if (!has(key)) {
                problem(line, "missing '" + key + "'");
                return null;
            }
            return optSeq(key);
        }

        MethodSpec optMethod(String key, java.util.Map<String, Methods.Signature> known, MethodSpec fallback) {
            var v = value(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof ScalarNode s) {
                return method(s.getValue(), java.util.Map.of(), line(v), known, key);
            }
            if (!(v instanceof MappingNode mn)) {
                problem(line(v), "'" + key + "' must be {method: …, parameters…}");
                return fallback;
            }
            String method = null;
            java.util.Map<String, Object> params = new LinkedHashMap<>();
            java.util.Map<String, Integer> paramLines = new HashMap<>();
            for (NodeTuple t : mn.getValue()) {
                String k = ((ScalarNode) t.getKeyNode()).getValue();
                if (k.equals("method")) {
                    method = t.getValueNode() instanceof ScalarNode s ? s.getValue() : null;
                } else {
                    params.put(k, YamlValues.toValue(t.getValueNode()));
                    paramLines.put(k, line(t.getKeyNode()));
                }
            }
            if (method == null) {
                problem(line(v), "'" + key + "' needs 'method' (one of " + String.join(", ", known.keySet()) + ")");
                return fallback;
            }
            return method(method, params, line(v), known, key);
        }

        private MethodSpec method(String method, java.util.Map<String, Object> params, int at,
                                  java.util.Map<String, Methods.Signature> known, String kind) {
            Methods.Signature sig = known.get(method);
            if (sig == null) {
                problem(at, "unknown " + kind + " method '" + method + "' (known: " + String.join(", ", known.keySet()) + ")");
                return new MethodSpec(method, java.util.Map.of(), at);
            }
            for (String req : sig.required()) {
                if (!params.containsKey(req)) {
                    problem(at, kind + " method '" + method + "' needs parameter '" + req + "'");
                }
            }
            for (String p : params.keySet()) {
                if (!sig.required().contains(p) && !sig.optional().contains(p)) {
                    problem(at, kind + " method '" + method + "' has no parameter '" + p + "'");
                }
            }
            for (String message : Methods.checkValues(kind, method, params)) {
                problem(at, message);
            }
            return new MethodSpec(method, params, at);
        }
    }


}
