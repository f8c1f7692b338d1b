package org.bizenv.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 of files and folders: for the Sources sheet, and to tell a restart (same inputs) from a new run. */
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
     * One hash over several files and folders: each regular file's path (relative to its root) and content hash,
     * in sorted order, so the result does not depend on the order the file system lists them. Missing roots count
     * as absent, so a missing folder is reported by the job, not here.
     */
    public static String of(List<Path> roots) {
        MessageDigest md = digest();
        for (Path root : roots) {
            if (root == null) {
                md.update((byte) 0);
                continue;
            }
            md.update(root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path f : files(root)) {
                md.update(root.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(HexFormat.of().parseHex(sha256(f)));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static List<Path> files(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> out = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
