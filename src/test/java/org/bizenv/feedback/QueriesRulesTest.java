package org.bizenv.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.junit.jupiter.api.Test;

/** The warning rules on hand-made numbers, the problem texts, and problems filed under their unit. */
class QueriesRulesTest {

    @Test
    void robustZScoreIsTheDistanceFromTheMedianInScaledMads() {
        // median 3.5; absolute deviations 2.5 1.5 0.5 0.5 1.5 96.5, their median 1.5; scale 1.4826 × 1.5 = 2.2239
        double[] z = Queries.robustZ(new double[] {1, 2, 3, 4, 5, 100}, 5);
        assertThat(z[5]).isCloseTo(96.5 / 2.2239, within(1e-12));
        assertThat(z[5]).isCloseTo(43.392, within(1e-3));
        assertThat(z[0]).isCloseTo(-2.5 / 2.2239, within(1e-12));
        assertThat(z[3]).isCloseTo(0.5 / 2.2239, within(1e-12));
        // missing values are left out of the median and get no score
        double[] withGap = Queries.robustZ(new double[] {1, Double.NaN, 2, 3, 4, 5, 100}, 5);
        assertThat(withGap[1]).isNaN();
        assertThat(withGap[6]).isEqualTo(z[5]);
    }

    @Test
    void noComparisonWithTooFewValuesOrWhenMostUnitsReportTheSame() {
        assertThat(Queries.robustZ(new double[] {1, 2, 3, 100, Double.NaN}, 5)).containsOnly(Double.NaN);
        // MAD 0: more than half the units give 5
        assertThat(Queries.robustZ(new double[] {5, 5, 5, 5, 9}, 5)).containsOnly(Double.NaN);
        assertThat(Queries.robustZ(new double[] {1, 2, 3, 100}, 3)[3]).isCloseTo((100 - 2.5) / (1.4826 * 1),
                within(1e-12));
    }

    @Test
    void changeIsRelativeToTheSizeOfLastYearsValue() {
        assertThat(Queries.change(15, 10)).isEqualTo(0.5);
        assertThat(Queries.change(16, 10)).isCloseTo(0.6, within(1e-15));
        assertThat(Queries.change(4, 10)).isCloseTo(-0.6, within(1e-15));
        assertThat(Queries.change(-5, -10)).isEqualTo(0.5);          // from -10 to -5: up by half its size
        assertThat(Queries.change(3, 0)).isNaN();
        assertThat(Queries.change(Double.NaN, 10)).isNaN();
        assertThat(Queries.change(10, Double.NaN)).isNaN();
        // the limit is "beyond": exactly ±50 % is not queried
        assertThat(Math.abs(Queries.change(15, 10)) > Rules.DEFAULT.changeLimit()).isFalse();
        assertThat(org.bizenv.robustness.Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(org.bizenv.robustness.Percentiles.median(new double[] {4, 1, 3})).isEqualTo(3);
    }

    @Test
    void rulesRefuseLimitsThatQueryEverythingOrNothing() {
        assertThatThrownBy(() -> new Rules(0, 3.5, 5)).hasMessage("the change limit must be a positive number: 0.0");
        assertThatThrownBy(() -> new Rules(0.5, Double.NaN, 5))
                .hasMessage("the outlier limit must be a positive number: NaN");
        assertThatThrownBy(() -> new Rules(0.5, 3.5, 2))
                .hasMessage("at least 3 units are needed to compare with the others: 2");
        assertThat(Rules.percent(0.824)).isEqualTo("+82 %");
        assertThat(Rules.percent(-0.625)).isEqualTo("-63 %");
    }

    @Test
    void problemTextsSayWhatIsWrongAndWhatIsExpected() {
        FieldRequest days = new FieldRequest("R01", 0, 60);
        assertThat(ProblemTexts.of("'abc' is not a number", days))
                .isEqualTo(new ProblemTexts.Text("不是数值", "abc", "0 至 60 之间的数值", "a number from 0 to 60"));
        assertThat(ProblemTexts.of("'½' is not a number: write 0.5", days).found()).isEqualTo("½");
        assertThat(ProblemTexts.of("blank value", days))
                .isEqualTo(new ProblemTexts.Text("未填写", "（空白） (blank)", "0 至 60 之间的数值", "a number from 0 to 60"));
        // no field known: the range of the message
        assertThat(ProblemTexts.of("value 9 outside the valid range [1, 5] (not applicable: 8)", null))
                .isEqualTo(new ProblemTexts.Text("超出有效范围", "9", "[1, 5] 范围内的数值 (not applicable: 8)",
                        "a number in [1, 5] (not applicable: 8)"));
        assertThat(ProblemTexts.of("missing item 'R07'", null))
                .isEqualTo(new ProblemTexts.Text("缺少指标行", "", "代码为 R07 的指标行", "a row with item code R07"));
        assertThat(ProblemTexts.of("ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)", null).found())
                .isEqualTo("Fuzhou");
        assertThat(ProblemTexts.of("value 12 outside the valid range [0, 10]", new FieldRequest("x", 0, 10)
                .withTexts(java.util.List.of("No Practice"))).expectedEn())
                .isEqualTo("a number from 0 to 10, or \"No Practice\"");
        // a message of no known form is passed on as it is
        assertThat(ProblemTexts.of("something new", days)).isEqualTo(new ProblemTexts.Text("", "", "", ""));
    }

    @Test
    void aViewOfTheProblemsFilesWhatIsAddedUnderItsUnit() {
        Problems all = new Problems();
        Problems wuhan = all.about("wuhan");
        wuhan.add(Location.ofCell("returns/wuhan.xlsx", "Data", 4, 4), "'abc' is not a number");
        wuhan.add(new DataProblem(Location.ofFile("x"), "about another unit", "taiyuan"));
        all.add(Location.ofFile("statistics.xlsx"), "missing column 'S01'");
        assertThat(all.sorted()).extracting(DataProblem::unit).containsExactly("wuhan", null, "taiyuan");
        assertThat(wuhan.size()).isEqualTo(3);
        // the console's line is unchanged
        assertThat(all.sorted().get(0)).hasToString("returns/wuhan.xlsx!Data!D4: 'abc' is not a number");
    }
}
