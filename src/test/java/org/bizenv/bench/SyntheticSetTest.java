package org.bizenv.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.bizenv.scoring.Build;
import org.bizenv.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's synthetic evaluation is a valid framework that scores every unit, the same for the same seed. */
class SyntheticSetTest {

    @TempDir
    Path dir;

    @Test
    void aSmallSyntheticSetLoadsScoresAndIsReproducible() throws Exception {
        SyntheticSet.Set a = SyntheticSet.create(dir.resolve("a"), 60, 10, 4, 1, 42);
        SyntheticSet.Set b = SyntheticSet.create(dir.resolve("b"), 60, 10, 4, 1, 42);

        assertThat(a.framework().indicators()).hasSize(40);
        assertThat(a.framework().nodes()).hasSize(1 + 10 + 40);
        Build build = Scorer.score(a.framework(), a.data());
        assertThat(build.indexScores()).doesNotContain(Double.NaN);
        assertThat(build.imputed().flaggedCount()).isPositive();          // the 0.5 % gaps are imputed
        assertThat(build.indexScores()).containsExactly(Scorer.score(b.framework(), b.data()).indexScores());
    }
}
