package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.bizenv.report.PreviousResults;
import org.bizenv.report.EngineVersion;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.ReportSet;
import org.bizenv.report.RobustnessMapper;
import org.bizenv.report.RobustnessSection;
import org.bizenv.robustness.RobustnessAnalysis;
import org.bizenv.robustness.RobustnessRequest;
import org.bizenv.robustness.RobustnessResult;
import org.bizenv.robustness.Scenario;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The job's tasklet steps. Each reads the named data sets of the steps before it from the run's {@link Workspace} and
 * saves its own, so a restart resumes from the first step that did not complete.
 */
final class Steps {

    private static final Logger log = LoggerFactory.getLogger(Steps.class);

    static final String INTAKE_CURRENT = "intake-current";
    static final String INTAKE_PREVIOUS = "intake-previous";
    static final String SURVEY_CURRENT = "survey-current";
    static final String SURVEY_PREVIOUS = "survey-previous";
    static final String REPORT = "report";
    static final String INTAKE_PROBLEMS = "intake-problems";

    private Steps() {
    }

    static Workspace workspace(Path repository, StepExecution step) {
        return workspace(repository, step.getJobExecution().getJobInstance().getInstanceId());
    }

    static Workspace workspace(Path repository, long instance) {
        return new Workspace(repository.resolve("work").resolve("instance-" + instance));
    }

    static EvaluationRequest request(StepExecution step) {
        return EvaluationRequest.from(step.getJobExecution().getJobParameters());
    }

    /**
     * Reads and checks every non-survey source of both years. Problems are not raised here but handed to the survey
     * step, which fails with them and its own, so that one run lists every problem of every channel.
     */
    static Tasklet intake(Path repository) {
        return (contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            EvaluationRequest req = request(step);
            Framework fw = FrameworkLoader.load(req.framework());
            Problems problems = new Problems();
            UnitResolver resolver = Intake.resolver(fw, problems);
            IntakeResult current = Intake.read(fw, req.data(), resolver, problems);
            IntakeResult previous = req.previousData() == null ? null
                    : Intake.read(fw, req.previousData(), true, resolver, problems);
            // scenario files are inputs too: their problems are listed with every other one
            problems.addAll(ScenarioFiles.check(fw, req.robustness().scenarios()));
            Workspace ws = workspace(repository, step);
            ws.save(INTAKE_PROBLEMS, problems.sorted().toArray(new DataProblem[0]));
            ws.save(INTAKE_CURRENT, current);
            if (previous != null) {
                ws.save(INTAKE_PREVIOUS, previous);
            }
            return RepeatStatus.FINISHED;
        };
    }

    /** Scores both years and assembles the report model (the named data set "report"). */
    static Tasklet score(Path repository) {
        return (contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            EvaluationRequest req = request(step);
            Framework fw = FrameworkLoader.load(req.framework());
            Workspace ws = workspace(repository, step);
            IntakeResult intake = ws.load(INTAKE_CURRENT, IntakeResult.class);
            SurveyResult survey = ws.load(SURVEY_CURRENT, SurveyResult.class);
            // Last year's results as published win over re-scoring last year's data, which then only serve
            // carry-forward imputation (last year's raw values, aligned to this year's units by code).
            PreviousResults previous = req.previousReport() == null ? null : PreviousResults.read(req.previousReport());
            double[][] previousRaw = null;
            if (req.previousData() != null) {
                RawData prev = rawData(ws.load(INTAKE_PREVIOUS, IntakeResult.class),
                        ws.load(SURVEY_PREVIOUS, SurveyResult.class), null);
                if (previous == null) {
                    previous = PreviousResults.of(Scorer.score(fw, prev), req.year() - 1);
                }
                previousRaw = alignedTo(intake.units(), prev);
            }
            Build current = Scorer.score(fw, rawData(intake, survey, previousRaw));
            Map<String, String> params = new TreeMap<>();
            // Inputs only (not where the report is written), as the user would type them: the same inputs give the
            // same report wherever it is published.
            params.put("framework", shown(req.framework()));
            params.put("data", shown(req.data()));
            params.put("year", Integer.toString(req.year()));
            params.put("previous-data", req.previousData() == null ? "" : shown(req.previousData()));
            params.put("previous-report", req.previousReport() == null ? "" : shown(req.previousReport()));
            params.put("generated-at", req.generatedAt());
            RobustnessSettings rs = req.robustness();
            params.putAll(robustnessParameters(rs));
            List<Report.SourceFile> files = new ArrayList<>(intake.files());
            for (Path f : rs.scenarios()) {                 // scenario files are inputs of the report too
                files.add(new Report.SourceFile("scenarios", "scenarios", shown(f), Fingerprint.sha256(f),
                        f.toFile().length()));
            }
            ReportAssembler.Context ctx = new ReportAssembler.Context(req.year(), req.generatedAt(), EngineVersion.get(),
                    req.framework().getFileName().toString(), Fingerprint.sha256(req.framework()), files, params,
                    surveyWarnings(intake, survey));
            Report report = ReportAssembler.assemble(current, previous, ctx);
            if (rs.enabled()) {
                report = robustness(report, current, rs);
            }
            ws.save(REPORT, report);
            return RepeatStatus.FINISHED;
        };
    }

    /** The robustness settings as the report's parameters list them (only "robustness: off" when it did not run). */
    static Map<String, String> robustnessParameters(RobustnessSettings rs) {
        Map<String, String> p = new TreeMap<>();
        p.put("robustness", rs.enabled() ? "on" : "off");
        if (rs.enabled()) {
            p.put("scenarios", String.join(", ", rs.scenarios().stream().map(Steps::shown).toList()));
            p.put("uncertainty-runs", Integer.toString(rs.uncertaintyRuns()));
            p.put("perturbation", rs.perturbation());
            p.put("sensitivity-samples", Integer.toString(rs.sensitivitySamples()));
            p.put("seed", Long.toString(rs.seed()));
        }
        return p;
    }

    /**
     * Runs the robustness analysis of this year's build and adds it to the report. Reproducible: the numbers depend on
     * the build and the settings (seed included), not on the number of threads.
     */
    static Report robustness(Report report, Build build, RobustnessSettings rs) {
        Framework fw = build.framework();
        List<Scenario> scenarios = ScenarioFiles.load(fw, rs.scenarios());
        int threads = Runtime.getRuntime().availableProcessors();
        RobustnessRequest request = rs.request(fw, scenarios, threads);
        log.info("Robustness analysis: {} uncertainty runs ({}), Sobol sensitivity with N = {}, {} scenario(s), "
                + "rank-reversal margins, seed {}", rs.uncertaintyRuns(), rs.perturbation(), rs.sensitivitySamples(),
                scenarios.size(), rs.seed());
        long t0 = System.nanoTime();
        RobustnessResult result = RobustnessAnalysis.run(build, request,
                new LoggedProgress(log::info, System::nanoTime, LoggedProgress.DEFAULT_INTERVAL_NANOS));
        log.info("Robustness analysis done in {} ms", (System.nanoTime() - t0) / 1_000_000);
        RobustnessSection.Settings settings = new RobustnessSection.Settings(rs.seed(), rs.uncertaintyRuns(),
                rs.perturbation(), rs.sensitivitySamples(), rs.sensitivityFactor(), request.reversalNorm().name(),
                rs.scenarios().stream().map(Steps::shown).toList());
        return RobustnessMapper.attach(report, result, settings);
    }

    /** A path relative to the working directory when it lies below it (portable across machines), else absolute. */
    static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return (p.startsWith(cwd) ? cwd.relativize(p) : p).toString().replace('\\', '/');
    }

    /** The raw data set: the intake's values with the survey step's statistics filled in. */
    static RawData rawData(IntakeResult intake, SurveyResult survey, double[][] previous) {
        // survey statistics join the other channels by unit code (without a registry the survey names its own units)
        Map<String, Integer> surveyColumn = new java.util.HashMap<>();
        for (int k = 0; survey != null && k < survey.units().size(); k++) {
            surveyColumn.put(survey.units().get(k), k);
        }
        int m = intake.values().length;
        double[][] values = new double[m][];
        String[][] provenance = new String[m][];
        for (int j = 0; j < m; j++) {
            values[j] = intake.values()[j].clone();
            provenance[j] = intake.provenance()[j].clone();
            for (int i = 0; survey != null && i < values[j].length; i++) {
                Integer k = surveyColumn.get(intake.units().get(i).code());
                if (k != null && survey.provenance()[j][k] != null) {
                    values[j][i] = survey.values()[j][k];
                    provenance[j][i] = survey.provenance()[j][k];
                }
            }
        }
        return new RawData(intake.units(), values, provenance, intake.denominators(), previous, intake.textScores(),
                intake.notApplicable());
    }

    /** The survey's own warnings, and the units it names that no other source has (left out of the scoring). */
    static List<String> surveyWarnings(IntakeResult intake, SurveyResult survey) {
        List<String> out = new ArrayList<>(survey.warnings());
        java.util.Set<String> known = new java.util.HashSet<>();
        intake.units().forEach(u -> known.add(u.code()));
        List<String> unknown = survey.units().stream().filter(u -> !known.contains(u)).toList();
        if (!unknown.isEmpty()) {
            out.add("the survey names " + unknown.size() + " unit" + (unknown.size() == 1 ? "" : "s")
                    + " that no other source has, left out of the scoring: " + String.join(", ", unknown));
        }
        return out;
    }

    static double[][] alignedTo(List<org.bizenv.scoring.Unit> units, RawData prev) {
        Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < prev.unitCount(); i++) {
            at.put(prev.units().get(i).code(), i);
        }
        double[][] out = new double[prev.values().length][units.size()];
        for (int j = 0; j < out.length; j++) {
            for (int i = 0; i < units.size(); i++) {
                Integer k = at.get(units.get(i).code());
                out[j][i] = k == null ? Double.NaN : prev.values()[j][k];
            }
        }
        return out;
    }

    /** Writes the Excel and JSON reports into the year's folder, atomically. */
    static Tasklet publish(Path repository) {
        return (contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            EvaluationRequest req = request(step);
            Report report = workspace(repository, step).load(REPORT, Report.class);
            try {
                ReportSet.publish(report, req.reportFolder());
            } catch (java.io.IOException e) {
                throw new PublishException(req.reportFolder(), e);
            }
            return RepeatStatus.FINISHED;
        };
    }
}
