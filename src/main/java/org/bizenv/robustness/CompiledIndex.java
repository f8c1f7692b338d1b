package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.aggregate.AggregationMethod;
import org.bizenv.framework.Names;
import org.bizenv.framework.Node;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.CompositeMeans;
import org.bizenv.scoring.Scorer;

/**
 * A scored build compiled once into flat arrays for re-aggregation: the normalised indicators ({@code [indicator][unit]},
 * shared with the build, never modified) with which values were imputed and which do not apply, the tree as child
 * slots, the weights the build used, every node's aggregation, and the composite and unranked units. Each Monte Carlo run then only re-aggregates these arrays with other weights or methods
 * ({@link Evaluator}); nothing upstream of aggregation (imputation, treatment, normalisation, objective weighting) is
 * redone.
 *
 * <p>Child slots: the children of node k occupy slots {@code childStart[k] .. childStart[k + 1] − 1} in file order;
 * {@link #slotOf(String)} finds the slot of a node or indicator code (the root has none). Weights are per slot, within
 * the parent.
 *
 * <p>Immutable and thread-safe; make one {@link Evaluator} per thread.
 */
public final class CompiledIndex {

    final Build build;
    final Framework framework;
    final int units;
    final int indicators;
    final int nodes;
    final int root;
    final int[] bottomUp;
    final int[] childStart;
    final int[] childRef;
    final int[] slotParent;
    final int[] nodeSlot;
    final int[] indicatorSlot;
    final int maxChildren;
    final double[] nominalWeight;
    final AggregationMethod[] nominalAggregation;
    final double[][] values;
    final double[][] logValues;
    final boolean[] indicatorComplete;
    final boolean[][] imputed;
    final boolean[][] notApplicable;
    final CompositeMeans composites;
    final boolean[] outside;
    final boolean[] unranked;
    final boolean rounded;
    final int decimals;
    final boolean tiersByBreaks;
    final int tierCount;
    final double[] tierBreaks;
    final int[] nominalRanks;
    final int[] nominalTiers;
    final String[] unitCodes;
    final Names[] unitNames;
    private final Map<String, Integer> slotByCode = new HashMap<>();
    private final Map<String, Integer> nodeByCode = new HashMap<>();
    private final Map<String, Integer> indicatorByCode = new HashMap<>();

    private CompiledIndex(Build build, double[][] normalised) {
        this.build = build;
        this.framework = build.framework();
        FrameworkTree tree = framework.tree();
        this.units = build.unitCount();
        this.indicators = framework.indicators().size();
        this.nodes = framework.nodes().size();
        this.root = tree.root();
        this.bottomUp = tree.bottomUp().clone();
        this.childStart = new int[nodes + 1];
        int slots = 0;
        int widest = 0;
        for (int k = 0; k < nodes; k++) {
            childStart[k] = slots;
            slots += tree.children()[k].length;
            widest = Math.max(widest, tree.children()[k].length);
        }
        childStart[nodes] = slots;
        this.maxChildren = widest;
        this.childRef = new int[slots];
        this.slotParent = new int[slots];
        this.nominalWeight = new double[slots];
        this.nodeSlot = new int[nodes];
        this.indicatorSlot = new int[indicators];
        java.util.Arrays.fill(nodeSlot, -1);
        for (int k = 0; k < nodes; k++) {
            int[] ch = tree.children()[k];
            // the weights the build actually aggregated with (expert, objective or AHP, already renormalised)
            double[] w = build.nodeWeights()[k].weights();
            for (int c = 0; c < ch.length; c++) {
                int s = childStart[k] + c;
                childRef[s] = ch[c];
                slotParent[s] = k;
                nominalWeight[s] = w[c];
                if (FrameworkTree.isIndicator(ch[c])) {
                    int j = FrameworkTree.indicatorOf(ch[c]);
                    indicatorSlot[j] = s;
                    slotByCode.put(framework.indicators().get(j).code(), s);
                } else {
                    nodeSlot[ch[c]] = s;
                    slotByCode.put(framework.nodes().get(ch[c]).code(), s);
                }
            }
        }
        for (int k = 0; k < nodes; k++) {
            nodeByCode.put(framework.nodes().get(k).code(), k);
        }
        for (int j = 0; j < indicators; j++) {
            indicatorByCode.put(framework.indicators().get(j).code(), j);
        }
        this.nominalAggregation = new AggregationMethod[nodes];
        for (int k = 0; k < nodes; k++) {
            nominalAggregation[k] = Scorer.aggregationMethod(framework.nodes().get(k).aggregation());
        }
        this.values = normalised;
        this.logValues = new double[indicators][];
        this.indicatorComplete = new boolean[indicators];
        this.imputed = new boolean[indicators][];
        this.notApplicable = new boolean[indicators][];
        for (int j = 0; j < indicators; j++) {
            logValues[j] = logs(values[j]);
            indicatorComplete[j] = complete(values[j]);
            imputed[j] = flagsOrNull(build.imputed().flagged()[j]);
            notApplicable[j] = build.notApplicable() == null ? null : flagsOrNull(build.notApplicable()[j]);
        }
        CompositeMeans means = CompositeMeans.of(framework, build.units());
        this.composites = means.hasComposites() ? means : null;
        this.outside = composites == null ? null : means.composites();
        boolean[] out = means.unranked();
        this.unranked = anyTrue(out) ? out : null;
        this.rounded = framework.ranking().compareRounded();
        this.decimals = framework.ranking().decimals();
        this.tiersByBreaks = framework.tiers().method().equals("breaks");
        this.tierCount = framework.tiers().count();
        this.tierBreaks = framework.tiers().breaks() == null ? new double[0] : framework.tiers().breaks().clone();
        this.nominalRanks = build.indexRanks().clone();
        this.nominalTiers = build.tiers().clone();
        this.unitCodes = new String[units];
        this.unitNames = new Names[units];
        for (int i = 0; i < units; i++) {
            unitCodes[i] = build.units().get(i).code();
            unitNames[i] = build.units().get(i).name();
        }
    }

    /**
     * Compiles a build; O(indicators × units) once (logarithms for geometric means are precomputed here), and checks
     * that re-aggregating it at the nominal weights and methods gives the build's node scores, index ranks and tiers
     * bit for bit ({@link ReaggregationMismatchException} otherwise: a fault of bizenv's, not of the inputs).
     */
    public static CompiledIndex of(Build build) {
        CompiledIndex ci = compile(build);
        NominalCheck.verify(ci);
        return ci;
    }

    /** Compiles without the nominal check (for the check's own tests). */
    static CompiledIndex compile(Build build) {
        return new CompiledIndex(build, build.normalised().values());
    }

    /**
     * {@code Math.log} of every value, as the kernel's geometric mean takes them (so precomputed logs give the same
     * bits), or null when some value is <= 0 (the kernel takes logs only of rows without such values).
     */
    static double[] logs(double[] x) {
        double[] lx = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= 0) {
                return null;
            }
            lx[i] = Math.log(x[i]);
        }
        return lx;
    }

    /** Whether no value of an indicator's row is missing. */
    static boolean complete(double[] x) {
        for (double v : x) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** The flags, or null when none is set (as the evaluator takes which values were imputed). */
    static boolean[] flagsOrNull(boolean[] flags) {
        return anyTrue(flags) ? flags : null;
    }

    private static boolean anyTrue(boolean[] flags) {
        for (boolean b : flags) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same index with some indicators' normalised values replaced ({@code rows}: indicator index → values per
     * unit), e.g. a scenario's other normalisation. Weights, methods and the nominal ranks stay the build's.
     */
    public CompiledIndex withValues(Map<Integer, double[]> rows) {
        double[][] v = values.clone();
        rows.forEach((j, row) -> {
            if (row.length != units) {
                throw new IllegalArgumentException("indicator " + j + ": " + row.length + " values for " + units
                        + " units");
            }
            v[j] = row;
        });
        return new CompiledIndex(build, v);
    }

    /** A fresh evaluator with its own scratch buffers, set to the nominal weights and methods. */
    public Evaluator evaluator() {
        return new Evaluator(this);
    }

    // ------------------------------------------------------------------ lookups

    public Build build() {
        return build;
    }

    public Framework framework() {
        return framework;
    }

    public int unitCount() {
        return units;
    }

    public int nodeCount() {
        return nodes;
    }

    public int indicatorCount() {
        return indicators;
    }

    public int slotCount() {
        return childRef.length;
    }

    public int root() {
        return root;
    }

    /** First child slot of node k; its children are {@code childStart(k) .. childStart(k + 1) − 1}. */
    public int childStart(int node) {
        return childStart[node];
    }

    public int childEnd(int node) {
        return childStart[node + 1];
    }

    /** The child in a slot, encoded as in {@link FrameworkTree} ({@code >= 0} node, {@code −1 − i} indicator). */
    public int childRef(int slot) {
        return childRef[slot];
    }

    public int slotParent(int slot) {
        return slotParent[slot];
    }

    public int nodeSlot(int node) {
        return nodeSlot[node];
    }

    public int indicatorSlot(int indicator) {
        return indicatorSlot[indicator];
    }

    /** The slot of a node or indicator code within its parent, or −1 if unknown (or the root). */
    public int slotOf(String code) {
        Integer s = slotByCode.get(code);
        return s == null ? -1 : s;
    }

    /** Node index of a code, or −1. */
    public int nodeIndex(String code) {
        Integer k = nodeByCode.get(code);
        return k == null ? -1 : k;
    }

    /** Indicator index of a code, or −1. */
    public int indicatorIndex(String code) {
        Integer j = indicatorByCode.get(code);
        return j == null ? -1 : j;
    }

    public double nominalWeight(int slot) {
        return nominalWeight[slot];
    }

    /** Node k's aggregation as the framework states it. */
    public AggregationMethod nominalAggregation(int node) {
        return nominalAggregation[node];
    }

    /** Code of the node or indicator in a slot. */
    public String slotCode(int slot) {
        int c = childRef[slot];
        return FrameworkTree.isIndicator(c) ? framework.indicators().get(FrameworkTree.indicatorOf(c)).code()
                : framework.nodes().get(c).code();
    }

    public Names slotName(int slot) {
        int c = childRef[slot];
        return FrameworkTree.isIndicator(c) ? framework.indicators().get(FrameworkTree.indicatorOf(c)).name()
                : framework.nodes().get(c).name();
    }

    public Node node(int k) {
        return framework.nodes().get(k);
    }

    /** The index's children (dimensions), as node indices, in file order. */
    public int[] dimensions() {
        List<Integer> out = new ArrayList<>();
        for (int s = childStart[root]; s < childStart[root + 1]; s++) {
            if (childRef[s] >= 0) {
                out.add(childRef[s]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The build's index ranks (the engine's convention: published decimals or full precision). */
    public int[] nominalRanks() {
        return nominalRanks.clone();
    }

    public int[] nominalTiers() {
        return nominalTiers.clone();
    }

    public String[] unitCodes() {
        return unitCodes.clone();
    }

    public Names[] unitNames() {
        return unitNames.clone();
    }

    /** True when ranks compare scores rounded to {@link #decimals()} (the framework's ranking.compare). */
    public boolean compareRounded() {
        return rounded;
    }

    public int decimals() {
        return decimals;
    }

    public int tierCount() {
        return tierCount;
    }

    /** Normalised values of indicator j (the build's array: do not modify). */
    double[] values(int indicator) {
        return values[indicator];
    }
}
