package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intake's inputs read ahead by the command line ({@link IntakeAhead}) and taken by the intake step: taken only
 * when they are exactly the step's inputs, under the run's hashes, and unchanged since; the step reads them itself
 * otherwise; either way the workspace gets the same files, problems of a bad workbook included.
 */
class IntakeAheadTest {

    private static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    private static final String[] DATA_SETS = {Workspace.INTAKE_PROBLEMS, Workspace.INTAKE_CURRENT,
            Workspace.INTAKE_PREVIOUS};

    @TempDir
    Path tmp;

    private Path data;
    private Path previous;
    private Framework framework;

    @BeforeEach
    void copySamples() throws Exception {
        data = tmp.resolve("data/2024");
        previous = tmp.resolve("data/2023");
        EvaluationJobTest.copy(Path.of("sample-data/2024"), data);
        EvaluationJobTest.copy(Path.of("sample-data/2023"), previous);
        framework = FrameworkLoader.load(FRAMEWORK);
    }

    private EvaluationRequest request(Path thisYear) {
        return new EvaluationRequest(FRAMEWORK, thisYear, 2024, tmp.resolve("reports"), previous, null,
                "2025-01-01T00:00:00Z", RobustnessSettings.off());
    }

    /** The intake's inputs as the job names them: the request's paths (absolute). */
    private IntakeAhead.Inputs inputs(Path thisYear) {
        return IntakeAhead.Inputs.of(request(thisYear));
    }

    /** Runs the intake step over {@code thisYear} into a fresh workspace {@code name}. */
    private Workspace step(String name, Path thisYear, InputHashes hashes, IntakeAhead ahead) {
        Workspace ws = new Workspace(tmp.resolve("work").resolve(name));
        IntakeAhead.Inputs in = inputs(thisYear);
        new IntakeStep(framework, ws, in.framework(), in.data(), in.previousData(), List.of(), null, hashes, ahead)
                .execute(null, null);
        return ws;
    }

    private static void assertSameFiles(Workspace a, Workspace b) throws Exception {
        for (String name : DATA_SETS) {
            assertThat(Files.readAllBytes(a.dir().resolve(name + ".json"))).as(name)
                    .isEqualTo(Files.readAllBytes(b.dir().resolve(name + ".json")));
        }
    }

    /** What the read-ahead read, waiting for it (null: it is not taken for these inputs). */
    private IntakeResult readAhead(IntakeAhead ahead, InputHashes hashes) {
        IntakeStep.Reading r = ahead.take(inputs(data), hashes, framework);
        return r == null ? null : (IntakeResult) r.current().value();
    }

    @Test
    void theStepTakesTheReadingOfItsInputsAndSavesWhatItWouldHaveRead() throws Exception {
        IntakeAhead ahead = IntakeAhead.start(request(data));
        InputHashes hashes = ahead.fingerprint().get();
        assertThat(hashes.fingerprint()).isEqualTo(Fingerprint.of(RunInputs.of(request(data))));

        Workspace taken = step("taken", data, hashes, ahead);
        Workspace read = step("read", data, hashes, null);

        assertThat(taken.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isSameAs(readAhead(ahead, hashes))
                .isNotSameAs(read.load(Workspace.INTAKE_CURRENT, IntakeResult.class));
        assertSameFiles(taken, read);
    }

    @Test
    void theStepReadsItselfWhenTheReadingIsOfOtherInputsOrHashes() throws Exception {
        Path other = tmp.resolve("other/2024");
        EvaluationJobTest.copy(Path.of("sample-data/2024"), other);
        IntakeAhead ahead = IntakeAhead.start(request(data));
        InputHashes hashes = ahead.fingerprint().get();
        IntakeResult aheadRead = readAhead(ahead, hashes);

        Workspace otherHashes = step("other-hashes", data, InputHashes.of(RunInputs.of(request(data))), ahead);
        assertThat(otherHashes.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isNotSameAs(aheadRead);
        assertSameFiles(otherHashes, step("read", data, hashes, null));

        Workspace otherData = step("other-data", other, hashes, ahead);
        assertThat(otherData.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isNotSameAs(aheadRead);
        assertThat(readAhead(ahead, hashes)).as("a reading not of the step's inputs is dropped").isNull();
    }

    @Test
    void aFileChangedAfterTheReadingAheadIsReadAgain() throws Exception {
        IntakeAhead ahead = IntakeAhead.start(request(data));
        InputHashes hashes = ahead.fingerprint().get();
        IntakeResult aheadRead = readAhead(ahead, hashes);
        Path statistics = data.resolve("statistics.xlsx");
        Files.setLastModifiedTime(statistics, FileTime.fromMillis(Files.getLastModifiedTime(statistics).toMillis()
                + 2_000));

        Workspace touched = step("touched", data, hashes, ahead);
        assertThat(touched.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isNotSameAs(aheadRead);

        Files.delete(data.resolve("returns/wuhan.xlsx"));
        Workspace removed = step("removed", data, hashes, ahead);
        assertThat(removed.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isNotSameAs(aheadRead);
        assertSameFiles(removed, step("read", data, hashes, null));
        assertThat(Files.readString(removed.dir().resolve(Workspace.INTAKE_PROBLEMS + ".json")))
                .contains("Wuhan").isNotEqualTo("[]");
    }

    @Test
    void aBadWorkbookReadAheadGivesTheStepTheSameProblems() throws Exception {
        Samples.setCell(data.resolve("returns/wuhan.xlsx"), "Data", "D7", "abc");
        IntakeAhead ahead = IntakeAhead.start(request(data));
        InputHashes hashes = ahead.fingerprint().get();

        Workspace taken = step("taken", data, hashes, ahead);
        Workspace read = step("read", data, hashes, null);

        assertThat(taken.load(Workspace.INTAKE_CURRENT, IntakeResult.class)).isSameAs(readAhead(ahead, hashes));
        assertSameFiles(taken, read);
        assertThat(Files.readString(taken.dir().resolve(Workspace.INTAKE_PROBLEMS + ".json")))
                .contains("returns/wuhan.xlsx").contains("D7").contains("abc");
    }

    @Test
    void aDroppedReadingIsNotTaken() throws Exception {
        IntakeAhead ahead = IntakeAhead.start(request(data));
        InputHashes hashes = ahead.fingerprint().get();
        assertThat(readAhead(ahead, hashes)).isNotNull();

        ahead.drop();

        assertThat(readAhead(ahead, hashes)).isNull();
        assertThat(step("dropped", data, hashes, ahead).load(Workspace.INTAKE_CURRENT, IntakeResult.class))
                .isNotNull();
    }
}
