package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.ingest.TestCities.URUMQI;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bizenv.ingest.TableCell.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells read through the streaming path ({@link WorkbookSheets}, {@link SheetCells}) from a workbook whose XML is
 * written here by hand, so that every kind of cell appears exactly as Excel and other tools write it: shared and
 * inline strings (rich text runs, phonetic guides, escapes), numbers in percentage, date, time and plain formats (by
 * the cell's style, or its column's), formulas' cached results of every type, a formula without a result (plain,
 * array and shared), error and boolean cells, a blank cell with a style, and gaps between rows and cells.
 */
class StreamedCellsTest {

    @TempDir
    Path dir;
    final Problems problems = new Problems();

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    static final String STYLES = "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;%&quot;\"/></numFmts>"
            + "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
            + "<xf numFmtId=\"165\"/><xf numFmtId=\"2\"/><xf numFmtId=\"20\"/></cellXfs>"
            // a differential format's numFmt is no number format of a cell style
            + "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></dxf></dxfs>"
            + "</styleSheet>";

    static final String STRINGS = "<sst xmlns=\"" + MAIN + "\" count=\"2\" uniqueCount=\"2\">"
            + "<si><t>City</t></si>"
            + "<si><r><t>北</t></r><r><rPr><b/></rPr><t>京</t></r><rPh sb=\"0\" eb=\"2\"><t>ペキン</t></rPh></si>"
            + "</sst>";

    static final String SHEET = "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
            + "<cols><col min=\"6\" max=\"6\" width=\"9\" style=\"1\"/></cols><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><r><t>Wu</t></r><r><t xml:space=\"preserve\">han </t></r></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>a_x000D_b</t></is></c><c r=\"D1\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0.12</v></c><c r=\"B2\" s=\"3\"><v>0.125</v></c>"
            + "<c r=\"C2\" s=\"2\"><v>45356</v></c><c r=\"D2\" s=\"6\"><v>0.5</v></c><c r=\"E2\" s=\"4\"><v>3</v></c>"
            + "<c r=\"F2\"><v>0.07</v></c><c r=\"G2\" s=\"5\"><v>1234.5</v></c></row>"
            + "<row r=\"4\"><c r=\"A4\"><f>B4*2</f><v>25</v></c>"
            + "<c r=\"B4\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>xy</v></c>"
            + "<c r=\"C4\" t=\"b\"><f>TRUE()</f><v>1</v></c><c r=\"D4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
            + "<c r=\"E4\"><f>A4+1</f></c><c r=\"G4\" t=\"e\"><v>#N/A</v></c></row>"
            + "<row r=\"5\"><c r=\"A5\" t=\"b\"><v>0</v></c><c r=\"B5\" t=\"b\"><v>1</v></c><c r=\"C5\" s=\"1\"/>"
            + "<c r=\"E5\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"6\"><c r=\"A6\"><f t=\"array\" ref=\"A6:B6\">{1,2}*1</f><v>1</v></c><c r=\"B6\"/>"
            + "<c r=\"C6\"/></row>"
            + "<row r=\"7\"><c r=\"A7\"><f t=\"shared\" ref=\"A7:B7\" si=\"0\">E2*2</f><v>6</v></c>"
            + "<c r=\"B7\"><f t=\"shared\" si=\"0\"/><v>1</v></c></row>"
            + "<row r=\"9\"><c r=\"A9\"><f t=\"shared\" ref=\"A9:B9\" si=\"1\">G2+1</f></c>"
            + "<c r=\"B9\"><f t=\"shared\" si=\"1\"/></c></row>"
            + "<row r=\"10\"><c r=\"B10\" s=\"1\"/></row>"
            + "</sheetData></worksheet>";

    @Test
    void everyKindOfCellReadsAsPoisUsermodelReadsIt() throws IOException {
        workbook(dir.resolve("t.xlsx"), false, SHEET, STYLES, STRINGS);

        Table t = Tables.open(dir, "t.xlsx", "data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(t.sheet()).isEqualTo("Data");
        // shared string; inline rich text runs; an escaped carriage return; runs without the phonetic guide
        assertThat(cell(t, 1, 1)).isEqualTo("TEXT City");
        assertThat(cell(t, 1, 2)).isEqualTo("TEXT Wuhan ");
        assertThat(cell(t, 1, 3)).isEqualTo("TEXT a\rb");
        assertThat(cell(t, 1, 4)).isEqualTo("TEXT 北京");
        // percent (built-in and custom), date, time, a quoted % that is no percentage, the column's percent style
        assertThat(cell(t, 2, 1)).isEqualTo("NUMBER 12.0 12%");
        assertThat(cell(t, 2, 2)).isEqualTo("NUMBER 12.5 12.5%");
        assertThat(cell(t, 2, 3)).isEqualTo("DATE 45356.0 2024-03-05");
        assertThat(cell(t, 2, 4)).isEqualTo("DATE 0.5 12:00");
        // (POI's DataFormatter shows 0.00"%" as a percentage, though Excel shows 3.00%: only the text, as before)
        assertThat(cell(t, 2, 5)).isEqualTo("NUMBER 3.0 300.00%");
        assertThat(cell(t, 2, 6)).isEqualTo("NUMBER 7.0 7%");
        assertThat(cell(t, 2, 7)).isEqualTo("NUMBER 1234.5 1234.50");
        // a row left out: blank cells where it would be
        assertThat(t.columnCount(3)).isZero();
        assertThat(t.cell(3, 1).where()).hasToString("t.xlsx!Data!A3");
        assertThat(cell(t, 3, 1)).isEqualTo("BLANK NaN ");
        // formulas by their cached results; one never calculated; an error value; a cell left out (F4)
        assertThat(cell(t, 4, 1)).isEqualTo("NUMBER 25.0 25");
        assertThat(cell(t, 4, 2)).isEqualTo("TEXT xy");
        assertThat(cell(t, 4, 3)).isEqualTo("TEXT TRUE");
        assertThat(cell(t, 4, 4)).isEqualTo("ERROR NaN #DIV/0!");
        assertThat(cell(t, 4, 5)).isEqualTo("ERROR NaN =A4+1");
        assertThat(cell(t, 4, 6)).isEqualTo("BLANK NaN ");
        assertThat(cell(t, 4, 7)).isEqualTo("ERROR NaN #N/A");
        assertThat(t.columnCount(4)).isEqualTo(7);
        // booleans; a blank cell with a style keeps its place (the row is 5 columns wide)
        assertThat(cell(t, 5, 1)).isEqualTo("TEXT FALSE");
        assertThat(cell(t, 5, 2)).isEqualTo("TEXT TRUE");
        assertThat(cell(t, 5, 3)).isEqualTo("BLANK NaN ");
        assertThat(cell(t, 5, 5)).isEqualTo("TEXT 北京");
        assertThat(t.columnCount(5)).isEqualTo(5);
        // an array formula: the cell in its range without a result shows the array's formula; C6 is outside it
        assertThat(cell(t, 6, 1)).isEqualTo("NUMBER 1.0 1");
        assertThat(cell(t, 6, 2)).isEqualTo("ERROR NaN ={1,2}*1");
        assertThat(cell(t, 6, 3)).isEqualTo("BLANK NaN ");
        // shared formulas by their results, or shifted to their cell without one
        assertThat(cell(t, 7, 1)).isEqualTo("NUMBER 6.0 6");
        assertThat(cell(t, 7, 2)).isEqualTo("NUMBER 1.0 1");
        assertThat(cell(t, 9, 1)).isEqualTo("ERROR NaN =G2+1");
        assertThat(cell(t, 9, 2)).isEqualTo("ERROR NaN =H2+1");
        // the last row holds only a blank cell with a style: the table ends at row 9
        assertThat(t.rowCount()).isEqualTo(9);
        assertThat(t.cell(4, 5).asNumber().problem()).isEqualTo("'=A4+1' is not a number");
        assertThat(t.cell(2, 3).asNumber().problem()).isEqualTo("'2024-03-05' is a date, not a number: format the "
                + "cell as a number and type the value again");
    }

    @Test
    void rowByRowEveryCellReadsAsInTheTableButAnUncalculatedSharedFormula() throws IOException {
        workbook(dir.resolve("t.xlsx"), false, SHEET, STYLES, STRINGS);
        Table t = Tables.open(dir, "t.xlsx", "data", problems);
        List<Long> rows = new java.util.ArrayList<>();

        try (SheetRows streamed = SheetRows.open(dir, "t.xlsx", "DATA", problems)) {
            assertThat(streamed.sheet()).isEqualTo("Data");
            for (TableCell[] row = streamed.next(); row != null; row = streamed.next()) {
                long r = streamed.row();
                rows.add(r);
                for (int c = 1; c <= row.length; c++) {
                    TableCell cell = row[c - 1];
                    String read = cell == null ? "none" : cell.kind() + (cell.kind() == Kind.TEXT ? "" : " "
                            + cell.value()) + " " + cell.text();
                    // shifting a shared formula takes POI's usermodel, which streaming does without
                    String expected = r == 9 ? "ERROR NaN =" : cell == null ? "none" : cell(t, (int) r, c);
                    assertThat(read).as("row %d column %d", r, c).isEqualTo(expected);
                    assertThat(cell == null || cell.where().equals(t.cell((int) r, c).where())).isTrue();
                }
                if (r != 10) {
                    assertThat(row.length).isEqualTo(t.columnCount((int) r));
                }
            }
        }
        // rows as the file gives them; the last holds only a styled blank cell
        assertThat(rows).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 9L, 10L);
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void rowByRowAMissingSheetOrAFileThatIsNoWorkbookIsAProblemAtTheFile() throws IOException {
        workbook(dir.resolve("t.xlsx"), false, SHEET, STYLES, STRINGS);
        Files.writeString(dir.resolve("no.xlsx"), "RespondentId,City\n");

        assertThat(SheetRows.open(dir, "t.xlsx", "Antworten", problems)).isNull();
        assertThat(SheetRows.open(dir, "no.xlsx", null, problems)).isNull();
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "no.xlsx: not an Excel workbook (.xlsx): the content is not a workbook (is it a text or CSV file?)",
                "t.xlsx: missing sheet 'Antworten' (the workbook has: Data)");
    }

    @Test
    void aWorkbookInThe1904DateSystemShowsItsDates() throws IOException {
        workbook(dir.resolve("mac.xlsx"), true, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" s=\"2\"><v>43894</v></c></row></sheetData></worksheet>", STYLES, null);

        Table t = Tables.open(dir, "mac.xlsx", null, problems);

        assertThat(cell(t, 1, 1)).isEqualTo("DATE 43894.0 2024-03-05");
    }

    @Test
    void withoutStylesOrSharedStringsEveryNumberIsGeneral() throws IOException {
        workbook(dir.resolve("bare.xlsx"), false, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"2\">"
                + "<c r=\"B2\" s=\"1\"><v>0.5</v></c><c r=\"C2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
                null, null);

        Table t = Tables.open(dir, "bare.xlsx", "Data", problems);

        assertThat(problems.sorted()).isEmpty();
        assertThat(cell(t, 2, 2)).isEqualTo("NUMBER 0.5 0.5");
        assertThat(cell(t, 2, 3)).isEqualTo("BLANK NaN ");
        assertThat(t.rowCount()).isEqualTo(2);
    }

    @Test
    void aSheetPartThatIsNotXmlIsADamagedWorkbook() throws IOException {
        workbook(dir.resolve("bad.xlsx"), false, "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row>", STYLES, null);

        assertThat(Tables.open(dir, "bad.xlsx", "Data", problems)).isNull();

        assertThat(TestFiles.lines(problems.sorted())).singleElement().asString()
                .startsWith("bad.xlsx: not an Excel workbook (.xlsx): the file is damaged (");
    }

    @Test
    void workbooksReadOnOneOrManyThreadsGiveTheSameValuesAndProblemsInTheSameOrder() {
        Path data = dir.resolve("data");
        TestFiles.returnWorkbook(data.resolve("returns/a-wuhan.xlsx"), "Wuhan",
                new Object[] {"R01", "", "", 12}, new Object[] {"R02", "", "", "abc"});
        TestFiles.returnWorkbook(data.resolve("returns/b-xian.xlsx"), "Xi'an", new Object[] {"R01", "", "", 101});
        TestFiles.bytes(data.resolve("returns/c-broken.xlsx"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
        TestFiles.returnWorkbook(data.resolve("returns/d-wuhan-again.xlsx"), "武汉", new Object[] {"R01", "", "", 1});
        TestFiles.xlsx(data.resolve("returns/e-other-sheet.xlsx"), "Sheet1", new Object[] {"x"});
        TestFiles.returnWorkbook(data.resolve("returns/f-nobody.xlsx"), "Atlantis", new Object[] {"R01", "", "", 1});
        List<FieldRequest> fields = List.of(new FieldRequest("R01", 0, 100), new FieldRequest("R02", 0, 100));
        Map<Integer, ReadResult<SourceValues>> byThreads = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2, 4}) {
            byThreads.put(threads, new UnitWorkbooksReader(TestCities.registry(WUHAN, XIAN, URUMQI), data, threads)
                    .read("returns", "returns", null, fields));
        }

        ReadResult<SourceValues> one = byThreads.get(1);
        assertThat(TestFiles.lines(one.problems())).containsExactly(
                "returns: no workbook for Urumqi (乌鲁木齐)",
                "returns/a-wuhan.xlsx!Data!D5: 'abc' is not a number",
                "returns/b-xian.xlsx!Data: missing item 'R02'",
                "returns/b-xian.xlsx!Data!D4: value 101 outside the valid range [0, 100]",
                one.problems().get(4).toString(),
                "returns/d-wuhan-again.xlsx!Data!B1: second workbook for Wuhan (武汉), first in returns/a-wuhan.xlsx",
                "returns/e-other-sheet.xlsx: missing sheet 'Data' (the workbook has: Sheet1)",
                "returns/f-nobody.xlsx!Data!B1: unknown city 'Atlantis'");
        assertThat(one.problems().get(4).toString()).startsWith("returns/c-broken.xlsx: not an Excel workbook (.xlsx)");
        assertThat(one.value().row("wuhan")).containsExactly(12, Double.NaN);
        for (ReadResult<SourceValues> other : byThreads.values()) {
            assertThat(other.problems()).containsExactlyElementsOf(one.problems());
            assertThat(other.problems()).extracting(DataProblem::unit)
                    .containsExactlyElementsOf(one.problems().stream().map(DataProblem::unit).toList());
            for (String unit : List.of("wuhan", "xian", "urumqi")) {
                assertThat(other.value().row(unit)).containsExactly(one.value().row(unit));
                assertThat(other.value().where(unit, "R01")).isEqualTo(one.value().where(unit, "R01"));
            }
        }
    }

    /** Kind, value and text of a cell, in one string for exact comparison. */
    private static String cell(Table t, int row, int column) {
        TableCell c = t.cell(row, column);
        return c.kind() + (c.kind() == Kind.TEXT ? "" : " " + c.value()) + " " + c.text();
    }

    /** A workbook of one sheet, Data, with the parts given (a null part is left out, with its relationship). */
    static void workbook(Path file, boolean date1904, String sheet, String styles, String strings) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>")
                + "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "relationships\"><Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/>"
                + (styles == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>")
                + (strings == null ? "" : "<Relationship Id=\"rId3\" Type=\"" + REL + "/sharedStrings\" "
                + "Target=\"sharedStrings.xml\"/>") + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", sheet);
        if (styles != null) {
            parts.put("xl/styles.xml", styles);
        }
        if (strings != null) {
            parts.put("xl/sharedStrings.xml", strings);
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + p.getValue())
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
