package org.bizenv.evaluation;

import java.nio.file.Path;

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
 */
public record EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData,
                                Path previousReport, String generatedAt) {

    static final String FRAMEWORK = "framework";
    static final String DATA = "data";
    static final String YEAR = "year";
    static final String OUTPUT = "output";
    static final String PREVIOUS_DATA = "previous-data";
    static final String PREVIOUS_REPORT = "previous-report";
    static final String FINGERPRINT = "inputs-sha256";
    static final String ATTEMPT = "attempt";
    static final String GENERATED_AT = "generated-at";

    public EvaluationRequest {
        framework = framework.toAbsolutePath().normalize();
        data = data.toAbsolutePath().normalize();
        output = output.toAbsolutePath().normalize();
        previousData = previousData == null ? null : previousData.toAbsolutePath().normalize();
        previousReport = previousReport == null ? null : previousReport.toAbsolutePath().normalize();
    }

    /** A request without last year's report. */
    public EvaluationRequest(Path framework, Path data, int year, Path output, Path previousData, String generatedAt) {
        this(framework, data, year, output, previousData, null, generatedAt);
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
                .toJobParameters();
    }

    static EvaluationRequest from(JobParameters p) {
        return new EvaluationRequest(Path.of(p.getString(FRAMEWORK)), Path.of(p.getString(DATA)),
                p.getLong(YEAR).intValue(), Path.of(p.getString(OUTPUT)), optionalPath(p.getString(PREVIOUS_DATA)),
                optionalPath(p.getString(PREVIOUS_REPORT)), p.getString(GENERATED_AT));
    }

    private static Path optionalPath(String s) {
        return s == null || s.isEmpty() ? null : Path.of(s);
    }

    /** The folder this year's reports are published to. */
    public Path reportFolder() {
        return output.resolve(Integer.toString(year));
    }
}
