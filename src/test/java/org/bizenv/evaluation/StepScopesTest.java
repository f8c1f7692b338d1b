package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The job's objects belong to one execution: the framework is parsed once per job execution and shared by its steps,
 * and every step execution has its own survey tallies, so two executions in one JVM never see each other's rows.
 * Executions are entered here as Spring Batch enters them (its job and step scopes), interleaved on one thread.
 */
class StepScopesTest extends JobTestBase {

    @TempDir
    Path tmp;

    @Autowired
    ApplicationContext context;

    private long ids = 9_000;

    private JobExecution job(Path data) {
        JobParameters p = new EvaluationRequest(EvaluationJobTest.FRAMEWORK, data, 2024, tmp.resolve("out"), null,
                EvaluationJobTest.AT).withRobustness(RobustnessSettings.off()).toJobParameters("-", 1, EvaluationJobTest.AT);
        long id = ++ids;
        return MetaDataInstanceFactory.createJobExecution(EvaluationJobConfiguration.JOB, id, id, p);
    }

    /** Runs {@code body} inside the execution's job scope and a step scope of it, as a running step does. */
    private <T> T inStep(JobExecution job, String step, java.util.function.Supplier<T> body) {
        JobSynchronizationManager.register(job);
        StepSynchronizationManager.register(partition(job, step));
        try {
            return body.get();
        } finally {
            StepSynchronizationManager.release();
            JobSynchronizationManager.release();
        }
    }

    /** A step execution with the context of the survey's first partition: all of this year's first survey file. */
    private StepExecution partition(JobExecution job, String step) {
        StepExecution s = MetaDataInstanceFactory.createStepExecution(job, step, ++ids);
        s.getExecutionContext().putInt(SurveyPartitioner.FILE, 0);
        s.getExecutionContext().putString(SurveyPartitioner.PART, "f0-p000");
        org.bizenv.ingest.CsvRecords.Range all = org.bizenv.ingest.CsvRecords.Range.WHOLE;
        s.getExecutionContext().putLong(SurveyPartitioner.START, all.start());
        s.getExecutionContext().putLong(SurveyPartitioner.END, all.end());
        s.getExecutionContext().putLong(SurveyPartitioner.FIRST_ROW, all.firstRow());
        s.getExecutionContext().putLong(SurveyPartitioner.FIRST_LINE, all.firstLine());
        s.getExecutionContext().putLong(SurveyPartitioner.LAST_ROW, all.lastRow());
        return s;
    }

    @Test
    void theFrameworkIsParsedOncePerJobExecutionAndSharedByItsSteps() {
        JobExecution a = job(EvaluationJobTest.DATA_2024);
        JobExecution b = job(EvaluationJobTest.DATA_2024);
        JobSynchronizationManager.register(a);      // keep a's job scope open across its steps, as the job does
        try {
            Framework inIntake = inStep(a, "intake", () -> context.getBean("framework", Framework.class));
            Framework inScore = inStep(a, "score", () -> context.getBean("framework", Framework.class));
            Framework otherRun = inStep(b, "intake", () -> context.getBean("framework", Framework.class));

            assertThat(inScore).isSameAs(inIntake);
            assertThat(otherRun).isNotSameAs(inIntake);
            assertThat(otherRun.file()).isEqualTo(inIntake.file());
        } finally {
            JobSynchronizationManager.release();
        }
    }

    @Test
    void twoExecutionsInOneJvmDoNotShareTheSurveyStepsState() throws Exception {
        Path other = tmp.resolve("2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, other);
        List<String> lines = Files.readAllLines(other.resolve("survey.csv"));
        List<String> later = new ArrayList<>(lines.subList(0, 1));
        later.addAll(lines.subList(1000, lines.size()));   // b's survey starts at a's row 1,000
        Files.write(other.resolve("survey.csv"), later);
        JobExecution a = job(EvaluationJobTest.DATA_2024);
        JobExecution b = job(other);

        List<String> read = new ArrayList<>();
        JobSynchronizationManager.register(a);
        StepSynchronizationManager.register(partition(a, "survey-part:f0-p000"));
        try {
            SurveyStep survey = context.getBean("surveyPart", SurveyStep.class);
            read.add("a " + survey.read().respondentId());
            // b's survey partition starts while a's is half-way (the same bean, resolved in b's scope)
            read.add(inStep(b, "survey-part:f0-p000", () -> "b " + survey.read().respondentId()));
            read.add("a " + survey.read().respondentId());
        } finally {
            StepSynchronizationManager.release();
            JobSynchronizationManager.release();
        }

        assertThat(read).containsExactly("a " + respondent(lines.get(1)), "b " + respondent(lines.get(1000)),
                "a " + respondent(lines.get(2)));
    }

    private static String respondent(String line) {
        return line.substring(0, line.indexOf(','));
    }
}
