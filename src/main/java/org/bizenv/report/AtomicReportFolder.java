package org.bizenv.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Publishes a folder of report files all at once: readers of {@code reports/2024} see either the previous complete
 * report or the new complete report, never a half-written one.
 *
 * <ol>
 *   <li>The files are written into a fresh sibling {@code reports/.2024.tmp-<random>} and flushed to disk.</li>
 *   <li>If {@code reports/2024} exists it is renamed aside to {@code reports/.2024.old-<random>}, the new folder is
 *       renamed to {@code reports/2024} (both renames {@link StandardCopyOption#ATOMIC_MOVE}), and the old one is
 *       deleted.</li>
 *   <li>If anything fails (the writer throws, a rename fails) the previous report is left in place, or put back, and
 *       the temporary folder is removed; the exception propagates unchanged.</li>
 * </ol>
 *
 * <p>Directories cannot be swapped in one rename, so a crash (power loss, kill -9) exactly between the two renames
 * leaves the previous report in {@code .2024.old-*} and no {@code 2024}; the next {@code publish} to that target puts
 * it back first, and also removes temporary and old folders that crashed runs left behind. That assumes one writer
 * per target at a time, which is how the engine runs (one job per edition).
 */
public final class AtomicReportFolder {

    /** Writes files into the folder it is given; may throw, in which case nothing is published. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T value) throws IOException;
    }

    /** Writes one file (created or replaced, buffered); on failure no partial file is left behind. */
    public static void writeFile(Path file, IoConsumer<java.io.OutputStream> writer) throws IOException {
        boolean done = false;
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writer.accept(out);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A rename; replaceable in tests to make one fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    /**
     * A temporary directory is created owner-only (rwx------); once moved into place it is the published report
     * folder, which colleagues must be able to read. Give it the permissions of the folder it is published into.
     */
    private static void readableLikeItsParent(Path dir, Path parent) throws IOException {
        if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(dir, Files.getPosixFilePermissions(parent));
        }
    }

    private static final Mover ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(AtomicReportFolder.class.getName());

    private AtomicReportFolder() {
    }

    /**
     * Creates or replaces the folder {@code target} with what {@code writeInto} writes into an empty temporary
     * folder; the parent folder is created if needed.
     */
    public static void publish(Path target, IoConsumer<Path> writeInto) throws IOException {
        publish(target, writeInto, ATOMIC);
    }

    static void publish(Path target, IoConsumer<Path> writeInto, Mover mover) throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        Path parent = dest.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("cannot publish to a file-system root: " + target);
        }
        String name = dest.getFileName().toString();
        Files.createDirectories(parent);
        recover(dest, mover);

        Path tmp = Files.createTempDirectory(parent, tmpPrefix(name));
        try {
            readableLikeItsParent(tmp, parent);
            writeInto.accept(tmp);
            syncTree(tmp);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(tmp, e);
            throw e;
        }

        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            Path old = freshSibling(parent, oldPrefix(name));
            try {
                mover.move(dest, old);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp, e);
                throw e;
            }
            try {
                mover.move(tmp, dest);
            } catch (IOException | RuntimeException e) {
                try {
                    mover.move(old, dest);
                } catch (IOException | RuntimeException back) {
                    e.addSuppressed(back);
                }
                deleteQuietly(tmp, e);
                throw e;
            }
            syncDirectory(parent);
            try {
                deleteTree(old);
            } catch (IOException e) {
                // the new report is in place; the next publish removes what is left of the old one
                LOG.log(System.Logger.Level.WARNING, "published " + dest + " but could not delete " + old, e);
            }
        } else {
            try {
                mover.move(tmp, dest);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp, e);
                throw e;
            }
            syncDirectory(parent);
        }
    }

    static String tmpPrefix(String name) {
        return "." + name + ".tmp-";
    }

    static String oldPrefix(String name) {
        return "." + name + ".old-";
    }

    /**
     * Undoes what a crashed publish left: puts the newest orphaned old folder back where the target is missing, and
     * deletes leftover temporary and old folders.
     */
    private static void recover(Path dest, Mover mover) throws IOException {
        Path parent = dest.getParent();
        String name = dest.getFileName().toString();
        List<Path> olds = siblings(parent, oldPrefix(name));
        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS) && !olds.isEmpty()) {
            Path newest = olds.get(0);
            for (Path p : olds) {
                if (Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0) {
                    newest = p;
                }
            }
            LOG.log(System.Logger.Level.WARNING, "restoring " + dest + " from " + newest
                    + ", left by an interrupted publish");
            mover.move(newest, dest);
            olds.remove(newest);
        }
        List<Path> stale = new ArrayList<>(olds);
        stale.addAll(siblings(parent, tmpPrefix(name)));
        for (Path p : stale) {
            LOG.log(System.Logger.Level.INFO, "removing " + p + ", left by an interrupted publish");
            deleteTree(p);
        }
    }

    private static List<Path> siblings(Path parent, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            ds.forEach(out::add);
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static Path freshSibling(Path parent, String prefix) {
        while (true) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    /**
     * Flushes every file written, so that after a crash the renamed folder never holds files whose contents were
     * still in cache. Best effort where the platform cannot (fsync through a read-only handle fails on Windows).
     */
    private static void syncTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                        ch.force(true);
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.DEBUG, "cannot flush " + file, e);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                syncDirectory(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Makes a directory's entries durable where the platform allows it (Linux, macOS; not Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported for directories here; the rename itself is still atomic
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path root, Throwable cause) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
