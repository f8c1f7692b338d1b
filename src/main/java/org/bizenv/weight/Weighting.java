package org.bizenv.weight;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.bizenv.coherence.Coherence;
import org.bizenv.coherence.DataColumns;

/**
 * Weighting methods (methodology.md, "Weights"): equal and expert weights, the objective methods
 * entropy, coefficient of variation, CRITIC and PCA, AHP and combined subjective/objective weights.
 *
 * <p>Data are {@code double[column][unit]} (one array per indicator over the units),
 * {@link Double#NaN} = missing. The objective methods ({@link #entropy}, {@link #coefficientOfVariation},
 * {@link #critic}, {@link #pca}) use <b>complete rows only</b> (listwise deletion: units observed in
 * every column), so that every weight is estimated on the same units. Every method returns weights
 * that are finite, non-negative and sum to 1 (within rounding), or throws
 * {@link IllegalArgumentException} with a message naming the method and the offending column, unit
 * or cell. A single column always gets weight {@code {1.0}} (after its input has been validated).
 * Inputs are never mutated.
 */
public final class Weighting {

    /**
     * Tolerance for AHP reciprocity and unit diagonal: |a_ij·a_ji − 1| and |a_ii − 1| must not exceed
     * it. Accepts reciprocals typed to three decimals (1/7 as 0.143 gives 1.001) but not two (0.14·7 =
     * 0.98).
     */
    public static final double RECIPROCAL_TOLERANCE = 0.01;

    /** Minimum complete rows for the correlation-based methods (CRITIC, PCA), as in {@link Coherence}. */
    public static final int MIN_ROWS_CORRELATION = Coherence.MIN_PAIRS;

    private static final double TOL_EPS = 1e-12;

    private Weighting() {
    }

    // ------------------------------------------------------------------ equal / expert

    /**
     * Equal weights 1/k.
     *
     * @throws IllegalArgumentException if k &lt; 1
     */
    public static double[] equal(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("equal: number of weights must be at least 1, got " + k);
        }
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1.0 / k);
        return w;
    }

    /**
     * Expert (nominal) weights rescaled to sum to 1.
     *
     * @param w strictly positive finite weights
     * @return a new array w_j / Σ w
     * @throws IllegalArgumentException if w is null or empty, or an entry is NaN, infinite or ≤ 0
     *                                  (the message names the index)
     */
    public static double[] renormalise(double[] w) {
        if (w == null || w.length == 0) {
            throw new IllegalArgumentException("renormalise: weights must not be null or empty");
        }
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            double v = w[j];
            if (Double.isNaN(v) || Double.isInfinite(v) || v <= 0) {
                throw new IllegalArgumentException("renormalise: weight at index " + j
                        + " must be finite and positive, got " + v);
            }
            sum += v;
        }
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] / sum;
        }
        return out;
    }

    // ------------------------------------------------------------------ entropy

    /** {@link #entropy(double[][], EntropyVariant)} with {@link EntropyVariant#DEFAULT} (textbook). */
    public static double[] entropy(double[][] columns) {
        return entropy(columns, EntropyVariant.DEFAULT);
    }

    /**
     * Entropy weights. On complete rows (n of them): p_ij = x_ij/Σ_i x_ij,
     * E_j = −(1/ln n)·Σ_i p_ij ln p_ij with 0·ln 0 = 0 (E_j ∈ [0, 1]), then per variant
     * w_j ∝ 1 − E_j ({@link EntropyVariant#TEXTBOOK}, {@link EntropyVariant#ZERO_ENTROPY_IF_ANY_ZERO})
     * or w_j ∝ E_j ({@link EntropyVariant#PROPORTIONAL_TO_ENTROPY}). The data should be normalised
     * and non-negative (the Elsayed et al. fixture applies p to raw values, which is also legal).
     * A constant column has E = 1, hence weight 0 in the textbook variant.
     *
     * @param columns data {@code [column][unit]}, non-negative, NaN = missing
     * @param v       variant (see {@link EntropyVariant}); not null
     * @return weights summing to 1
     * @throws IllegalArgumentException on a negative value (column and unit named), fewer than 2
     *                                  complete rows, a column summing to 0 on the complete rows, or
     *                                  when every unnormalised weight is 0 (e.g. all columns constant
     *                                  in the textbook variant)
     */
    public static double[] entropy(double[][] columns, EntropyVariant v) {
        int n0 = DataColumns.requireRectangular(columns, "entropy");
        if (v == null) {
            throw new IllegalArgumentException("entropy: variant must not be null");
        }
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < n0; i++) {
                if (columns[j][i] < 0) {
                    throw new IllegalArgumentException("entropy: negative value " + columns[j][i]
                            + " at column " + j + ", unit " + i + "; normalise onto a non-negative scale first");
                }
            }
        }
        double[][] x = DataColumns.completeRows(columns);
        int k = x.length;
        int n = x[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("entropy: needs at least 2 complete rows, got " + n);
        }
        double lnN = Math.log(n);
        double[] raw = new double[k];
        for (int j = 0; j < k; j++) {
            double[] c = x[j];
            double sum = 0;
            boolean anyZero = false;
            for (double value : c) {
                sum += value;
                anyZero |= value == 0;
            }
            if (!(sum > 0)) {
                throw new IllegalArgumentException("entropy: column " + j
                        + " sums to 0 on the complete rows; p_ij undefined");
            }
            double h = 0;
            for (double value : c) {
                if (value > 0) {
                    double p = value / sum;
                    h -= p * Math.log(p);
                }
            }
            // a constant column is exactly uniform: E = 1 (avoids a 1e-16 residue from rounding)
            double e = DataColumns.isConstant(c) ? 1.0 : Math.min(1.0, Math.max(0.0, h / lnN));
            switch (v) {
                case TEXTBOOK -> raw[j] = 1 - e;
                case ZERO_ENTROPY_IF_ANY_ZERO -> raw[j] = anyZero ? 1.0 : 1 - e;
                case PROPORTIONAL_TO_ENTROPY -> raw[j] = e;
                default -> throw new IllegalStateException("unknown variant " + v);
            }
        }
        if (k == 1) {
            return new double[] {1.0};
        }
        return normaliseOrFail(raw, "entropy (" + v + ")",
                "every column carries no entropy information (e.g. all columns constant)");
    }

    // ------------------------------------------------------------------ coefficient of variation

    /**
     * Coefficient-of-variation weights on complete rows: w_j ∝ s_j/mean_j with s_j the sample
     * standard deviation (n − 1). The sd convention cancels in the normalisation (population sd gives
     * identical weights). A constant column gets weight 0.
     *
     * @param columns data {@code [column][unit]}, NaN = missing
     * @return weights summing to 1
     * @throws IllegalArgumentException if fewer than 2 complete rows, a column mean is not strictly
     *                                  positive (CV meaningless; column named), or every column is
     *                                  constant
     */
    public static double[] coefficientOfVariation(double[][] columns) {
        DataColumns.requireRectangular(columns, "coefficientOfVariation");
        double[][] x = DataColumns.completeRows(columns);
        int k = x.length;
        int n = x[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("coefficientOfVariation: needs at least 2 complete rows, got " + n);
        }
        double[] raw = new double[k];
        for (int j = 0; j < k; j++) {
            double mean = mean(x[j]);
            if (!(mean > 0)) {
                throw new IllegalArgumentException("coefficientOfVariation: column " + j + " has mean "
                        + mean + " on the complete rows; the coefficient of variation needs a positive mean");
            }
            raw[j] = sampleSd(x[j], mean) / mean;
        }
        if (k == 1) {
            return new double[] {1.0};
        }
        return normaliseOrFail(raw, "coefficientOfVariation", "every column is constant");
    }

    // ------------------------------------------------------------------ CRITIC

    /** {@link #critic(double[][], int[], CriticVariant)} with {@link CriticVariant#DEFAULT}. */
    public static double[] critic(double[][] columns, int[] directions) {
        return critic(columns, directions, CriticVariant.DEFAULT);
    }

    /**
     * CRITIC weights (Diakoulaki et al. 1995) on complete rows. Each column is min-max normalised onto
     * [0, 1] (per direction or not, see {@link CriticVariant}); σ_j is its sample standard deviation
     * (n − 1; the convention cancels in the weights), r_jk the Pearson correlation of the normalised
     * columns, C_j = σ_j·Σ_k (1 − r_jk), w_j = C_j/Σ C.
     *
     * <p>Constant column (zero range on the complete rows): its information C_j is 0, so its weight is
     * 0, and it is left out of the other columns' conflict sums (its correlations are undefined); the
     * other weights equal CRITIC run without it. (pyDecision instead counts r = 0, adding 1 to every
     * other column's conflict; pymcdm returns NaN.)
     *
     * @param columns    data {@code [column][unit]}, NaN = missing
     * @param directions +1 (higher is better) or −1 per column; validated even for
     *                   {@link CriticVariant#IGNORE_DIRECTION}
     * @param v          variant; not null
     * @return weights summing to 1
     * @throws IllegalArgumentException on bad directions, fewer than {@value #MIN_ROWS_CORRELATION}
     *                                  complete rows, or when every C_j is 0 (all columns constant, or
     *                                  all perfectly correlated)
     */
    public static double[] critic(double[][] columns, int[] directions, CriticVariant v) {
        DataColumns.requireRectangular(columns, "critic");
        if (v == null) {
            throw new IllegalArgumentException("critic: variant must not be null");
        }
        checkDirections(directions, columns.length, "critic");
        double[][] x = DataColumns.completeRows(columns);
        int k = x.length;
        int n = x[0].length;
        if (n < MIN_ROWS_CORRELATION) {
            throw new IllegalArgumentException("critic: needs at least " + MIN_ROWS_CORRELATION
                    + " complete rows, got " + n);
        }
        double[][] z = new double[k][];
        boolean[] constant = new boolean[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            double[] c = x[j];
            double min = c[0];
            double max = c[0];
            for (double value : c) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            double range = max - min;
            double[] out = new double[n];
            if (range == 0) {
                constant[j] = true;
            } else {
                boolean cost = v == CriticVariant.DIRECTION_AWARE && directions[j] < 0;
                for (int i = 0; i < n; i++) {
                    out[i] = cost ? (max - c[i]) / range : (c[i] - min) / range;
                }
                sd[j] = sampleSd(out, mean(out));
            }
            z[j] = out;
        }
        if (k == 1) {
            return new double[] {1.0};
        }
        double[] info = new double[k];
        for (int j = 0; j < k; j++) {
            if (constant[j]) {
                continue;
            }
            double conflict = 0;
            for (int l = 0; l < k; l++) {
                if (l != j && !constant[l]) {
                    conflict += 1 - Coherence.pearsonComplete(z[j], z[l]);
                }
            }
            info[j] = sd[j] * conflict;
        }
        return normaliseOrFail(info, "critic (" + v + ")",
                "no column carries information (all constant, or all perfectly correlated)");
    }

    // ------------------------------------------------------------------ PCA

    /**
     * PCA weights on complete rows: the first principal component of the Pearson correlation matrix
     * (i.e. of the standardised indicators, commons-math3 symmetric eigen-solver); weights are the
     * squared loadings normalised to sum 1, which equal the squared components of the unit
     * eigenvector. The sign of the component is irrelevant.
     *
     * @param columns data {@code [column][unit]}, NaN = missing
     * @return weights summing to 1
     * @throws IllegalArgumentException if fewer than {@value #MIN_ROWS_CORRELATION} complete rows, a
     *                                  column is constant, or the first eigenvalue is tied with the
     *                                  second (the first component, hence the weights, would be
     *                                  arbitrary — e.g. uncorrelated indicators)
     */
    public static double[] pca(double[][] columns) {
        DataColumns.requireRectangular(columns, "pca");
        Coherence.CorrelationEigen eig = Coherence.correlationEigen(columns, "pca");
        double[] values = eig.values();
        int k = values.length;
        if (k == 1) {
            return new double[] {1.0};
        }
        if (values[0] - values[1] <= 1e-9 * values[0]) {
            throw new IllegalArgumentException("pca: the first principal component is not unique (eigenvalues "
                    + values[0] + " and " + values[1] + " tie); PCA weights are undefined for these data");
        }
        double[] v = eig.firstVector();
        double[] sq = new double[k];
        for (int j = 0; j < k; j++) {
            sq[j] = v[j] * v[j];
        }
        return normaliseOrFail(sq, "pca", "zero first component");
    }

    // ------------------------------------------------------------------ AHP

    /** {@link #ahp(double[][], RandomIndex)} with {@link RandomIndex#DEFAULT} (Saaty classic). */
    public static AhpResult ahp(double[][] pairwise) {
        return ahp(pairwise, RandomIndex.DEFAULT);
    }

    /**
     * AHP by the principal eigenvector (Saaty). Weights are the Perron eigenvector of A normalised to
     * sum 1 (all positive); λmax its eigenvalue; CI = (λmax − n)/(n − 1); CR = CI/RI(n). For n ≤ 2,
     * CI = CR = 0 (RI = 0; such a reciprocal matrix is consistent by construction); for n = 1,
     * λmax = 1. CI is reported as exactly 0 when |λmax − n| ≤ 1e−10·n (a consistent matrix, whose
     * computed λmax may fall a rounding error below n). The eigen-pair comes from commons-math3's
     * general (non-symmetric) {@link EigenDecomposition}; should it fail or return an inaccurate pair
     * (residual ‖Aw − λw‖∞ &gt; 1e−9·λ), power iteration, which converges for positive matrices by
     * Perron–Frobenius, is used instead.
     *
     * @param pairwise n×n positive reciprocal matrix, a_ij = importance of i over j
     * @param ri       random index table; not null
     * @throws IllegalArgumentException if the matrix is null, empty, not square, has a non-finite or
     *                                  non-positive entry, a diagonal entry other than 1, or a pair with
     *                                  |a_ij·a_ji − 1| &gt; {@value #RECIPROCAL_TOLERANCE} (the cell is
     *                                  named), or n exceeds the RI table
     */
    public static AhpResult ahp(double[][] pairwise, RandomIndex ri) {
        if (ri == null) {
            throw new IllegalArgumentException("ahp: random index table must not be null");
        }
        int n = checkPairwise(pairwise);
        double riN = ri.value(n);
        if (n == 1) {
            return new AhpResult(new double[] {1.0}, 1.0, 0.0, 0.0);
        }
        double[] w = new double[n];
        double lambda = perronPair(pairwise, w);
        double ci;
        double cr;
        if (n <= 2) {
            ci = 0;
            cr = 0;
        } else {
            ci = Math.abs(lambda - n) <= 1e-10 * n ? 0.0 : (lambda - n) / (n - 1);
            cr = ci / riN;
        }
        return new AhpResult(w, lambda, ci, cr);
    }

    /** Fills {@code w} with the Perron vector (sum 1) of a positive matrix and returns its eigenvalue. */
    private static double perronPair(double[][] a, double[] w) {
        int n = a.length;
        try {
            EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(a, true));
            double[] re = ed.getRealEigenvalues();
            double[] im = ed.getImagEigenvalues();
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (Math.abs(im[i]) <= 1e-12 * Math.abs(re[i]) && (best < 0 || re[i] > re[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                double[] v = ed.getEigenvector(best).toArray();
                double lambda = re[best];
                double sum = 0;
                for (double value : v) {
                    sum += value;
                }
                boolean ok = sum != 0;
                for (int i = 0; i < n && ok; i++) {
                    v[i] /= sum;
                    ok = v[i] > 0;
                }
                if (ok && residual(a, v, lambda) <= 1e-9 * lambda) {
                    System.arraycopy(v, 0, w, 0, n);
                    return lambda;
                }
            }
        } catch (MathIllegalStateException e) {
            // fall through to power iteration
        }
        return powerIteration(a, w);
    }

    /**
     * Power iteration for the Perron pair of a positive matrix: w ← Aw/Σ(Aw) until the largest change
     * is ≤ 1e−15 (or 10 000 steps). Returns λ = mean_i (Aw)_i/w_i; fills {@code w} (sum 1).
     */
    static double powerIteration(double[][] a, double[] w) {
        int n = a.length;
        java.util.Arrays.fill(w, 1.0 / n);
        double[] next = new double[n];
        for (int iter = 0; iter < 10_000; iter++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * w[j];
                }
                next[i] = s;
                sum += s;
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                change = Math.max(change, Math.abs(next[i] - w[i]));
                w[i] = next[i];
            }
            if (change <= 1e-15) {
                break;
            }
        }
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * w[j];
            }
            lambda += s / w[i];
        }
        return lambda / n;
    }

    private static double residual(double[][] a, double[] v, double lambda) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < a.length; j++) {
                s += a[i][j] * v[j];
            }
            worst = Math.max(worst, Math.abs(s - lambda * v[i]));
        }
        return worst;
    }

    private static int checkPairwise(double[][] a) {
        if (a == null || a.length == 0) {
            throw new IllegalArgumentException("ahp: pairwise matrix must not be null or empty");
        }
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("ahp: pairwise matrix must be square (" + n + "×" + n
                        + "); row " + i + " has " + (a[i] == null ? "no" : String.valueOf(a[i].length)) + " entries");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = a[i][j];
                if (Double.isNaN(v) || Double.isInfinite(v) || v <= 0) {
                    throw new IllegalArgumentException("ahp: cell (" + i + ", " + j
                            + ") must be finite and positive, got " + v);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(a[i][i] - 1) > RECIPROCAL_TOLERANCE + TOL_EPS) {
                throw new IllegalArgumentException("ahp: diagonal cell (" + i + ", " + i + ") must be 1, got " + a[i][i]);
            }
            for (int j = i + 1; j < n; j++) {
                double p = a[i][j] * a[j][i];
                if (Math.abs(p - 1) > RECIPROCAL_TOLERANCE + TOL_EPS) {
                    throw new IllegalArgumentException("ahp: matrix is not reciprocal at cell (" + i + ", " + j
                            + "): a[" + i + "][" + j + "] = " + a[i][j] + " but a[" + j + "][" + i + "] = " + a[j][i]
                            + " (product " + p + ", expected 1 ± " + RECIPROCAL_TOLERANCE + ")");
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ combination

    /**
     * Linear combination w = α·ŵ_s + (1 − α)·ŵ_o, where ŵ are the inputs rescaled to sum 1.
     *
     * @param subjective non-negative weights (e.g. AHP), sum &gt; 0
     * @param objective  non-negative weights (e.g. entropy), sum &gt; 0, same length
     * @param alpha      share of the subjective weights, in [0, 1]
     * @return weights summing to 1
     * @throws IllegalArgumentException on different lengths, α outside [0, 1] or NaN, or a weight
     *                                  vector with a negative/non-finite entry (index named) or zero sum
     */
    public static double[] combineLinear(double[] subjective, double[] objective, double alpha) {
        double[] s = unitSum(subjective, "combineLinear", "subjective");
        double[] o = unitSum(objective, "combineLinear", "objective");
        sameLength(s, o, "combineLinear");
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("combineLinear: alpha must be in [0, 1], got " + alpha);
        }
        double[] w = new double[s.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = alpha * s[j] + (1 - alpha) * o[j];
        }
        return w;
    }

    /**
     * Multiplicative combination w_j = s_j·o_j / Σ_k s_k·o_k.
     *
     * @throws IllegalArgumentException on different lengths, a negative/non-finite entry (index named),
     *                                  a zero-sum input, or when every product is 0
     */
    public static double[] combineMultiplicative(double[] subjective, double[] objective) {
        double[] s = unitSum(subjective, "combineMultiplicative", "subjective");
        double[] o = unitSum(objective, "combineMultiplicative", "objective");
        sameLength(s, o, "combineMultiplicative");
        double[] raw = new double[s.length];
        for (int j = 0; j < raw.length; j++) {
            raw[j] = s[j] * o[j];
        }
        return normaliseOrFail(raw, "combineMultiplicative",
                "every product subjective·objective is 0 (the two vectors have disjoint support)");
    }

    // ------------------------------------------------------------------ helpers

    private static double[] unitSum(double[] w, String method, String which) {
        if (w == null || w.length == 0) {
            throw new IllegalArgumentException(method + ": " + which + " weights must not be null or empty");
        }
        double sum = 0;
        for (int j = 0; j < w.length; j++) {
            double v = w[j];
            if (Double.isNaN(v) || Double.isInfinite(v) || v < 0) {
                throw new IllegalArgumentException(method + ": " + which + " weight at index " + j
                        + " must be finite and non-negative, got " + v);
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(method + ": " + which + " weights sum to 0");
        }
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] / sum;
        }
        return out;
    }

    private static void sameLength(double[] a, double[] b, String method) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(method + ": subjective has " + a.length
                    + " weights but objective has " + b.length);
        }
    }

    private static void checkDirections(int[] directions, int k, String method) {
        if (directions == null) {
            throw new IllegalArgumentException(method + ": directions must not be null");
        }
        if (directions.length != k) {
            throw new IllegalArgumentException(method + ": " + directions.length
                    + " directions given for " + k + " columns");
        }
        for (int j = 0; j < k; j++) {
            if (directions[j] != 1 && directions[j] != -1) {
                throw new IllegalArgumentException(method + ": direction at column " + j
                        + " must be +1 or -1, got " + directions[j]);
            }
        }
    }

    /** raw/Σraw, raw non-negative; IAE when the sum is not positive. */
    private static double[] normaliseOrFail(double[] raw, String method, String why) {
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException(method + ": weights undefined: " + why);
        }
        double[] w = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            w[j] = raw[j] / sum;
        }
        return w;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sampleSd(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
