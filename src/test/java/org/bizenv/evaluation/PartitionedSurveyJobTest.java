package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * The survey step in partitions: the same reports for any number of them, and a restart that runs again only the
 * partition that failed.
 */
class PartitionedSurveyJobTest extends JobTestBase {

    private static final Path FRAMEWORK = EvaluationJobTest.FRAMEWORK;
    private static final String AT = EvaluationJobTest.AT;
    private static final String JSON = "2024/bizenv-report-2024.json";
    private static final String XLSX = "2024/bizenv-report-2024.xlsx";

    @TempDir
    Path tmp;

    @Autowired
    JobRepository jobRepository;

    /** Small robustness settings with the survey bootstrap, so that the answer patterns go through the merge too. */
    private static final RobustnessSettings BOOTSTRAP = new RobustnessSettings(true, List.of(), 20,
            RobustnessSettings.DEFAULT_PERTURBATION, 0, 20, 3);

    private EvaluationRunner.Outcome run(Path previous, Path out, int partitions, RobustnessSettings r)
            throws Exception {
        return runner.run(new EvaluationRequest(FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, out, previous, null, AT,
                r, partitions));
    }

    @Test
    void theReportsAreTheSameByteForByteForAnyNumberOfPartitions() throws Exception {
        List<byte[]> json = new ArrayList<>();
        List<byte[]> xlsx = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 7}) {
            Path out = tmp.resolve("n" + n);
            EvaluationRunner.Outcome o = run(EvaluationJobTest.DATA_2023, out, n, BOOTSTRAP);
            assertThat(o.failures()).isEmpty();
            assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");
            // this year's survey file and last year's, each in n parts (the sample's files have rows enough)
            List<String> expected = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                for (int k = 0; k < n; k++) {
                    expected.add(String.format("survey-part:f%d-p%03d", f, k));
                }
            }
            assertThat(o.partitionsRun()).as("%d partitions", n).isEqualTo(expected);
            json.add(Files.readAllBytes(out.resolve(JSON)));
            xlsx.add(Files.readAllBytes(out.resolve(XLSX)));
        }
        assertThat(new String(json.get(0), java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("\"surveyBootstrap\"\\s*:\\s*20\\b");
        for (int i = 1; i < json.size(); i++) {
            assertThat(json.get(i)).isEqualTo(json.get(0));
            assertThat(xlsx.get(i)).isEqualTo(xlsx.get(0));
        }
    }

    @Test
    void aRestartAfterAFailedPartitionRunsOnlyThatPartition() throws Exception {
        // A real storage fault in one partition: where its data set would go, a folder that is not empty. The run's
        // workspace is named after its job instance, the next of the shared repository's (a few are covered, in case
        // another run took one).
        JobInstance last = jobRepository.getLastJobInstance(EvaluationJobConfiguration.JOB);
        long next = last == null ? 0 : last.getInstanceId() + 1;
        List<Path> blocked = new ArrayList<>();
        for (long id = next; id < next + 3; id++) {
            Path block = repository.resolve("work/instance-" + id).resolve("survey-part-f0-p001.json");
            Files.createDirectories(block);
            Files.writeString(block.resolve("in-the-way"), "x");
            blocked.add(block.getParent());
        }
        Path out = tmp.resolve("restarted");
        EvaluationRunner.Outcome first = run(null, out, 3, RobustnessSettings.off());
        for (Path b : blocked) {
            if (!b.endsWith("instance-" + first.instanceId())) {
                FileSystemUtils.deleteRecursively(b);
            }
        }

        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.stepsRun()).containsExactly("intake", "survey");
        assertThat(first.partitionsRun()).containsExactly("survey-part:f0-p000", "survey-part:f0-p001",
                "survey-part:f0-p002");
        // the partition's own failure, not its manager step's "Partition handler returned an unsuccessful step"
        assertThat(first.failures()).singleElement().isInstanceOf(UncheckedIOException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("cannot write the data set 'survey-part-f0-p001' to ");
        Path work = repository.resolve("work/instance-" + first.instanceId());
        assertThat(work.resolve("survey-part-f0-p000.json")).isRegularFile();
        assertThat(work.resolve("survey-part-f0-p002.json")).isRegularFile();

        FileSystemUtils.deleteRecursively(work.resolve("survey-part-f0-p001.json"));
        EvaluationRunner.Outcome second = run(null, out, 3, RobustnessSettings.off());

        assertThat(second.restarted()).isTrue();
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.stepsRun()).containsExactly("survey", "survey-merge", "score", "publish");
        assertThat(second.partitionsRun()).containsExactly("survey-part:f0-p001");

        Path fresh = tmp.resolve("fresh");
        assertThat(run(null, fresh, 1, RobustnessSettings.off()).succeeded()).isTrue();
        assertThat(Files.readAllBytes(out.resolve(JSON))).isEqualTo(Files.readAllBytes(fresh.resolve(JSON)));
        assertThat(Files.readAllBytes(out.resolve(XLSX))).isEqualTo(Files.readAllBytes(fresh.resolve(XLSX)));
    }
}
