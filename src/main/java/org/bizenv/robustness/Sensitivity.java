package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Scorer;

/**
 * Variance-based sensitivity analysis of the index ranking: how much of the variance of the mean absolute rank shift
 * (mean over units ranked both nominally and in the run of |rank − nominal rank|) each uncertain input explains,
 * alone (first order) and with its interactions (total order). Each model evaluation is one re-aggregation of the
 * compiled index ({@link Evaluator}); the estimators and design are {@link SobolIndices}'.
 */
public final class Sensitivity {

    public static final String OUTPUT = "mean absolute rank shift of the index against the nominal ranking";

    private Sensitivity() {
    }

    public static SensitivityResult run(CompiledIndex ci, List<UncertainInput> inputs, SobolIndices.Options o,
                                        Progress progress) {
        if (inputs.isEmpty()) {
            throw new RobustnessException("a sensitivity analysis needs at least one uncertain input");
        }
        Bound bound = new Bound(ci, inputs);
        SobolIndices.Estimate e = SobolIndices.analyse(inputs.size(), () -> new RankShiftModel(bound), o, progress);
        List<InputIndex> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            out.add(new InputIndex(inputs.get(i).label(), bound.names[i], e.first()[i], e.firstLow()[i],
                    e.firstHigh()[i], e.total()[i], e.totalLow()[i], e.totalHigh()[i]));
        }
        List<Names> notes = estimateNotes(e, o, new Names("次计算", "evaluations"));
        if (!(e.variance() > 0)) {
            notes.add(new Names("输出没有变化：在这些范围内没有任何输入改变排名，指数无定义",
                    "the output did not vary: no input changes the ranking within these ranges, indices are undefined"));
        }
        notes.add(new Names("排名：" + (ci.rounded ? "按 " + ci.decimals + " 位小数比较得分" : "全精度"),
                "ranks: " + (ci.rounded ? "scores compared at " + ci.decimals + " decimals" : "full precision")));
        return new SensitivityResult(OUTPUT, o.baseSamples(), e.runs(), o.sampling().described(), o.seed(),
                o.bootstrap(), o.confidence(), e.mean(), e.variance(), out, notes);
    }

    /**
     * What a reader needs to trace a Sobol table's numbers to the method: the design with its run count, the
     * estimators and the variance, how the intervals were made, and the caveat on quasi-random points. One wording for
     * the weight analysis and the whole-pipeline analysis.
     *
     * @param runs the noun of the run count ({@code 次计算 evaluations}, {@code 次全流程计算 whole-pipeline runs})
     */
    static List<Names> estimateNotes(SobolIndices.Estimate e, SobolIndices.Options o, Names runs) {
        List<Names> notes = new ArrayList<>();
        notes.add(new Names("设计：Saltelli 抽样，N·(d + 2) = " + e.runs() + " " + runs.zh() + "；一阶指数按 Saltelli (2010)，"
                + "总效应指数按 Jansen (1999)；方差 V 以 2N 为除数，取自 f(A) 与 f(B)",
                "design: Saltelli, N·(d + 2) = " + e.runs() + " " + runs.en() + "; first order: Saltelli (2010); total "
                + "order: Jansen (1999); V with divisor 2N over f(A) and f(B)"));
        notes.add(new Names("区间：对 N 行做百分位自助法（bootstrap），重抽样 " + o.bootstrap() + " 次，"
                + Math.round(o.confidence() * 100) + "%", "intervals: percentile bootstrap over the N rows, "
                + o.bootstrap() + " resamples, " + Math.round(o.confidence() * 100) + "%"));
        if (o.sampling() == SobolIndices.Sampling.SOBOL) {
            notes.add(new Names("Sobol 序列：自助法假定各行独立，因此高估了准随机点的误差",
                    "Sobol points: the bootstrap assumes independent rows and so overstates the error of "
                    + "quasi-random points"));
        }
        return notes;
    }

    /** Inputs resolved to slots and node indices once; unknown codes are errors. */
    static final class Bound {
        final CompiledIndex ci;
        final List<UncertainInput> inputs;
        final int[] kind;               // 0 weight, 1 aggregation, 2 leave-out
        final int[] slot;               // weight: the slot
        final double[] factor;
        final int[] node;               // aggregation: the node
        final AggregationMethod[][] methods;
        final int[][] leaveSlots;
        final int[] touchedParents;     // parents whose weights a run renormalises
        final Names[] names;

        Bound(CompiledIndex ci, List<UncertainInput> inputs) {
            this.ci = ci;
            this.inputs = List.copyOf(inputs);
            int d = inputs.size();
            kind = new int[d];
            slot = new int[d];
            factor = new double[d];
            node = new int[d];
            methods = new AggregationMethod[d][];
            leaveSlots = new int[d][];
            names = new Names[d];
            List<String> problems = new ArrayList<>();
            Set<Integer> parents = new LinkedHashSet<>();
            for (int i = 0; i < d; i++) {
                UncertainInput in = inputs.get(i);
                names[i] = in.name();
                if (in instanceof UncertainInput.WeightFactor w) {
                    kind[i] = 0;
                    slot[i] = ci.slotOf(w.code());
                    factor[i] = w.factor();
                    if (slot[i] < 0) {
                        problems.add("sensitivity input " + in.label() + ": '" + w.code()
                                + "' is not a node or indicator with a parent");
                        continue;
                    }
                    parents.add(ci.slotParent(slot[i]));
                    Names n = ci.slotName(slot[i]);
                    names[i] = new Names(n.zh() + " 权重", "Weight of " + n.en());
                } else if (in instanceof UncertainInput.AggregationChoice a) {
                    kind[i] = 1;
                    node[i] = ci.nodeIndex(a.node());
                    if (node[i] < 0) {
                        problems.add("sensitivity input " + in.label() + ": no node '" + a.node() + "'");
                        continue;
                    }
                    Names n = ci.node(node[i]).name();
                    names[i] = new Names(n.zh() + " 集成方法", "Aggregation of " + n.en());
                    int k = a.methods().size();
                    methods[i] = new AggregationMethod[k];
                    for (int m = 0; m < k; m++) {
                        try {
                            methods[i][m] = Scorer.aggregationMethod(a.methods().get(m),
                                    ci.nominalAggregation[node[i]]);
                        } catch (IllegalArgumentException ex) {
                            problems.add("sensitivity input " + in.label() + ": " + ex.getMessage());
                        }
                    }
                } else if (in instanceof UncertainInput.LeaveOut l) {
                    kind[i] = 2;
                    leaveSlots[i] = new int[l.codes().size()];
                    for (int c = 0; c < l.codes().size(); c++) {
                        leaveSlots[i][c] = ci.slotOf(l.codes().get(c));
                        if (leaveSlots[i][c] < 0) {
                            problems.add("sensitivity input " + in.label() + ": '" + l.codes().get(c)
                                    + "' is not a node or indicator with a parent");
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new RobustnessException(problems);
            }
            touchedParents = parents.stream().mapToInt(Integer::intValue).toArray();
            checkMethods();
        }

        /** Every alternative once at nominal weights, so an undefined mean fails up front with a clear message. */
        private void checkMethods() {
            Evaluator ev = ci.evaluator();
            for (int i = 0; i < kind.length; i++) {
                if (kind[i] != 1) {
                    continue;
                }
                for (AggregationMethod m : methods[i]) {
                    ev.reset();
                    ev.setAggregation(node[i], m);
                    try {
                        ev.evaluate();
                    } catch (RobustnessException ex) {
                        throw new RobustnessException("sensitivity input " + inputs.get(i).label() + ": "
                                + m.label() + " cannot be used: " + ex.getMessage());
                    }
                }
            }
        }
    }

    /** The model of one worker: u → mean |rank shift|, through its own evaluator. */
    static final class RankShiftModel implements SobolIndices.Model {
        private final Bound b;
        private final Evaluator ev;
        private final int[] nominal;

        RankShiftModel(Bound b) {
            this.b = b;
            this.ev = b.ci.evaluator();
            this.nominal = b.ci.nominalRanks;
        }

        @Override
        public double evaluate(double[] u) {
            CompiledIndex ci = b.ci;
            System.arraycopy(ci.nominalWeight, 0, ev.weight, 0, ev.weight.length);
            for (int i = 0; i < u.length; i++) {
                switch (b.kind[i]) {
                    case 0 -> ev.weight[b.slot[i]] = ci.nominalWeight[b.slot[i]] * (1 + b.factor[i] * (2 * u[i] - 1));
                    case 1 -> {
                        int k = b.methods[i].length;
                        ev.aggregation[b.node[i]] = b.methods[i][Math.min(k - 1, (int) (u[i] * k))];
                    }
                    default -> {
                        int k = b.leaveSlots[i].length + 1;
                        int c = Math.min(k - 1, (int) (u[i] * k));
                        if (c > 0) {
                            ev.excluded[b.leaveSlots[i][c - 1]] = true;
                        }
                    }
                }
            }
            for (int parent : b.touchedParents) {
                ev.renormalise(parent);
            }
            ev.evaluate();
            ev.rank();
            for (int i = 0; i < u.length; i++) {
                if (b.kind[i] == 2) {
                    for (int s : b.leaveSlots[i]) {
                        ev.excluded[s] = false;
                    }
                }
            }
            return meanAbsoluteRankShift(ev.ranks(), nominal);
        }
    }

    /**
     * The sensitivity analyses' output: the mean over units ranked both nominally and in a run ({@code > 0} in both) of
     * |rank − nominal rank|; NaN when no unit is ranked in both.
     */
    static double meanAbsoluteRankShift(int[] ranks, int[] nominal) {
        long sum = 0;
        int both = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] > 0 && nominal[i] > 0) {
                sum += Math.abs(ranks[i] - nominal[i]);
                both++;
            }
        }
        return both == 0 ? Double.NaN : (double) sum / both;
    }
}
