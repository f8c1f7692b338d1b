package org.bizenv.robustness;

import org.bizenv.framework.Names;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;

/**
 * The analyst's entry point: compiles the build once and runs the requested analyses on it. Pure: reads nothing but
 * its arguments (scenario files are read beforehand, at the edge: {@code org.bizenv.scenario}).
 */
public final class RobustnessAnalysis {

    private RobustnessAnalysis() {
    }

    /**
     * @param data the raw data the build was scored from (a scenario that changes a normalisation puts the scores of
     *             text codes in again, as the scorer does)
     */
    public static RobustnessResult run(Build build, RawData data, RobustnessRequest req, Progress progress) {
        CompiledIndex ci = CompiledIndex.of(build);
        List<Names> notes = new ArrayList<>();
        notes.add(new Names("在本次计算的标准化指标上重新汇总：插补、异常值处理、标准化和客观权重沿用本次计算的结果"
                + "（情景可改变标准化方法）", "re-aggregation of the build's normalised indicators: imputation, treatment, "
                + "normalisation and objective weights are the build's (a scenario may change normalisation)"));
        notes.add(new Names("排名：与报告相同，按综合指数" + (ci.compareRounded() ? "公布的 " + ci.decimals()
                + " 位小数" : "全精度得分") + "并列排名；排名变化 = 基准排名 − 排名（正数表示上升）",
                "ranks: competition ranks of the index " + (ci.compareRounded() ? "at " + ci.decimals()
                + " published decimals" : "at full precision") + ", as the report; rank shift = nominal rank − rank "
                + "(positive = climbs)"));
        ScenarioComparison scenarios = req.scenarios().isEmpty() ? null : Scenarios.compare(ci, data, req.scenarios());
        UncertaintyResult uncertainty = req.uncertainty() == null ? null
                : Uncertainty.run(ci, req.uncertainty(), progress);
        if (uncertainty != null) {
            notes.add(new Names("权重变动下的排名区间：百分位按 R 第 7 种算法；区间为第 5 至第 95 百分位排名",
                    "uncertainty: percentiles by R type 7; interval = 5th to 95th percentile rank"));
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
            notes.add(new Names("排名反转边际：使基准排名中相邻两城市得分相同所需的上级节点下权重（非负、和为 1）的最小 "
                    + req.reversalNorm() + " 调整，按全精度得分计算；加权算术平均路径为精确解，否则为数值搜索得到的上界",
                    "rank-reversal margins: smallest " + req.reversalNorm() + " change of a parent's child weights "
                    + "(non-negative, summing to 1) that ties two units adjacent in the nominal ranking, on "
                    + "full-precision scores; exact for weighted arithmetic paths, otherwise a numerical upper bound"));
        }
        return new RobustnessResult(build.framework().id(), build.framework().name(), ci.unitCodes(), ci.unitNames(),
                build.indexScores().clone(), ci.nominalRanks(), scenarios, uncertainty, sensitivity, oat, reversals,
                notes);
    }
}
