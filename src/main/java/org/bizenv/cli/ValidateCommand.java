package org.bizenv.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.evaluation.Validation;
import org.bizenv.framework.FrameworkException;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bizenv validate}: checks a framework file, and optionally a data folder, without scoring. */
@Command(name = "validate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = "Checks a framework file (every problem with its line) and, with --data, a data folder (every "
                + "problem with file, sheet and cell), without running the job or writing anything.")
public class ValidateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "FILE", description = "Framework file (YAML)")
    Path framework;

    @Option(names = {"-d", "--data"}, paramLabel = "DIR", description = "A year's data folder to check")
    Path data;

    @Override
    public Integer call() {
        try {
            if (data == null) {
                var fw = FrameworkLoader.load(framework);
                System.out.println(framework + ": valid (" + fw.nodes().size() + " nodes, " + fw.indicators().size()
                        + " indicators)");
                return BizenvCommand.OK;
            }
            List<DataProblem> problems = Validation.check(framework, data);
            if (problems.isEmpty()) {
                System.out.println(data + ": no problems found");
                return BizenvCommand.OK;
            }
            System.err.println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + data + ":");
            problems.forEach(p -> System.err.println("  " + p));
            return BizenvCommand.INVALID_INPUT;
        } catch (FrameworkException e) {
            System.err.println(e.getMessage());
            return BizenvCommand.INVALID_INPUT;
        }
    }
}
