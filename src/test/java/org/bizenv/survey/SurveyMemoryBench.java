package org.bizenv.survey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.bizenv.city.UnitResolver;
import org.bizenv.evaluation.Intake;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Source;
import org.bizenv.ingest.Problems;

/**
 * The survey step's memory and speed on a large questionnaire file, by hand (not a test: figures depend on the
 * machine; docs/benchmarks.md "Survey memory"). Writes a file of N rows in the sample's layout to a temp folder — the
 * bundled 2024 sample's rows repeated in order, each with a fresh respondent id ({@code M0000001}, …), so every id is
 * distinct — then, in one JVM: a bare parse-and-sum of the file ({@link SurveyCsvReader}, first answer summed), and the
 * step's own work, {@link SurveyTally#readAll()} (read, validate, tally) with the 2024 framework, 1 warm-up pass and
 * 3 timed of each (median). Memory: heap in use after full GCs with the tally still open, minus before it, divided by
 * the rows; and the respondent table's own bytes a row. Run with a small heap:
 * {@code java -Xmx128m -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * org.bizenv.survey.SurveyMemoryBench 1000000 [repeatEvery]}; with {@code repeatEvery} every so many rows repeats an
 * earlier id, to time the second read that confirms duplicates.
 */
public final class SurveyMemoryBench {

    private SurveyMemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repeatEvery = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        Source source = SurveyTally.sources(fw).get(0);
        Path folder = Files.createTempDirectory("bizenv-survey-bench");
        Path file = folder.resolve(source.path());
        try {
            write(Path.of("sample-data/2024").resolve(source.path()), file, rows, repeatEvery);
            Problems problems = new Problems();
            UnitResolver resolver = Intake.resolver(fw, problems);
            double bare = 0;
            double step = 0;
            for (int pass = 0; pass < 4; pass++) {
                double b = org.bizenv.bench.SurveyBench.bareRowsPerSecond(folder, source.path()); // the bench's own reference
                double s = tally(fw, source, folder, resolver, rows, repeatEvery == 0 ? 0 : rows / repeatEvery, pass == 3);
                if (pass > 0) {
                    bare = Math.max(bare, b); // the best of the timed passes: the least disturbed by other load
                    step = Math.max(step, s);
                }
            }
            System.out.printf(Locale.ROOT, "%,d rows: bare parse %,.0f rows/s, readAll %,.0f rows/s (%.0f %% of bare)%n",
                    rows, bare, step, 100 * step / bare);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    /**
     * The sample's data rows, repeated in order up to {@code rows}, each with a fresh respondent id; with
     * {@code repeatEvery} > 0 every such row instead repeats an earlier row's id (the duplicates' second read).
     */
    static void write(Path sample, Path file, int rows, int repeatEvery) throws IOException {
        List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.newLine();
            for (int i = 0; i < rows; i++) {
                String line = lines.get(1 + i % (lines.size() - 1));
                boolean repeat = repeatEvery > 0 && (i + 1) % repeatEvery == 0;
                int j = repeat && (i / 2 + 1) % repeatEvery == 0 ? i / 2 - 1 : i / 2; // a row with a fresh id
                out.write(String.format(Locale.ROOT, "M%07d", repeat ? j + 1 : i + 1));
                out.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                out.newLine();
            }
        }
    }

    private static double tally(Framework fw, Source source, Path folder, UnitResolver resolver, int rows,
                                int repeats, boolean report) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        Problems problems = new Problems();
        long start = System.nanoTime();
        try (SurveyTally t = new SurveyTally(fw, source, folder, false, resolver, problems)) {
            t.readAll();
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedAfterGc(memory);
            int respondents = t.respondents();
            long tableBytes = t.respondentBytes();
            long confirming = System.nanoTime();
            t.indicators();
            double confirmSeconds = (System.nanoTime() - confirming) / 1e9;
            if (problems.size() != repeats || repeats > 0 && !problems.sorted().get(0).toString().contains("duplicate")) {
                throw new IllegalStateException(problems.size() + " problems, first: " + problems.sorted().get(0));
            }
            check(respondents + repeats, rows, "respondents");
            if (report && repeats > 0) {
                System.out.printf(Locale.ROOT, "%,d repeated ids reported; indicators() with the second read %.2f s,"
                        + " first: %s%n", repeats, confirmSeconds, problems.sorted().get(0));
            }
            if (report) {
                System.out.printf(Locale.ROOT, "%,d rows: heap retained by the open tally %,.1f bytes a row "
                        + "(%,d KB); respondent table %,d KB = %.1f bytes a row; max heap %,d MB%n", rows,
                        (after - before) / (double) rows, (after - before) >> 10, tableBytes >> 10,
                        tableBytes / (double) rows, Runtime.getRuntime().maxMemory() >> 20);
            }
            return rows / seconds;
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void check(long n, int rows, String what) {
        if (n != rows) {
            throw new IllegalStateException(what + ": " + n + " rows, expected " + rows);
        }
    }
}
