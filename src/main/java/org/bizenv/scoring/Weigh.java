package org.bizenv.scoring;

import java.util.Locale;

import org.bizenv.framework.AhpCheck;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkTree;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Node;
import org.bizenv.framework.TreeElement;
import org.bizenv.weight.CriticVariant;
import org.bizenv.weight.EntropyVariant;
import org.bizenv.weight.RandomIndex;
import org.bizenv.weight.Weighting;

/**
 * Weights of one node's children, by the method the node declares. Objective methods (entropy, CRITIC, CV, PCA) are
 * computed from the children's values at this level — normalised indicators or child scores — on the units that
 * have all of them.
 */
final class Weigh {

    private Weigh() {
    }

    static NodeWeights children(Framework fw, int node, double[][] childValues) {
        return children(fw, node, fw.nodes().get(node).weighting(), childValues);
    }

    /** As the node's own weighting, by {@code spec} instead (a robustness run's alternative). */
    static NodeWeights children(Framework fw, int node, MethodSpec spec, double[][] childValues) {
        Node nd = fw.nodes().get(node);
        int[] children = fw.tree().children()[node];
        String[] codes = new String[children.length];
        double[] stated = new double[children.length];
        for (int c = 0; c < children.length; c++) {
            TreeElement e = element(fw, children[c]);
            codes[c] = e.code();
            stated[c] = e.weight();
        }
        String detail = "";
        double[] w;
        switch (spec.method()) {
            case "expert" -> w = Weighting.renormalise(stated);
            case "equal" -> w = Weighting.equal(children.length);
            case "ahp" -> {
                double[][] matrix = AhpCheck.matrix(spec);
                RandomIndex ri = AhpCheck.randomIndex(spec);
                var r = Weighting.ahp(matrix, ri).requireConsistent(AhpCheck.crLimit(spec),
                        "the AHP matrix of node " + nd.code() + " (framework line " + spec.line() + ")");
                w = r.weights();
                detail = String.format(Locale.ROOT, "λmax %.4f, CI %.4f, CR %.4f (%s random index)", r.lambdaMax(),
                        r.ci(), r.cr(), ri.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            case "combined" -> {
                double[] objective = objective(spec.text("objective", "entropy"), MethodSpec.of("default"),
                        childValues, nd);
                double[] subjective = Weighting.renormalise(stated);
                if (spec.text("rule", "linear").equals("multiplicative")) {
                    w = Weighting.combineMultiplicative(subjective, objective);
                    detail = "w ∝ expert × " + spec.text("objective", "entropy");
                } else {
                    double alpha = spec.number("alpha", 0.5);
                    w = Weighting.combineLinear(subjective, objective, alpha);
                    detail = String.format(Locale.ROOT, "w = %s·expert + %s·%s", fmt(alpha), fmt(1 - alpha),
                            spec.text("objective", "entropy"));
                }
            }
            default -> {
                w = objective(spec.method(), spec, objectiveInputs(fw, node, spec, childValues), nd);
                detail = "computed from the children's values" + variantNote(spec);
            }
        }
        return new NodeWeights(nd.code(), spec.describe(), codes, w, detail);
    }

    private static String fmt(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static double[] objective(String method, MethodSpec spec, double[][] childValues, Node nd) {
        double[][] complete = completeUnits(childValues);
        if (complete.length > 0 && complete[0].length < 2) {
            throw new ScoringException("node " + nd.code() + ": " + method + " weights need at least two units with "
                    + "values for every child");
        }
        int[] dirs = new int[complete.length];
        java.util.Arrays.fill(dirs, 1);          // children are already "higher is better" after normalisation
        return switch (method) {
            case "entropy" -> Weighting.entropy(complete, entropyVariant(spec.text("variant", "textbook")));
            case "critic" -> Weighting.critic(complete, dirs, spec.text("variant", "direction-aware")
                    .equals("ignore-direction") ? CriticVariant.IGNORE_DIRECTION : CriticVariant.DIRECTION_AWARE);
            case "cv" -> Weighting.coefficientOfVariation(complete);
            case "pca" -> Weighting.pca(complete);
            default -> throw new ScoringException("node " + nd.code() + ": '" + method
                    + "' is not an objective weighting method (entropy, critic, cv, pca)");
        };
    }

    private static EntropyVariant entropyVariant(String name) {
        for (var v : EntropyVariant.values()) {
            if (v.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return v;
            }
        }
        return EntropyVariant.DEFAULT;
    }

    /**
     * The values objective weights are computed from. CRITIC with {@code variant: ignore-direction} (pymcdm) treats
     * every column as "higher is better" in its own orientation: the normalised values of a lower-is-better
     * indicator child are negated back, so for a min-max (any positive affine) normalisation this is exactly CRITIC
     * on the treated values ignoring direction. Every other method sees the children as normalised.
     */
    private static double[][] objectiveInputs(Framework fw, int node, MethodSpec spec, double[][] childValues) {
        if (!spec.method().equals("critic") || !spec.text("variant", "direction-aware").equals("ignore-direction")) {
            return childValues;
        }
        int[] children = fw.tree().children()[node];
        double[][] out = new double[childValues.length][];
        for (int c = 0; c < children.length; c++) {
            boolean lower = FrameworkTree.isIndicator(children[c])
                    && fw.indicators().get(FrameworkTree.indicatorOf(children[c])).scoredDirection() < 0;
            out[c] = childValues[c];
            if (lower) {
                out[c] = new double[childValues[c].length];
                for (int i = 0; i < out[c].length; i++) {
                    out[c][i] = -childValues[c][i];
                }
            }
        }
        return out;
    }

    private static String variantNote(MethodSpec spec) {
        return switch (spec.method()) {
            case "entropy" -> " (" + spec.text("variant", "textbook") + " variant)";
            case "critic" -> " (" + spec.text("variant", "direction-aware") + " variant)";
            default -> "";
        };
    }

    /** The children's values restricted to the units that have every child (objective weights need full rows). */
    static double[][] completeUnits(double[][] cols) {
        int n = cols.length == 0 ? 0 : cols[0].length;
        boolean[] keep = new boolean[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (double[] c : cols) {
                if (Double.isNaN(c[i])) {
                    ok = false;
                    break;
                }
            }
            keep[i] = ok;
            kept += ok ? 1 : 0;
        }
        double[][] out = new double[cols.length][kept];
        for (int j = 0; j < cols.length; j++) {
            for (int i = 0, k = 0; i < n; i++) {
                if (keep[i]) {
                    out[j][k++] = cols[j][i];
                }
            }
        }
        return out;
    }

    private static TreeElement element(Framework fw, int child) {
        return FrameworkTree.isIndicator(child) ? fw.indicators().get(FrameworkTree.indicatorOf(child))
                : fw.nodes().get(child);
    }
}
