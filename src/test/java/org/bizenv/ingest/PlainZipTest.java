package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlainZip} against the zip stream reader it stands in for (commons-compress, as {@link WorkbookParts} and POI
 * read a package): the same entries, names and bytes where it reads an archive, and null (the stream reader reads it
 * as before, limits included) for anything else.
 */
class PlainZipTest {

    @TempDir
    Path dir;

    /** The entries as the stream reader gives them: "name=bytes' SHA" in file order. */
    private static List<String> streamed(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new BufferedInputStream(Files.newInputStream(file)),
                "UTF-8", false, true)) {
            for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.add(e.getName() + "=" + Arrays.hashCode(zip.readAllBytes()));
            }
        }
        return out;
    }

    private static List<String> plain(Path file) throws IOException {
        List<PlainZip.Entry> entries = PlainZip.entries(file, WorkbookFiles.MAX_EXPANDED_BYTES);
        assertThat(entries).as(file.toString()).isNotNull();
        return entries.stream().map(e -> e.name() + "=" + Arrays.hashCode(e.bytes())).toList();
    }

    @Test
    void everyWorkbookOfTheSampleUnzipsAsTheStreamReaderUnzipsIt() throws IOException {
        List<Path> books;
        try (Stream<Path> files = Files.walk(Path.of("sample-data"))) {
            books = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(books).hasSizeGreaterThan(70);
        for (Path book : books) {
            assertThat(plain(book)).as(book.toString()).isEqualTo(streamed(book)).hasSizeGreaterThan(5);
        }
    }

    @Test
    void theJdksArchivesDeflatedWithDescriptorsAndStoredToo() throws IOException {
        Path file = dir.resolve("jdk.zip");
        StringBuilder cells = new StringBuilder("<a>");
        java.util.Random random = new java.util.Random(7);
        while (cells.length() < 150_000) {               // beyond the zip-bomb check's grace, compressing as a sheet
            cells.append("<c r=\"B").append(random.nextInt(100_000)).append("\"><v>").append(random.nextDouble())
                    .append("</v></c>");
        }
        byte[] text = cells.append("北京</a>").toString().getBytes(StandardCharsets.UTF_8);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(text);
            ZipEntry stored = new ZipEntry("xl/media/stored.bin");
            stored.setMethod(ZipEntry.STORED);
            byte[] raw = {1, 2, 3, 4, 5};
            CRC32 crc = new CRC32();
            crc.update(raw);
            stored.setSize(raw.length);
            stored.setCompressedSize(raw.length);
            stored.setCrc(crc.getValue());
            zip.putNextEntry(stored);
            zip.write(raw);
            zip.putNextEntry(new ZipEntry("empty.xml"));
        }

        assertThat(plain(file)).isEqualTo(streamed(file)).hasSize(3);
    }

    @Test
    void anythingElseIsLeftToTheStreamReader() throws IOException {
        // an extra field (here the JDK's extended time stamp), a name in other letters, a part near the zip-bomb
        // ratio (200 KB of one letter), a byte beyond the archive's end
        Path extra = zip("extra.zip", "a.xml", "<a/>".getBytes(StandardCharsets.UTF_8), e -> e.setLastModifiedTime(
                java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L)));
        Path name = zip("name.zip", "数据.xml", "<a/>".getBytes(StandardCharsets.UTF_8), e -> { });
        Path bomb = zip("bomb.zip", "a.xml", new byte[200_000], e -> { });
        Path cut = dir.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(zip("whole.zip", "a.xml", "<a/>".getBytes(StandardCharsets.UTF_8), e -> { }));
        Files.write(cut, Arrays.copyOf(whole, 40));

        for (Path file : List.of(extra, name, bomb, cut)) {
            assertThat(PlainZip.entries(file, WorkbookFiles.MAX_EXPANDED_BYTES)).as(file.toString()).isNull();
        }
        // the stream reader still reads them, and the zip bomb is refused in bizenv's words
        assertThat(WorkbookParts.read(bomb, WorkbookFiles.MAX_EXPANDED_BYTES).problem())
                .startsWith("its part a.xml expands to more than 100 times its compressed size, the limit");
        // beyond the limit on all parts together: the stream reader words it
        assertThat(PlainZip.entries(extra.resolveSibling("whole.zip"), 3)).isNull();
        assertThat(WorkbookParts.read(whole(), 3).problem()).startsWith("the workbook expands to more than");
    }

    private Path whole() {
        return dir.resolve("whole.zip");
    }

    private Path zip(String file, String entry, byte[] bytes, java.util.function.Consumer<ZipEntry> setUp)
            throws IOException {
        Path path = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(path); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e = new ZipEntry(entry);
            setUp.accept(e);
            zip.putNextEntry(e);
            zip.write(bytes);
        }
        return path;
    }
}
