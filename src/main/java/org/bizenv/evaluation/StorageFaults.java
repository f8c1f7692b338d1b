package org.bizenv.evaluation;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What went wrong with a file or folder, in words a person can act on, from an exception and its causes. java.nio's
 * messages are often just a path, and H2 wraps the operating system's error in its own ("IO Exception: …"), so the
 * whole cause chain is searched, most telling kind first: a full disk explains a failed write better than the
 * wrapper that reports it.
 */
public final class StorageFaults {

    public static final String NO_SPACE = "no space left on the device";

    /** H2's "Database may be already in use" and "The database is read only". */
    private static final int H2_ALREADY_OPEN = 90020;
    private static final int H2_READ_ONLY = 90097;

    private record Kind(String words, Predicate<Throwable> matches) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(NO_SPACE, t -> says(t, "no space left on device") || says(t, "not enough space on the disk")),
            new Kind("disk quota exceeded", t -> says(t, "disk quota exceeded")),
            new Kind("the file system is read-only", t -> says(t, "read-only file system")
                    || t instanceof SQLException s && s.getErrorCode() == H2_READ_ONLY),
            new Kind("permission denied", t -> t instanceof AccessDeniedException || says(t, "permission denied")),
            new Kind("it is in use by another process", t -> t instanceof SQLException s
                    && s.getErrorCode() == H2_ALREADY_OPEN),
            new Kind("a file is in the way where a folder is needed", t -> t instanceof NotDirectoryException
                    || says(t, "not a directory")),
            new Kind("a file is in the way", t -> t instanceof FileAlreadyExistsException),
            new Kind("no such file or folder", t -> t instanceof NoSuchFileException));

    private StorageFaults() {
    }

    /** The kind of file-system trouble {@code t} or one of its causes reports, or null when it reports none. */
    public static String kind(Throwable t) {
        for (Kind k : KINDS) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (k.matches().test(c)) {
                    return k.words();
                }
            }
        }
        return null;
    }

    /** The file or folder a file-system exception in the cause chain names, or null. */
    public static Path pathOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof FileSystemException f && f.getFile() != null) {
                return Path.of(f.getFile());
            }
        }
        return null;
    }

    private static boolean says(Throwable t, String words) {
        return t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(words);
    }
}
