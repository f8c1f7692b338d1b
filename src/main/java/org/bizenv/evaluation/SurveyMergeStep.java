package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyDetail;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyTally;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Combines the survey partitions' results, file by file and within a file in the order of its parts
 * ({@link SurveyTally#merged}): integer counts summed, respondent fingerprint tables merged (a repeated respondent
 * is caught whichever partitions its rows fell in, and settled by reading the file once more, as in one reading),
 * problems in file order. Then, as the survey step did in one piece before: either fails listing every problem with
 * the intake's, or saves each year's survey indicators as {@code survey-current} and {@code survey-previous}, this
 * year's detail (standard errors, breakdowns by industry and size class, from the merged tallies: the same for any
 * number of partitions) as {@code survey-detail-current} and, when the survey bootstrap will run, this year's answer
 * patterns as {@code survey-patterns-current}.
 */
class SurveyMergeStep implements Tasklet {

    private final SurveyFiles files;
    private final Workspace workspace;

    SurveyMergeStep(SurveyFiles files, Workspace workspace) {
        this.files = files;
        this.workspace = workspace;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String[][] plan = workspace.load(Workspace.SURVEY_PLAN, String[][].class);
        if (plan.length != files.count()) {
            throw new IllegalStateException("the survey partitions of " + plan.length + " files were saved, the run"
                    + " has " + files.count());
        }
        Problems problems = new Problems();
        problems.addAll(List.of(workspace.load(Workspace.INTAKE_PROBLEMS, DataProblem[].class)));
        int per = files.sources().size();
        List<SurveyIndicators> byYear = new ArrayList<>();
        List<SurveyPatterns> patterns = new ArrayList<>();
        List<SurveyDetail> detail = new ArrayList<>();
        // problems about registry cities the framework leaves out are dropped, as in the partitions
        Problems found = Intake.evaluatedOnly(files.resolver(), problems);
        for (int year = 0; year < files.years().size(); year++) {
            List<SourceUnits> named = new ArrayList<>(workspace.load(year == 0 ? Workspace.INTAKE_CURRENT
                    : Workspace.INTAKE_PREVIOUS, IntakeResult.class).sources());
            List<SurveyIndicators> parts = new ArrayList<>();
            for (int f = year * per; f < (year + 1) * per; f++) {
                SurveyTally t = SurveyTally.merged(files.framework(), files.source(f), files.data(f),
                        files.lastYear(f), files.resolver(), found, files.keepPatterns(f),
                        partsOf(plan[f]));
                SurveyIndicators ind = t.indicators();
                parts.add(ind);
                named.add(UnitCoverage.of(t, ind));
                if (year == 0) {
                    detail.add(t.detail());
                }
                if (files.keepPatterns(f)) {
                    patterns.add(t.patterns());
                }
            }
            UnitCoverage.check(files.resolver(), named, problems);
            byYear.add(SurveyIndicators.combine(files.framework().indicators().size(), parts));
        }
        if (!problems.isEmpty()) {
            // All sources were read and checked; fail with every problem at once (the job stops before scoring).
            throw new InputDataException(problems.sorted());
        }
        workspace.save(Workspace.SURVEY_CURRENT, byYear.get(0));
        workspace.save(Workspace.SURVEY_DETAIL, detail.toArray(SurveyDetail[]::new));
        if (byYear.size() > 1) {
            workspace.save(Workspace.SURVEY_PREVIOUS, byYear.get(1));
        }
        if (files.keepPatterns()) {
            workspace.save(Workspace.SURVEY_PATTERNS, patterns.toArray(SurveyPatterns[]::new));
        }
        return RepeatStatus.FINISHED;
    }

    /** A file's partitions' results in order, each loaded when the merge comes to it (one in memory at a time). */
    private Iterable<SurveyTally.Part> partsOf(String[] names) {
        return () -> Arrays.stream(names).map(this::load).iterator();
    }

    private SurveyTally.Part load(String partition) {
        return workspace.take(SurveyStep.dataSet(partition), SurveyTally.Part.class);
    }
}
