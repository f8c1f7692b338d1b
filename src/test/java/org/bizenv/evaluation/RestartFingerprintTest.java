package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.ingest.InputDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

/**
 * A rerun is a restart exactly when none of the files the run reads changed: the fingerprint covers the framework
 * file, its unit registry, every source's files wherever the path leads, the previous report and the scenario files,
 * and nothing else.
 */
class RestartFingerprintTest extends JobTestBase {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    static final String AT = "2025-03-01T00:00:00Z";

    @TempDir
    Path tmp;

    @Test
    void theInputsAreExactlyTheFilesTheRunReads() {
        Path scenarios = Path.of("indicators/scenarios/miit-sme-2024-scenarios.yaml");
        Path previousReport = tmp.resolve("bizenv-report-2023.json");      // absent: counted as absent
        EvaluationRequest request = new EvaluationRequest(FRAMEWORK, Path.of("sample-data/2024"), 2024,
                tmp.resolve("reports"), Path.of("sample-data/2023"), previousReport, AT,
                new RobustnessSettings(true, List.of(scenarios), 10, "uniform:0.25", 8, 1));

        List<Path> files = RunInputs.of(request);

        Path cwd = Path.of("").toAbsolutePath();
        List<String> shown = files.stream().map(p -> cwd.relativize(p).toString().replace('\\', '/')).toList();
        assertThat(shown).hasSize(2 + 2 * (36 + 3) + 2);
        assertThat(shown.subList(0, 3)).containsExactly("indicators/miit-sme-2024.yaml", "indicators/cities-36.csv",
                "sample-data/2024/returns/beijing.xlsx");
        assertThat(shown.subList(37, 43)).containsExactly("sample-data/2024/returns/zhengzhou.xlsx",
                "sample-data/2024/statistics.xlsx", "sample-data/2024/walkthrough.xlsx", "sample-data/2024/survey.csv",
                "sample-data/2023/returns/beijing.xlsx", "sample-data/2023/returns/changchun.xlsx");
        assertThat(shown.subList(shown.size() - 5, shown.size())).containsExactly(
                "sample-data/2023/statistics.xlsx", "sample-data/2023/walkthrough.xlsx", "sample-data/2023/survey.csv",
                cwd.relativize(previousReport).toString(), "indicators/scenarios/miit-sme-2024-scenarios.yaml");
        // the folder around the framework file is not an input: indicators/doing-business-2020.yaml is not read
        assertThat(shown).noneMatch(p -> p.contains("doing-business"));
    }

    @Test
    void fixingASourceOutsideTheDataFolderStartsAFreshRunThatSucceeds() throws Exception {
        // the statistics live beside the year's folder, shared by years: path ../shared/statistics.xlsx
        Path fwFolder = tmp.resolve("framework");
        Files.createDirectories(fwFolder);
        Files.copy(Path.of("indicators/cities-36.csv"), fwFolder.resolve("cities-36.csv"));
        Path fw = fwFolder.resolve("miit.yaml");
        String yaml = Files.readString(FRAMEWORK);
        assertThat(yaml).contains("    path: statistics.xlsx\n");
        Files.writeString(fw, yaml.replace("    path: statistics.xlsx\n", "    path: ../shared/statistics.xlsx\n"));
        Path data = tmp.resolve("data/2024");
        EvaluationJobTest.copy(Path.of("sample-data/2024"), data);
        Path shared = tmp.resolve("data/shared/statistics.xlsx");
        Files.createDirectories(shared.getParent());
        Files.move(data.resolve("statistics.xlsx"), shared);
        byte[] good = Files.readAllBytes(shared);
        Samples.setCell(shared, "Data", "C9", "130%");
        EvaluationRequest request = new EvaluationRequest(fw, data, 2024, tmp.resolve("reports"), null, null, AT,
                RobustnessSettings.off());

        EvaluationRunner.Outcome first = runner.run(request);
        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(((InputDataException) first.failures().get(0)).problems()).extracting(Object::toString)
                .anyMatch(p -> p.startsWith("../shared/statistics.xlsx!Data!C9: value 130 outside the valid range"));

        Files.write(shared, good);
        EvaluationRunner.Outcome second = runner.run(request);
        assertThat(second.restarted()).as("the fixed file is a changed input: a fresh run").isFalse();
        assertThat(second.failures()).isEmpty();
        assertThat(second.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");
    }

    @Test
    void theReportListsTheHashesTheRunStartedWith() throws Exception {
        Path data = tmp.resolve("hashes/2024");
        EvaluationJobTest.copy(Path.of("sample-data/2024"), data);
        EvaluationRequest request = new EvaluationRequest(FRAMEWORK, data, 2024, tmp.resolve("hashes/reports"), null,
                null, AT, RobustnessSettings.off());
        InputHashes hashed = InputHashes.of(RunInputs.of(request));
        Path survey = data.resolve("survey.csv").toAbsolutePath().normalize();
        assertThat(hashed.files()).containsKey(survey);
        // a hash no file has: only the intake taking the run's hashes (not hashing the file again) can list it
        java.util.Map<Path, String> files = new java.util.HashMap<>(hashed.files());
        files.put(survey, "0123456789abcdef".repeat(4));

        EvaluationRunner.Outcome o = runner.run(request, java.util.concurrent.CompletableFuture.completedFuture(
                new InputHashes(hashed.fingerprint(), files)), null);

        assertThat(o.failures()).isEmpty();
        var report = Workspace.MAPPER.readTree(tmp.resolve("hashes/reports/2024/bizenv-report-2024.json").toFile());
        var listed = new java.util.HashMap<String, String>();
        report.get("meta").get("sources").forEach(s -> listed.put(s.get("path").asString(), s.get("sha256").asString()));
        assertThat(listed).containsEntry("survey.csv", "0123456789abcdef".repeat(4))
                .containsEntry("statistics.xlsx", Fingerprint.sha256(data.resolve("statistics.xlsx")));
    }

    @Test
    void aRestartWhoseIntakeCompletedDropsTheIntakeReadAhead() throws Exception {
        Path out = tmp.resolve("ahead/reports");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "a file where the reports folder should be");
        EvaluationRequest request = new EvaluationRequest(FRAMEWORK, Path.of("sample-data/2024"), 2024, out, null,
                null, AT, RobustnessSettings.off());

        EvaluationRunner.Outcome first = runner.run(request, IntakeAhead.start(request));
        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");

        Files.delete(out);
        IntakeAhead ahead = IntakeAhead.start(request);
        EvaluationRunner.Outcome second = runner.run(request, ahead);

        assertThat(second.restarted()).isTrue();
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.stepsRun()).containsExactly("publish");
        org.bizenv.framework.Framework fw = org.bizenv.framework.FrameworkLoader.load(FRAMEWORK);
        assertThat(ahead.take(IntakeAhead.Inputs.of(request), ahead.fingerprint().get(), fw))
                .as("dropped: nothing waits for it or uses it").isNull();
    }
}
