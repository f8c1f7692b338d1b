package org.bizenv.scoring;

/**
 * How one node's children were weighted.
 *
 * @param method      the weighting method (expert, entropy, ahp…)
 * @param weights     the weights used, renormalised to sum 1, in child order
 * @param detail      method-specific facts for the report (e.g. "λmax 5.12, CR 0.031"); empty if none
 */
public record NodeWeights(String node, String method, String[] children, double[] weights, String detail) {
}
