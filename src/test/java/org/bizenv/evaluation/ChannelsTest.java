package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Unit;
import org.bizenv.survey.SurveyIndicators;
import org.junit.jupiter.api.Test;

/** How a year's data channels are joined into the raw data set. */
class ChannelsTest {

    @Test
    void surveyStatisticsJoinTheOtherChannelsByUnitCodeNotByPosition() {
        // indicator 0 from a table, indicator 1 from the survey; the survey lists its units in another order and
        // names one unit no other source has (without a registry the survey names its own units)
        List<Unit> units = List.of(unit("a"), unit("b"), unit("c"));
        double nan = Double.NaN;
        IntakeResult intake = new IntakeResult(units, new double[][] {{1, 2, 3}, {nan, nan, nan}},
                new String[][] {{"t!B2", "t!B3", "t!B4"}, {null, null, null}}, new double[0][], List.of());
        SurveyIndicators survey = new SurveyIndicators(List.of("c", "x", "a"), new double[][] {{nan, nan, nan}, {30, 99, 10}},
                new String[][] {{null, null, null}, {"s: c", "s: x", "s: a"}}, List.of());

        RawData raw = Channels.join(intake, survey, null);

        assertThat(raw.values()[0]).containsExactly(1, 2, 3);
        assertThat(raw.values()[1]).containsExactly(10, nan, 30);
        assertThat(raw.provenance()[1]).containsExactly("s: a", null, "s: c");
        assertThat(raw.previous()).isNull();
    }

    @Test
    void lastYearsValuesAreAlignedToThisYearsUnitsByCode() {
        // last year had units b, d, a (d is gone this year, c is new)
        double nan = Double.NaN;
        RawData lastYear = new RawData(List.of(unit("b"), unit("d"), unit("a")), new double[][] {{20, 40, 10}},
                null, new double[0][], null);
        IntakeResult intake = new IntakeResult(List.of(unit("a"), unit("b"), unit("c")), new double[][] {{1, 2, 3}},
                new String[][] {{"t!B2", "t!B3", "t!B4"}}, new double[0][], List.of());
        SurveyIndicators none = new SurveyIndicators(List.of(), new double[][] {{}}, new String[][] {{}}, List.of());

        assertThat(Channels.join(intake, none, lastYear).previous()[0]).containsExactly(10, 20, nan);
    }

    private static Unit unit(String code) {
        return new Unit(code, new Names(code, code), Map.of());
    }
}
