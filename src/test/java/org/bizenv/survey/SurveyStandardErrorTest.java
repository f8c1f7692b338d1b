package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bizenv.survey.SurveyAggregatorTest.MEDIUM;
import static org.bizenv.survey.SurveyAggregatorTest.MICRO;
import static org.bizenv.survey.SurveyAggregatorTest.SMALL;
import static org.bizenv.survey.SurveyAggregatorTest.row;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The standard errors of the post-stratified survey statistics: a hand calculation on a tiny case, and a brute-force
 * check against a stratified bootstrap.
 */
class SurveyStandardErrorTest {

    static final double[] MIX = {0.70, 0.25, 0.05};
    static final List<String> QUESTIONS = List.of("Q01");
    static final String SCORE = SurveyResults.MEAN_SCORE;
    static final String SHARE = SurveyResults.SHARE_FAVOURABLE;

    static SurveyResults tally(List<ValidResponse> rows, double[] mix) {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi", "lhasa"));
        rows.forEach(agg::add);
        return agg.results(mix, 3);
    }

    static List<ValidResponse> tiny() {
        return List.of(
                // Wuhan: micro 5, 4, 1; small 3, 5; medium 2 (one answer)
                row(2, "wuhan", MICRO, 5), row(3, "wuhan", MICRO, 4), row(4, "wuhan", MICRO, 1),
                row(5, "wuhan", SMALL, 3), row(6, "wuhan", SMALL, 5), row(7, "wuhan", MEDIUM, 2),
                // Xi'an: medium only, 2 and 4
                row(8, "xian", MEDIUM, 2), row(9, "xian", MEDIUM, 4),
                // Urumqi: one answer in all
                row(10, "urumqi", MICRO, 3),
                // Lhasa: every answer favourable
                row(11, "lhasa", MICRO, 4), row(12, "lhasa", MICRO, 5), row(13, "lhasa", SMALL, 4));
    }

    @Test
    void standardErrorsComputedByHand() {
        SurveyResults r = tally(tiny(), MIX);

        // Wuhan mean score, x = 25(a - 1): micro 100, 75, 0 -> mean 175/3, s² = 625·(3·42 − 10²)/(3·2) = 16250/6;
        // small 50, 100 -> s² = 625·(2·34 − 8²)/(2·1) = 1250; medium has n = 1: it borrows the pooled variance
        // (2·16250/6 + 1·1250)/(2 + 1) = 20000/9. All classes present, W = 0.70, 0.25, 0.05:
        // SE² = 0.49·(16250/6)/3 + 0.0625·1250/2 + 0.0025·(20000/9)/1 = 442.3611… + 39.0625 + 5.5555… = 486.979166…
        double scoreVar = 0.49 * (16250.0 / 6) / 3 + 0.0625 * 1250.0 / 2 + 0.0025 * (20000.0 / 9);
        assertThat(scoreVar).isCloseTo(486.97916666, within(1e-6));
        assertThat(r.meanScore("wuhan", "Q01")).isCloseTo(0.7 * 175 / 3 + 0.25 * 75 + 0.05 * 25, within(1e-12));
        assertThat(r.standardError(SCORE, "wuhan", "Q01")).isCloseTo(Math.sqrt(scoreVar), within(1e-12));
        assertThat(Math.sqrt(scoreVar)).isCloseTo(22.0676, within(1e-4));
        // Wuhan share favourable, 0/100 per answer: micro 2 of 3 -> s² = 10000·2·1/(3·2) = 10000/3; small 1 of 2 ->
        // 10000·1·1/(2·1) = 5000; medium pooled (2·10000/3 + 1·5000)/3 = 35000/9.
        // SE² = 0.49·(10000/3)/3 + 0.0625·5000/2 + 0.0025·35000/9 = 544.444… + 156.25 + 9.7222… = 710.41666…
        double shareVar = 0.49 * (10000.0 / 3) / 3 + 0.0625 * 5000.0 / 2 + 0.0025 * 35000.0 / 9;
        assertThat(shareVar).isCloseTo(710.41666666, within(1e-6));
        assertThat(r.standardError(SHARE, "wuhan", "Q01")).isCloseTo(Math.sqrt(shareVar), within(1e-12));

        // Xi'an: medium only, its weight renormalised to 1; 25 and 75: s² = 1250, SE² = 1250/2 = 625 -> 25;
        // share 1 of 2: s² = 5000, SE² = 2500 -> 50.
        assertThat(r.standardError(SCORE, "xian", "Q01")).isCloseTo(25, within(1e-12));
        assertThat(r.standardError(SHARE, "xian", "Q01")).isCloseTo(50, within(1e-12));
        // Urumqi: one answer, no class with two to pool from: no standard error.
        assertThat(r.meanScore("urumqi", "Q01")).isEqualTo(50);
        assertThat(r.standardError(SCORE, "urumqi", "Q01")).isNaN();
        assertThat(r.standardError(SHARE, "urumqi", "Q01")).isNaN();
        // Lhasa: all favourable: the binary variance is 0 in each class, so the share's SE is 0 (no continuity
        // correction); the mean score still varies (75, 100 among micro: s² = 312.5; small n = 1 borrows 312.5).
        assertThat(r.shareFavourable("lhasa", "Q01")).isEqualTo(100);
        assertThat(r.standardError(SHARE, "lhasa", "Q01")).isZero();
        double lhasaW0 = 0.70 / 0.95;
        double lhasaW1 = 0.25 / 0.95;
        assertThat(r.standardError(SCORE, "lhasa", "Q01")).isCloseTo(
                Math.sqrt(lhasaW0 * lhasaW0 * 312.5 / 2 + lhasaW1 * lhasaW1 * 312.5 / 1), within(1e-12));
    }

    @Test
    void intervalIsValuePlusMinus196StandardErrorsClippedTo0And100() {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, List.of("wuhan", "xian", "urumqi", "lhasa"));
        tiny().forEach(agg::add);
        SurveyDetail d = SurveyDetail.of("survey", agg.results(MIX, 3), agg.breakdown(MIX, 3), List.of("I1", "I2"),
                List.of("Q01", "Q01"), List.of(SCORE, SHARE));
        var score = d.indicators().get(0);
        var share = d.indicators().get(1);
        // Xi'an mean score 50 ± 1.96·25 = [1, 99]; share 50 ± 1.96·50 = [−48, 148] clipped to [0, 100]
        assertThat(score.low()[1]).isCloseTo(1, within(1e-12));
        assertThat(score.high()[1]).isCloseTo(99, within(1e-12));
        assertThat(share.low()[1]).isZero();
        assertThat(share.high()[1]).isEqualTo(100);
        // Wuhan score 60.8333 ± 1.96·22.0676: low 17.5808, high 104.08 clipped to 100
        double v = 0.7 * 175 / 3 + 0.25 * 75 + 0.05 * 25;
        double se = Math.sqrt(0.49 * (16250.0 / 6) / 3 + 0.0625 * 1250.0 / 2 + 0.0025 * (20000.0 / 9));
        assertThat(score.low()[0]).isCloseTo(v - 1.96 * se, within(1e-12));
        assertThat(score.high()[0]).isEqualTo(100);
        // Urumqi: no SE, no interval; Lhasa's share: SE 0, the interval is the value itself
        assertThat(score.low()[2]).isNaN();
        assertThat(score.high()[2]).isNaN();
        assertThat(share.low()[3]).isEqualTo(100);
        assertThat(share.high()[3]).isEqualTo(100);
        assertThat(score.answers()).containsExactly(6, 2, 1, 3);
    }

    @Test
    void aPresentClassOfZeroWeightAddsNothing() {
        // medium weighs 0: Wuhan's SE is that of micro and small alone, renormalised to 0.70/0.95 and 0.25/0.95
        SurveyResults r = tally(tiny(), new double[] {0.70, 0.25, 0});
        double w0 = 0.70 / 0.95;
        double w1 = 0.25 / 0.95;
        assertThat(r.standardError(SCORE, "wuhan", "Q01")).isCloseTo(
                Math.sqrt(w0 * w0 * (16250.0 / 6) / 3 + w1 * w1 * 1250.0 / 2), within(1e-12));
    }

    @Test
    void bootstrapReplicatesVaryAsTheStandardErrorSays() {
        // Brute force: 95 firms in three size classes (40, 30, 25), answers drawn once from skewed distributions;
        // 20,000 stratified bootstrap replicates (each class resampled with replacement to its own size, the size
        // mix fixed), each tallied by the same aggregator. The replicates' SD must agree with the analytic SE within
        // 5 %. (The bootstrap's variance within a class is (n − 1)/n of the sample variance, i.e. about 1.5 % less
        // SD here, and the SD of 20,000 replicates has a Monte Carlo error of about 0.5 %; after correcting for the
        // first, they agree within 2 %.)
        SplittableRandom draw = new SplittableRandom(20240601L);
        int[] sizes = {40, 30, 25};
        int[][][] probabilities = {{{1, 2, 3, 4, 2}}, {{1, 1, 2, 5, 3}}, {{3, 3, 2, 1, 1}}};
        List<List<ValidResponse>> strata = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            List<ValidResponse> rows = new ArrayList<>();
            int[] p = probabilities[s][0];
            int total = java.util.Arrays.stream(p).sum();
            for (int k = 0; k < sizes[s]; k++) {
                int x = draw.nextInt(total);
                int a = 0;
                while (x >= p[a]) {
                    x -= p[a++];
                }
                rows.add(row(k, "wuhan", s, a + 1));
            }
            strata.add(rows);
        }
        List<ValidResponse> all = strata.stream().flatMap(List::stream).toList();
        SurveyResults sample = tally(all, MIX);
        SplittableRandom boot = new SplittableRandom(7L);
        int replicates = 20_000;
        double[] score = new double[replicates];
        double[] share = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            SurveyAggregator agg = new SurveyAggregator(QUESTIONS, List.of("wuhan"));
            for (List<ValidResponse> stratum : strata) {
                for (int k = 0; k < stratum.size(); k++) {
                    agg.add(stratum.get(boot.nextInt(stratum.size())));
                }
            }
            SurveyResults rep = agg.results(MIX, 1);
            score[b] = rep.meanScore("wuhan", "Q01");
            share[b] = rep.shareFavourable("wuhan", "Q01");
        }
        double seScore = sample.standardError(SCORE, "wuhan", "Q01");
        double seShare = sample.standardError(SHARE, "wuhan", "Q01");
        assertThat(sd(score) / seScore).isCloseTo(1, within(0.05));
        assertThat(sd(share) / seShare).isCloseTo(1, within(0.05));
        // the bootstrap's own expectation: Σ W² ((n − 1)/n) s² / n
        assertThat(sd(score) / bootstrapSe(strata, true)).isCloseTo(1, within(0.02));
        assertThat(sd(share) / bootstrapSe(strata, false)).isCloseTo(1, within(0.02));
    }

    /** The SD a stratified bootstrap converges to, computed from the rows directly (two-pass, not from the tallies). */
    private static double bootstrapSe(List<List<ValidResponse>> strata, boolean meanScore) {
        double var = 0;
        for (int s = 0; s < 3; s++) {
            List<ValidResponse> rows = strata.get(s);
            double[] x = rows.stream().mapToDouble(r -> meanScore ? (r.answers()[0] - 1) * 25.0
                    : r.answers()[0] >= 4 ? 100 : 0).toArray();
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            double ss = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
            var += MIX[s] * MIX[s] * (ss / x.length) / x.length;
        }
        return Math.sqrt(var);
    }

    private static double sd(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }
}
