package org.bizenv.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The tree is formed from the elements themselves, with no file: the model's own check. */
class FrameworkTreeTest {

    private static Node node(String code, String parent, double weight, int line) {
        return new Node(code, parent, new Names(code, code), weight, MethodSpec.of("arithmetic"),
                MethodSpec.of("expert"), line);
    }

    private static Indicator indicator(String code, String parent, int line) {
        return new Indicator(code, parent, new Names(code, code), "", 1, 1, "s", code, null, Double.NaN, Double.NaN,
                MethodSpec.of("minmax"), MethodSpec.of("none"), MethodSpec.of("none"), null, "", line);
    }

    @Test
    void formsTheTreeInIndexFormBottomUp() {
        FrameworkTree.Built b = FrameworkTree.build(
                List.of(node("INDEX", null, Double.NaN, 1), node("A", "INDEX", 1, 2), node("B", "INDEX", 1, 3)),
                new int[] {1, 2, 3},
                List.of(indicator("A1", "A", 4), indicator("B1", "B", 5), indicator("A2", "A", 6)),
                new int[] {4, 5, 6});
        assertThat(b.problems()).isEmpty();
        FrameworkTree t = b.tree();
        assertThat(t.root()).isZero();
        assertThat(t.children()[1]).containsExactly(FrameworkTree.encodeIndicator(0), FrameworkTree.encodeIndicator(2));
        assertThat(t.bottomUp()).containsExactly(1, 2, 0);
        assertThat(t.indicatorsUnder(0)).containsExactly(0, 2, 1);
    }

    @Test
    void returnsTheProblemsInsteadOfATree() {
        FrameworkTree.Built b = FrameworkTree.build(
                List.of(node("INDEX", null, Double.NaN, 1), node("A", "A1", 1, 2), node("B", "INDEX", Double.NaN, 4)),
                new int[] {1, 3, 4},
                List.of(indicator("A1", "INDEX", 5), indicator("B1", "B", 6)),
                new int[] {5, 6});
        assertThat(b.tree()).isNull();
        assertThat(b.problems()).containsExactly(
                new LineProblem(3, "node A: unknown parent 'A1' (an indicator cannot be a parent)"),
                new LineProblem(4, "B: missing weight (its parent INDEX uses expert weighting)"),
                new LineProblem(2, "node A has no children"));
    }
}
