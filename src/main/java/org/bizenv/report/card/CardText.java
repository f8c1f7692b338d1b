package org.bizenv.report.card;

import static org.bizenv.report.SamplingRows.ordinal;

import java.util.List;
import java.util.Locale;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.RobustnessSection;

/**
 * The card's sentences, Chinese and English, in plain words for a reader who has never seen a composite indicator:
 * no "percentile", "perturbation" or "L1"; the method is named, the numbers are the report's.
 */
final class CardText {

    private final Report.NodeInfo index;
    private final int dimensions;
    private final int ranked;
    private final boolean hundredScale;

    CardText(Report.Meta meta, Report.NodeInfo index, int dimensions, int ranked, boolean hundredScale) {
        this.index = index;
        this.dimensions = dimensions;
        this.ranked = ranked;
        this.hundredScale = hundredScale;
    }

    /** What the scores mean: their scale, that they are relative to the cities evaluated, and how they combine. */
    Names meaning() {
        Names agg = aggregation(index.aggregation());
        String zhScale = hundredScale ? "各项得分在0–100之间，" : "各项得分越高越好，";
        String enScale = hundredScale ? "Scores run from 0 to 100 and" : "Scores are higher for better and";
        return new Names(
                "怎么读这张卡：" + zhScale + "表示本市在本次参评的" + ranked + "个城市中的相对表现，而不是绝对水平；"
                        + "每个指标先换算成得分（表现越好得分越高），再按权重逐级合成，综合指数是" + dimensions
                        + "个维度得分的" + agg.zh() + "。排名第1为最好。",
                "How to read this card: " + enScale + " show how the city does relative to the " + ranked
                        + " cities evaluated, not an absolute level; each indicator is turned into a score (the "
                        + "better, the higher) and combined with weights level by level, the index being the "
                        + agg.en() + " of the " + dimensions + " dimension scores. Rank 1 is best.");
    }

    /** The index's aggregation in words, from the framework's method name ({@code arithmetic}, {@code topsis (…)}). */
    static Names aggregation(String method) {
        String m = method == null ? "" : method;
        if (m.startsWith("arithmetic")) {
            return new Names("加权算术平均", "weighted arithmetic mean");
        } else if (m.startsWith("geometric")) {
            return new Names("加权几何平均", "weighted geometric mean");
        } else if (m.startsWith("harmonic")) {
            return new Names("加权调和平均", "weighted harmonic mean");
        } else if (m.startsWith("generalised") || m.startsWith("generalized")) {
            return new Names("加权幂平均（" + m + "）", "weighted power mean (" + m + ")");
        } else if (m.startsWith("topsis")) {
            return new Names("TOPSIS贴近度（×100）", "TOPSIS closeness to the ideal (×100)");
        }
        return new Names("合成（" + m + "）", "combination (" + m + ")");
    }

    /** How the weights were varied, in words ({@code uniform:0.25} is COINr's ±25 % scheme). */
    Names perturbation(RobustnessSection.Settings s) {
        String p = s.perturbation() == null ? "" : s.perturbation();
        int colon = p.indexOf(':');
        String kind = colon < 0 ? p : p.substring(0, colon);
        String arg = colon < 0 ? "" : p.substring(colon + 1);
        try {
            if (kind.equals("uniform")) {
                String pct = number(100 * Double.parseDouble(arg), 0);
                return new Names("每个权重随机上下浮动至多" + pct + "%", "each weight moved at random by up to ±" + pct
                        + " %");
            }
            if (kind.equals("dirichlet")) {
                return new Names("权重在专家权重附近随机抽取（狄利克雷分布，集中度" + arg + "）",
                        "the weights drawn at random around the panel's (Dirichlet, concentration " + arg + ")");
            }
        } catch (NumberFormatException e) {
            // an unknown form is shown as given
        }
        return new Names("权重随机变化（" + p + "）", "the weights changed at random (" + p + ")");
    }

    /** The 90 % rank band in plain words, with how often the city stayed in its tier. */
    Names band(Names city, RobustnessSection.UncertaintyRow row, int runs, Names perturbation, int tier,
               List<Names> tierNames) {
        // the report's percentiles may fall between two ranks; a reader needs whole ranks, so the band is widened
        int lo = (int) Math.floor(row.rankP05());
        int hi = (int) Math.ceil(row.rankP95());
        String c = both(city);
        String zh = "在" + runs + "次重新计算中（" + perturbation.zh() + "），" + nz(city.zh(), c) + "有90%的次数"
                + (lo == hi ? "都排在第" + lo + "名" : "排在第" + lo + "至第" + hi + "名之间") + "。";
        String en = "Re-calculated " + runs + " times with " + perturbation.en() + ", " + nz(city.en(), c)
                + " ranked " + (lo == hi ? ordinal(lo) : "between " + ordinal(lo) + " and " + ordinal(hi))
                + " in 90 % of the runs.";
        double[] p = row.tierProbability();
        if (tier > 0 && p != null && tier <= p.length && tierNames != null && tier <= tierNames.size()) {
            String pct = number(100 * p[tier - 1], 0);
            Names t = tierNames.get(tier - 1);
            zh += "留在" + nz(t.zh(), t.en()) + "的比例为" + pct + "%。";
            en += " It stayed in " + nz(t.en(), t.zh()) + " in " + pct + " % of them.";
        }
        zh += "区间越窄，排名越不受权重取值的影响。";
        en += " The narrower the band, the less the rank depends on the choice of weights.";
        return new Names(zh, en);
    }

    /** Why the card gives no band. */
    Names noBand(boolean robustnessRan) {
        if (robustnessRan) {
            return new Names("本次稳健性分析未做不确定性模拟，因此无法给出排名区间。",
                    "The robustness analysis ran without its uncertainty simulation, so no rank band can be given.");
        }
        return new Names("本次运行未做稳健性分析（--no-robustness），因此本卡不给出排名区间和排名反转边际。",
                "The robustness analysis was off for this run (--no-robustness), so this card gives no rank band "
                        + "and no rank-reversal margin.");
    }

    Names imputedBy(String method) {
        String m = method == null ? "" : method;
        String zh = m.startsWith("mean") ? "均值" : m.startsWith("median") ? "中位数"
                : m.startsWith("group") ? "同组均值或中位数" : m.startsWith("last") ? "上年值" : m;
        return new Names("缺失，已用" + zh + "插补（" + m + "）", "missing, imputed (" + m + ")");
    }

    Names treatedBy(String method) {
        String m = method == null ? "" : method;
        return new Names("属极端值，已按异常值规则收缩（" + m + "）", "an extreme value, pulled in by the outlier rule ("
                + m + ")");
    }

    Names thinSample(int answers, String question, int minimum) {
        return new Names("问卷" + question + "仅有" + answers + "份有效回答，低于最低样本量" + minimum,
                "only " + answers + " valid answers to survey question " + question + ", under the minimum of "
                        + minimum);
    }

    /** Why the dimensions named show no change since last year. */
    Names noPreviousDimensions(List<Names> dimensions) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Names d : dimensions) {
            zh.append(zh.isEmpty() ? "" : "、").append(nz(d.zh(), d.en()));
            en.append(en.isEmpty() ? "" : ", ").append(nz(d.en(), d.zh()));
        }
        return new Names("上年结果没有" + zh + "的得分，故不显示其较上年的变化。",
                "Last year's results have no scores on " + en + ", so no change since last year is shown for "
                        + (dimensions.size() == 1 ? "it." : "them."));
    }

    /**
     * "组内第 2 名（共 19 个，副省级及以上城市），组内第一梯队 Rank 2 of 19 in its group (Sub-provincial cities and above),
     * Tier 1 within the group", for a framework that ranks within groups: the group by its name, as the city's own
     * published list is titled, and the tier within it (left out when it has none); null when the city has no rank
     * in a group.
     */
    static String groupRank(CityCard.Headline h) {
        if (!h.hasGroupRank()) {
            return null;
        }
        Names g = h.groupName() == null ? new Names(h.group(), h.group()) : h.groupName();
        Names t = h.groupTierName() != null ? h.groupTierName()
                : h.groupTier() > 0 ? new Names("第" + h.groupTier() + "梯队", "Tier " + h.groupTier()) : null;
        return "组内第 " + h.groupRank() + " 名（共 " + h.groupRanked() + " 个，" + nz(g.zh(), g.en()) + "）"
                + (t == null ? "" : "，组内" + nz(t.zh(), t.en())) + " Rank " + h.groupRank() + " of "
                + h.groupRanked() + " in its group (" + nz(g.en(), g.zh()) + ")"
                + (t == null ? "" : ", " + nz(t.en(), t.zh()) + " within the group");
    }

    static String number(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String both(Names n) {
        if (n == null) {
            return "";
        }
        String s = n.both();
        return s == null ? "" : s;
    }

    private static String nz(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }
}
