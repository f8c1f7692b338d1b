package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The intake step: reads and checks every non-survey source of both years ({@link Intake}) and the scenario files
 * ({@link ScenarioFiles}). Problems are not raised here but handed to the survey step, which fails with them and its
 * own, so that one run lists every problem of every channel. Step-scoped: one per step execution.
 */
class IntakeStep implements Tasklet {

    private final Framework framework;
    private final Workspace workspace;
    private final Path data;
    private final Path previousData;
    private final List<Path> scenarios;
    private final Path uncertainty;
    private final InputHashes hashes;

    IntakeStep(Framework framework, Workspace workspace, Path data, Path previousData, List<Path> scenarios,
               Path uncertainty, InputHashes hashes) {
        this.uncertainty = uncertainty;
        this.hashes = hashes;
        this.framework = framework;
        this.workspace = workspace;
        this.data = data;
        this.previousData = previousData;
        this.scenarios = scenarios;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Problems problems = new Problems();
        UnitResolver resolver = Intake.resolver(framework, problems);
        IntakeResult current = Intake.read(framework, data, false, resolver, problems, hashes);
        IntakeResult previous = previousData == null ? null
                : Intake.read(framework, previousData, true, resolver, problems, hashes);
        // scenario files are inputs too: their problems are listed with every other one
        problems.addAll(ScenarioFiles.check(framework, scenarios));
        problems.addAll(ScenarioFiles.checkUncertainty(framework, uncertainty));
        workspace.save(Workspace.INTAKE_PROBLEMS, problems.sorted().toArray(new DataProblem[0]));
        workspace.save(Workspace.INTAKE_CURRENT, current);
        if (previous != null) {
            workspace.save(Workspace.INTAKE_PREVIOUS, previous);
        }
        return RepeatStatus.FINISHED;
    }
}
