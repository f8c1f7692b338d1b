package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.ingest.TestCities.URUMQI;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkthroughReaderTest {

    @TempDir
    Path data;

    @Test
    void passRateAndMeanHoursPerCityAndItem() {
        TestFiles.xlsx(data.resolve("walkthrough.xlsx"), "Tests",
                new Object[] {"City", "Item", "Outcome", "Hours"},
                new Object[] {"Wuhan", "W01", "pass", 2},
                new Object[] {"Wuhan", "W01", "未通过", 4},
                new Object[] {"武汉市", "w01", "通过", "3"},
                new Object[] {"Wuhan", "W02", 1, 1.5},
                new Object[] {"Wuhan", "W02", "No", "2.5"},
                null,
                new Object[] {"Xi'an", "W01", "YES", 1},
                new Object[] {"Xi'an", "W03", "maybe", "x"});

        ReadResult<WalkthroughValues> read = new WalkthroughReader(TestCities.registry(WUHAN, XIAN, URUMQI), data)
                .read("walkthrough", "walkthrough.xlsx", "Tests", List.of("W01", "W02"), true);

        assertThat(read.problems()).isEmpty();
        WalkthroughValues v = read.value();
        assertThat(v.passRate().units()).containsExactly("wuhan", "xian", "urumqi");
        assertThat(v.passRate().row("wuhan")).containsExactly(200.0 / 3, 50);
        assertThat(v.meanHours().row("wuhan")).containsExactly(3, 2);
        assertThat(v.tests().row("wuhan")).containsExactly(3, 2);
        assertThat(v.statistic("pass-rate").row("xian")).containsExactly(100, Double.NaN);
        assertThat(v.statistic("mean-hours").row("xian")).containsExactly(1, Double.NaN);
        assertThat(v.tests().row("xian")).containsExactly(1, 0);
        assertThat(v.passRate().row("urumqi")).containsOnly(Double.NaN);
        assertThat(v.passRate().where("wuhan", "W01")).hasToString("walkthrough.xlsx!Tests");
    }

    @Test
    void reportsEveryBadTest() {
        TestFiles.text(data.resolve("walkthrough.csv"), """
                City,Item,Outcome,Hours
                Wuhn,W01,pass,1
                Wuhan,W01,maybe,2
                Wuhan,W01,pass,abc
                Wuhan,W01,fail,-1
                Wuhan,W01,,3
                Wuhan,W01,pass,
                """);

        ReadResult<WalkthroughValues> read = new WalkthroughReader(TestCities.registry(WUHAN), data)
                .read("walkthrough", "walkthrough.csv", null, List.of("W01", "W09"), true);

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "walkthrough.csv: no test of item 'W09'",
                "walkthrough.csv!A2: unknown city 'Wuhn'",
                "walkthrough.csv!C3: 'maybe' is not an outcome (pass/fail, 通过/未通过, yes/no, 1/0)",
                "walkthrough.csv!D4: 'abc' is not a number",
                "walkthrough.csv!D5: value -1 outside the valid range [0, ∞)",
                "walkthrough.csv!C6: blank value",
                "walkthrough.csv!D7: blank value");
        WalkthroughValues v = read.value();
        assertThat(v.tests().row("wuhan")).containsExactly(3, 0);
        assertThat(v.passRate().row("wuhan")).containsExactly(200.0 / 3, Double.NaN);
        assertThat(v.meanHours().row("wuhan")).containsOnly(Double.NaN);
    }

    @Test
    void blankHoursCanBeAllowed() {
        TestFiles.text(data.resolve("w.csv"), "City,Item,Outcome,Hours\nWuhan,W01,fail,\nWuhan,W01,pass,5\n");
        ReadResult<WalkthroughValues> read = new WalkthroughReader(TestCities.registry(WUHAN), data)
                .read("w", "w.csv", null, List.of("W01"), false);
        assertThat(read.problems()).isEmpty();
        assertThat(read.value().passRate().row("wuhan")).containsExactly(50);
        assertThat(read.value().meanHours().row("wuhan")).containsExactly(5);
    }

    @Test
    void missingColumnsAreReportedTogether() {
        TestFiles.text(data.resolve("w.csv"), "City,Item\nWuhan,W01\n");
        ReadResult<WalkthroughValues> read = new WalkthroughReader(TestCities.registry(WUHAN), data)
                .read("w", "w.csv", null, List.of("W01"), true);
        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "w.csv: missing column 'Hours'", "w.csv: missing column 'Outcome'");
    }
}
