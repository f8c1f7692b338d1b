package org.bizenv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.evaluation.Validation;
import org.bizenv.feedback.FeedbackWriter;
import org.bizenv.feedback.Queries;
import org.bizenv.feedback.Rules;
import org.bizenv.framework.FrameworkException;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Location;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.scoring.ScoringException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bizenv validate}: the run's checks without the run ({@link Validation}): no Spring context, no job
 * repository, nothing written.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = {"Checks a framework file (every problem with its line) and, with --data, a year's data folder "
                + "(every problem with file, sheet and cell), without running the job or writing anything.",
                "The data are checked by the run's own readers, then scored by its scorer, so that a zero under a "
                        + "geometric mean, a missing reference unit or data a weighting method cannot use fail here "
                        + "as they would fail the run; --scenarios are checked against the framework and compared "
                        + "with the scores. When validate passes, `bizenv run` will not fail on these inputs.",
                "With --feedback DIR it also writes the queries to send back to each unit (数据核查): <unit code>.xlsx "
                        + "per unit with its problems and its warnings (values far from its own last year or from the "
                        + "other units), and _summary.xlsx for the team; the exit code stays 2 with problems, 0 "
                        + "without. See docs/feedback.md."})
public class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "FILE", description = "Framework file (YAML)")
    Path framework;

    @Option(names = {"-d", "--data"}, paramLabel = "DIR", description = "A year's data folder to check")
    Path data;

    @Option(names = {"-p", "--previous-data"}, paramLabel = "DIR",
            description = "Last year's data folder, checked and scored as `run --previous-data` does (needs --data)")
    Path previousData;

    @Option(names = "--scenarios", paramLabel = "FILE", arity = "1",
            description = "Scenario files as `run --scenarios` takes them (repeatable): checked against the framework "
                    + "and, with --data, compared with the scores")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--uncertainty", paramLabel = "FILE",
            description = "An uncertainty file as `run --uncertainty` takes it: checked against the framework and, "
                    + "with --data, its alternative methods computed on the data (no runs)")
    Path uncertainty;

    @Option(names = "--feedback", paramLabel = "DIR",
            description = "Also write the queries to each unit (数据核查) into DIR, a new or empty folder: "
                    + "<unit code>.xlsx per unit with its problems and warnings (values far from last year's or from "
                    + "the other units), and " + FeedbackWriter.SUMMARY + " for the team (needs --data)")
    Path feedback;

    @Option(names = "--force", description = "With --feedback: write even if DIR is not empty; its content is replaced")
    boolean force;

    @Option(names = "--change-limit", paramLabel = "PERCENT", defaultValue = "50",
            description = "With --feedback: warn when a value changed by more than this many percent against the "
                    + "unit's value last year (default ${DEFAULT-VALUE})")
    double changeLimit;

    @Option(names = "--outlier-limit", paramLabel = "Z", defaultValue = "3.5",
            description = "With --feedback: warn when a value's robust z-score |x - median| / (1.4826 MAD) among this "
                    + "year's units exceeds this (default ${DEFAULT-VALUE})")
    double outlierLimit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (previousData != null && data == null) {
            throw new ParameterException(spec.commandLine(), "--previous-data needs --data");
        }
        if (feedback != null && data == null) {
            throw new ParameterException(spec.commandLine(), "--feedback needs --data");
        }
        if (force && feedback == null) {
            throw new ParameterException(spec.commandLine(), "--force goes with --feedback");
        }
        Rules rules;
        try {
            rules = new Rules(changeLimit / 100, outlierLimit, Rules.DEFAULT.minUnits());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (feedback != null) {
            String refusal = OutputFolders.refusal(feedback, force);
            if (refusal != null) {
                System.err.println(refusal);
                return BizenvCommand.USAGE;
            }
        }
        Validation.Inspection inspection;
        try {
            inspection = Validation.inspect(framework, data, previousData, scenarios, uncertainty);
        } catch (FrameworkException | ScoringException | RobustnessException | InputDataException e) {
            System.err.println(e instanceof FrameworkException ? e.getMessage()
                    : (data == null ? "" : data + ": ") + wouldFail(e));
            if (feedback != null) {
                System.err.println("No feedback was written.");
            }
            return BizenvCommand.INVALID_INPUT;
        }
        Validation.Result result = inspection.result();
        String scoringFailure = inspection.scoringFailure() == null ? null : wouldFail(inspection.scoringFailure());
        String written = feedback == null ? "" : writeFeedback(inspection, rules, scoringFailure);
        if (written == null) {
            return BizenvCommand.FAILED;
        }
        if (scoringFailure != null) {
            System.err.println(data + ": " + scoringFailure);
            say(written, true);
            return BizenvCommand.INVALID_INPUT;
        }
        if (!result.passed()) {
            String where = data == null ? String.join(", ", scenarios.stream().map(Path::toString).toList())
                    : data.toString();
            int n = result.problems().size();
            System.err.println(n + " problem" + (n == 1 ? "" : "s") + " in " + where + ":");
            result.problems().forEach(p -> System.err.println("  " + p));
            say(written, true);
            return BizenvCommand.INVALID_INPUT;
        }
        if (data == null) {
            System.out.println(framework + ": valid (" + result.nodes() + " nodes, " + result.indicators()
                    + " indicators)" + (scenarios.isEmpty() ? "" : "; " + scenarios.size() + " scenario file"
                    + (scenarios.size() == 1 ? "" : "s") + " valid"));
        } else {
            System.out.println(data + ": no problems found; " + result.units() + " units scored"
                    + (scenarios.isEmpty() ? "" : ", " + scenarios.size() + " scenario file"
                    + (scenarios.size() == 1 ? "" : "s") + " compared") + ". A run on these inputs will not fail on them.");
        }
        say(written, false);
        return BizenvCommand.OK;
    }

    /** Why a run would fail on these inputs, in the same words whether the scoring threw or the inspection kept it. */
    private static String wouldFail(RuntimeException e) {
        return "the run would fail scoring these inputs: " + e.getMessage();
    }

    private static void say(String line, boolean toErr) {
        if (!line.isEmpty()) {
            (toErr ? System.err : System.out).println(line);
        }
    }

    /**
     * Writes the queries to the units and returns the line that says so; null after saying why the folder could not be
     * written. A failure of the scoring is told in the summary as a problem of no unit.
     */
    private String writeFeedback(Validation.Inspection inspection, Rules rules, String scoringFailure) {
        List<DataProblem> problems = new ArrayList<>(inspection.result().problems());
        if (scoringFailure != null) {
            problems.add(new DataProblem(Location.ofFile(String.valueOf(data.getFileName())), scoringFailure));
        }
        Queries q = Queries.of(inspection.framework(), inspection.thisYear(), inspection.lastYear(), problems, rules);
        try {
            FeedbackWriter.write(FeedbackWriter.files(inspection.framework(), q), feedback);
        } catch (IOException e) {
            System.err.println(Faults.couldNotWrite("the feedback", feedback, e));
            return null;
        }
        long withWarnings = q.units().stream().filter(u -> u.problems().isEmpty() && !u.warnings().isEmpty()).count();
        long none = q.units().stream().filter(Queries.UnitQueries::none).count();
        return "Feedback written to " + feedback + ": a workbook for each of " + q.units().size()
                + " units (" + q.unitsWithProblems() + " with problems, " + withWarnings + " with warnings only, "
                + none + " with no queries) and " + FeedbackWriter.SUMMARY + " (" + q.unassigned().size()
                + " problem" + (q.unassigned().size() == 1 ? "" : "s") + " of no unit).";
    }
}
