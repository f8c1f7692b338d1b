package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records FastCSV gives through {@link CsvRecords}, on the edge cases where CSV readers differ. */
class CsvRecordsTest {

    @TempDir
    Path dir;
    final Problems problems = new Problems();

    /** One record as read, with the row and line {@link CsvRecords} gave for it. */
    record Read(List<String> fields, long row, long line, String lineNote) {
    }

    private List<Read> readAll(String name, String content) {
        TestFiles.text(dir.resolve(name), content);
        return readAll(name);
    }

    private List<Read> readAll(String name) {
        List<Read> out = new ArrayList<>();
        try (CsvRecords csv = CsvRecords.open(dir, name, problems)) {
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                out.add(new Read(List.of(r), csv.row(), csv.line(), csv.lineNote()));
            }
            assertThat(csv.next()).isNull();
        }
        return out;
    }

    @Test
    void aQuotedFieldWithLineBreaksIsOneRowAndLaterRowsCountRecordsNotLines() {
        List<Read> rows = readAll("n.csv", "City,Note,S01\r\n\"Wuhan\",\"first line\r\nsecond \"\"line\"\"\nthird\",1\r\n"
                + "Xi'an,,2\r\n");
        assertThat(problems.sorted()).isEmpty();
        assertThat(rows).containsExactly(
                new Read(List.of("City", "Note", "S01"), 1, 1, ""),
                new Read(List.of("Wuhan", "first line\r\nsecond \"line\"\nthird", "1"), 2, 2, ""),
                new Read(List.of("Xi'an", "", "2"), 3, 5, " (line 5 of the file)"));
    }

    @Test
    void emptyLinesAreRowsAsInASpreadsheet() {
        List<Read> rows = readAll("e.csv", "City,S01\n\nWuhan,1\n,\n\r\nXi'an,2\n\n");
        assertThat(rows).extracting(Read::fields).containsExactly(
                List.of("City", "S01"), List.of(""), List.of("Wuhan", "1"), List.of("", ""), List.of(""),
                List.of("Xi'an", "2"), List.of(""));
        assertThat(rows).extracting(Read::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void raggedRowsAreReturnedAsTheyAreForTheCallerToJudge() {
        List<Read> rows = readAll("r.csv", "City,S01,S02\nWuhan,1\nXi'an,2,3,4,\nHefei\n");
        assertThat(rows).extracting(Read::fields).containsExactly(List.of("City", "S01", "S02"),
                List.of("Wuhan", "1"), List.of("Xi'an", "2", "3", "4", ""), List.of("Hefei"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstFieldAndCrAloneEndsALine() {
        List<Read> rows = readAll("b.csv", "\uFEFF\"City\";S01\rWuhan;1,5\r");
        assertThat(rows).extracting(Read::fields).containsExactly(List.of("City", "S01"), List.of("Wuhan", "1,5"));
        assertThat(readAll("only-bom.csv", "\uFEFF")).isEmpty();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void textAfterAClosingQuoteIsKeptAndAQuoteInsideAnUnquotedFieldIsText() {
        List<Read> rows = readAll("t.csv", "A,B,C\n\"Xi'an\" ,15\" screen,\"a\"b\n");
        assertThat(rows.get(1).fields()).containsExactly("Xi'an ", "15\" screen", "ab");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aQuoteLeftOpenIsReportedAtItsCellWithTheLineItOpensOnAndTheRestOfTheFileIsItsText() {
        List<Read> rows = readAll("q.csv", "City,Note,S01\n\"Wuhan\",\"two\nlines\",1\nXi'an,x,\"12\nHefei,y,\"\"3\"\"\n");
        assertThat(rows).extracting(Read::fields).containsExactly(List.of("City", "Note", "S01"),
                List.of("Wuhan", "two\nlines", "1"), List.of("Xi'an", "x", "12\nHefei,y,\"3\"\n"));
        assertThat(rows.get(2).row()).isEqualTo(3);
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("q.csv!C3: quoted field without a closing quote:"
                + " the rest of the file was read into this cell (line 4 of the file)");
    }

    @Test
    void aQuoteLeftOpenRightAfterAnEscapedQuoteIsStillOpen() {
        List<Read> rows = readAll("q.csv", "A,B\n1,\"x\"\"");
        assertThat(rows.get(1).fields()).containsExactly("1", "x");
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "q.csv!B2: quoted field without a closing quote: the rest of the file was read into this cell");
    }

    @Test
    void aRecordBeyondTheLimitsIsReportedAndEndsTheFile() {
        String tooWide = "x" + ",".repeat(16_384);
        TestFiles.text(dir.resolve("wide.csv"), "A\n1\n" + tooWide + "\n2\n");
        List<Read> rows;
        try (CsvRecords csv = CsvRecords.open(dir, "wide.csv", problems)) {
            rows = new ArrayList<>();
            for (String[] r = csv.next(); r != null; r = csv.next()) {
                rows.add(new Read(List.of(r), csv.row(), csv.line(), csv.lineNote()));
            }
            assertThat(csv.failed()).isTrue();
        }
        assertThat(rows).extracting(Read::fields).containsExactly(List.of("A"), List.of("1"));
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("wide.csv: row 3 is too long to read (over 16,384"
                + " fields, or a field over 16 million characters: is a quote left open?); reading stopped there");
        assertThat(Tables.open(dir, "wide.csv", null, new Problems())).isNull();
    }

    @Test
    void theRowOfTheFirstByteThatIsNotUtf8CountsRecordsWhileStreaming() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("City,Note\n\"Wuhan\",\"a\nb\"\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 7000; i++) {
            bytes.writeBytes("Wuhan,1234\n".getBytes(StandardCharsets.UTF_8));   // 77,000 bytes: past the first 64 KiB
        }
        int offset = bytes.size();
        bytes.writeBytes("西安,c\n".getBytes(Charset.forName("GB18030")));
        TestFiles.bytes(dir.resolve("g.csv"), bytes.toByteArray());
        long rows = 0;
        try (CsvRecords csv = CsvRecords.open(dir, "g.csv", problems)) {
            assertThat(csv.encoding()).isEqualTo(TextEncoding.UTF_8);
            while (csv.next() != null) {
                rows++;
            }
            assertThat(csv.failed()).isTrue();
        }
        assertThat(rows).isEqualTo(7002);
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("g.csv: not valid UTF-8 text (row 7003, byte "
                + offset + "), the encoding of its first 64 KiB: save the file as \"CSV UTF-8\"");
    }

    @Test
    void theRowOfTheFirstByteThatIsNotUtf8InTheFirstBytesCountsRecordsToo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("City,Note\n\"Wuhan\",\"a\nb\"\n".getBytes(StandardCharsets.UTF_8));
        int offset = bytes.size();
        bytes.writeBytes("西安,c\n".getBytes(Charset.forName("GB18030")));
        TestFiles.bytes(dir.resolve("g.csv"), bytes.toByteArray());

        assertThat(CsvRecords.open(dir, "g.csv", problems)).isNull();
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("g.csv: not valid UTF-8 text (row 3, byte "
                + offset + "), and read as GB18030 nothing is known of its header to confirm that; tried UTF-8 and"
                + " GB18030: save the file as \"CSV UTF-8\" (or, if it is GB18030 text, state 'encoding: gb18030' on"
                + " its source)");
    }

    @Test
    void aHeaderLongerThanTheReadAheadBufferKeepsAllItsFieldsAndTheRecordsAfterIt() {
        StringBuilder header = new StringBuilder("\"City\"");
        for (int i = 0; i < 15_999; i++) {
            header.append('\t').append("Q").append(i);
        }
        List<Read> rows = readAll("long.csv", header + "\nWuhan\t\"a\tb\"\n");
        assertThat(rows.get(0).fields()).hasSize(16_000).startsWith("City", "Q0").endsWith("Q15998");
        assertThat(rows.get(1).fields()).containsExactly("Wuhan", "a\tb");
    }
}
