package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bizenv.framework.Framework;
import org.bizenv.report.EngineVersion;
import org.bizenv.report.PreviousResults;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.RobustnessMapper;
import org.bizenv.report.RobustnessSection;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.Scenario;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.survey.SurveyIndicators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The score step: joins each year's channels ({@link Channels}), scores both years ({@link Scorer}), assembles the
 * report model (the named data set "report") and adds the robustness analysis. Step-scoped.
 */
class ScoreStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreStep.class);

    /** What the step is asked to do, as the job's parameters state it. */
    record Inputs(Path framework, Path data, int year, Path previousData, Path previousReport, String generatedAt,
                  RobustnessSettings robustness) {
    }

    private final Framework framework;
    private final Workspace workspace;
    private final Inputs in;

    ScoreStep(Framework framework, Workspace workspace, Inputs inputs) {
        this.framework = framework;
        this.workspace = workspace;
        this.in = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IntakeResult intake = workspace.load(Workspace.INTAKE_CURRENT, IntakeResult.class);
        SurveyIndicators survey = workspace.load(Workspace.SURVEY_CURRENT, SurveyIndicators.class);
        RawData lastYear = in.previousData() == null ? null
                : Channels.join(workspace.load(Workspace.INTAKE_PREVIOUS, IntakeResult.class),
                        workspace.load(Workspace.SURVEY_PREVIOUS, SurveyIndicators.class), null);
        // Last year's results as published win over re-scoring last year's data, which then only serve
        // carry-forward imputation (last year's raw values, aligned to this year's units by code).
        PreviousResults previous = in.previousReport() != null ? PreviousResults.read(in.previousReport())
                : lastYear != null ? PreviousResults.of(Scorer.score(framework, lastYear), in.year() - 1) : null;
        Build current = Scorer.score(framework, Channels.join(intake, survey, lastYear));

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
        List<Report.SourceFile> files = new ArrayList<>(intake.files());
        for (Path f : rs.scenarios()) {                 // scenario files are inputs of the report too
            files.add(new Report.SourceFile("scenarios", "scenarios", EvaluationRequest.shown(f), Fingerprint.sha256(f),
                    f.toFile().length()));
        }
        ReportAssembler.Context ctx = new ReportAssembler.Context(in.year(), in.generatedAt(), EngineVersion.get(),
                in.framework().getFileName().toString(), Fingerprint.sha256(in.framework()), files, params,
                survey.warnings());
        Report report = ReportAssembler.assemble(current, previous, ctx);
        if (rs.enabled()) {
            report = robustness(report, current, rs);
        }
        workspace.save(Workspace.REPORT, report);
        return RepeatStatus.FINISHED;
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
            p.put("seed", Long.toString(rs.seed()));
        }
        return p;
    }

    /**
     * Runs the robustness analysis of this year's build and adds it to the report. Reproducible: the numbers depend on
     * the build and the settings (seed included), not on the number of threads.
     */
    static Report robustness(Report report, Build build, RobustnessSettings rs) {
        Framework fw = build.framework();
        List<Scenario> scenarios = ScenarioFiles.load(fw, rs.scenarios());
        int threads = Runtime.getRuntime().availableProcessors();
        RobustnessRequest request = rs.request(fw, scenarios, threads);
        log.info("Robustness analysis: {} uncertainty runs ({}), Sobol sensitivity with N = {}, {} scenario(s), "
                + "rank-reversal margins, seed {}", rs.uncertaintyRuns(), rs.perturbation(), rs.sensitivitySamples(),
                scenarios.size(), rs.seed());
        long t0 = System.nanoTime();
        RobustnessResult result = RobustnessAnalysis.run(build, request,
                new LoggedProgress(log::info, System::nanoTime, LoggedProgress.DEFAULT_INTERVAL_NANOS));
        log.info("Robustness analysis done in {} ms", (System.nanoTime() - t0) / 1_000_000);
        RobustnessSection.Settings settings = new RobustnessSection.Settings(rs.seed(), rs.uncertaintyRuns(),
                rs.perturbation(), rs.sensitivitySamples(), rs.sensitivityFactor(), request.reversalNorm().name(),
                rs.scenarios().stream().map(EvaluationRequest::shown).toList());
        return RobustnessMapper.attach(report, result, settings);
    }
}
