package org.bizenv.framework;

import java.util.List;
import java.util.Locale;

import org.bizenv.weight.AhpResult;
import org.bizenv.weight.RandomIndex;
import org.bizenv.weight.Weighting;

/**
 * The AHP judgements of a node, checked when the framework is loaded: the matrix is data-free, so an inconsistent one
 * (CR above the limit) or one that is not reciprocal is a framework error at its line, found by {@code validate} as
 * well as by a run.
 */
public final class AhpCheck {

    private AhpCheck() {
    }

    /** The pairwise matrix of an AHP weighting spec (rows of numbers; the loader checked the shape). */
    public static double[][] matrix(MethodSpec spec) {
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

    /** The random-index table a spec names ({@code ri}: saaty-classic, the default, or saaty-2005). */
    public static RandomIndex randomIndex(MethodSpec spec) {
        return spec.text("ri", "saaty-classic").equals("saaty-2005") ? RandomIndex.SAATY_2005
                : RandomIndex.SAATY_CLASSIC;
    }

    /** The limit on the consistency ratio ({@code cr-limit}, default 0.10). */
    public static double crLimit(MethodSpec spec) {
        return spec.number("cr-limit", AhpResult.STANDARD_CR_LIMIT);
    }

    /** Null when the node's matrix is usable, else the message (naming the node, CR, limit and RI table). */
    static String problem(Node node) {
        MethodSpec spec = node.weighting();
        AhpResult r;
        try {
            r = Weighting.ahp(matrix(spec), randomIndex(spec));
        } catch (IllegalArgumentException e) {
            return "node " + node.code() + ": the AHP matrix is not usable: " + e.getMessage();
        }
        double limit = crLimit(spec);
        if (r.cr() > limit) {
            return String.format(Locale.ROOT, "node %s: the AHP matrix is inconsistent: CR %.4f exceeds the limit "
                    + "%s (λmax %.4f, CI %.4f, %s random index); revise the judgements or raise cr-limit",
                    node.code(), r.cr(), fmt(limit), r.lambdaMax(), r.ci(),
                    randomIndex(spec).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return null;
    }

    private static String fmt(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
