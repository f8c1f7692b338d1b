package org.bizenv.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts the yearly job, or restarts it: when the last run with the same inputs failed, it is restarted and Spring
 * Batch skips the steps that completed; when it completed, a new run (the next attempt) starts.
 */
@Component
public class EvaluationRunner {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRunner.class);

    /** The job's partitioned step: its partitions are the executions named {@code survey-part:…}. */
    private static final String PARTITIONED_STEP = "survey";

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final RunInputHashes runHashes;

    public EvaluationRunner(JobOperator operator, JobRepository repository, Job evaluationJob,
                            RunInputHashes runHashes) {
        this.operator = operator;
        this.repository = repository;
        this.job = evaluationJob;
        this.runHashes = runHashes;
    }

    /**
     * What happened: the final status, whether it was a restart, the job's steps that ran, the survey partitions that
     * ran (their step executions, {@code survey-part:f0-p000}, …), and the failures.
     */
    public record Outcome(BatchStatus status, long executionId, long instanceId, boolean restarted,
                          List<String> stepsRun, List<String> partitionsRun, List<Throwable> failures) {
        public boolean succeeded() {
            return status == BatchStatus.COMPLETED;
        }
    }

    public Outcome run(EvaluationRequest request) throws Exception {
        return run(request, hashesOf(request), null);
    }

    /**
     * As {@link #run(EvaluationRequest)}, with the inputs' fingerprint and the intake's reading under way on a thread
     * of their own ({@link IntakeAhead#start}): a command line starts them before the Spring context, whose start they
     * do not need, so that on a machine with two cores the hashing of the inputs (some 0.1–0.2 s for the sample) and
     * the reading of the workbooks overlap the context's start instead of following it. This waits for the
     * fingerprint; a failure to compute it is thrown as it would be thrown computing it here. The intake step takes
     * the reading if it is still good ({@link IntakeAhead#take}); a restart drops it.
     */
    public Outcome run(EvaluationRequest request, IntakeAhead ahead) throws Exception {
        return run(request, ahead.fingerprint(), ahead);
    }

    /** As {@link #run(EvaluationRequest, IntakeAhead)}, the fingerprint given apart ({@code ahead} may be null). */
    Outcome run(EvaluationRequest request, Future<InputHashes> fingerprint, IntakeAhead ahead) throws Exception {
        return run(request, Background.join(fingerprint), ahead);
    }

    private static InputHashes hashesOf(EvaluationRequest request) {
        return InputHashes.of(RunInputs.of(request));                 // exactly the files the run reads
    }

    private Outcome run(EvaluationRequest request, InputHashes hashes, IntakeAhead ahead) throws Exception {
        runHashes.set(hashes, ahead);
        try {
            return run(request, hashes.fingerprint());
        } finally {
            runHashes.clear();
        }
    }

    private Outcome run(EvaluationRequest request, String fingerprint) throws Exception {
        String generatedAt = request.generatedAt() != null ? request.generatedAt()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        for (long attempt = 1; ; attempt++) {
            JobParameters params = request.toJobParameters(fingerprint, attempt, generatedAt);
            JobExecution last = repository.getLastJobExecution(job.getName(), params);
            if (last == null) {
                log.info("Starting the {} evaluation (run {} of these inputs)", request.year(), attempt);
                return outcome(operator.start(job, params), false);
            }
            BatchStatus status = last.getStatus();
            if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
                continue;                                   // done before: this is a deliberate new run
            }
            if (status.isRunning()) {
                // A process that died mid-run leaves its execution marked as running; nothing else runs this job
                // from this repository, so mark it failed and restart it.
                log.warn("Run {} of these inputs was interrupted; recovering it", last.getId());
                last = operator.recover(last);
            }
            log.info("Restarting the failed run {} of these inputs: completed steps are skipped", last.getId());
            runHashes.dropIntakeAhead();                // a completed intake is skipped; one that failed reads again
            return outcome(operator.restart(last), true);
        }
    }

    private Outcome outcome(JobExecution e, boolean restarted) {
        // in the order they ran; a partition's execution is named after its step, a colon and the partition
        List<StepExecution> ran = e.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(StepExecution::getId)).toList();
        List<String> steps = ran.stream().map(StepExecution::getStepName).filter(n -> !n.contains(":")).toList();
        List<String> partitions = ran.stream().map(StepExecution::getStepName).filter(n -> n.contains(":")).sorted()
                .toList();
        // A failed partition fails its manager step with "Partition handler returned an unsuccessful step", which
        // says nothing the partition's own failure does not: the person is told the partition's.
        boolean partitionFailed = ran.stream().anyMatch(s -> isPartition(s) && !s.getFailureExceptions().isEmpty());
        List<Throwable> failures = new java.util.ArrayList<>(e.getFailureExceptions());
        for (StepExecution s : ran) {
            if (!(partitionFailed && s.getStepName().equals(PARTITIONED_STEP))) {
                s.getFailureExceptions().stream().filter(t -> !failures.contains(t)).forEach(failures::add);
            }
        }
        return new Outcome(e.getStatus(), e.getId(), e.getJobInstance().getInstanceId(), restarted, steps, partitions,
                failures);
    }

    private static boolean isPartition(StepExecution s) {
        return s.getStepName().contains(":");
    }
}
