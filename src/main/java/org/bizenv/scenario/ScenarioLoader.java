package org.bizenv.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.ingest.Tables;
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
import org.bizenv.robustness.RobustnessException;
import org.bizenv.robustness.Scenario;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a scenario file and checks it against the framework it modifies. It reads YAML as the framework loader does
 * ({@link YamlDocument}, {@link YamlMap}): methods and their parameters are checked by the same {@link MethodReader},
 * so a choice a framework file may not make a scenario may not make either; then every code is checked against the
 * framework. All problems are reported together as {@code file:line: message} in a {@link RobustnessException}.
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

    private static final String WHAT = "scenario file";
    private static final Set<String> FILE_KEYS = Set.of("scenarios");
    private static final Set<String> SCENARIO_KEYS = Set.of("id", "name", "weights", "aggregation", "normalisation",
            "weights-workbook", "sheet");

    private final Path file;
    private final Framework fw;
    private final YamlProblems problems;

    private ScenarioLoader(Path file, Framework fw) {
        this.file = file;
        this.fw = fw;
        this.problems = new YamlProblems(file.toString());
    }

    /** Loads every scenario of {@code file}; throws {@link RobustnessException} listing every problem found. */
    public static List<Scenario> load(Path file, Framework fw) {
        return new ScenarioLoader(file, fw).read();
    }

    /**
     * The files a scenario file names ({@code weights-workbook:}, resolved beside it), so that a run's inputs include
     * them. Lenient: a file that does not read names nothing here, and {@link #load} reports why.
     */
    public static List<Path> referencedFiles(Path file) {
        if (Tables.isWorkbook(file.getFileName().toString())) {
            return List.of();
        }
        YamlProblems ignored = new YamlProblems(file.toString());
        Node doc = YamlDocument.read(file, WHAT, ignored);
        if (!(doc instanceof MappingNode)) {
            return List.of();
        }
        SequenceNode list = YamlMap.of(doc, "a scenario file", ignored).optSeq("scenarios");
        List<Path> out = new ArrayList<>();
        for (Node s : list == null ? List.<Node>of() : list.getValue()) {
            String book = s instanceof MappingNode ? YamlMap.of(s, "a scenario", ignored).optText("weights-workbook",
                    null) : null;
            if (book != null) {
                out.add(beside(file, book));
            }
        }
        return out;
    }

    private static Path beside(Path file, String path) {
        return file.toAbsolutePath().getParent().resolve(path).normalize();
    }

    private List<Scenario> read() {
        Node doc = YamlDocument.read(file, WHAT, problems);
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems.inFileOrder());
        }
        if (!(doc instanceof MappingNode)) {
            throw new RobustnessException(file + ":1: a scenario file is a mapping with the key 'scenarios'");
        }
        YamlMap top = YamlMap.of(doc, "a scenario file", FILE_KEYS, problems);
        Node list = top.value("scenarios");
        if (!(list instanceof SequenceNode seq)) {
            problems.add(list == null ? top.line() : YamlDocument.line(list), "'scenarios' must be a list of "
                    + "scenarios");
            throw new RobustnessException(problems.inFileOrder());
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            YamlMap m = YamlMap.of(n, "a scenario", problems);
            m.checkKeys(SCENARIO_KEYS, "a scenario");
            Scenario s = scenario(m);
            if (!ids.add(s.id())) {
                problems.add(m.line(), "duplicate scenario id '" + s.id() + "'");
            }
            out.add(s);
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems.inFileOrder());
        }
        return out;
    }

    private Scenario scenario(YamlMap m) {
        String id = m.requireCode("id");
        if (id == null) {
            id = "?";
        } else if (id.equals("nominal")) {
            problems.add(m.lineOf("id"), "'nominal' is reserved for the framework's own choices");
        }
        YamlProblems about = problems.about("scenario " + id);
        YamlMap s = m.reportingTo(about);
        Names name = s.optNames("name", new Names(id, id));
        String where = file + ":" + m.line();
        Map<String, Double> weights = new LinkedHashMap<>();
        String book = s.optText("weights-workbook", null);
        if (book != null) {
            try {
                Scenario fromBook = WeightsSheetReader.read(beside(file, book), s.optText("sheet", null), fw, id, name);
                weights.putAll(fromBook.weights());
                where = fromBook.source();
            } catch (RobustnessException e) {
                for (String p : e.problems()) {
                    about.add(s.lineOf("weights-workbook"), p);
                }
            }
        } else if (s.has("sheet")) {
            about.add(s.lineOf("sheet"), "'sheet' goes with 'weights-workbook'");
        }
        YamlMap wm = s.optMap("weights");
        for (YamlMap.Entry e : wm == null ? List.<YamlMap.Entry>of() : wm.entries()) {
            if (knownWeightCode(e, about)) {
                String text = YamlValues.text(e.value());
                Double w = YamlValues.number(text);
                String why = w == null ? YamlValues.numberProblem(text) : null;
                if (why != null) {
                    about.add(e.value(), "the weight of " + e.key() + ": " + why);
                } else if (w == null || !(w >= 0) || w.isInfinite()) {
                    about.add(e.value(), "the weight of " + e.key() + " must be a number >= 0, not '" + text + "'");
                } else {
                    weights.put(e.key(), w);
                }
            }
        }
        Map<String, MethodSpec> aggregation = new LinkedHashMap<>();
        YamlMap am = s.optMap("aggregation");
        for (YamlMap.Entry e : am == null ? List.<YamlMap.Entry>of() : am.entries()) {
            if (fw.nodes().stream().noneMatch(x -> x.code().equals(e.key()))) {
                about.add(e.keyLine(), "unknown node '" + e.key() + "' (aggregation)"
                        + (indicator(e.key()) != null ? ": an indicator has no aggregation" : ""));
                continue;
            }
            MethodSpec spec = MethodReader.read(e.value(), "aggregation", Methods.AGGREGATION, e.key(), about);
            if (spec != null) {
                aggregation.put(e.key(), spec);
            }
        }
        Map<String, MethodSpec> normalisation = new LinkedHashMap<>();
        YamlMap nm = s.optMap("normalisation");
        for (YamlMap.Entry e : nm == null ? List.<YamlMap.Entry>of() : nm.entries()) {
            Indicator ind = indicator(e.key());
            if (ind == null) {
                about.add(e.keyLine(), "unknown indicator '" + e.key() + "' (normalisation)");
                continue;
            }
            MethodSpec spec = MethodReader.read(e.value(), "normalisation", Methods.NORMALISATION, e.key(), about);
            if (spec != null) {
                String contradiction = Methods.goalpostsContradiction(spec, ind.direction(), ind.code(), ind.transform());
                if (contradiction != null) {
                    about.add(spec.line(), contradiction);
                }
                normalisation.put(e.key(), spec);
            }
        }
        return new Scenario(id, name, weights, aggregation, normalisation, where);
    }

    /** A weight is for a node or an indicator of the framework, not for the index (it has no parent). */
    private boolean knownWeightCode(YamlMap.Entry e, YamlProblems about) {
        boolean node = fw.nodes().stream().anyMatch(x -> x.code().equals(e.key()));
        if (!node && indicator(e.key()) == null) {
            about.add(e.keyLine(), "unknown code '" + e.key() + "' (weights)");
            return false;
        }
        if (node && fw.index().code().equals(e.key())) {
            about.add(e.keyLine(), e.key() + " is the index: it has no weight within a parent");
            return false;
        }
        return true;
    }

    private Indicator indicator(String code) {
        return fw.indicators().stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
    }
}
