package org.bizenv.robustness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bizenv.robustness.CompiledIndex;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.RankReversals;
import org.bizenv.robustness.Sensitivity;
import org.bizenv.robustness.SimplexMargin;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.robustness.UncertainInput;
import org.bizenv.robustness.Synthetic;
import org.bizenv.robustness.Uncertainty;
import org.bizenv.robustness.UncertaintyOptions;
import org.bizenv.robustness.UncertaintyResult;
import org.bizenv.robustness.WeightPerturbation;

/**
 * Times 10,000 Monte Carlo uncertainty runs (COINr's uniform ±25% weight noise at every level, ranks and histograms
 * included) on (a) a 36-unit index with 5 dimensions, 21 sub-dimensions and 38 indicators and (b) 3,000 units × 200
 * indicators (10 dimensions × 20 indicators). Not a test: run it by hand (see docs/robustness.md).
 *
 * <p>Method: System.nanoTime around whole {@code Uncertainty.run} calls; a warm-up of 3 calls first (JIT), then 5
 * timed repetitions; the median is printed, single-threaded and with every available core. COINr's reference: about
 * 65 ms per run on its 51-country ASEM example.
 */
public final class UncertaintyBench {

    private static int runs = 10_000;
    private static final int REPETITIONS = 5;
    private static final double COINR_MS_PER_RUN = 65;

    private UncertaintyBench() {
    }

    /** Optional argument: the number of runs per timing (default 10,000). */
    public static void main(String[] args) throws IOException {
        if (args.length > 0) {
            runs = Integer.parseInt(args[0]);
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " processors (nproc), "
                + cpuModel() + "; " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (" + System.getProperty("java.vm.version") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB"
                + "; load average " + loadAverage() + " (other work on the machine slows every figure)");
        Path dir = Files.createTempDirectory("bizenv-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        CompiledIndex small = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)).build());
        CompiledIndex large = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(3000, 10, 0, 200)).build());
        for (int threads : new int[] {1, cores}) {
            time("(a) 36 units, 5/21/38 tree", small, threads);
            time("(b) 3,000 units x 200 indicators", large, threads);
            if (cores == 1) {
                break;
            }
        }
        // the other analyses on the 36-unit tree, for scale (median of 5 after 2 warm-ups)
        CompiledIndex geometric = CompiledIndex.of(Synthetic.build(dir, Synthetic.Spec.of(36, 5, 21, 38)
                .aggregation("geometric", "arithmetic", "arithmetic")).build());
        other("rank-reversal margins, 35 pairs x dimension weights, exact (arithmetic index), L2",
                () -> RankReversals.forIndex(small, SimplexMargin.Norm.L2).size());
        other("rank-reversal margins, 35 pairs x dimension weights, numerical (geometric index), L2",
                () -> RankReversals.forIndex(geometric, SimplexMargin.Norm.L2).size());
        other("Sobol sensitivity, 5 dimension weights, N = 1024 (7,168 runs) + 1,000 bootstraps, " + cores + " threads",
                () -> Sensitivity.run(small, UncertainInput.dimensionWeights(small, 0.25),
                        SobolIndices.Options.defaults().withThreads(cores), Progress.NONE).inputs().size());
    }

    private static void other(String label, java.util.function.IntSupplier task) {
        int check = 0;
        for (int w = 0; w < 2; w++) {
            check += task.getAsInt();
        }
        double[] ms = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            long t0 = System.nanoTime();
            check += task.getAsInt();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.1f ms (reps %s)  [%d]%n", label, sorted[REPETITIONS / 2],
                fmt(ms), check);
    }

    private static void time(String label, CompiledIndex ci, int threads) {
        UncertaintyOptions o = UncertaintyOptions.defaults().withRuns(runs).withSeed(1)
                .withWeights(WeightPerturbation.uniform(0.25)).withThreads(threads);
        long checksum = 0;
        for (int w = 0; w < 3; w++) {
            checksum += digest(Uncertainty.run(ci, o.withSeed(100 + w), Progress.NONE));
        }
        double[] ms = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            long t0 = System.nanoTime();
            UncertaintyResult res = Uncertainty.run(ci, o.withSeed(r + 1), Progress.NONE);
            ms[r] = (System.nanoTime() - t0) / 1e6;
            checksum += digest(res);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[REPETITIONS / 2];
        double perRun = median / runs;
        System.out.printf(Locale.ROOT, "%-34s threads %d: %,d runs median %.1f ms (reps %s) -> %.4f ms/run, %,.0f "
                        + "runs/s, %,.0fx faster per run than COINr's ~65 ms (best rep %.4f ms/run)  [checksum %d]%n",
                label, threads, runs, median, fmt(ms), perRun, 1000 / perRun, COINR_MS_PER_RUN / perRun,
                sorted[0] / runs, checksum % 1000);
    }

    /** Something from the result so the work cannot be optimised away. */
    private static long digest(UncertaintyResult r) {
        long s = 0;
        for (double m : r.meanRank()) {
            s += (long) (m * 1000);
        }
        return s;
    }

    private static String fmt(double[] ms) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ms.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", ms[i]));
        }
        return b.append(']').toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("CPU model unknown");
        } catch (IOException | RuntimeException e) {
            return "CPU model unknown (no /proc/cpuinfo)";
        }
    }
}
