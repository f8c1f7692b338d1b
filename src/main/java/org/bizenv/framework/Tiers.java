package org.bizenv.framework;

import java.util.List;

/**
 * How cities are grouped into tiers (梯队).
 *
 * @param method quantiles (equal-count groups by index score) or breaks (fixed score bounds)
 * @param breaks with breaks: descending lower bounds of tiers 1..count-1
 */
public record Tiers(String method, int count, double[] breaks, List<Names> names) {
}
