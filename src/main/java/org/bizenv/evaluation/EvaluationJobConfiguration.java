package org.bizenv.evaluation;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * The yearly evaluation job: intake (returns, statistics, walk-through tests of both years, validated) → survey
 * (questionnaire microdata, chunk-oriented) → score (every stage, both years) → publish (Excel and JSON, atomically).
 * Steps hand their named data sets over through the run's {@link Workspace}, so a restart skips completed steps.
 */
@Configuration
public class EvaluationJobConfiguration {

    public static final String JOB = "evaluation";

    private static final Logger log = LoggerFactory.getLogger(EvaluationJobConfiguration.class);

    /** Rows per survey chunk: large enough to amortise the transaction, small enough to keep memory flat. */
    static final int SURVEY_CHUNK = 2_000;

    private final Path repository;

    public EvaluationJobConfiguration(@Value("${bizenv.repository:.bizenv}") String repository) {
        this.repository = Path.of(repository).toAbsolutePath().normalize();
    }

    @Bean
    public Job evaluationJob(JobRepository jobRepository, Step intakeStep, Step surveyStep, Step scoreStep,
                             Step publishStep) {
        return new JobBuilder(JOB, jobRepository)
                .start(intakeStep)
                .next(surveyStep)
                .next(scoreStep)
                .next(publishStep)
                .listener(dropWorkspaceWhenComplete())
                .build();
    }

    /**
     * A run's working data sets exist so that a failed run can restart where it stopped; once the run completed the
     * reports hold everything, so the workspace is removed (a year of runs would otherwise pile up under
     * {@code .bizenv/work}). Failed runs keep theirs.
     */
    private JobExecutionListener dropWorkspaceWhenComplete() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution execution) {
                if (execution.getStatus() == BatchStatus.COMPLETED) {
                    Path dir = Steps.workspace(repository, execution.getJobInstance().getInstanceId()).dir();
                    try {
                        FileSystemUtils.deleteRecursively(dir);
                    } catch (java.io.IOException e) {
                        log.warn("Could not remove the completed run's working data {}: {}", dir, e.getMessage());
                    }
                }
            }
        };
    }

    @Bean
    public Step intakeStep(JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder("intake", jobRepository).tasklet(Steps.intake(repository), tx).build();
    }

    @Bean
    public Step surveyStep(JobRepository jobRepository, PlatformTransactionManager tx) {
        SurveyStep survey = new SurveyStep(repository);
        return new StepBuilder("survey", jobRepository)
                .<SurveyStep.Item, SurveyStep.Valid>chunk(SURVEY_CHUNK)
                .transactionManager(tx)
                .reader(survey.reader())
                .processor(survey.processor())
                .writer(survey.writer())
                .listener(survey)
                .build();
    }

    @Bean
    public Step scoreStep(JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder("score", jobRepository).tasklet(Steps.score(repository), tx).build();
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager tx) {
        return new StepBuilder("publish", jobRepository).tasklet(Steps.publish(repository), tx).build();
    }
}
