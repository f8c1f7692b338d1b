package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Path;

import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportSet;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The publish step: writes the Excel and JSON reports and the city report cards into the year's folder, atomically.
 * Step-scoped.
 */
class PublishStep implements Tasklet {

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
        try {
            ReportSet.publish(report, reportFolder, publication);
        } catch (IOException e) {
            throw new PublishException(reportFolder, e);
        }
        return RepeatStatus.FINISHED;
    }
}
