package org.bizenv.weight;

import java.util.Locale;

/**
 * An AHP pairwise comparison matrix whose consistency ratio exceeds the accepted limit. The judgements
 * must be revised; the message names the matrix, its CR and the limit.
 */
public class InconsistentJudgementsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String matrixName;
    private final double cr;
    private final double limit;

    public InconsistentJudgementsException(String matrixName, double cr, double limit, double lambdaMax, int n) {
        super(String.format(Locale.ROOT,
                "AHP pairwise matrix '%s' is inconsistent: CR = %.4f exceeds the limit %.4f "
                        + "(n = %d, lambdaMax = %.4f); revise the judgements",
                matrixName, cr, limit, n, lambdaMax));
        this.matrixName = matrixName;
        this.cr = cr;
        this.limit = limit;
    }

    public String matrixName() {
        return matrixName;
    }

    public double cr() {
        return cr;
    }

    public double limit() {
        return limit;
    }
}
