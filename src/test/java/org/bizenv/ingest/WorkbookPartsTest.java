package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workbooks as Excel (and POI) write them are read from their parts directly ({@link WorkbookParts}); any other
 * package goes to POI's OPC layer, so that what it reads, and how it words a damaged file, stay POI's.
 */
class WorkbookPartsTest {

    @TempDir
    Path dir;
    final Problems problems = new Problems();

    private Path returnWorkbook(String name) {
        return TestFiles.returnWorkbook(dir.resolve("returns/" + name), "Wuhan", new Object[] {"R01", "x", "days", 3});
    }

    private static WorkbookParts.Read read(Path file) {
        return WorkbookParts.read(file, WorkbookFiles.MAX_EXPANDED_BYTES);
    }

    @Test
    void aWorkbookAsPoiWritesItIsReadFromItsParts() {
        WorkbookParts.Read read = read(returnWorkbook("wuhan.xlsx"));

        assertThat(read.problem()).isNull();
        assertThat(read.parts()).isNotNull();
        assertThat(read.parts().relationships("")).extracting(WorkbookParts.Relationship::type,
                WorkbookParts.Relationship::target).contains(org.assertj.core.groups.Tuple.tuple(
                WorkbookParts.OFFICE_DOCUMENT, "xl/workbook.xml"));
        assertThat(read.parts().contentType("xl/workbook.xml"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    }

    @Test
    void everyWorkbookOfTheSampleIsReadFromItsParts() throws IOException {
        List<Path> books;
        try (Stream<Path> files = Files.walk(Path.of("sample-data"))) {
            books = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(books).hasSizeGreaterThan(70);
        for (Path book : books) {
            assertThat(read(book).parts()).as(book.toString()).isNotNull();
        }
    }

    @Test
    void targetsRelativeToTheSourcePartOrAbsoluteLeadToTheSamePart() {
        Path book = TestFiles.rewritePart(returnWorkbook("wuhan.xlsx"), "xl/_rels/workbook.xml.rels",
                xml -> xml.replace("Target=\"worksheets/sheet1.xml\"", "Target=\"/xl/worksheets/../worksheets/sheet1.xml\"")
                        .replace("Target=\"sharedStrings.xml\"", "Target=\"./sharedStrings.xml\""));
        assertThat(read(book).parts()).isNotNull();

        Table t = Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(t.cell(1, 2).text()).isEqualTo("Wuhan");
        assertThat(t.cell(4, 4).asNumber()).isEqualTo(ParsedNumber.number(3));
    }

    @Test
    void sharedStringsFoundOnlyByTheirContentTypeAreFoundAsPoiFindsThem() {
        TestFiles.rewritePart(returnWorkbook("wuhan.xlsx"), "xl/_rels/workbook.xml.rels",
                xml -> xml.replaceAll("<Relationship [^>]*sharedStrings\"[^>]*/>", ""));

        Table t = Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(t.cell(1, 2).text()).isEqualTo("Wuhan");
    }

    @Test
    void aDamagedRelationshipPartIsWordedByPoi() {
        Path book = TestFiles.rewritePart(returnWorkbook("wuhan.xlsx"), "_rels/.rels", xml -> xml.substring(0, 60));
        assertThat(read(book)).isEqualTo(WorkbookParts.Read.HAND_TO_POI);

        assertThat(Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/wuhan.xlsx: not an Excel workbook "
                + "(.xlsx): the file is damaged (OOXML file structure broken/invalid - no core document found!)");
    }

    @Test
    void strictOoxmlIsRefusedInPoisWords() {
        TestFiles.rewritePart(returnWorkbook("wuhan.xlsx"), "_rels/.rels", xml -> xml.replace(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"));

        assertThat(Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/wuhan.xlsx: not an Excel workbook "
                + "(.xlsx): the file is damaged (Strict OOXML isn't currently supported, please see bug #57699)");
    }

    @Test
    void aPartWithoutContentTypeGoesToPoi() throws IOException {
        Path book = returnWorkbook("plain.xlsx");
        Path other = dir.resolve("returns/wuhan.xlsx");
        try (var in = new java.util.zip.ZipFile(book.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = e.nextElement();
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
            }
            out.putNextEntry(new java.util.zip.ZipEntry("xl/media/image1.png"));   // no content type for .png
            out.write(new byte[] {1, 2, 3});
        }
        book = other;

        assertThat(read(book)).isEqualTo(WorkbookParts.Read.HAND_TO_POI);
        Tables.openWorkbook(dir, "returns/wuhan.xlsx", "Data", problems);
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("returns/wuhan.xlsx: not an Excel workbook "
                + "(.xlsx): the file is damaged (org.apache.poi.openxml4j.exceptions.InvalidFormatException: The part "
                + "/xl/media/image1.png does not have any content type ! Rule: Package require content types when "
                + "retrieving a part from a package. [M.1.14])");
    }
}
