package org.bizenv.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bizenv.city.UnitResolver;
import org.bizenv.evaluation.Intake;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Source;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyCsvReader;
import org.bizenv.survey.SurveyResponse;
import org.bizenv.survey.SurveyTally;

/**
 * What the bench's survey figures need: a data folder with a large questionnaire file, and the reference they are
 * measured against, a bare parse-and-sum of the same file in the same JVM (every row read by {@link SurveyCsvReader},
 * its first answer summed: no validation, no tallies, no job); and the memory a file's rows leave in the heap
 * ({@link #memory}, run in a fresh JVM with a small heap).
 */
public final class SurveyBench {

    private SurveyBench() {
    }

    /**
     * A copy of a year's data folder whose survey file has {@code rows} rows: the sample's rows repeated in order, each
     * with a fresh respondent id ({@code M0000001}, …), so that every id is distinct and the file is valid.
     */
    public static Path dataWithRows(Path sample, String surveyPath, Path into, int rows) {
        try {
            try (Stream<Path> files = Files.walk(sample)) {
                for (Path f : files.toList()) {
                    Path to = into.resolve(sample.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            List<String> lines = Files.readAllLines(sample.resolve(surveyPath), StandardCharsets.UTF_8);
            try (BufferedWriter out = Files.newBufferedWriter(into.resolve(surveyPath), StandardCharsets.UTF_8)) {
                out.write(lines.get(0));
                out.newLine();
                for (int i = 0; i < rows; i++) {
                    String line = lines.get(1 + i % (lines.size() - 1));
                    out.write(String.format(Locale.ROOT, "M%07d", i + 1));
                    out.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                    out.newLine();
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows a second of a bare parse-and-sum of the file. */
    public static double bareRowsPerSecond(Path folder, String path) {
        long start = System.nanoTime();
        long n = 0;
        long sum = 0;
        try (SurveyCsvReader reader = new SurveyCsvReader(folder, path, List.of())) {
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                n++;
                sum += r.answers()[0];
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sum <= 0) {              // the sum is used, so the parse cannot be optimised away
            throw new IllegalStateException("no answers in " + folder.resolve(path));
        }
        return n / seconds;
    }

    /**
     * What {@link #memory} measured.
     *
     * @param rows              the rows of the file
     * @param bareRowsPerSecond the bare parse-and-sum, best of the timed passes
     * @param tallyRowsPerSecond {@link SurveyTally#readAll()} (read, validate, tally), best of the timed passes
     * @param retainedPerRow    heap in use after full collections with the tally still open, less before it, a row
     *                          (the fixed tallies and the reader's buffers included)
     * @param tablePerRow       the respondent fingerprint table's own bytes, a row
     * @param maxHeapMb         the JVM's heap ceiling
     */
    public record Memory(int rows, double bareRowsPerSecond, double tallyRowsPerSecond, double retainedPerRow,
                         double tablePerRow, long maxHeapMb) {

        /** One line a parent JVM reads back ({@link #parse}). */
        public String line() {
            return String.format(Locale.ROOT, "survey-memory %d %.1f %.1f %.2f %.2f %d", rows, bareRowsPerSecond,
                    tallyRowsPerSecond, retainedPerRow, tablePerRow, maxHeapMb);
        }

        /** The figures of a {@link #line()} in some output, or null when it has none. */
        public static Memory parse(String output) {
            for (String line : output.split("\\R")) {
                if (line.startsWith("survey-memory ")) {
                    String[] f = line.split(" ");
                    return new Memory(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]));
                }
            }
            return null;
        }
    }

    /**
     * The step's own work on the survey file of {@code folder} (the first survey source of the framework) in this JVM:
     * the bare parse-and-sum and {@link SurveyTally#readAll()} in turn, {@code passes} times (the first a warm-up),
     * then the heap the open tally retains after full collections. Without Spring or the job repository, so that the
     * heap holds little else: run it in a fresh JVM with {@code -Xmx128m} to show a million rows fit.
     *
     * @throws IllegalStateException the file had a problem or not {@code rows} distinct respondents
     */
    public static Memory memory(Path framework, Path folder, int rows, int passes) {
        Framework fw = FrameworkLoader.load(framework);
        Source source = SurveyTally.sources(fw).get(0);
        UnitResolver resolver = Intake.resolver(fw, new Problems());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double bare = 0;
        double tally = 0;
        for (int pass = 0; pass < passes; pass++) {
            double b = bareRowsPerSecond(folder, source.path());
            Problems problems = new Problems();
            long start = System.nanoTime();
            try (SurveyTally t = new SurveyTally(fw, source, folder, false, resolver, problems)) {
                t.readAll();
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!problems.isEmpty() || t.respondents() != rows) {
                    throw new IllegalStateException(t.respondents() + " respondents of " + rows + " rows, problems: "
                            + problems.sorted());
                }
                if (pass > 0 || passes == 1) {
                    bare = Math.max(bare, b);
                    tally = Math.max(tally, rows / seconds);
                }
            }
        }
        long before = usedAfterGc(memory);
        try (SurveyTally t = new SurveyTally(fw, source, folder, false, resolver, new Problems())) {
            t.readAll();
            long after = usedAfterGc(memory);
            return new Memory(rows, bare, tally, (after - before) / (double) rows, t.respondentBytes() / (double) rows,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * {@link #memory} in a fresh JVM started as {@code launch} with {@code -Xmx<heap>} added and the default compiler
     * tiers (the launcher's C1-only option left out, as for the in-process bench), through the hidden
     * {@code bench --survey-memory-probe}; its figures read back from its output.
     *
     * @throws IllegalStateException the JVM did not exit 0 or printed no figures (its error output is in the message)
     */
    public static Memory memoryInFreshJvm(ColdStart.Launch launch, String heap, Path framework, Path folder, int rows,
                                          Path tmp) throws IOException, InterruptedException {
        var child = launch.withHeap(heap, "-XX:TieredStopAtLevel");
        Path out = tmp.resolve("survey-memory.out");
        Path err = tmp.resolve("survey-memory.err");
        Process p = new ProcessBuilder(child.command(List.of("bench", "--survey-memory-probe", folder.toString(),
                "--survey-rows", Integer.toString(rows), "--framework", framework.toString())))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        Memory m = Memory.parse(Files.readString(out));
        if (exit != 0 || m == null) {
            throw new IllegalStateException("the survey memory JVM (-Xmx" + heap + ") exited " + exit + ":\n"
                    + Files.readString(err));
        }
        return m;
    }
}
