package org.bizenv.robustness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a Monte Carlo run perturbs the weights, parent by parent (the weights of one node's children are perturbed
 * together and renormalised to sum 1 within that node).
 *
 * <ul>
 *   <li>{@link Kind#UNIFORM} — COINr's scheme: w'ᵢ = wᵢ·(1 + f·(2U − 1)), U ~ U(0, 1) independently per weight, so each
 *       weight moves by up to ±f of itself before renormalisation; {@code amount} = f (COINr default 0.25), f ∈ [0, 1].</li>
 *   <li>{@link Kind#DIRICHLET} — w' ~ Dirichlet(α·w) around the nominal w: E[w'ᵢ] = wᵢ and
 *       Var[w'ᵢ] = wᵢ(1 − wᵢ)/(α + 1), so the concentration α (e.g. 50) sets how tightly weights stay near their
 *       nominal values; {@code amount} = α &gt; 0. Sampled as normalised Gamma(α·wᵢ, 1) draws (Marsaglia–Tsang).</li>
 *   <li>{@link Kind#NONE} — weights fixed (only the method choices vary).</li>
 * </ul>
 * The amount can differ per level or per node: a node's own entry in {@code byNode} (by node code) wins over
 * {@code byParentDepth} (depth of the parent node: 0 = the index, i.e. the dimension weights; 1 = the dimensions, i.e.
 * the weights of their children; …), which wins over {@code amount}. An amount of 0 keeps that node's child weights
 * at their nominal values.
 */
public record WeightPerturbation(Kind kind, double amount, Map<Integer, Double> byParentDepth,
                                 Map<String, Double> byNode) {

    public enum Kind { NONE, UNIFORM, DIRICHLET }

    public WeightPerturbation {
        byParentDepth = Map.copyOf(byParentDepth);
        byNode = Map.copyOf(byNode);
        check(kind, amount, "amount");
        for (double a : byParentDepth.values()) {
            check(kind, a, "per-level amount");
        }
        for (double a : byNode.values()) {
            check(kind, a, "per-node amount");
        }
    }

    private static void check(Kind kind, double a, String what) {
        if (kind == Kind.UNIFORM && !(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("uniform weight noise: the " + what + " f must lie in [0, 1], got " + a);
        }
        if (kind == Kind.DIRICHLET && (!(a >= 0) || Double.isInfinite(a))) {
            throw new IllegalArgumentException("Dirichlet weights: the " + what + " (concentration) must be finite "
                    + "and >= 0, got " + a);
        }
    }

    /** COINr's uniform noise with factor f at every level. */
    public static WeightPerturbation uniform(double f) {
        return new WeightPerturbation(Kind.UNIFORM, f, Map.of(), Map.of());
    }

    /** Dirichlet(α·w) at every level. */
    public static WeightPerturbation dirichlet(double concentration) {
        return new WeightPerturbation(Kind.DIRICHLET, concentration, Map.of(), Map.of());
    }

    public static WeightPerturbation none() {
        return new WeightPerturbation(Kind.NONE, 0, Map.of(), Map.of());
    }

    /** The same with another amount for the children of nodes at {@code depth} (0 = the index). */
    public WeightPerturbation atDepth(int depth, double a) {
        Map<Integer, Double> m = new LinkedHashMap<>(byParentDepth);
        m.put(depth, a);
        return new WeightPerturbation(kind, amount, m, byNode);
    }

    /** The same with another amount for the children of node {@code code}. */
    public WeightPerturbation atNode(String code, double a) {
        Map<String, Double> m = new LinkedHashMap<>(byNode);
        m.put(code, a);
        return new WeightPerturbation(kind, amount, byParentDepth, m);
    }

    /** The amount that applies to node {@code code}'s children. */
    public double amountFor(String code, int depth) {
        if (kind == Kind.NONE) {
            return 0;
        }
        Double a = byNode.get(code);
        if (a == null) {
            a = byParentDepth.get(depth);
        }
        return a == null ? amount : a;
    }

    /** One line for the report, e.g. "uniform ±25% (COINr)", "Dirichlet α = 50". */
    public String describe() {
        String base = switch (kind) {
            case NONE -> "fixed";
            case UNIFORM -> "w·(1 + U(−1, 1)·" + fmt(amount) + "), renormalised within each parent (COINr)";
            case DIRICHLET -> "Dirichlet(α·w) with α = " + fmt(amount);
        };
        if (!byParentDepth.isEmpty()) {
            base += "; by parent depth " + new java.util.TreeMap<>(byParentDepth);
        }
        if (!byNode.isEmpty()) {
            base += "; by node " + new java.util.TreeMap<>(byNode);
        }
        return base;
    }

    private static String fmt(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
