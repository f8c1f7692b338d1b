package org.bizenv.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.evaluation.Validation;
import org.bizenv.framework.FrameworkException;
import org.bizenv.ingest.InputDataException;
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
                        + "with the scores. When validate passes, `bizenv run` will not fail on these inputs."})
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (previousData != null && data == null) {
            throw new ParameterException(spec.commandLine(), "--previous-data needs --data");
        }
        Validation.Result result;
        try {
            result = Validation.check(framework, data, previousData, scenarios);
        } catch (FrameworkException e) {
            System.err.println(e.getMessage());
            return BizenvCommand.INVALID_INPUT;
        } catch (ScoringException | RobustnessException | InputDataException e) {
            System.err.println((data == null ? "" : data + ": ") + "the run would fail scoring these inputs: "
                    + e.getMessage());
            return BizenvCommand.INVALID_INPUT;
        }
        if (!result.passed()) {
            String where = data == null ? String.join(", ", scenarios.stream().map(Path::toString).toList())
                    : data.toString();
            int n = result.problems().size();
            System.err.println(n + " problem" + (n == 1 ? "" : "s") + " in " + where + ":");
            result.problems().forEach(p -> System.err.println("  " + p));
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
        return BizenvCommand.OK;
    }
}
