package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

import org.bizenv.framework.Framework;
import org.bizenv.report.EngineVersion;
import org.bizenv.report.PreviousResults;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.RobustnessMapper;
import org.bizenv.report.RobustnessSection;
import org.bizenv.robustness.PipelineAnalysis;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.SobolIndices;
import org.bizenv.scenario.UncertaintyLoader;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.Scenario;
import org.bizenv.robustness.SurveyBootstrap;
import org.bizenv.robustness.SurveyBootstrapResult;
import org.bizenv.robustness.SurveySample;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyTally;
import java.util.function.Supplier;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.survey.SurveyIndicators;

/**
 * The score step's work as plain Java: both years scored from their joined channels, the report model assembled, the
 * robustness analysis added. {@link ScoreStep} runs it in the job; {@link Validation} runs the same scoring and
 * assembly, so whatever would fail the score step on some inputs fails {@code bizenv validate} on them too.
 */
final class Scoring {

    private Scoring() {
    }

    /** What the score step is asked to do, as the job's parameters state it. */
    record Inputs(Path framework, Path data, int year, Path previousData, Path previousReport, String generatedAt,
                  RobustnessSettings robustness) {
    }

    /** One year's data channels as the intake and survey steps leave them. */
    record Year(IntakeResult intake, SurveyIndicators survey) {
    }

    /**
     * This year's build, and last year's results to compare with (null without either).
     *
     * @param lastRaw last year's data as joined for this year's carry-forward imputation (null without last year's
     *                data): kept so that the survey bootstrap joins its replicates with the very same
     */
    record Scored(Build current, PreviousResults previous, RawData lastRaw, RawData currentRaw) {
    }

    /**
     * Scores this year, and last year unless its published report is given (which wins over re-scoring last year's
     * data; those then only serve carry-forward imputation, aligned to this year's units by code).
     *
     * @param lastYear last year's channels, or null
     * @throws org.bizenv.scoring.ScoringException when the framework's methods cannot score the data
     */
    static Scored score(Framework fw, Inputs in, Year thisYear, Year lastYear) {
        RawData lastRaw = lastYear == null ? null : Channels.join(lastYear.intake(), lastYear.survey(), null);
        PreviousResults previous = in.previousReport() != null ? PreviousResults.read(in.previousReport())
                : lastRaw != null ? PreviousResults.of(Scorer.score(fw, lastRaw), in.year() - 1) : null;
        RawData raw = Channels.join(thisYear.intake(), thisYear.survey(), lastRaw);
        return new Scored(Scorer.score(fw, raw), previous, lastRaw, raw);
    }

    /**
     * What the survey bootstrap resamples: this year's answer patterns, and the join by which {@link #score} turned this
     * year's survey indicators into raw data; null when the bootstrap is off or the framework has no survey source.
     *
     * @param patterns loads the patterns the survey step kept (only called when they are needed)
     */
    static SurveySample surveySample(Framework fw, RobustnessSettings rs, Year thisYear, Scored scored,
                                     Supplier<List<SurveyPatterns>> patterns) {
        if (!rs.enabled() || rs.surveyBootstrap() == 0 || SurveyTally.sources(fw).isEmpty()) {
            return null;
        }
        return new SurveySample(patterns.get(), thisYear.survey(),
                survey -> Channels.join(thisYear.intake(), survey, scored.lastRaw()));
    }

    /** The report model of a scored year, without the robustness analysis. */
    static Report report(Scored scored, Inputs in, Year thisYear) {
        Map<String, String> params = new TreeMap<>();
        // Inputs only (not where the report is written), as the user would type them: the same inputs give the
        // same report wherever it is published.
        params.put("framework", EvaluationRequest.shown(in.framework()));
        params.put("data", EvaluationRequest.shown(in.data()));
        params.put("year", Integer.toString(in.year()));
        params.put("previous-data", in.previousData() == null ? "" : EvaluationRequest.shown(in.previousData()));
        params.put("previous-report", in.previousReport() == null ? "" : EvaluationRequest.shown(in.previousReport()));
        params.put("generated-at", in.generatedAt());
        RobustnessSettings rs = in.robustness();
        params.putAll(robustnessParameters(rs));
        List<Report.SourceFile> files = new ArrayList<>(thisYear.intake().files());
        for (Path f : rs.scenarios()) {                 // scenario files are inputs of the report too
            files.add(new Report.SourceFile("scenarios", "scenarios", EvaluationRequest.shown(f), Fingerprint.sha256(f),
                    f.toFile().length()));
        }
        ReportAssembler.Context ctx = new ReportAssembler.Context(in.year(), in.generatedAt(), EngineVersion.get(),
                in.framework().getFileName().toString(), Fingerprint.sha256(in.framework()), files, params,
                inputWarnings(scored.current().framework(), thisYear),
                thinSamples(SkippedUnits.evaluatedOnly(scored.current().framework(), thisYear.survey())),
                SkippedUnits.bySource(scored.current().framework(), thisYear.intake(), thisYear.survey()));
        return ReportAssembler.assemble(scored.current(), scored.previous(), ctx);
    }

    /** What reading this year's inputs found worth saying: rows skipped as outside the units evaluated, the survey's. */
    private static List<org.bizenv.framework.Names> inputWarnings(Framework fw, Year thisYear) {
        List<org.bizenv.framework.Names> out = new ArrayList<>(SkippedUnits.notes(fw, thisYear.intake(),
                thisYear.survey()));
        out.addAll(SkippedUnits.evaluatedOnly(fw, thisYear.survey()).warnings());
        return out;
    }

    /** This year's thin survey samples as the report states them. */
    private static List<Report.ThinSampleInfo> thinSamples(SurveyIndicators survey) {
        return survey.thinSamples().stream().map(t -> new Report.ThinSampleInfo(t.unit(), t.indicator(),
                t.question(), t.answers(), t.minimum())).toList();
    }

    /** The robustness settings as the report's parameters list them (only "robustness: off" when it did not run). */
    static Map<String, String> robustnessParameters(RobustnessSettings rs) {
        Map<String, String> p = new TreeMap<>();
        p.put("robustness", rs.enabled() ? "on" : "off");
        if (rs.enabled()) {
            p.put("scenarios", String.join(", ", rs.scenarios().stream().map(EvaluationRequest::shown).toList()));
            p.put("uncertainty-runs", Integer.toString(rs.uncertaintyRuns()));
            p.put("perturbation", rs.perturbation());
            p.put("sensitivity-samples", Integer.toString(rs.sensitivitySamples()));
            p.put("survey-bootstrap", Integer.toString(rs.surveyBootstrap()));
            p.put("seed", Long.toString(rs.seed()));
            if (rs.uncertainty() != null) {         // only when given: reports without one stay as they were
                p.put("uncertainty-file", EvaluationRequest.shown(rs.uncertainty()));
                if (rs.focusCity() != null) {
                    p.put("focus-city", rs.focusCity());
                }
            }
        }
        return p;
    }

    /**
     * Runs the robustness analysis of this year's build and adds it to the report. Reproducible: the numbers depend on
     * the build and the settings (seed included), not on the number of threads.
     *
     * @param sample the survey sample to bootstrap ({@link #surveySample}), or null for none
     * @param raw    the raw data the build was scored from (the whole-pipeline analysis reruns its stages)
     */
    static Report robustness(Report report, Build build, RawData raw, SurveySample sample, RobustnessSettings rs,
                             Progress progress) {
        Framework fw = build.framework();
        List<Scenario> scenarios = ScenarioFiles.load(fw, rs.scenarios());
        int threads = Runtime.getRuntime().availableProcessors();
        RobustnessRequest request = rs.request(fw, scenarios, threads);
        // The survey bootstrap beside the other analyses, not after them: each has serial stretches (compiling,
        // checking, summarising) that leave a core idle, which the other's workers fill. Independent inputs and
        // outputs; a failure of the other analyses is still the one reported when both fail, as when run in turn.
        Future<SurveyBootstrapResult> bootstrap = sample == null ? null : Background.start("bizenv-survey-bootstrap",
                () -> SurveyBootstrap.run(build, sample, rs.bootstrapOptions(threads), progress));
        RobustnessResult result = RobustnessAnalysis.run(build, raw, request, progress);
        if (bootstrap != null) {
            result = result.withSurveyBootstrap(Background.join(bootstrap));
        }
        UncertaintyLoader.UncertaintyFile file = ScenarioFiles.loadUncertainty(fw, rs.uncertainty());
        if (file != null && (rs.uncertaintyRuns() > 0 || rs.sensitivitySamples() > 0)) {
            SobolIndices.Options sobol = rs.sensitivitySamples() == 0 ? null : SobolIndices.Options.defaults()
                    .withBaseSamples(rs.sensitivitySamples()).withSeed(rs.seed());
            String focus = rs.focusCity() != null ? rs.focusCity() : file.focusCity();
            result = result.withPipeline(PipelineAnalysis.run(build, raw, EvaluationRequest.shown(rs.uncertainty()),
                    file.inputs(), new PipelineAnalysis.Options(rs.uncertaintyRuns(), rs.seed(), sobol, focus, threads),
                    progress));
        }
        RobustnessSection.Settings settings = new RobustnessSection.Settings(rs.seed(), rs.uncertaintyRuns(),
                rs.perturbation(), rs.sensitivitySamples(), rs.sensitivityFactor(), request.reversalNorm().name(),
                rs.scenarios().stream().map(EvaluationRequest::shown).toList());
        return RobustnessMapper.attach(report, result, settings);
    }

    /**
     * The scenarios compared with this year's build, as the robustness analysis compares them (and fails on a
     * scenario the data cannot support, e.g. a geometric mean over a zero), without the Monte Carlo runs.
     */
    static void compareScenarios(Build build, RawData raw, List<Path> files) {
        List<Scenario> scenarios = ScenarioFiles.load(build.framework(), files);
        RobustnessAnalysis.run(build, raw, new RobustnessRequest(scenarios, null, null, null, false, List.of(),
                RobustnessSettings.MARGIN_NORM), Progress.NONE);
    }
}
