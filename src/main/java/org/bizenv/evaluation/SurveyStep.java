package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Source;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyDetail;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyResponse;
import org.bizenv.survey.SurveyTally;
import org.bizenv.survey.ValidResponse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The survey microdata step, chunk-oriented and a thin shell over {@link SurveyTally}: {@link #read} streams the
 * questionnaire rows (this year's files, then last year's), {@link #process} checks each row and {@link #write} counts
 * it. Every bad row is collected; {@link #afterStep} either fails listing all of them with the intake's problems, or
 * saves each year's survey indicators as the named data sets {@code survey-current} and {@code survey-previous}, this
 * year's detail (standard errors, breakdowns by industry and size class) as {@code survey-detail-current}, and
 * (when the survey bootstrap will run) this year's answers as patterns, {@code survey-patterns-current}.
 *
 * <p>Step-scoped: every step execution gets its own instance, so two runs in one JVM (or a restart) never share
 * tallies.
 */
class SurveyStep implements StepExecutionListener {

    /** A questionnaire row and the tally (year and source) it belongs to. */
    record Item(int tally, SurveyResponse response) {
    }

    /** A validated row and its tally. */
    record Valid(int tally, ValidResponse response) {
    }

    private final Framework framework;
    private final Workspace workspace;
    private final Path[] years;
    private final List<Source> sources;
    private final UnitResolver resolver;
    private final Problems problems = new Problems();
    /** Per year, per survey source; opened when the reader reaches them. */
    private final List<SurveyTally> tallies = new ArrayList<>();
    /** The tally {@link #read} reads from; -1 before the first. */
    private int current = -1;
    private final boolean keepPatterns;

    /**
     * @param previousData last year's data folder, or null
     * @param keepPatterns save this year's answer patterns for the survey bootstrap
     */
    SurveyStep(Framework framework, Workspace workspace, Path data, Path previousData, boolean keepPatterns) {
        this.keepPatterns = keepPatterns;
        this.framework = framework;
        this.workspace = workspace;
        this.years = previousData == null ? new Path[] {data} : new Path[] {data, previousData};
        this.sources = SurveyTally.sources(framework);
        // the intake step has reported the registry's problems already
        this.resolver = Intake.resolver(framework, new Problems());
    }

    /** The next row of the current file, moving on to the next file at its end; null when all are read. */
    Item read() {
        while (true) {
            if (current >= 0) {
                SurveyResponse r = tallies.get(current).next();
                if (r != null) {
                    return new Item(current, r);
                }
            }
            if (tallies.size() == years.length * sources.size()) {
                return null;
            }
            int year = tallies.size() / sources.size();
            // only this year is resampled; problems about registry cities the framework leaves out are dropped
            tallies.add(new SurveyTally(framework, sources.get(tallies.size() % sources.size()), years[year],
                    year > 0, resolver, Intake.evaluatedOnly(resolver, problems), keepPatterns && year == 0));
            current = tallies.size() - 1;
        }
    }

    Valid process(Item item) {
        ValidResponse v = tallies.get(item.tally()).validate(item.response());
        return v == null ? null : new Valid(item.tally(), v);
    }

    void write(Chunk<? extends Valid> chunk) {
        for (Valid v : chunk) {
            tallies.get(v.tally()).add(v.response());
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        tallies.forEach(SurveyTally::close);
        if (!stepExecution.getStatus().equals(BatchStatus.COMPLETED)) {
            return stepExecution.getExitStatus();
        }
        problems.addAll(List.of(workspace.load(Workspace.INTAKE_PROBLEMS, DataProblem[].class)));
        List<SurveyIndicators> byYear = new ArrayList<>();
        for (int year = 0; year < years.length; year++) {
            List<SourceUnits> named = new ArrayList<>(workspace.load(year == 0 ? Workspace.INTAKE_CURRENT
                    : Workspace.INTAKE_PREVIOUS, IntakeResult.class).sources());
            List<SurveyIndicators> parts = new ArrayList<>();
            for (SurveyTally t : tallies.subList(year * sources.size(), (year + 1) * sources.size())) {
                SurveyIndicators ind = t.indicators();
                parts.add(ind);
                named.add(UnitCoverage.of(t, ind));
            }
            UnitCoverage.check(resolver, named, problems);
            byYear.add(SurveyIndicators.combine(framework.indicators().size(), parts));
        }
        if (!problems.isEmpty()) {
            // All sources were read and checked; fail with every problem at once (the job stops before scoring).
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(new InputDataException(problems.sorted()));
            return ExitStatus.FAILED;
        }
        workspace.save(Workspace.SURVEY_CURRENT, byYear.get(0));
        workspace.save(Workspace.SURVEY_DETAIL, tallies.subList(0, sources.size()).stream()
                .map(SurveyTally::detail).toArray(SurveyDetail[]::new));
        if (years.length > 1) {
            workspace.save(Workspace.SURVEY_PREVIOUS, byYear.get(1));
        }
        if (keepPatterns) {
            workspace.save(Workspace.SURVEY_PATTERNS, tallies.subList(0, sources.size()).stream()
                    .map(SurveyTally::patterns).toArray(SurveyPatterns[]::new));
        }
        return stepExecution.getExitStatus();
    }
}
