package org.bizenv.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Methods;
import org.bizenv.framework.Names;
import org.bizenv.framework.yaml.MethodReader;
import org.bizenv.framework.yaml.YamlDocument;
import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.bizenv.framework.yaml.YamlValues;
import org.bizenv.robustness.PipelineInput;
import org.bizenv.robustness.PipelineInput.MethodChoice;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.robustness.PipelineInput.WeightFactor;
import org.bizenv.robustness.RobustnessException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an uncertainty file — the uncertain inputs of a whole-pipeline analysis — and checks it against the framework,
 * as {@link ScenarioLoader} reads scenario files: the framework file's YAML reader ({@link YamlDocument},
 * {@link YamlMap}), every alternative method checked by the same {@link MethodReader}, every code against the
 * framework, all problems together as {@code file:line: message} in a {@link RobustnessException} (an input problem).
 *
 * <pre>
 * uncertainty:
 *   focus-city: NJ                       # optional: Sobol indices of this city's rank and score too
 *   inputs:
 *     - id: norm                         # [A-Za-z0-9._-]+, unique
 *       name: {zh: 标准化方法, en: Normalisation}   # optional (default: the id)
 *       normalisation: [minmax, {method: zscore, mean: 50, sd: 10}]
 *       at: all                          # indicators (imputation, treatment, normalisation) or nodes (weighting,
 *                                        # aggregation): a list of codes, or 'all' (the default for indicators)
 *     - id: index-mean
 *       aggregation: [arithmetic, geometric]
 *       at: [INDEX]
 *     - id: w
 *       weights: 0.25                    # one input per code: weight × (1 ± 0.25), the parent renormalised
 *       at: [D1, D2]                     # default: the index's children
 * </pre>
 */
public final class UncertaintyLoader {

    private static final String WHAT = "uncertainty file";
    private static final Set<String> INPUT_KEYS = Set.of("id", "name", "at", "imputation", "treatment",
            "normalisation", "weighting", "aggregation", "weights");

    /** The file's inputs and its focus city (null: none). */
    public record UncertaintyFile(Path file, List<PipelineInput> inputs, String focusCity) {
        public UncertaintyFile {
            inputs = List.copyOf(inputs);
        }
    }

    private final Path file;
    private final Framework fw;
    private final YamlProblems problems;

    private UncertaintyLoader(Path file, Framework fw) {
        this.file = file;
        this.fw = fw;
        this.problems = new YamlProblems(file.toString());
    }

    /** Loads {@code file}; throws {@link RobustnessException} listing every problem found, in file order. */
    public static UncertaintyFile load(Path file, Framework fw) {
        return new UncertaintyLoader(file, fw).read();
    }

    private UncertaintyFile read() {
        Node doc = YamlDocument.read(file, WHAT, problems);
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems.inFileOrder());
        }
        if (!(doc instanceof MappingNode)) {
            throw new RobustnessException(file + ":1: an uncertainty file is a mapping with the key 'uncertainty'");
        }
        YamlMap top = YamlMap.of(doc, "an uncertainty file", Set.of("uncertainty"), problems);
        YamlMap u = top.requireMap("uncertainty", Set.of("focus-city", "inputs"));
        List<PipelineInput> inputs = new ArrayList<>();
        String focus = null;
        if (u != null) {
            focus = u.optText("focus-city", null);     // checked against the units when the analysis runs
            SequenceNode list = u.requireSeq("inputs");
            Set<String> ids = new HashSet<>();
            for (Node n : list == null ? List.<Node>of() : list.getValue()) {
                YamlMap m = YamlMap.of(n, "an uncertain input", problems);
                m.checkKeys(INPUT_KEYS, "an uncertain input");
                String id = m.requireCode("id");
                if (id != null && !ids.add(id)) {
                    problems.add(m.lineOf("id"), "duplicate input id '" + id + "'");
                }
                input(m, id == null ? "?" : id, inputs);
            }
            if (list != null && list.getValue().isEmpty()) {
                problems.add(list, "'inputs' lists no uncertain input");
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems.inFileOrder());
        }
        return new UncertaintyFile(file, inputs, focus);
    }

    private void input(YamlMap m, String id, List<PipelineInput> out) {
        YamlProblems about = problems.about("input " + id);
        YamlMap s = m.reportingTo(about);
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("imputation", "treatment", "normalisation", "weighting", "aggregation", "weights")) {
            if (s.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            about.add(m.line(), kinds.isEmpty() ? "says nothing to vary: give one of imputation, treatment, "
                    + "normalisation, weighting, aggregation or weights"
                    : "varies " + String.join(" and ", kinds) + ": one input varies one thing (declare one each)");
            return;
        }
        String kind = kinds.get(0);
        Names name = s.optNames("name", new Names(id, id));
        if (kind.equals("weights")) {
            weights(s, id, name, about, out);
            return;
        }
        Step step = Step.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        List<String> targets = targets(s, step, about);
        Node v = s.value(kind);
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            about.add(v, "'" + kind + "' must be a list of alternative methods, e.g. [minmax, zscore]");
            return;
        }
        List<MethodSpec> alternatives = new ArrayList<>();
        for (Node a : seq.getValue()) {
            MethodSpec spec = MethodReader.read(a, kind, known(step), null, about);
            if (spec == null) {
                continue;
            }
            alternatives.add(spec);
            if (step == Step.NORMALISATION) {
                for (String code : targets) {
                    Indicator ind = indicator(code);
                    String contradiction = ind == null ? null : Methods.goalpostsContradiction(spec, ind.direction(),
                            ind.code(), ind.transform());
                    if (contradiction != null) {
                        about.add(spec.line(), contradiction);
                    }
                }
            }
            if (step == Step.WEIGHTING && spec.method().equals("expert")) {
                for (String code : targets) {
                    noStatedWeight(code, spec.line(), about);
                }
            }
        }
        if (!targets.isEmpty() && alternatives.size() == seq.getValue().size()) {
            out.add(new MethodChoice(id, name, step, targets, alternatives));
        }
    }

    private static Map<String, Methods.Signature> known(Step step) {
        return switch (step) {
            case IMPUTATION -> Methods.IMPUTATION;
            case TREATMENT -> Methods.TREATMENT;
            case NORMALISATION -> Methods.NORMALISATION;
            case WEIGHTING -> Methods.WEIGHTING;
            case AGGREGATION -> Methods.AGGREGATION;
        };
    }

    /** The codes under 'at', checked: indicators for per-indicator steps, nodes otherwise; 'all' = every one. */
    private List<String> targets(YamlMap s, Step step, YamlProblems about) {
        List<String> all = step.perIndicator() ? fw.indicators().stream().map(Indicator::code).toList()
                : fw.nodes().stream().map(org.bizenv.framework.Node::code).toList();
        Node at = s.value("at");
        if (at == null) {
            if (!step.perIndicator()) {
                about.add(s.line(), "'at' must name the nodes whose " + step.key() + " varies, e.g. at: ["
                        + fw.index().code() + "]");
                return List.of();
            }
            return all;
        }
        if (at instanceof ScalarNode sc && sc.getValue().equals("all")) {
            return all;
        }
        List<String> codes = s.optTexts("at");
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            if (all.contains(c)) {
                out.add(c);
            } else {
                String other = step.perIndicator() ? (fw.nodes().stream().anyMatch(x -> x.code().equals(c))
                        ? ": " + c + " is a node, and " + step.key() + " is chosen per indicator" : "")
                        : indicator(c) != null ? ": " + c + " is an indicator, and " + step.key()
                        + " is chosen per node" : "";
                about.add(at, "unknown " + (step.perIndicator() ? "indicator" : "node") + " '" + c + "' ('at')"
                        + other);
            }
        }
        if (codes.isEmpty() && at instanceof SequenceNode) {
            about.add(at, "'at' names no code");
        }
        return out;
    }

    /** {@code weights: F} (0 ≤ F ≤ 1): one {@link WeightFactor} per code of 'at' (default: the index's children). */
    private void weights(YamlMap s, String id, Names name, YamlProblems about, List<PipelineInput> out) {
        Node v = s.value("weights");
        String text = YamlValues.text(v);
        Double f = v instanceof ScalarNode ? YamlValues.number(text) : null;
        if (f == null || !(f >= 0 && f <= 1)) {
            about.add(v, "'weights' is the factor f of the noise ×(1 ± f), a number in [0, 1], not '" + text + "'");
            return;
        }
        List<String> codes;
        if (s.has("at")) {
            codes = new ArrayList<>();
            for (String c : s.optTexts("at")) {
                boolean node = fw.nodes().stream().anyMatch(x -> x.code().equals(c));
                if (!node && indicator(c) == null) {
                    about.add(s.value("at"), "unknown code '" + c + "' ('at')");
                } else if (c.equals(fw.index().code())) {
                    about.add(s.value("at"), c + " is the index: it has no weight within a parent");
                } else {
                    codes.add(c);
                }
            }
        } else {
            codes = fw.dimensions().stream().map(org.bizenv.framework.Node::code).toList();
        }
        for (String c : codes) {
            out.add(new WeightFactor(id + ":" + c, new Names(name.zh() + "：" + c + " 权重", name.en() + ": weight of "
                    + c), c, f));
        }
    }

    /** Expert weights need a stated weight on every child of the node. */
    private void noStatedWeight(String node, int line, YamlProblems about) {
        List<String> missing = new ArrayList<>();
        for (org.bizenv.framework.Node n : fw.nodes()) {
            if (node.equals(n.parent()) && Double.isNaN(n.weight())) {
                missing.add(n.code());
            }
        }
        for (Indicator i : fw.indicators()) {
            if (node.equals(i.parent()) && Double.isNaN(i.weight())) {
                missing.add(i.code());
            }
        }
        if (!missing.isEmpty()) {
            about.add(line, "expert weights of " + node + " need a weight on every child, and " + String.join(", ",
                    missing) + " state none");
        }
    }

    private Indicator indicator(String code) {
        return fw.indicators().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
    }
}
