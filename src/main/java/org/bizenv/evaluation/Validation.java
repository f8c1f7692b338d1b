package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;

/**
 * Checks a framework file and a data folder without running the job or keeping anything: the same readers and
 * checks as the job's intake and survey steps, for teams who want to know before the real run.
 */
public final class Validation {

    private Validation() {
    }

    /** Every problem of the data folder (the framework is loaded first and throws if it is invalid). */
    public static List<DataProblem> check(Path framework, Path data) {
        Framework fw = FrameworkLoader.load(framework);
        Problems problems = new Problems();
        Intake.read(fw, data, Intake.resolver(fw, problems), problems);
        SurveyStep.Run run = new SurveyStep.Run(new EvaluationRequest(framework, data, 0, data, null, null), null);
        for (SurveyStep.Item item = run.next(); item != null; item = run.next()) {
            run.validators[item.period()].validate(item.response());
        }
        problems.addAll(run.problems.sorted());
        return problems.sorted();
    }
}
