package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Variance-based sensitivity indices of a scalar model on the unit hypercube [0, 1)^d, by the Saltelli design.
 *
 * <p><b>Design.</b> Two N × d matrices A and B (the first and last d coordinates of N points of a 2d-dimensional
 * sample) and, for each input i, A_B^(i) = A with column i taken from B: N·(d + 2) model runs. Sampling
 * {@link Sampling#SOBOL}: points 1 … N of commons-math3's {@link SobolSequenceGenerator} (Joe–Kuo direction numbers;
 * point 0, the origin, is skipped), deterministic; {@link Sampling#RANDOM}: uniform draws from {@link Rng}(seed).
 *
 * <p><b>Estimators</b> (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Table 2):
 * <ul>
 *   <li>V = population variance (divisor 2N) of the 2N outputs f(A) and f(B), as SALib;</li>
 *   <li>first order S_i = (1/N)·Σ_j f(B)_j·(f(A_B^(i))_j − f(A)_j) / V (Saltelli 2010);</li>
 *   <li>total order ST_i = (1/(2N))·Σ_j (f(A)_j − f(A_B^(i))_j)² / V (Jansen 1999).</li>
 * </ul>
 * <b>Confidence intervals:</b> percentile bootstrap — the N rows (j) are resampled with replacement {@code bootstrap}
 * times (seeded), the estimators recomputed on each resample, and the interval is the type-7 ({@link Percentiles})
 * (1 − c)/2 and (1 + c)/2 percentiles of the resampled estimates. If the output does not vary (V = 0) every index is
 * NaN.
 */
public final class SobolIndices {

    /** A model on [0, 1)^d. Instances need not be thread-safe: the analysis asks the supplier for one per worker. */
    @FunctionalInterface
    public interface Model {
        double evaluate(double[] u);
    }

    public enum Sampling {
        SOBOL, RANDOM;

        /** How the reports name the design's points ({@link SensitivityResult#sampling()}). */
        public String described() {
            return this == SOBOL ? "Sobol points 1..N (Joe–Kuo direction numbers)" : "seeded uniform random";
        }
    }

    /**
     * @param baseSamples N (the design costs N·(d + 2) runs); a power of two suits Sobol points best
     * @param seed        seeds the bootstrap and, with RANDOM sampling, the design
     * @param bootstrap   number of bootstrap resamples (0 = no intervals)
     * @param confidence  level of the intervals, e.g. 0.95
     * @param threads     workers; results do not depend on it
     */
    public record Options(int baseSamples, long seed, Sampling sampling, int bootstrap, double confidence,
                          int threads) {
        public Options {
            if (baseSamples < 2) {
                throw new IllegalArgumentException("need at least 2 base samples, got " + baseSamples);
            }
            if (bootstrap < 0) {
                throw new IllegalArgumentException("bootstrap resamples must be >= 0, got " + bootstrap);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        public static Options defaults() {
            return new Options(1024, 1, Sampling.SOBOL, 1000, 0.95, Runtime.getRuntime().availableProcessors());
        }

        public Options withBaseSamples(int n) {
            return new Options(n, seed, sampling, bootstrap, confidence, threads);
        }

        public Options withSeed(long s) {
            return new Options(baseSamples, s, sampling, bootstrap, confidence, threads);
        }

        public Options withSampling(Sampling s) {
            return new Options(baseSamples, seed, s, bootstrap, confidence, threads);
        }

        public Options withBootstrap(int b) {
            return new Options(baseSamples, seed, sampling, b, confidence, threads);
        }

        public Options withThreads(int t) {
            return new Options(baseSamples, seed, sampling, bootstrap, confidence, t);
        }
    }

    /**
     * Indices per input (arrays over inputs), with the bootstrap interval bounds (NaN without bootstrap).
     *
     * @param mean     mean of the 2N outputs f(A), f(B)
     * @param variance V (divisor 2N)
     * @param runs     model runs N·(d + 2)
     */
    public record Estimate(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
                           double[] totalHigh, double mean, double variance, int runs) {
    }

    private static final int CHUNK = 256;

    private SobolIndices() {
    }

    public static Estimate analyse(int d, Supplier<Model> models, Options o, Progress progress) {
        return analyse(d, 1, () -> {
            Model m = models.get();
            return (u, out) -> out[0] = m.evaluate(u);
        }, o, progress)[0];
    }

    /** A model with several outputs on [0, 1)^d, evaluated once per design point for all of them. */
    @FunctionalInterface
    public interface Outputs {
        /** Writes the outputs at {@code u} into {@code out} (length = the number of outputs). */
        void evaluate(double[] u, double[] out);
    }

    /**
     * The indices of each of {@code outputs} outputs of one model, from one design (the model runs once per point for
     * all outputs): the same estimates as a separate analysis of each output, at the cost of one.
     */
    public static Estimate[] analyse(int d, int outputs, Supplier<Outputs> models, Options o, Progress progress) {
        if (d < 1) {
            throw new IllegalArgumentException("need at least one input");
        }
        int n = o.baseSamples();
        double[][] design = design(d, n, o);
        long total = (long) n * (d + 2);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("design too large: " + total + " runs");
        }
        double[][] y = new double[outputs][(int) total];
        List<Workers.Task> tasks = new ArrayList<>();
        for (int w = 0; w < Workers.count(o.threads(), (int) total, CHUNK); w++) {
            Outputs model = models.get();
            double[] u = new double[d];
            double[] out = new double[outputs];
            tasks.add((from, to) -> {
                for (int idx = from; idx < to; idx++) {
                    int block = idx / n;        // 0 = A, 1 = B, 2 + i = A_B^(i)
                    int j = idx % n;
                    double[] row = design[j];
                    if (block == 1) {
                        System.arraycopy(row, d, u, 0, d);
                    } else {
                        System.arraycopy(row, 0, u, 0, d);
                        if (block >= 2) {
                            u[block - 2] = row[d + block - 2];
                        }
                    }
                    model.evaluate(u, out);
                    for (int k = 0; k < outputs; k++) {
                        y[k][idx] = out[k];
                    }
                }
            });
        }
        Workers.run("sensitivity", (int) total, CHUNK, tasks, progress);
        Estimate[] e = new Estimate[outputs];
        for (int k = 0; k < outputs; k++) {
            e[k] = estimate(y[k], n, d, o);
        }
        return e;
    }

    /** Rows of 2d coordinates: A in the first d, B in the last d. */
    static double[][] design(int d, int n, Options o) {
        double[][] rows = new double[n][];
        if (o.sampling() == Sampling.SOBOL) {
            if (2 * d > 1000) {
                throw new IllegalArgumentException("Sobol points are available up to 1000 dimensions, i.e. 500 inputs");
            }
            SobolSequenceGenerator g = new SobolSequenceGenerator(2 * d);
            g.skipTo(1);                        // point 0 is the origin: a degenerate corner, skipped
            for (int j = 0; j < n; j++) {
                rows[j] = g.nextVector();
            }
        } else {
            Rng rng = new Rng(o.seed());
            for (int j = 0; j < n; j++) {
                rows[j] = new double[2 * d];
                for (int c = 0; c < 2 * d; c++) {
                    rows[j][c] = rng.nextDouble();
                }
            }
        }
        return rows;
    }

    /** Point estimates and bootstrap intervals from the outputs laid out as [f(A) | f(B) | f(A_B^(1)) | …]. */
    static Estimate estimate(double[] y, int n, int d, Options o) {
        int[] identity = new int[n];
        for (int j = 0; j < n; j++) {
            identity[j] = j;
        }
        double[] first = new double[d];
        double[] total = new double[d];
        double[] mv = new double[2];
        indices(y, n, d, identity, first, total, mv);
        double[] fLo = new double[d];
        double[] fHi = new double[d];
        double[] tLo = new double[d];
        double[] tHi = new double[d];
        Arrays.fill(fLo, Double.NaN);
        Arrays.fill(fHi, Double.NaN);
        Arrays.fill(tLo, Double.NaN);
        Arrays.fill(tHi, Double.NaN);
        int b = o.bootstrap();
        if (b > 0 && mv[1] > 0) {
            double[][] bf = new double[d][b];
            double[][] bt = new double[d][b];
            double[] f = new double[d];
            double[] t = new double[d];
            double[] scratch = new double[2];
            int[] sample = new int[n];
            Rng rng = new Rng(Rng.streamSeed(o.seed(), -1));
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < n; j++) {
                    sample[j] = rng.nextInt(n);
                }
                indices(y, n, d, sample, f, t, scratch);
                for (int i = 0; i < d; i++) {
                    bf[i][r] = f[i];
                    bt[i][r] = t[i];
                }
            }
            double lo = (1 - o.confidence()) / 2;
            double hi = (1 + o.confidence()) / 2;
            for (int i = 0; i < d; i++) {
                sortNaNLast(bf[i]);
                sortNaNLast(bt[i]);
                int okF = countFinite(bf[i]);
                int okT = countFinite(bt[i]);
                fLo[i] = Percentiles.ofSorted(bf[i], okF, lo);
                fHi[i] = Percentiles.ofSorted(bf[i], okF, hi);
                tLo[i] = Percentiles.ofSorted(bt[i], okT, lo);
                tHi[i] = Percentiles.ofSorted(bt[i], okT, hi);
            }
        }
        return new Estimate(first, fLo, fHi, total, tLo, tHi, mv[0], mv[1], y.length);
    }

    /** The estimators on rows {@code rows} (the identity, or a bootstrap resample); mv receives mean and V. */
    private static void indices(double[] y, int n, int d, int[] rows, double[] first, double[] total, double[] mv) {
        // two-pass variance over f(A) and f(B) of the selected rows
        double sum = 0;
        for (int j : rows) {
            sum += y[j] + y[n + j];
        }
        double mean = sum / (2.0 * n);
        double ss = 0;
        for (int j : rows) {
            double a = y[j] - mean;
            double b = y[n + j] - mean;
            ss += a * a + b * b;
        }
        double v = ss / (2.0 * n);
        mv[0] = mean;
        mv[1] = v;
        for (int i = 0; i < d; i++) {
            int off = (2 + i) * n;
            double s1 = 0;
            double st = 0;
            for (int j : rows) {
                double fa = y[j];
                double fb = y[n + j];
                double fab = y[off + j];
                s1 += fb * (fab - fa);
                double diff = fa - fab;
                st += diff * diff;
            }
            first[i] = v > 0 ? s1 / n / v : Double.NaN;
            total[i] = v > 0 ? st / (2.0 * n) / v : Double.NaN;
        }
    }

    private static void sortNaNLast(double[] a) {
        Arrays.sort(a);             // Arrays.sort puts NaN last
    }

    private static int countFinite(double[] sorted) {
        int c = 0;
        while (c < sorted.length && !Double.isNaN(sorted[c])) {
            c++;
        }
        return c;
    }
}
