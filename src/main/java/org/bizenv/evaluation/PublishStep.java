package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import org.bizenv.report.ParallelWrites;
import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportSet;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish step: writes the Excel and JSON reports and the city report cards into the year's folder, atomically,
 * side by side on the machine's cores, and logs how long each part took. Step-scoped.
 */
class PublishStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PublishStep.class);

    private final Workspace workspace;
    private final Path reportFolder;
    private final Publication publication;

    PublishStep(Workspace workspace, Path reportFolder, Publication publication) {
        this.workspace = workspace;
        this.reportFolder = reportFolder;
        this.publication = publication;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Report report = workspace.load(Workspace.REPORT, Report.class);
        long start = System.nanoTime();
        ParallelWrites.Timings timings;
        try {
            timings = ReportSet.publish(report, reportFolder, publication);
        } catch (IOException e) {
            throw new PublishException(reportFolder, e);
        }
        log.info(summary(reportFolder, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), timings));
        return RepeatStatus.FINISHED;
    }

    /**
     * "Published /reports/2024 in 640 ms on 2 threads: JSON 31, Excel 566, cards 598 ms": each part's time from its
     * first file's start to its last file's end; the parts overlap, so they add up to more than the whole.
     */
    static String summary(Path folder, long millis, ParallelWrites.Timings timings) {
        var parts = new StringJoiner(", ");
        timings.millisByPart().forEach((part, ms) -> parts.add(part + " " + ms));
        return "Published " + folder + " in " + millis + " ms on " + timings.threads()
                + (timings.threads() == 1 ? " thread: " : " threads: ") + parts + " ms";
    }
}
