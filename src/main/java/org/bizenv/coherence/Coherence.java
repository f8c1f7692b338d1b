package org.bizenv.coherence;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Statistical coherence of a framework (methodology.md, "Statistical coherence"): correlations
 * between indicators and with their parent, Cronbach's alpha and PCA variance explained.
 *
 * <p>Data are {@code double[column][unit]}; {@link Double#NaN} is a missing value. Inputs are never
 * mutated. Missing values are handled per method:
 * <ul>
 *   <li>correlations ({@link #pearson}, {@link #spearman}, {@link #correlationWith}) use
 *       <b>pairwise-complete</b> observations: each coefficient uses the units observed in both
 *       variables;</li>
 *   <li>{@link #cronbachAlpha} and {@link #pcaVarianceExplained} use <b>complete rows</b> (units
 *       observed in every column).</li>
 * </ul>
 */
public final class Coherence {

    /**
     * Minimum number of pairwise-complete observations for a correlation coefficient. With fewer
     * pairs the coefficient is reported as {@link Double#NaN} (two points always give ±1, which says
     * nothing about coherence).
     */
    public static final int MIN_PAIRS = 3;

    /** Negative eigenvalues of a correlation matrix above this (−1e−10·k) are rounding and set to 0. */
    private static final double EIGEN_ROUNDING = 1e-10;

    private Coherence() {
    }

    /**
     * Pearson correlation matrix of the columns, pairwise-complete.
     *
     * <p>Entry {@code [j][k]} is the Pearson coefficient of columns j and k over the units where both
     * are observed, with means taken over those same units. It is {@link Double#NaN} — a documented
     * "undefined", never a silent failure — when fewer than {@link #MIN_PAIRS} pairs exist or either
     * variable is constant over the pairs. Diagonal entries follow the same rule (1 when defined).
     * The matrix is exactly symmetric. Results are clamped to [−1, 1] against rounding.
     *
     * @param columns data {@code [column][unit]}, NaN = missing
     * @return k×k matrix, k = number of columns
     * @throws IllegalArgumentException on a null, empty, ragged or infinite-valued input
     */
    public static double[][] pearson(double[][] columns) {
        DataColumns.requireRectangular(columns, "pearson");
        return correlationMatrix(columns, false);
    }

    /**
     * Spearman rank correlation matrix, pairwise-complete: for each pair of columns the units observed
     * in both are ranked within that subset (ties get the average rank) and the Pearson coefficient
     * of the ranks is returned. NaN under the same rule as {@link #pearson} (fewer than
     * {@link #MIN_PAIRS} pairs, or a variable constant over the pairs).
     *
     * @param columns data {@code [column][unit]}, NaN = missing
     * @return k×k symmetric matrix
     * @throws IllegalArgumentException on a null, empty, ragged or infinite-valued input
     */
    public static double[][] spearman(double[][] columns) {
        DataColumns.requireRectangular(columns, "spearman");
        return spearmanMatrix(columns);
    }

    /**
     * Correlation of each column with a parent (e.g. indicators with their dimension score),
     * pairwise-complete, Pearson or Spearman. NaN under the rule of {@link #pearson}. A negative
     * value flags an indicator that runs against its dimension.
     *
     * @param columns  data {@code [column][unit]}
     * @param parent   parent values over the same units, NaN = missing
     * @param spearman true for Spearman rank correlation, false for Pearson
     * @return one coefficient per column
     * @throws IllegalArgumentException if the parent is null, differs in length or has infinities
     */
    public static double[] correlationWith(double[][] columns, double[] parent, boolean spearman) {
        int n = DataColumns.requireRectangular(columns, "correlationWith");
        if (parent == null) {
            throw new IllegalArgumentException("correlationWith: parent must not be null");
        }
        if (parent.length != n) {
            throw new IllegalArgumentException("correlationWith: parent has " + parent.length
                    + " units but the columns have " + n);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(parent[i])) {
                throw new IllegalArgumentException("correlationWith: infinite parent value at unit " + i);
            }
        }
        double[] out = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            out[j] = pairwise(columns[j], parent, spearman);
        }
        return out;
    }

    /**
     * Cronbach's alpha on complete rows: α = k²·mean(off-diagonal covariances) / sum(all covariance
     * entries), which equals k/(k−1)·(1 − Σ var_j / var(Σ_j x_j)). Covariances use n − 1 (the
     * convention cancels in the ratio). May be negative (items that covary negatively on average).
     *
     * @param columns data {@code [column][unit]}, NaN = missing (rows with any NaN are dropped)
     * @return alpha (at most 1)
     * @throws IllegalArgumentException if k &lt; 2, fewer than 2 complete rows, or the total score
     *                                  has zero variance (every covariance sum is 0)
     */
    public static double cronbachAlpha(double[][] columns) {
        DataColumns.requireRectangular(columns, "cronbachAlpha");
        int k = columns.length;
        if (k < 2) {
            throw new IllegalArgumentException("cronbachAlpha: needs at least 2 columns, got " + k);
        }
        double[][] x = DataColumns.completeRows(columns);
        int n = x[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("cronbachAlpha: needs at least 2 complete rows, got " + n);
        }
        double[][] d = new double[k][];
        for (int j = 0; j < k; j++) {
            d[j] = centred(x[j]);
        }
        double total = 0;
        double diagonal = 0;
        for (int j = 0; j < k; j++) {
            for (int l = j; l < k; l++) {
                double c = dot(d[j], d[l]) / (n - 1);
                if (l == j) {
                    diagonal += c;
                    total += c;
                } else {
                    total += 2 * c;
                }
            }
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(
                    "cronbachAlpha: the sum of the items has zero variance on the complete rows; alpha undefined");
        }
        double meanOffDiagonal = (total - diagonal) / ((double) k * (k - 1));
        return (double) k * k * meanOffDiagonal / total;
    }

    /**
     * Shares of variance explained by the principal components of the correlation matrix
     * (standardised indicators), complete rows, descending. The shares are the eigenvalues divided by
     * their sum (= k) and sum to 1. Eigenvalues that are negative only by rounding are reported as 0.
     *
     * @param columns data {@code [column][unit]}, NaN = missing (rows with any NaN are dropped)
     * @return k shares, descending
     * @throws IllegalArgumentException if fewer than {@link #MIN_PAIRS} complete rows remain or a
     *                                  column is constant on the complete rows (correlation undefined)
     */
    public static double[] pcaVarianceExplained(double[][] columns) {
        DataColumns.requireRectangular(columns, "pcaVarianceExplained");
        double[] eig = correlationEigen(columns, "pcaVarianceExplained").values;
        double sum = 0;
        for (double v : eig) {
            sum += v;
        }
        double[] out = new double[eig.length];
        for (int j = 0; j < eig.length; j++) {
            out[j] = eig[j] / sum;
        }
        return out;
    }

    /**
     * Eigenvalues of a correlation matrix (descending, summing to k) and the unit eigenvector of the
     * largest one (sign arbitrary). Arrays are copied in and out.
     */
    public record CorrelationEigen(double[] values, double[] firstVector) {
        public CorrelationEigen {
            values = values.clone();
            firstVector = firstVector.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public double[] firstVector() {
            return firstVector.clone();
        }
    }

    /**
     * Eigen-decomposition of the Pearson correlation matrix of the complete rows (commons-math3
     * symmetric solver). Eigenvalues are sorted descending; tiny negative eigenvalues (rounding) are
     * set to 0. Shared by {@link #pcaVarianceExplained} and PCA weighting.
     *
     * @param columns rectangular data {@code [column][unit]}
     * @param method  caller name for error messages
     * @throws IllegalArgumentException if fewer than {@link #MIN_PAIRS} complete rows or a constant
     *                                  column (named) on the complete rows
     */
    public static CorrelationEigen correlationEigen(double[][] columns, String method) {
        DataColumns.requireRectangular(columns, method);
        double[][] x = DataColumns.completeRows(columns);
        int k = x.length;
        int n = x[0].length;
        if (n < MIN_PAIRS) {
            throw new IllegalArgumentException(method + ": needs at least " + MIN_PAIRS
                    + " complete rows, got " + n);
        }
        for (int j = 0; j < k; j++) {
            if (DataColumns.isConstant(x[j])) {
                throw new IllegalArgumentException(method + ": column " + j
                        + " is constant on the complete rows; its correlations are undefined");
            }
        }
        double[][] r = correlationMatrix(x, false);
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(r, false));
        double[] real = ed.getRealEigenvalues();
        int[] order = orderDescending(real);
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            double v = real[order[j]];
            if (v < 0) {
                if (v < -EIGEN_ROUNDING * k) {
                    throw new IllegalStateException(method + ": correlation matrix has eigenvalue " + v
                            + " < 0; not positive semi-definite");
                }
                v = 0;
            }
            values[j] = v;
        }
        double[] first = ed.getEigenvector(order[0]).toArray();
        return new CorrelationEigen(values, first);
    }

    // ------------------------------------------------------------------ internals

    private static double[][] correlationMatrix(double[][] columns, boolean ranks) {
        int k = columns.length;
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int l = j; l < k; l++) {
                double v = pairwise(columns[j], columns[l], ranks);
                r[j][l] = v;
                r[l][j] = v;
            }
        }
        return r;
    }

    /**
     * The Spearman matrix with the same numbers as {@link #pairwise} with ranks (each pair ranked on its own complete
     * rows, as R's {@code cor(use = "pairwise.complete.obs")} does), but each column is sorted once: a pair's ranks
     * come from one walk along the presorted order skipping rows the other column lacks, O(n) per pair instead of
     * O(n log n). At 3,000 units × 200 indicators this is the difference between seconds and a minute.
     */
    private static double[][] spearmanMatrix(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        int[][] order = new int[k][];
        for (int j = 0; j < k; j++) {
            double[] x = columns[j];
            order[j] = java.util.stream.IntStream.range(0, n).filter(i -> !Double.isNaN(x[i])).boxed()
                    .sorted((a, b) -> Double.compare(x[a], x[b])).mapToInt(Integer::intValue).toArray();
        }
        double[] ra = new double[n];
        double[] rb = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int l = j; l < k; l++) {
                double[] x = columns[j];
                double[] y = columns[l];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                        m++;
                    }
                }
                double v = Double.NaN;
                if (m >= MIN_PAIRS) {
                    ranksAlong(order[j], x, y, ra);
                    ranksAlong(order[l], y, x, rb);
                    for (int i = 0, p = 0; i < n; i++) {
                        if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                            a[p] = ra[i];
                            b[p] = rb[i];
                            p++;
                        }
                    }
                    v = pearsonComplete(Arrays.copyOf(a, m), Arrays.copyOf(b, m));
                }
                r[j][l] = v;
                r[l][j] = v;
            }
        }
        return r;
    }

    /**
     * Average ranks (1-based, ties sharing the mean of their positions) of {@code x} over the rows where
     * {@code other} is present too, written into {@code out} by row; {@code order} lists x's present rows by value.
     */
    private static void ranksAlong(int[] order, double[] x, double[] other, double[] out) {
        int pos = 0;
        int t = 0;
        while (t < order.length) {
            if (Double.isNaN(other[order[t]])) {
                t++;
                continue;
            }
            // a run of equal values among the rows both columns have
            double v = x[order[t]];
            int end = t;
            int count = 0;
            while (end < order.length && x[order[end]] == v) {
                if (!Double.isNaN(other[order[end]])) {
                    count++;
                }
                end++;
            }
            double rank = (pos + (pos + count - 1)) / 2.0 + 1.0;
            for (int q = t; q < end; q++) {
                if (!Double.isNaN(other[order[q]])) {
                    out[order[q]] = rank;
                }
            }
            pos += count;
            t = end;
        }
    }

    /** Pairwise-complete Pearson (or Spearman when {@code ranks}) of x and y; NaN when undefined. */
    static double pairwise(double[] x, double[] y, boolean ranks) {
        int n = x.length;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                m++;
            }
        }
        if (m < MIN_PAIRS) {
            return Double.NaN;
        }
        double[] a = new double[m];
        double[] b = new double[m];
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[p] = x[i];
                b[p] = y[i];
                p++;
            }
        }
        if (ranks) {
            a = averageRanks(a);
            b = averageRanks(b);
        }
        return pearsonComplete(a, b);
    }

    /**
     * Pearson coefficient of two equally long arrays without missing values (two-pass, means over the
     * arrays); NaN when either is constant; clamped to [−1, 1].
     */
    public static double pearsonComplete(double[] a, double[] b) {
        double[] da = centred(a);
        double[] db = centred(b);
        double sab = dot(da, db);
        double saa = dot(da, da);
        double sbb = dot(db, db);
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        double r = sab / Math.sqrt(saa * sbb);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Ranks 1..n, ties receiving the average of the ranks they span. */
    static double[] averageRanks(double[] x) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int lo = lowerBound(sorted, x[i]);
            int hi = upperBound(sorted, x[i]) - 1;
            out[i] = (lo + hi) / 2.0 + 1.0;
        }
        return out;
    }

    private static int lowerBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] centred(double[] x) {
        double m = DataColumns.mean(x);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - m;
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Indices of {@code v} ordered by value, descending (selection sort: k is small). */
    private static int[] orderDescending(double[] v) {
        int k = v.length;
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int best = i;
            for (int j = i + 1; j < k; j++) {
                if (v[idx[j]] > v[idx[best]]) {
                    best = j;
                }
            }
            int t = idx[i];
            idx[i] = idx[best];
            idx[best] = t;
        }
        return idx;
    }
}
