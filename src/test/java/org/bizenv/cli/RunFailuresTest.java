package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bizenv.evaluation.EvaluationJobTestSupport;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bizenv run` failing as a user meets it: every failure is one message on the console (never a stack trace), exit
 * 2 for bad input and 1 for any other fault, the trace in the repository's log file, which the message names; a
 * second run on a busy repository is turned away naming the first; a repository that cannot be made or written is
 * named; the job repository's schema is created once; a failed run kept beside the framework file restarts.
 */
class RunFailuresTest extends CommandLineTestBase {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    static final Path UNITS = Path.of("indicators/cities-36.csv");
    static final Path DATA = Path.of("sample-data/2024");

    @TempDir
    Path tmp;


    /** {@code bizenv run} without the robustness analysis (these tests are about failing, not about robustness). */
    private int run(Path framework, Path data, Path output, Path repository, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "-f", framework.toString(), "-d", data.toString(), "-y",
                "2024", "-o", output.toString(), "--repository", repository.toString(), "--no-robustness",
                "--generated-at", "2025-03-01T00:00:00Z"));
        args.addAll(List.of(more));
        return execute(args.toArray(String[]::new));
    }

    /** What a person sees: bizenv's lines only. */
    static void assertNoTrace(String console) {
        assertThat(console.lines())
                .noneMatch(l -> l.startsWith("\tat "))
                .noneMatch(l -> l.startsWith("Exception in thread"))
                .noneMatch(l -> l.startsWith("Caused by: "));
        assertThat(console).doesNotContain("Encountered an error executing step");
    }

    private void assertConsoleClean() {
        assertNoTrace(stdout());
        assertNoTrace(stderr());
    }

    static Path log(Path repository) {
        return repository.toAbsolutePath().normalize().resolve("logs/bizenv.log");
    }

    /** A copy of the framework and its unit registry in {@code folder}. */
    static Path frameworkIn(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.copy(UNITS, folder.resolve(UNITS.getFileName()));
        Path fw = folder.resolve(FRAMEWORK.getFileName());
        Files.copy(FRAMEWORK, fw);
        return fw;
    }

    /** A report already published in {@code output}/2024, which a failed run must leave alone. */
    static Path previousReport(Path output) throws Exception {
        Path report = output.resolve("2024/bizenv-report-2024.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"published\": true}");
        return report;
    }

    @Test
    void aFrameworkErrorIsOneMessageExit2AndTheTraceIsInTheLog() throws Exception {
        Path fw = frameworkIn(tmp.resolve("fw"));
        Files.writeString(fw, Files.readString(fw).replace("direction: lower", "direction: down"));
        Path output = tmp.resolve("reports");
        Path published = previousReport(output);
        Path repo = tmp.resolve("repo");

        int code = run(fw, DATA, output, repo);

        assertThat(code).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stdout()).startsWith("").contains("INFO  Starting the 2024 evaluation (run 1 of these inputs)");
        assertThat(stderr()).startsWith("The evaluation failed:\nThe framework file has 8 problems:\n")
                .contains(fw.toAbsolutePath() + ":233: indicator MKT.ACC.1: direction must be 'higher' or 'lower' "
                        + "(is better), not 'down'")
                .endsWith("No report was written; " + output.toAbsolutePath().resolve("2024") + " is as it was. Fix "
                        + "the problems and run the same command again.\nDetails: " + log(repo) + "\n");
        assertConsoleClean();
        assertThat(Files.readString(published)).isEqualTo("{\"published\": true}");
        String logged = Files.readString(log(repo));
        assertThat(logged).contains("bizenv.details - ----- bizenv run -f " + fw,
                "Encountered an error executing step intake in job evaluation", "\tat ",
                "The evaluation failed: The framework file has 8 problems:");
    }

    @Test
    void aBadWorkbookReadAheadIsExit2NamingItsCellAndTheIntakeStillRanAsAStep() throws Exception {
        Path data = tmp.resolve("data/2024");
        EvaluationJobTestSupport.copy(DATA, data);
        TestFiles.rewritePart(data.resolve("returns/wuhan.xlsx"), "xl/worksheets/sheet1.xml", xml -> xml.replace(
                "<c r=\"D7\" t=\"n\" s=\"0\"><v>145.5</v></c>",
                "<c r=\"D7\" t=\"inlineStr\" s=\"0\"><is><t>abc</t></is></c>"));
        Path output = tmp.resolve("reports");
        Path published = previousReport(output);
        Path repo = tmp.resolve("repo");

        int code = run(FRAMEWORK, data, output, repo);

        assertThat(code).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).isEqualTo("The evaluation failed:\n1 problem in the input data:\n"
                + "returns/wuhan.xlsx!Data!D7: 'abc' is not a number\n"
                + "No report was written; " + output.toAbsolutePath().resolve("2024") + " is as it was. Fix the "
                + "problems and run the same command again.\nDetails: " + log(repo) + "\n");
        assertConsoleClean();
        assertThat(Files.readString(published)).isEqualTo("{\"published\": true}");
        // the problem surfaces where it always did: the intake step completed, the survey step lists every problem
        assertThat(Files.readString(log(repo))).contains("Step: [intake] executed in ",
                "Encountered an error executing step survey");
    }

    @Test
    void aBadPreviousReportIsInputExit2WithoutATrace() throws Exception {
        Path previous = tmp.resolve("bizenv-report-2023.json");
        Files.writeString(previous, "{}");
        Path output = tmp.resolve("reports");
        Path published = previousReport(output);
        Path repo = tmp.resolve("repo");

        int code = run(FRAMEWORK, DATA, output, repo, "--previous-report", previous.toString());

        assertThat(code).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).startsWith("The evaluation failed:\n").contains(previous.toAbsolutePath().toString())
                .endsWith("Details: " + log(repo) + "\n");
        assertConsoleClean();
        assertThat(Files.readString(published)).isEqualTo("{\"published\": true}");
        assertThat(Files.readString(log(repo))).contains("Encountered an error executing step score", "\tat ");
    }

    @Test
    void aReportsFolderInTheWayExits1AndTheFixedRunRestartsBesideTheFrameworkWithTheSchemaCreatedOnce()
            throws Exception {
        // a working folder as users keep one: framework, data, job repository and reports side by side; the
        // repository's and the reports' changes are not changes of the inputs, so the fixed run is a restart
        Path work = tmp.resolve("evaluation");
        Path fw = frameworkIn(work);
        Path data = work.resolve("2024");
        EvaluationJobTestSupport.copy(DATA, data);
        Path output = work.resolve("reports");
        Files.writeString(output, "a file where the reports folder should be");
        Path repo = work.resolve(".bizenv");

        int code = run(fw, data, output, repo);

        assertThat(code).isEqualTo(BizenvCommand.FAILED);
        Path folder = output.toAbsolutePath().resolve("2024");
        assertThat(stderr()).isEqualTo("The evaluation failed:\n"
                + "cannot write the reports to " + folder + ": a file is in the way (" + output.toAbsolutePath()
                + ")\n"
                + "No report was written; " + folder + " is as it was. Once that is fixed, run the same command "
                + "again: a failed run restarts where it stopped.\n"
                + "Details: " + log(repo) + "\n");
        assertConsoleClean();

        Files.delete(output);
        assertThat(run(fw, data, output, repo)).isEqualTo(BizenvCommand.OK);
        assertThat(stdout()).endsWith("Restarted run completed (steps run: publish). Reports: " + folder + "\n");
        assertConsoleClean();

        // two starts of one repository: the schema script ran once (H2 would log "already exists"), no trace file
        try (Stream<Path> files = Files.list(repo)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("job-repository.mv.db", "lock", "logs", "work");
        }
        String logged = Files.readString(log(repo));
        assertThat(logged).doesNotContain("already exists");
        assertThat(logged.lines().filter(l -> l.contains("bizenv.details - ----- bizenv run"))).hasSize(2);
    }

    @Test
    void aWorkspaceThatCannotBeWrittenExits1WithThePathAndWhy() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("work"), "a file where the runs' working data go");
        Path output = tmp.resolve("reports");
        Path published = previousReport(output);

        int code = run(FRAMEWORK, DATA, output, repo);

        assertThat(code).isEqualTo(BizenvCommand.FAILED);
        Path abs = repo.toAbsolutePath();
        assertThat(stderr()).startsWith("The evaluation failed:\ncannot write the data set 'intake-problems' to "
                + abs.resolve("work/instance-") ).contains(": a file is in the way where a folder is needed\n")
                .endsWith("Details: " + log(repo) + "\n");
        assertConsoleClean();
        assertThat(Files.readString(published)).isEqualTo("{\"published\": true}");
        assertThat(Files.readString(log(repo))).contains("java.io.UncheckedIOException: cannot write the data set");
    }

    @Test
    void aJobRepositoryThatCannotBeOpenedExits1NamingTheRepository() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("job-repository.mv.db"));   // a folder where H2's file should be
        Path output = tmp.resolve("reports");

        int code = run(FRAMEWORK, DATA, output, repo);

        assertThat(code).isEqualTo(BizenvCommand.FAILED);
        assertThat(stderr()).startsWith("The evaluation failed:\nthe job repository in " + repo.toAbsolutePath()
                + " cannot be used: ").endsWith("Details: " + log(repo) + "\n");
        assertConsoleClean();
        assertThat(output).doesNotExist();
        assertThat(Files.readString(log(repo))).contains("\tat org.h2.");
    }

    @Test
    void aRepositoryBelowAFileIsNamedAndNothingIsWritten() throws Exception {
        // a situation that fails for root too (CI runs as root, where a read-only folder does not stop writes)
        Path file = tmp.resolve("not-a-folder");
        Files.writeString(file, "x");
        Path repo = file.resolve(".bizenv");

        int code = run(FRAMEWORK, DATA, tmp.resolve("reports"), repo);

        assertThat(code).isEqualTo(BizenvCommand.FAILED);
        assertThat(stderr()).isEqualTo("Cannot create the job repository folder " + repo.toAbsolutePath() + ": a file "
                + "is in the way where a folder is needed (" + file.toAbsolutePath() + " is a file). Give --repository "
                + "a folder that can be created and written.\n");
        assertConsoleClean();
        assertThat(tmp.resolve("reports")).doesNotExist();
    }

    @Test
    void aSecondRunOnABusyRepositoryIsTurnedAwayNamingTheFirstAndTouchesNothing() throws Exception {
        Path repo = tmp.resolve("repo").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RepositoryLockHolder.class.getName(), repo.toString());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process other = pb.start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("locked");
            List<String> before = listing(repo);
            String since = RepositoryLock.holder(repo.resolve("lock")).get("since");

            int code = run(FRAMEWORK, DATA, tmp.resolve("reports"), repo);

            assertThat(code).isEqualTo(BizenvCommand.FAILED);
            assertThat(stderr()).isEqualTo("Another bizenv run is using the job repository " + repo + " (process "
                    + other.pid() + ", since " + since + ", running: bizenv run --the-other-run).\n"
                    + "Nothing was done. Wait until that run ends, or stop it, then run this command again; or give "
                    + "this run another --repository folder.\n");
            assertConsoleClean();
            assertThat(listing(repo)).isEqualTo(before).containsExactly("lock");
            assertThat(tmp.resolve("reports")).doesNotExist();
        } finally {
            other.getOutputStream().close();                // the other run ends, releasing the lock
            other.waitFor();
        }
        // its lock file stays behind, free: the next run takes it over (and fails on its missing data folder)
        assertThat(run(FRAMEWORK, tmp.resolve("no-such-folder"), tmp.resolve("reports"), repo))
                .isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(RepositoryLock.holder(repo.resolve("lock")))
                .containsEntry("pid", Long.toString(ProcessHandle.current().pid()))
                .hasEntrySatisfying("command", c -> assertThat(c).startsWith("bizenv run -f "));
    }

    @Test
    void aRunInThisProcessHoldingTheRepositoryTurnsAnotherAway() throws Exception {
        Path repo = tmp.resolve("repo").toAbsolutePath();
        try (RepositoryLock held = RepositoryLock.acquire(repo, "bizenv run --held-here")) {
            assertThat(run(FRAMEWORK, DATA, tmp.resolve("reports"), repo)).isEqualTo(BizenvCommand.FAILED);
            assertThat(stderr()).startsWith("Another bizenv run is using the job repository " + repo + " (process "
                    + ProcessHandle.current().pid() + ", since ").contains(", running: bizenv run --held-here).\n");
        }
    }

    @Test
    void anUnexpectedExceptionFromAnyCommandIsOneLineExit1WithTheLogPath() throws Exception {
        Path logFile = tmp.resolve("logs/bizenv.log");
        Explode.logFile = logFile;
        picocli.CommandLine cl = BizenvCommand.commandLine();
        cl.addSubcommand("explode", new Explode());

        int code = cl.execute("explode");

        assertThat(code).isEqualTo(BizenvCommand.FAILED);
        assertThat(stderr()).isEqualTo("bizenv explode failed: an unexpected error in bizenv, not a problem of the "
                + "input: java.lang.IllegalStateException: the sample job failed: boom.\nDetails: "
                + logFile.toAbsolutePath() + "\n");
        assertConsoleClean();
        assertThat(Files.readString(logFile)).contains("bizenv.details - bizenv explode failed",
                "java.lang.IllegalStateException: the sample job failed: boom", "\tat ");
    }

    @Test
    void anInputExceptionEscapingACommandExits2WithItsMessage() {
        picocli.CommandLine cl = BizenvCommand.commandLine();
        cl.addSubcommand("bad-input", new BadInput());

        assertThat(cl.execute("bad-input")).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).isEqualTo("1 problem in the input data:\nstatistics.xlsx: not an Excel workbook\n");
    }

    /** A command that fails as no command should: the handler's case. */
    @picocli.CommandLine.Command(name = "explode")
    static final class Explode implements java.util.concurrent.Callable<Integer> {
        static Path logFile;

        @Override
        public Integer call() {
            LogFile.onFailureTo(logFile);
            throw new IllegalStateException("the sample job failed: boom");
        }
    }

    /** A command whose input problem escapes it. */
    @picocli.CommandLine.Command(name = "bad-input")
    static final class BadInput implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new org.bizenv.ingest.InputDataException(List.of(new org.bizenv.ingest.DataProblem(
                    org.bizenv.ingest.Location.ofFile("statistics.xlsx"), "not an Excel workbook")));
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
