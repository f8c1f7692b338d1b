package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Scorer;

/**
 * Monte Carlo uncertainty analysis: N runs, each re-aggregating the build's normalised indicators with perturbed
 * weights (COINr's uniform scheme or a Dirichlet), optionally another aggregation per node and one indicator left
 * out, and ranking the index. Reports per unit the distribution of its rank ({@link UncertaintyResult}).
 *
 * <p><b>Reproducibility.</b> Run r draws from its own stream {@code Rng.streamSeed(seed, r)} in a fixed order
 * (weights node by node in framework order, children in file order; then the aggregation of each node with
 * alternatives, in framework order; then the indicator left out), so its result depends only on (seed, r). Workers
 * accumulate integer histograms (order-free sums) and write per-run values by run index: the same seed gives
 * identical results for any thread count.
 *
 * <p><b>Cost.</b> A run is one pass over the normalised arrays per node plus an O(n log n) ranking, with no allocation;
 * memory is n·(n + 1) ints of rank histogram per worker (36 MB per worker for 3,000 units).
 */
public final class Uncertainty {

    private static final int CHUNK = 64;

    private Uncertainty() {
    }

    public static UncertaintyResult run(CompiledIndex ci, UncertaintyOptions o) {
        return run(ci, o, Progress.NONE);
    }

    public static UncertaintyResult run(CompiledIndex ci, UncertaintyOptions o, Progress progress) {
        Plan plan = new Plan(ci, o);
        int n = ci.units;
        int tiers = ci.tierCount;
        int runs = o.runs();
        double[] runShift = new double[runs];
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < Workers.count(o.threads(), runs, CHUNK); w++) {
            workers.add(new Worker(plan, runShift));
        }
        Workers.run("uncertainty", runs, CHUNK, workers, progress);

        // merge integer accumulators: exact, so independent of how runs were spread over workers
        int[] hist = new int[n * (n + 1)];
        int[] tierHist = new int[n * (tiers + 1)];
        long[] rankSum = new long[n];
        long[] absShiftSum = new long[n];
        for (Worker w : workers) {
            add(hist, w.hist);
            add(tierHist, w.tierHist);
            for (int i = 0; i < n; i++) {
                rankSum[i] += w.rankSum[i];
                absShiftSum[i] += w.absShiftSum[i];
            }
        }
        int[] nominal = ci.nominalRanks.clone();
        double[] mean = new double[n];
        double[] median = new double[n];
        double[] p05 = new double[n];
        double[] p95 = new double[n];
        int[] best = new int[n];
        int[] worst = new int[n];
        double[] meanAbs = new double[n];
        double[] top = new double[n];
        double[][] tierP = new double[n][tiers];
        int[] ranked = new int[n];
        for (int i = 0; i < n; i++) {
            int off = i * (n + 1);
            long count = runs - hist[off];          // bucket 0 = runs where the unit was unranked
            ranked[i] = (int) count;
            // the histogram over ranks 1..n sits at off + 1; Percentiles sees values 0..n-1, so add 1 back
            mean[i] = count == 0 ? Double.NaN : (double) rankSum[i] / count;
            median[i] = Percentiles.ofHistogram(hist, off + 1, n, count, 0.5) + 1;
            p05[i] = Percentiles.ofHistogram(hist, off + 1, n, count, 0.05) + 1;
            p95[i] = Percentiles.ofHistogram(hist, off + 1, n, count, 0.95) + 1;
            best[i] = 0;
            worst[i] = 0;
            long inTop = 0;
            for (int r = 1; r <= n; r++) {
                int c = hist[off + r];
                if (c > 0) {
                    if (best[i] == 0) {
                        best[i] = r;
                    }
                    worst[i] = r;
                    if (r <= o.topK()) {
                        inTop += c;
                    }
                }
            }
            top[i] = count == 0 ? Double.NaN : (double) inTop / count;
            meanAbs[i] = count == 0 || nominal[i] == 0 ? Double.NaN : (double) absShiftSum[i] / count;
            for (int t = 1; t <= tiers; t++) {
                tierP[i][t - 1] = count == 0 ? Double.NaN : (double) tierHist[i * (tiers + 1) + t] / count;
            }
        }
        List<Names> tierNames = ci.framework.tiers().names();
        return new UncertaintyResult(runs, o.seed(), o.weights().describe(), plan.settings(), ci.unitCodes(),
                ci.unitNames(), nominal, mean, median, p05, p95, best, worst, meanAbs, o.topK(), top, tierNames,
                tierP, ranked, runShift);
    }

    /**
     * The child weights (per slot, as {@link CompiledIndex#slotCount()}) that run {@code run} of an analysis with
     * these options uses: for checking the sampling scheme, and for an analyst who wants to see one run's weights.
     */
    public static double[] sampledWeights(CompiledIndex ci, UncertaintyOptions o, int run) {
        Plan plan = new Plan(ci, o);
        Evaluator ev = ci.evaluator();
        Rng rng = new Rng(0);
        plan.apply(ev, rng, run);
        return ev.weight.clone();
    }

    private static void add(int[] into, int[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /** Options resolved against the compiled tree once: per-node amounts, alternative codes, candidates to leave out. */
    static final class Plan {
        final CompiledIndex ci;
        final UncertaintyOptions o;
        final WeightPerturbation.Kind kind;
        final double[] amount;
        final int[] altNode;
        final AggregationMethod[][] alternative;
        final int[] dropSlot;

        Plan(CompiledIndex ci, UncertaintyOptions o) {
            this.ci = ci;
            this.o = o;
            if (ci.units > Character.MAX_VALUE || ci.tierCount > Byte.MAX_VALUE) {
                // ranks are buffered as char and tiers as byte; the n² rank histogram would not fit memory anyway
                throw new RobustnessException("uncertainty analysis supports up to " + (int) Character.MAX_VALUE
                        + " units and " + Byte.MAX_VALUE + " tiers");
            }
            this.kind = o.weights().kind();
            this.amount = new double[ci.nodes];
            for (int k = 0; k < ci.nodes; k++) {
                amount[k] = o.weights().amountFor(ci.node(k).code(), ci.framework.tree().depth()[k]);
            }
            List<String> problems = new ArrayList<>();
            for (String code : o.weights().byNode().keySet()) {
                if (ci.nodeIndex(code) < 0) {
                    problems.add("weight perturbation names node '" + code + "', which the framework does not have");
                }
            }
            List<Map.Entry<String, List<MethodSpec>>> alts = new ArrayList<>(o.aggregationAlternatives().entrySet());
            alts.removeIf(e -> {
                if (ci.nodeIndex(e.getKey()) < 0) {
                    problems.add("aggregation alternatives name node '" + e.getKey()
                            + "', which the framework does not have");
                    return true;
                }
                if (e.getValue().isEmpty()) {
                    problems.add("node " + e.getKey() + ": the list of alternative aggregations is empty");
                    return true;
                }
                return false;
            });
            // framework order, so the draw order does not depend on how the caller built the map
            alts.sort(java.util.Comparator.comparingInt(e -> ci.nodeIndex(e.getKey())));
            this.altNode = new int[alts.size()];
            this.alternative = new AggregationMethod[alts.size()][];
            for (int a = 0; a < alts.size(); a++) {
                int k = ci.nodeIndex(alts.get(a).getKey());
                List<MethodSpec> ms = alts.get(a).getValue();
                altNode[a] = k;
                alternative[a] = new AggregationMethod[ms.size()];
                for (int i = 0; i < ms.size(); i++) {
                    try {
                        alternative[a][i] = Scorer.aggregationMethod(ms.get(i), ci.nominalAggregation[k]);
                    } catch (IllegalArgumentException e) {
                        problems.add("node " + ci.node(k).code() + ": " + e.getMessage());
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new RobustnessException(problems);
            }
            List<Integer> drops = new ArrayList<>();
            if (o.leaveOneOut()) {
                for (int j = 0; j < ci.indicators; j++) {
                    int s = ci.indicatorSlot[j];
                    int parent = ci.slotParent[s];
                    if (ci.childStart[parent + 1] - ci.childStart[parent] > 1) {
                        drops.add(s);
                    }
                }
            }
            this.dropSlot = drops.stream().mapToInt(Integer::intValue).toArray();
            if (hasAlternatives()) {
                Evaluator ev = ci.evaluator();
                checkAlternatives(ev, ev::reset);
            }
        }

        boolean hasAlternatives() {
            return altNode.length > 0;
        }

        /**
         * Tries every alternative once at nominal weights, so an undefined mean fails before N runs, not during.
         *
         * @param nominal sets {@code ev} to the nominal weights, methods and rows (the build's, or a replicate's)
         */
        void checkAlternatives(Evaluator ev, Runnable nominal) {
            for (int a = 0; a < altNode.length; a++) {
                for (AggregationMethod m : alternative[a]) {
                    nominal.run();
                    ev.setAggregation(altNode[a], m);
                    try {
                        ev.evaluate();
                    } catch (RobustnessException e) {
                        throw new RobustnessException("alternative aggregation " + m.label()
                                + " for node " + ci.node(altNode[a]).code() + " cannot be used: " + e.getMessage());
                    }
                }
            }
        }

        /** Sets the evaluator to run {@code run}'s weights, methods and left-out indicator. */
        void apply(Evaluator ev, Rng rng, int run) {
            apply(ev, rng, run, ci.nominalWeight);
        }

        /** As {@link #apply(Evaluator, Rng, int)}, perturbing the given nominal weights (per slot). */
        void apply(Evaluator ev, Rng rng, int run, double[] nominal) {
            rng.reseed(Rng.streamSeed(o.seed(), run));
            double[] w = ev.weight;
            System.arraycopy(nominal, 0, w, 0, w.length);
            if (kind != WeightPerturbation.Kind.NONE) {
                for (int k = 0; k < ci.nodes; k++) {
                    double a = amount[k];
                    if (a == 0) {
                        continue;
                    }
                    int s0 = ci.childStart[k];
                    int s1 = ci.childStart[k + 1];
                    double sum = 0;
                    if (kind == WeightPerturbation.Kind.UNIFORM) {
                        for (int s = s0; s < s1; s++) {
                            w[s] = nominal[s] * (1 + a * (2 * rng.nextDouble() - 1));
                            sum += w[s];
                        }
                    } else {
                        for (int s = s0; s < s1; s++) {
                            w[s] = rng.nextGamma(a * nominal[s]);
                            sum += w[s];
                        }
                    }
                    if (sum > 0) {
                        for (int s = s0; s < s1; s++) {
                            w[s] /= sum;
                        }
                    } else {
                        // every gamma draw underflowed to 0 (tiny α·w): keep the nominal weights for this node
                        System.arraycopy(nominal, s0, w, s0, s1 - s0);
                    }
                }
            }
            for (int a = 0; a < altNode.length; a++) {
                int k = altNode[a];
                int choice = alternative[a].length == 1 ? 0 : rng.nextInt(alternative[a].length);
                ev.aggregation[k] = alternative[a][choice];
            }
            if (dropSlot.length > 0) {
                int c = rng.nextInt(dropSlot.length + 1);       // 0 = leave nothing out
                if (c > 0) {
                    ev.excluded[dropSlot[c - 1]] = true;
                }
            }
        }

        /** Clears what {@link #apply} changed besides the weights (restored by the next apply). */
        void clear(Evaluator ev) {
            if (dropSlot.length > 0) {
                for (int s : dropSlot) {
                    ev.excluded[s] = false;
                }
            }
        }

        List<String> settings() {
            List<String> out = new ArrayList<>();
            out.add("runs: " + o.runs() + ", seed " + o.seed());
            out.add("weights: " + o.weights().describe());
            for (int a = 0; a < altNode.length; a++) {
                List<String> names = new ArrayList<>();
                for (AggregationMethod m : alternative[a]) {
                    names.add(m.label());
                }
                out.add("aggregation of " + ci.node(altNode[a]).code() + ": one of " + String.join(", ", names)
                        + " (uniformly)");
            }
            if (o.leaveOneOut()) {
                out.add("one indicator left out per run, uniformly among none and " + dropSlot.length
                        + " indicators (only children are never left out)");
            }
            out.add("ranks: competition ranks " + (ci.rounded ? "of scores at " + ci.decimals + " decimals"
                    : "at full precision") + "; percentiles R type 7");
            return out;
        }
    }

    /** One worker: its own evaluator, generator and integer accumulators. */
    private static final class Worker implements Workers.Task {
        final Plan plan;
        final Evaluator ev;
        final Rng rng = new Rng(0);
        final int[] hist;
        final int[] tierHist;
        final long[] rankSum;
        final long[] absShiftSum;
        final double[] runShift;
        final int[] nominal;
        final int n;
        final int tiers;
        final char[] rankBuf;
        final byte[] tierBuf;

        Worker(Plan plan, double[] runShift) {
            this.plan = plan;
            this.ev = plan.ci.evaluator();
            this.n = plan.ci.units;
            this.tiers = plan.ci.tierCount;
            this.hist = new int[n * (n + 1)];
            this.tierHist = new int[n * (tiers + 1)];
            this.rankSum = new long[n];
            this.absShiftSum = new long[n];
            this.runShift = runShift;
            this.nominal = plan.ci.nominalRanks;
            this.rankBuf = new char[CHUNK * n];
            this.tierBuf = new byte[CHUNK * n];
        }

        @Override
        public void run(int from, int to) {
            if (to - from > CHUNK) {
                throw new IllegalArgumentException("a worker call covers at most " + CHUNK + " runs");
            }
            for (int r = from; r < to; r++) {
                plan.apply(ev, rng, r);
                ev.evaluate();
                ev.rank();
                plan.clear(ev);
                int[] rk = ev.ranks();
                int[] tr = ev.tiers();
                int row = (r - from) * n;
                long shift = 0;
                int both = 0;
                for (int i = 0; i < n; i++) {
                    int ri = rk[i];
                    rankBuf[row + i] = (char) ri;
                    tierBuf[row + i] = (byte) tr[i];
                    if (ri > 0) {
                        rankSum[i] += ri;
                        if (nominal[i] > 0) {
                            int d = Math.abs(ri - nominal[i]);
                            absShiftSum[i] += d;
                            shift += d;
                            both++;
                        }
                    }
                }
                runShift[r] = both == 0 ? Double.NaN : (double) shift / both;
            }
            // histogram updates unit by unit over the buffered runs: each unit's row of counts is touched by a burst
            // of up to CHUNK runs instead of once per run (n scattered writes per run thrash the cache for 3,000 units)
            int runs = to - from;
            for (int i = 0; i < n; i++) {
                int h = i * (n + 1);
                int t = i * (tiers + 1);
                for (int b = 0; b < runs; b++) {
                    hist[h + rankBuf[b * n + i]]++;
                    tierHist[t + tierBuf[b * n + i]]++;
                }
            }
        }
    }
}
