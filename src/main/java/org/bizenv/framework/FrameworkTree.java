package org.bizenv.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree in index form, for loops over arrays. Nodes are numbered as in {@link Framework#nodes()} and indicators
 * as in {@link Framework#indicators()}; a child reference is {@code >= 0} for a node and {@code -1 - i} for
 * indicator {@code i}.
 *
 * @param root             index of the root node
 * @param nodeParent       parent node of each node (-1 for the root)
 * @param indicatorParent  parent node of each indicator
 * @param children         each node's children in file order (encoded as above)
 * @param bottomUp         node indices ordered so that every node comes after all its child nodes
 * @param depth            depth of each node (root 0)
 */
public record FrameworkTree(int root, int[] nodeParent, int[] indicatorParent, int[][] children, int[] bottomUp,
                            int[] depth) {

    /** The tree, or the problems that keep the elements from forming one (then {@code tree} is null). */
    public record Built(FrameworkTree tree, List<LineProblem> problems) {
    }

    /**
     * Forms the tree of {@code nodes} and {@code indicators}: unique codes, known parents, no cycle, exactly one root,
     * no childless node, every node connected to the index; the children of an expert-weighted (or combined) node
     * need weights, an AHP matrix must fit its node's children and be consistent. Each problem is at the line of the
     * element, or of its {@code parent} key where that is the problem.
     *
     * @param nodeParentLines      line of each node's {@code parent} key (its own line when it has none)
     * @param indicatorParentLines the same for the indicators
     */
    public static Built build(List<Node> nodes, int[] nodeParentLines, List<Indicator> indicators,
                              int[] indicatorParentLines) {
        List<LineProblem> problems = new ArrayList<>();
        Map<String, Integer> nodeIndex = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        List<TreeElement> elements = new ArrayList<>(nodes);
        elements.addAll(indicators);
        for (int i = 0; i < elements.size(); i++) {
            TreeElement e = elements.get(i);
            if (e.code() == null) {
                continue;                                   // reported by the reader
            }
            Integer prev = firstLine.putIfAbsent(e.code(), e.line());
            if (prev != null) {
                problems.add(new LineProblem(e.line(), "duplicate code '" + e.code() + "' (first defined at line "
                        + prev + ")"));
            } else if (i < nodes.size()) {
                nodeIndex.put(e.code(), i);
            }
        }
        int[] nodeParent = new int[nodes.size()];
        int root = -1;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            nodeParent[i] = -1;
            if (n.parent() == null) {
                if (root >= 0) {
                    problems.add(new LineProblem(n.line(), "node " + n.code() + " has no parent, but "
                            + nodes.get(root).code() + " (line " + nodes.get(root).line() + ") is already the root: "
                            + "exactly one node is the index"));
                }
                root = root < 0 ? i : root;
            } else {
                Integer p = nodeIndex.get(n.parent());
                if (p == null) {
                    problems.add(new LineProblem(nodeParentLines[i], "node " + n.code() + ": unknown parent '"
                            + n.parent() + "'" + (firstLine.containsKey(n.parent()) ? " (an indicator cannot be a "
                            + "parent)" : "")));
                } else {
                    nodeParent[i] = p;
                }
            }
        }
        if (root < 0 && !nodes.isEmpty()) {
            problems.add(new LineProblem(nodes.get(0).line(), "no node without a parent: one node must be the index "
                    + "(the root)"));
        }
        if (nodes.isEmpty()) {
            problems.add(new LineProblem(1, "no nodes: a framework needs at least the index node"));
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
                problems.add(new LineProblem(nodes.get(i).line(), "node " + nodes.get(i).code() + " is part of a "
                        + "cycle of parents"));
            }
        }
        int[] indicatorParent = new int[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            Indicator ind = indicators.get(i);
            Integer p = ind.parent() == null ? null : nodeIndex.get(ind.parent());
            if (ind.parent() != null && p == null) {
                problems.add(new LineProblem(indicatorParentLines[i], "indicator " + ind.code() + ": unknown parent '"
                        + ind.parent() + "'" + (firstLine.containsKey(ind.parent()) ? " (an indicator cannot be a "
                        + "parent)" : "")));
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
                kids.get(indicatorParent[i]).add(encodeIndicator(i));
            }
        }
        int[][] children = new int[nodes.size()][];
        for (int i = 0; i < nodes.size(); i++) {
            children[i] = kids.get(i).stream().mapToInt(Integer::intValue).toArray();
            if (children[i].length == 0 && !inCycle.contains(i)) {
                problems.add(new LineProblem(nodes.get(i).line(), "node " + nodes.get(i).code() + " has no children"));
            }
            checkWeights(nodes, indicators, i, children[i], problems);
        }
        int[] depth = new int[nodes.size()];
        List<Integer> order = new ArrayList<>();
        if (root >= 0 && problems.isEmpty()) {
            postOrder(root, children, depth, 0, order);
            for (int i = 0; i < nodes.size(); i++) {
                if (!order.contains(i)) {
                    problems.add(new LineProblem(nodes.get(i).line(), "node " + nodes.get(i).code() + " is not "
                            + "connected to the index"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Built(null, List.copyOf(problems));
        }
        return new Built(new FrameworkTree(root, nodeParent, indicatorParent, children,
                order.stream().mapToInt(Integer::intValue).toArray(), depth), List.of());
    }

    /** The children of an expert-weighted (or combined) node need weights; an AHP matrix must fit the children. */
    private static void checkWeights(List<Node> nodes, List<Indicator> indicators, int node, int[] children,
                                     List<LineProblem> problems) {
        Node n = nodes.get(node);
        String w = n.weighting().method();
        if (w.equals("expert") || w.equals("combined")) {
            for (int c : children) {
                TreeElement e = isIndicator(c) ? indicators.get(indicatorOf(c)) : nodes.get(c);
                if (Double.isNaN(e.weight())) {
                    problems.add(new LineProblem(e.line(), e.code() + ": missing weight (its parent " + n.code()
                            + " uses " + w + " weighting)"));
                }
            }
        }
        if (w.equals("ahp")) {
            String problem = ahpMatrixProblem(n, children.length);
            if (problem != null) {
                problems.add(new LineProblem(n.weighting().line(), problem));
            }
        }
    }

    private static String ahpMatrixProblem(Node node, int k) {
        List<Object> rows = node.weighting().list("matrix");
        if (rows.size() != k) {
            return "node " + node.code() + ": the AHP matrix has " + rows.size() + " rows for " + k + " children";
        }
        for (Object r : rows) {
            if (!(r instanceof List<?> row) || row.size() != k || row.stream().anyMatch(v -> !(v instanceof Double))) {
                return "node " + node.code() + ": every AHP matrix row needs " + k + " numbers (fractions like 1/3 "
                        + "are fine)";
            }
        }
        return AhpCheck.problem(node);
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

    public static boolean isIndicator(int child) {
        return child < 0;
    }

    public static int indicatorOf(int child) {
        return -1 - child;
    }

    public static int encodeIndicator(int indicator) {
        return -1 - indicator;
    }

    public List<Integer> childNodes(int node) {
        List<Integer> out = new ArrayList<>();
        for (int c : children[node]) {
            if (c >= 0) {
                out.add(c);
            }
        }
        return out;
    }

    /** The node of {@code depth} 1 (dimension) an indicator belongs to, or the root for a shallow tree. */
    public int dimensionOfIndicator(int indicator) {
        int n = indicatorParent[indicator];
        while (nodeParent[n] != root && nodeParent[n] >= 0) {
            n = nodeParent[n];
        }
        return n;
    }

    /** All indicators under a node, in file order of discovery (depth first). */
    public int[] indicatorsUnder(int node) {
        List<Integer> out = new ArrayList<>();
        collect(node, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private void collect(int node, List<Integer> out) {
        for (int c : children[node]) {
            if (isIndicator(c)) {
                out.add(indicatorOf(c));
            } else {
                collect(c, out);
            }
        }
    }
}
