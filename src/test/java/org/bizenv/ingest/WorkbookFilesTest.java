package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.util.RecordFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks that would unzip to more than bizenv reads safely are refused in bizenv's words, naming the file and the
 * limit, not in POI's ("open an issue on bugzilla", "ZipSecureFile.setMinInflateRatio()"). The bad files are built
 * here, small on disk.
 */
class WorkbookFilesTest {

    @TempDir
    Path dir;
    final Problems problems = new Problems();

    private Path returnWorkbook(String name) {
        return TestFiles.returnWorkbook(dir.resolve("returns/" + name), "Wuhan", new Object[] {"R01", "x", "days", 3});
    }

    @Test
    void aPartThatExpandsMoreThanAHundredTimesIsAZipBomb() throws IOException {
        Path book = TestFiles.pad(returnWorkbook("wuhan.xlsx"), "xl/worksheets/sheet1.xml", 20_000_000, false);
        assertThat(Files.size(book)).isLessThan(100_000);          // 20 MB of spaces in under 100 kB

        assertThat(Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/wuhan.xlsx: its part "
                + "xl/worksheets/sheet1.xml expands to more than 100 times its compressed size, the limit; bizenv "
                + "refuses such files as possible zip bombs: open the file in Excel and save it again, or ask whoever "
                + "sent it for a new copy");
    }

    @Test
    void aWorkbookThatExpandsToMoreThan100MbIsRefusedWithTheLimit() {
        // past POI's byte-array limit for one part (100,000,000 bytes), but only ~30 times its compressed size
        TestFiles.pad(returnWorkbook("wuhan.xlsx"), "xl/worksheets/sheet1.xml", 100_000_001, true);

        assertThat(Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/wuhan.xlsx: the workbook expands to "
                + "more than 100 MB (100,000,000 bytes) when unzipped, the limit; bizenv refuses larger ones, which may "
                + "be zip bombs: remove what the data do not need (other sheets, images) and save it again, or split "
                + "it into several files");
    }

    @Test
    void aWorkbookOfMoreThanAThousandPartsIsRefused() throws IOException {
        Path book = returnWorkbook("wuhan.xlsx");
        Path many = dir.resolve("returns/many.xlsx");
        try (var in = new java.util.zip.ZipFile(book.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
            }
            for (int i = 0; i < 1000; i++) {
                out.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
            }
        }

        assertThat(Tables.openWorkbook(dir, "returns/many.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/many.xlsx: the workbook has more than "
                + "1,000 parts (sheets, styles, images…), the limit; bizenv refuses such files as possible zip bombs: "
                + "open the file in Excel and save it again, or ask whoever sent it for a new copy");
    }

    @Test
    void poisOwnLimitsAreSaidInBizenvsWords() {
        String bomb = WorkbookFiles.cannotOpen(new IOException("Zip bomb detected! The file would exceed the max. "
                + "ratio of compressed file size to the size of the expanded data. You can adjust this limit via "
                + "ZipSecureFile.setMinInflateRatio()"));
        String array = WorkbookFiles.cannotOpen(new IOException("wrapped", new RecordFormatException("Tried to "
                + "allocate an array of length 101,003,358, but the maximum length for this record type is "
                + "100,000,000. If the file is not corrupt and not large, please open an issue on bugzilla to request"
                + " increasing the maximum allowable size for this record type. You can set a higher override value "
                + "with IOUtils.setByteArrayMaxOverride()")));
        String expected = "the workbook expands beyond what bizenv reads safely (more than 100 MB (100,000,000 "
                + "bytes), or more than 100 times its compressed size); bizenv refuses such files as possible zip "
                + "bombs: open the file in Excel and save it again, or ask whoever sent it for a new copy";
        assertThat(bomb).isEqualTo(expected);
        assertThat(array).isEqualTo(expected);
        assertThat(WorkbookFiles.cannotOpen(new IOException("Truncated ZIP file")))
                .isEqualTo("not an Excel workbook (.xlsx): the file is damaged (Truncated ZIP file)");
    }

    @Test
    void anOrdinaryWorkbookOpens() {
        returnWorkbook("wuhan.xlsx");
        Table t = Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(t.cell(4, 4).asNumber()).isEqualTo(ParsedNumber.number(3));
    }

}
