package org.bizenv.framework;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a framework file's {@code ranking} (published decimals, comparison, unranked units, groups) and {@code tiers}. */
final class RankingReader {

    private static final List<Names> DEFAULT_TIER_NAMES = List.of(new Names("第一梯队", "Tier 1"),
            new Names("第二梯队", "Tier 2"), new Names("第三梯队", "Tier 3"), new Names("第四梯队", "Tier 4"));

    private RankingReader() {
    }

    /** {@code ranking: {decimals: 2, compare: rounded, unranked: [LIE], groups: type, top: 10}}; null = the defaults. */
    static RankingRules ranking(YamlMap rk, YamlProblems problems) {
        if (rk == null) {
            return new RankingRules(2, true);
        }
        rk.checkKeys(Set.of("decimals", "compare", "unranked", "groups", "top"));
        int decimals = (int) rk.optNumber("decimals", 2);
        String compare = rk.optText("compare", "rounded");
        if (!compare.equals("rounded") && !compare.equals("full")) {
            problems.add(rk.lineOf("compare"), "ranking.compare must be 'rounded' or 'full', not '" + compare + "'");
        }
        if (decimals < 0 || decimals > 12) {
            problems.add(rk.lineOf("decimals"), "ranking.decimals must be between 0 and 12");
        }
        String groups = rk.optText("groups", null);
        if (groups != null && groups.isBlank()) {
            problems.add(rk.lineOf("groups"), "ranking.groups must name a grouping of the units (e.g. type), not ''");
            groups = null;
        }
        double top = rk.optNumber("top", RankingRules.DEFAULT_TOP);
        if (!(top >= 1) || top != Math.rint(top) || top > Integer.MAX_VALUE) {
            problems.add(rk.lineOf("top"), "ranking.top (the length of the top lists) must be a positive whole number,"
                    + " not " + (top == Math.rint(top) && Math.abs(top) < 1e15 ? Long.toString((long) top)
                    : Double.toString(top)));
            top = RankingRules.DEFAULT_TOP;
        }
        // whether the units carry this grouping is known only once they are read: the intake checks it at this line
        return new RankingRules(decimals, compare.equals("rounded"), rk.optTexts("unranked"),
                rk.has("unranked") ? rk.lineOf("unranked") : 0, groups, groups == null ? 0 : rk.lineOf("groups"),
                (int) top);
    }

    /** {@code tiers: {method: quantiles | breaks, count, breaks, names}}; null = four quantile tiers. */
    static Tiers tiers(YamlMap t, YamlProblems problems) {
        if (t == null) {
            return new Tiers("quantiles", 4, new double[0], DEFAULT_TIER_NAMES);
        }
        t.checkKeys(Set.of("method", "count", "breaks", "names"));
        String method = t.optText("method", "quantiles");
        double[] breaks = t.optNumbers("breaks");
        int count = (int) t.optNumber("count", method.equals("breaks") && breaks.length > 0 ? breaks.length + 1 : 4);
        if (!method.equals("quantiles") && !method.equals("breaks")) {
            problems.add(t.lineOf("method"), "tiers.method must be 'quantiles' or 'breaks', not '" + method + "'");
        }
        if (count < 1) {
            problems.add(t.lineOf("count"), "tiers.count must be at least 1");
        }
        if (method.equals("breaks")) {
            if (breaks.length != count - 1) {
                problems.add(t.lineOf("breaks"), "tiers.breaks needs " + (count - 1) + " descending lower bounds for "
                        + count + " tiers, found " + breaks.length);
            }
            for (int i = 1; i < breaks.length; i++) {
                if (!(breaks[i] < breaks[i - 1])) {
                    problems.add(t.lineOf("breaks"), "tiers.breaks must be strictly descending");
                    break;
                }
            }
        }
        List<Names> names = new ArrayList<>();
        SequenceNode seq = t.optSeq("names");
        if (seq != null) {
            for (Node n : seq.getValue()) {
                YamlMap m = YamlMap.of(n, "a tier name", Set.of("zh", "en"), problems);
                names.add(new Names(m.optText("zh", ""), m.optText("en", "")));
            }
            if (names.size() != count) {
                problems.add(seq, "tiers.names lists " + names.size() + " names for " + count + " tiers");
            }
        } else {
            for (int i = 0; i < count; i++) {
                names.add(i < DEFAULT_TIER_NAMES.size() ? DEFAULT_TIER_NAMES.get(i)
                        : new Names("第" + (i + 1) + "梯队", "Tier " + (i + 1)));
            }
        }
        return new Tiers(method, count, breaks, names);
    }
}
