package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bizenv.scoring.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check every robustness analysis starts with: the re-aggregation at nominal weights reproduces the scorer. A
 * build whose stored node scores were tampered with stands in for a scorer and a re-aggregation that disagree.
 */
class NominalCheckTest {

    @TempDir
    Path dir;

    @Test
    void aBuildAsScoredPasses() {
        Build b = Fixtures.twoIndicators(dir);
        assertThatCode(() -> CompiledIndex.of(b)).doesNotThrowAnyException();
    }

    @Test
    void aNodeThatDiffersIsNamedWithItsFirstUnitAndBothValues() {
        Build b = Fixtures.twoIndicators(dir);
        int root = b.framework().tree().root();
        b.nodeScores()[root][1] = 41.0;           // the scorer said 40 for B = (20 + 60) / 2
        assertThatThrownBy(() -> CompiledIndex.of(b))
                .isInstanceOf(ReaggregationMismatchException.class)
                .isNotInstanceOf(RobustnessException.class)
                .hasMessageContaining("node INDEX (指数 Index) differs for 1 of 3 units")
                .hasMessageContaining("城市1 B (u1)")
                .hasMessageContaining("scores 40.0 in the re-aggregation and 41.0 from the scorer")
                .hasMessageStartingWith("Internal fault in bizenv, not in the inputs")
                .satisfies(e -> assertThat(((ReaggregationMismatchException) e).node()).isEqualTo("INDEX"));
    }

    @Test
    void ranksThatDifferAreAFaultToo() {
        Build b = Fixtures.twoIndicators(dir);
        int root = b.framework().tree().root();
        int[] ranks = b.nodeRanks()[root];
        int first = ranks[0];
        ranks[0] = ranks[1];
        ranks[1] = first;                          // A and B swapped in the stored ranking
        assertThatThrownBy(() -> CompiledIndex.of(b))
                .isInstanceOf(ReaggregationMismatchException.class)
                .hasMessageContaining("the index scores agree but");
    }
}
