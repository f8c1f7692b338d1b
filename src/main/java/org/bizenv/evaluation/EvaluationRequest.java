package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bizenv.report.Publication;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What a user asks the yearly job to do. The identifying job parameters are the inputs themselves plus a fingerprint
 * of their contents: rerunning after a failure with unchanged inputs restarts the failed run, while changed inputs
 * start a fresh one.
 *
 * @param previousData   last year's data folder, scored with the same framework for the year-over-year comparison
 *                       and carry-forward imputation (null for none)
 * @param previousReport last year's bizenv JSON report: its published scores and ranks are compared against (they
 *                       win over re-scored previous data); null for none
 * @param generatedAt  the timestamp written into reports (fixed for byte-identical output), or null for now
 * @param robustness   the robustness analysis of this year's ranking (scenarios, uncertainty, sensitivity, margins)
 * @param publication  the city cards and the JSON's detail ({@link Publication#FULL} when null)
 * @param surveyPartitions the survey step's partitions run at once, and about as many parts as the survey files are
 *                     read in, shared out over the files by size; 0 for {@link #defaultSurveyPartitions()}. The
 *                     reports are the same for any number.
 */
public record EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData,
                                Path previousReport, String generatedAt, RobustnessSettings robustness,
                                Publication publication, int surveyPartitions) {

    /** More partitions than this gain nothing on the machines evaluation teams use, and each costs a thread. */
    public static final int MAX_SURVEY_PARTITIONS = 64;

    static final String FRAMEWORK = "framework";
    static final String DATA = "data";
    static final String YEAR = "year";
    static final String OUTPUT = "output";
    static final String PREVIOUS_DATA = "previous-data";
    static final String PREVIOUS_REPORT = "previous-report";
    static final String FINGERPRINT = "inputs-sha256";
    static final String ATTEMPT = "attempt";
    static final String GENERATED_AT = "generated-at";
    static final String ROBUSTNESS = "robustness";
    static final String SCENARIOS = "scenarios";
    static final String UNCERTAINTY_RUNS = "uncertainty-runs";
    static final String PERTURBATION = "perturbation";
    static final String SENSITIVITY_SAMPLES = "sensitivity-samples";
    static final String SURVEY_BOOTSTRAP = "survey-bootstrap";
    static final String SEED = "seed";
    static final String PUBLICATION = "publication";
    static final String UNCERTAINTY_FILE = "uncertainty-file";
    static final String FOCUS_CITY = "focus-city";
    static final String SURVEY_PARTITIONS = "survey-partitions";

    public EvaluationRequest {
        framework = framework.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        output = output.toAbsolutePath().normalize();
        previousData = previousData == null ? null : previousData.toAbsolutePath().normalize();
        previousReport = previousReport == null ? null : previousReport.toAbsolutePath().normalize();
        robustness = robustness == null ? RobustnessSettings.defaults() : robustness;
        publication = publication == null ? Publication.FULL : publication;
        if (surveyPartitions < 0 || surveyPartitions > MAX_SURVEY_PARTITIONS) {
            throw new IllegalArgumentException("the survey partitions must be 1 to " + MAX_SURVEY_PARTITIONS
                    + " (or 0 for one per core, at most " + DEFAULT_PARTITIONS_CAP + "), not " + surveyPartitions);
        }
        surveyPartitions = surveyPartitions == 0 ? defaultSurveyPartitions() : surveyPartitions;
    }

    /** The default's cap: past a few parts the reading waits on the disk and the merge, not on the cores. */
    public static final int DEFAULT_PARTITIONS_CAP = 8;

    /** One survey partition per core, at most {@value #DEFAULT_PARTITIONS_CAP}. */
    public static int defaultSurveyPartitions() {
        return Math.min(Runtime.getRuntime().availableProcessors(), DEFAULT_PARTITIONS_CAP);
    }

    /** A request that publishes everything ({@link Publication#FULL}), with one survey partition per core. */
    public EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData, Path previousReport,
                             String generatedAt, RobustnessSettings robustness) {
        this(framework, data, year, output, previousData, previousReport, generatedAt, robustness, null, 0);
    }

    /** A request with the default robustness analysis. */
    public EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData, Path previousReport,
                             String generatedAt) {
        this(framework, data, year, output, previousData, previousReport, generatedAt, null);
    }

    /** A request without last year's report, with the default robustness analysis. */
    public EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData, String generatedAt) {
        this(framework, data, year, output, previousData, null, generatedAt, null);
    }

    /** The same request with other robustness settings. */
    public EvaluationRequest withRobustness(RobustnessSettings r) {
        return new EvaluationRequest(framework, data, year, output, previousData, previousReport, generatedAt, r,
                publication, surveyPartitions);
    }

    /** The same request publishing other files. */
    public EvaluationRequest withPublication(Publication p) {
        return new EvaluationRequest(framework, data, year, output, previousData, previousReport, generatedAt,
                robustness, p, surveyPartitions);
    }

    /** The same request with the survey files read in {@code n} parts at once (0: one per core). */
    public EvaluationRequest withSurveyPartitions(int n) {
        return new EvaluationRequest(framework, data, year, output, previousData, previousReport, generatedAt,
                robustness, publication, n);
    }

    JobParameters toJobParameters(String fingerprint, long attempt, String generatedAtResolved) {
        return new JobParametersBuilder()
                .addString(FRAMEWORK, framework.toString())
                .addString(DATA, data.toString())
                .addLong(YEAR, (long) year)
                .addString(OUTPUT, output.toString())
                .addString(PREVIOUS_DATA, previousData == null ? "" : previousData.toString())
                .addString(PREVIOUS_REPORT, previousReport == null ? "" : previousReport.toString())
                .addString(FINGERPRINT, fingerprint)
                .addLong(ATTEMPT, attempt)
                .addString(GENERATED_AT, generatedAtResolved, false)
                // every robustness setting changes the report, so each one identifies the run
                .addString(ROBUSTNESS, robustness.enabled() ? "on" : "off")
                .addString(SCENARIOS, String.join("\n", robustness.scenarios().stream().map(Path::toString).toList()))
                .addLong(UNCERTAINTY_RUNS, (long) robustness.uncertaintyRuns())
                .addString(PERTURBATION, robustness.perturbation())
                .addLong(SENSITIVITY_SAMPLES, (long) robustness.sensitivitySamples())
                .addLong(SURVEY_BOOTSTRAP, (long) robustness.surveyBootstrap())
                .addLong(SEED, robustness.seed())
                .addString(PUBLICATION, publication.key())
                .addString(UNCERTAINTY_FILE, robustness.uncertainty() == null ? "" : robustness.uncertainty().toString())
                .addString(FOCUS_CITY, robustness.focusCity() == null ? "" : robustness.focusCity())
                // how the survey is read, not what it says: the same reports for any number, so not identifying
                .addLong(SURVEY_PARTITIONS, (long) surveyPartitions, false)
                .toJobParameters();
    }

    /**
     * The request a job's parameters state; the steps take the same parameters one by one (see
     * {@link EvaluationJobConfiguration}) through the same conversions, {@link #optionalPath} and {@link #robustness}.
     */
    static EvaluationRequest from(JobParameters p) {
        RobustnessSettings robustness = robustness(p.getString(ROBUSTNESS), p.getString(SCENARIOS),
                p.getLong(UNCERTAINTY_RUNS), p.getString(PERTURBATION), p.getLong(SENSITIVITY_SAMPLES),
                p.getLong(SURVEY_BOOTSTRAP), p.getLong(SEED), p.getString(UNCERTAINTY_FILE), p.getString(FOCUS_CITY));
        return new EvaluationRequest(Path.of(p.getString(FRAMEWORK)), Path.of(p.getString(DATA)),
                p.getLong(YEAR).intValue(), Path.of(p.getString(OUTPUT)), optionalPath(p.getString(PREVIOUS_DATA)),
                optionalPath(p.getString(PREVIOUS_REPORT)), p.getString(GENERATED_AT), robustness,
                Publication.ofKey(p.getString(PUBLICATION)), surveyPartitions(p.getLong(SURVEY_PARTITIONS)));
    }

    /** A job's survey partitions; a run from before them (no parameter) read each file in one part. */
    static int surveyPartitions(Long n) {
        return n == null ? 1 : n.intValue();
    }

    /**
     * The robustness settings of a job's parameters; a run from before 1.1 (no {@code robustness}) had the defaults, one
     * from before the survey bootstrap (no {@code survey-bootstrap}) had none.
     */
    static RobustnessSettings robustness(String on, String scenarios, Long runs, String perturbation, Long samples,
                                         Long bootstrap, Long seed, String uncertainty, String focusCity) {
        return on == null ? RobustnessSettings.defaults()
                : "off".equals(on) ? RobustnessSettings.off()
                : new RobustnessSettings(true, scenarioPaths(scenarios), runs.intValue(), perturbation,
                        samples.intValue(), bootstrap == null ? 0 : bootstrap.intValue(), seed,
                        optionalPath(uncertainty), focusCity);
    }

    static List<Path> scenarioPaths(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split("\n")).map(Path::of).toList();
    }

    /** A path parameter that may be empty (no previous data, no previous report). */
    static Path optionalPath(String s) {
        return s == null || s.isEmpty() ? null : Path.of(s);
    }

    /** A path relative to the working directory when it lies below it (portable across machines), else absolute. */
    static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return (p.startsWith(cwd) ? cwd.relativize(p) : p).toString().replace('\\', '/');
    }

    /** The folder this year's reports are published to. */
    public Path reportFolder() {
        return reportFolder(output, year);
    }

    /** {@code output/year}: where a year's reports go. */
    static Path reportFolder(Path output, int year) {
        return output.resolve(Integer.toString(year));
    }
}
