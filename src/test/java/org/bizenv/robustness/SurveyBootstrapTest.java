package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.ingest.Problems;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The survey bootstrap on hand-made questionnaires: exact cases, zero spread, the 1/√n law, seeds and threads. */
class SurveyBootstrapTest {

    private static final String HEADER = "RespondentId,City,Size,Industry,Q01,Q02";

    @TempDir
    Path tmp;

    /** One survey indicator M (mean score of Q01, taken as it is) is the index; micro and small weigh 1:1 (no medium firm answers). */
    private static final String ONE_QUESTION = """
            framework: {id: boot, name: {en: Boot}}
            ranking: {decimals: 2, compare: full}
            sources: [{id: s, type: survey, path: survey.csv, min-sample: 1, size-mix: {micro: 0.4, small: 0.4, medium: 0.2}}]
            nodes:
              - {code: INDEX, name: {en: Index}}
            indicators:
              - {code: M, parent: INDEX, weight: 1, name: {en: M}, direction: higher, source: s, field: Q01, statistic: mean-score, normalisation: {method: none}}
            """;

    /**
     * Two survey indicators and a fixed one (X, from a unit table) under two dimensions, min-max normalised, entropy
     * weights in the first: a replicate changes normalisation and objective weights, and the weights perturb.
     */
    private static final String MIXED = """
            framework: {id: mixed, name: {en: Mixed}}
            ranking: {decimals: 2, compare: full}
            sources:
              - {id: s, type: survey, path: survey.csv, min-sample: 1, size-mix: {micro: 0.7, small: 0.25, medium: 0.05}}
              - {id: t, type: unit-table, path: t.csv, unit-column: City}
            nodes:
              - {code: INDEX, name: {en: Index}}
              - {code: D1, parent: INDEX, weight: 1, name: {en: D1}, weighting: {method: entropy}}
              - {code: D2, parent: INDEX, weight: 1, name: {en: D2}}
            indicators:
              - {code: M, parent: D1, weight: 1, name: {en: M}, direction: higher, source: s, field: Q01, statistic: mean-score}
              - {code: F, parent: D1, weight: 1, name: {en: F}, direction: higher, source: s, field: Q02, statistic: share-favourable}
              - {code: X, parent: D2, weight: 1, name: {en: X}, direction: higher, source: t, field: X}
              - {code: G, parent: D2, weight: 1, name: {en: G}, direction: higher, source: s, field: Q02, statistic: mean-score}
            """;

    /** The survey tallied as the survey step tallies it, and the build scored from it. */
    private record Tallied(Framework fw, SurveySample sample, Build build) {
    }

    private Tallied tally(String yaml, double[] x, List<String> rows) throws IOException {
        Framework fw = Fixtures.framework(tmp, "fw.yaml", yaml);
        Path data = Files.createDirectories(tmp.resolve("data"));
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(rows);
        Files.write(data.resolve("survey.csv"), lines);
        Problems problems = new Problems();
        SurveyIndicators nominal;
        SurveyPatterns patterns;
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false,
                UnitResolver.identity("unit"), problems, true)) {
            t.readAll();
            nominal = t.indicators();
            patterns = t.patterns();
        }
        assertThat(problems.sorted()).isEmpty();
        Function<SurveyIndicators, RawData> join = s -> join(fw, s, x);
        Build build = Scorer.score(fw, join.apply(nominal));
        return new Tallied(fw, new SurveySample(List.of(patterns), nominal, join), build);
    }

    /** The survey's values where it has them, X's given values elsewhere (the score step's join, for one channel). */
    private static RawData join(Framework fw, SurveyIndicators s, double[] x) {
        List<Unit> units = new ArrayList<>();
        for (String u : s.units()) {
            units.add(new Unit(u, new Names("城市" + u, "City " + u), Map.of()));
        }
        double[][] values = new double[fw.indicators().size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = fw.indicators().get(j).source().equals("s") ? s.values()[j].clone() : x.clone();
        }
        return new RawData(units, values, null, new double[0][], null);
    }

    private static SurveyBootstrap.Options options(int replicates, long seed, int threads) {
        return new SurveyBootstrap.Options(replicates, seed, UncertaintyOptions.defaults().withSeed(seed)
                .withThreads(threads), threads);
    }

    /**
     * City a: micro answers Q01 5 and 1 (scores 100, 0), small 3 (50); city b: micro 4, 4 (75, 75), small 2, 4
     * (25, 75). Enumerated: M(a) = ½·mean(2 draws of {100, 0}) + 25 is 75, 50, 25 with probability ¼, ½, ¼; M(b) =
     * 37.5 + ½·mean(2 draws of {25, 75}) is 75, 62.5, 50 with ¼, ½, ¼. So a ranks first (alone or tied) with
     * P = ¼ + ½·¼ = 3/8, b with P = 1 − P(M(a) > M(b)) = 1 − ¼·¾ = 13/16.
     */
    @Test
    void aHandMadeSampleGivesTheEnumeratedDistribution() throws IOException {
        Tallied t = tally(ONE_QUESTION, null, List.of("1,a,micro,x,5,", "2,a,micro,x,1,", "3,a,small,x,3,",
                "4,b,micro,x,4,", "5,b,micro,x,4,", "6,b,small,x,2,", "7,b,small,x,4,"));
        assertThat(t.build().indexScores()).containsExactly(50, 62.5);
        SurveyPatterns p = t.sample().patterns().get(0);
        // b's two micro answers are one pattern counted twice
        assertThat(p.counts()).containsExactly(1, 1, 1, 2, 1, 1);
        assertThat(p.cellStart()).containsExactly(0, 2, 3, 3, 4, 6, 6);

        int n = 4000;
        SurveyBootstrapResult r = SurveyBootstrap.run(t.build(), t.sample(), options(n, 7, 1), Progress.NONE);

        SurveyBootstrapResult.IndicatorSpread m = r.indicator("M");
        assertThat(m.units()).containsExactly("a", "b");
        assertThat(m.nominal()).containsExactly(50, 62.5);
        // exact bootstrap standard errors: ½·σ/√2 with σ = 50 for a, σ = 25 for b
        assertThat(m.sd()[0]).isCloseTo(12.5 * Math.sqrt(2), within(0.5));
        assertThat(m.sd()[1]).isCloseTo(6.25 * Math.sqrt(2), within(0.25));
        assertThat(m.mean()[0]).isCloseTo(50, within(1.0));
        assertThat(m.p05()).containsExactly(25, 50);
        assertThat(m.p95()).containsExactly(75, 75);
        assertThat(m.defined()).containsExactly(n, n);

        SurveyBootstrapResult.RankSpread s = r.sampling();
        assertThat(s.p05()).containsExactly(1, 1);
        assertThat(s.p95()).containsExactly(2, 2);
        assertThat(s.median()).containsExactly(2, 1);          // P(a first) = 3/8 < ½ < P(b first) = 13/16
        assertThat(s.best()).containsExactly(1, 1);
        assertThat(s.worst()).containsExactly(2, 2);
        assertThat(s.ranked()).containsExactly(n, n);
        assertThat(r.respondents()).isEqualTo(7);
        assertThat(r.patterns()).isEqualTo(6);
        assertThat(r.nominalRank()).containsExactly(2, 1);
    }

    @Test
    void theReplicatesFollowTheEnumeratedProbabilities() throws IOException {
        Tallied t = tally(ONE_QUESTION, null, List.of("1,a,micro,x,5,", "2,a,micro,x,1,", "3,a,small,x,3,",
                "4,b,micro,x,4,", "5,b,micro,x,4,", "6,b,small,x,2,", "7,b,small,x,4,"));
        RespondentResampling rs = new RespondentResampling(t.fw(), t.sample());
        RespondentResampling.Scratch scratch = rs.scratch();
        Rng rng = new Rng(0);
        int n = 8000;
        int[] a = new int[3];
        int aFirst = 0;
        for (int r = 0; r < n; r++) {
            rng.reseed(SurveyBootstrap.resampleSeed(3, r));
            double[] m = rs.replicate(rng, scratch).values()[0];
            assertThat(m[0]).isIn(75.0, 50.0, 25.0);
            assertThat(m[1]).isIn(75.0, 62.5, 50.0);
            a[m[0] == 75 ? 0 : m[0] == 50 ? 1 : 2]++;
            aFirst += m[0] >= m[1] ? 1 : 0;
        }
        assertThat(a[0] / (double) n).isCloseTo(0.25, within(0.015));
        assertThat(a[1] / (double) n).isCloseTo(0.5, within(0.015));
        assertThat(aFirst / (double) n).isCloseTo(3.0 / 8, within(0.015));
    }

    /**
     * Every respondent of a city gives the same answers (cities differ): no replicate can differ from the sample, so
     * every sampling interval has zero width at the nominal rank, and the combined interval is exactly the weight
     * Monte Carlo's (replicate r perturbs the weights as uncertainty run r does).
     */
    @Test
    void identicalAnswersWithinEachCityGiveZeroWidthAndTheWeightIntervalsExactly() throws IOException {
        List<String> rows = new ArrayList<>();
        int id = 0;
        int[][] answers = {{5, 4}, {4, 2}, {3, 5}, {2, 3}, {4, 4}};
        for (int c = 0; c < answers.length; c++) {
            for (String size : List.of("micro", "micro", "micro", "small", "small", "medium")) {
                rows.add(++id + ",c" + c + "," + size + ",x," + answers[c][0] + "," + answers[c][1]);
            }
        }
        double[] x = {10, 40, 30, 50, 20};
        Tallied t = tally(MIXED, x, rows);
        SurveyBootstrapResult r = SurveyBootstrap.run(t.build(), t.sample(), options(300, 5, 2), Progress.NONE);

        double[] nominal = java.util.Arrays.stream(t.build().indexRanks()).asDoubleStream().toArray();
        assertThat(r.sampling().p05()).containsExactly(nominal);
        assertThat(r.sampling().p95()).containsExactly(nominal);
        for (SurveyBootstrapResult.IndicatorSpread s : r.indicators()) {
            assertThat(s.sd()).containsOnly(0.0);
        }
        assertThat(r.indicators()).extracting(SurveyBootstrapResult.IndicatorSpread::indicator)
                .containsExactly("M", "F", "G");
        UncertaintyResult mc = Uncertainty.run(CompiledIndex.of(t.build()), UncertaintyOptions.defaults()
                .withRuns(300).withSeed(5).withThreads(1));
        assertThat(r.combined().p05()).containsExactly(mc.rankP05());
        assertThat(r.combined().p95()).containsExactly(mc.rankP95());
        assertThat(r.combined().median()).containsExactly(mc.medianRank());
        assertThat(mc.rankP95()).isNotEqualTo(mc.rankP05());       // the weights do move some ranks
    }

    /** Random answers without blanks, three cities × three size classes; {@code copies} of every respondent. */
    private static List<String> randomSurvey(int copies) {
        SplittableRandom random = new SplittableRandom(11);
        List<String> rows = new ArrayList<>();
        int id = 0;
        String[] sizes = {"micro", "small", "medium"};
        int[] perCell = {40, 25, 12};
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 3; s++) {
                for (int k = 0; k < perCell[s]; k++) {
                    int q1 = 1 + random.nextInt(5);
                    int q2 = Math.min(5, Math.max(1, q1 + random.nextInt(3) - 1 + (c == 1 ? 1 : 0)));
                    for (int copy = 0; copy < copies; copy++) {
                        rows.add(++id + ",c" + c + "," + sizes[s] + ",x," + q1 + "," + q2);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The bootstrap standard error of a post-stratified mean score is √(Σ w_s² σ_s²/n_s) / Σ w_s (σ_s the class's
     * standard deviation, divisor n_s): the estimate comes close to it, and with every respondent duplicated (σ_s
     * unchanged, n_s doubled) it shrinks by 1/√2.
     */
    @Test
    void theStandardErrorMatchesTheExactBootstrapOneAndShrinksByRootTwoWithTwiceTheRespondents() throws IOException {
        double[] x = {10, 40, 30};
        Tallied once = tally(MIXED, x, randomSurvey(1));
        SurveyBootstrapResult r1 = SurveyBootstrap.run(once.build(), once.sample(), options(2000, 3, 2),
                Progress.NONE);
        Tallied twice = tally(MIXED, x, randomSurvey(2));
        SurveyBootstrapResult r2 = SurveyBootstrap.run(twice.build(), twice.sample(), options(2000, 3, 2),
                Progress.NONE);

        SurveyPatterns p = once.sample().patterns().get(0);
        double[] mix = {0.7, 0.25, 0.05};
        for (int u = 0; u < 3; u++) {
            double var = 0;
            for (int s = 0; s < 3; s++) {
                int cell = u * 3 + s;
                double n = 0;
                double sum = 0;
                double sq = 0;
                for (int k = p.cellStart()[cell]; k < p.cellStart()[cell + 1]; k++) {
                    double score = (p.answers()[k * 2] - 1) * 25.0;
                    n += p.counts()[k];
                    sum += p.counts()[k] * score;
                    sq += p.counts()[k] * score * score;
                }
                double sigma2 = sq / n - (sum / n) * (sum / n);
                var += mix[s] * mix[s] * sigma2 / n;
            }
            double exact = Math.sqrt(var);
            double sd1 = r1.indicator("M").sd()[u];
            double sd2 = r2.indicator("M").sd()[u];
            assertThat(sd1 / exact).as("city c%d", u).isCloseTo(1, within(0.05));
            assertThat(sd2 / sd1).as("city c%d", u).isCloseTo(1 / Math.sqrt(2), within(0.04));
            assertThat(r2.indicator("F").sd()[u] / r1.indicator("F").sd()[u]).isCloseTo(1 / Math.sqrt(2),
                    within(0.05));
        }
        // twice the respondents, the same values: the nominal scores agree
        assertThat(twice.build().indexScores()).containsExactly(once.build().indexScores());
    }

    @Test
    void theSameSeedGivesTheSameResultForAnyThreadCount() throws IOException {
        Tallied t = tally(MIXED, new double[] {10, 40, 30}, randomSurvey(1));
        SurveyBootstrapResult one = SurveyBootstrap.run(t.build(), t.sample(), options(200, 9, 1), Progress.NONE);
        SurveyBootstrapResult three = SurveyBootstrap.run(t.build(), t.sample(), options(200, 9, 3), Progress.NONE);
        SurveyBootstrapResult other = SurveyBootstrap.run(t.build(), t.sample(), options(200, 10, 1), Progress.NONE);
        assertThat(three).usingRecursiveComparison().isEqualTo(one);
        assertThat(other.indicator("M").sd()).isNotEqualTo(one.indicator("M").sd());
    }

    @Test
    void anOriginalSampleThatDoesNotReproduceTheBuildIsCaughtBeforeAnyReplicate() throws IOException {
        Tallied t = tally(MIXED, new double[] {10, 40, 30}, randomSurvey(1));
        SurveyIndicators n = t.sample().nominal();
        double[][] v = n.values().clone();
        v[1] = v[1].clone();
        v[1][2] += 1e-9;
        SurveySample off = new SurveySample(t.sample().patterns(), new SurveyIndicators(n.units(), v, n.provenance(),
                n.warnings()), t.sample().join());
        assertThatThrownBy(() -> SurveyBootstrap.run(t.build(), off, options(10, 1, 1), Progress.NONE))
                .isInstanceOf(ReaggregationMismatchException.class)
                .hasMessageContaining("indicator F of c2 is " + n.values()[1][2] + " from the respondents' patterns");
        // a build from other survey values than the sample's: the index differs
        Build other = Scorer.score(t.fw(), t.sample().join().apply(off.nominal()));
        assertThatThrownBy(() -> SurveyBootstrap.run(other, t.sample(), options(10, 1, 1), Progress.NONE))
                .isInstanceOf(ReaggregationMismatchException.class)
                .hasMessageContaining("from the original sample's patterns");
    }
}
