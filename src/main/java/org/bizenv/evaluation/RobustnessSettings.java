package org.bizenv.evaluation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.Scenario;
import org.bizenv.robustness.SimplexMargin.Norm;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.robustness.UncertainInput;
import org.bizenv.robustness.UncertaintyOptions;
import org.bizenv.robustness.WeightPerturbation;

/**
 * What robustness analysis the yearly job runs on this year's build (issue #5), as the command line states it.
 * Everything here changes the results, so every field is an identifying job parameter; with the analysis off the
 * other fields are reset to their defaults, so they cannot tell otherwise identical runs apart.
 *
 * @param enabled            false: no robustness section at all ({@code --no-robustness})
 * @param scenarios          scenario files: YAML ({@link org.bizenv.scenario.ScenarioLoader}) or an edited
 *                           report workbook whose Weights sheet is read back ({@code .xlsx})
 * @param uncertaintyRuns    Monte Carlo runs, 0 = no uncertainty analysis
 * @param perturbation       {@code uniform:F} (COINr's w·(1 + F·U(−1, 1)), F in [0, 1]) or {@code dirichlet:ALPHA}, in
 *                           canonical form (see {@link #canonicalPerturbation})
 * @param sensitivitySamples base samples N of the Sobol design (N·(d + 2) runs), 0 = no variance-based analysis
 * @param surveyBootstrap    replicates of the survey bootstrap (respondents resampled within each city and size
 *                           class, the year rescored), 0 = none; run only when the framework has survey sources
 * @param seed               seeds the Monte Carlo runs and the bootstrap: the same seed gives the same numbers
 * @param uncertainty        an uncertainty file ({@link org.bizenv.scenario.UncertaintyLoader}): the whole-pipeline
 *                           analysis of its inputs runs with {@code uncertaintyRuns} runs and a Sobol design of
 *                           {@code sensitivitySamples}; null = none
 * @param focusCity          the unit whose rank and score get Sobol indices too (over the file's own
 *                           {@code focus-city}); null = the file's
 */
public record RobustnessSettings(boolean enabled, List<Path> scenarios, int uncertaintyRuns, String perturbation,
                                 int sensitivitySamples, int surveyBootstrap, long seed, Path uncertainty,
                                 String focusCity) {

    public static final int DEFAULT_RUNS = 1000;
    public static final String DEFAULT_PERTURBATION = "uniform:0.25";
    public static final int DEFAULT_SAMPLES = 1024;
    public static final int DEFAULT_BOOTSTRAP = 1000;
    public static final long DEFAULT_SEED = 1;
    /** Norm of the rank-reversal margins in the report: L1 reads as "weight moved" (margin = 2 × weight moved). */
    public static final Norm MARGIN_NORM = Norm.L1;

    public RobustnessSettings {
        scenarios = scenarios == null ? List.of()
                : scenarios.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (uncertaintyRuns < 0) {
            throw new IllegalArgumentException("the number of uncertainty runs must be >= 0 (0 = none), got "
                    + uncertaintyRuns);
        }
        if (sensitivitySamples < 0 || sensitivitySamples == 1) {
            throw new IllegalArgumentException("the number of sensitivity samples must be 0 (none) or at least 2, got "
                    + sensitivitySamples);
        }
        if (surveyBootstrap < 0) {
            throw new IllegalArgumentException("the number of survey bootstrap replicates must be >= 0 (0 = none), got "
                    + surveyBootstrap);
        }
        perturbation = canonicalPerturbation(perturbation == null ? DEFAULT_PERTURBATION : perturbation);
        uncertainty = uncertainty == null ? null : uncertainty.toAbsolutePath().normalize();
        focusCity = focusCity == null || focusCity.isBlank() ? null : focusCity.strip();
        if (!enabled) {
            uncertainty = null;
            focusCity = null;
            scenarios = List.of();
            uncertaintyRuns = 0;
            perturbation = DEFAULT_PERTURBATION;
            sensitivitySamples = 0;
            surveyBootstrap = 0;
            seed = DEFAULT_SEED;
        }
    }

    /** Settings without an uncertainty file. */
    public RobustnessSettings(boolean enabled, List<Path> scenarios, int uncertaintyRuns, String perturbation,
                              int sensitivitySamples, int surveyBootstrap, long seed) {
        this(enabled, scenarios, uncertaintyRuns, perturbation, sensitivitySamples, surveyBootstrap, seed, null, null);
    }

    /** Settings without the survey bootstrap (as before it existed). */
    public RobustnessSettings(boolean enabled, List<Path> scenarios, int uncertaintyRuns, String perturbation,
                              int sensitivitySamples, long seed) {
        this(enabled, scenarios, uncertaintyRuns, perturbation, sensitivitySamples, 0, seed);
    }

    /**
     * The job's default: 1,000 uncertainty runs with COINr's ±25 %, Sobol N = 1,024, 1,000 survey bootstrap
     * replicates, seed 1, no scenarios.
     */
    public static RobustnessSettings defaults() {
        return new RobustnessSettings(true, List.of(), DEFAULT_RUNS, DEFAULT_PERTURBATION, DEFAULT_SAMPLES,
                DEFAULT_BOOTSTRAP, DEFAULT_SEED);
    }

    public static RobustnessSettings off() {
        return new RobustnessSettings(false, List.of(), 0, DEFAULT_PERTURBATION, 0, 0, DEFAULT_SEED);
    }

    public RobustnessSettings withScenarios(List<Path> files) {
        return new RobustnessSettings(enabled, files, uncertaintyRuns, perturbation, sensitivitySamples,
                surveyBootstrap, seed, uncertainty, focusCity);
    }

    public RobustnessSettings withSurveyBootstrap(int replicates) {
        return new RobustnessSettings(enabled, scenarios, uncertaintyRuns, perturbation, sensitivitySamples,
                replicates, seed, uncertainty, focusCity);
    }

    /** With an uncertainty file (null: none) and a focus city (null: the file's). */
    public RobustnessSettings withUncertainty(Path file, String focus) {
        return new RobustnessSettings(enabled, scenarios, uncertaintyRuns, perturbation, sensitivitySamples,
                surveyBootstrap, seed, file, focus);
    }

    /**
     * The survey bootstrap's options: its replicates, the seed, and the weight perturbation of the combined
     * replicates (the uncertainty analysis' scheme and seed). {@code threads} do not change any result.
     */
    public org.bizenv.robustness.SurveyBootstrap.Options bootstrapOptions(int threads) {
        return new org.bizenv.robustness.SurveyBootstrap.Options(surveyBootstrap, seed, UncertaintyOptions.defaults()
                .withSeed(seed).withWeights(perturbation(perturbation)).withThreads(threads), threads);
    }

    /**
     * {@code uniform:0.25} or {@code dirichlet:50} as the weight noise of the Monte Carlo runs.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static WeightPerturbation perturbation(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon).strip();
        String amount = colon < 0 ? "" : s.substring(colon + 1).strip();
        double a;
        try {
            a = Double.parseDouble(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "' is not a weight perturbation: use uniform:F (F in "
                    + "[0, 1], e.g. uniform:0.25) or dirichlet:ALPHA (ALPHA > 0, e.g. dirichlet:50)");
        }
        return switch (kind) {
            case "uniform" -> {
                if (!(a >= 0 && a <= 1)) {
                    throw new IllegalArgumentException("uniform weight noise: F must lie in [0, 1], got " + amount);
                }
                yield WeightPerturbation.uniform(a);
            }
            case "dirichlet" -> {
                if (!(a > 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException("Dirichlet weights: ALPHA must be a finite number > 0, got "
                            + amount);
                }
                yield WeightPerturbation.dirichlet(a);
            }
            default -> throw new IllegalArgumentException("'" + spec + "' is not a weight perturbation: use "
                    + "uniform:F (e.g. uniform:0.25) or dirichlet:ALPHA (e.g. dirichlet:50)");
        };
    }

    /**
     * f of the Sobol inputs (each dimension weight scaled by 1 + f·(2u − 1)): the F of a uniform perturbation, COINr's
     * 0.25 with a Dirichlet one.
     */
    public double sensitivityFactor() {
        WeightPerturbation noise = perturbation(perturbation);
        return noise.kind() == WeightPerturbation.Kind.UNIFORM ? noise.amount() : 0.25;
    }

    /** {@code Uniform: .250} → {@code uniform:0.25}: one spelling per setting, so job parameters compare equal. */
    public static String canonicalPerturbation(String spec) {
        WeightPerturbation p = perturbation(spec);
        String amount = new BigDecimal(Double.toString(p.amount())).stripTrailingZeros().toPlainString();
        return (p.kind() == WeightPerturbation.Kind.UNIFORM ? "uniform:" : "dirichlet:") + amount;
    }

    /**
     * The analysis to run on a build of {@code fw}: the uncertainty and Sobol analyses when their counts are above 0,
     * one-at-a-time removals, and margins of the index's dimension weights between adjacent units
     * ({@link #MARGIN_NORM}). The Sobol inputs are the weights of the index's children (the dimensions), each scaled by 1 + F·(2u − 1) with the F of
     * a uniform perturbation (COINr's 0.25 with a Dirichlet one). {@code threads} do not change any result.
     */
    public RobustnessRequest request(Framework fw, List<Scenario> loaded, int threads) {
        WeightPerturbation noise = perturbation(perturbation);
        UncertaintyOptions u = uncertaintyRuns == 0 ? null : UncertaintyOptions.defaults().withRuns(uncertaintyRuns)
                .withSeed(seed).withWeights(noise).withThreads(threads);
        SobolIndices.Options s = sensitivitySamples == 0 ? null : SobolIndices.Options.defaults()
                .withBaseSamples(sensitivitySamples).withSeed(seed).withThreads(threads);
        double f = sensitivityFactor();
        int root = fw.tree().root();
        List<UncertainInput> inputs = new ArrayList<>();
        for (int c : fw.tree().children()[root]) {
            String code = FrameworkTree.isIndicator(c) ? fw.indicators().get(FrameworkTree.indicatorOf(c)).code()
                    : fw.nodes().get(c).code();
            inputs.add(new UncertainInput.WeightFactor(code, f));
        }
        return new RobustnessRequest(new ArrayList<>(loaded), u, inputs, s, true,
                List.of(fw.nodes().get(root).code()), MARGIN_NORM);
    }
}
