package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bizenv.ingest.TestFiles.Bool;
import org.bizenv.ingest.TestFiles.Formatted;
import org.bizenv.ingest.TestFiles.Formula;
import org.bizenv.ingest.TestFiles.Pct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

    @TempDir
    Path dir;
    final Problems problems = new Problems();

    @Test
    void readsWorkbookCellsAsNumbersTextsAndCachedFormulaResults() {
        TestFiles.xlsx(dir.resolve("t.xlsx"), "Data",
                new Object[] {"Name", "N"},
                new Object[] {"a", 12.5, new Pct(0.07), "1,234", new Formula("B2*2", true), new Formula("B2+1", false),
                        new Bool(true), new Formula("1/0", true), "  ", 101});

        Table t = Tables.open(dir, "t.xlsx", "Data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(t.file()).isEqualTo("t.xlsx");
        assertThat(t.sheet()).isEqualTo("Data");
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.cell(2, 2).asNumber()).isEqualTo(ParsedNumber.number(12.5));
        assertThat(t.cell(2, 3).asNumber()).isEqualTo(ParsedNumber.number(7));
        assertThat(t.cell(2, 3).text()).isEqualTo("7.00%");
        assertThat(t.cell(2, 4).kind()).isEqualTo(TableCell.Kind.TEXT);
        assertThat(t.cell(2, 4).asNumber()).isEqualTo(ParsedNumber.number(1234));
        assertThat(t.cell(2, 5).asNumber()).isEqualTo(ParsedNumber.number(25));
        assertThat(t.cell(2, 6).kind()).isEqualTo(TableCell.Kind.ERROR);
        assertThat(t.cell(2, 6).text()).isEqualTo("=B2+1");
        assertThat(t.cell(2, 7).asText()).isEqualTo("TRUE");
        assertThat(t.cell(2, 8).asNumber()).isEqualTo(ParsedNumber.notANumber("#DIV/0!"));
        assertThat(t.cell(2, 9).isBlank()).isTrue();
        assertThat(t.cell(2, 10).asText()).isEqualTo("101");
        assertThat(t.cell(2, 10).where()).hasToString("t.xlsx!Data!J2");
        assertThat(t.cell(9, 30).isBlank()).isTrue();
        assertThat(t.cell(9, 30).where()).hasToString("t.xlsx!Data!AD9");
    }

    @Test
    void findsSheetsIgnoringCaseAndHeadersByCodePrefix() {
        TestFiles.xlsx(dir.resolve("t.xlsx"), "数据 Data",
                new Object[] {"2024 statistics"},
                new Object[] {"City 城市", "S01 常住人口", "S02\n企业数", "S010"});
        Table t = Tables.open(dir, "t.xlsx", "数据 DATA", problems);

        assertThat(t.sheet()).isEqualTo("数据 Data");
        assertThat(t.findHeaderRow("City", 10)).isEqualTo(2);
        assertThat(t.column(2, "City", problems)).isEqualTo(1);
        assertThat(t.column(2, "s01", problems)).isEqualTo(2);
        assertThat(t.column(2, "S02", problems)).isEqualTo(3);
        assertThat(t.column(2, "S010", problems)).isEqualTo(4);
        assertThat(t.column(2, "S03", problems)).isZero();
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("t.xlsx!数据 Data: missing column 'S03'");
    }

    @Test
    void reportsARepeatedColumn() {
        TestFiles.text(dir.resolve("t.csv"), "City,S01,S01 again\n");
        Table t = Tables.open(dir, "t.csv", null, problems);
        assertThat(t.column(1, "S01", problems)).isEqualTo(2);
        assertThat(t.column(1, "S01 again", problems)).isEqualTo(3);
        TestFiles.text(dir.resolve("u.csv"), "City,S01,s01\n");
        Table u = Tables.open(dir, "u.csv", null, problems);
        assertThat(u.column(1, "S01", problems)).isEqualTo(2);
        assertThat(TestFiles.lines(problems.sorted()))
                .containsExactly("u.csv!C1: column 'S01' appears more than once (B1, C1); the first is used");
    }

    @Test
    void unusableFilesAreProblemsNotExceptions() {
        TestFiles.text(dir.resolve("csv-named.xlsx"), "City,S01\nWuhan,1\n");
        TestFiles.bytes(dir.resolve("empty.xlsx"), new byte[0]);
        TestFiles.bytes(dir.resolve("broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        TestFiles.bytes(dir.resolve("old.xls"), new byte[] {1, 2});
        TestFiles.text(dir.resolve("notes.txt"), "hello");
        TestFiles.xlsx(dir.resolve("other-sheet.xlsx"), Map.of("Sheet1", new Object[][] {{"x"}}));

        assertThat(Tables.open(dir, "csv-named.xlsx", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "empty.xlsx", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "broken.xlsx", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "old.xls", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "notes.txt", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "other-sheet.xlsx", "Data", problems)).isNull();
        assertThat(Tables.open(dir, "missing.xlsx", "Data", problems)).isNull();
        assertThat(Tables.open(dir, ".", "Data", problems)).isNull();

        assertThat(problems.sorted()).extracting(p -> p.where().toString()).containsExactly(
                ".", "broken.xlsx", "csv-named.xlsx", "empty.xlsx", "missing.xlsx", "notes.txt", "old.xls",
                "other-sheet.xlsx");
        assertThat(TestFiles.lines(problems.sorted())).contains(
                ".: not a file",
                "csv-named.xlsx: not an Excel workbook (.xlsx): the content is not a workbook (is it a text or CSV file?)",
                "empty.xlsx: not an Excel workbook (.xlsx): the file is empty",
                "missing.xlsx: file not found",
                "notes.txt: not an Excel workbook (.xlsx) or a .csv file: a .txt file",
                "old.xls: not an Excel workbook (.xlsx) or a .csv file: a .xls file; save it as .xlsx",
                "other-sheet.xlsx: missing sheet 'Data' (the workbook has: Sheet1)");
        assertThat(problems.sorted().get(1).message()).startsWith("not an Excel workbook (.xlsx): ");
    }

    @Test
    void aCsvIsNotAWorkbook() {
        TestFiles.text(dir.resolve("t.csv"), "City\n");
        TestFiles.text(dir.resolve("README"), "City\n");
        assertThat(Tables.openWorkbook(dir, "t.csv", "Data", problems)).isNull();
        assertThat(Tables.openWorkbook(dir, "README", "Data", problems)).isNull();
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "README: not an Excel workbook (.xlsx): a file without extension",
                "t.csv: not an Excel workbook (.xlsx): a .csv file");
    }

    @Test
    void readsCsvWithBomQuotesAndDetectedSeparator() {
        TestFiles.text(dir.resolve("comma.csv"),
                "\uFEFFCity,Note,S01\r\n\"Xi'an\",\"a, \"\"quoted\"\"\nnote\",\"1,234\"\r\nWuhan,,12%\r\n");
        TestFiles.text(dir.resolve("semicolon.csv"), "City;S01;S02\nWuhan;1,5;\"x;y\"\n");
        TestFiles.text(dir.resolve("tab.csv"), "City\tS01, S02\tS03\nWuhan\t1\t2\n");

        Table comma = Tables.open(dir, "comma.csv", "ignored", problems);
        Table semicolon = Tables.open(dir, "semicolon.csv", null, problems);
        Table tab = Tables.open(dir, "tab.csv", null, problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(comma.sheet()).isNull();
        assertThat(comma.texts(1)).containsExactly("City", "Note", "S01");
        assertThat(comma.cell(2, 1).text()).isEqualTo("Xi'an");
        assertThat(comma.cell(2, 2).text()).isEqualTo("a, \"quoted\"\nnote");
        assertThat(comma.cell(2, 3).asNumber().value()).isEqualTo(1234);
        assertThat(comma.cell(3, 2).isBlank()).isTrue();
        assertThat(comma.cell(3, 3).asNumber().value()).isEqualTo(12);
        assertThat(comma.cell(3, 3).where()).hasToString("comma.csv!C3");
        assertThat(comma.rowCount()).isEqualTo(3);
        assertThat(semicolon.texts(2)).containsExactly("Wuhan", "1,5", "x;y");
        assertThat(tab.texts(1)).containsExactly("City", "S01, S02", "S03");
    }

    @Test
    void repeatedNamesWithRsSuffixAreAddressedByTheirFullName() {
        TestFiles.text(dir.resolve("db.csv"), "Economy,Procedures (number)...29,Procedures (number)...46,"
                + "Procedures (number) (DB04-15 methodology),Procedures - Men (number)\n");
        Table t = Tables.open(dir, "db.csv", null, problems);
        assertThat(t.column(1, "Procedures (number)...46", problems)).isEqualTo(3);
        assertThat(t.column(1, "Procedures - Men (number)", problems)).isEqualTo(5);
        assertThat(problems.sorted()).isEmpty();
        // the bare name matches every repeat (and the longer name), so it is ambiguous, not silently the first
        assertThat(t.column(1, "Procedures (number)", problems)).isEqualTo(2);
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("db.csv!C1: column 'Procedures (number)' "
                + "appears more than once (B1, C1, D1); the first is used");
    }

    @Test
    void readsTheDoingBusinessCsvCleanly() {
        Path fixture = Path.of("src/test/resources/fixtures/doing-business-2020");
        Table t = Tables.open(fixture, "db2020.csv", null, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(t.rowCount()).isEqualTo(214);
        assertThat(t.texts(1)).hasSize(199).contains("Procedures (number)...29", "Time (days)...171");
        for (int r = 1; r <= t.rowCount(); r++) {
            assertThat(t.columnCount(r)).as("row %d", r).isEqualTo(199);
        }
        assertThat(t.cell(18, 1).text()).isEqualTo("BGD_Chit");
        assertThat(t.cell(18, 3).text()).isEqualTo("Bangladesh Chittagong");
        int bahamas = 21;
        assertThat(t.cell(bahamas, 3).text()).isEqualTo("Bahamas, The");     // a quoted comma
        assertThat(t.cell(bahamas, 7).asNumber().value()).isEqualTo(59.871550000000006);
        assertThat(t.cell(bahamas, t.column(1, "Procedures (number)...29", problems)).asNumber().isNumber()).isTrue();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void aCsvWithAnUnknownSeparatorIsRejected() {
        TestFiles.text(dir.resolve("pipe.csv"), "City|S01|S02\nWuhan|1|2\n");
        TestFiles.text(dir.resolve("one-column.csv"), "City\nWuhan\n");
        TestFiles.text(dir.resolve("quoted-pipe.csv"), "\"A|B\",S01\nx,1\n");

        assertThat(Tables.open(dir, "pipe.csv", null, problems)).isNull();
        assertThat(Tables.open(dir, "one-column.csv", null, problems).texts(2)).containsExactly("Wuhan");
        assertThat(Tables.open(dir, "quoted-pipe.csv", null, problems).texts(1)).containsExactly("A|B", "S01");
        assertThat(TestFiles.lines(problems.sorted())).containsExactly("pipe.csv: fields separated by '|': only a "
                + "comma, semicolon or tab separates fields; save the file as \"CSV UTF-8\"");
    }

    @Test
    void aCsvThatIsNotUtf8IsRejectedWithItsRowWhenNothingCanConfirmAGuess() {
        String text = "City,S01\nWuhan,1\n西安,2\n";
        TestFiles.bytes(dir.resolve("gbk.csv"), text.getBytes(Charset.forName("GB18030")));
        TestFiles.bytes(dir.resolve("latin1.csv"), "City,S01\nZürich,1\n".getBytes(StandardCharsets.ISO_8859_1));
        TestFiles.bytes(dir.resolve("truncated.csv"), new byte[] {'C', '\n', (byte) 0xE4, (byte) 0xB8});
        TestFiles.bytes(dir.resolve("utf16.csv"), "City,S01\nWuhan,1\n".getBytes(StandardCharsets.UTF_16));

        assertThat(Tables.open(dir, "gbk.csv", null, problems)).isNull();
        assertThat(Tables.open(dir, "latin1.csv", null, problems)).isNull();
        assertThat(Tables.open(dir, "truncated.csv", null, problems)).isNull();
        assertThat(Tables.open(dir, "utf16.csv", null, problems).texts(2)).containsExactly("Wuhan", "1");

        String tried = "; tried UTF-8 and GB18030: save the file as \"CSV UTF-8\" (or, if it is GB18030 text, state"
                + " 'encoding: gb18030' on its source)";
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "gbk.csv: not valid UTF-8 text (row 3, byte 17), and read as GB18030 nothing is known of its header"
                        + " to confirm that" + tried,
                "latin1.csv: not valid UTF-8 text (row 2, byte 10), and read as GB18030 nothing is known of its"
                        + " header to confirm that" + tried,
                "truncated.csv: not valid UTF-8 text (row 2, byte 2), and read as GB18030 nothing is known of its"
                        + " header to confirm that" + tried);
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpens() {
        TestFiles.text(dir.resolve("q.csv"), "City,S01\nWuhan,\"12\nXi'an,3\n");
        Table t = Tables.open(dir, "q.csv", null, problems);
        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "q.csv!B2: quoted field without a closing quote: the rest of the file was read into this cell");
    }

    @Test
    void aLongFirstLineStillDetectsTheSeparator() {
        StringBuilder header = new StringBuilder("City");
        for (int i = 0; i < 5000; i++) {
            header.append(';').append("S").append(i);
        }
        TestFiles.text(dir.resolve("wide.csv"), header + "\nWuhan;7\n");
        Table t = Tables.open(dir, "wide.csv", null, problems);
        assertThat(t.texts(1)).hasSize(5001);
        assertThat(t.cell(2, 2).asNumber().value()).isEqualTo(7);
    }

    @Test
    void firstSheetWhenNoneIsNamed() {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("First", new Object[][] {{"a"}});
        sheets.put("Second", new Object[][] {{"b"}});
        TestFiles.xlsx(dir.resolve("two.xlsx"), sheets);
        assertThat(Tables.open(dir, "two.xlsx", null, problems).cell(1, 1).text()).isEqualTo("a");
    }

    @Test
    void cellsFormattedAsDatesOrTimesAreDatesShownAsTheyAreMeantWhilePercentagesStayNumbers() {
        TestFiles.xlsx(dir.resolve("t.xlsx"), "Data",
                new Object[] {new Formatted(45356, "yyyy-mm-dd"), new Formatted(45356, "m/d/yy"),
                        new Formatted(0.5, "h:mm"), new Formatted(44101.0 / 86400, "[h]:mm:ss"),
                        new Formatted(45356.25, "yyyy-mm-dd hh:mm"), new Formatted(0.12, "0%"),
                        new Formatted(45356, "0.00"), new Formatted(45356, "General")});

        Table t = Tables.open(dir, "t.xlsx", "Data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(t.cell(1, 1).kind()).isEqualTo(TableCell.Kind.DATE);
        assertThat(t.cell(1, 1).value()).isEqualTo(45356);
        assertThat(t.cell(1, 1).asNumber()).isEqualTo(ParsedNumber.notANumber("2024-03-05", "'2024-03-05' is a date, "
                + "not a number: format the cell as a number and type the value again"));
        assertThat(t.cell(1, 2).text()).isEqualTo("2024-03-05");
        assertThat(t.cell(1, 3).asNumber().problem()).isEqualTo("'12:00' is a time, not a number: format the cell as "
                + "a number and type the value again");
        assertThat(t.cell(1, 4).text()).isEqualTo("12:15:01");
        assertThat(t.cell(1, 5).asNumber().problem()).isEqualTo("'2024-03-05 06:00' is a date and time, not a "
                + "number: format the cell as a number and type the value again");
        assertThat(t.cell(1, 6).asNumber()).isEqualTo(ParsedNumber.number(12));
        assertThat(t.cell(1, 7).asNumber()).isEqualTo(ParsedNumber.number(45356));
        assertThat(t.cell(1, 8).asNumber()).isEqualTo(ParsedNumber.number(45356));
    }

    @Test
    void aCellBeyondColumnXfdIsAProblemOfTheSheetNotAWrappedColumn() {
        // POI keeps columns in 16 bits: AXYZ (34,464) would come back as column -31,072, ZZZZ (475,254) as 16,502
        TestFiles.rewritePart(TestFiles.returnWorkbook(dir.resolve("wuhan.xlsx"), "Wuhan",
                new Object[] {"R01", "x", "days", 3}), "xl/worksheets/sheet1.xml", xml -> xml
                .replace("<c r=\"A1\"", "<c r=\"XFD1\" t=\"inlineStr\"><is><t>last</t></is></c>"
                        + "<c r=\"AXYZ1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"A1\"")
                .replace("<c r=\"A4\"", "<c r=\"ZZZZ4\" t=\"inlineStr\"><is><t>y</t></is></c><c r=\"A4\""));

        Table t = Tables.open(dir, "wuhan.xlsx", "Data", problems);

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("wuhan.xlsx!Data: cell AXYZ1 lies beyond "
                + "column XFD (16,384), the last column of an Excel sheet (and 1 more cells or rows): the file was not "
                + "saved by Excel or is damaged; open it in Excel and save it again");
        assertThat(t.cell(1, 16_384).asText()).isEqualTo("last");
        assertThat(t.cell(4, 1).asText()).isEqualTo("R01");
        assertThat(t.cell(4, 4).asNumber()).isEqualTo(ParsedNumber.number(3));
    }

    @Test
    void aRowBeyondRow1048576IsAProblemOfTheSheet() {
        TestFiles.rewritePart(TestFiles.xlsx(dir.resolve("t.xlsx"), "Data", new Object[] {"a"}),
                "xl/worksheets/sheet1.xml", xml -> xml.replace("</sheetData>",
                        "<row r=\"1048577\"><c r=\"A1048577\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"));

        Table t = Tables.open(dir, "t.xlsx", "Data", problems);

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("t.xlsx!Data: row 1048577 lies beyond row "
                + "1,048,576, the last row of an Excel sheet: the file was not saved by Excel or is damaged; open it in "
                + "Excel and save it again");
        assertThat(t.rowCount()).isEqualTo(1);
    }
}
