package org.bizenv.survey;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * Measures how fast {@link SurveyCsvReader} streams a large survey file, by hand (not a test: timings depend on the
 * machine): {@code java -cp target/test-classes:target/classes:<dependencies> org.bizenv.survey.SurveyReadThroughput
 * /tmp/bench survey.csv 3}. Reads the file the given number of times (the first warms up the JIT) and prints rows
 * per second, by the clock and by this thread's CPU time (steadier on a shared machine), and the heap in use after
 * each pass, which stays flat when records are streamed (run it with a small {@code -Xmx} to see).
 */
public final class SurveyReadThroughput {

    private SurveyReadThroughput() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        String file = args[1];
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Runtime rt = Runtime.getRuntime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long rows = 0;
            long answers = 0;
            try (SurveyCsvReader reader = new SurveyCsvReader(folder, file, List.of())) {
                for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                    rows++;
                    answers += r.answers()[0];
                }
                if (!reader.problems().isEmpty()) {
                    System.out.println(reader.problems().size() + " problems, first: " + reader.problems().get(0));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.gc();
            System.out.printf("pass %d: %,d rows in %.2f s = %,.0f rows/s; CPU %.2f s = %,.0f rows/s (checksum %d,"
                    + " heap used after GC %,d MB)%n", pass, rows, seconds, rows / seconds, cpuSeconds, rows / cpuSeconds,
                    answers, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }
}
