package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.bizenv.framework.Names;
import org.bizenv.robustness.PipelineInput.MethodChoice;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.robustness.PipelineInput.WeightFactor;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;

/**
 * Uncertainty and sensitivity over the whole pipeline (issue #11): any method choice at any indicator or node (its
 * imputation, outlier treatment, normalisation, weighting or aggregation) and the weights, each run recomputing exactly
 * what its draw changed ({@link PipelineIndex}, {@link PipelineRun}). Gives every unit a rank interval over the runs
 * and, by the Saltelli design ({@link SobolIndices}), first- and total-order indices of the mean absolute rank shift
 * and, for a focus unit, of its rank and its index score. Pure: reads nothing but its arguments.
 */
public final class PipelineAnalysis {

    /** The outputs the Sobol indices are computed for, in {@link PipelineResult#sensitivity()} order. */
    public static final String SHIFT = Sensitivity.OUTPUT;

    private static final int CHUNK = 64;

    private PipelineAnalysis() {
    }

    /**
     * @param runs        Monte Carlo runs for the rank intervals (0 = none)
     * @param seed        run r draws from {@code Rng.streamSeed(seed, r)}: results independent of the threads
     * @param sensitivity Sobol design (null = none)
     * @param focusUnit   code of the unit whose rank and score are analysed too (null = none)
     */
    public record Options(int runs, long seed, SobolIndices.Options sensitivity, String focusUnit, int threads) {
        public Options {
            if (runs < 0 || threads < 1) {
                throw new IllegalArgumentException("runs must be >= 0 and threads >= 1");
            }
        }
    }

    public static PipelineResult run(Build build, RawData data, String source, List<PipelineInput> inputs, Options o,
                                     Progress progress) {
        if (inputs.isEmpty()) {
            throw new RobustnessException("an uncertainty file must declare at least one uncertain input");
        }
        PipelineIndex px = PipelineIndex.of(build, data, inputs);
        CompiledIndex ci = px.ci;
        int focus = -1;
        if (o.focusUnit() != null) {
            focus = Arrays.asList(ci.unitCodes).indexOf(o.focusUnit());
            if (focus < 0) {
                throw new RobustnessException("focus city '" + o.focusUnit() + "' is not among the units of this "
                        + "evaluation");
            }
        }
        int n = ci.units;
        int runs = o.runs();
        int[] ranks = runs(px, runs, o.seed(), o.threads(), progress);
        SurveyBootstrapResult.RankSpread spread = SurveyBootstrapResult.RankSpread.of(ranks, runs, n);
        double[] shift = new double[n];
        for (int i = 0; i < n; i++) {
            long abs = 0;
            for (int r = 0; r < runs; r++) {
                int rk = ranks[r * n + i];
                abs += rk > 0 && ci.nominalRanks[i] > 0 ? Math.abs(rk - ci.nominalRanks[i]) : 0;
            }
            int cnt = spread.ranked()[i];
            shift[i] = cnt == 0 || ci.nominalRanks[i] == 0 ? Double.NaN : (double) abs / cnt;
        }
        List<SensitivityResult> sensitivity = o.sensitivity() == null ? List.of()
                : sensitivity(px, focus, o.sensitivity().withThreads(o.threads()), progress);
        List<PipelineResult.InputSummary> summaries = new ArrayList<>();
        for (PipelineInput in : inputs) {
            summaries.add(summary(in));
        }
        return new PipelineResult(source, summaries, runs, o.seed(), px.cachedRows(), ci.unitCodes(), ci.unitNames(),
                ci.nominalRanks(), spread.median(), spread.p05(), spread.p95(), spread.best(), spread.worst(), shift,
                o.focusUnit(), sensitivity, notes(px));
    }

    /**
     * The index ranks of {@code runs} whole-pipeline runs, {@code [run · units + unit]}: run r draws each input's
     * coordinate from {@code Rng.streamSeed(seed, r)}, so the result does not depend on the threads.
     */
    public static int[] runs(PipelineIndex px, int runs, long seed, int threads, Progress progress) {
        int n = px.ci.units;
        int d = px.d;
        int[] ranks = new int[runs * n];
        List<Workers.Task> tasks = new ArrayList<>();
        for (int w = 0; w < Workers.count(threads, Math.max(runs, 1), CHUNK); w++) {
            PipelineRun run = new PipelineRun(px);
            Rng rng = new Rng(0);
            double[] u = new double[d];
            tasks.add((from, to) -> {
                for (int r = from; r < to; r++) {
                    rng.reseed(Rng.streamSeed(seed, r));
                    for (int i = 0; i < d; i++) {
                        u[i] = rng.nextDouble();
                    }
                    run.evaluate(u);
                    System.arraycopy(run.ev.ranks(), 0, ranks, r * n, n);
                }
            });
        }
        if (runs > 0) {
            Workers.run("pipeline-uncertainty", runs, CHUNK, tasks, progress);
        }
        return ranks;
    }

    /** One design, three outputs: the mean |rank shift|, and the focus unit's rank and index score. */
    private static List<SensitivityResult> sensitivity(PipelineIndex px, int focus, SobolIndices.Options so,
                                                       Progress progress) {
        int outputs = focus < 0 ? 1 : 3;
        SobolIndices.Estimate[] e = SobolIndices.analyse(px.d, outputs, () -> {
            PipelineRun run = new PipelineRun(px);
            return (u, out) -> {
                run.evaluate(u);
                out[0] = run.meanAbsoluteRankShift();
                if (focus >= 0) {
                    int rk = run.ev.ranks()[focus];
                    out[1] = rk == 0 ? Double.NaN : rk;
                    out[2] = run.ev.indexScores()[focus];
                }
            };
        }, so, progress);
        CompiledIndex ci = px.ci;
        List<SensitivityResult> out = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            String what = k == 0 ? SHIFT : k == 1 ? "index rank of " + ci.unitCodes[focus]
                    : "index score of " + ci.unitCodes[focus];
            List<InputIndex> indices = new ArrayList<>();
            for (int i = 0; i < px.d; i++) {
                PipelineInput in = px.inputs.get(i);
                indices.add(new InputIndex(in.id(), in.name(), e[k].first()[i], e[k].firstLow()[i],
                        e[k].firstHigh()[i], e[k].total()[i], e[k].totalLow()[i], e[k].totalHigh()[i]));
            }
            // the same notes as the weight analysis: design, estimators, how the intervals were made
            List<Names> notes = Sensitivity.estimateNotes(e[k], so, new Names("次全流程计算", "whole-pipeline runs"));
            if (!(e[k].variance() > 0)) {
                notes.add(new Names("输出没有变化，指数无定义", "the output did not vary: indices are undefined"));
            }
            out.add(new SensitivityResult(what, so.baseSamples(), e[k].runs(), so.sampling().described(), so.seed(),
                    so.bootstrap(), so.confidence(), e[k].mean(), e[k].variance(), indices, notes));
        }
        return out;
    }

    /** What changing an input recomputes, in the reports' words. */
    static PipelineResult.InputSummary summary(PipelineInput in) {
        if (in instanceof WeightFactor w) {
            return new PipelineResult.InputSummary(w.id(), w.name(), "weight", List.of(w.code()),
                    List.of(String.format(Locale.ROOT, "×(1 ± %s)", plain(w.factor()))),
                    new Names("重新汇总", "re-aggregation"));
        }
        MethodChoice c = (MethodChoice) in;
        Names redo = switch (c.step()) {
            case IMPUTATION -> new Names("从插补起重算：插补、变换、异常值处理、标准化、客观权重、汇总",
                    "from imputation on: imputed, transformed, treated, normalised, objective weights, aggregated");
            case TREATMENT -> new Names("从异常值处理起重算：异常值处理、标准化、客观权重、汇总",
                    "from treatment on: treated, normalised, objective weights, aggregated");
            case NORMALISATION -> new Names("从标准化起重算：标准化、客观权重、汇总",
                    "from normalisation on: normalised, objective weights, aggregated");
            case WEIGHTING -> new Names("重算该节点权重并重新汇总", "the node's weights, then re-aggregation");
            case AGGREGATION -> new Names("重新汇总", "re-aggregation");
        };
        return new PipelineResult.InputSummary(c.id(), c.name(), c.step().key(), c.targets(),
                c.alternatives().stream().map(org.bizenv.framework.MethodSpec::describe).toList(), redo);
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static List<Names> notes(PipelineIndex px) {
        List<Names> notes = new ArrayList<>();
        notes.add(new Names("全流程不确定性：每次计算只重算抽到的选择所影响的下游步骤（插补 → 变换 → 异常值处理 → 标准化 → "
                + "客观权重 → 汇总）；每个指标的各备选结果只计算一次（共 " + px.cachedRows() + " 行）并复用；"
                + "所有方法均调用评分程序本身的步骤函数",
                "whole pipeline: each run recomputes exactly the stages downstream of what its draw changed "
                + "(imputed → transformed → treated → normalised → objective weights → aggregated); each indicator's "
                + "alternative rows are computed once (" + px.cachedRows() + " rows) and reused; every method is the "
                + "scorer's own stage function"));
        notes.add(new Names("按框架自身的选择，全流程重算与评分结果逐位一致（计算前已核对）",
                "at the framework's own choices the rerun reproduces the scorer bit for bit (checked before the runs)"));
        notes.add(new Names("排名区间：第 5 至第 95 百分位（R 第 7 种算法）", "rank interval: 5th to 95th percentile "
                + "(R type 7)"));
        boolean objective = false;
        for (boolean b : px.objective) {
            objective |= b;
        }
        for (MethodChoice c : px.choice) {
            objective |= c != null && c.step() == Step.WEIGHTING;
        }
        if (objective) {
            notes.add(new Names("客观权重（熵值、CRITIC、变异系数、主成分）在其依据的数值改变时重新计算",
                    "objective weights (entropy, CRITIC, CV, PCA) are recomputed whenever the values they are "
                    + "computed from changed"));
        }
        return notes;
    }
}
