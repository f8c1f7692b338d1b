package org.bizenv.robustness;

import java.util.List;

import org.bizenv.robustness.SimplexMargin.Norm;

/**
 * Which analyses to run and how. Null parts are skipped.
 *
 * @param scenarios          scenarios to compare with the nominal build (empty = no comparison)
 * @param uncertainty        Monte Carlo settings (null = skip)
 * @param sensitivityInputs  uncertain inputs of the variance-based analysis; null = one weight factor per dimension
 *                           with f = 0.25 (COINr's default noise)
 * @param sensitivity        design settings (null = skip the variance-based analysis)
 * @param oneAtATime         drop each indicator and dimension in turn
 * @param reversalNodes      parents whose child weights the rank-reversal margins move (node codes; empty = skip)
 * @param reversalNorm       norm of the margins
 */
public record RobustnessRequest(List<Scenario> scenarios, UncertaintyOptions uncertainty,
                                List<UncertainInput> sensitivityInputs, SobolIndices.Options sensitivity,
                                boolean oneAtATime, List<String> reversalNodes, Norm reversalNorm) {

    public RobustnessRequest {
        scenarios = List.copyOf(scenarios);
        sensitivityInputs = sensitivityInputs == null ? null : List.copyOf(sensitivityInputs);
        reversalNodes = List.copyOf(reversalNodes);
    }

    /** Everything with defaults: 1,000 uncertainty runs, Sobol N = 1024 on the dimension weights, OAT, L2 margins of
     *  the dimension weights; {@code index} is the index node's code. */
    public static RobustnessRequest defaults(String index) {
        return new RobustnessRequest(List.of(), UncertaintyOptions.defaults(), null, SobolIndices.Options.defaults(),
                true, List.of(index), Norm.L2);
    }

    public RobustnessRequest withScenarios(List<Scenario> s) {
        return new RobustnessRequest(s, uncertainty, sensitivityInputs, sensitivity, oneAtATime, reversalNodes,
                reversalNorm);
    }

    public RobustnessRequest withUncertainty(UncertaintyOptions u) {
        return new RobustnessRequest(scenarios, u, sensitivityInputs, sensitivity, oneAtATime, reversalNodes,
                reversalNorm);
    }

    public RobustnessRequest withSensitivity(List<UncertainInput> inputs, SobolIndices.Options o) {
        return new RobustnessRequest(scenarios, uncertainty, inputs, o, oneAtATime, reversalNodes, reversalNorm);
    }

    public RobustnessRequest withOneAtATime(boolean on) {
        return new RobustnessRequest(scenarios, uncertainty, sensitivityInputs, sensitivity, on, reversalNodes,
                reversalNorm);
    }

    public RobustnessRequest withReversals(List<String> nodes, Norm norm) {
        return new RobustnessRequest(scenarios, uncertainty, sensitivityInputs, sensitivity, oneAtATime, nodes, norm);
    }
}
