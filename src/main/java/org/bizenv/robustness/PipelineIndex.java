package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.impute.Imputation;
import org.bizenv.robustness.PipelineInput.MethodChoice;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.robustness.PipelineInput.WeightFactor;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.ScoringException;
import org.bizenv.scoring.Stages;

/**
 * A build with its uncertain inputs bound, compiled once for whole-pipeline runs ({@link PipelineRun}).
 *
 * <p><b>What is recomputed.</b> An indicator's normalised row depends on three choices only: its imputation, its
 * treatment and its normalisation (the transform and the raw data are fixed). Each distinct combination of the
 * alternatives that touch an indicator is computed here once, stage by stage, by the scorer's own stage functions
 * ({@link Stages}): imputed once per imputation alternative, then transformed and treated once per treatment
 * alternative on that, then normalised once per normalisation alternative on that. So a normalisation change never
 * redoes imputation or treatment, and a run that draws an already-seen combination looks it up. Weights and
 * aggregation are redone in every run ({@link PipelineRun}): objective weights (entropy, CRITIC, CV, PCA, combined)
 * of a node are recomputed whenever a value they are computed from changed, then every node is re-aggregated by
 * {@link Evaluator}, the scorer's aggregation kernel.
 *
 * <p><b>Exact at nominal.</b> {@link #of} checks, before any run, that the framework's own choices reproduce the build
 * bit for bit: each indicator's imputed, treated and normalised rows, each node's weights and scores, the index ranks
 * and tiers ({@link ReaggregationMismatchException} naming the indicator or node otherwise: a fault of bizenv's).
 *
 * <p>Immutable after construction and thread-safe; one {@link PipelineRun} per thread.
 */
public final class PipelineIndex {

    /** The most alternative rows kept (values × units, all indicators): about 200 MB of doubles. */
    static final long MAX_CACHED_VALUES = 25_000_000L;

    /** One cached normalised row, as the evaluator aggregates it. */
    record Row(double[] values, double[] logs, boolean[] imputed, boolean complete) {
    }

    final CompiledIndex ci;
    final Framework fw;
    final RawData data;
    final List<PipelineInput> inputs;
    final int d;
    /** Per input: its method choice (null for a weight factor) and number of alternatives (0 for a weight factor). */
    final MethodChoice[] choice;
    final int[] alternatives;
    /** Per indicator: the input choosing its imputation, treatment, normalisation (−1 = none). */
    final int[] imputationInput;
    final int[] treatmentInput;
    final int[] normalisationInput;
    /** Per indicator: rows by combination ((a·(Kt + 1) + b)·(Kn + 1) + c), 0 = the framework's own choices. */
    final Row[][] rows;
    /** Per indicator: the build's row (the framework's own choices). */
    final Row[] nominalRows;
    /** Per node: the input choosing its weighting, its aggregation (−1 = none). */
    final int[] weightingInput;
    final int[] aggregationInput;
    /** Per node and aggregation alternative: the mean, with the node's min-share and zeros unless stated. */
    final AggregationMethod[][] aggregationAlternative;
    /** Per node and weighting alternative: the weights when they do not depend on the values (else null). */
    final double[][][] fixedWeights;
    /** Per node: the framework's weighting depends on the children's values (recomputed when they change). */
    final boolean[] objective;
    /** Per node: the weight-factor inputs on its children; per input: the slot of a weight factor. */
    final int[][] factorsOf;
    final int[] factorSlot;
    final double[] factor;
    final int cachedRows;

    private PipelineIndex(Build build, RawData data, List<PipelineInput> inputs, boolean cache) {
        this.ci = CompiledIndex.of(build);
        this.fw = build.framework();
        this.data = data;
        this.inputs = List.copyOf(inputs);
        if (ci.composites != null || ci.unranked != null) {
            throw new RobustnessException("the whole-pipeline uncertainty analysis does not yet handle composite units "
                    + "or units kept out of the ranking: run it on a framework without 'composites' and "
                    + "'ranking.unranked'");
        }
        if (data.unitCount() != ci.units || data.values().length != ci.indicators) {
            throw new IllegalArgumentException("the raw data are not the build's");
        }
        this.d = inputs.size();
        int m = ci.indicators;
        int nodes = ci.nodes;
        choice = new MethodChoice[d];
        alternatives = new int[d];
        factorSlot = new int[d];
        factor = new double[d];
        imputationInput = filled(m);
        treatmentInput = filled(m);
        normalisationInput = filled(m);
        weightingInput = filled(nodes);
        aggregationInput = filled(nodes);
        aggregationAlternative = new AggregationMethod[nodes][];
        fixedWeights = new double[nodes][][];
        objective = new boolean[nodes];
        List<String> problems = new ArrayList<>();
        List<List<Integer>> factors = new ArrayList<>();
        for (int k = 0; k < nodes; k++) {
            factors.add(new ArrayList<>());
            objective[k] = Stages.dependsOnValues(fw.nodes().get(k).weighting());
        }
        for (int i = 0; i < d; i++) {
            factorSlot[i] = -1;
            if (inputs.get(i) instanceof WeightFactor w) {
                int s = ci.slotOf(w.code());
                if (s < 0) {
                    problems.add("input " + w.id() + ": '" + w.code() + "' is not a node or indicator with a parent");
                    continue;
                }
                factorSlot[i] = s;
                factor[i] = w.factor();
                factors.get(ci.slotParent(s)).add(i);
                continue;
            }
            MethodChoice c = (MethodChoice) inputs.get(i);
            choice[i] = c;
            alternatives[i] = c.alternatives().size();
            for (String code : c.targets()) {
                bind(i, c, code, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems);
        }
        factorsOf = new int[nodes][];
        for (int k = 0; k < nodes; k++) {
            factorsOf[k] = factors.get(k).stream().mapToInt(Integer::intValue).toArray();
        }
        nominalRows = new Row[m];
        for (int j = 0; j < m; j++) {
            nominalRows[j] = row(build.normalised().values()[j], ci.imputed[j]);
        }
        long cached = 0;
        for (int j = 0; j < m; j++) {
            cached += (long) combinations(j) * ci.units;
        }
        // too many alternatives to keep (or not asked to): each run computes its rows from the first changed stage
        if (!cache || cached > MAX_CACHED_VALUES) {
            rows = null;
            cachedRows = 0;
            return;
        }
        rows = new Row[m][];
        int count = 0;
        for (int j = 0; j < m; j++) {
            rows[j] = rowsOf(j);
            count += rows[j].length;
        }
        cachedRows = count;
    }

    /**
     * Binds the inputs to the build and its raw data, computes every alternative indicator row and checks that the
     * framework's own choices reproduce the build exactly.
     *
     * @throws RobustnessException             an input names an unknown code, two inputs choose the same method of
     *                                         the same target, or an alternative cannot be applied to the data
     * @throws ReaggregationMismatchException  the nominal choices do not reproduce the build (a fault of bizenv's)
     */
    public static PipelineIndex of(Build build, RawData data, List<PipelineInput> inputs) {
        return of(build, data, inputs, true);
    }

    /**
     * As {@link #of(Build, RawData, List)}; with {@code cache} false no alternative row is kept and every run
     * recomputes its rows from the first stage its draw changed (what the cache saves; also the fallback when the
     * alternatives would take more than {@link #MAX_CACHED_VALUES} values).
     */
    public static PipelineIndex of(Build build, RawData data, List<PipelineInput> inputs, boolean cache) {
        PipelineIndex px = new PipelineIndex(build, data, inputs, cache);
        px.verifyNominal();
        return px;
    }

    /**
     * Indicator j's row for alternatives (a, b, c) of its imputation, treatment and normalisation (0 = the
     * framework's own), recomputed from the first stage that is not the framework's own; with {@code fromBuild}
     * false, from the denominated values whatever the choices (the nominal check's way).
     */
    Row computeRow(int j, int a, int b, int c, boolean fromBuild) {
        Build build = ci.build;
        if (fromBuild && a == 0 && b == 0 && c == 0) {
            return nominalRows[j];
        }
        Indicator ind = fw.indicators().get(j);
        double[] transformed;
        boolean[] flags;
        if (fromBuild && a == 0) {
            transformed = build.transformed().values()[j];
            flags = ci.imputed[j];
        } else {
            MethodSpec imp = spec(imputationInput[j], a, ind.imputation());
            Imputation.Result imputed = apply(imputationInput[j], a, ind, () -> Stages.impute(fw, data, j, imp,
                    build.denominated().values()[j]));
            transformed = apply(imputationInput[j], a, ind, () -> Stages.transform(fw, data, j, imputed.values()));
            flags = anyTrue(imputed.imputed()) ? imputed.imputed() : null;
        }
        double[] treated;
        if (fromBuild && a == 0 && b == 0) {
            treated = build.treated().values()[j];
        } else {
            MethodSpec treat = spec(treatmentInput[j], b, ind.treatment());
            treated = apply(treatmentInput[j], b, ind, () -> Stages.treat(fw, j, treat, transformed));
        }
        MethodSpec norm = spec(normalisationInput[j], c, ind.normalisation());
        return row(apply(normalisationInput[j], c, ind, () -> Stages.normalise(fw, data, j, norm, treated)), flags);
    }

    /** True when the alternative rows are kept (each computed once); false when each run recomputes its own. */
    public boolean cached() {
        return rows != null;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    private void bind(int i, MethodChoice c, String code, List<String> problems) {
        Step step = c.step();
        if (step.perIndicator()) {
            int j = ci.indicatorIndex(code);
            if (j < 0) {
                problems.add("input " + c.id() + ": no indicator '" + code + "' (" + step.key() + ")");
                return;
            }
            int[] by = step == Step.IMPUTATION ? imputationInput : step == Step.TREATMENT ? treatmentInput
                    : normalisationInput;
            if (by[j] >= 0) {
                problems.add("input " + c.id() + ": the " + step.key() + " of " + code + " is already chosen by input "
                        + inputs.get(by[j]).id());
                return;
            }
            by[j] = i;
            return;
        }
        int k = ci.nodeIndex(code);
        if (k < 0) {
            problems.add("input " + c.id() + ": no node '" + code + "' (" + step.key() + ")");
            return;
        }
        int[] by = step == Step.WEIGHTING ? weightingInput : aggregationInput;
        if (by[k] >= 0) {
            problems.add("input " + c.id() + ": the " + step.key() + " of " + code + " is already chosen by input "
                    + inputs.get(by[k]).id());
            return;
        }
        by[k] = i;
        int n = c.alternatives().size();
        if (step == Step.AGGREGATION) {
            aggregationAlternative[k] = new AggregationMethod[n];
            for (int a = 0; a < n; a++) {
                aggregationAlternative[k][a] = Scorer.aggregationMethod(c.alternatives().get(a),
                        ci.nominalAggregation[k]);
            }
            return;
        }
        fixedWeights[k] = new double[n][];
        for (int a = 0; a < n; a++) {
            MethodSpec spec = c.alternatives().get(a);
            if (!Stages.dependsOnValues(spec)) {
                try {
                    fixedWeights[k][a] = Stages.weights(fw, k, spec, new double[ci.childEnd(k) - ci.childStart(k)][]);
                } catch (ScoringException | IllegalArgumentException e) {
                    problems.add("input " + c.id() + ": weighting " + spec.describe() + " of " + code
                            + " cannot be applied: " + e.getMessage());
                }
            }
        }
    }

    /** Number of alternative combinations of indicator j (1 + alternatives of each input touching it, multiplied). */
    private int combinations(int j) {
        return radix(imputationInput[j]) * radix(treatmentInput[j]) * radix(normalisationInput[j]);
    }

    /** 1 + the input's alternatives (0 stands for the framework's own method); 1 without an input. */
    int radix(int input) {
        return input < 0 ? 1 : 1 + alternatives[input];
    }

    /** Every alternative row of indicator j, each stage computed once per distinct upstream result. */
    private Row[] rowsOf(int j) {
        Indicator ind = fw.indicators().get(j);
        int ki = radix(imputationInput[j]);
        int kt = radix(treatmentInput[j]);
        int kn = radix(normalisationInput[j]);
        Row[] out = new Row[ki * kt * kn];
        double[] denominated = ci.build.denominated().values()[j];
        for (int a = 0; a < ki; a++) {
            MethodSpec imp = spec(imputationInput[j], a, ind.imputation());
            Imputation.Result imputed = apply(imputationInput[j], a, ind, () -> Stages.impute(fw, data, j, imp,
                    denominated));
            double[] transformed = apply(imputationInput[j], a, ind, () -> Stages.transform(fw, data, j,
                    imputed.values()));
            boolean[] flags = anyTrue(imputed.imputed()) ? imputed.imputed() : null;
            for (int b = 0; b < kt; b++) {
                MethodSpec treat = spec(treatmentInput[j], b, ind.treatment());
                double[] treated = apply(treatmentInput[j], b, ind, () -> Stages.treat(fw, j, treat, transformed));
                for (int c = 0; c < kn; c++) {
                    MethodSpec norm = spec(normalisationInput[j], c, ind.normalisation());
                    double[] normalised = apply(normalisationInput[j], c, ind, () -> Stages.normalise(fw, data, j,
                            norm, treated));
                    out[(a * kt + b) * kn + c] = row(normalised, flags);
                }
            }
        }
        return out;
    }

    private MethodSpec spec(int input, int alternative, MethodSpec nominal) {
        return alternative == 0 ? nominal : choice[input].alternatives().get(alternative - 1);
    }

    /** A stage function; an alternative it refuses for these data is an input problem naming the input. */
    private <T> T apply(int input, int alternative, Indicator ind, java.util.function.Supplier<T> stage) {
        try {
            return stage.get();
        } catch (ScoringException | IllegalArgumentException e) {
            if (alternative == 0) {
                throw e;
            }
            MethodChoice c = choice[input];
            throw new RobustnessException("input " + c.id() + ": " + c.step().key() + " "
                    + c.alternatives().get(alternative - 1).describe() + " cannot be applied to indicator "
                    + ind.code() + ": " + e.getMessage());
        }
    }

    /** A row as {@link CompiledIndex} compiles the build's: logs where every value is > 0 or missing. */
    static Row row(double[] x, boolean[] imputed) {
        double[] lx = new double[x.length];
        boolean complete = true;
        boolean positive = true;
        for (int i = 0; i < x.length; i++) {
            lx[i] = Math.log(x[i]);
            complete &= !Double.isNaN(x[i]);
            positive &= Double.isNaN(x[i]) || x[i] > 0;
        }
        return new Row(x, positive ? lx : null, imputed, complete);
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean b : flags) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ the nominal check

    /**
     * The framework's own choices through this path must give the build: rows first (naming the indicator and the
     * stage), then weights and scores node by node (naming the node), then ranks and tiers.
     */
    private void verifyNominal() {
        Build b = ci.build;
        for (int j = 0; j < ci.indicators; j++) {
            Row r = rows != null ? rows[j][0] : computeRow(j, 0, 0, 0, false);
            String code = fw.indicators().get(j).code();
            if (differs(r.values(), b.normalised().values()[j])) {
                throw new ReaggregationMismatchException(code, fault("indicator " + code + "'s normalised values, "
                        + "recomputed from its denominated values by its own imputation, transform, treatment and "
                        + "normalisation, differ from the build's"), null);
            }
            boolean[] flags = b.imputed().flagged()[j];
            for (int i = 0; i < flags.length; i++) {
                if (flags[i] != (r.imputed() != null && r.imputed()[i])) {
                    throw new ReaggregationMismatchException(code, fault("indicator " + code + "'s imputed values "
                            + "are not those the build imputed"), null);
                }
            }
        }
        PipelineRun run = new PipelineRun(this);
        run.evaluateNominal(true);
        for (int k : ci.bottomUp) {
            Node nd = fw.nodes().get(k);
            if (objective[k]) {
                double[] want = b.nodeWeights()[k].weights();
                for (int c = 0; c < want.length; c++) {
                    if (Double.compare(want[c], run.ev.weight(ci.childStart(k) + c)) != 0) {
                        throw new ReaggregationMismatchException(nd.code(), fault("node " + nd.code() + "'s "
                                + nd.weighting().method() + " weights, recomputed, differ from the build's"), null);
                    }
                }
            }
            double[] got = run.ev.scores(k);
            for (int i = 0; i < got.length; i++) {
                if (Double.compare(got[i], b.nodeScores()[k][i]) != 0) {
                    throw new ReaggregationMismatchException(nd.code(), fault("node " + nd.code() + " ("
                            + nd.name().both() + ") scores " + got[i] + " for " + ci.unitNames[i].both() + " ("
                            + ci.unitCodes[i] + ") at the nominal choices and " + b.nodeScores()[k][i]
                            + " in the scorer"), null);
                }
            }
        }
        int[] ranks = run.ev.ranks();
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] != ci.nominalRanks[i] || run.ev.tiers()[i] != ci.nominalTiers[i]) {
                throw new ReaggregationMismatchException(fw.index().code(), fault(ci.unitCodes[i] + " ranks "
                        + ranks[i] + " at the nominal choices and " + ci.nominalRanks[i] + " in the scorer"), null);
            }
        }
    }

    private static boolean differs(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Double.compare(a[i], b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static String fault(String what) {
        return "Internal fault in bizenv, not in the inputs: the whole-pipeline uncertainty analysis reruns the "
                + "scorer's stages, and at the framework's own choices it must reproduce the scorer exactly, but "
                + what + ". No uncertainty result can be trusted, so none was computed; please report this with the "
                + "log file.";
    }

    // ------------------------------------------------------------------ lookups

    public CompiledIndex compiled() {
        return ci;
    }

    public List<PipelineInput> inputs() {
        return inputs;
    }

    /** Alternative indicator rows computed and kept (the framework's own included). */
    public int cachedRows() {
        return cachedRows;
    }

    /** Is child slot s of a node an indicator child? Its indicator index, else −1. */
    int indicatorInSlot(int s) {
        int ref = ci.childRef[s];
        return FrameworkTree.isIndicator(ref) ? FrameworkTree.indicatorOf(ref) : -1;
    }
}
