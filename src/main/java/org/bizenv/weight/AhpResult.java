package org.bizenv.weight;

import java.util.Arrays;

/**
 * Result of {@link Weighting#ahp}: principal-eigenvector weights (sum 1, all positive), the principal
 * eigenvalue λmax, CI = (λmax − n)/(n − 1) and CR = CI/RI(n) (0 for n ≤ 2). The weights array is
 * copied in and out.
 */
public record AhpResult(double[] weights, double lambdaMax, double ci, double cr) {

    /** Saaty's usual acceptance limit for the consistency ratio. */
    public static final double STANDARD_CR_LIMIT = 0.10;

    public AhpResult {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("AhpResult: weights must not be empty");
        }
        weights = weights.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Order of the pairwise matrix. */
    public int n() {
        return weights.length;
    }

    /**
     * True when CR ≤ limit.
     *
     * @throws IllegalArgumentException if the limit is not a finite positive number
     */
    public boolean consistent(double limit) {
        checkLimit(limit);
        return cr <= limit;
    }

    /**
     * Returns this result when CR ≤ limit, otherwise throws.
     *
     * @param limit      accepted CR (typically {@link #STANDARD_CR_LIMIT})
     * @param matrixName name of the matrix for the message (e.g. the parent node)
     * @throws InconsistentJudgementsException naming the matrix, its CR and the limit
     * @throws IllegalArgumentException        if the limit is not a finite positive number
     */
    public AhpResult requireConsistent(double limit, String matrixName) {
        if (!consistent(limit)) {
            throw new InconsistentJudgementsException(matrixName, cr, limit, lambdaMax, weights.length);
        }
        return this;
    }

    private static void checkLimit(double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("CR limit must be a finite positive number, got " + limit);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AhpResult r
                && Arrays.equals(weights, r.weights)
                && Double.compare(lambdaMax, r.lambdaMax) == 0
                && Double.compare(ci, r.ci) == 0
                && Double.compare(cr, r.cr) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Double.hashCode(lambdaMax) + 7 * Double.hashCode(cr);
    }

    @Override
    public String toString() {
        return "AhpResult[weights=" + Arrays.toString(weights) + ", lambdaMax=" + lambdaMax
                + ", ci=" + ci + ", cr=" + cr + "]";
    }
}
