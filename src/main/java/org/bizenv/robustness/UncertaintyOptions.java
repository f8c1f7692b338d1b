package org.bizenv.robustness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.MethodSpec;

/**
 * Settings of a Monte Carlo uncertainty analysis.
 *
 * @param runs                    number of runs N (default 1,000)
 * @param seed                    seed: the same seed gives identical results whatever {@code threads} is
 * @param weights                 how weights are perturbed (default COINr's uniform ±25%)
 * @param aggregationAlternatives per node code, the methods a run chooses from uniformly (list the nominal one too if
 *                                it should stay possible); empty = methods fixed
 * @param leaveOneOut             true: each run leaves out one indicator chosen uniformly among "none" and every
 *                                indicator that has a sibling (an only child is never left out), its siblings'
 *                                weights renormalised
 * @param topK                    the "top K" whose probability is reported (default 10)
 * @param threads                 worker threads (default: available processors); results do not depend on it
 */
public record UncertaintyOptions(int runs, long seed, WeightPerturbation weights,
                                 Map<String, List<MethodSpec>> aggregationAlternatives, boolean leaveOneOut, int topK,
                                 int threads) {

    public UncertaintyOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be >= 1, got " + runs);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        aggregationAlternatives = copy(aggregationAlternatives);
    }

    public static UncertaintyOptions defaults() {
        return new UncertaintyOptions(1000, 1, WeightPerturbation.uniform(0.25), Map.of(), false, 10,
                Runtime.getRuntime().availableProcessors());
    }

    public UncertaintyOptions withRuns(int n) {
        return new UncertaintyOptions(n, seed, weights, aggregationAlternatives, leaveOneOut, topK, threads);
    }

    public UncertaintyOptions withSeed(long s) {
        return new UncertaintyOptions(runs, s, weights, aggregationAlternatives, leaveOneOut, topK, threads);
    }

    public UncertaintyOptions withWeights(WeightPerturbation w) {
        return new UncertaintyOptions(runs, seed, w, aggregationAlternatives, leaveOneOut, topK, threads);
    }

    public UncertaintyOptions withAlternatives(String node, MethodSpec... methods) {
        Map<String, List<MethodSpec>> m = new LinkedHashMap<>(aggregationAlternatives);
        m.put(node, List.of(methods));
        return new UncertaintyOptions(runs, seed, weights, m, leaveOneOut, topK, threads);
    }

    public UncertaintyOptions withLeaveOneOut(boolean on) {
        return new UncertaintyOptions(runs, seed, weights, aggregationAlternatives, on, topK, threads);
    }

    public UncertaintyOptions withTopK(int k) {
        return new UncertaintyOptions(runs, seed, weights, aggregationAlternatives, leaveOneOut, k, threads);
    }

    public UncertaintyOptions withThreads(int t) {
        return new UncertaintyOptions(runs, seed, weights, aggregationAlternatives, leaveOneOut, topK, t);
    }

    private static Map<String, List<MethodSpec>> copy(Map<String, List<MethodSpec>> m) {
        Map<String, List<MethodSpec>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
