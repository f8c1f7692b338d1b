package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.robustness.Synthetic;
import org.bizenv.scoring.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each dimension's change since last year in the report model: last year's dimension results carried into the ranking
 * rows, from a re-scored build or from last year's JSON report, and a dimension that last year's results lack said
 * in a warning, its change left missing rather than made up.
 */
class PreviousDimensionsTest {

    @TempDir
    Path dir;

    private static ReportAssembler.Context context() {
        return new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z", "test", "synthetic.yaml", null, List.of(),
                Map.of(), List.of());
    }

    @Test
    void aReScoredBuildGivesEveryDimensionAndTheChangesAreThisYearsMinusLastYears() throws Exception {
        Build now = Synthetic.build(Files.createDirectories(dir.resolve("now")), Synthetic.Spec.of(6, 2, 0, 4)).build();
        Build last = Synthetic.build(Files.createDirectories(dir.resolve("last")), Synthetic.Spec.of(6, 2, 0, 4).seed(99)).build();
        Report r = ReportAssembler.assemble(now, PreviousResults.of(last, 2023), context());

        int d2 = now.framework().nodes().indexOf(now.framework().nodes().stream()
                .filter(n -> n.code().equals("D2")).findFirst().orElseThrow());
        for (var row : r.ranking()) {
            int u = r.units().stream().map(Report.UnitInfo::code).toList().indexOf(row.unit());
            assertThat(row.previousDimensionScores()[1]).isEqualTo(last.nodeScores()[d2][u]);
            assertThat(row.previousDimensionRanks()[1]).isEqualTo(last.nodeRanks()[d2][u]);
            assertThat(row.dimensionScoreChange(1)).isEqualTo(now.nodeScores()[d2][u] - last.nodeScores()[d2][u]);
            assertThat(row.dimensionRankChange(1)).isEqualTo(last.nodeRanks()[d2][u] - now.nodeRanks()[d2][u]);
        }
        assertThat(r.warnings()).noneMatch(w -> w.en().contains("have no scores"));
    }

    @Test
    void aDimensionLastYearsReportDoesNotHaveIsSaidNotInvented() throws Exception {
        Build now = Synthetic.build(Files.createDirectories(dir.resolve("now")), Synthetic.Spec.of(6, 2, 0, 4)).build();
        Path json = Files.writeString(dir.resolve("bizenv-report-2023.json"), """
                {
                  "meta": {"schemaVersion": "1.1", "year": 2023},
                  "ranking": [
                    {"unit": "U0001", "score": 50, "rank": 2, "dimensionScores": {"D1": 40.5, "OLD": 1},
                     "dimensionRanks": {"D1": 3, "OLD": 1}},
                    {"unit": "U0002", "score": 60, "rank": 1, "dimensionScores": {"D1": 70, "OLD": 2},
                     "dimensionRanks": {"D1": 1, "OLD": 2}}
                  ]
                }
                """);
        Report r = ReportAssembler.assemble(now, PreviousResults.read(json), context());

        var u1 = r.ranking().stream().filter(x -> x.unit().equals("U0001")).findFirst().orElseThrow();
        assertThat(u1.previousDimensionScores()).containsExactly(40.5, Double.NaN);
        assertThat(u1.previousDimensionRanks()).containsExactly(3, 0);
        assertThat(u1.dimensionScoreChange(0)).isEqualTo(u1.dimensionScores()[0] - 40.5);
        assertThat(u1.dimensionScoreChange(1)).isNaN();
        assertThat(u1.dimensionRankChange(1)).isNull();
        var u3 = r.ranking().stream().filter(x -> x.unit().equals("U0003")).findFirst().orElseThrow();
        assertThat(u3.previousDimensionScores()[0]).isNaN(); // not in last year's report
        assertThat(r.warnings()).contains(new Names(
                "上年结果（last year's report bizenv-report-2023.json）没有维度 D2（维度2）的得分和排名：该维度较上年的变化不予显示",
                "last year's results (last year's report bizenv-report-2023.json) have no scores or ranks on dimension "
                        + "D2 (Dimension 2): its change since last year is not shown"));
        assertThat(r.warnings()).noneMatch(w -> w.en().contains("dimension D1 "));
    }
}
