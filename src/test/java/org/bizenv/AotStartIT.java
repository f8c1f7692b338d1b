package org.bizenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.bizenv.evaluation.EvaluationJobTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as {@code ./bizenv} starts it: the packaged jar (target/bizenv.jar, with the application context Spring
 * AOT prepared at build time) in a JVM of its own with {@code -Dspring.aot.enabled=true}. Nothing else tests that
 * start path: the unit tests start the context by reflection, and a bean the AOT processing missed or got wrong would
 * only show here. Run by failsafe in {@code mvn verify}, after {@code package}. Two runs of the sample job (with and
 * without AOT, at once, as they are independent), one of a broken input and one started from a folder holding Spring
 * settings files: about 25 s of the build on a busy machine.
 */
class AotStartIT {

    private static final Path JAR = Path.of("target", "bizenv.jar");
    /** The options of the launcher (bizenv) but the class archive, which it builds outside Maven. */
    private static final List<String> AOT = List.of("-Dspring.aot.enabled=true", "-XX:TieredStopAtLevel=1");
    private static final List<String> NO_AOT = List.of("-XX:TieredStopAtLevel=1");

    @TempDir
    Path tmp;

    @Test
    void theJarCarriesTheContextPreparedAtBuildTime() throws IOException {
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.getEntry("BOOT-INF/classes/org/bizenv/BizenvApplication__ApplicationContextInitializer.class"))
                    .as("the AOT initializer that -Dspring.aot.enabled=true looks up").isNotNull();
        }
    }

    @Test
    void theSampleJobStartedWithAotWritesTheSameReportsAsWithout() throws Exception {
        Started aot = start(AOT, tmp.resolve("aot"), "--previous-data", "sample-data/2023");
        Started plain = start(NO_AOT, tmp.resolve("plain"), "--previous-data", "sample-data/2023");
        Finished withAot = finish(aot);
        Finished without = finish(plain);

        assertThat(withAot.exit()).as(withAot.stderr()).isZero();
        assertThat(without.exit()).as(without.stderr()).isZero();
        assertThat(withAot.stdout()).contains("INFO  Starting the 2024 evaluation (run 1 of these inputs)",
                "Completed (steps run: intake, survey, survey-merge, score, publish). Reports: "
                        + tmp.resolve("aot/reports/2024").toAbsolutePath());
        assertThat(withAot.stderr()).isEmpty();
        Path a = tmp.resolve("aot/reports/2024");
        Path b = tmp.resolve("plain/reports/2024");
        List<Path> files = files(a);
        assertThat(files).contains(Path.of("bizenv-report-2024.json"), Path.of("bizenv-report-2024.xlsx"))
                .isEqualTo(files(b));
        for (Path f : files) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f + " differs between the two starts")
                    .isEqualTo(-1L);
        }
    }

    @Test
    void aBrokenWorkbookUnderAotIsExit2WithBizenvsOwnMessage() throws Exception {
        Path data = tmp.resolve("2024");
        EvaluationJobTestSupport.copy(Path.of("sample-data/2024"), data);
        Files.writeString(data.resolve("statistics.xlsx"), "not a workbook");

        Finished run = finish(start(AOT, tmp.resolve("broken"), "--data", data.toString()));

        assertThat(run.exit()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("The evaluation failed:\n"
                + "1 problem in the input data:\n"
                + "statistics.xlsx: not an Excel workbook (.xlsx): the content is not a workbook (is it a text or CSV "
                + "file?)\n"
                + "No report was written; " + tmp.resolve("broken/reports/2024").toAbsolutePath() + " is as it was. "
                + "Fix the problems and run the same command again.\n"
                + "Details: " + tmp.resolve("broken/repository/logs/bizenv.log").toAbsolutePath() + "\n");
        assertThat(tmp.resolve("broken/reports")).doesNotExist();
    }

    @Test
    void settingsFilesInTheWorkingDirectoryChangeNothing() throws Exception {
        // Spring reads application.* from the working directory and its config/ folder unless told otherwise; a file
        // there (another tool's, a stray one) must not reach bizenv's settings. Both of these would break a run.
        Path cwd = tmp.resolve("elsewhere");
        Files.createDirectories(cwd.resolve("config"));
        Files.writeString(cwd.resolve("application.properties"), "spring.batch.jdbc.initialize-schema=never\n");
        Files.writeString(cwd.resolve("config/application.yml"), "spring:\n  main:\n    banner-mode: console\n");
        Path dir = tmp.resolve("stray");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(AOT);
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "run", "--framework",
                Path.of("indicators/miit-sme-2024.yaml").toAbsolutePath().toString(), "--year", "2024",
                "--data", Path.of("sample-data/2024").toAbsolutePath().toString(),
                "--output", dir.resolve("reports").toAbsolutePath().toString(),
                "--repository", dir.resolve("repository").toAbsolutePath().toString(),
                "--generated-at", "2025-01-01T00:00:00Z", "--no-robustness", "--no-cards"));
        Files.createDirectories(dir);
        Finished run = finish(new Started(new ProcessBuilder(cmd).directory(cwd.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start(),
                dir));

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).as("no banner").doesNotContain(":: Spring Boot ::")
                .contains("Completed (steps run: intake, survey, survey-merge, score, publish)");
    }

    private record Started(Process process, Path dir) {
    }

    private record Finished(int exit, String stdout, String stderr) {
    }

    /**
     * Starts {@code java OPTIONS -jar target/bizenv.jar run} on the sample's framework with this year's sample data
     * (unless {@code more} gives another --data), its reports and job repository under {@code dir}.
     */
    private Started start(List<String> options, Path dir, String... more) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(List.of("-jar", JAR.toString(), "run", "--framework", "indicators/miit-sme-2024.yaml",
                "--year", "2024", "--output", dir.resolve("reports").toString(),
                "--repository", dir.resolve("repository").toString(), "--generated-at", "2025-01-01T00:00:00Z",
                "--no-robustness"));
        if (!List.of(more).contains("--data")) {
            cmd.addAll(List.of("--data", "sample-data/2024"));
        }
        cmd.addAll(List.of(more));
        Files.createDirectories(dir);
        return new Started(new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start(), dir);
    }

    private static Finished finish(Started s) throws Exception {
        // not a timing: a bound so that a hung JVM fails the build instead of stalling it
        if (!s.process().waitFor(10, TimeUnit.MINUTES)) {
            s.process().destroyForcibly();
            throw new AssertionError("bizenv did not finish within 10 minutes");
        }
        return new Finished(s.process().exitValue(),
                Files.readString(s.dir().resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(s.dir().resolve("stderr"), StandardCharsets.UTF_8));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
