package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RngTest {

    @Test
    void rngIsSplittableRandomsStream() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Rng r = new Rng(seed);
            SplittableRandom s = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(r.nextLong()).isEqualTo(s.nextLong());
                assertThat(r.nextDouble()).isEqualTo(s.nextDouble());
            }
            r.reseed(seed);
            assertThat(r.nextLong()).isEqualTo(new SplittableRandom(seed).nextLong());
        }
    }

    @Test
    void nextIntIsUniformOverItsRange() {
        Rng r = new Rng(5);
        int[] counts = new int[7];
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            counts[r.nextInt(7)]++;
        }
        // each count ~ Binomial(70000, 1/7): sd = sqrt(70000·(1/7)·(6/7)) ≈ 92.6; 5 sd = 463
        for (int c : counts) {
            assertThat(c).isBetween(10_000 - 463, 10_000 + 463);
        }
    }

    /**
     * Gamma(a, 1) has mean a and variance a. With n = 200,000 draws the sample mean's sd is √(a/n) and the sample
     * variance's sd is about √((2a² + 6a)/n) (excess kurtosis of Gamma is 6/a); tolerances are 5 sd.
     */
    @Test
    void gammaHasTheRightMeanAndVariance() {
        Rng r = new Rng(11);
        int n = 200_000;
        for (double a : new double[] {0.3, 1, 2.5, 40}) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double g = r.nextGamma(a);
                assertThat(g).isGreaterThanOrEqualTo(0);
                sum += g;
                sq += g * g;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            assertThat(mean).isCloseTo(a, within(5 * Math.sqrt(a / n)));
            assertThat(var).isCloseTo(a, within(5 * Math.sqrt((2 * a * a + 6 * a) / n)));
        }
        assertThat(r.nextGamma(0)).isZero();
    }
}
