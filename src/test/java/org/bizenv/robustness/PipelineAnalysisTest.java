package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;
import org.bizenv.robustness.PipelineInput.MethodChoice;
import org.bizenv.robustness.PipelineInput.Step;
import org.bizenv.robustness.PipelineInput.WeightFactor;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-pipeline analysis: at the framework's own choices it is the scorer; a draw of any alternative is the
 * scorer on the framework edited to that alternative, bit for bit; an input without effect gets Sobol indices 0.
 */
class PipelineAnalysisTest {

    @TempDir
    Path dir;

    /** Two dimensions, entropy weights in D1, mean imputation, COINr outlier treatment, min-max onto [1, 100]. */
    private static final String YAML = """
            framework: {id: p, name: {en: P}}
            ranking: {decimals: 2, compare: rounded}
            tiers: {method: quantiles, count: 3}
            defaults:
              normalisation: NORM
              imputation: IMP
              treatment: TREAT
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {en: Index}, aggregation: AGG}
              - {code: D1, parent: INDEX, weight: 2, name: {en: D1}, weighting: WEIGH}
              - {code: D2, parent: INDEX, weight: 1, name: {en: D2}}
            indicators:
              - {code: A1, parent: D1, weight: 1, name: {en: A1}, direction: higher, source: s, field: A1}
              - {code: A2, parent: D1, weight: 1, name: {en: A2}, direction: higher, source: s, field: A2}
              - {code: A3, parent: D1, weight: 1, name: {en: A3}, direction: lower, source: s, field: A3}
              - {code: B1, parent: D2, weight: 2, name: {en: B1}, direction: higher, source: s, field: B1}
              - {code: B2, parent: D2, weight: 1, name: {en: B2}, direction: higher, source: s, field: B2}
              - {code: B3, parent: D2, weight: 1, name: {en: B3}, direction: lower, source: s, field: B3}
            """;

    private static final String NORM = "{method: minmax, min: 1, max: 100}";
    private static final String IMP = "{method: mean}";
    private static final String TREAT = "{method: coinr}";
    private static final String AGG = "{method: arithmetic}";
    private static final String WEIGH = "{method: entropy}";

    /** Ten units; A2 and B2 have gaps, B1 an outlier that COINr's rule winsorises. */
    private static final double[][] VALUES = {
            {3, 5, 1, 8, 2, 7, 4, 6, 9, 5.5},
            {20, Double.NaN, 35, 9, 14, 30, 22, Double.NaN, 17, 25},
            {0.4, 0.9, 0.1, 0.7, 0.3, 0.5, 0.45, 0.8, 0.2, 0.6},
            {12, 8, 9.5, 15, 6, 11, 10, 7, 13, 400},
            {2, 9, 4, Double.NaN, 7, 3, 5, 8, 6, 1},
            {100, 140, 90, 120, 160, 110, 130, 95, 150, 105}};

    private Framework framework(String name, String norm, String imp, String treat, String agg, String weigh) {
        return Fixtures.framework(dir, name, YAML.replace("NORM", norm).replace("IMP", imp).replace("TREAT", treat)
                .replace("AGG", agg).replace("WEIGH", weigh));
    }

    private Framework nominal() {
        return framework("nominal.yaml", NORM, IMP, TREAT, AGG, WEIGH);
    }

    private static RawData data() {
        return Fixtures.data(VALUES);
    }

    private static MethodSpec spec(String method, Object... params) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        return new MethodSpec(method, p, 0);
    }

    private static final List<String> ALL = List.of("A1", "A2", "A3", "B1", "B2", "B3");

    private static List<PipelineInput> everyStep() {
        return List.of(
                new MethodChoice("imp", new Names("插补", "Imputation"), Step.IMPUTATION, ALL,
                        List.of(spec("mean"), spec("median"))),
                new MethodChoice("treat", new Names("处理", "Treatment"), Step.TREATMENT, ALL,
                        List.of(spec("coinr"), spec("none"))),
                new MethodChoice("norm", new Names("标准化", "Normalisation"), Step.NORMALISATION, ALL,
                        List.of(spec("minmax", "min", 1.0, "max", 100.0),
                                spec("percentile-rank", "min", 1.0, "max", 100.0))),
                new MethodChoice("weigh", new Names("赋权", "Weighting"), Step.WEIGHTING, List.of("D1"),
                        List.of(spec("entropy"), spec("critic"), spec("equal"))),
                new MethodChoice("agg", new Names("集成", "Aggregation"), Step.AGGREGATION, List.of("INDEX"),
                        List.of(spec("arithmetic"), spec("geometric"))));
    }

    /** The coordinate that draws alternative a of k. */
    private static double pick(int a, int k) {
        return (a + 0.5) / k;
    }

    private static void assertSameAsScorer(PipelineRun run, Build expected) {
        if (!expected.framework().file().getFileName().toString().equals("nominal.yaml")) {
            // the alternative matters: the edited framework does not score as the nominal one
            assertThat(expected.indexScores()).isNotEqualTo(run.px.ci.build().indexScores());
        }
        for (int k = 0; k < expected.nodeScores().length; k++) {
            double[] got = run.ev.scores(k);
            for (int i = 0; i < got.length; i++) {
                assertThat(Double.compare(got[i], expected.nodeScores()[k][i])).as("node %d unit %d: %s vs %s", k, i,
                        got[i], expected.nodeScores()[k][i]).isZero();
            }
        }
        assertThat(run.ev.ranks()).containsExactly(expected.indexRanks());
        assertThat(run.ev.tiers()).containsExactly(expected.tiers());
    }

    @Test
    void atTheFrameworksOwnChoicesItIsTheScorerBitForBit() {
        Build build = Scorer.score(nominal(), data());
        PipelineIndex px = PipelineIndex.of(build, data(), everyStep());
        PipelineRun run = new PipelineRun(px);
        run.evaluateNominal(true);
        assertSameAsScorer(run, build);
        // the framework's own methods drawn as alternatives give the same bits too (weights already sum to 1)
        run.evaluate(new double[] {pick(0, 2), pick(0, 2), pick(0, 2), pick(0, 3), pick(0, 2)});
        assertSameAsScorer(run, build);
        // 6 indicators × (1 + 2) imputations × (1 + 2) treatments × (1 + 2) normalisations
        assertThat(px.cachedRows()).isEqualTo(6 * 27);
    }

    @Test
    void aDrawOfAnyAlternativeIsTheScorerOnTheFrameworkEditedToIt() {
        drawsAreTheScorer(true);
    }

    @Test
    void withoutTheCacheEachRunRecomputesTheSameRows() {
        drawsAreTheScorer(false);
        RawData data = data();
        Build build = Scorer.score(nominal(), data);
        assertThat(PipelineIndex.of(build, data, everyStep(), false).cachedRows()).isZero();
        assertThat(PipelineAnalysis.runs(PipelineIndex.of(build, data, everyStep(), false), 200, 5, 1, Progress.NONE))
                .containsExactly(PipelineAnalysis.runs(PipelineIndex.of(build, data, everyStep()), 200, 5, 1,
                        Progress.NONE));
    }

    private void drawsAreTheScorer(boolean cache) {
        RawData data = data();
        PipelineIndex px = PipelineIndex.of(Scorer.score(nominal(), data), data, everyStep(), cache);
        PipelineRun run = new PipelineRun(px);
        String pr = "{method: percentile-rank, min: 1, max: 100}";
        // normalisation alone: renormalised, D1's entropy weights recomputed, re-aggregated
        run.evaluate(new double[] {pick(0, 2), pick(0, 2), pick(1, 2), pick(0, 3), pick(0, 2)});
        assertSameAsScorer(run, Scorer.score(framework("n.yaml", pr, IMP, TREAT, AGG, WEIGH), data));
        // imputation alone
        run.evaluate(new double[] {pick(1, 2), pick(0, 2), pick(0, 2), pick(0, 3), pick(0, 2)});
        assertSameAsScorer(run, Scorer.score(framework("i.yaml", NORM, "{method: median}", TREAT, AGG, WEIGH), data));
        // treatment alone
        run.evaluate(new double[] {pick(0, 2), pick(1, 2), pick(0, 2), pick(0, 3), pick(0, 2)});
        assertSameAsScorer(run, Scorer.score(framework("t.yaml", NORM, IMP, "{method: none}", AGG, WEIGH), data));
        // weighting alone, then aggregation alone
        run.evaluate(new double[] {pick(0, 2), pick(0, 2), pick(0, 2), pick(1, 3), pick(0, 2)});
        assertSameAsScorer(run, Scorer.score(framework("w.yaml", NORM, IMP, TREAT, AGG, "{method: critic}"), data));
        run.evaluate(new double[] {pick(0, 2), pick(0, 2), pick(0, 2), pick(0, 3), pick(1, 2)});
        assertSameAsScorer(run, Scorer.score(framework("a.yaml", NORM, IMP, TREAT, "{method: geometric}", WEIGH),
                data));
        // everything at once, after the others (the rows looked up again, nothing left over from earlier runs)
        run.evaluate(new double[] {pick(1, 2), pick(1, 2), pick(1, 2), pick(2, 3), pick(1, 2)});
        assertSameAsScorer(run, Scorer.score(framework("all.yaml", pr, "{method: median}", "{method: none}",
                "{method: geometric}", "{method: equal}"), data));
        run.evaluateNominal(false);
        assertSameAsScorer(run, Scorer.score(nominal(), data));
    }

    @Test
    void anInputWithoutEffectHasSobolIndicesZeroOnEveryOutput() {
        RawData data = data();
        Build build = Scorer.score(nominal(), data);
        // A1, A3, B3 have no gap: how they would be imputed changes nothing
        List<PipelineInput> inputs = List.of(
                new MethodChoice("imp", new Names("插补", "Imputation"), Step.IMPUTATION, List.of("A1", "A3", "B3"),
                        List.of(spec("mean"), spec("median"))),
                new WeightFactor("w:D1", new Names("D1", "D1"), "D1", 0.5),
                new WeightFactor("w:B1", new Names("B1", "B1"), "B1", 0.5),
                new MethodChoice("agg", new Names("集成", "Aggregation"), Step.AGGREGATION, List.of("INDEX"),
                        List.of(spec("arithmetic"), spec("geometric"))));
        PipelineAnalysis.Options o = new PipelineAnalysis.Options(200, 7,
                SobolIndices.Options.defaults().withBaseSamples(256).withBootstrap(0), "u3", 1);
        PipelineResult r = PipelineAnalysis.run(build, data, "u.yaml", inputs, o, Progress.NONE);
        assertThat(r.sensitivity()).hasSize(3);
        assertThat(r.sensitivity().get(1).output()).isEqualTo("index rank of u3");
        assertThat(r.sensitivity().get(2).output()).isEqualTo("index score of u3");
        for (SensitivityResult s : r.sensitivity()) {
            assertThat(s.outputVariance()).as(s.output()).isPositive();
            InputIndex none = s.inputs().get(0);
            assertThat(none.label()).isEqualTo("imp");
            assertThat(none.first()).as(s.output()).isEqualTo(0.0);
            assertThat(none.total()).as(s.output()).isEqualTo(0.0);
            // each table says how its numbers were made, in the weight analysis' words
            assertThat(s.notes()).extracting(Names::en).contains("design: Saltelli, N·(d + 2) = " + s.runs()
                    + " whole-pipeline runs; first order: Saltelli (2010); total order: Jansen (1999); V with divisor "
                    + "2N over f(A) and f(B)", "intervals: percentile bootstrap over the N rows, 0 resamples, 95%");
        }
        // the score of u3 moves with the weights and the mean, so they explain it
        SensitivityResult score = r.sensitivity().get(2);
        assertThat(score.inputs().get(1).total() + score.inputs().get(2).total() + score.inputs().get(3).total())
                .isGreaterThan(0.9);
        assertThat(r.runs()).isEqualTo(200);
        for (int i = 0; i < r.units().length; i++) {
            assertThat(r.rankP05()[i]).isLessThanOrEqualTo(r.rankP95()[i]);
            assertThat(r.bestRank()[i]).isLessThanOrEqualTo((int) Math.ceil(r.rankP05()[i]));
        }
        // only imputation choices touch rows, on three indicators: 3 × 3 + 3 × 1 rows
        assertThat(r.cachedRows()).isEqualTo(12);
        assertThat(r.inputs().get(0).recomputes().en()).startsWith("from imputation on");
    }

    @Test
    void theResultDoesNotDependOnTheThreads() {
        RawData data = data();
        Build build = Scorer.score(nominal(), data);
        PipelineResult one = PipelineAnalysis.run(build, data, "u.yaml", everyStep(),
                new PipelineAnalysis.Options(300, 3, null, null, 1), Progress.NONE);
        PipelineResult two = PipelineAnalysis.run(build, data, "u.yaml", everyStep(),
                new PipelineAnalysis.Options(300, 3, null, null, 2), Progress.NONE);
        assertThat(two.rankP05()).containsExactly(one.rankP05());
        assertThat(two.rankP95()).containsExactly(one.rankP95());
        assertThat(two.meanAbsShift()).containsExactly(one.meanAbsShift());
        assertThat(one.sensitivity()).isEmpty();
    }

    @Test
    void theNominalCheckNamesTheIndicatorWhoseStagesDoNotReproduceTheBuild() {
        RawData data = data();
        Build b = Scorer.score(nominal(), data);
        double[][] den = b.denominated().values().clone();
        den[4] = den[4].clone();
        den[4][0] += 1;          // B2's denominated values no longer lead to the build's normalised ones
        Build tampered = new Build(b.framework(), b.units(), b.provenance(), b.raw(),
                new Stage("denominated", den, b.denominated().flagged()), b.imputed(), b.transformed(), b.treated(),
                b.normalised(), b.notApplicable(), b.nodeScores(), b.nodeRanks(), b.indicatorRanks(), b.nodeWeights(),
                b.nodeWeight(), b.indicatorWeight(), b.effectiveNodeWeight(), b.effectiveIndicatorWeight(),
                b.treatment(), b.tiers(), b.warnings());
        assertThatThrownBy(() -> PipelineIndex.of(tampered, data, everyStep()))
                .isInstanceOfSatisfying(ReaggregationMismatchException.class, e -> assertThat(e.node()).isEqualTo("B2"))
                .hasMessageContaining("indicator B2's normalised values, recomputed from its denominated values");
    }

    @Test
    void unknownCodesAndAnUnknownFocusCityAreInputProblems() {
        RawData data = data();
        Build build = Scorer.score(nominal(), data);
        List<PipelineInput> bad = List.of(new MethodChoice("n", new Names("n", "n"), Step.NORMALISATION,
                List.of("A1", "D1"), List.of(spec("zscore"))), new WeightFactor("w", new Names("w", "w"), "INDEX", 0.2));
        assertThatThrownBy(() -> PipelineIndex.of(build, data, bad)).isInstanceOf(RobustnessException.class)
                .hasMessage("2 problems:\n  input n: no indicator 'D1' (normalisation)\n  input w: 'INDEX' is not a "
                        + "node or indicator with a parent");
        assertThatThrownBy(() -> PipelineAnalysis.run(build, data, "u.yaml", everyStep(),
                new PipelineAnalysis.Options(10, 1, null, "XX", 1), Progress.NONE))
                .isInstanceOf(RobustnessException.class)
                .hasMessage("focus city 'XX' is not among the units of this evaluation");
    }
}
