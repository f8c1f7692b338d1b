package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Names;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Stages;

/**
 * Evaluates scenarios on a compiled index and compares their rankings with the nominal one.
 *
 * <p>A scenario is evaluated by re-aggregation: its normalisation overrides re-normalise the build's treated values with
 * the engine's own {@link Stages#normalise}, which puts in the scores of text codes (a "No Practice" that scores 0)
 * from the raw data as the scorer does; weight overrides replace the parent's nominal weights and renormalise; the
 * aggregation overrides replace the node's method. Weights computed by an objective method (entropy, CRITIC, …) are the
 * build's and are not recomputed when a scenario changes the normalisation below them — a note says so.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** The index scores, ranks and tiers of one scenario. */
    public record Outcome(double[] scores, int[] ranks, int[] tiers, List<Names> notes) {
    }

    /**
     * @param data the raw data the build was scored from: a changed normalisation puts the scores of text codes in
     *             again, as the scorer does
     */
    public static Outcome evaluate(CompiledIndex ci, RawData data, Scenario s) {
        List<Names> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        CompiledIndex target = ci;
        if (!s.normalisation().isEmpty()) {
            Map<Integer, double[]> rows = new HashMap<>();
            Set<Integer> objectiveParents = new LinkedHashSet<>();
            for (var e : s.normalisation().entrySet()) {
                int j = ci.indicatorIndex(e.getKey());
                if (j < 0) {
                    problems.add("scenario " + s.id() + ": unknown indicator '" + e.getKey() + "'");
                    continue;
                }
                Indicator ind = ci.framework.indicators().get(j);
                List<Names> warnings = new ArrayList<>();
                try {
                    rows.put(j, Stages.normalise(ci.framework, data, j, e.getValue(), ci.build.treated().values()[j],
                            warnings));
                } catch (RuntimeException ex) {
                    problems.add("scenario " + s.id() + ": indicator " + ind.code() + " cannot be normalised by "
                            + e.getValue().describe() + ": " + ex.getMessage());
                }
                warnings.forEach(w -> notes.add(new org.bizenv.framework.Bilingual().add("情景 " + s.id() + "：",
                        "scenario " + s.id() + ": ").add(w).names()));
                for (int k = ci.framework.tree().indicatorParent()[j]; k >= 0; k = ci.framework.tree().nodeParent()[k]) {
                    if (Stages.dependsOnValues(ci.node(k).weighting())) {
                        objectiveParents.add(k);
                    }
                }
            }
            for (int k : objectiveParents) {
                notes.add(new Names("情景 " + s.id() + "：节点 " + ci.node(k).code() + " 按 "
                        + ci.node(k).weighting().method() + " 方法为下级赋权；这些权重由基准数据算出并保持不变，不因标准化方法的改变而重算",
                        "scenario " + s.id() + ": node " + ci.node(k).code() + " weights its children by "
                        + ci.node(k).weighting().method() + "; those weights were computed from the nominal values "
                        + "and are kept, not recomputed after the normalisation change"));
            }
            if (problems.isEmpty()) {
                target = ci.withValues(rows);
            }
        }
        Evaluator ev = target.evaluator();
        Set<Integer> touched = new LinkedHashSet<>();
        for (var e : s.weights().entrySet()) {
            int slot = target.slotOf(e.getKey());
            if (slot < 0) {
                problems.add("scenario " + s.id() + ": '" + e.getKey() + "' is not a node or indicator with a parent");
                continue;
            }
            ev.setWeight(slot, e.getValue());
            touched.add(target.slotParent(slot));
        }
        for (int k : touched) {
            double sum = 0;
            for (int slot = target.childStart(k); slot < target.childEnd(k); slot++) {
                sum += ev.weight(slot);
            }
            if (!(sum > 0)) {
                problems.add("scenario " + s.id() + ": every child of " + target.node(k).code() + " has weight 0");
            }
            ev.renormalise(k);
        }
        for (var e : s.aggregation().entrySet()) {
            int k = target.nodeIndex(e.getKey());
            if (k < 0) {
                problems.add("scenario " + s.id() + ": unknown node '" + e.getKey() + "'");
                continue;
            }
            try {
                ev.setAggregation(k, e.getValue());
            } catch (IllegalArgumentException ex) {
                problems.add("scenario " + s.id() + ": node " + e.getKey() + ": " + ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems);
        }
        try {
            ev.evaluate();
        } catch (RobustnessException ex) {
            throw new RobustnessException("scenario " + s.id() + ": " + ex.getMessage());
        }
        ev.rank();
        return new Outcome(ev.indexScores().clone(), ev.ranks().clone(), ev.tiers().clone(), notes);
    }

    /**
     * The nominal build and every scenario side by side (see {@link ScenarioComparison}); {@code data} as in
     * {@link #evaluate}.
     */
    public static ScenarioComparison compare(CompiledIndex ci, RawData data, List<Scenario> scenarios) {
        int n = ci.unitCount();
        int count = scenarios.size() + 1;
        List<String> ids = new ArrayList<>();
        List<Names> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        double[][] scores = new double[count][];
        int[][] ranks = new int[count][];
        int[][] tiers = new int[count][];
        List<Names> notes = new ArrayList<>();
        ids.add("nominal");
        names.add(new Names("基准方案", "Nominal"));
        sources.add(ci.framework.file() == null ? "" : ci.framework.file().getFileName().toString());
        scores[0] = ci.build.indexScores().clone();
        ranks[0] = ci.nominalRanks();
        tiers[0] = ci.nominalTiers();
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            Scenario sc = scenarios.get(s);
            ids.add(sc.id());
            names.add(sc.name());
            sources.add(sc.source());
            try {
                Outcome o = evaluate(ci, data, sc);
                scores[s + 1] = o.scores();
                ranks[s + 1] = o.ranks();
                tiers[s + 1] = o.tiers();
                notes.addAll(o.notes());
            } catch (RobustnessException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems);
        }
        int[][] shift = new int[count][n];
        double[] meanAbs = new double[count];
        int[] maxAbs = new int[count];
        for (int s = 0; s < count; s++) {
            long sum = 0;
            int both = 0;
            for (int i = 0; i < n; i++) {
                if (ranks[0][i] > 0 && ranks[s][i] > 0) {
                    shift[s][i] = ranks[0][i] - ranks[s][i];
                    sum += Math.abs(shift[s][i]);
                    both++;
                    maxAbs[s] = Math.max(maxAbs[s], Math.abs(shift[s][i]));
                }
            }
            meanAbs[s] = both == 0 ? Double.NaN : (double) sum / both;
        }
        double[][] rho = new double[count][count];
        double[][] tau = new double[count][count];
        for (int s = 0; s < count; s++) {
            for (int t = s; t < count; t++) {
                double[][] pair = rankedInBoth(ranks[s], ranks[t]);
                rho[s][t] = rho[t][s] = spearman(pair[0], pair[1]);
                tau[s][t] = tau[t][s] = kendall(pair[0], pair[1]);
            }
        }
        return new ScenarioComparison(ci.unitCodes(), ci.unitNames(), ids, names, sources, scores, ranks, tiers, shift,
                meanAbs, maxAbs, rho, tau, notes);
    }

    private static double[][] rankedInBoth(int[] a, int[] b) {
        int m = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0 && b[i] > 0) {
                m++;
            }
        }
        double[] x = new double[m];
        double[] y = new double[m];
        for (int i = 0, k = 0; i < a.length; i++) {
            if (a[i] > 0 && b[i] > 0) {
                x[k] = a[i];
                y[k++] = b[i];
            }
        }
        return new double[][] {x, y};
    }

    /** Spearman's ρ: Pearson correlation of the ranks with ties averaged (commons-math3); NaN if undefined. */
    static double spearman(double[] x, double[] y) {
        if (x.length < 2 || constant(x) || constant(y)) {
            return Double.NaN;
        }
        return new SpearmansCorrelation().correlation(x, y);
    }

    /** Kendall's τ-b (commons-math3), tie-corrected; NaN if undefined. */
    static double kendall(double[] x, double[] y) {
        if (x.length < 2 || constant(x) || constant(y)) {
            return Double.NaN;
        }
        return new KendallsCorrelation().correlation(x, y);
    }

    private static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
