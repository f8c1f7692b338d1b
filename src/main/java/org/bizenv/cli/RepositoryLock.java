package org.bizenv.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.evaluation.StorageFaults;

/**
 * One run at a time per job repository. Two runs on one repository would share its H2 file and working data sets;
 * the second used to die deep inside Spring ("Database may be already in use"). So a run takes an exclusive lock on
 * {@code <repository>/lock} before Spring starts and holds it to the end; the file says who holds it (pid, start
 * time, command) so that the run turned away can say so. The operating system releases the lock when the holder
 * exits, however it exits: a lock file left behind by a run that died is simply taken over.
 */
final class RepositoryLock implements AutoCloseable {

    static final String FILE = "lock";

    /** Why the repository cannot be used by this run, in words for a person. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RepositoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates the repository folder if needed and locks it for this process.
     *
     * @param command what this run is, as the lock file will name it to a run turned away
     * @throws Refused when another run holds the repository, or the folder cannot be created or written
     */
    static RepositoryLock acquire(Path repository, String command) throws Refused {
        Path dir = repository.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Refused("Cannot create the job repository folder " + dir + ": " + kind(e) + inTheWay(dir)
                    + ". Give --repository a folder that can be created and written.");
        }
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Refused("Cannot write in the job repository folder " + dir + " (creating " + file + "): "
                    + kind(e) + ". Give --repository a folder that can be written.");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;                                   // held by another run in this same process
        } catch (IOException e) {
            close(channel);
            throw new Refused("Cannot lock the job repository " + dir + " (" + file + "): " + kind(e) + ".");
        }
        if (lock == null) {
            close(channel);
            throw new Refused(busy(dir, holder(file)));
        }
        try {
            byte[] who = ("pid=" + ProcessHandle.current().pid() + "\nsince="
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\ncommand=" + command.replace('\n', ' ')
                    + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
            channel.force(false);
        } catch (IOException e) {
            close(channel);
            throw new Refused("Cannot write " + file + " in the job repository folder: " + kind(e) + ".");
        }
        return new RepositoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        close(channel);
    }

    /** What the lock file says about its holder: pid, since, command (empty when unreadable or not written yet). */
    static Map<String, String> holder(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            // the holder's details are a courtesy: the refusal stands without them
        }
        return out;
    }

    static String busy(Path dir, Map<String, String> holder) {
        String who = holder.containsKey("pid")
                ? "process " + holder.get("pid") + ", since " + holder.getOrDefault("since", "?") + ", running: "
                        + holder.getOrDefault("command", "?")
                : "its details are not written yet";
        return "Another bizenv run is using the job repository " + dir + " (" + who + ").\n"
                + "Nothing was done. Wait until that run ends, or stop it, then run this command again; or give this "
                + "run another --repository folder.";
    }

    private static String kind(IOException e) {
        String kind = StorageFaults.kind(e);
        return kind != null ? kind : e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
    }

    /** " (X is a file)" when the nearest existing folder on the way to {@code dir} is a file. */
    private static String inTheWay(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isRegularFile(p) ? " (" + p + " is a file)" : "";
            }
        }
        return "";
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it that could be lost
        }
    }
}
