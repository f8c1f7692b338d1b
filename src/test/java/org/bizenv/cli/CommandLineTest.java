package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as an evaluation team uses it: help, exit codes, and messages that point at the problem. */
class CommandLineTest extends CommandLineTestBase {

    @TempDir
    Path tmp;


    private int run(String... args) {
        return execute(args);
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("run", "validate", "generate-sample", "bench", "2  invalid input");
    }

    @Test
    void versionIsTheEngineVersionTheReportsState() {
        assertThat(run("--version")).isZero();
        assertThat(stdout().strip()).isEqualTo("bizenv " + org.bizenv.report.EngineVersion.get());
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(run("run", "--year", "2024")).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("Missing required options: '--framework=FILE', '--data=DIR'");
    }

    @Test
    void runHelpDocumentsTheRobustnessOptions() {
        assertThat(run("run", "--help")).isZero();
        assertThat(stdout()).contains("--scenarios=FILE", "--uncertainty-runs=N", "--perturbation=uniform:F|dirichlet:ALPHA",
                "--sensitivity-samples=N", "--survey-bootstrap=N", "--seed=N", "--no-robustness", "(default: 1000)", "(default: uniform:0.25)");
    }

    @Test
    void badRobustnessOptionsAreUsageErrors() {
        String[] base = {"run", "-f", "indicators/miit-sme-2024.yaml", "-d", "sample-data/2024", "-y", "2024",
                "--repository", tmp.resolve("repo").toString(), "-o", tmp.resolve("reports").toString()};
        assertThat(run(concat(base, "--perturbation", "gaussian:0.2"))).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("'gaussian:0.2' is not a weight perturbation");
        assertThat(run(concat(base, "--uncertainty-runs", "-5"))).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("the number of uncertainty runs must be >= 0");
        assertThat(run(concat(base, "--survey-bootstrap", "-1"))).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("the number of survey bootstrap replicates must be >= 0 (0 = none), got -1");
        assertThat(run(concat(base, "--no-robustness", "--scenarios", "x.yaml"))).isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("--scenarios needs the robustness analysis");
        assertThat(tmp.resolve("reports")).doesNotExist();
    }

    @Test
    void aScenarioTheDataCannotSupportIsAnInputProblem() {
        // e.g. a geometric mean over a dimension score of 0: exit code 2, the message as the analysis words it
        var e = new RuntimeException("Tasklet failed", new org.bizenv.robustness.RobustnessException(
                "scenario geometric-index: node INDEX uses the geometric mean, which is undefined for values <= 0"));
        assertThat(Outcomes.isInputProblem(Outcomes.rootOfInterest(e))).isTrue();
        assertThat(Outcomes.rootOfInterest(e).getMessage()).startsWith("scenario geometric-index:");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void validateAcceptsTheBundledFrameworkAndSample() {
        assertThat(run("validate", "-f", "indicators/miit-sme-2024.yaml")).isZero();
        assertThat(stdout()).contains("valid (27 nodes, 38 indicators)");
        assertThat(run("validate", "-f", "indicators/miit-sme-2024.yaml", "-d", "sample-data/2024")).isZero();
        assertThat(stdout()).contains("sample-data/2024: no problems found; 36 units scored.");
        assertThat(run("validate", "-f", "indicators/miit-sme-2024.yaml", "-d", "sample-data/2024", "-p",
                "sample-data/2023", "--scenarios", "indicators/scenarios/miit-sme-2024-scenarios.yaml")).isZero();
        assertThat(stdout()).contains("sample-data/2024: no problems found; 36 units scored, 1 scenario file compared. "
                + "A run on these inputs will not fail on them.");
        assertThat(run("validate", "-f", "indicators/miit-sme-2024.yaml", "--scenarios",
                "indicators/scenarios/miit-sme-2024-scenarios.yaml")).isZero();
        assertThat(stdout()).contains("valid (27 nodes, 38 indicators); 1 scenario file valid");
    }

    @Test
    void validateNeedsDataForLastYearsData() {
        assertThat(run("validate", "-f", "indicators/miit-sme-2024.yaml", "-p", "sample-data/2023"))
                .isEqualTo(BizenvCommand.USAGE);
        assertThat(stderr()).contains("--previous-data needs --data");
    }

    @Test
    void anInvalidFrameworkExitsWith2AndNamesTheLine() throws Exception {
        Path fw = tmp.resolve("fw.yaml");
        Files.writeString(fw, Files.readString(Path.of("indicators/miit-sme-2024.yaml"))
                .replace("direction: lower", "direction: down"));
        assertThat(run("validate", "-f", fw.toString())).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).containsPattern(java.util.regex.Pattern.quote(fw.toString()) + ":\\d+: indicator "
                + "MKT\\.ACC\\.1: direction must be 'higher' or 'lower' \\(is better\\), not 'down'");
    }

    @Test
    void runningOnBadDataExitsWith2ListsTheProblemsAndWritesNoReport() throws Exception {
        Path data = tmp.resolve("2024");
        org.bizenv.evaluation.EvaluationJobTestSupport.copy(Path.of("sample-data/2024"), data);
        Files.writeString(data.resolve("statistics.xlsx"), "not a workbook");

        int code = run("run", "-f", "indicators/miit-sme-2024.yaml", "-d", data.toString(), "-y", "2024",
                "-o", tmp.resolve("reports").toString(), "--repository", tmp.resolve("repo").toString());

        assertThat(code).isEqualTo(BizenvCommand.INVALID_INPUT);
        assertThat(stderr()).contains("statistics.xlsx: not an Excel workbook", "No report was written");
        assertThat(tmp.resolve("reports/2024")).doesNotExist();
    }
}
