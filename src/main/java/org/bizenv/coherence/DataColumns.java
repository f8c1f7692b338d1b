package org.bizenv.coherence;

/**
 * Shared validation and row selection for data matrices stored as {@code double[column][unit]}.
 *
 * <p>Conventions: one array per indicator (column) over the same units; {@link Double#NaN} marks a
 * missing value; infinities are never legal. Inputs are never mutated: every method that selects
 * rows returns fresh arrays.
 */
public final class DataColumns {

    private DataColumns() {
    }

    /**
     * Checks that {@code columns} is a non-empty rectangular matrix of finite-or-NaN values.
     *
     * @param columns data matrix {@code [column][unit]}
     * @param method  name of the calling method, used in error messages
     * @return the number of units n (length of every column; may be 0)
     * @throws IllegalArgumentException if {@code columns} is null or empty, a column is null, the
     *                                  columns differ in length, or a value is infinite
     */
    public static int requireRectangular(double[][] columns, String method) {
        if (columns == null) {
            throw new IllegalArgumentException(method + ": columns must not be null");
        }
        if (columns.length == 0) {
            throw new IllegalArgumentException(method + ": at least one column is required");
        }
        if (columns[0] == null) {
            throw new IllegalArgumentException(method + ": column 0 is null");
        }
        int n = columns[0].length;
        for (int j = 0; j < columns.length; j++) {
            double[] c = columns[j];
            if (c == null) {
                throw new IllegalArgumentException(method + ": column " + j + " is null");
            }
            if (c.length != n) {
                throw new IllegalArgumentException(method + ": column " + j + " has " + c.length
                        + " units but column 0 has " + n);
            }
            for (int i = 0; i < n; i++) {
                if (Double.isInfinite(c[i])) {
                    throw new IllegalArgumentException(method + ": infinite value at column " + j
                            + ", unit " + i);
                }
            }
        }
        return n;
    }

    /**
     * Number of units that have a value (not NaN) in every column. Assumes a rectangular matrix.
     */
    public static int completeRowCount(double[][] columns) {
        int n = columns[0].length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(columns, i)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Listwise deletion: a new matrix {@code [column][completeUnit]} holding only the units observed
     * in every column, in their original order. Assumes a rectangular matrix.
     */
    public static double[][] completeRows(double[][] columns) {
        int k = columns.length;
        int n = columns[0].length;
        int m = completeRowCount(columns);
        double[][] out = new double[k][m];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (isComplete(columns, i)) {
                for (int j = 0; j < k; j++) {
                    out[j][r] = columns[j][i];
                }
                r++;
            }
        }
        return out;
    }

    private static boolean isComplete(double[][] columns, int unit) {
        for (double[] c : columns) {
            if (Double.isNaN(c[unit])) {
                return false;
            }
        }
        return true;
    }

    /** Arithmetic mean of a non-empty array without missing values. */
    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * True when every value equals the first (a column without spread). Empty arrays count as
     * constant.
     */
    public static boolean isConstant(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[0]) {
                return false;
            }
        }
        return true;
    }
}
