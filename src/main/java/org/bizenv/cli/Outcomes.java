package org.bizenv.cli;

import java.nio.file.Path;

import org.bizenv.evaluation.EvaluationRunner;
import org.bizenv.framework.FrameworkException;
import org.bizenv.ingest.InputDataException;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.scoring.ScoringException;

/** Prints a job's outcome for a person and turns it into an exit code. */
final class Outcomes {

    private Outcomes() {
    }

    static int report(EvaluationRunner.Outcome o, Path reportFolder) {
        if (o.succeeded()) {
            System.out.println((o.restarted() ? "Restarted run completed" : "Completed") + " (steps run: "
                    + String.join(", ", o.stepsRun()) + "). Reports: " + reportFolder);
            return BizenvCommand.OK;
        }
        boolean invalidInput = false;
        System.err.println("The evaluation failed" + (o.restarted() ? " again" : "") + ":");
        for (Throwable t : o.failures()) {
            Throwable c = rootOfInterest(t);
            invalidInput |= isInputProblem(c);
            System.err.println(c.getMessage());
        }
        System.err.println("No report was written; " + reportFolder + " is as it was. Fix the problems and run the "
                + "same command again.");
        return invalidInput ? BizenvCommand.INVALID_INPUT : BizenvCommand.FAILED;
    }

    static boolean isInputProblem(Throwable c) {
        return c instanceof InputDataException || c instanceof FrameworkException || c instanceof ScoringException
                || c instanceof RobustnessException;
    }

    /** The exception that explains the failure: ours if one is in the cause chain, else the deepest. */
    static Throwable rootOfInterest(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (isInputProblem(c) || c instanceof org.bizenv.evaluation.PublishException) {
                return c;
            }
            deepest = c;
        }
        return deepest;
    }
}
