package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Unit;
import org.junit.jupiter.api.Test;

/** How the steps' named data sets are joined. */
class StepsTest {

    @Test
    void surveyStatisticsJoinTheOtherChannelsByUnitCodeNotByPosition() {
        // indicator 0 from a table, indicator 1 from the survey; the survey lists its units in another order and
        // names one unit no other source has (without a registry the survey names its own units)
        List<Unit> units = List.of(unit("a"), unit("b"), unit("c"));
        double nan = Double.NaN;
        IntakeResult intake = new IntakeResult(units, new double[][] {{1, 2, 3}, {nan, nan, nan}},
                new String[][] {{"t!B2", "t!B3", "t!B4"}, {null, null, null}}, new double[0][], List.of());
        SurveyResult survey = new SurveyResult(List.of("c", "x", "a"), new double[][] {{nan, nan, nan}, {30, 99, 10}},
                new String[][] {{null, null, null}, {"s: c", "s: x", "s: a"}}, List.of());

        RawData raw = Steps.rawData(intake, survey, null);

        assertThat(raw.values()[0]).containsExactly(1, 2, 3);
        assertThat(raw.values()[1]).containsExactly(10, nan, 30);
        assertThat(raw.provenance()[1]).containsExactly("s: a", null, "s: c");
        assertThat(Steps.surveyWarnings(intake, survey))
                .containsExactly("the survey names 1 unit that no other source has, left out of the scoring: x");
    }

    private static Unit unit(String code) {
        return new Unit(code, new Names(code, code), Map.of());
    }
}
