package org.bizenv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.bizenv.evaluation.StorageFaults;

/**
 * A fault that is not the input's, told in one line: what could not be done, where, and why (no space left, permission
 * denied, a file in the way…), or, when bizenv does not know what happened, that it is bizenv's fault and which
 * exception it was. The trace goes to the log file ({@link LogFile}), never to the console.
 */
final class Faults {

    private Faults() {
    }

    /** @param repository the job repository the command used, or null for commands without one */
    static String describe(Throwable t, Path repository) {
        String kind = StorageFaults.kind(t);
        SQLException sql = find(t, SQLException.class);
        if (sql != null) {                                 // only the job repository speaks SQL
            return "the job repository" + (repository == null ? "" : " in " + repository) + " cannot be used: "
                    + (kind != null ? kind : "its database could not be opened or written (H2 says: "
                    + firstLine(sql.getMessage()) + ")");
        }
        UncheckedIOException io = find(t, UncheckedIOException.class);
        // ours say what could not be done ("cannot write the data set 'report' to …"); a bare wrapper says nothing
        if (io != null && !io.getMessage().equals(String.valueOf(io.getCause()))) {
            return io.getMessage() + ": " + (kind != null ? kind : firstLine(io.getCause().getMessage()));
        }
        if (kind != null) {
            Path p = StorageFaults.pathOf(t);
            return (p == null ? "a file could not be read or written" : p.toString()) + ": " + kind;
        }
        Throwable deepest = t;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return "an unexpected error in bizenv, not a problem of the input: " + deepest.getClass().getName()
                + (deepest.getMessage() == null ? "" : ": " + firstLine(deepest.getMessage()));
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * A folder of files (templates, feedback) that could not be written, told in one line:
     * "Could not write {@code what} to {@code folder}: why. Nothing was written there."
     */
    static String couldNotWrite(String what, Path folder, IOException e) {
        String kind = StorageFaults.kind(e);
        return "Could not write " + what + " to " + folder + ": " + (kind != null ? kind + " (" + e.getMessage() + ")"
                : e.getClass().getSimpleName() + " " + e.getMessage()) + ". Nothing was written there.";
    }

    /** The last line of a failure message: where the log with the trace is, or that none could be written. */
    static String details(Path log) {
        return log == null ? "No log file could be written (" + LogFile.DEFAULT + " or the repository's logs/ "
                + "folder): the message above is all there is." : "Details: " + log;
    }
}
