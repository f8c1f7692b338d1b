package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.scoring.Build;

/**
 * The analyst's entry point: compiles the build once and runs the requested analyses on it. Pure: reads nothing but
 * its arguments (scenario files are read beforehand, at the edge: {@code org.bizenv.scenario}).
 */
public final class RobustnessAnalysis {

    private RobustnessAnalysis() {
    }

    public static RobustnessResult run(Build build, RobustnessRequest req, Progress progress) {
        CompiledIndex ci = CompiledIndex.of(build);
        List<String> notes = new ArrayList<>();
        notes.add("re-aggregation of the build's normalised indicators: imputation, treatment, normalisation and "
                + "objective weights are the build's (a scenario may change normalisation)");
        notes.add("ranks: competition ranks of the index " + (ci.compareRounded() ? "at " + ci.decimals()
                + " published decimals" : "at full precision") + ", as the report; rank shift = nominal rank − rank "
                + "(positive = climbs)");
        ScenarioComparison scenarios = req.scenarios().isEmpty() ? null : Scenarios.compare(ci, req.scenarios());
        UncertaintyResult uncertainty = req.uncertainty() == null ? null
                : Uncertainty.run(ci, req.uncertainty(), progress);
        if (uncertainty != null) {
            notes.add("uncertainty: percentiles by R type 7; interval = 5th to 95th percentile rank");
        }
        SensitivityResult sensitivity = null;
        if (req.sensitivity() != null) {
            List<UncertainInput> inputs = req.sensitivityInputs() != null ? req.sensitivityInputs()
                    : UncertainInput.dimensionWeights(ci, 0.25);
            sensitivity = Sensitivity.run(ci, inputs, req.sensitivity(), progress);
        }
        OneAtATime.Result oat = req.oneAtATime() ? OneAtATime.run(ci, progress) : null;
        List<RankReversal> reversals = req.reversalNodes().isEmpty() ? List.of()
                : RankReversals.adjacent(ci, req.reversalNodes(), req.reversalNorm(), progress);
        if (!reversals.isEmpty()) {
            notes.add("rank-reversal margins: smallest " + req.reversalNorm() + " change of a parent's child weights "
                    + "(non-negative, summing to 1) that ties two units adjacent in the nominal ranking, on "
                    + "full-precision scores; exact for weighted arithmetic paths, otherwise a numerical upper bound");
        }
        return new RobustnessResult(build.framework().id(), build.framework().name(), ci.unitCodes(), ci.unitNames(),
                build.indexScores().clone(), ci.nominalRanks(), scenarios, uncertainty, sensitivity, oat, reversals,
                notes);
    }
}
