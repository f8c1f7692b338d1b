package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocationAndProblemsTest {

    @Test
    void printsLikeASpreadsheetReference() {
        assertThat(Location.ofCell("returns/wuhan.xlsx", "Data", 17, 4)).hasToString("returns/wuhan.xlsx!Data!D17");
        assertThat(Location.ofCell("survey.csv", null, 17, 4)).hasToString("survey.csv!D17");
        assertThat(Location.ofSheet("statistics.xlsx", "Data")).hasToString("statistics.xlsx!Data");
        assertThat(Location.ofFile("returns")).hasToString("returns");
        assertThat(Location.columnName(1)).isEqualTo("A");
        assertThat(Location.columnName(26)).isEqualTo("Z");
        assertThat(Location.columnName(27)).isEqualTo("AA");
        assertThat(Location.columnName(703)).isEqualTo("AAA");
        Location aa12 = Location.ofCell("f", null, 12, 27);
        assertThat(aa12.row()).isEqualTo(12);
        assertThat(aa12.column()).isEqualTo(27);
        assertThat(Location.ofFile("f").row()).isZero();
    }

    @Test
    void aViewIgnoringUnitsDropsTheirProblemsOnly() {
        Problems all = new Problems();
        Problems read = all.ignoring(java.util.Set.of("kunming"));
        read.about("kunming").add(Location.ofCell("survey.csv", null, 2, 6), "not a number: 'abc'");
        read.about("ningbo").add(Location.ofCell("survey.csv", null, 3, 6), "not a number: 'abc'");
        read.add(Location.ofFile("survey.csv"), "about no city");
        read.addAll(java.util.List.of(new DataProblem(Location.ofFile("x.csv"), "k").withUnit("kunming"),
                new DataProblem(Location.ofFile("x.csv"), "w").withUnit("wuhan")));
        all.about("kunming").add(Location.ofFile("y.csv"), "through another view: kept");
        assertThat(TestFiles.lines(all.sorted())).containsExactly(
                "survey.csv: about no city",
                "survey.csv!F3: not a number: 'abc'",
                "x.csv: w",
                "y.csv: through another view: kept");
    }

    @Test
    void sortsByFileThenRowThenColumn() {
        Problems p = new Problems();
        p.add(Location.ofCell("b.xlsx", "Data", 2, 1), "b");
        p.add(Location.ofCell("a.xlsx", "Data", 10, 1), "row 10");
        p.add(Location.ofCell("a.xlsx", "Data", 9, 27), "row 9, AA");
        p.add(Location.ofCell("a.xlsx", "Data", 9, 4), "row 9, D");
        p.add(Location.ofFile("a.xlsx"), "whole file");
        p.add(Location.ofSheet("a.xlsx", "Data"), "whole sheet");

        assertThat(TestFiles.lines(p.sorted())).containsExactly(
                "a.xlsx: whole file",
                "a.xlsx!Data: whole sheet",
                "a.xlsx!Data!D9: row 9, D",
                "a.xlsx!Data!AA9: row 9, AA",
                "a.xlsx!Data!A10: row 10",
                "b.xlsx!Data!A2: b");
    }

    @Test
    void exceptionListsEveryProblemOnePerLine() {
        Problems p = new Problems();
        p.add(Location.ofCell("returns/wuhan.xlsx", "Data", 9, 4), "value 130 outside the valid range [0, 100]");
        p.add(Location.ofCell("returns/wuhan.xlsx", "Data", 5, 4), "'abc' is not a number");

        assertThatThrownBy(p::throwIfAny)
                .isInstanceOf(InputDataException.class)
                .hasMessage("""
                        2 problems in the input data:
                        returns/wuhan.xlsx!Data!D5: 'abc' is not a number
                        returns/wuhan.xlsx!Data!D9: value 130 outside the valid range [0, 100]""")
                .satisfies(e -> assertThat(((InputDataException) e).problems()).hasSize(2));
        new Problems().throwIfAny();
    }

    @Test
    void readResultThrowsOnlyWithProblems() {
        assertThat(new ReadResult<>("v", List.of()).orThrow()).isEqualTo("v");
        ReadResult<String> bad = new ReadResult<>("v", List.of(new DataProblem(Location.ofFile("x.csv"), "file not found")));
        assertThat(bad.hasProblems()).isTrue();
        assertThatThrownBy(bad::orThrow).hasMessage("1 problem in the input data:\nx.csv: file not found");
    }
}
