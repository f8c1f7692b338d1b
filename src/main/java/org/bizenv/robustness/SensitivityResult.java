package org.bizenv.robustness;

import java.util.List;

/**
 * Variance-based sensitivity of the mean absolute rank shift (mean over units of |rank − nominal rank|) to each
 * uncertain input.
 *
 * @param output       what was analysed, in words
 * @param baseSamples  N; the design ran N·(d + 2) evaluations ({@link #runs})
 * @param sampling     "Sobol points 1..N (Joe–Kuo)" or "seeded uniform random"
 * @param bootstrap    number of bootstrap resamples behind the intervals
 * @param confidence   level of the intervals
 * @param outputMean   mean of the output over the A and B samples
 * @param outputVariance its variance (divisor 2N)
 * @param inputs       one entry per input, in the order given
 * @param notes        conventions and caveats for the report
 */
public record SensitivityResult(String output, int baseSamples, int runs, String sampling, long seed, int bootstrap,
                                double confidence, double outputMean, double outputVariance, List<InputIndex> inputs,
                                List<org.bizenv.framework.Names> notes) {

    public SensitivityResult {
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
    }
}
