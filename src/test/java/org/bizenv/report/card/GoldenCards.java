package org.bizenv.report.card;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

/**
 * Approval testing of the card workbooks: what {@link CityCardWriter} writes for a case is compared with the case's
 * golden file in {@code src/test/resources/org/bizenv/report/card/golden/}, part by part and then byte for byte, so a
 * failure names the part, the offset and line of the first differing byte, and the text around it on both sides.
 * The golden files are whole {@code .xlsx} packages, not their parts unzipped: the test needs the zip's own bytes
 * (entry order, times, compression) to prove the file is byte-identical, a package is a few kilobytes where its parts
 * are several times that, and each part is one long line of XML, so a text diff of them would not read better than
 * this class's message.
 *
 * <p>With {@code -Dbizenv.cards.regenerate=true} the cases' golden files are rewritten from the current writer
 * instead (the README beside them says when and how), and the test fails to say so: a run that rewrites its own
 * expectations has checked nothing.
 */
final class GoldenCards {

    static final String REGENERATE = "bizenv.cards.regenerate";
    /** Where the golden files live in the source tree (Maven runs the tests in the project's folder). */
    private static final Path SOURCE = Path.of("src/test/resources/org/bizenv/report/card/golden");
    private static final int CONTEXT = 60;

    private GoldenCards() {
    }

    /** The cards of one workbook and the time it is stamped with. */
    record Book(List<CityCard> cards, Instant time) {
    }

    /** Every card alone ({@code folder/<unit>.xlsx}) and all of them in one book ({@code folder/cities.xlsx}). */
    static void each(String folder, List<CityCard> cards, Instant time, Map<String, Book> into) {
        for (var card : cards) {
            into.put(folder + "/" + card.unit() + ".xlsx", new Book(List.of(card), time));
        }
        into.put(folder + "/cities.xlsx", new Book(cards, time));
    }

    /** Writes each book and compares it with its golden file; every difference is reported, not only the first. */
    static void check(Map<String, Book> books) throws IOException {
        boolean regenerate = Boolean.getBoolean(REGENERATE);
        List<String> failures = new ArrayList<>();
        for (var e : books.entrySet()) {
            byte[] written = written(e.getValue());
            if (regenerate) {
                var file = SOURCE.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, written);
                continue;
            }
            String difference = difference(golden(e.getKey()), written);
            if (difference != null) {
                failures.add(e.getKey() + ": " + difference);
            }
        }
        if (regenerate) {
            throw new AssertionError("rewrote " + books.size() + " golden file(s) in " + SOURCE.toAbsolutePath()
                    + " from the current writer; review them (git diff --stat), then run without -D" + REGENERATE);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " of " + books.size() + " card workbooks are not their golden"
                    + " files (if the layout changed on purpose, see golden/README.md):\n" + String.join("\n",
                            failures));
        }
    }

    static byte[] written(Book book) throws IOException {
        var out = new ByteArrayOutputStream();
        new CityCardWriter().write(book.cards(), book.time().toString(), out);
        return out.toByteArray();
    }

    /** The golden file's bytes as the test classpath has them, or null when there is none. */
    static byte[] golden(String name) throws IOException {
        try (var in = GoldenCards.class.getResourceAsStream("golden/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The golden files on the test classpath, as paths below {@code golden/}. */
    static List<String> files() throws IOException, URISyntaxException {
        var url = GoldenCards.class.getResource("golden");
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
    static String difference(byte[] golden, byte[] written) throws IOException {
        if (golden == null) {
            return "no golden file (write it with -D" + REGENERATE + "=true, see golden/README.md)";
        }
        if (Arrays.equals(golden, written)) {
            return null;
        }
        var expected = parts(golden);
        var actual = parts(written);
        if (!actual.keySet().stream().toList().equals(expected.keySet().stream().toList())) {
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
    static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
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
