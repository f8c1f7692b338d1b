package org.bizenv.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.report.Publication;
import org.bizenv.BizenvApplication;
import org.bizenv.evaluation.EvaluationRequest;
import org.bizenv.evaluation.EvaluationRunner;
import org.bizenv.evaluation.IntakeAhead;
import org.bizenv.evaluation.JobRepositoryDataSource;
import org.bizenv.evaluation.RobustnessSettings;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bizenv run}: the yearly evaluation job. */
@Command(name = "run", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = {"Runs the yearly evaluation: reads the data channels, scores every city, and writes the Excel "
                + "and JSON reports to <output>/<year>/ (atomically: a failed run leaves the previous report as it was).",
                "A run that failed is restarted by running the same command again: steps that completed are skipped.",
                "",
                "Unless --no-robustness is given, the reports also say how robust the ranking is (Sensitivity, One at "
                        + "a time, Rank reversals and Scenarios sheets; the JSON's robustness object): rank intervals "
                        + "from Monte Carlo runs with perturbed weights, Sobol indices of the dimension weights, ranks "
                        + "with each indicator and dimension left out, the smallest change of the dimension weights "
                        + "that swaps two neighbours, and any --scenarios side by side. The same inputs and --seed "
                        + "give the same numbers."})
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
            description = "Where the job repository (H2 file), the runs' working data and the log (logs/bizenv.log) "
                    + "are kept; one run at a time per repository (default: ${DEFAULT-VALUE})")
    Path repository;

    @Option(names = "--scenarios", paramLabel = "FILE", arity = "1",
            description = {"Alternative choices to compare with the framework's, side by side in the report "
                    + "(repeatable): a YAML file of scenarios (weights, aggregation, normalisation; see "
                    + "indicators/scenarios/), or a copy of a bizenv Excel report whose Weights sheet was edited."})
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--uncertainty-runs", paramLabel = "N", defaultValue = "" + RobustnessSettings.DEFAULT_RUNS,
            description = "Monte Carlo runs of the uncertainty analysis (rank intervals, P(top 10), P(tier)); "
                    + "0 = none (default: ${DEFAULT-VALUE})")
    int uncertaintyRuns;

    @Option(names = "--perturbation", paramLabel = "uniform:F|dirichlet:ALPHA",
            defaultValue = RobustnessSettings.DEFAULT_PERTURBATION,
            description = "How each run perturbs the weights within every parent: uniform:F multiplies each weight by "
                    + "1 + F·U(-1, 1) (COINr; F in [0, 1]), dirichlet:ALPHA draws them from Dirichlet(ALPHA·w) "
                    + "(larger ALPHA = closer to the nominal weights); renormalised (default: ${DEFAULT-VALUE})")
    String perturbation;

    @Option(names = "--sensitivity-samples", paramLabel = "N", defaultValue = "" + RobustnessSettings.DEFAULT_SAMPLES,
            description = "Base samples of the Sobol sensitivity analysis of the dimension weights (N·(d + 2) runs, "
                    + "a power of 2 suits best); 0 = none (default: ${DEFAULT-VALUE})")
    int sensitivitySamples;

    @Option(names = "--survey-bootstrap", paramLabel = "N", defaultValue = "" + RobustnessSettings.DEFAULT_BOOTSTRAP,
            description = "Replicates of the survey bootstrap: each resamples the questionnaire's respondents within "
                    + "every city and size class and scores the year again, giving each city a rank interval from "
                    + "sampling error (and one with the weights perturbed too); run when the framework has survey "
                    + "sources; 0 = none (default: ${DEFAULT-VALUE})")
    int surveyBootstrap;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + RobustnessSettings.DEFAULT_SEED,
            description = "Seed of the Monte Carlo runs and the bootstrap: the same seed gives the same report "
                    + "(default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--uncertainty", paramLabel = "FILE",
            description = "Whole-pipeline uncertainty: an uncertainty file of method choices (imputation, outlier "
                    + "treatment, normalisation, weighting, aggregation, at any indicator or node) and weight noise, "
                    + "varied together over --uncertainty-runs runs, each rerunning the stages downstream of what it "
                    + "changed, and a Sobol analysis with --sensitivity-samples (see "
                    + "indicators/scenarios/miit-sme-2024-uncertainty.yaml)")
    Path uncertainty;

    @Option(names = "--focus-city", paramLabel = "CODE",
            description = "With --uncertainty: the city whose rank and score also get Sobol indices (over the file's "
                    + "focus-city)")
    String focusCity;

    @Option(names = "--survey-partitions", paramLabel = "N", defaultValue = "0",
            description = "Read the survey files in about N parts in all (shared out by size), on N threads; the "
                    + "reports are the same for any N "
                    + "(default: one per core, at most " + EvaluationRequest.DEFAULT_PARTITIONS_CAP + "; at most "
                    + EvaluationRequest.MAX_SURVEY_PARTITIONS + ")")
    int surveyPartitions;

    @Option(names = "--no-robustness",
            description = "Skip the robustness analysis (scenarios, uncertainty, sensitivity, rank-reversal margins); "
                    + "the reports then have no robustness sheets or section")
    boolean noRobustness;

    @Option(names = "--no-cards",
            description = "Do not write the city report cards (cities/<code>.xlsx, cities.xlsx): for what-if and "
                    + "large runs; the Excel and JSON reports are unchanged but for the JSON's list of cards")
    boolean noCards;

    @Option(names = "--compact-json",
            description = "A compact JSON report for large runs: without the stages' value tables and the indicator "
                    + "correlation matrices (the Excel report keeps both); meta.detail says \"compact\"")
    boolean compactJson;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (noRobustness && !scenarios.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--scenarios needs the robustness analysis: drop "
                    + "--no-robustness");
        }
        if (noRobustness && uncertainty != null) {
            throw new ParameterException(spec.commandLine(), "--uncertainty needs the robustness analysis: drop "
                    + "--no-robustness");
        }
        if (focusCity != null && uncertainty == null) {
            throw new ParameterException(spec.commandLine(), "--focus-city goes with --uncertainty FILE");
        }
        RobustnessSettings robustness;
        try {
            robustness = new RobustnessSettings(!noRobustness, scenarios, uncertaintyRuns, perturbation,
                    sensitivitySamples, surveyBootstrap, seed, uncertainty, focusCity); // checks, then resets when off
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        EvaluationRequest request;
        try {
            request = new EvaluationRequest(framework, data, year, output, previousData, previousReport, generatedAt,
                    robustness, new Publication(!noCards, compactJson), surveyPartitions);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--survey-partitions: " + e.getMessage(), e);
        }
        Path repo = repository.toAbsolutePath().normalize();
        String command = "bizenv " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        RepositoryLock lock;
        try {
            lock = RepositoryLock.acquire(repo, command);  // before Spring, which would open the repository's H2 file
        } catch (RepositoryLock.Refused e) {
            System.err.println(e.getMessage());            // nothing was written: no log to point at
            return BizenvCommand.FAILED;
        }
        try (lock) {
            Path log;
            try {
                log = LogFile.to(repo.resolve("logs").resolve("bizenv.log"));
            } catch (java.io.IOException e) {
                String kind = org.bizenv.evaluation.StorageFaults.kind(e);
                System.err.println("Cannot write the log file " + repo.resolve("logs").resolve("bizenv.log") + ": "
                        + (kind != null ? kind : e.toString()) + ". Nothing was done.");
                return BizenvCommand.FAILED;
            }
            LogFile.note("----- " + command + " (pid " + ProcessHandle.current().pid() + ", bizenv "
                    + org.bizenv.report.EngineVersion.get() + ")");
            // the inputs are hashed, the intake's inputs read and the job repository's database opened while the
            // Spring context starts (it needs none of them until the job starts): see IntakeAhead and
            // JobRepositoryDataSource
            IntakeAhead ahead = IntakeAhead.start(request);
            JobRepositoryDataSource.OpenedAhead database = JobRepositoryDataSource.openAhead(repo);
            try (ConfigurableApplicationContext ctx = startedContext(repo, database)) {
                EvaluationRunner.Outcome o = ctx.getBean(EvaluationRunner.class).run(request, ahead);
                return Outcomes.report(o, request.reportFolder(), repo, log);
            } catch (Exception e) {
                return Outcomes.fault(e, request.reportFolder(), repo, log);
            } finally {
                ahead.drop();                              // taken or dropped by now, unless the context failed
            }
        }
    }

    /** The context; the connection opened ahead is closed once the context holds the database (or failed to). */
    private static ConfigurableApplicationContext startedContext(Path repo, JobRepositoryDataSource.OpenedAhead ahead) {
        try (ahead) {
            return BizenvApplication.context(repo);
        }
    }
}
