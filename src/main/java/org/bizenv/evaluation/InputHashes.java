package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of every file a run reads, and the restart fingerprint made of them ({@link Fingerprint#of}), computed
 * once: the run hashes its inputs before the job starts to find out whether it restarts a failed run, and the intake
 * lists the same hashes on the Sources sheet. Hashing the inputs twice cost a cold run 0.05–0.1 s (3 MB of survey a
 * year, hashed by code the JIT has not optimised yet), on the intake's path.
 *
 * <p>The hashes are those of the files when the run started; the job's instance is named by them, and the report
 * says which inputs it is the report of. A file that is not among them (or a run without them) is hashed when asked.
 *
 * @param fingerprint the restart fingerprint over {@code files} in the run's order
 * @param files       each input file's SHA-256, by its absolute, normalised path (files that were absent: none)
 */
public record InputHashes(String fingerprint, Map<Path, String> files) {

    /** None known: every file is hashed when asked. */
    public static final InputHashes NONE = new InputHashes(null, Map.of());

    public InputHashes {
        files = Map.copyOf(files);
    }

    /** Hashes the files (those that exist) and their fingerprint, as {@link Fingerprint#of} defines it. */
    public static InputHashes of(List<Path> inputs) {
        Map<Path, String> files = new HashMap<>();
        String fingerprint = Fingerprint.of(inputs, p -> files.computeIfAbsent(p, Fingerprint::sha256));
        return new InputHashes(fingerprint, files);
    }

    /** The file's SHA-256: as it was hashed for the fingerprint, else now. */
    public String sha256(Path file) {
        String known = files.get(file.toAbsolutePath().normalize());
        return known != null ? known : Fingerprint.sha256(file);
    }
}
