package org.bizenv.evaluation;

import org.bizenv.framework.Framework;
import org.bizenv.report.Report;
import java.util.List;

import org.bizenv.robustness.SurveySample;
import org.bizenv.survey.SurveyDetail;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The score step: a shell over {@link Scoring}. Loads the intake and survey data sets of both years, scores them,
 * assembles the report model with its robustness analysis and saves it as the named data set "report". Step-scoped.
 */
class ScoreStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ScoreStep.class);

    private final Framework framework;
    private final Workspace workspace;
    private final Scoring.Inputs in;

    ScoreStep(Framework framework, Workspace workspace, Scoring.Inputs inputs) {
        this.framework = framework;
        this.workspace = workspace;
        this.in = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Scoring.Year thisYear = new Scoring.Year(workspace.load(Workspace.INTAKE_CURRENT, IntakeResult.class),
                workspace.load(Workspace.SURVEY_CURRENT, SurveyIndicators.class));
        Scoring.Year lastYear = in.previousData() == null ? null
                : new Scoring.Year(workspace.load(Workspace.INTAKE_PREVIOUS, IntakeResult.class),
                        workspace.load(Workspace.SURVEY_PREVIOUS, SurveyIndicators.class));
        Scoring.Scored scored = Scoring.score(framework, in, thisYear, lastYear);
        Report report = Scoring.report(scored, in, thisYear);
        report = report.withSurvey(SurveyDetails.forReport(framework,
                List.of(workspace.load(Workspace.SURVEY_DETAIL, SurveyDetail[].class)),
                report.units().stream().map(Report.UnitInfo::code).toList()));
        RobustnessSettings rs = in.robustness();
        if (rs.enabled()) {
            SurveySample sample = Scoring.surveySample(framework, rs, thisYear, scored,
                    () -> List.of(workspace.load(Workspace.SURVEY_PATTERNS, SurveyPatterns[].class)));
            log.info("Robustness analysis: {} uncertainty runs ({}), Sobol sensitivity with N = {}, {} scenario file(s), "
                    + "rank-reversal margins, {} survey bootstrap replicates, seed {}", rs.uncertaintyRuns(),
                    rs.perturbation(), rs.sensitivitySamples(), rs.scenarios().size(),
                    sample == null ? 0 : rs.surveyBootstrap(), rs.seed());
            long t0 = System.nanoTime();
            if (rs.uncertainty() != null) {
                log.info("Whole-pipeline uncertainty: {} ({} runs, Sobol N = {})",
                        EvaluationRequest.shown(rs.uncertainty()), rs.uncertaintyRuns(), rs.sensitivitySamples());
            }
            report = Scoring.robustness(report, scored.current(), scored.currentRaw(), sample, rs,
                    new LoggedProgress(log::info, System::nanoTime, LoggedProgress.DEFAULT_INTERVAL_NANOS));
            log.info("Robustness analysis done in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        workspace.save(Workspace.REPORT, report);
        return RepeatStatus.FINISHED;
    }
}
