package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bizenv.framework.Names;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.scoring.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end on a 36-city synthetic index, with modest sizes so it stays fast. */
class RobustnessAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void everyPartIsFilledInAndConsistentWithTheBuild() {
        Synthetic synthetic = Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38));
        Build b = synthetic.build();
        RobustnessRequest req = RobustnessRequest.defaults("INDEX")
                .withScenarios(List.of(Scenario.weights("d1-heavy", new Names("维度一优先", "Dimension 1 first"),
                        Map.of("D1", 3.0))))
                .withUncertainty(UncertaintyOptions.defaults().withRuns(400).withThreads(2))
                .withSensitivity(null, SobolIndices.Options.defaults().withBaseSamples(128).withBootstrap(50)
                        .withThreads(2))
                .withReversals(List.of("INDEX", "D2"), Norm.L1);
        Set<String> tasks = new HashSet<>();
        RobustnessResult r = RobustnessAnalysis.run(b, synthetic.data(), req, (task, done, total) -> tasks.add(task));

        assertThat(tasks).containsExactlyInAnyOrder("uncertainty", "sensitivity", "one-at-a-time", "rank-reversal");
        assertThat(r.frameworkId()).isEqualTo("synthetic");
        assertThat(r.units()).hasSize(36);
        assertThat(r.nominalRank()).containsExactly(b.indexRanks());
        assertThat(r.uncertainty().nominalRank()).containsExactly(b.indexRanks());
        assertThat(r.scenarios().ranks()[0]).containsExactly(b.indexRanks());
        assertThat(r.scenarios().scenarioIds()).containsExactly("nominal", "d1-heavy");
        assertThat(r.sensitivity().inputs()).extracting(InputIndex::label)
                .containsExactly("weight:D1", "weight:D2", "weight:D3", "weight:D4", "weight:D5");
        assertThat(r.sensitivity().runs()).isEqualTo(128 * 7);
        assertThat(r.oneAtATime().removals()).hasSize(38 + 5);
        assertThat(r.reversals()).hasSize(2 * 35);
        assertThat(r.reversals()).allMatch(RankReversal::exact);
        for (int i = 0; i < 36; i++) {
            // a unit's 90% interval contains its median, and the tier probabilities add up to 1
            assertThat(r.uncertainty().rankP05()[i]).isLessThanOrEqualTo(r.uncertainty().medianRank()[i]);
            assertThat(r.uncertainty().medianRank()[i]).isLessThanOrEqualTo(r.uncertainty().rankP95()[i]);
            double total = 0;
            for (double p : r.uncertainty().tierProbability()[i]) {
                total += p;
            }
            assertThat(total).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(r.notes()).anyMatch(n -> n.en().contains("rank shift = nominal rank − rank")
                && n.zh().contains("排名变化 = 基准排名 − 排名（正数表示上升）"));
    }
}
