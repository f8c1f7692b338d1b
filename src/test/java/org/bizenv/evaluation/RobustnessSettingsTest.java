package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.FrameworkLoader;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.robustness.UncertainInput;
import org.bizenv.robustness.WeightPerturbation;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The job's robustness options: parsing, defaults, the analysis they ask for, and the job parameters they become. */
class RobustnessSettingsTest {

    @Test
    void perturbationsParseAndHaveOneSpelling() {
        assertThat(RobustnessSettings.perturbation("uniform:0.25")).isEqualTo(WeightPerturbation.uniform(0.25));
        assertThat(RobustnessSettings.perturbation(" Dirichlet: 50 ")).isEqualTo(WeightPerturbation.dirichlet(50));
        assertThat(RobustnessSettings.canonicalPerturbation("Uniform:.250")).isEqualTo("uniform:0.25");
        assertThat(RobustnessSettings.canonicalPerturbation("dirichlet:50.0")).isEqualTo("dirichlet:50");
        assertThatThrownBy(() -> RobustnessSettings.perturbation("uniform:1.5"))
                .hasMessage("uniform weight noise: F must lie in [0, 1], got 1.5");
        assertThatThrownBy(() -> RobustnessSettings.perturbation("dirichlet:0"))
                .hasMessage("Dirichlet weights: ALPHA must be a finite number > 0, got 0");
        assertThatThrownBy(() -> RobustnessSettings.perturbation("gaussian:1"))
                .hasMessageContaining("'gaussian:1' is not a weight perturbation");
        assertThatThrownBy(() -> RobustnessSettings.perturbation("uniform"))
                .hasMessageContaining("use uniform:F");
        assertThatThrownBy(() -> new RobustnessSettings(true, List.of(), -1, "uniform:0.25", 0, 1))
                .hasMessageContaining("uncertainty runs must be >= 0");
        assertThatThrownBy(() -> new RobustnessSettings(true, List.of(), 0, "uniform:0.25", 1, 1))
                .hasMessageContaining("0 (none) or at least 2");
        assertThatThrownBy(() -> new RobustnessSettings(true, List.of(), 0, "uniform:0.25", 0, -1, 1))
                .hasMessage("the number of survey bootstrap replicates must be >= 0 (0 = none), got -1");
    }

    @Test
    void theSurveyBootstrapDefaultsTo1000AndItsCombinedRunsPerturbTheWeightsAsTheMonteCarlo() {
        assertThat(RobustnessSettings.defaults().surveyBootstrap()).isEqualTo(1000);
        assertThat(RobustnessSettings.off().surveyBootstrap()).isZero();
        assertThat(new RobustnessSettings(false, List.of(), 10, null, 0, 500, 3).surveyBootstrap()).isZero();
        var o = new RobustnessSettings(true, List.of(), 0, "dirichlet:40", 0, 250, 6).bootstrapOptions(3);
        assertThat(o.replicates()).isEqualTo(250);
        assertThat(o.seed()).isEqualTo(6);
        assertThat(o.threads()).isEqualTo(3);
        assertThat(o.weights().weights()).isEqualTo(WeightPerturbation.dirichlet(40));
        assertThat(o.weights().seed()).isEqualTo(6);
    }

    @Test
    void offResetsEverySoNoSettingCanSplitRunsThatComputeTheSame() {
        RobustnessSettings off = new RobustnessSettings(false, List.of(Path.of("s.yaml")), 5000, "dirichlet:9", 64,
                42);
        assertThat(off).isEqualTo(RobustnessSettings.off());
        assertThat(off.scenarios()).isEmpty();
    }

    @Test
    void theRequestAsksForEveryPartWithTheSettingsSeed() {
        var fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        var settings = new RobustnessSettings(true, List.of(), 500, "uniform:0.1", 128, 9);
        RobustnessRequest req = settings.request(fw, List.of(), 2);
        assertThat(req.uncertainty().runs()).isEqualTo(500);
        assertThat(req.uncertainty().seed()).isEqualTo(9);
        assertThat(req.uncertainty().weights()).isEqualTo(WeightPerturbation.uniform(0.1));
        assertThat(req.sensitivity().baseSamples()).isEqualTo(128);
        assertThat(req.sensitivity().seed()).isEqualTo(9);
        // the Sobol inputs: one factor per dimension, with the uniform noise's F
        assertThat(req.sensitivityInputs()).containsExactly(new UncertainInput.WeightFactor("MKT", 0.1),
                new UncertainInput.WeightFactor("LAW", 0.1), new UncertainInput.WeightFactor("FIN", 0.1),
                new UncertainInput.WeightFactor("INN", 0.1), new UncertainInput.WeightFactor("POL", 0.1));
        assertThat(req.oneAtATime()).isTrue();
        assertThat(req.reversalNodes()).containsExactly("INDEX");
        assertThat(req.reversalNorm()).isEqualTo(Norm.L1);

        var none = new RobustnessSettings(true, List.of(), 0, "dirichlet:50", 0, 1).request(fw, List.of(), 1);
        assertThat(none.uncertainty()).isNull();
        assertThat(none.sensitivity()).isNull();
        assertThat(new RobustnessSettings(true, List.of(), 0, "dirichlet:50", 0, 1).sensitivityFactor())
                .isEqualTo(0.25);
    }

    @Test
    void everySettingIsAnIdentifyingJobParameterAndRoundTrips() {
        var settings = new RobustnessSettings(true, List.of(Path.of("a.yaml"), Path.of("edited.xlsx")), 250,
                "dirichlet:40", 32, 120, 3);
        var request = new EvaluationRequest(Path.of("fw.yaml"), Path.of("data"), 2024, Path.of("out"), null, null,
                "2025-01-01T00:00:00Z", settings);
        JobParameters p = request.toJobParameters("abc", 1, "2025-01-01T00:00:00Z");
        List<String> identifying = new ArrayList<>();
        p.getIdentifyingParameters().forEach(x -> identifying.add(x.name()));
        assertThat(identifying).contains("robustness", "scenarios", "uncertainty-runs", "perturbation",
                "sensitivity-samples", "survey-bootstrap", "seed");
        assertThat(EvaluationRequest.from(p)).isEqualTo(request);
        assertThat(request.publication()).isEqualTo(org.bizenv.report.Publication.FULL);
        var lean = request.withPublication(new org.bizenv.report.Publication(false, true));
        assertThat(EvaluationRequest.from(lean.toJobParameters("abc", 1, "x")).publication())
                .isEqualTo(lean.publication());
        assertThat(lean.toJobParameters("abc", 1, "x").getIdentifyingParameters().toString())
                .contains("name='publication', value=no-cards,compact-json");

        var off = request.withRobustness(RobustnessSettings.off());
        assertThat(EvaluationRequest.from(off.toJobParameters("abc", 1, "x")).robustness())
                .isEqualTo(RobustnessSettings.off());
        // another seed is another run, not a restart of this one
        var reseeded = request.withRobustness(new RobustnessSettings(true, settings.scenarios(), 250, "dirichlet:40",
                32, 4));
        assertThat(reseeded.toJobParameters("abc", 1, "x").getIdentifyingParameters().toString())
                .isNotEqualTo(request.toJobParameters("abc", 1, "x").getIdentifyingParameters().toString());
    }

    @Test
    void progressIsLoggedAtMostOncePerInterval() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        var progress = new LoggedProgress(lines::add, () -> now[0], 5_000);
        progress.update("uncertainty", 64, 10_000);            // too soon after the start
        now[0] = 5_000;
        progress.update("uncertainty", 4_096, 10_000);
        now[0] = 6_000;
        progress.update("uncertainty", 4_160, 10_000);         // too soon after the last line
        now[0] = 11_000;
        progress.update("rank-reversal", 35, 35);
        assertThat(lines).containsExactly("robustness: uncertainty 4,096 of 10,000 runs (41%)",
                "robustness: rank-reversal 35 of 35 pairs (100%)");
    }
}
