package org.bizenv.evaluation;

/** The reports could not be written where they were asked for (the folder is a file, not writable, disk full…). */
public class PublishException extends RuntimeException {

    public PublishException(java.nio.file.Path folder, java.io.IOException cause) {
        super("cannot write the reports to " + folder + ": " + describe(cause), cause);
    }

    /** java.nio's messages are often just a path; say which kind of failure it was. */
    private static String describe(java.io.IOException e) {
        String kind;
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            kind = "a file is in the way";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            kind = "a file is in the way where a folder is needed";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            kind = "permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            kind = "no such file or folder";
        } else {
            kind = e.getClass().getSimpleName();
        }
        return kind + " (" + e.getMessage() + ")";
    }
}
