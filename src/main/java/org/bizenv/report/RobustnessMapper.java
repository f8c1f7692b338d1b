package org.bizenv.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.robustness.InputIndex;
import org.bizenv.robustness.OneAtATime;
import org.bizenv.robustness.RankReversal;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.ScenarioComparison;
import org.bizenv.robustness.SensitivityResult;
import org.bizenv.robustness.UncertaintyResult;

/**
 * Turns a {@link RobustnessResult} of a report's own build into the report's {@link RobustnessSection}, with its
 * arrays over units in the report's unit order, and says in the methodology how the analysis was run. Pure.
 */
public final class RobustnessMapper {

    /** The percentile convention of every rank interval, for the reports. */
    public static final String PERCENTILES = "R type 7 (h = (N − 1)p + 1, linear between order statistics); "
            + "interval = 5th to 95th percentile rank";

    private RobustnessMapper() {
    }

    /** The report with the section and the methodology lines added. */
    public static Report attach(Report report, RobustnessResult result, RobustnessSection.Settings settings) {
        RobustnessSection section = section(report, result, settings);
        return report.withRobustness(section, methodology(section));
    }

    /** The section for {@code report}, whose units must be the analysed build's units (in any order). */
    public static RobustnessSection section(Report report, RobustnessResult r, RobustnessSection.Settings settings) {
        List<String> units = report.units().stream().map(Report.UnitInfo::code).toList();
        int[] from = align(units, r.units());
        return new RobustnessSection(settings, r.notes(), uncertainty(r.uncertainty(), r.nominalScore(), from),
                sensitivity(r.sensitivity()), oneAtATime(r.oneAtATime(), from), reversals(r.reversals()),
                scenarios(r.scenarios(), from), SamplingRows.table(r.surveyBootstrap(), PERCENTILES),
                PipelineRows.table(r.pipeline(), PERCENTILES));
    }

    /** For each report unit, its index in the result; every unit must be there and nothing else. */
    private static int[] align(List<String> units, String[] analysed) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < analysed.length; i++) {
            at.put(analysed[i], i);
        }
        if (analysed.length != units.size()) {
            throw new IllegalArgumentException("the robustness analysis covers " + analysed.length
                    + " units, the report " + units.size());
        }
        int[] from = new int[units.size()];
        for (int u = 0; u < units.size(); u++) {
            Integer i = at.get(units.get(u));
            if (i == null) {
                throw new IllegalArgumentException("the robustness analysis has no unit " + units.get(u));
            }
            from[u] = i;
        }
        return from;
    }

    private static int[] pick(int[] a, int[] from) {
        int[] out = new int[from.length];
        for (int u = 0; u < from.length; u++) {
            out[u] = a[from[u]];
        }
        return out;
    }

    private static double[] pick(double[] a, int[] from) {
        double[] out = new double[from.length];
        for (int u = 0; u < from.length; u++) {
            out[u] = a[from[u]];
        }
        return out;
    }

    private static RobustnessSection.UncertaintyTable uncertainty(UncertaintyResult u, double[] score, int[] from) {
        if (u == null) {
            return null;
        }
        List<RobustnessSection.UncertaintyRow> rows = new ArrayList<>();
        for (int i : from) {
            rows.add(new RobustnessSection.UncertaintyRow(u.units()[i], score[i], u.nominalRank()[i],
                    u.meanRank()[i], u.medianRank()[i], u.rankP05()[i], u.rankP95()[i], u.bestRank()[i],
                    u.worstRank()[i], u.meanAbsShift()[i], u.probabilityTopK()[i], u.tierProbability()[i].clone(),
                    u.rankedRuns()[i]));
        }
        // as the ranking table: best nominal rank first, unranked last, ties by code
        rows.sort(Comparator.comparingInt((RobustnessSection.UncertaintyRow r) -> r.nominalRank() == 0
                ? Integer.MAX_VALUE : r.nominalRank()).thenComparing(RobustnessSection.UncertaintyRow::unit));
        return new RobustnessSection.UncertaintyTable(u.runs(), u.seed(), u.weightScheme(), u.settings(), PERCENTILES,
                u.topK(), rows);
    }

    static RobustnessSection.SensitivityTable sensitivity(SensitivityResult s) {
        if (s == null) {
            return null;
        }
        List<RobustnessSection.SensitivityIndex> inputs = new ArrayList<>();
        for (InputIndex x : s.inputs()) {
            String element = x.label().startsWith("weight:") ? x.label().substring("weight:".length()) : null;
            inputs.add(new RobustnessSection.SensitivityIndex(x.label(), element, x.name(), x.first(), x.firstLow(),
                    x.firstHigh(), x.total(), x.totalLow(), x.totalHigh()));
        }
        return new RobustnessSection.SensitivityTable(s.output(), s.baseSamples(), s.runs(), s.sampling(), s.seed(),
                s.bootstrap(), s.confidence(), s.outputMean(), s.outputVariance(), inputs, s.notes());
    }

    private static RobustnessSection.OneAtATimeTable oneAtATime(OneAtATime.Result o, int[] from) {
        if (o == null) {
            return null;
        }
        List<RobustnessSection.RemovalRow> out = new ArrayList<>();
        for (OneAtATime.Removal r : o.removals()) {
            out.add(new RobustnessSection.RemovalRow(r.code(), r.level(), r.meanAbsShift(), r.maxAbsShift(),
                    pick(r.rank(), from), pick(r.shift(), from)));
        }
        return new RobustnessSection.OneAtATimeTable(out);
    }

    private static List<RobustnessSection.Reversal> reversals(List<RankReversal> rs) {
        List<RobustnessSection.Reversal> out = new ArrayList<>();
        for (RankReversal r : rs) {
            double moved = Double.NaN;
            if (r.change() != null) {
                moved = 0;
                for (double c : r.change()) {
                    moved += Math.max(c, 0);
                }
            }
            out.add(new RobustnessSection.Reversal(r.node(), r.ahead(), r.aheadRank(), r.behind(), r.behindRank(),
                    r.scoreGap(), r.norm().name(), r.status().name(), r.exact(), r.margin(), moved, r.children(),
                    r.nominal(), r.tie(), r.change(), new Names(r.sentenceZh(), r.sentence())));
        }
        return out;
    }

    private static RobustnessSection.ScenarioTable scenarios(ScenarioComparison c, int[] from) {
        if (c == null) {
            return null;
        }
        List<RobustnessSection.ScenarioRun> runs = new ArrayList<>();
        for (int s = 0; s < c.scenarioIds().size(); s++) {
            runs.add(new RobustnessSection.ScenarioRun(c.scenarioIds().get(s), c.scenarioNames().get(s),
                    c.scenarioSources().get(s), pick(c.scores()[s], from), pick(c.ranks()[s], from),
                    pick(c.tiers()[s], from), pick(c.rankShift()[s], from), c.meanAbsShift()[s],
                    c.maxAbsShift()[s]));
        }
        return new RobustnessSection.ScenarioTable(runs, c.spearman(), c.kendall(), c.notes());
    }

    /**
     * How the analysis was run, one methodology line per part (element = the part, level "robustness"): the text in
     * plain words, Chinese and English, and the technical name of the analysis as the term.
     */
    public static List<Report.MethodLine> methodology(RobustnessSection s) {
        List<Report.MethodLine> out = new ArrayList<>();
        RobustnessSection.UncertaintyTable u = s.uncertainty();
        if (u != null) {
            String percentiles = u.percentiles().replace("; interval = 5th to 95th percentile rank", "");
            out.add(line("uncertainty", new Names("把所有权重随机变动 " + count(u.runs()) + " 次（随机种子 " + u.seed()
                    + "；" + u.weightScheme() + extra(u.settings()) + "），每次都重新汇总本次计算的标准化指标，并按正式排名的"
                    + "规则排名。每个城市列出：正式排名，平均和中位排名，90% 的情况下排名落在的区间（第 5 至第 95 百分位），"
                    + "最好和最差排名，进入前 " + u.topK() + " 名及落入各梯队的比例；百分位按 " + percentiles + "。",
                    "Monte Carlo uncertainty analysis: " + count(u.runs()) + " runs, seed "
                    + u.seed() + ". Each run perturbs the weights of every node's children, " + u.weightScheme()
                    + extra(u.settings()) + ", re-aggregates the build's normalised indicators and ranks the index as "
                    + "the ranking does. Per city: nominal, mean and median rank, the 5th–95th percentile interval (a "
                    + "90% interval), best and worst rank, P(top " + u.topK() + ") and P(each tier) as shares of the "
                    + "runs; percentiles by " + percentiles + "."),
                    new Names("蒙特卡洛不确定性分析，90% 区间", "Monte Carlo uncertainty analysis, 90 % interval")));
        }
        RobustnessSection.SensitivityTable v = s.sensitivity();
        if (v != null) {
            List<String> inputs = v.inputs().stream().map(RobustnessSection.SensitivityIndex::label).toList();
            String factor = plain(s.settings().sensitivityFactor());
            out.add(line("sensitivity", new Names("衡量 " + inputs.size() + " 项权重（" + String.join(", ", inputs)
                    + "；每项乘以 1 + " + factor + "·(2u − 1)，u 取 [0, 1)，同级其余权重重新归一）各自对排名变动（"
                    + v.output() + "）的影响有多大：Saltelli 设计，N = " + count(v.baseSamples()) + " 个基础样本（"
                    + count(v.runs()) + " 次计算），" + v.sampling() + "；一阶指数 S1 按 Saltelli (2010)，总效应指数 ST 按 "
                    + "Jansen (1999)，方差以 2N 为除数；" + Math.round(v.confidence() * 100) + "% 百分位自助法区间（重抽样 "
                    + count(v.bootstrap()) + " 次，随机种子 " + v.seed() + "）。",
                    "Variance-based (Sobol) sensitivity of the " + v.output() + " to "
                    + inputs.size() + " inputs (" + String.join(", ", inputs) + "; each weight scaled by 1 + "
                    + factor + "·(2u − 1), u in [0, 1), and its siblings renormalised): Saltelli design with N = "
                    + count(v.baseSamples()) + " base samples (" + count(v.runs()) + " runs), " + v.sampling()
                    + "; first-order index S1 by Saltelli (2010), total-order index ST by Jansen (1999), variance with "
                    + "divisor 2N; " + Math.round(v.confidence() * 100) + "% percentile-bootstrap intervals over the N "
                    + "rows (" + count(v.bootstrap()) + " resamples, seed " + v.seed() + ")."),
                    new Names("Sobol 方差敏感性指数（S1、ST）", "Sobol variance-based sensitivity indices (S1, ST)")));
        }
        RobustnessSection.SamplingTable b = s.sampling();
        if (b != null) {
            out.add(line("survey-bootstrap", new Names("换一批企业抽样会怎样：在每个城市的每个企业规模组内，对答卷企业有放回地"
                    + "重抽同样多家（" + count(b.respondents()) + " 家企业，" + count(b.patterns()) + " 种不同的答卷组合），"
                    + "共 " + count(b.replicates()) + " 次（随机种子 " + b.seed() + "）；每次重新计算全部问卷指标（按规模结构"
                    + "加权），再按本次的全部方法重新计分和排名。每个城市列出只因抽样而变的 90% 排名区间，以及抽样与权重变动（"
                    + b.weightScheme() + "）一起时的区间；问卷指标另列自助法标准误。",
                    "Survey bootstrap (sampling error of the enterprise questionnaire): " + count(b.replicates())
                    + " replicates, seed " + b.seed() + ". Each draws the same number of respondents with replacement "
                    + "within every city and size class (" + count(b.respondents()) + " respondents, "
                    + count(b.patterns()) + " distinct answer patterns), keeping each firm's answers together, "
                    + "recomputes every survey indicator (post-stratified to the size mix) and scores and ranks the "
                    + "year again with every method of this run. Per city: the 5th–95th percentile rank from sampling "
                    + "alone, and with the weights perturbed too (" + b.weightScheme() + "); per survey indicator, "
                    + "its bootstrap standard error."),
                    new Names("问卷抽样自助法，90% 区间", "survey bootstrap, 90 % interval")));
        }
        if (s.oneAtATime() != null) {
            out.add(line("one-at-a-time", new Names("依次去掉每个指标、再依次去掉每个维度，同级其余权重重新归一，其他不变；"
                    + "排名变化 = 正式排名 − 去掉后的排名（正数表示城市上升）。",
                    "Each indicator and then each dimension removed in turn, its siblings' "
                    + "weights renormalised and everything else nominal; rank shift = nominal rank − rank without it "
                    + "(positive = the city climbs)."),
                    new Names("逐一剔除分析", "One-at-a-time removal")));
        }
        if (!s.reversals().isEmpty()) {
            RobustnessSection.Reversal first = s.reversals().get(0);
            boolean allExact = s.reversals().stream().allMatch(RobustnessSection.Reversal::exact);
            boolean l1 = "L1".equals(first.norm());
            out.add(line("rank-reversal", new Names("对正式排名中每两个相邻城市，求 " + first.node()
                    + " 下各权重（非负、和为 1，其他不变）最少要调整多少，后一名才会追平前一名，按全精度得分计算，以 "
                    + first.norm() + " 距离计" + (l1 ? "（转移权重的两倍）" : "") + "；"
                    + (allExact ? "精确求解（到综合指数均为加权算术平均）。" : "加权算术平均路径上精确求解，其他情况为数值搜索得到的上界。"),
                    "Rank-reversal margins: for every two cities adjacent in the nominal "
                    + "ranking, the smallest change of " + first.node() + "'s child weights (non-negative, summing to "
                    + "1, everything else nominal) at which the one behind ties the one ahead, measured as the "
                    + first.norm() + " distance" + (l1 ? " (twice the weight moved)" : "")
                    + " on full-precision scores; "
                    + (allExact ? "solved exactly (weighted arithmetic means up to the index)."
                    : "exact on weighted arithmetic paths, elsewhere found by numerical search (an upper bound).")),
                    new Names("排名反转边际（" + first.norm() + " 距离）",
                            "Rank-reversal margin (" + first.norm() + " distance)")));
        }
        RobustnessSection.ScenarioTable c = s.scenarios();
        if (c != null) {
            String files = String.join(", ", s.settings().scenarioFiles());
            int n = c.scenarios().size() - 1;
            out.add(line("scenarios", new Names(n + " 个情景与正式计算比较（" + files + "）：每个情景按其给定的权重、汇总或"
                    + "标准化方法重新汇总本次计算的标准化指标（给定的权重取代原权重，同级其余权重重新归一）；排名变化 = 正式排名 − "
                    + "情景排名；各排名之间的 Spearman ρ（中位秩）与 Kendall τ-b。",
                    n + " scenario(s) compared with the nominal build ("
                    + files + "): each re-aggregates the build's normalised "
                    + "indicators with the weights, aggregation or normalisation it states (a stated weight replaces "
                    + "the nominal one and its siblings are renormalised); rank shift = nominal rank − scenario rank; "
                    + "Spearman's ρ on mid-ranks and Kendall's τ-b between the rankings."),
                    new Names("情景分析", "Scenario analysis")));
        }
        return out;
    }

    private static Report.MethodLine line(String element, Names text, Names term) {
        return new Report.MethodLine(element, "robustness", text, term);
    }

    /** What else varied (alternative aggregations, an indicator left out), beyond runs, weights and ranks. */
    private static String extra(List<String> settings) {
        List<String> rest = settings.stream().filter(x -> !x.startsWith("weights") && !x.startsWith("runs")
                && !x.startsWith("ranks")).toList();
        return rest.isEmpty() ? "" : "; also " + String.join("; ", rest);
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
