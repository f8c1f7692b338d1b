package org.bizenv.robustness;

import org.bizenv.framework.MethodSpec;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.scoring.Stages;

/**
 * One worker's whole-pipeline run: the choices a point u ∈ [0, 1)^d draws, then exactly what they change downstream.
 * Indicator rows are looked up among {@link PipelineIndex}'s (an indicator whose row changed is marked changed); then,
 * bottom-up, a node's weights are the build's unless its weighting was swapped, or its weighting is objective and some
 * child's values changed (then recomputed by the scorer's {@link Stages#weights}); weight factors apply on top, the
 * parent renormalised; every node is re-aggregated by the {@link Evaluator}. A run that changes only aggregation or
 * weights therefore only re-aggregates. Not thread-safe.
 */
final class PipelineRun {

    final PipelineIndex px;
    final Evaluator ev;
    private final CompiledIndex ci;
    /** Per input: the alternative drawn (−1 = the framework's own), or the weight multiplier. */
    private final int[] drawn;
    private final double[] multiplier;
    private final int[] rowOf;
    private final boolean[] indicatorChanged;
    private final boolean[] nodeChanged;
    private final double[][][] childValues;
    private final Evaluator.NodeHook hook = this::beforeAggregating;
    private boolean force;
    private boolean factors;

    PipelineRun(PipelineIndex px) {
        this.px = px;
        this.ci = px.ci;
        this.ev = ci.evaluator();
        this.drawn = new int[px.d];
        this.multiplier = new double[px.d];
        this.rowOf = new int[ci.indicators];
        this.indicatorChanged = new boolean[ci.indicators];
        this.nodeChanged = new boolean[ci.nodes];
        this.childValues = new double[ci.nodes][][];
        for (int k = 0; k < ci.nodes; k++) {
            childValues[k] = new double[ci.childEnd(k) - ci.childStart(k)][];
        }
    }

    /** The framework's own choices and the build's weights (no renormalisation); {@code force} recomputes every
     *  objective weighting (the nominal check). */
    void evaluateNominal(boolean force) {
        java.util.Arrays.fill(drawn, -1);
        java.util.Arrays.fill(multiplier, 1);
        this.factors = false;
        this.force = force;
        run();
        this.force = false;
    }

    /** The run at u (length d): each method choice's alternative ⌊u·K⌋, each weight factor 1 + f·(2u − 1). */
    void evaluate(double[] u) {
        for (int i = 0; i < px.d; i++) {
            if (px.choice[i] != null) {
                drawn[i] = px.choice[i].choose(u[i]);
            } else {
                multiplier[i] = 1 + px.factor[i] * (2 * u[i] - 1);
            }
        }
        this.factors = true;
        run();
    }

    private void run() {
        for (int j = 0; j < ci.indicators; j++) {
            int a = alternative(px.imputationInput[j]);
            int b = alternative(px.treatmentInput[j]);
            int c = alternative(px.normalisationInput[j]);
            int r = (a * px.radix(px.treatmentInput[j]) + b) * px.radix(px.normalisationInput[j]) + c;
            indicatorChanged[j] = r != 0;
            if (r != rowOf[j]) {        // the evaluator starts on the build's rows, equal to rows[j][0]
                PipelineIndex.Row row = px.rows != null ? px.rows[j][r] : px.computeRow(j, a, b, c, true);
                ev.setIndicator(j, row.values(), row.logs(), row.imputed(), row.complete());
                rowOf[j] = r;
            }
        }
        System.arraycopy(ci.nominalWeight, 0, ev.weight, 0, ev.weight.length);
        System.arraycopy(ci.nominalAggregation, 0, ev.aggregation, 0, ev.aggregation.length);
        ev.evaluate(hook);
        ev.rank();
    }

    /** 1 + the alternative drawn for an input (0 = the framework's own, also without an input). */
    private int alternative(int input) {
        return input < 0 ? 0 : drawn[input] + 1;
    }

    private void beforeAggregating(int k) {
        int s0 = ci.childStart(k);
        int s1 = ci.childEnd(k);
        boolean childChanged = false;
        for (int s = s0; s < s1; s++) {
            int j = px.indicatorInSlot(s);
            childChanged |= j >= 0 ? indicatorChanged[j] : nodeChanged[ci.childRef(s)];
        }
        boolean changed = childChanged;
        int wi = px.weightingInput[k];
        int a = wi < 0 ? -1 : drawn[wi];
        if (a >= 0) {
            double[] w = px.fixedWeights[k][a];
            if (w == null) {
                w = weights(k, px.choice[wi].alternatives().get(a));
            }
            System.arraycopy(w, 0, ev.weight, s0, s1 - s0);
            changed = true;
        } else if (px.objective[k] && (childChanged || force)) {
            System.arraycopy(weights(k, ci.node(k).weighting()), 0, ev.weight, s0, s1 - s0);
        }
        int ai = px.aggregationInput[k];
        if (ai >= 0 && drawn[ai] >= 0) {
            ev.aggregation[k] = px.aggregationAlternative[k][drawn[ai]];
            changed = true;
        }
        if (factors && px.factorsOf[k].length > 0) {
            for (int i : px.factorsOf[k]) {
                int s = px.factorSlot[i];
                ev.weight[s] *= multiplier[i];
            }
            ev.renormalise(k);
            changed = true;
        }
        nodeChanged[k] = changed;
    }

    /** Node k's weights by {@code spec} from its children's values in this run, as the scorer computes them. */
    private double[] weights(int k, MethodSpec spec) {
        double[][] cv = childValues[k];
        int s0 = ci.childStart(k);
        for (int c = 0; c < cv.length; c++) {
            int j = px.indicatorInSlot(s0 + c);
            cv[c] = j >= 0 ? ev.indicatorValues(j) : ev.scores(ci.childRef(s0 + c));
        }
        return Stages.weights(ci.framework, k, spec, cv);
    }

    /** Mean over units ranked both nominally and in this run of |rank − nominal rank|; NaN if none. */
    double meanAbsoluteRankShift() {
        return Sensitivity.meanAbsoluteRankShift(ev.ranks(), ci.nominalRanks);
    }

    /** Step of input i (null for a weight factor). */
    Step step(int i) {
        return px.choice[i] == null ? null : px.choice[i].step();
    }
}
