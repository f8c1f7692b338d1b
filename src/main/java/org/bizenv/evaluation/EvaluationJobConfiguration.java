package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.report.Publication;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.survey.SurveyResponse;
import org.bizenv.survey.ValidResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobContext;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * The yearly evaluation job: intake (returns, statistics, walk-through tests of both years, validated) → survey
 * (questionnaire microdata: each file split into parts read at once, a chunk-oriented partition each) → survey-merge
 * (the partitions' tallies combined, the survey indicators) → score (every stage, both years) → publish (Excel and
 * JSON, atomically).
 * Steps hand their named data sets over through the run's {@link Workspace}, so a restart skips completed steps.
 *
 * <p>Wiring only. Each step's work is a step-scoped bean built from the job's parameters (as Spring Batch's samples
 * do), so every step execution has its own objects and two executions in one JVM share no state; the framework
 * file is parsed once per job execution (a job-scoped bean the steps share). The work itself is plain Java
 * ({@link Intake}, {@link org.bizenv.survey.SurveyTally}, {@link Channels}, the Scorer) that {@link Validation} runs
 * too.
 */
@Configuration
public class EvaluationJobConfiguration {

    public static final String JOB = "evaluation";

    private static final Logger log = LoggerFactory.getLogger(EvaluationJobConfiguration.class);

    /**
     * Blocks of rows ({@link SurveyStep#BLOCK} each) per survey chunk, 10,000 rows: large enough to amortise the
     * transaction and its update of the step's execution context in the job repository (8 % of a partition's time at
     * 2,000 rows), small enough to keep memory flat (a chunk's rows are a few megabytes).
     */
    static final int SURVEY_CHUNK = 10;
    /** The survey partitions' step; its executions are named {@code survey-part:<partition>}. */
    static final String SURVEY_PART = "survey-part";

    private static final String PARAMETER = "#{jobParameters['";
    private static final String END = "']}";

    private final Path repository;

    public EvaluationJobConfiguration(@Value("${bizenv.repository:.bizenv}") String repository) {
        this.repository = Path.of(repository).toAbsolutePath().normalize();
    }

    @Bean
    public Job evaluationJob(JobRepository jobRepository, Step intakeStep, Step surveyStep, Step surveyMergeStep,
                             Step scoreStep, Step publishStep) {
        return new JobBuilder(JOB, jobRepository)
                .start(intakeStep)
                .next(surveyStep)
                .next(surveyMergeStep)
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
                    Path dir = Workspace.of(repository, execution.getJobInstance().getInstanceId()).dir();
                    try {
                        FileSystemUtils.deleteRecursively(dir);
                    } catch (java.io.IOException e) {
                        log.warn("Could not remove the completed run's working data {}: {}", dir, e.getMessage());
                    }
                }
            }
        };
    }

    // ------------------------------------------------------------------ once per job execution

    /**
     * The framework of this job execution, parsed once for all its steps. Not proxied (a record cannot be): only the
     * step-scoped beans below take it, and they are made while the job runs.
     */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    public Framework framework(@Value(PARAMETER + EvaluationRequest.FRAMEWORK + END) String file) {
        return FrameworkLoader.load(Path.of(file));
    }

    /** The job instance's working data sets: a restart (another execution of the instance) finds them. */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    public Workspace workspace(@Value("#{jobExecution.jobInstance.instanceId}") long instance) {
        return Workspace.of(repository, instance);
    }

    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    public RobustnessSettings robustnessSettings(
            @Value(PARAMETER + EvaluationRequest.ROBUSTNESS + END) String on,
            @Value(PARAMETER + EvaluationRequest.SCENARIOS + END) String scenarios,
            @Value(PARAMETER + EvaluationRequest.UNCERTAINTY_RUNS + END) Long runs,
            @Value(PARAMETER + EvaluationRequest.PERTURBATION + END) String perturbation,
            @Value(PARAMETER + EvaluationRequest.SENSITIVITY_SAMPLES + END) Long samples,
            @Value(PARAMETER + EvaluationRequest.SURVEY_BOOTSTRAP + END) Long bootstrap,
            @Value(PARAMETER + EvaluationRequest.SEED + END) Long seed,
            @Value(PARAMETER + EvaluationRequest.UNCERTAINTY_FILE + END) String uncertainty,
            @Value(PARAMETER + EvaluationRequest.FOCUS_CITY + END) String focusCity) {
        return EvaluationRequest.robustness(on, scenarios, runs, perturbation, samples, bootstrap, seed, uncertainty,
                focusCity);
    }

    // ------------------------------------------------------------------ once per step execution

    @Bean
    @StepScope
    public IntakeStep intakeTasklet(Framework framework, Workspace workspace, RobustnessSettings robustnessSettings,
                                    RunInputHashes runHashes,
                                    @Value(PARAMETER + EvaluationRequest.FRAMEWORK + END) String file,
                                    @Value(PARAMETER + EvaluationRequest.DATA + END) String data,
                                    @Value(PARAMETER + EvaluationRequest.PREVIOUS_DATA + END) String previousData) {
        return new IntakeStep(framework, workspace, Path.of(file), Path.of(data),
                EvaluationRequest.optionalPath(previousData), robustnessSettings.scenarios(),
                robustnessSettings.uncertainty(), runHashes.current(), runHashes.intakeAhead());
    }

    /** The run's survey files and the city registry, for every partition of the survey step and its merge. */
    @Bean
    @Scope(value = "job", proxyMode = ScopedProxyMode.NO)
    public SurveyFiles surveyFiles(Framework framework, RobustnessSettings robustnessSettings,
                                   @Value(PARAMETER + EvaluationRequest.DATA + END) String data,
                                   @Value(PARAMETER + EvaluationRequest.PREVIOUS_DATA + END) String previousData) {
        return SurveyFiles.of(framework, Path.of(data), EvaluationRequest.optionalPath(previousData),
                robustnessSettings.surveyBootstrap() > 0);
    }

    @Bean
    @StepScope
    public SurveyPartitioner surveyPartitioner(SurveyFiles surveyFiles, Workspace workspace) {
        return new SurveyPartitioner(surveyFiles, workspace);
    }

    /**
     * Runs the survey partitions on threads of this JVM, at most {@code survey-partitions} at once. Replacing this bean
     * by spring-batch-integration's {@code MessageChannelPartitionHandler} runs them on other machines instead: see
     * docs/scaling.md for what else that takes.
     */
    @Bean
    @StepScope
    public TaskExecutorPartitionHandler surveyPartitionHandler(
            Step surveyPartStep, @Value(PARAMETER + EvaluationRequest.SURVEY_PARTITIONS + END) Long partitions) {
        int n = EvaluationRequest.surveyPartitions(partitions);
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("survey-");
        threads.setConcurrencyLimit(n);
        threads.setTaskDecorator(inJobScope());
        TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
        handler.setStep(surveyPartStep);
        handler.setTaskExecutor(threads);
        handler.setGridSize(n);
        return handler;
    }

    /**
     * Opens the job's scope on a partition's thread for as long as the partition runs, so that its step-scoped beans
     * can take the job-scoped ones (the framework, the workspace, the survey files), parsed once per run. Spring Batch
     * keeps the job scope to the thread that runs the job; the partitions' steps get their own step scope.
     */
    private static TaskDecorator inJobScope() {
        return task -> {
            JobContext job = JobSynchronizationManager.getContext();
            if (job == null) {
                return task;
            }
            JobExecution execution = job.getJobExecution();
            return () -> {
                JobSynchronizationManager.register(execution);
                try {
                    task.run();
                } finally {
                    JobSynchronizationManager.release();
                }
            };
        };
    }

    /** One partition: its file and range are in the partition step execution's context. */
    @Bean
    @StepScope
    public SurveyStep surveyPart(SurveyFiles surveyFiles, Workspace workspace,
                                 @Value("#{stepExecution}") StepExecution stepExecution) {
        ExecutionContext c = stepExecution.getExecutionContext();
        return new SurveyStep(surveyFiles, workspace, c.getInt(SurveyPartitioner.FILE),
                c.getString(SurveyPartitioner.PART), SurveyPartitioner.range(c));
    }

    @Bean
    @StepScope
    public SurveyMergeStep surveyMerge(SurveyFiles surveyFiles, Workspace workspace) {
        return new SurveyMergeStep(surveyFiles, workspace);
    }

    @Bean
    @StepScope
    public ScoreStep scoreTasklet(Framework framework, Workspace workspace, RobustnessSettings robustnessSettings,
                                  @Value(PARAMETER + EvaluationRequest.FRAMEWORK + END) String file,
                                  @Value(PARAMETER + EvaluationRequest.DATA + END) String data,
                                  @Value(PARAMETER + EvaluationRequest.YEAR + END) long year,
                                  @Value(PARAMETER + EvaluationRequest.PREVIOUS_DATA + END) String previousData,
                                  @Value(PARAMETER + EvaluationRequest.PREVIOUS_REPORT + END) String previousReport,
                                  @Value(PARAMETER + EvaluationRequest.GENERATED_AT + END) String generatedAt) {
        return new ScoreStep(framework, workspace, new Scoring.Inputs(Path.of(file), Path.of(data), (int) year,
                EvaluationRequest.optionalPath(previousData), EvaluationRequest.optionalPath(previousReport),
                generatedAt, robustnessSettings));
    }

    @Bean
    @StepScope
    public PublishStep publishTasklet(Workspace workspace,
                                      @Value(PARAMETER + EvaluationRequest.OUTPUT + END) String output,
                                      @Value(PARAMETER + EvaluationRequest.YEAR + END) long year,
                                      @Value(PARAMETER + EvaluationRequest.PUBLICATION + END) String publication) {
        return new PublishStep(workspace, EvaluationRequest.reportFolder(Path.of(output), (int) year),
                Publication.ofKey(publication));
    }

    // ------------------------------------------------------------------ the steps (singletons over the scoped beans)

    @Bean
    public Step intakeStep(JobRepository jobRepository, PlatformTransactionManager tx, IntakeStep intakeTasklet) {
        return new StepBuilder("intake", jobRepository).tasklet(intakeTasklet, tx).build();
    }

    /** A partition of the survey step: the rows of one part of one file ({@link SurveyStep}). */
    @Bean
    public Step surveyPartStep(JobRepository jobRepository, PlatformTransactionManager tx, SurveyStep surveyPart) {
        return new StepBuilder(SURVEY_PART, jobRepository)
                .<List<SurveyResponse>, List<ValidResponse>>chunk(SURVEY_CHUNK)
                .transactionManager(tx)
                .reader(surveyPart::readBlock)
                .processor(surveyPart::process)
                .writer(surveyPart::write)
                .listener(surveyPart)
                .build();
    }

    /**
     * The survey step: the partitioner splits the files, the partition handler runs the partitions (named
     * {@code survey-part:f0-p000}, …); a restart reruns only the partitions that did not complete.
     */
    @Bean
    public Step surveyStep(JobRepository jobRepository, SurveyPartitioner surveyPartitioner, Step surveyPartStep,
                           TaskExecutorPartitionHandler surveyPartitionHandler) {
        return new StepBuilder("survey", jobRepository)
                .partitioner(SURVEY_PART, surveyPartitioner)
                .step(surveyPartStep)
                .partitionHandler(surveyPartitionHandler)
                .build();
    }

    @Bean
    public Step surveyMergeStep(JobRepository jobRepository, PlatformTransactionManager tx,
                                SurveyMergeStep surveyMerge) {
        return new StepBuilder("survey-merge", jobRepository).tasklet(surveyMerge, tx).build();
    }

    @Bean
    public Step scoreStep(JobRepository jobRepository, PlatformTransactionManager tx, ScoreStep scoreTasklet) {
        return new StepBuilder("score", jobRepository).tasklet(scoreTasklet, tx).build();
    }

    @Bean
    public Step publishStep(JobRepository jobRepository, PlatformTransactionManager tx, PublishStep publishTasklet) {
        return new StepBuilder("publish", jobRepository).tasklet(publishTasklet, tx).build();
    }
}
