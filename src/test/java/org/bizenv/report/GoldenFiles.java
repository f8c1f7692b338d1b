package org.bizenv.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

/**
 * Approval testing of written workbooks (the city cards, the Excel report): what a writer writes for a case is
 * compared with the case's golden file in the {@code golden/} folder beside a test class's package, part by part and
 * then byte for byte, so a failure names the part, the offset and line of the first differing byte, and the text
 * around it on both sides. The golden files are whole {@code .xlsx} packages, not their parts unzipped: the test needs
 * the zip's own bytes (entry order, times, compression) to prove the file is byte-identical, a package is a few
 * kilobytes where its parts are several times that, and each part is one long line of XML, so a text diff of them
 * would not read better than this class's message.
 *
 * <p>With the system property given to the constructor set to {@code true}, the cases' golden files are rewritten
 * from the current writer instead (the README beside them says when and how), and the check fails to say so: a run
 * that rewrites its own expectations has checked nothing.
 */
public final class GoldenFiles {

    private static final int CONTEXT = 60;

    private final Class<?> anchor;
    private final String what;
    private final String regenerate;
    /** Where the golden files live in the source tree (Maven runs the tests in the project's folder). */
    private final Path source;

    /**
     * @param anchor     a test class whose package holds the {@code golden/} resource folder
     * @param what       what the files are, for messages ("card workbooks")
     * @param regenerate the system property that rewrites the golden files
     */
    public GoldenFiles(Class<?> anchor, String what, String regenerate) {
        this.anchor = anchor;
        this.what = what;
        this.regenerate = regenerate;
        this.source = Path.of("src/test/resources", anchor.getPackageName().replace('.', '/'), "golden");
    }

    /** Compares each case's written bytes with its golden file; every difference is reported, not only the first. */
    public void check(Map<String, byte[]> written) throws IOException {
        boolean rewrite = Boolean.getBoolean(regenerate);
        List<String> failures = new ArrayList<>();
        for (var e : written.entrySet()) {
            if (rewrite) {
                var file = source.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
                continue;
            }
            String difference = difference(golden(e.getKey()), e.getValue());
            if (difference != null) {
                failures.add(e.getKey() + ": " + difference);
            }
        }
        if (rewrite) {
            throw new AssertionError("rewrote " + written.size() + " golden file(s) in " + source.toAbsolutePath()
                    + " from the current writer; review them (git diff --stat), then run without -D" + regenerate);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + written.size() + " " + what + " are not their golden"
                    + " files (if they changed on purpose, see golden/README.md):\n" + String.join("\n", failures));
        }
    }

    /** The golden file's bytes as the test classpath has them, or null when there is none. */
    public byte[] golden(String name) throws IOException {
        try (var in = anchor.getResourceAsStream("golden/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The golden files on the test classpath, as paths below {@code golden/}. */
    public List<String> files() throws IOException, URISyntaxException {
        var url = anchor.getResource("golden");
        if (url == null) {
            return List.of();
        }
        var root = Path.of(url.toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".xlsx"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    /** Why {@code written} is not {@code golden}, or null when it is, byte for byte. */
    public String difference(byte[] golden, byte[] written) throws IOException {
        if (golden == null) {
            return "no golden file (write it with -D" + regenerate + "=true, see golden/README.md)";
        }
        if (Arrays.equals(golden, written)) {
            return null;
        }
        var expected = parts(golden);
        var actual = parts(written);
        if (!List.copyOf(actual.keySet()).equals(List.copyOf(expected.keySet()))) {
            return "the parts differ: golden " + expected.keySet() + ", written " + actual.keySet();
        }
        for (var e : expected.entrySet()) {
            byte[] g = e.getValue();
            byte[] w = actual.get(e.getKey());
            int at = Arrays.mismatch(g, w);
            if (at >= 0) {
                int line = 1;
                for (int i = 0; i < at; i++) {
                    line += g[i] == '\n' ? 1 : 0;
                }
                return "part " + e.getKey() + " differs at offset " + at + " (line " + line + ", golden " + g.length
                        + " bytes, written " + w.length + ")\n  golden:  …" + around(g, at) + "…\n  written: …"
                        + around(w, at) + "…";
            }
        }
        return "the parts are the same but the zip around them is not, from offset "
                + Arrays.mismatch(golden, written) + " (entry order, times, flags or compression)";
    }

    private static String around(byte[] b, int at) {
        int from = Math.max(0, at - CONTEXT);
        int to = Math.min(b.length, at + CONTEXT);
        return new String(b, from, to - from, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The package's parts in order, by name. */
    public static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (out.put(e.getName(), zip.readAllBytes()) != null) {
                    throw new IOException("part " + e.getName() + " twice in one package");
                }
            }
        }
        return out;
    }
}
