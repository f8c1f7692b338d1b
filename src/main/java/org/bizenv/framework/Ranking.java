package org.bizenv.framework;

/**
 * How scores are published and compared.
 *
 * @param decimals        decimals of the published scores
 * @param compareRounded  true: ranks compare the published (rounded) numbers, so two cities shown as 71.23 share a
 *                        rank; false: ranks compare full precision
 */
public record Ranking(int decimals, boolean compareRounded) {
}
