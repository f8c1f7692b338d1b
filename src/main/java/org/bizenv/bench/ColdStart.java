package org.bizenv.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bizenv.robustness.Percentiles;

/**
 * Cold, whole-process timings: each command is a fresh JVM started the way the {@code ./bizenv} launcher starts it (its
 * java, its JVM options, the extracted jar it trained the class archive for), so that the figures include the JVM and
 * Spring start-up a person waits for, next to a bare start of the same jar ({@code --version}) measured in the same
 * rounds. Rounds are interleaved so that a load that comes and goes weighs on every command alike.
 *
 * <p>The launcher passes what it does in {@code BIZENV_LAUNCH_JAVA}, {@code BIZENV_LAUNCH_OPTIONS} (one a line) and
 * {@code BIZENV_LAUNCH_JAR}; without them (plain {@code java -jar}) the children are started as this JVM was, with
 * no options.
 */
public final class ColdStart {

    /** How a child JVM is started: the java binary, its options, then what selects the application. */
    public record Launch(String java, List<String> options, List<String> application, String description) {

        /** The same start with {@code -Xmx<heap>} added last, and without the options that start with any of {@code drop}. */
        Launch withHeap(String heap, String... drop) {
            List<String> o = new ArrayList<>();
            for (String option : options) {
                if (Arrays.stream(drop).noneMatch(option::startsWith)) {
                    o.add(option);
                }
            }
            o.add("-Xmx" + heap);
            return new Launch(java, o, application, description);
        }

        List<String> command(List<String> args) {
            List<String> c = new ArrayList<>();
            c.add(java);
            c.addAll(options);
            c.addAll(application);
            c.addAll(args);
            return c;
        }
    }

    /** A command to time, by name, and how its JVM is started. */
    public record Case(String name, Launch launch, List<String> args) {
    }

    /** The median wall time of a case over the rounds, in seconds. */
    public record Timing(Case what, double medianSeconds, double minSeconds, double maxSeconds) {
    }

    private ColdStart() {
    }

    /** How the launcher started this JVM, or, without it, plain {@code java} on this JVM's class path. */
    public static Launch launcherWay(Map<String, String> env) {
        String java = env.getOrDefault("BIZENV_LAUNCH_JAVA", ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String options = env.getOrDefault("BIZENV_LAUNCH_OPTIONS", "");
        List<String> opts = Arrays.stream(options.split("\n")).filter(s -> !s.isBlank()).toList();
        String jar = env.get("BIZENV_LAUNCH_JAR");
        if (jar != null) {
            return new Launch(java, opts, List.of("-jar", jar), "as ./bizenv starts it: " + java + " "
                    + String.join(" ", opts) + (opts.isEmpty() ? "" : " ") + "-jar " + jar);
        }
        return plain(java, null);
    }

    /**
     * Plain {@code java -jar JAR} with no options, JAR being {@code jar} or, when null, this JVM's class path (a
     * single jar) — or {@code -cp} with the main class when it runs from classes.
     */
    public static Launch plain(String java, String jar) {
        String cp = jar != null ? jar : System.getProperty("java.class.path");
        List<String> app = cp.endsWith(".jar") && !cp.contains(File.pathSeparator) ? List.of("-jar", cp)
                : List.of("-cp", cp, "org.bizenv.BizenvApplication");
        return new Launch(java, List.of(), app, "plain: " + java + " " + String.join(" ", app.size() == 2 ? app
                : app.subList(0, 1)) + (app.size() == 2 ? "" : " … org.bizenv.BizenvApplication"));
    }

    /**
     * Times every case {@code rounds} times, in interleaved rounds, each in a fresh JVM whose output is thrown away;
     * each run gets a fresh job repository and output folder under {@code tmp}.
     *
     * @throws IllegalStateException a command did not exit 0 (its error output is in the message)
     */
    public static List<Timing> measure(List<Case> cases, int rounds, Path tmp)
            throws IOException, InterruptedException {
        double[][] seconds = new double[cases.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < cases.size(); i++) {
                Path dir = Files.createDirectories(tmp.resolve("cold-" + r + "-" + i));
                List<String> args = cases.get(i).args().stream()
                        .map(a -> a.replace("{tmp}", dir.toString())).toList();
                seconds[i][r] = time(cases.get(i).launch().command(args), dir.resolve("stderr.txt"));
            }
        }
        List<Timing> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            double[] s = seconds[i];
            out.add(new Timing(cases.get(i), Percentiles.median(s), Arrays.stream(s).min().getAsDouble(),
                    Arrays.stream(s).max().getAsDouble()));
        }
        return out;
    }

    private static double time(List<String> command, Path stderr) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        long t = System.nanoTime();
        Process p = pb.start();
        int exit = p.waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` exited " + exit + ":\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8).strip());
        }
        return s;
    }

    /** The 1-minute load average, or -1 where the platform does not tell it. */
    public static double loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
            return Double.parseDouble(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;      // not Linux: the figures stand without it
        }
    }
}
