package org.bizenv.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/** SHA-256 of files: for the Sources sheet, and to tell a restart (same inputs) from a new run. */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String sha256(Path file) {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * One hash over the given files, in the given order: each file's absolute path and content hash. A file that does
     * not exist (or is not a regular file) counts as absent, so that it appearing changes the hash; the job reports it
     * missing, not this. Only these files count: nothing else in their folders (a job repository or reports kept
     * beside the framework file) changes the hash.
     */
    public static String of(List<Path> files) {
        return of(files, Fingerprint::sha256);
    }

    /** As {@link #of(List)}, each existing file's content hash given by {@code sha256} (of its absolute, normalised path). */
    static String of(List<Path> files, Function<Path, String> sha256) {
        MessageDigest md = digest();
        for (Path f : files) {
            Path p = f.toAbsolutePath().normalize();
            md.update(p.toString().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            if (Files.isRegularFile(p)) {
                md.update((byte) 1);
                md.update(HexFormat.of().parseHex(sha256.apply(p)));
            } else {
                md.update((byte) 2);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
