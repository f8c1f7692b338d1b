package org.bizenv.evaluation.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.bizenv.city.UnitResolver;
import org.bizenv.evaluation.Intake;
import org.bizenv.evaluation.IntakeResult;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;

/**
 * Times the intake of the bundled sample as the intake step does it: the city registry, then {@link Intake#read} of
 * {@code sample-data/2024} and of {@code sample-data/2023} as the previous year (72 return workbooks, statistics.xlsx
 * and walkthrough.xlsx per year, the survey's file hashed). Not a test: run it by hand from the project folder (see
 * docs/benchmarks.md).
 *
 * <p>Prints the first call in this JVM (cold: classes loaded, nothing compiled), then the median of the timed calls
 * after warm-up calls, each as wall time and as the process's CPU time (every thread, JIT and GC included), and a
 * SHA-256 digest of everything read (problems, values, provenance, denominators, files), which must not change with
 * the way workbooks are read nor with the number of threads.
 *
 * <p>Arguments: [warm-up calls (default 10)] [timed calls (default 15)]; 0 timed calls prints the cold call only.
 */
public final class IntakeBench {

    private IntakeBench() {
    }

    public static void main(String[] args) throws Exception {
        int warmUps = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        String digest = intake(fw);
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "cold (first call): %.0f ms wall, %.0f ms CPU; digest %s%n", wall / 1e6,
                cpu / 1e6, digest);
        if (timed == 0) {
            return;
        }
        for (int i = 0; i < warmUps; i++) {
            check(digest, intake(fw));
        }
        double[] walls = new double[timed];
        double[] cpus = new double[timed];
        for (int i = 0; i < timed; i++) {
            cpu0 = os.getProcessCpuTime();
            t0 = System.nanoTime();
            String d = intake(fw);
            walls[i] = (System.nanoTime() - t0) / 1e6;
            cpus[i] = (os.getProcessCpuTime() - cpu0) / 1e6;
            check(digest, d);
        }
        System.out.printf(Locale.ROOT, "warm (median of %d after %d warm-ups): %.1f ms wall, %.1f ms CPU "
                + "(%d processors, max heap %d MB)%n", timed, warmUps, median(walls), median(cpus),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** One intake of both years, as the intake step does it; the digest of all it read. */
    private static String intake(Framework fw) throws NoSuchAlgorithmException {
        Problems problems = new Problems();
        UnitResolver resolver = Intake.resolver(fw, problems);
        IntakeResult current = Intake.read(fw, Path.of("sample-data/2024"), resolver, problems);
        IntakeResult previous = Intake.read(fw, Path.of("sample-data/2023"), true, resolver, problems);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (DataProblem p : problems.sorted()) {
            sha.update((p.unit() + "|" + p).getBytes(StandardCharsets.UTF_8));
        }
        // a unit's groups are a Map.of, whose order changes from one JVM to the next: sorted here
        for (IntakeResult r : new IntakeResult[] {current, previous}) {
            sha.update((r.units().stream().map(u -> u.code() + u.name() + new java.util.TreeMap<>(u.groups())).toList()
                    + Arrays.deepToString(r.values()) + Arrays.deepToString(r.provenance())
                    + Arrays.deepToString(r.denominators()) + r.files() + Arrays.deepToString(r.textScores())
                    + Arrays.deepToString(r.notApplicable()) + r.sources()).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static void check(String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("intake read something else: " + actual + " instead of " + expected);
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
