package org.bizenv.evaluation;

/** The reports could not be written where they were asked for (the folder is a file, not writable, disk full…). */
public class PublishException extends RuntimeException {

    public PublishException(java.nio.file.Path folder, java.io.IOException cause) {
        super("cannot write the reports to " + folder + ": " + describe(cause), cause);
    }

    /** java.nio's messages are often just a path; say which kind of failure it was. */
    private static String describe(java.io.IOException e) {
        String kind = StorageFaults.kind(e);
        return (kind == null ? e.getClass().getSimpleName() : kind) + " (" + e.getMessage() + ")";
    }
}
