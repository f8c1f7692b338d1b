package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/**
 * The commands that write a folder of input files — template and generate-sample — write only into a new or empty
 * folder unless told --force, and generate-sample's default is never the bundled sample-data/.
 */
class OutputFolderCommandsTest extends CommandLineTestBase {

    static final String FRAMEWORK = "indicators/miit-sme-2024.yaml";

    @TempDir
    Path tmp;


    private int run(String... args) {
        return execute(args);
    }

    @Test
    void helpListsTheTemplateCommand() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("template");
        assertThat(run("template", "--help")).isZero();
        assertThat(stdout()).contains("--framework=FILE", "--year=YEAR", "--output=DIR", "--force");
    }

    @Test
    void templateWritesTheYearsFolderAndNeverOverwritesFilledFormsWithoutForce() throws IOException {
        String dir = tmp.resolve("data").toString();
        assertThat(run("template", "-f", FRAMEWORK, "-y", "2025", "-o", dir)).isZero();
        Path year = tmp.resolve("data/2025");
        assertThat(stdout()).contains("40 template files written to " + year,
                "bizenv run --framework " + FRAMEWORK + " --data " + year + " --year 2025");
        Path wuhan = year.resolve("returns/wuhan.xlsx");
        byte[] blank = Files.readAllBytes(wuhan);
        assertThat(files(year)).hasSize(40);

        Files.writeString(wuhan, "Wuhan's filled return");
        assertThat(run("template", "-f", FRAMEWORK, "-y", "2025", "-o", dir)).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).isEqualTo(year + " is not empty: nothing was written. Give a new or empty folder, or "
                + "add --force to overwrite what is there" + System.lineSeparator());
        assertThat(Files.readString(wuhan)).isEqualTo("Wuhan's filled return");

        Files.writeString(year.resolve("notes.txt"), "left over");
        assertThat(run("template", "-f", FRAMEWORK, "-y", "2025", "-o", dir, "--force")).isZero();
        assertThat(Files.readAllBytes(wuhan)).isEqualTo(blank);
        assertThat(files(year)).hasSize(40).doesNotContain("notes.txt");

        // another year is another folder
        assertThat(run("template", "-f", FRAMEWORK, "-y", "2026", "-o", dir)).isZero();
        assertThat(tmp.resolve("data/2026/returns/wuhan.xlsx")).isRegularFile();
    }

    @Test
    void templateOnAnInvalidFrameworkExitsWith2AndWritesNothing() throws IOException {
        Path fw = tmp.resolve("fw.yaml");
        Files.writeString(fw, Files.readString(Path.of(FRAMEWORK)).replace("direction: lower", "direction: down"));
        assertThat(run("template", "-f", fw.toString(), "-y", "2025", "-o", tmp.resolve("data").toString()))
                .isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).contains("indicator MKT.ACC.1: direction must be 'higher' or 'lower'",
                "No templates were written.");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void generateSampleDefaultsToAFolderOfItsOwnAndRefusesTheBundledSample() throws Exception {
        CommandLine cl = new CommandLine(new GenerateSampleCommand());
        cl.parseArgs();
        Path defaultOutput = ((GenerateSampleCommand) cl.getCommand()).output;
        assertThat(defaultOutput).isEqualTo(Path.of("generated-sample"));
        assertThat(defaultOutput.toAbsolutePath().normalize())
                .isNotEqualTo(Path.of("sample-data").toAbsolutePath().normalize());

        String before = digest(Path.of("sample-data"));
        assertThat(run("generate-sample", "--output", "sample-data")).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).startsWith("sample-data is not empty: nothing was written.").contains("--force");
        assertThat(digest(Path.of("sample-data"))).isEqualTo(before);
    }

    @Test
    void generateSampleWritesANewFolderRefusesItThenAndForceReplacesTheSampleFiles() throws IOException {
        Path dir = tmp.resolve("sample");
        assertThat(run("generate-sample", "--output", dir.toString())).isZero();
        assertThat(files(dir)).hasSize(2 * (36 + 3));
        Path survey = dir.resolve("2024/survey.csv");
        byte[] generated = Files.readAllBytes(survey);

        Files.writeString(survey, "edited");
        Files.writeString(dir.resolve("README.md"), "kept");
        assertThat(run("generate-sample", "--output", dir.toString())).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains(dir + " is not empty: nothing was written.");
        assertThat(Files.readString(survey)).isEqualTo("edited");

        assertThat(run("generate-sample", "--output", dir.toString(), "--force")).isZero();
        assertThat(Files.readAllBytes(survey)).isEqualTo(generated);
        assertThat(Files.readString(dir.resolve("README.md"))).isEqualTo("kept");
    }

    @Test
    void generateSampleKnowsTwoEditionsAndRefusesAnyOtherWritingNothing() throws IOException {
        Path dir = tmp.resolve("sample");
        assertThat(run("generate-sample", "--edition", "40", "--output", dir.toString()))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).isEqualTo("--edition must be 36 or 50, not '40'" + System.lineSeparator());
        assertThat(dir).doesNotExist();

        assertThat(run("generate-sample", "--edition", "50", "--output", dir.toString())).isZero();
        assertThat(files(dir)).hasSize(2 * (50 + 3)).contains("2024/returns/suzhou.xlsx");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedEvenWithForce() throws IOException {
        Path file = Files.writeString(tmp.resolve("2025"), "x");
        assertThat(run("template", "-f", FRAMEWORK, "-y", "2025", "-o", tmp.toString(), "--force"))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains(file + " is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** SHA-256 over every file's path and bytes. */
    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String f : files(dir)) {
            md.update(f.getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(dir.resolve(f)));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
