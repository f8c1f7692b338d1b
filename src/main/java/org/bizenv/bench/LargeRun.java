package org.bizenv.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole job on a large synthetic evaluation, in a fresh JVM with a fixed heap ceiling: intake of the unit table,
 * scoring, report assembly and the published Excel and JSON reports, as a team would run it
 * ({@code bizenv run --no-robustness --no-cards}, full or {@code --compact-json}). What it shows is that the run fits
 * in the heap given (it fails with an out-of-memory error otherwise), how long it takes, the process's peak resident
 * memory (Linux's VmHWM, read while it runs) and the size of each report.
 */
public final class LargeRun {

    /** One run's figures; {@code peakRssMb} is -1 where the platform does not tell it. */
    public record Figures(String what, double seconds, long peakRssMb, long jsonBytes, long excelBytes) {
    }

    private LargeRun() {
    }

    /**
     * Runs the job on {@code dir/synthetic.yaml} over {@code dir} (see {@link SyntheticSet#writeTable}), once with the
     * full JSON and once compact, each in a fresh JVM started as {@code launch} with {@code -Xmx<heap>} added last.
     *
     * @throws IllegalStateException a run did not exit 0 (its error output and log path are in the message)
     */
    public static List<Figures> measure(ColdStart.Launch launch, Path dir, String heap, Path tmp)
            throws IOException, InterruptedException {
        List<Figures> out = new ArrayList<>();
        for (boolean compact : new boolean[] {false, true}) {
            Path run = Files.createDirectories(tmp.resolve(compact ? "large-compact" : "large-full"));
            List<String> args = new ArrayList<>(List.of("run", "--framework", dir.resolve("synthetic.yaml").toString(),
                    "--data", dir.toString(), "--year", "2024", "--output", run.resolve("reports").toString(),
                    "--repository", run.resolve("repository").toString(), "--generated-at", "2025-01-01T00:00:00Z",
                    "--no-robustness", "--no-cards"));
            if (compact) {
                args.add("--compact-json");
            }
            out.add(run(compact ? "compact JSON" : "full JSON", launch.withHeap(heap).command(args), run));
        }
        return out;
    }

    private static Figures run(String what, List<String> command, Path dir) throws IOException, InterruptedException {
        Path stderr = dir.resolve("stderr.txt");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        long peak = -1;
        while (!p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, highWaterMarkKb(p.pid()));       // monotonic: the last read is within 0.1 s of it
        }
        double s = (System.nanoTime() - t) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited " + p.exitValue() + ":\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8).strip());
        }
        Path year = dir.resolve("reports").resolve("2024");
        return new Figures(what, s, peak < 0 ? -1 : peak / 1024, Files.size(year.resolve("bizenv-report-2024.json")),
                Files.size(year.resolve("bizenv-report-2024.xlsx")));
    }

    /** The process's peak resident set (VmHWM) in kB, or -1 (not Linux, or the process has gone). */
    private static long highWaterMarkKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone between the check and the read, or no /proc: the last figure stands
        }
        return -1;
    }
}
