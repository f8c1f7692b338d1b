package org.bizenv.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The rule of commands that write a folder of input files (generate-sample, template): they write only into a new or
 * empty folder unless told {@code --force}, so that a folder of real or bundled data is never overwritten by
 * accident.
 */
final class OutputFolders {

    private OutputFolders() {
    }

    /** Why {@code folder} may not be written without {@code --force}, or null when it may. */
    static String refusal(Path folder, boolean force) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            return folder + " is a file, not a folder: give another output folder";
        }
        if (force || !Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return folder + " is not empty: nothing was written. Give a new or empty folder, or add --force to "
                + "overwrite what is there";
    }
}
