package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyTally;
import org.bizenv.framework.Source;

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
        UnitResolver resolver = Intake.resolver(fw, problems);
        Intake.read(fw, data, resolver, problems);
        for (Source s : SurveyTally.sources(fw)) {
            try (SurveyTally tally = new SurveyTally(fw, s, data, false, resolver, problems)) {
                tally.readAll();
            }
        }
        return problems.sorted();
    }
}
