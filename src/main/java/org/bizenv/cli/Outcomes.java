package org.bizenv.cli;

import java.nio.file.Path;

import org.bizenv.evaluation.EvaluationRunner;
import org.bizenv.evaluation.PublishException;
import org.bizenv.framework.FrameworkException;
import org.bizenv.ingest.InputDataException;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.scoring.ScoringException;

/** Prints a job's outcome for a person and turns it into an exit code. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * @param repository the job repository the run used
     * @param log        the run's log file (failures end by naming it)
     */
    static int report(EvaluationRunner.Outcome o, Path reportFolder, Path repository, Path log) {
        if (o.succeeded()) {
            System.out.println((o.restarted() ? "Restarted run completed" : "Completed") + " (steps run: "
                    + String.join(", ", o.stepsRun()) + "). Reports: " + reportFolder);
            return BizenvCommand.OK;
        }
        boolean invalidInput = !o.failures().isEmpty();
        StringBuilder message = new StringBuilder();
        for (Throwable t : o.failures()) {
            Throwable c = rootOfInterest(t);
            boolean input = isInputProblem(c);
            invalidInput &= input;
            message.append(told(t, repository)).append('\n');
            // Spring Batch has logged the step's trace already; a fault not the input's gets ours with its words
            LogFile.record("The evaluation failed: " + Faults.firstLine(told(t, repository)), input ? null : t);
        }
        return failed(o.restarted(), message.toString(), invalidInput, reportFolder, log);
    }

    /** A run that failed outside the job (its Spring context did not start, say): the same message as any failure. */
    static int fault(Throwable t, Path reportFolder, Path repository, Path log) {
        Path written = LogFile.record("The evaluation failed", t);
        return failed(false, told(t, repository) + "\n", isInputProblem(rootOfInterest(t)), reportFolder,
                log != null ? log : written);
    }

    private static int failed(boolean restarted, String message, boolean invalidInput, Path reportFolder, Path log) {
        System.err.println("The evaluation failed" + (restarted ? " again" : "") + ":");
        System.err.print(message);
        System.err.println("No report was written; " + reportFolder + " is as it was. " + (invalidInput
                ? "Fix the problems and run the same command again."
                : "Once that is fixed, run the same command again: a failed run restarts where it stopped."));
        System.err.println(Faults.details(log));
        return invalidInput ? BizenvCommand.INVALID_INPUT : BizenvCommand.FAILED;
    }

    /** A failure as the console tells it: the input's problems or the publish failure as stated, any other in words. */
    static String told(Throwable t, Path repository) {
        Throwable c = rootOfInterest(t);
        return isInputProblem(c) || c instanceof PublishException ? c.getMessage() : Faults.describe(t, repository);
    }

    static boolean isInputProblem(Throwable c) {
        return c instanceof InputDataException || c instanceof FrameworkException || c instanceof ScoringException
                || c instanceof RobustnessException;
    }

    /** The exception that explains the failure: ours if one is in the cause chain, else the deepest. */
    static Throwable rootOfInterest(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (isInputProblem(c) || c instanceof PublishException) {
                return c;
            }
            deepest = c;
        }
        return deepest;
    }
}
