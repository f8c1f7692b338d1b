package org.bizenv.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.bizenv.fixtures.Asem;
import org.bizenv.fixtures.Csv;
import org.junit.jupiter.api.Test;

class NormalisationTest {

    private static final double NaN = Double.NaN;
    private static final double EPS = 1e-12;

    // ------------------------------------------------------------------ min-max

    @Test
    void minMaxScalesOntoTheIntervalAndKeepsMissing() {
        double[] x = {1, 3, NaN, 5};
        assertThat(Normalisation.minMax(x, 1, 0, 100)).containsExactly(0, 50, NaN, 100);
        // lower is better: the smallest value scores the top of the scale
        assertThat(Normalisation.minMax(x, -1, 0, 100)).containsExactly(100, 50, NaN, 0);
        // (3 − 1)/(5 − 1)·(10 − 1) + 1 = 5.5
        assertThat(Normalisation.minMax(x, 1, 1, 10)).containsExactly(1, 5.5, NaN, 10);
        assertThat(x).containsExactly(1, 3, NaN, 5); // input untouched
    }

    @Test
    void minMaxZeroRangeGivesTheMiddleOfTheScale() {
        double[] x = {2, 2, NaN};
        assertThat(Normalisation.hasZeroRange(x)).isTrue();
        assertThat(Normalisation.minMax(x, 1, 0, 100)).containsExactly(50, 50, NaN);
        assertThat(Normalisation.minMax(new double[] {7}, -1, 1, 10)).containsExactly(5.5);
        assertThat(Normalisation.hasZeroRange(new double[] {1, 2})).isFalse();
    }

    @Test
    void allMissingStaysMissingAndIsNotZeroRange() {
        double[] x = {NaN, NaN};
        assertThat(Normalisation.hasZeroRange(x)).isFalse();
        assertThat(Normalisation.minMax(x, 1, 0, 100)).containsExactly(NaN, NaN);
        assertThat(Normalisation.zScore(x, 1, 0, 1)).containsExactly(NaN, NaN);
        assertThat(Normalisation.percentileRank(x, 1, 0, 1)).containsExactly(NaN, NaN);
        assertThat(Normalisation.distanceToTarget(x, 1, 5)).containsExactly(NaN, NaN);
        assertThat(Normalisation.minMax(new double[0], 1, 0, 100)).isEmpty();
    }

    @Test
    void illegalArgumentsAreRejected() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> Normalisation.minMax(x, 0, 0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direction");
        assertThatThrownBy(() -> Normalisation.minMax(x, 1, 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalisation.minMax(new double[] {1, Double.POSITIVE_INFINITY}, 1, 0, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit 1");
        assertThatThrownBy(() -> Normalisation.zScore(x, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normalisation.rank(x, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** COINr's legacy ASEM build normalised every indicator by min-max onto [0, 100] after Direction. */
    @Test
    void reproducesTheAsemNormalisedStageFromTheTreatedStage() {
        Csv treated = Asem.stage("Data_Treated");
        Csv normalised = Asem.stage("Data_Normalised");
        Csv meta = Asem.indicatorMeta();
        String[] codes = meta.texts("IndCode");
        double[] directions = meta.numbers("Direction");
        double worst = 0;
        for (int j = 0; j < codes.length; j++) {
            double[] out = Normalisation.minMax(treated.numbers(codes[j]), (int) directions[j], 0, 100);
            double[] expected = normalised.numbers(codes[j]);
            for (int i = 0; i < out.length; i++) {
                worst = Math.max(worst, Math.abs(out[i] - expected[i]));
            }
        }
        assertThat(codes).hasSize(49);
        // same formula in the same order as COINr's n_minmax: bit-identical
        assertThat(worst).isEqualTo(0.0);
    }

    // ------------------------------------------------------------------ z-score

    @Test
    void zScoreUsesTheSampleStandardDeviation() {
        double[] x = {2, 4, 4, 4, 5, 5, 7, 9, NaN};
        double sd = Math.sqrt(32.0 / 7); // mean 5, Σ(x − 5)² = 32, n − 1 = 7
        double[] z = Normalisation.zScore(x, 1, 0, 1);
        assertThat(z[0]).isCloseTo(-3 / sd, within(EPS));
        assertThat(z[7]).isCloseTo(4 / sd, within(EPS));
        assertThat(z[8]).isNaN();
        double[] scaled = Normalisation.zScore(x, -1, 100, 10);
        assertThat(scaled[0]).isCloseTo(100 + 10 * 3 / sd, within(EPS));
        assertThat(scaled[4]).isCloseTo(100, within(EPS));
    }

    @Test
    void zScoreZeroSpreadGivesTheTargetMean() {
        assertThat(Normalisation.zScore(new double[] {3, 3, NaN}, 1, 100, 10)).containsExactly(100, 100, NaN);
        assertThat(Normalisation.zScore(new double[] {3}, 1, 0, 1)).containsExactly(0);
    }

    // ------------------------------------------------------------------ goalposts

    @Test
    void goalpostsClipAndFollowTheOrderOfBestAndWorst() {
        // cost-type indicator: best 0, worst 200 (DB: cost of starting a business, % of income per capita)
        assertThat(Normalisation.goalposts(new double[] {50, -10, 250, NaN, 200}, 0, 200, 100, 1))
                .containsExactly(75, 100, 0, NaN, 0);
        // benefit-type: best 15, worst 0 (DB: building quality control index)
        assertThat(Normalisation.goalposts(new double[] {0, 7.5, 15}, 15, 0, 100, 1)).containsExactly(0, 50, 100);
        // DB total tax rate: share (84 − 55.05)/(84 − 26.1) = 0.5, scored 100·0.5^0.8
        assertThat(Normalisation.goalposts(new double[] {55.05}, 26.1, 84, 100, 0.8)[0])
                .isCloseTo(100 * Math.pow(0.5, 0.8), within(1e-9));
    }

    @Test
    void goalpostsRejectEqualPostsAndNonPositivePower() {
        assertThatThrownBy(() -> Normalisation.goalposts(new double[] {1}, 5, 5, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("best != worst");
        assertThatThrownBy(() -> Normalisation.goalposts(new double[] {1}, 5, 0, 100, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Economies measured in two cities: their national row is a population-weighted mean of city scores. */
    private static final Set<String> TWO_CITY_NATIONAL_ROWS = Set.of("Bangladesh", "Brazil", "China", "India",
            "Indonesia", "Japan", "Mexico", "Nigeria", "Pakistan", "Russian Federation", "United States");

    /**
     * Doing Business 2020 (fixtures/doing-business-2020): linear indicators, published to 5 decimals, are
     * reproduced exactly after rounding to 5 decimals.
     */
    @Test
    void reproducesDoingBusinessLinearIndicatorScores() {
        Csv db = Csv.read("doing-business-2020/db2020.csv");
        record Indicator(String column, double best, double worst) {
        }
        List<Indicator> indicators = List.of(
                new Indicator("Procedures - Men (number)", 1, 18),
                new Indicator("Payments (number per year)", 3, 63),
                new Indicator("Time (hours per year)", 49, 696),
                new Indicator("Procedures (number)...29", 5, 30),
                new Indicator("Time (days)...31", 26, 373));
        String[] economy = db.texts("Economy");
        int compared = 0;
        for (Indicator ind : indicators) {
            double[] score = Normalisation.goalposts(db.numbers(ind.column()), ind.best(), ind.worst(), 100, 1);
            // each raw column is followed by its published score ("Score-<name>", suffixes differ for repeats)
            String scoreColumn = db.header().get(db.column(ind.column()) + 1);
            assertThat(scoreColumn).startsWith("Score-");
            double[] published = db.numbers(scoreColumn);
            for (int i = 0; i < score.length; i++) {
                // text entries ("No Practice" …) are scored by rule, not by goalposts
                if (Double.isNaN(published[i]) || Double.isNaN(score[i]) || TWO_CITY_NATIONAL_ROWS.contains(economy[i])) {
                    continue;
                }
                assertThat(round5(score[i])).as("%s, %s", economy[i], ind.column()).isEqualTo(published[i]);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(5 * 190);
    }

    /**
     * Doing Business 2020 total tax and contribution rate (power 0.8, best 26.1, worst 84). The workbook's
     * raw rates are rounded to one decimal, so the published score (from the unrounded rate) must lie
     * between the scores of rate ± 0.05; where the rate is clipped the score matches exactly.
     */
    @Test
    void reproducesDoingBusinessTotalTaxRateScoresWithinRawRounding() {
        Csv db = Csv.read("doing-business-2020/db2020.csv");
        String column = "Total tax and contribution rate (% of profit)";
        double[] rate = db.numbers(column);
        double[] published = db.numbers("Score-" + column);
        String[] economy = db.texts("Economy");
        double[] score = Normalisation.goalposts(rate, 26.1, 84, 100, 0.8);
        int compared = 0;
        int clipped = 0;
        for (int i = 0; i < rate.length; i++) {
            if (Double.isNaN(published[i]) || Double.isNaN(rate[i]) || TWO_CITY_NATIONAL_ROWS.contains(economy[i])) {
                continue;
            }
            double atHigh = Normalisation.goalposts(new double[] {rate[i] + 0.05}, 26.1, 84, 100, 0.8)[0];
            double atLow = Normalisation.goalposts(new double[] {rate[i] - 0.05}, 26.1, 84, 100, 0.8)[0];
            assertThat(published[i]).as(economy[i]).isBetween(atHigh - 5e-6, atLow + 5e-6);
            if (rate[i] <= 26.1 - 0.05 || rate[i] >= 84 + 0.05) {
                assertThat(round5(score[i])).as(economy[i]).isEqualTo(published[i]);
                clipped++;
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(190);
        assertThat(clipped).isGreaterThan(10);
    }

    private static double round5(double x) {
        return java.math.BigDecimal.valueOf(x).setScale(5, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    // ------------------------------------------------------------------ ranks

    @Test
    void rankAndBordaFollowCoinrWithTiesAtTheMinimum() {
        double[] x = {3, 1, 3, 2, NaN};
        assertThat(Normalisation.rank(x, 1)).containsExactly(3, 1, 3, 2, NaN);
        assertThat(Normalisation.borda(x, 1)).containsExactly(2, 0, 2, 1, NaN);
        // lower is better: −3 is the lowest value, so the 3s rank 1
        assertThat(Normalisation.rank(x, -1)).containsExactly(1, 4, 1, 3, NaN);
        assertThat(Normalisation.borda(x, -1)).containsExactly(0, 3, 0, 2, NaN);
    }

    @Test
    void percentileRankUsesMinRanksOverNonMissingValues() {
        double[] x = {10, 20, 20, 30, NaN};
        assertThat(Normalisation.percentileRank(x, 1, 0, 1)).containsExactly(0, 1.0 / 3, 1.0 / 3, 1, NaN);
        assertThat(Normalisation.percentileRank(x, -1, 0, 100)).containsExactly(100, 100.0 / 3, 100.0 / 3, 0, NaN);
        // degenerate: one unit, or everyone tied, share rank 1 → the bottom of the scale
        assertThat(Normalisation.percentileRank(new double[] {4}, 1, 0, 100)).containsExactly(0);
        assertThat(Normalisation.percentileRank(new double[] {4, 4}, 1, 0, 100)).containsExactly(0, 0);
    }

    // ------------------------------------------------------------------ distance to reference / target

    @Test
    void distanceToReferenceIsCoinrDist2ref() {
        double[] x = {2, 4, 6, 10, NaN};
        // 1 − (6 − x)/(6 − 2)
        assertThat(Normalisation.distanceToReference(x, 1, 2)).containsExactly(0, 0.5, 1, 2, NaN);
        assertThat(Normalisation.distanceToReference(x, 1, 2, true)).containsExactly(0, 0.5, 1, 1, NaN);
        // lower is better: v = −x, reference −6, worst −10: 1 − (−6 − v)/4
        assertThat(Normalisation.distanceToReference(x, -1, 2)).containsExactly(2, 1.5, 1, 0, NaN);
    }

    @Test
    void distanceToTargetTakesTheTargetInNaturalUnits() {
        double[] x = {2, 4, 6, 10};
        // 1 − (8 − x)/(8 − 2)
        double[] y = Normalisation.distanceToTarget(x, 1, 8);
        assertThat(y).containsExactly(new double[] {0, 1.0 / 3, 2.0 / 3, 4.0 / 3}, within(EPS));
        assertThat(Normalisation.distanceToTarget(x, 1, 8, true)[3]).isEqualTo(1);
        // lower is better with target 3: v = −x, t = −3, worst −10: 1 − (−3 + x)/7
        assertThat(Normalisation.distanceToTarget(x, -1, 3))
                .containsExactly(new double[] {8.0 / 7, 6.0 / 7, 4.0 / 7, 0}, within(EPS));
    }

    @Test
    void distanceDegenerateCases() {
        double[] x = {2, 4, 6};
        // reference holds the worst value: undefined unless capped (everyone at or beyond it)
        assertThatThrownBy(() -> Normalisation.distanceToReference(x, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference unit 0");
        assertThat(Normalisation.distanceToReference(x, 1, 0, true)).containsExactly(1, 1, 1);
        // everyone equal: everyone is the reference
        assertThat(Normalisation.distanceToReference(new double[] {5, NaN, 5}, 1, 2)).containsExactly(1, NaN, 1);
        assertThatThrownBy(() -> Normalisation.distanceToReference(new double[] {1, NaN}, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no value");
        assertThatThrownBy(() -> Normalisation.distanceToReference(x, 1, 3))
                .isInstanceOf(IllegalArgumentException.class);
        // a target worse than every unit would invert the ranking
        assertThatThrownBy(() -> Normalisation.distanceToTarget(x, 1, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("worse than every unit");
        assertThat(Normalisation.distanceToTarget(x, 1, 2, true)).containsExactly(1, 1, 1);
    }
}
