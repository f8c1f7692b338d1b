package org.bizenv.robustness;

/**
 * A small seeded generator for the hot loops: SplitMix64, the algorithm of {@link java.util.SplittableRandom}
 * (same golden-ratio increment, same {@code mix64} finaliser, same 53-bit {@code nextDouble}), so
 * {@code new Rng(s)} yields exactly the stream of {@code new SplittableRandom(s)}. Unlike SplittableRandom it can be
 * re-seeded in place ({@link #reseed}), so a run needs no allocation to get its own stream.
 *
 * <p>Reproducibility across threads: every Monte Carlo run {@code r} draws from {@code reseed(streamSeed(seed, r))},
 * a stream that depends only on the analysis seed and the run number, never on which thread ran it or in which
 * order. Not thread-safe: one instance per worker.
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** Restarts the generator as if newly constructed with {@code seed}. */
    public void reseed(long seed) {
        this.state = seed;
    }

    /** The seed of run {@code run}'s stream: a SplitMix64 hash of (seed, run), well spread for neighbouring runs. */
    public static long streamSeed(long seed, long run) {
        return mix64(seed + mix64((run + 1) * GOLDEN_GAMMA));
    }

    public long nextLong() {
        return mix64(state += GOLDEN_GAMMA);
    }

    /** Uniform on [0, 1) with 53 random bits (as SplittableRandom). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform integer in [0, bound) by Lemire's unbiased multiply-and-reject on 32 bits. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * Fills {@code out[0 .. count − 1]} with the values {@code count} calls of {@link #nextInt}{@code (bound)} return,
     * in order, and leaves the generator where they leave it: the survey bootstrap's draws (one per respondent), as one
     * loop with the state in a local (C1 inlines the small static {@code mix64}). Lemire's
     * rejection threshold depends on the bound alone, so it is computed once: nextInt computes it only when the low
     * word is below the bound, and the threshold is always below the bound, so both reject exactly the same draws.
     */
    public void nextInts(int bound, int[] out, int count) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long threshold = (0x1_0000_0000L - bound) % bound;
        long s = state;
        for (int i = 0; i < count; i++) {
            long m = (mix64(s += GOLDEN_GAMMA) >>> 32) * bound;
            while ((m & 0xffffffffL) < threshold) {
                m = (mix64(s += GOLDEN_GAMMA) >>> 32) * bound;
            }
            out[i] = (int) (m >>> 32);
        }
        state = s;
    }

    /**
     * Standard normal by Marsaglia's polar method. The second variate of each pair is discarded on purpose: caching
     * it would make a run's draws depend on the previous run's, breaking per-run reproducibility.
     */
    public double nextGaussian() {
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /**
     * Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma variables": for shape
     * ≥ 1, d = shape − 1/3, c = 1/√(9d), accept d·v with v = (1 + c·z)³ when ln U &lt; z²/2 + d − d·v + d·ln v;
     * for shape &lt; 1 the boost Gamma(a) = Gamma(a + 1)·U^(1/a). Shape 0 gives 0 (a point mass: a child with
     * nominal weight 0 keeps weight 0 under a Dirichlet).
     */
    public double nextGamma(double shape) {
        if (!(shape >= 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("gamma shape must be finite and >= 0, got " + shape);
        }
        if (shape == 0) {
            return 0;
        }
        if (shape < 1) {
            double g = nextGamma(shape + 1);
            double u = nextDouble();
            return g * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z;
            double v;
            do {
                z = nextGaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z) {      // squeeze: accepts ~98% without a logarithm
                return d * v;
            }
            if (Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
