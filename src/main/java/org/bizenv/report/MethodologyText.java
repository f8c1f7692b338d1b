package org.bizenv.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bizenv.framework.Bilingual;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;
import org.bizenv.framework.Node;
import org.bizenv.scoring.NodeWeights;

/**
 * The Methodology lines: the method at every node and indicator in words, Chinese and English built side by side
 * (so the two cannot say different things), each with the framework's own technical term of the method beside it.
 * Deterministic: the same framework and weights give the same text.
 */
final class MethodologyText {

    /** Weighting methods whose weights come from the data. */
    static final java.util.Set<String> OBJECTIVE = java.util.Set.of("entropy", "critic", "cv", "pca", "combined");

    private MethodologyText() {
    }

    /**
     * The method at every node and indicator, in tree order; where a node's weights were computed from the data
     * (objective or combined weighting) the line states the weights obtained.
     */
    static List<Report.MethodLine> lines(Framework fw, NodeWeights[] computed) {
        List<Report.MethodLine> out = new ArrayList<>();
        FrameworkTree tree = fw.tree();
        var ranking = new Bilingual().add("并列排名（得分相同者名次相同：1, 2, 2, 4），比较",
                        "Competition ranking (equal scores share the best rank: 1, 2, 2, 4), comparing scores ")
                .add(fw.ranking().compareRounded() ? new Names("公布的、保留 " + fw.ranking().decimals()
                        + " 位小数的得分", "as published, rounded to " + fw.ranking().decimals() + " decimals")
                        : new Names("全精度得分", "at full precision"))
                .add("；梯队：", "; tiers: ").add(tiers(fw)).add("。", ".").add(notRanked(fw));
        out.add(new Report.MethodLine("ranking", "index", ranking.names(), same("competition ranking; "
                + ReportAssembler.describeTiers(fw))));
        for (int k = 0; k < fw.nodes().size(); k++) {
            Node nd = fw.nodes().get(k);
            int children = tree.children()[k].length;
            var text = new Bilingual().add("对其 " + children + " 个下级取", "").add(aggregation(nd.aggregation()))
                    .add("", " of its " + children + " children").add("；权重：", "; weights: ")
                    .add(weighting(nd.weighting())).add("。", ".");
            if (computed != null && computed[k] != null && OBJECTIVE.contains(nd.weighting().method())) {
                StringBuilder w = new StringBuilder();
                for (int c = 0; c < computed[k].children().length; c++) {
                    w.append(c == 0 ? "" : ", ").append(computed[k].children()[c]).append(' ')
                            .append(String.format(Locale.ROOT, "%.4f", computed[k].weights()[c]));
                }
                text.add("得到的权重：", " Weights obtained: ").add(w).add("。", ".");
            }
            out.add(new Report.MethodLine(nd.code(), level(tree.depth()[k]), text.names(),
                    same(nd.aggregation().describe() + "; " + nd.weighting().describe())));
        }
        for (Indicator ind : fw.indicators()) {
            var s = new Bilingual();
            s.add(ind.direction() > 0 ? new Names("越高越好。", "Higher is better. ")
                    : new Names("越低越好。", "Lower is better. "));
            s.add("来源：", "Source: ").add(ind.source() + " / " + ind.field());
            if (ind.statistic() != null) {
                s.add("（" + ind.statistic() + "）", " (" + ind.statistic() + ")");
            }
            s.add("。", ". ");
            fw.source(ind.source()).ifPresent(src -> s.add(statistic(src, ind)));
            if (ind.denominator() != null) {
                s.add("除以 " + ind.denominator() + "。", "Divided by " + ind.denominator() + ". ");
            }
            if (!ind.imputation().method().equals("none")) {
                s.add("缺失值用 " + ind.imputation().describe() + " 插补。",
                        "Missing values imputed by " + ind.imputation().describe() + ". ");
            }
            if (!ind.transform().method().equals("none")) {
                s.add("数值先经 " + ind.transform().describe() + " 变换。",
                        "Values transformed by " + ind.transform().describe() + ". ");
            }
            if (!ind.treatment().method().equals("none")) {
                s.add("异常值用 " + ind.treatment().describe() + " 处理。",
                        "Outliers treated by " + ind.treatment().describe() + ". ");
            }
            s.add("标准化：", "Normalised by ").add(normalisation(ind.normalisation())).add("。", ".");
            s.add(textValues(ind));
            List<String> term = new ArrayList<>();
            if (!ind.imputation().method().equals("none")) {
                term.add("imputation " + ind.imputation().describe());
            }
            if (!ind.transform().method().equals("none")) {
                term.add("transform " + ind.transform().describe());
            }
            if (!ind.treatment().method().equals("none")) {
                term.add("treatment " + ind.treatment().describe());
            }
            term.add("normalisation " + ind.normalisation().describe());
            out.add(new Report.MethodLine(ind.code(), "indicator", s.names(), same(String.join("; ", term))));
        }
        for (var c : fw.composites().units()) {
            List<String> parts = new ArrayList<>();
            double total = c.components().values().stream().mapToDouble(Double::doubleValue).sum();
            c.components().forEach((unit, w) -> parts.add(unit + " " + fmt(w / total)));
            String list = String.join(", ", parts);
            out.add(new Report.MethodLine(c.unit(), "composite", new Names("每个指标和节点的得分取 " + list
                    + " 的加权平均（在适用的组成城市上）；其自身的原始值不计分。", "Every indicator and node scored as the "
                    + "weighted mean of " + list + " (over the components it applies to); its own raw values are not "
                    + "scored."), same("composite unit")));
        }
        return out;
    }

    /** A technical term, the same in both languages. */
    static Names same(String term) {
        return new Names(term, term);
    }

    private static Names tiers(Framework fw) {
        var t = fw.tiers();
        if (t.method().equals("breaks")) {
            StringBuilder s = new StringBuilder();
            for (double d : t.breaks()) {
                s.append(' ').append(d);
            }
            return new Names("按得分分界点" + s, "score breaks" + s);
        }
        return new Names("按综合指数得分分为 " + t.count() + " 个分位组", t.count() + " quantile groups of the index score");
    }

    /** Units that are scored but not ranked, in words (empty when every unit is ranked). */
    private static Names notRanked(Framework fw) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (!fw.composites().isEmpty() && !fw.composites().ranksComponents()) {
            zh.add("合成单位的组成城市");
            en.add("the components of composite units");
        }
        if (!fw.composites().isEmpty() && !fw.composites().ranksComposites()) {
            zh.add("合成单位");
            en.add("composite units");
        }
        if (!fw.ranking().unranked().isEmpty()) {
            zh.add(String.join(", ", fw.ranking().unranked()));
            en.add(String.join(", ", fw.ranking().unranked()));
        }
        return en.isEmpty() ? new Names("", "") : new Names("计分但不排名：" + String.join("；", zh) + "。",
                " Scored but not ranked: " + String.join("; ", en) + ".");
    }

    private static Names textValues(Indicator ind) {
        if (ind.textValues().isEmpty()) {
            return new Names("", "");
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (var t : ind.textValues()) {
            zh.add("“" + t.text() + "”" + (t.notApplicable() ? "不适用（不计入上级的平均）" : "计 " + fmt(t.score()) + " 分"));
            en.add("'" + t.text() + "' " + (t.notApplicable() ? "not applicable (left out of its parent's mean)"
                    : "scores " + fmt(t.score())));
        }
        return new Names("文字取值：" + String.join("；", zh) + "。", " Text values: " + String.join("; ", en) + ".");
    }

    /** How a city-level value is computed from walk-through tests or questionnaire microdata, in words. */
    static Names statistic(org.bizenv.framework.Source src, Indicator ind) {
        if (src.type().equals("walkthrough")) {
            return ind.statistic().equals("pass-rate")
                    ? new Names("城市的数值为其 " + ind.field() + " 测试的通过率（%）。",
                    "The city's value is the share of its " + ind.field() + " tests that passed, in %. ")
                    : new Names("城市的数值为其 " + ind.field() + " 测试的平均用时（小时）。",
                    "The city's value is the mean time of its " + ind.field() + " tests, in hours. ");
        }
        if (!src.type().equals("survey")) {
            return new Names("", "");
        }
        var t = new Bilingual().add("城市的数值为", "The city's value is ");
        t.add(ind.statistic().equals("mean-score")
                ? new Names("对 " + ind.field() + " 回答的平均值，回答 1–5 按 (a − 1)/4·100 换算为 0–100",
                "the mean answer to " + ind.field() + ", answers 1–5 rescaled to 0–100 as (a − 1)/4·100")
                : new Names("对 " + ind.field() + " 给出好评（4 或 5）的回答所占比例（%）",
                "the share of answers to " + ind.field() + " that are favourable (4 or 5), in %"));
        if (!src.notApplicable().isEmpty()) {
            t.add("；不适用代码 " + src.notApplicable() + " 和空白不计入",
                    "; not-applicable codes " + src.notApplicable() + " and blanks are left out");
        }
        if (!src.sizeMix().isEmpty()) {
            StringBuilder mix = new StringBuilder();
            new java.util.TreeMap<>(src.sizeMix()).forEach((k, v) -> mix.append(k).append(' ').append(fmt(v))
                    .append(", "));
            mix.setLength(mix.length() - 2);
            t.add("；按企业规模分组计算，再按总体结构 " + mix + " 加权（在有回答的规模组上重新归一）",
                    "; computed per size class and weighted to the population mix " + mix
                            + " (renormalised over the classes that answered)");
        }
        if (src.minSample() > 0) {
            t.add("；有效回答少于 " + src.minSample() + " 份的在“提示”表中标出",
                    "; fewer than " + src.minSample() + " valid answers is flagged in Warnings");
        }
        if (src.breakdownMinSample() > 0) {
            // the breakdowns' own threshold (breakdown-min-sample, which may be stated without a min-sample), so that
            // a reader of the shaded cells knows why
            t.add("；按规模和行业的分组中，有效回答少于 " + src.breakdownMinSample() + " 份的格在 Survey breakdown 表中加底色",
                    "; in the breakdowns by size class and industry, a cell with fewer than "
                            + src.breakdownMinSample() + " valid answers is shaded on the Survey breakdown sheet");
        }
        return t.add("。", ". ").names();
    }

    private static String level(int depth) {
        return switch (depth) {
            case 0 -> "index";
            case 1 -> "dimension";
            default -> "sub-dimension";
        };
    }

    static Names aggregation(MethodSpec a) {
        var s = new Bilingual().add(switch (a.method()) {
            case "arithmetic" -> new Names("加权算术平均", "Weighted arithmetic mean");
            case "geometric" -> new Names("加权几何平均", "Weighted geometric mean");
            case "harmonic" -> new Names("加权调和平均", "Weighted harmonic mean");
            case "generalised" -> new Names("p = " + a.number("p", 1) + " 的加权广义平均",
                    "Weighted generalised mean with p = " + a.number("p", 1));
            case "topsis" -> new Names("TOPSIS 贴近度 ×100（" + a.text("variant", "vector") + " 标准化）",
                    "TOPSIS closeness coefficient ×100 (" + a.text("variant", "vector") + " normalisation)");
            default -> same(a.method());
        });
        if (a.text("zeros", "error").equals("zero")) {
            s.add("，任一下级为 0 时得分为 0", ", a child equal to 0 giving a score of 0");
        }
        double minShare = a.number("min-share", 0);
        if (minShare > 0) {
            String pct = String.format(Locale.ROOT, "%.0f%%", 100 * minShare);
            s.add("（有实际（非插补）数据的下级少于 " + pct + " 时不计分；缺失的下级不计入，其余权重重新归一）",
                    " (left unscored when fewer than " + pct + " of the children have observed, not imputed, values;"
                            + " missing children dropped and weights renormalised)");
        } else {
            s.add("（缺失的下级不计入，其余权重重新归一）",
                    " (missing children dropped and the remaining weights renormalised)");
        }
        return s.names();
    }

    static Names weighting(MethodSpec w) {
        return switch (w.method()) {
            case "expert" -> new Names("指标体系文件中的专家权重，归一为和为 1",
                    "expert weights from the framework file, renormalised to sum to 1");
            case "equal" -> new Names("等权", "equal");
            case "entropy" -> new Names("由下级数值计算的熵权（客观赋权；" + w.text("variant", "textbook")
                            + " 变体：w ∝ 1 − E，E 为归一化香农熵）", "entropy weights computed from the children's values "
                            + "(objective; " + w.text("variant", "textbook")
                            + " variant: w ∝ 1 − E, E the normalised Shannon entropy)");
            case "critic" -> new Names("由下级数值计算的 CRITIC 权重（客观赋权；" + w.text("variant", "direction-aware")
                            + " 变体：w ∝ σ·Σ(1 − r)）", "CRITIC weights computed from the children's values (objective; "
                            + w.text("variant", "direction-aware") + " variant: w ∝ σ·Σ(1 − r))");
            case "cv" -> new Names("由下级数值计算的变异系数权重（客观赋权）",
                    "coefficient-of-variation weights computed from the children's values (objective)");
            case "pca" -> new Names("下级的第一主成分载荷（客观赋权）",
                    "first-principal-component loadings of the children (objective)");
            case "ahp" -> new Names("指标体系文件中两两比较矩阵的 AHP 主特征向量（" + w.text("ri", "saaty-classic")
                            + " 随机一致性指标，一致性比率不超过 " + fmt(w.number("cr-limit", 0.10)) + "）",
                    "AHP principal eigenvector of the pairwise comparison matrix in the framework file ("
                            + w.text("ri", "saaty-classic") + " random index, consistency ratio at most "
                            + fmt(w.number("cr-limit", 0.10)) + ")");
            case "combined" -> new Names("专家权重与 " + w.text("objective", "entropy") + " 权重组合（"
                            + w.text("rule", "linear") + "）", "expert weights combined with "
                            + w.text("objective", "entropy") + " weights (" + w.text("rule", "linear") + ")");
            default -> same(w.describe());
        };
    }

    static Names normalisation(MethodSpec s) {
        return switch (s.method()) {
            case "minmax" -> {
                String range = "[" + fmt(s.number("min", 0)) + ", " + fmt(s.number("max", 100)) + "]";
                yield new Names("最小—最大法映射到 " + range, "min-max onto " + range);
            }
            case "zscore" -> new Names("z 分数（均值 " + fmt(s.number("mean", 0)) + "，标准差 " + fmt(s.number("sd", 1))
                    + "）", "z-score (mean " + fmt(s.number("mean", 0)) + ", sd " + fmt(s.number("sd", 1)) + ")");
            case "goalposts" -> {
                boolean power = s.number("power", 1) != 1;
                yield new Names("固定目标值的前沿距离法：最好 " + fmt(s.number("best", 0)) + "，最差 "
                        + fmt(s.number("worst", 0)) + "，截断到 [0, " + fmt(s.number("scale", 100)) + "]"
                        + (power ? "，再取 " + fmt(s.number("power", 1)) + " 次幂" : ""),
                        "distance to frontier with fixed goalposts: best " + fmt(s.number("best", 0))
                        + ", worst " + fmt(s.number("worst", 0)) + ", clipped to [0, " + fmt(s.number("scale", 100))
                        + "]" + (power ? ", raised to the power " + fmt(s.number("power", 1)) : ""));
            }
            case "percentile-rank" -> {
                String range = "[" + fmt(s.number("min", 0)) + ", " + fmt(s.number("max", 100)) + "]";
                yield new Names("百分位排名映射到 " + range, "percentile rank onto " + range);
            }
            case "rank" -> new Names("在各城市中的名次（1 = 最差，并列取最低名次）",
                    "rank among the units (1 = worst, ties at the lowest rank)");
            case "borda" -> new Names("Borda 得分（表现更差的城市数）", "Borda score (the number of units doing worse)");
            case "distance-to-reference" -> {
                boolean cap = s.text("cap", "false").equals("true");
                yield new Names("与参照城市 " + s.text("unit", "") + " 的距离（0 = 最差城市，" + fmt(s.number("max", 100))
                        + " = 参照城市" + (cap ? "，以此为上限" : "") + "）", "distance to the reference unit "
                        + s.text("unit", "") + " (0 = worst unit, " + fmt(s.number("max", 100)) + " = the reference"
                        + (cap ? ", capped there" : "") + ")");
            }
            case "distance-to-target" -> {
                boolean cap = s.text("cap", "false").equals("true");
                yield new Names("与目标值 " + fmt(s.number("target", 0)) + " 的距离（0 = 最差城市，"
                        + fmt(s.number("max", 100)) + " = 目标值" + (cap ? "，以此为上限" : "") + "）",
                        "distance to the target " + fmt(s.number("target", 0)) + " (0 = worst unit, "
                        + fmt(s.number("max", 100)) + " = the target" + (cap ? ", capped there" : "") + ")");
            }
            case "none" -> new Names("不做标准化（按原值使用）", "none (values used as given)");
            default -> same(s.describe());
        };
    }

    static String fmt(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
