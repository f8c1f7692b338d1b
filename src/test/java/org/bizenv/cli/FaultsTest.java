package org.bizenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import org.bizenv.evaluation.PublishException;
import org.bizenv.evaluation.StorageFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that are not the input's, told with the path and what went wrong. The full disk is a real one: Linux's
 * /dev/full fails every write with ENOSPC, as a full file system does.
 */
class FaultsTest {

    @TempDir
    Path tmp;

    private static IOException diskFull() {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full");
        return assertThrows(IOException.class, () -> Files.write(full, new byte[4096]));
    }

    @Test
    void aFullDiskIsToldAsSuchWhereverItStruck() {
        IOException full = diskFull();
        assertThat(full).hasMessageContaining("No space left on device");
        assertThat(StorageFaults.kind(full)).isEqualTo("no space left on the device");

        Path repo = tmp.resolve(".bizenv");
        // the publish step
        assertThat(new PublishException(tmp.resolve("reports/2024"), full)).hasMessage("cannot write the reports to "
                + tmp.resolve("reports/2024") + ": no space left on the device (" + full.getMessage() + ")");
        // a working data set (Workspace.save)
        assertThat(Faults.describe(new IllegalStateException("Tasklet failed", new UncheckedIOException(
                "cannot write the data set 'report' to " + repo.resolve("work/instance-3"), full)), repo))
                .isEqualTo("cannot write the data set 'report' to " + repo.resolve("work/instance-3")
                        + ": no space left on the device");
        // the job repository: H2 wraps the operating system's error in its own, with the text in its message
        SQLException h2 = new SQLException("IO Exception: \"java.io.IOException: No space left on device\"; "
                + "\"" + repo.resolve("job-repository.mv.db") + "\" [90028-240]", "90028", 90028);
        assertThat(Faults.describe(new RuntimeException("Failed to initialize dependency 'jobRepository'", h2), repo))
                .isEqualTo("the job repository in " + repo + " cannot be used: no space left on the device");
    }

    @Test
    void aFileInTheWayIsNamed() throws Exception {
        Path file = tmp.resolve("reports");
        Files.writeString(file, "x");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("2024")));
        assertThat(Faults.describe(e, null)).isEqualTo(file.resolve("2024") + ": a file is in the way where a "
                + "folder is needed");
    }

    @Test
    void aJobRepositoryInUseByAnotherProcessSaysSo() {
        SQLException inUse = new SQLException("Database may be already in use: \"" + tmp + "/job-repository.mv.db\". "
                + "Possible solutions: close all other connection(s); use the server mode [90020-240]", "90020", 90020);
        assertThat(Faults.describe(inUse, tmp)).isEqualTo("the job repository in " + tmp + " cannot be used: it is "
                + "in use by another process");
    }

    @Test
    void anythingElseIsBizenvsFaultNamedByItsException() {
        assertThat(Faults.describe(new IllegalStateException("wrapper", new NullPointerException("x is null\nmore")),
                null)).isEqualTo("an unexpected error in bizenv, not a problem of the input: "
                + "java.lang.NullPointerException: x is null");
    }
}
