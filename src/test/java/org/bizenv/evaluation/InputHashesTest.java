package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.Problems;
import org.bizenv.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run hashes its inputs once: the fingerprint and the Sources sheet's hashes come from the same pass. */
class InputHashesTest {

    @TempDir
    Path tmp;

    @Test
    void theHashesAreTheFingerprintsFilesAndAnAbsentFileHasNone() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.csv"), "x\n");
        Path absent = tmp.resolve("absent.csv");
        List<Path> inputs = List.of(a, absent);

        InputHashes hashes = InputHashes.of(inputs);

        assertThat(hashes.fingerprint()).isEqualTo(Fingerprint.of(inputs));
        assertThat(hashes.files()).isEqualTo(Map.of(a.toAbsolutePath().normalize(), Fingerprint.sha256(a)));
        // a file outside the run's inputs is hashed when asked
        Path other = Files.writeString(tmp.resolve("other.csv"), "y\n");
        assertThat(hashes.sha256(other)).isEqualTo(Fingerprint.sha256(other));
    }

    @Test
    void theIntakeListsTheRunsHashesInsteadOfHashingTheFilesAgain() {
        Framework fw = FrameworkLoader.load(Path.of("indicators/miit-sme-2024.yaml"));
        Path data = Path.of("sample-data/2024");
        Path survey = data.resolve("survey.csv");
        // a hash no file has: only the intake taking it from the run's hashes can list it
        String given = "0123456789abcdef".repeat(4);
        InputHashes hashes = new InputHashes("fingerprint", Map.of(survey.toAbsolutePath().normalize(), given));
        Problems problems = new Problems();

        IntakeResult r = Intake.read(fw, data, false, Intake.resolver(fw, problems), problems, hashes, 0);

        Report.SourceFile listed = r.files().stream().filter(f -> f.path().equals("survey.csv")).findFirst()
                .orElseThrow();
        assertThat(listed.sha256()).isEqualTo(given);
        Report.SourceFile other = r.files().stream().filter(f -> f.path().equals("statistics.xlsx")).findFirst()
                .orElseThrow();
        assertThat(other.sha256()).isEqualTo(Fingerprint.sha256(data.resolve("statistics.xlsx")));
    }
}
