package org.bizenv.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.bizenv.BizenvApplication;
import org.bizenv.evaluation.EvaluationRequest;
import org.bizenv.evaluation.EvaluationRunner;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bizenv run}: the yearly evaluation job. */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = {"Runs the yearly evaluation: reads the data channels, scores every city, and writes the Excel "
                + "and JSON reports to <output>/<year>/ (atomically: a failed run leaves the previous report as it was).",
                "A run that failed is restarted by running the same command again: steps that completed are skipped."})
public class RunCommand implements Callable<Integer> {

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "FILE",
            description = "Framework file (YAML), e.g. indicators/miit-sme-2024.yaml")
    Path framework;

    @Option(names = {"-d", "--data"}, required = true, paramLabel = "DIR",
            description = "This year's data folder, e.g. sample-data/2024")
    Path data;

    @Option(names = {"-y", "--year"}, required = true, paramLabel = "YEAR", description = "Evaluation year")
    int year;

    @Option(names = {"-o", "--output"}, defaultValue = "reports", paramLabel = "DIR",
            description = "Reports folder; the reports go to DIR/YEAR (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = {"-p", "--previous-data"}, paramLabel = "DIR",
            description = "Last year's data folder: scored with the same framework for the year-over-year "
                    + "comparison and the improvement ranking")
    Path previousData;

    @Option(names = {"-r", "--previous-report"}, paramLabel = "FILE",
            description = "Last year's bizenv JSON report: the year-over-year comparison uses its published scores "
                    + "and ranks (they win over --previous-data, which then only serves carry-forward imputation)")
    Path previousReport;

    @Option(names = "--generated-at", paramLabel = "TIMESTAMP",
            description = "Timestamp written into the reports (ISO-8601), fixed for byte-identical output; default now")
    String generatedAt;

    @Option(names = "--repository", defaultValue = ".bizenv", paramLabel = "DIR",
            description = "Where the job repository (H2 file) and the runs' working data are kept (default: ${DEFAULT-VALUE})")
    Path repository;

    @Override
    public Integer call() throws Exception {
        EvaluationRequest request = new EvaluationRequest(framework, data, year, output, previousData, previousReport,
                generatedAt);
        try (ConfigurableApplicationContext ctx = BizenvApplication.context(repository)) {
            EvaluationRunner.Outcome o = ctx.getBean(EvaluationRunner.class).run(request);
            return Outcomes.report(o, request.reportFolder());
        }
    }
}
