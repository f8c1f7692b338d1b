package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line hashes the inputs on a thread of its own while the Spring context starts
 * ({@link IntakeAhead#start}): the same fingerprint as computed in line, and a failure to compute
 * it thrown by the run as it would be thrown computing it there.
 */
class BackgroundFingerprintTest {

    @TempDir
    Path tmp;

    private EvaluationRequest request(Path data) {
        return new EvaluationRequest(Path.of("indicators/miit-sme-2024.yaml"), data, 2024, tmp.resolve("reports"),
                null, null, "2025-01-01T00:00:00Z", RobustnessSettings.off());
    }

    @Test
    void theBackgroundFingerprintIsTheRunsAndFollowsTheFiles() throws Exception {
        Path data = tmp.resolve("2024");
        EvaluationJobTest.copy(Path.of("sample-data/2024"), data);
        EvaluationRequest request = request(data);

        InputHashes background = IntakeAhead.start(request).fingerprint().get();

        assertThat(background.fingerprint()).hasSize(64).isEqualTo(Fingerprint.of(RunInputs.of(request)));
        Path survey = data.resolve("survey.csv");
        assertThat(background.files()).containsEntry(survey.toAbsolutePath().normalize(), Fingerprint.sha256(survey));
        Files.writeString(survey, "\n", java.nio.file.StandardOpenOption.APPEND);
        InputHashes again = IntakeAhead.start(request).fingerprint().get();
        assertThat(again.fingerprint()).isNotEqualTo(background.fingerprint())
                .isEqualTo(Fingerprint.of(RunInputs.of(request)));
        assertThat(again.sha256(survey)).isEqualTo(Fingerprint.sha256(survey))
                .isNotEqualTo(background.sha256(survey));
    }

    @Test
    void aFingerprintThatFailedIsThrownAsItself() {
        // the runner does not touch the job repository before it has the fingerprint
        EvaluationRunner runner = new EvaluationRunner(null, null, null, new RunInputHashes());
        UncheckedIOException unreadable = new UncheckedIOException("cannot read survey.csv", new IOException("denied"));
        OutOfMemoryError error = new OutOfMemoryError("Java heap space");

        assertThatThrownBy(() -> runner.run(request(Path.of("sample-data/2024")),
                CompletableFuture.failedFuture(unreadable), null)).isSameAs(unreadable);
        assertThatThrownBy(() -> runner.run(request(Path.of("sample-data/2024")),
                CompletableFuture.failedFuture(error), null)).isSameAs(error);
    }
}
