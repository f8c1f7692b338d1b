package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bizenv.ingest.TestCities.FUZHOU;
import static org.bizenv.ingest.TestCities.FUZHOU_JX;
import static org.bizenv.ingest.TestCities.URUMQI;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.nio.file.Path;
import java.util.List;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.TestFiles.Pct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitTableReaderTest {

    @TempDir
    Path data;

    @Test
    void readsAWorkbookSheetWithATitleAboveTheHeader() {
        TestFiles.xlsx(data.resolve("statistics.xlsx"), "Data",
                new Object[] {"2024 statistics (synthetic)"},
                new Object[] {"City", "S01 常住人口（万人）", "S02", "Note"},
                new Object[] {"武汉市", 1377.4, new Pct(0.125), "x"},
                null,
                new Object[] {"Wulumuqi", "408", "3.5%"},
                new Object[] {" Xi’an ", "1,307.8", 8});

        ReadResult<SourceValues> read = new UnitTableReader(TestCities.registry(WUHAN, XIAN, URUMQI), data)
                .read("statistics", "statistics.xlsx", "Data", "City",
                        List.of(new FieldRequest("S01", 0, 5000), new FieldRequest("S02", 0, 100)));

        assertThat(read.problems()).isEmpty();
        SourceValues v = read.value();
        assertThat(v.units()).containsExactly("wuhan", "xian", "urumqi");
        assertThat(v.row("wuhan")).containsExactly(1377.4, 12.5);
        assertThat(v.row("xian")).containsExactly(1307.8, 8);
        assertThat(v.row("urumqi")).containsExactly(408, 3.5);
        assertThat(v.where("urumqi", "S02")).hasToString("statistics.xlsx!Data!C5");
    }

    @Test
    void reportsEveryProblemOfACsvInOnePass() {
        TestFiles.text(data.resolve("statistics.csv"), """
                City,S01,S02
                Wuhan,abc,5
                Wuhn,1,2
                武汉市,3,4
                Fuzhou,1,1
                Xi'an,-,130
                ,7,8
                """);

        ReadResult<SourceValues> read =
                new UnitTableReader(TestCities.registry(WUHAN, XIAN, URUMQI, FUZHOU, FUZHOU_JX), data)
                        .read("statistics", "statistics.csv", null, "City", List.of(new FieldRequest("S01", 0, 100),
                                new FieldRequest("S02", 0, 100), new FieldRequest("S03", 0, 100)));

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "statistics.csv: missing column 'S03'",
                "statistics.csv: no row for Fuzhou (抚州)",
                "statistics.csv: no row for Fuzhou (福州)",
                "statistics.csv: no row for Urumqi (乌鲁木齐)",
                "statistics.csv!B2: 'abc' is not a number",
                "statistics.csv!A3: unknown city 'Wuhn'",
                "statistics.csv!A4: duplicate row for Wuhan (武汉), first at row 2",
                "statistics.csv!A5: ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)",
                "statistics.csv!B6: blank value",
                "statistics.csv!C6: value 130 outside the valid range [0, 100]",
                "statistics.csv!A7: blank city name");
        SourceValues v = read.value();
        assertThat(v.row("wuhan")).containsExactly(Double.NaN, 5, Double.NaN);
        assertThat(v.row("xian")).containsOnly(Double.NaN);
        assertThat(v.where("wuhan", "S03")).isNull();
    }

    @Test
    void blanksAreProblemsOnlyWhenTheCallerSaysSo() {
        TestFiles.text(data.resolve("s.csv"), "City,S01,S02\nWuhan,,\n");
        ReadResult<SourceValues> read = new UnitTableReader(TestCities.registry(WUHAN), data).read("s", "s.csv", null,
                "City", List.of(new FieldRequest("S01", 0, 1, true), new FieldRequest("S02", 0, 1, false)));
        assertThat(TestFiles.lines(read.problems())).containsExactly("s.csv!B2: blank value");
        assertThat(read.value().row("wuhan")).containsOnly(Double.NaN);
    }

    @Test
    void withoutTheUnitColumnOnlyTheColumnsAreReported() {
        TestFiles.text(data.resolve("s.csv"), "Town,S01\nWuhan,1\n");
        ReadResult<SourceValues> read = new UnitTableReader(TestCities.registry(WUHAN), data)
                .read("s", "s.csv", null, "City", List.of(FieldRequest.unbounded("S01"), FieldRequest.unbounded("S02")));
        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "s.csv: missing column 'City'", "s.csv: missing column 'S02'");
    }

    @Test
    void aMissingSheetOrFileIsOneProblem() {
        TestFiles.xlsx(data.resolve("s.xlsx"), "Sheet1", new Object[] {"City"});
        UnitTableReader reader = new UnitTableReader(TestCities.registry(WUHAN), data);
        List<FieldRequest> fields = List.of(FieldRequest.unbounded("S01"));
        assertThat(TestFiles.lines(reader.read("s", "s.xlsx", "Data", "City", fields).problems()))
                .containsExactly("s.xlsx: missing sheet 'Data' (the workbook has: Sheet1)");
        assertThat(TestFiles.lines(reader.read("s", "t.xlsx", "Data", "City", fields).problems()))
                .containsExactly("t.xlsx: file not found");
        assertThat(reader.read("s", "t.xlsx", "Data", "City", fields).value().row("wuhan")).containsOnly(Double.NaN);
    }

    @Test
    void worldBankStyleTableWithUnitsFromTheData() {
        TestFiles.text(data.resolve("db.csv"), """
                Country code,Economy,Score-Starting a business,Time - Men (days)
                NZL,New Zealand,100,0.5
                CHN,China Shanghai,94.1,"8,5"
                CHN_Beij,China Beijing,94,No Practice
                NZL,New Zealand,99,1
                """);

        ReadResult<SourceValues> read = new UnitTableReader(UnitResolver.identity("economy"), data)
                .read("db2020", "db.csv", null, "Economy", List.of(new FieldRequest("Score-Starting a business", 0, 100),
                        new FieldRequest("Time - Men (days)", 0.5, 100)));

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "db.csv!D3: '8,5' is not a number",
                "db.csv!D4: 'No Practice' is not a number",
                "db.csv!B5: duplicate row for New Zealand, first at row 2");
        SourceValues v = read.value();
        assertThat(v.units()).containsExactly("New Zealand", "China Shanghai", "China Beijing");
        assertThat(v.text("China Beijing", "Time - Men (days)")).isNull();
        assertThat(v.value("China Shanghai", "Score-Starting a business")).isCloseTo(94.1, within(0.0));
        assertThat(v.value("New Zealand", "Time - Men (days)")).isEqualTo(0.5);
    }

    @Test
    void acceptedTextCodesPassThroughWithTheirSpellingAndOtherTextIsStillAProblem() {
        TestFiles.text(data.resolve("db.csv"), """
                Country code,Time to obtain VAT refund (weeks),Procedures (number)...29
                GEO,No VAT,10
                BHR, no  vat ,No Practice
                CHIN,No VAT refund per case study scenario,No practise
                NZL,7.1,
                """);
        FieldRequest vat = new FieldRequest("Time to obtain VAT refund (weeks)", 0, Double.NaN, true,
                List.of("No VAT", "No VAT refund per case study scenario"));
        FieldRequest procedures = new FieldRequest("Procedures (number)...29", 0, Double.NaN, false)
                .withTexts(List.of("No Practice"));

        ReadResult<SourceValues> read = new UnitTableReader(UnitResolver.identity("economy"), data)
                .read("db", "db.csv", null, "Country code", List.of(vat, procedures));

        assertThat(TestFiles.lines(read.problems())).containsExactly("db.csv!C4: 'No practise' is not a number");
        SourceValues v = read.value();
        assertThat(v.value("GEO", vat.field())).isNaN();
        assertThat(v.text("GEO", vat.field())).isEqualTo("No VAT");
        assertThat(v.text("BHR", vat.field())).isEqualTo("No VAT");
        assertThat(v.where("BHR", vat.field())).hasToString("db.csv!B3");
        assertThat(v.text("BHR", procedures.field())).isEqualTo("No Practice");
        assertThat(v.text("CHIN", vat.field())).isEqualTo("No VAT refund per case study scenario");
        assertThat(v.text("CHIN", procedures.field())).isNull();
        assertThat(v.value("NZL", vat.field())).isEqualTo(7.1);
        assertThat(v.text("NZL", vat.field())).isNull();
        assertThat(v.text("NZL", procedures.field())).isNull();          // blank, not an error here
    }
}
