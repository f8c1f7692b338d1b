package org.bizenv.scoring;

import java.util.List;
import java.util.Locale;

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
        Node nd = fw.nodes().get(node);
        int[] children = fw.tree().children()[node];
        String[] codes = new String[children.length];
        double[] stated = new double[children.length];
        for (int c = 0; c < children.length; c++) {
            TreeElement e = element(fw, children[c]);
            codes[c] = e.code();
            stated[c] = e.weight();
        }
        MethodSpec spec = nd.weighting();
        String detail = "";
        double[] w;
        switch (spec.method()) {
            case "expert" -> w = Weighting.renormalise(stated);
            case "equal" -> w = Weighting.equal(children.length);
            case "ahp" -> {
                double[][] matrix = matrix(spec);
                var ri = spec.text("ri", "saaty-classic").equals("saaty-2005")
                        ? RandomIndex.SAATY_2005 : RandomIndex.SAATY_CLASSIC;
                var r = Weighting.ahp(matrix, ri).requireConsistent(spec.number("cr-limit", 0.10),
                        "the AHP matrix of node " + nd.code() + " (framework line " + spec.line() + ")");
                w = r.weights();
                detail = String.format(Locale.ROOT, "λmax %.4f, CI %.4f, CR %.4f (%s random index)", r.lambdaMax(),
                        r.ci(), r.cr(), ri.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            case "combined" -> {
                double[] objective = objective(spec.text("objective", "entropy"), spec, childValues, nd);
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
                w = objective(spec.method(), spec, childValues, nd);
                detail = "computed from the children's values";
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
            case "critic" -> Weighting.critic(complete, dirs, CriticVariant.DEFAULT);
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

    private static double[][] matrix(MethodSpec spec) {
        List<Object> rows = spec.list("matrix");
        double[][] a = new double[rows.size()][];
        for (int r = 0; r < a.length; r++) {
            List<?> row = (List<?>) rows.get(r);
            a[r] = new double[row.size()];
            for (int c = 0; c < row.size(); c++) {
                a[r][c] = (Double) row.get(c);
            }
        }
        return a;
    }

    private static TreeElement element(Framework fw, int child) {
        return FrameworkTree.isIndicator(child) ? fw.indicators().get(FrameworkTree.indicatorOf(child))
                : fw.nodes().get(child);
    }
}
