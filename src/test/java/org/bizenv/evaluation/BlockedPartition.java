package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.util.FileSystemUtils;

/**
 * A real storage fault in one survey partition, for restart tests: where the partition's data set would go, a folder
 * that is not empty, so that writing it fails. The run's workspace is named after its job instance, the next of the
 * shared repository's; a few are covered, in case another run took one.
 */
final class BlockedPartition {

    private final List<Path> blocked;

    private BlockedPartition(List<Path> blocked) {
        this.blocked = blocked;
    }

    /** Blocks {@code dataSet} (e.g. {@code survey-part-f0-p001.json}) in the workspaces of the next job instances. */
    static BlockedPartition next(JobRepository jobRepository, Path repository, String dataSet) throws IOException {
        JobInstance last = jobRepository.getLastJobInstance(EvaluationJobConfiguration.JOB);
        long next = last == null ? 0 : last.getInstanceId() + 1;
        List<Path> blocked = new ArrayList<>();
        for (long id = next; id < next + 3; id++) {
            Path block = repository.resolve("work/instance-" + id).resolve(dataSet);
            Files.createDirectories(block);
            Files.writeString(block.resolve("in-the-way"), "x");
            blocked.add(block.getParent());
        }
        return new BlockedPartition(blocked);
    }

    /** Removes the workspaces blocked for instances other than the one that ran. */
    void keepOnly(long instanceId) throws IOException {
        for (Path b : blocked) {
            if (!b.endsWith("instance-" + instanceId)) {
                FileSystemUtils.deleteRecursively(b);
            }
        }
    }
}
