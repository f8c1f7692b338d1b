package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.ingest.TestCities.FUZHOU;
import static org.bizenv.ingest.TestCities.FUZHOU_JX;
import static org.bizenv.ingest.TestCities.URUMQI;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.TestFiles.Formatted;
import org.bizenv.ingest.TestFiles.Formula;
import org.bizenv.ingest.TestFiles.Pct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitWorkbooksReaderTest {

    @TempDir
    Path data;

    static final List<FieldRequest> FIELDS = List.of(
            new FieldRequest("R01", 0, 100),
            FieldRequest.unbounded("R02"),
            new FieldRequest("R03", 0, 100),
            new FieldRequest("R04", 0, 1000, false));

    @Test
    void readsOneWorkbookPerCityWithAcceptedFormats() {
        TestFiles.returnWorkbook(data.resolve("returns/wuhan.xlsx"), "武汉市",
                new Object[] {"R01", "开办企业时间", "days", 12.5, "note"},
                new Object[] {null, "一、市场环境 (section heading)"},
                new Object[] {"R02", "新设企业", "count", "1,234"},
                new Object[] {"R03", "满意度", "%", new Pct(0.12)},
                new Object[] {"R04", "item", "hours", "１２３．５"},
                new Object[] {"R99", "not requested", "", "junk"});
        TestFiles.returnWorkbook(data.resolve("returns/xian.xlsx"), " Xi’an ",
                new Object[] {"r01", "", "", "12%"},
                new Object[] {"Ｒ02", "", "", -3},
                new Object[] {"R03 ", "", "", new Formula("D5*-2", true)},
                new Object[] {"R04", "", "", "-"});
        TestFiles.returnWorkbook(data.resolve("returns/urumqi.xlsx"), "Ürümqi",
                new Object[] {"R01", "", "", 1}, new Object[] {"R02", "", "", 2},
                new Object[] {"R03", "", "", 3}, new Object[] {"R04", "", "", 4});
        TestFiles.bytes(data.resolve("returns/~$wuhan.xlsx"), new byte[] {1, 2, 3});
        TestFiles.text(data.resolve("returns/.DS_Store"), "x");

        ReadResult<SourceValues> read = new UnitWorkbooksReader(TestCities.registry(WUHAN, XIAN, URUMQI), data)
                .read("returns", "returns/", null, FIELDS);

        assertThat(read.problems()).isEmpty();
        SourceValues v = read.value();
        assertThat(v.sourceId()).isEqualTo("returns");
        assertThat(v.units()).containsExactly("wuhan", "xian", "urumqi");
        assertThat(v.fields()).containsExactly("R01", "R02", "R03", "R04");
        assertThat(v.row("wuhan")).containsExactly(12.5, 1234, 12, 123.5);
        assertThat(v.row("xian")).containsExactly(12, -3, 6, Double.NaN);
        assertThat(v.column("R04")).containsExactly(123.5, Double.NaN, 4);
        assertThat(v.where("wuhan", "R02")).hasToString("returns/wuhan.xlsx!Data!D6");
        assertThat(v.where("xian", "R04")).hasToString("returns/xian.xlsx!Data!D7");
    }

    @Test
    void reportsEveryProblemOfEveryFileInOnePass() {
        TestFiles.returnWorkbook(data.resolve("returns/a-wuhan.xlsx"), "Wuhan",
                new Object[] {"R01", "", "", "abc"},
                new Object[] {"R02", "", "", 130},
                new Object[] {"R03", "", "", null},
                new Object[] {"R01", "", "", 5});
        TestFiles.returnWorkbook(data.resolve("returns/b-wuhan-again.xlsx"), "武汉市", new Object[] {"R01", "", "", 1});
        TestFiles.returnWorkbook(data.resolve("returns/c-typo.xlsx"), "Wuhn", new Object[] {"R01", "", "", 1});
        TestFiles.returnWorkbook(data.resolve("returns/d-fuzhou.xlsx"), "Fuzhou", new Object[] {"R01", "", "", 1});
        TestFiles.returnWorkbook(data.resolve("returns/e-blank.xlsx"), "\u3000", new Object[] {"R01", "", "", 1});
        TestFiles.text(data.resolve("returns/f-notes.txt"), "notes");
        TestFiles.text(data.resolve("returns/g-fake.xlsx"), "City,R01\nXi'an,1\n");
        TestFiles.xlsx(data.resolve("returns/h-sheet.xlsx"), Map.of("Sheet1", new Object[][] {{"x", "Xi'an"}}));
        TestFiles.returnWorkbook(data.resolve("returns/xian.xlsx"), "西安",
                new Object[] {"R01", "", "", 5}, new Object[] {"R02", "", "", 6},
                new Object[] {"R03", "", "", 7}, new Object[] {"R04", "", "", ""});
        List<FieldRequest> fields = List.of(new FieldRequest("R01", 0, 100), new FieldRequest("R02", 0, 100),
                new FieldRequest("R03", 0, 100), new FieldRequest("R04", 0, 100, false));

        ReadResult<SourceValues> read =
                new UnitWorkbooksReader(TestCities.registry(WUHAN, XIAN, URUMQI, FUZHOU, FUZHOU_JX), data)
                        .read("returns", "returns", "Data", fields);

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "returns: no workbook for Fuzhou (抚州)",
                "returns: no workbook for Fuzhou (福州)",
                "returns: no workbook for Urumqi (乌鲁木齐)",
                "returns/a-wuhan.xlsx!Data: missing item 'R04'",
                "returns/a-wuhan.xlsx!Data!D4: 'abc' is not a number",
                "returns/a-wuhan.xlsx!Data!D5: value 130 outside the valid range [0, 100]",
                "returns/a-wuhan.xlsx!Data!D6: blank value",
                "returns/a-wuhan.xlsx!Data!A7: duplicate item 'R01', first at row 4",
                "returns/b-wuhan-again.xlsx!Data!B1: second workbook for Wuhan (武汉), first in returns/a-wuhan.xlsx",
                "returns/c-typo.xlsx!Data!B1: unknown city 'Wuhn'",
                "returns/d-fuzhou.xlsx!Data!B1: ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)",
                "returns/e-blank.xlsx!Data!B1: blank city name",
                "returns/f-notes.txt: not an Excel workbook (.xlsx): a .txt file",
                "returns/g-fake.xlsx: not an Excel workbook (.xlsx): the content is not a workbook (is it a text or CSV file?)",
                "returns/h-sheet.xlsx: missing sheet 'Data' (the workbook has: Sheet1)");
        SourceValues v = read.value();
        assertThat(v.units()).containsExactly("wuhan", "xian", "urumqi", "fuzhou", "fuzhou-jx");
        assertThat(v.row("wuhan")).containsOnly(Double.NaN);
        assertThat(v.where("wuhan", "R01")).hasToString("returns/a-wuhan.xlsx!Data!D4");
        assertThat(v.row("xian")).containsExactly(5, 6, 7, Double.NaN);
        assertThat(v.row("urumqi")).containsOnly(Double.NaN);
        assertThat(v.where("urumqi", "R01")).isNull();
    }

    @Test
    void aMissingFolderIsOneProblem() {
        ReadResult<SourceValues> read = new UnitWorkbooksReader(TestCities.registry(WUHAN), data)
                .read("returns", "returns", null, FIELDS);
        assertThat(TestFiles.lines(read.problems())).containsExactly("returns: folder not found");
        assertThat(read.value().units()).containsExactly("wuhan");
    }

    @Test
    void withoutARegistryTheUnitsComeFromTheWorkbooks() {
        TestFiles.returnWorkbook(data.resolve("returns/1.xlsx"), " New  Zealand ", new Object[] {"R01", "", "", 1});
        TestFiles.returnWorkbook(data.resolve("returns/2.xlsx"), "Denmark", new Object[] {"R01", "", "", 2});

        ReadResult<SourceValues> read = new UnitWorkbooksReader(UnitResolver.identity("economy"), data)
                .read("returns", "returns", null, List.of(FieldRequest.unbounded("R01")));

        assertThat(read.problems()).isEmpty();
        assertThat(read.value().units()).containsExactly("New Zealand", "Denmark");
        assertThat(read.value().column("R01")).containsExactly(1, 2);
    }

    @Test
    void datesTimesAndFoldedCharactersAreProblemsAtTheirCells() {
        TestFiles.returnWorkbook(data.resolve("returns/wuhan.xlsx"), "武汉市",
                new Object[] {"R01", "开办企业时间", "days", new Formatted(45356, "yyyy-mm-dd")},
                new Object[] {"R02", "新设企业", "count", new Formatted(0.5, "h:mm")},
                new Object[] {"R03", "满意度", "%", "10\u2074"},
                new Object[] {"R04", "item", "hours", new Formatted(45356.75, "m/d/yy h:mm")});

        ReadResult<SourceValues> read = new UnitWorkbooksReader(TestCities.registry(WUHAN), data)
                .read("returns", "returns", null, FIELDS);

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "returns/wuhan.xlsx!Data!D4: '2024-03-05' is a date, not a number: format the cell as a number and "
                        + "type the value again",
                "returns/wuhan.xlsx!Data!D5: '12:00' is a time, not a number: format the cell as a number and type "
                        + "the value again",
                "returns/wuhan.xlsx!Data!D6: '10\u2074' is not a number: write 10000",
                "returns/wuhan.xlsx!Data!D7: '2024-03-05 18:00' is a date and time, not a number: format the cell as "
                        + "a number and type the value again");
        assertThat(read.value().row("wuhan")).containsOnly(Double.NaN);
    }
}
