package org.bizenv.framework;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One evaluation stated completely as data: the tree, every indicator's source and every method choice.
 * Built only by {@link FrameworkLoader}, which validates it; {@link #tree()} is its structure in index form.
 * {@code subset} is the part of the registry {@code unitsFile} evaluated, null for all of it.
 */
public record Framework(Path file, String id, Names name, String version, Path unitsFile, boolean synthetic,
                        RankingRules ranking, Tiers tiers, List<Source> sources, List<Denominator> denominators,
                        List<Node> nodes, List<Indicator> indicators, FrameworkTree tree, Composites composites,
                        UnitSubset subset) {

    public Framework {
        sources = List.copyOf(sources);
        denominators = List.copyOf(denominators);
        nodes = List.copyOf(nodes);
        indicators = List.copyOf(indicators);
        composites = composites == null ? Composites.NONE : composites;
    }

    /** Over the whole of its registry (if any). */
    public Framework(Path file, String id, Names name, String version, Path unitsFile, boolean synthetic,
                     RankingRules ranking, Tiers tiers, List<Source> sources, List<Denominator> denominators,
                     List<Node> nodes, List<Indicator> indicators, FrameworkTree tree, Composites composites) {
        this(file, id, name, version, unitsFile, synthetic, ranking, tiers, sources, denominators, nodes, indicators,
                tree, composites, null);
    }

    /** Without composite units. */
    public Framework(Path file, String id, Names name, String version, Path unitsFile, boolean synthetic,
                     RankingRules ranking, Tiers tiers, List<Source> sources, List<Denominator> denominators,
                     List<Node> nodes, List<Indicator> indicators, FrameworkTree tree) {
        this(file, id, name, version, unitsFile, synthetic, ranking, tiers, sources, denominators, nodes, indicators,
                tree, Composites.NONE);
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Denominator> denominator(String id) {
        return denominators.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The root of the tree: the index. */
    public Node index() {
        return nodes.get(tree.root());
    }

    /** The index's children: the dimensions. */
    public List<Node> dimensions() {
        return tree.childNodes(tree.root()).stream().map(nodes::get).toList();
    }
}
