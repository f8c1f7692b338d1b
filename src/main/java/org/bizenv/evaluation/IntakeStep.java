package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The intake step: reads and checks every non-survey source of both years ({@link Intake}) and the scenario files
 * ({@link ScenarioFiles}). Problems are not raised here but handed to the survey step, which fails with them and its
 * own, so that one run lists every problem of every channel. Step-scoped: one per step execution.
 *
 * <p>A command line reads the same inputs ahead, while the Spring context starts ({@link IntakeAhead}); the step then
 * takes that reading if it is of exactly its inputs, unchanged since, and reads them itself otherwise.
 */
class IntakeStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(IntakeStep.class);

    /**
     * What the intake read, serialised for the workspace: its problems (sorted) and both years' data (the previous
     * year's null without one).
     */
    record Reading(Workspace.Serialised problems, Workspace.Serialised current, Workspace.Serialised previous) {

        /**
         * Reads the inputs: plain Java, no Spring, so a command line can do it ahead of the job; the workbooks of a
         * unit-workbooks source on {@code workbookThreads} threads (0: one per processor, up to 4).
         */
        static Reading of(Framework framework, IntakeAhead.Inputs in, InputHashes hashes, int workbookThreads) {
            Problems problems = new Problems();
            UnitResolver resolver = Intake.resolver(framework, problems);
            IntakeResult current = Intake.read(framework, in.data(), false, resolver, problems, hashes,
                    workbookThreads);
            IntakeResult previous = in.previousData() == null ? null
                    : Intake.read(framework, in.previousData(), true, resolver, problems, hashes, workbookThreads);
            // scenario files are inputs too: their problems are listed with every other one
            problems.addAll(ScenarioFiles.check(framework, in.scenarios()));
            problems.addAll(ScenarioFiles.checkUncertainty(framework, in.uncertainty()));
            return new Reading(Workspace.Serialised.of(problems.sorted().toArray(new DataProblem[0])),
                    Workspace.Serialised.of(current), previous == null ? null : Workspace.Serialised.of(previous));
        }
    }

    private final Framework framework;
    private final Workspace workspace;
    private final IntakeAhead.Inputs inputs;
    private final InputHashes hashes;
    private final IntakeAhead ahead;

    /**
     * @param frameworkFile the framework's file, as the job names it
     * @param ahead         the reading a command line started ahead, or null
     */
    IntakeStep(Framework framework, Workspace workspace, Path frameworkFile, Path data, Path previousData,
               List<Path> scenarios, Path uncertainty, InputHashes hashes, IntakeAhead ahead) {
        this.framework = framework;
        this.workspace = workspace;
        this.inputs = new IntakeAhead.Inputs(frameworkFile, data, previousData, scenarios, uncertainty);
        this.hashes = hashes;
        this.ahead = ahead;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Reading read = ahead == null ? null : ahead.take(inputs, hashes, framework);
        if (read == null) {
            read = Reading.of(framework, inputs, hashes, 0);
        } else {
            log.debug("The intake's inputs were read ahead, while the job started");
        }
        workspace.save(Workspace.INTAKE_PROBLEMS, read.problems());
        workspace.save(Workspace.INTAKE_CURRENT, read.current());
        if (read.previous() != null) {
            workspace.save(Workspace.INTAKE_PREVIOUS, read.previous());
        }
        return RepeatStatus.FINISHED;
    }
}
