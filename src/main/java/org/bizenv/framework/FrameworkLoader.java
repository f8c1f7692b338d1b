package org.bizenv.framework;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.yaml.YamlDocument;
import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads and validates a framework file. Works on SnakeYAML's node tree ({@link YamlDocument}) rather than binding to
 * objects so that every value keeps its line: all problems are collected and reported together as
 * {@code file:line: message}. The top level, {@code framework} and {@code defaults} are read here; the sections by
 * the readers named after them ({@link SourcesReader}, {@link TreeElementsReader}, {@link RankingReader},
 * {@link CompositesReader}, {@link TextValuesReader}); the tree is formed by {@link FrameworkTree#build}.
 */
public final class FrameworkLoader {

    private static final Set<String> TOP_KEYS = Set.of("framework", "defaults", "ranking", "tiers", "sources",
            "denominators", "nodes", "indicators", "composites");

    private FrameworkLoader() {
    }

    /** Loads and validates {@code file}; throws {@link FrameworkException} listing every problem found. */
    public static Framework load(Path file) {
        YamlProblems problems = new YamlProblems(file.toString());
        org.yaml.snakeyaml.nodes.Node doc = YamlDocument.read(file, "framework file", problems);
        if (!problems.isEmpty()) {
            throw new FrameworkException(problems.inFileOrder());
        }
        if (!(doc instanceof MappingNode)) {
            throw new FrameworkException(List.of(file + ":1: a framework file is a YAML mapping with the keys "
                    + "framework, sources, nodes and indicators"));
        }
        Framework fw = read(file, YamlMap.of(doc, "the file", TOP_KEYS, problems), problems);
        if (!problems.isEmpty()) {
            throw new FrameworkException(problems.inFileOrder());
        }
        return fw;
    }

    /** The framework, or null when {@code problems} lists why not. */
    private static Framework read(Path file, YamlMap top, YamlProblems problems) {
        YamlMap fw = top.requireMap("framework", Set.of("id", "name", "version", "units", "synthetic"));
        String id = fw == null ? "?" : fw.requireCode("id");
        Names name = fw == null ? new Names("", "") : fw.requireNames("name");
        String version = fw == null ? "" : fw.optText("version", "");
        Path unitsFile = null;
        UnitSubset subset = null;
        boolean synthetic = false;
        if (fw != null) {
            UnitsReader.Units units = UnitsReader.units(fw, file, problems);
            unitsFile = units.registry();
            subset = units.subset();
            synthetic = fw.optBoolean("synthetic", false);
        }

        YamlMap defaults = top.optMap("defaults");
        MethodSpec defNorm = MethodSpec.of("minmax");
        MethodSpec defAgg = MethodSpec.of("arithmetic");
        MethodSpec defWeighting = MethodSpec.of("expert");
        MethodSpec defImpute = MethodSpec.of("none");
        MethodSpec defTreat = MethodSpec.of("none");
        MethodSpec defTransform = MethodSpec.of("none");
        Map<String, TextValue> defTextValues = new LinkedHashMap<>();
        if (defaults != null) {
            defaults.checkKeys(Set.of("normalisation", "aggregation", "weighting", "imputation", "treatment",
                    "text-values", "transform"));
            defTextValues = TextValuesReader.textValues(defaults, "defaults", problems);
            defNorm = defaults.optMethod("normalisation", Methods.NORMALISATION, defNorm);
            defAgg = defaults.optMethod("aggregation", Methods.AGGREGATION, defAgg);
            defWeighting = defaults.optMethod("weighting", Methods.WEIGHTING, defWeighting);
            defImpute = defaults.optMethod("imputation", Methods.IMPUTATION, defImpute);
            defTreat = defaults.optMethod("treatment", Methods.TREATMENT, defTreat);
            defTransform = defaults.optMethod("transform", Methods.TRANSFORM, defTransform);
        }

        RankingRules ranking = RankingReader.ranking(top.optMap("ranking"), problems);
        Tiers tiers = RankingReader.tiers(top.optMap("tiers"), problems);
        List<Source> sources = SourcesReader.sources(top.optSeq("sources"), problems);
        List<Denominator> denominators = SourcesReader.denominators(top.optSeq("denominators"), sources, problems);
        TreeElementsReader elements = new TreeElementsReader(problems);
        List<Node> nodes = elements.nodes(top.requireSeq("nodes"), defAgg, defWeighting);
        List<Indicator> indicators = elements.indicators(top.requireSeq("indicators"), sources, denominators,
                new TreeElementsReader.Defaults(defNorm, defImpute, defTreat, defTextValues, defTransform));
        SourcesReader.checkColumns(top.optSeq("sources"), sources, indicators, problems);
        FrameworkTree.Built tree = FrameworkTree.build(nodes, elements.nodeParentLines(), indicators,
                elements.indicatorParentLines());
        problems.addAll(tree.problems());
        Composites composites = CompositesReader.composites(top.value("composites"), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Framework(file, id, name, version, unitsFile, synthetic, ranking, tiers, sources, denominators,
                nodes, indicators, tree.tree(), composites, subset);
    }
}
