package org.bizenv.scoring;

import org.bizenv.framework.Framework;

/**
 * {@code zeros: zero} for the geometric, harmonic and generalised (p ≤ 0) means: a child equal to 0 (with a positive
 * weight) makes the unit's score 0, the limit of the mean as that child tends to 0, as a log-based implementation
 * gives it (R's {@code exp(mean(log(x)))}, SciPy's {@code gmean}). The default {@code zeros: error} stops instead, as
 * COINr's {@code geoMean} does. Negative values stay an error either way.
 */
final class ZeroAsLimit {

    private ZeroAsLimit() {
    }

    static double[] aggregate(Framework fw, int node, double[][] children, double[] weights, RawData data) {
        int n = children.length == 0 ? 0 : children[0].length;
        boolean[] zero = new boolean[n];
        double[][] patched = new double[children.length][];
        for (int c = 0; c < children.length; c++) {
            patched[c] = children[c].clone();
            for (int i = 0; i < n; i++) {
                if (children[c][i] == 0 && weights[c] > 0) {
                    zero[i] = true;
                    patched[c][i] = 1;         // any positive value: the unit's score is set to 0 below
                }
            }
        }
        double[] out = Scorer.aggregateAsStated(fw, node, patched, weights, data);
        for (int i = 0; i < n; i++) {
            if (zero[i] && !Double.isNaN(out[i])) {
                out[i] = 0;
            }
        }
        return out;
    }
}
