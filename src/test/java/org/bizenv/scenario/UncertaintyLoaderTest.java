package org.bizenv.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.robustness.PipelineInput;
import org.bizenv.robustness.PipelineInput.MethodChoice;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.robustness.PipelineInput.WeightFactor;
import org.bizenv.robustness.RobustnessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uncertainty files are read as framework and scenario files are: every problem with its file and line. */
class UncertaintyLoaderTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("u.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theBundledFilesLoadAgainstTheirFrameworks() {
        Framework miit = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        UncertaintyLoader.UncertaintyFile u = UncertaintyLoader.load(
                Path.of("indicators/scenarios/miit-sme-2024-uncertainty.yaml"), miit);
        assertThat(u.focusCity()).isEqualTo("nanjing");
        List<PipelineInput> in = u.inputs();
        assertThat(in).extracting(PipelineInput::id).containsExactly("normalisation", "outliers",
                "innovation-weighting", "index-aggregation", "weights:MKT", "weights:LAW", "weights:FIN", "weights:INN",
                "weights:POL");
        MethodChoice norm = (MethodChoice) in.get(0);
        assertThat(norm.step()).isEqualTo(Step.NORMALISATION);
        assertThat(norm.targets()).hasSize(miit.indicators().size());
        assertThat(norm.alternatives()).extracting(s -> s.describe()).containsExactly("minmax (max 100, min 1)",
                "zscore (mean 50, sd 10)", "percentile-rank (max 100, min 1)");
        assertThat(((WeightFactor) in.get(4)).factor()).isEqualTo(0.25);
        Framework asem = FrameworkLoader.load(Path.of("indicators/coinr-asem.yaml"));
        assertThat(UncertaintyLoader.load(Path.of("indicators/scenarios/coinr-asem-uncertainty.yaml"), asem).inputs())
                .hasSize(4 + 10);
    }

    @Test
    void everyProblemIsListedWithItsLine() throws IOException {
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        Path f = write("""
                uncertainty:
                  inputs:
                    - id: n
                      normalisation: [minmax, {method: goalposts, best: 1}]
                      at: [MKT, NOPE]
                    - id: a
                      aggregation: [arithmetic, geometric]
                    - id: two
                      aggregation: [arithmetic]
                      weighting: [equal]
                      at: [INDEX]
                    - id: w
                      weights: 2
                    - id: n
                      imputation: [mean, guess]
                  colour: blue
                """);
        try {
            UncertaintyLoader.load(f, fw);
        } catch (RobustnessException e) {
            assertThat(e.problems()).containsExactly(
                    f + ":4: input n: normalisation method 'goalposts' needs parameter 'worst'",
                    f + ":5: input n: unknown indicator 'MKT' ('at'): MKT is a node, and normalisation is chosen per "
                            + "indicator",
                    f + ":5: input n: unknown indicator 'NOPE' ('at')",
                    f + ":6: input a: 'at' must name the nodes whose aggregation varies, e.g. at: [INDEX]",
                    f + ":8: input two: varies weighting and aggregation: one input varies one thing (declare one "
                            + "each)",
                    f + ":13: input w: 'weights' is the factor f of the noise ×(1 ± f), a number in [0, 1], not '2'",
                    f + ":14: duplicate input id 'n'",
                    f + ":15: input n: unknown imputation method 'guess' (known: none, mean, median, group-mean, "
                            + "group-median, carry-forward)",
                    f + ":16: unknown key 'colour' (expected one of: focus-city, inputs)");
            return;
        }
        throw new AssertionError("the file was accepted");
    }
}
