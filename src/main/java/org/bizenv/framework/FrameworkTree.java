package org.bizenv.framework;

import java.util.ArrayList;
import java.util.List;

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
