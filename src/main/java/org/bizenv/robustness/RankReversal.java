package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.bizenv.framework.Names;
import org.bizenv.robustness.SimplexMargin.Norm;

/**
 * How far the weights of one parent's children must move before two units adjacent in the nominal ranking swap on the
 * index. Arrays are over the parent's children, in file order.
 *
 * @param node         the parent whose child weights move (others stay nominal)
 * @param ahead        the unit ahead nominally (higher full-precision index score)
 * @param behind       the unit right behind it
 * @param scoreGap     nominal index score of {@code ahead} minus that of {@code behind} (full precision)
 * @param norm         the norm of {@link #margin}: L1 = Σ|w' − w| (twice the weight moved), L2 = Euclidean
 * @param status       see {@link Status}
 * @param exact        true: solved exactly (weighted arithmetic from this parent up to the index, both units complete
 *                     on its children); false: found by numerical search, an upper bound on the true margin
 * @param margin       ‖w' − w‖ at the tie (0 if tied; +∞ if no swap)
 * @param nominal      the parent's nominal child weights w
 * @param tie          the weights w' at which the two units tie (null if no swap)
 * @param change       w' − w (null if no swap)
 */
public record RankReversal(String node, Names nodeName, String ahead, Names aheadName, int aheadRank, String behind,
                           Names behindName, int behindRank, double scoreGap, Norm norm, Status status, boolean exact,
                           double margin, String[] children, Names[] childNames, double[] nominal, double[] tie,
                           double[] change) {

    public enum Status {
        /** A reweighting of the parent swaps the two units; {@code margin} is the smallest. */
        SWAP,
        /** No reweighting of this parent's children swaps them (the leader is ahead on every child). */
        NO_SWAP,
        /** The units already tie on the index at full precision. */
        TIED
    }

    /** The children that move, largest move first (|change| &gt; 1e-9). */
    public List<Integer> moves() {
        List<Integer> out = new ArrayList<>();
        if (change == null) {
            return out;
        }
        for (int c = 0; c < change.length; c++) {
            if (Math.abs(change[c]) > 1e-9) {
                out.add(c);
            }
        }
        // largest first; moves equal to 1e-12 (e.g. +x and −x of a two-way transfer) keep child order
        out.sort(Comparator.comparingLong((Integer c) -> -Math.round(Math.abs(change[c]) * 1e12))
                .thenComparingInt(c -> c));
        return out;
    }

    /**
     * One English sentence for the report, e.g. "Shenzhen stays ahead of Shanghai unless Financing's weight within
     * Index rises by more than 0.031, taken from Market (−0.020) and Innovation (−0.011) (L1 distance 0.062)."
     */
    public String sentence() {
        String a = aheadName.en();
        String b = behindName.en();
        String parent = nodeName.en();
        return switch (status) {
            case TIED -> a + " and " + b + " are tied on the index.";
            case NO_SWAP -> "No reweighting of " + parent + "'s children makes " + b + " overtake " + a + ": "
                    + a + " is at least level on every one of them" + (exact ? "." : " (numerical search).");
            case SWAP -> {
                List<Integer> m = moves();
                StringBuilder s = new StringBuilder(a).append(" stays ahead of ").append(b).append(" unless ");
                List<Integer> up = m.stream().filter(c -> change[c] > 0).toList();
                List<Integer> down = m.stream().filter(c -> change[c] < 0).toList();
                if (norm == Norm.L1 && !up.isEmpty() && !down.isEmpty()) {
                    // an L1 move shifts margin/2 of weight: from the "down" children to the "up" ones
                    s.append(join(up, false)).append(up.size() == 1 ? "'s weight" : "' weights").append(" within ")
                            .append(parent).append(up.size() == 1 ? " rises" : " rise").append(" by more than ")
                            .append(fmt(margin / 2)).append(up.size() == 1 ? "" : " in total").append(", taken from ")
                            .append(join(down, true));
                } else if (norm == Norm.L1) {
                    s.append("the weights within ").append(parent).append(" move by more than ").append(fmt(margin))
                            .append(": ").append(join(m, true));
                } else {
                    s.append("the weights within ").append(parent).append(" move by more than ").append(fmt(margin))
                            .append(" (Euclidean distance): ").append(join(m, true));
                }
                s.append(norm == Norm.L1 ? " (L1 distance " + fmt(margin) + ")" : "");
                yield s.append(exact ? "." : " (found by numerical search: an upper bound).").toString();
            }
        };
    }

    /** The same in Chinese, e.g. "深圳保持领先上海，除非综合指数下的权重变动超过 0.031（欧氏距离）：…". */
    public String sentenceZh() {
        String a = aheadName.zh();
        String b = behindName.zh();
        String parent = nodeName.zh();
        return switch (status) {
            case TIED -> a + "与" + b + "的综合得分相同。";
            case NO_SWAP -> "无论如何调整" + parent + "下各项的权重，" + b + "都不会超过" + a + "。";
            case SWAP -> {
                List<Integer> m = moves();
                List<Integer> up = m.stream().filter(c -> change[c] > 0).toList();
                List<Integer> down = m.stream().filter(c -> change[c] < 0).toList();
                if (norm == Norm.L1 && !up.isEmpty() && !down.isEmpty()) {
                    yield a + "保持领先" + b + "，除非" + parent + "下" + String.join("、",
                            up.stream().map(c -> childNames[c].zh()).toList()) + "的权重" + (up.size() == 1 ? "" : "合计")
                            + "提高超过 " + fmt(margin / 2) + "（取自" + String.join("，",
                            down.stream().map(c -> childNames[c].zh() + " " + signed(change[c])).toList())
                            + "；L1 距离 " + fmt(margin) + "）" + (exact ? "。" : "（数值搜索所得上界）。");
                }
                String list = String.join("，", m.stream().map(c -> childNames[c].zh() + " " + signed(change[c])).toList());
                yield a + "保持领先" + b + "，除非" + parent + "下的权重变动超过 " + fmt(margin)
                        + (norm == Norm.L1 ? "（L1 距离）" : "（欧氏距离）") + "：" + list
                        + (exact ? "。" : "（数值搜索所得上界）。");
            }
        };
    }

    private String join(List<Integer> cs, boolean withChange) {
        List<String> parts = new ArrayList<>();
        int shown = Math.min(cs.size(), 5);
        for (int i = 0; i < shown; i++) {
            int c = cs.get(i);
            parts.add(childNames[c].en() + (withChange ? " (" + signed(change[c]) + ")" : ""));
        }
        if (cs.size() > shown) {
            parts.add((cs.size() - shown) + " more");
        }
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String fmt(double x) {
        double a = Math.abs(x);
        return a >= 0.001 || a == 0 ? String.format(Locale.ROOT, "%.3f", x) : String.format(Locale.ROOT, "%.2g", x);
    }

    private static String signed(double x) {
        return (x >= 0 ? "+" : "−") + fmt(Math.abs(x));
    }
}
