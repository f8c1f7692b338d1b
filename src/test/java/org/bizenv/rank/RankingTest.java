package org.bizenv.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bizenv.fixtures.Asem;
import org.bizenv.fixtures.Csv;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final double NaN = Double.NaN;

    @Test
    void competitionRankingSharesTheBestRankAmongTies() {
        assertThat(Ranking.competition(new double[] {9, 8, 8, 7})).containsExactly(1, 2, 2, 4);
        assertThat(Ranking.competition(new double[] {5, 7, 7, 3, NaN})).containsExactly(3, 1, 1, 4, 0);
        assertThat(Ranking.competition(new double[] {NaN, NaN})).containsExactly(0, 0);
        assertThat(Ranking.competition(new double[] {42})).containsExactly(1);
        assertThat(Ranking.competition(new double[0])).isEmpty();
        assertThat(Ranking.competition(new double[] {0.0, -0.0})).containsExactly(1, 1);
        assertThatThrownBy(() -> Ranking.competition(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit 1");
    }

    @Test
    void roundIsHalfUpOnTheDecimalRepresentation() {
        assertThat(Ranking.round(71.234, 2)).isEqualTo(71.23);
        // 2.675 is stored as 2.67499999…; the reader sees 2.675 and expects 2.68
        assertThat(Ranking.round(2.675, 2)).isEqualTo(2.68);
        assertThat(Ranking.round(0.125, 2)).isEqualTo(0.13);
        assertThat(Ranking.round(-1.005, 2)).isEqualTo(-1.01);
        assertThat(Ranking.round(68.375, 0)).isEqualTo(68);
        assertThat(Ranking.round(NaN, 2)).isNaN();
        assertThatThrownBy(() -> Ranking.round(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The definition of {@link Ranking#round}, which computes it without {@code BigDecimal} where that gives the same
     * double: every double it returns must be this one's, bit for bit (the zero's sign too).
     */
    private static double halfUpOfTheDecimal(double x, int d) {
        return Double.isFinite(x) ? BigDecimal.valueOf(x).setScale(d, RoundingMode.HALF_UP).doubleValue() : x;
    }

    @Test
    void roundIsBitForBitTheBigDecimalRoundingOfTheDecimalRepresentation() {
        double[] tricky = {2.675, 0.125, 1.005, -2.675, -0.125, 71.235, 71.225, 0.5, 1.5, -0.5, 99.995, 49.999999999,
                123456.785, 1e15 + 0.5, 3.4999999999999996, 0.0, -0.0, -0.001, -0.4, 5e-324, -5e-324, 1e300, -1e300,
                0x1p51, 0x1p51 - 0.5, 0x1p52 + 1, 4503599627370495.5, 1e-7, 0.045, 0.055, 1.0E-15, 999999.9999995};
        for (int d = 0; d <= 24; d++) {
            for (double x : tricky) {
                assertBitsEqual(x, d);
            }
        }
        SplittableRandom r = new SplittableRandom(20261206);
        for (int i = 0; i < 300_000; i++) {
            int d = r.nextInt(8);
            double x = (r.nextDouble() - 0.2) * Math.pow(10, r.nextInt(9) - 2);
            assertBitsEqual(x, d);
            // exact decimal midpoints at d decimals (k + ½)·10^−d, and their neighbours: where a fast rounding errs
            double p = Math.pow(10, d);
            double mid = (Math.floor(x * p) + 0.5) / p;
            assertBitsEqual(mid, d);
            assertBitsEqual(Math.nextUp(mid), d);
            assertBitsEqual(Math.nextDown(mid), d);
            // decimals written with fewer digits than d (scores as published, then rounded again)
            assertBitsEqual(Math.round(x * 1000) / 1000.0, d);
        }
    }

    private static void assertBitsEqual(double x, int d) {
        double want = halfUpOfTheDecimal(x, d);
        double got = Ranking.round(x, d);
        assertThat(Double.doubleToRawLongBits(got)).as("round(%s, %d) = %s, BigDecimal: %s", x, d, got, want)
                .isEqualTo(Double.doubleToRawLongBits(want));
    }

    @Test
    void rankingAtPublishedDecimalsTiesWhatReadersSeeAsEqual() {
        double[] scores = {71.234, 71.226, 70, NaN};
        assertThat(Ranking.competition(scores)).containsExactly(1, 2, 3, 0);
        assertThat(Ranking.competition(scores, 2)).containsExactly(1, 1, 3, 0);
        assertThatThrownBy(() -> Ranking.competition(new double[0], -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiersByBreaks() {
        double[] scores = {85, 80, 79.99, 40, 10, NaN};
        // bounds 80, 60, 40 → four tiers: ≥ 80, [60, 80), [40, 60), below 40
        assertThat(Ranking.tiersByBreaks(scores, new double[] {80, 60, 40})).containsExactly(1, 1, 2, 3, 4, 0);
        assertThat(Ranking.tiersByBreaks(scores, new double[0])).containsExactly(1, 1, 1, 1, 1, 0);
        assertThatThrownBy(() -> Ranking.tiersByBreaks(scores, new double[] {60, 80}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("descending");
        assertThatThrownBy(() -> Ranking.tiersByBreaks(scores, new double[] {60, 60}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tiersByQuantilesNeverSplitTies() {
        // ranks 1..10, tier = 1 + ⌊4·(r − 1)/10⌋
        double[] ten = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertThat(Ranking.tiersByQuantiles(ten, 4)).containsExactly(1, 1, 1, 2, 2, 3, 3, 3, 4, 4);
        assertThat(Ranking.tiersByQuantiles(ten, 1)).containsOnly(1);
        // four tied units share rank 1, so tier 1 holds them all although n/k = 2.5
        assertThat(Ranking.tiersByQuantiles(new double[] {5, 5, 5, 5, 1}, 2)).containsExactly(1, 1, 1, 1, 2);
        // more tiers than units: some stay empty
        assertThat(Ranking.tiersByQuantiles(new double[] {3, 2, 1, NaN}, 5)).containsExactly(1, 2, 4, 0);
        assertThat(Ranking.tiersByQuantiles(new double[] {NaN}, 3)).containsExactly(0);
        assertThatThrownBy(() -> Ranking.tiersByQuantiles(ten, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String[] ASEM_AGGREGATES = {"Index", "Conn", "Sust", "Physical", "ConEcFin", "Political",
            "Instit", "P2P", "Environ", "Social", "SusEcFin"};

    /**
     * COINr's legacy ASEM results (fixtures/coinr-asem): the published ranks are competition ranks of the
     * published (2-decimal) scores, for the index and every sub-index and pillar.
     */
    @Test
    void reproducesTheAsemPublishedRanksFromThePublishedScores() {
        Csv scores = Asem.stage("Results_AggregatesScore");
        Csv ranks = Asem.stage("Results_AggregatesRank");
        assertThat(ranks.texts("UnitCode")).containsExactly(scores.texts("UnitCode"));
        for (String aggregate : ASEM_AGGREGATES) {
            assertThat(Ranking.competition(scores.numbers(aggregate))).as(aggregate)
                    .containsExactly(asInts(ranks.numbers(aggregate)));
        }
        assertThat(asInts(scores.numbers("Rank"))).containsExactly(asInts(ranks.numbers("Index")));
    }

    /**
     * From the full-precision Aggregated stage, ranking at 2 decimals reproduces every published rank;
     * ranking at full precision does not (ConEcFin: RUS and Instit: PRT tie only once rounded). This is
     * the evidence that COINr ranks the rounded scores.
     */
    @Test
    void asemRanksAreTakenAtTwoDecimals() {
        Csv ranks = Asem.stage("Results_AggregatesRank");
        Csv aggregated = Asem.stage("Data_Aggregated");
        Map<String, Integer> row = new HashMap<>();
        String[] units = aggregated.texts("UnitCode");
        for (int i = 0; i < units.length; i++) {
            row.put(units[i], i);
        }
        String[] order = ranks.texts("UnitCode");
        List<String> differAtFullPrecision = new ArrayList<>();
        for (String aggregate : ASEM_AGGREGATES) {
            double[] full = aggregated.numbers(aggregate);
            double[] inPublishedOrder = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                inPublishedOrder[i] = full[row.get(order[i])];
            }
            int[] published = asInts(ranks.numbers(aggregate));
            assertThat(Ranking.competition(inPublishedOrder, 2)).as(aggregate).containsExactly(published);
            int[] atFullPrecision = Ranking.competition(inPublishedOrder);
            for (int i = 0; i < order.length; i++) {
                if (atFullPrecision[i] != published[i]) {
                    differAtFullPrecision.add(aggregate + ":" + order[i]);
                }
            }
        }
        assertThat(differAtFullPrecision).containsExactlyInAnyOrder("ConEcFin:RUS", "Instit:PRT");
    }

    private static int[] asInts(double[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (int) x[i];
        }
        return out;
    }
}
