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

    /**
     * Zero-length entries, deflated (with a data descriptor, as the JDK writes them) and stored, and a data descriptor
     * without its optional signature (which the format allows and the stream reader reads): the same entries.
     */
    @Test
    void emptyEntriesAndADescriptorWithoutItsSignature() throws IOException {
        Path empty = dir.resolve("empty.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
            zip.putNextEntry(new ZipEntry("deflated.xml"));
            ZipEntry stored = new ZipEntry("stored.xml");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(0);
            stored.setCompressedSize(0);
            stored.setCrc(0);
            zip.putNextEntry(stored);
            zip.putNextEntry(new ZipEntry("last.xml"));
            zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(plain(empty)).isEqualTo(streamed(empty))
                .containsExactly("deflated.xml=" + Arrays.hashCode(new byte[0]), "stored.xml=" + Arrays.hashCode(new byte[0]),
                        "last.xml=" + Arrays.hashCode("<a/>".getBytes(StandardCharsets.UTF_8)));

        // the JDK writes each descriptor with its signature (PK 7 8); the same archive without them
        byte[] bytes = Files.readAllBytes(empty);
        java.io.ByteArrayOutputStream cut = new java.io.ByteArrayOutputStream();
        int signatures = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (i + 4 <= bytes.length && bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 7 && bytes[i + 3] == 8) {
                i += 3;
                signatures++;
            } else {
                cut.write(bytes[i]);
            }
        }
        assertThat(signatures).isEqualTo(2);
        Path unsigned = dir.resolve("unsigned.zip");
        Files.write(unsigned, cut.toByteArray());
        assertThat(plain(unsigned)).isEqualTo(streamed(unsigned)).isEqualTo(plain(empty));
    }

    /** A stored entry with a data descriptor (no size before the data) is left to the stream reader, which reads it. */
    @Test
    void aStoredEntryWithADescriptorIsLeftToTheStreamReader() throws IOException {
        Path file = zip("stored.zip", "a.xml", "<a/>".getBytes(StandardCharsets.UTF_8), e -> { });
        byte[] bytes = Files.readAllBytes(file);
        // rewrite the deflated entry as stored with a descriptor: method 0, the data as is
        byte[] data = "<a/>".getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] local = Arrays.copyOf(bytes, 30 + 5);
        local[8] = 0;                                     // method: stored
        local[9] = 0;
        out.writeBytes(local);
        out.writeBytes(data);
        out.writeBytes(new byte[] {'P', 'K', 7, 8});
        out.writeBytes(le32(crc.getValue()));
        out.writeBytes(le32(data.length));
        out.writeBytes(le32(data.length));
        int central = 0;                                  // the central directory as the JDK wrote it (its offsets
        while (u16(bytes, central) != 0x4b50 || u16(bytes, central + 2) != 0x0201) {   // are not read by either)
            central++;
        }
        out.write(bytes, central, bytes.length - central);
        Path storedWithDescriptor = dir.resolve("stored-descriptor.zip");
        Files.write(storedWithDescriptor, out.toByteArray());

        assertThat(u16(local, 6) & 8).isEqualTo(8);
        assertThat(PlainZip.entries(storedWithDescriptor, WorkbookFiles.MAX_EXPANDED_BYTES)).isNull();
        assertThat(streamed(storedWithDescriptor)).containsExactly("a.xml=" + Arrays.hashCode(data));
    }

    /** Stored parts count towards the limit on all parts together, as deflated ones do: the stream reader words it. */
    @Test
    void aStoredPartBeyondTheLimitOnAllPartsIsLeftToTheStreamReader() throws IOException {
        byte[] raw = {1, 2, 3, 4, 5};
        CRC32 crc = new CRC32();
        crc.update(raw);
        Path file = zip("stored-limit.zip", "xl/media/a.bin", raw, e -> {
            e.setMethod(ZipEntry.STORED);
            e.setSize(raw.length);
            e.setCompressedSize(raw.length);
            e.setCrc(crc.getValue());
        });

        assertThat(PlainZip.entries(file, 5)).hasSize(1);
        assertThat(PlainZip.entries(file, 4)).isNull();
        assertThat(WorkbookParts.read(file, 4).problem()).startsWith("the workbook expands to more than");
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static int u16(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
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
