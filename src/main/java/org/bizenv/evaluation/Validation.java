package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Source;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Problems;
import org.bizenv.robustness.PipelineAnalysis;
import org.bizenv.robustness.Progress;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.ScoringException;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyTally;

/**
 * {@code bizenv validate}: the job's checks without the job. The same plain-Java work the steps are shells over
 * ({@link Intake}, {@link SurveyTally}, {@link ScenarioFiles}, {@link Scoring}), run in one pass with no Spring context,
 * no job repository and nothing written, so that a validation that passes means a run on the same inputs will not
 * fail on them. What it does not run: the robustness analysis' Monte Carlo and Sobol runs (they re-weight a build
 * that scored) and the reading of {@code --previous-report}.
 */
public final class Validation {

    /** The fixed timestamp of the report validation assembles (and drops). */
    private static final String AT = "1970-01-01T00:00:00Z";

    private Validation() {
    }

    /**
     * What a validation found.
     *
     * @param problems   every input problem, as a run would list them (empty when the inputs passed)
     * @param nodes      the framework's nodes
     * @param indicators the framework's indicators
     * @param units      the units scored (0 when the data were not scored or not given)
     * @param scored     whether the data were scored (given, and free of problems)
     */
    public record Result(List<DataProblem> problems, int nodes, int indicators, int units, boolean scored) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a framework, and with {@code data} a year's data folder (and last year's), and the scenario files against
     * the framework; when the data have no problem they are scored as the score step scores them and the scenarios are
     * compared with the result.
     *
     * @param data         a data folder, or null to check the framework (and the scenarios) only
     * @param previousData last year's data folder, or null
     * @throws org.bizenv.framework.FrameworkException     the framework file is invalid
     * @throws org.bizenv.scoring.ScoringException         the framework's methods cannot score the data
     * @throws org.bizenv.robustness.RobustnessException   a scenario cannot be applied to the data
     */
    public static Result check(Path framework, Path data, Path previousData, List<Path> scenarios) {
        Inspection i = inspect(framework, data, previousData, scenarios);
        if (i.scoringFailure() != null) {
            throw i.scoringFailure();
        }
        return i.result();
    }

    /**
     * What a validation found, with the values as read, for feedback to the units ({@code validate --feedback}).
     *
     * @param result         as {@link #check} returns it
     * @param framework      the framework read
     * @param thisYear       this year's values as read — the intake's with the survey's statistics filled in — also
     *                       when the data have problems (then NaN where a value did not read); null without data
     * @param lastYear       last year's, likewise; null without previous data
     * @param scoringFailure why the data, free of input problems, could not be scored, or null
     */
    public record Inspection(Result result, Framework framework, RawData thisYear, RawData lastYear,
                             RuntimeException scoringFailure) {
    }

    /**
     * As {@link #check}, keeping the values as read, and a failure of the scoring as the result's instead of throwing
     * it.
     *
     * @throws org.bizenv.framework.FrameworkException the framework file is invalid
     */
    public static Inspection inspect(Path framework, Path data, Path previousData, List<Path> scenarios) {
        return inspect(framework, data, previousData, scenarios, null);
    }

    /**
     * As {@link #inspect(Path, Path, Path, List)}, with an uncertainty file (null: none) checked against the framework
     * and, with data, its alternatives computed on them and its focus city looked up, as a run's analysis would.
     */
    public static Inspection inspect(Path framework, Path data, Path previousData, List<Path> scenarios,
                                     Path uncertainty) {
        Path file = framework.toAbsolutePath().normalize();
        Path uncertaintyFile = uncertainty == null ? null : uncertainty.toAbsolutePath().normalize();
        List<Path> scenarioFiles = scenarios.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        Framework fw = FrameworkLoader.load(file);
        Problems problems = new Problems();
        if (data == null) {
            problems.addAll(ScenarioFiles.check(fw, scenarioFiles));
            problems.addAll(ScenarioFiles.checkUncertainty(fw, uncertaintyFile));
            return new Inspection(new Result(problems.sorted(), fw.nodes().size(), fw.indicators().size(), 0, false),
                    fw, null, null, null);
        }
        Path thisFolder = data.toAbsolutePath().normalize();
        Path lastFolder = previousData == null ? null : previousData.toAbsolutePath().normalize();

        UnitResolver resolver = Intake.resolver(fw, problems);
        // The survey step's reading (both years) on a thread of its own while this one does the intake step's: they
        // read different files and share only the framework, the resolver (both immutable) and the thread-safe
        // problems, which are sorted at the end. On two cores that takes the survey's time off the validation's
        // (measured on the sample, see docs/benchmarks.md). A failure is thrown as the sequential order would throw
        // it: the intake's or the scenario check's first, then the survey's.
        Future<SurveysRead> surveys = Background.start("validate-survey", () -> new SurveysRead(
                surveys(fw, thisFolder, false, resolver, problems),
                lastFolder == null ? null : surveys(fw, lastFolder, true, resolver, problems)));
        IntakeResult thisIntake;
        IntakeResult lastIntake;
        try {
            // the intake step
            thisIntake = Intake.read(fw, thisFolder, resolver, problems);
            lastIntake = lastFolder == null ? null : Intake.read(fw, lastFolder, true, resolver, problems);
            problems.addAll(ScenarioFiles.check(fw, scenarioFiles));
            problems.addAll(ScenarioFiles.checkUncertainty(fw, uncertaintyFile));
        } catch (RuntimeException | Error e) {
            surveys.cancel(true);
            throw e;
        }
        // the survey step's end: each year's sources checked for naming the same units, once all are read
        SurveysRead read = Background.join(surveys);
        SurveyIndicators thisSurvey = survey(fw, read.thisYear(), resolver, thisIntake, problems);
        SurveyIndicators lastSurvey = lastFolder == null ? null
                : survey(fw, read.lastYear(), resolver, lastIntake, problems);
        RawData thisRaw = Channels.join(thisIntake, thisSurvey, null);
        RawData lastRaw = lastFolder == null ? null : Channels.join(lastIntake, lastSurvey, null);
        if (!problems.isEmpty()) {                                       // as the run
            return new Inspection(new Result(problems.sorted(), fw.nodes().size(), fw.indicators().size(), 0, false),
                    fw, thisRaw, lastRaw, null);
        }

        // the score step, without the robustness analysis' Monte Carlo and Sobol runs
        try {
            Scoring.Inputs in = new Scoring.Inputs(file, thisFolder, 0, lastFolder, null, AT, RobustnessSettings.off());
            Scoring.Year thisYear = new Scoring.Year(thisIntake, thisSurvey);
            Scoring.Scored scored = Scoring.score(fw, in, thisYear,
                    lastFolder == null ? null : new Scoring.Year(lastIntake, lastSurvey));
            Scoring.report(scored, in, thisYear);
            if (!scenarioFiles.isEmpty()) {
                Scoring.compareScenarios(scored.current(), scored.currentRaw(), scenarioFiles);
            }
            if (uncertaintyFile != null) {
                var u = ScenarioFiles.loadUncertainty(fw, uncertaintyFile);
                // every alternative row computed on the data and the nominal check, without the runs
                PipelineAnalysis.run(scored.current(), scored.currentRaw(), uncertaintyFile.toString(), u.inputs(),
                        new PipelineAnalysis.Options(0, 1, null, u.focusCity(), 1), Progress.NONE);
            }
            return new Inspection(new Result(List.of(), fw.nodes().size(), fw.indicators().size(),
                    scored.current().units().size(), true), fw, thisRaw, lastRaw, null);
        } catch (ScoringException | RobustnessException | InputDataException e) {
            return new Inspection(new Result(List.of(), fw.nodes().size(), fw.indicators().size(), 0, false),
                    fw, thisRaw, lastRaw, e);
        }
    }

    /** A survey source as read: its indicators' unit values and the units it names. */
    private record SurveyRead(SurveyIndicators indicators, SourceUnits units) {
    }

    /** Each year's survey sources as read; {@code lastYear} null without a previous year. */
    private record SurveysRead(List<SurveyRead> thisYear, List<SurveyRead> lastYear) {
    }

    /** A year's survey sources, each read, checked and tallied row by row as the survey step does in chunks. */
    private static List<SurveyRead> surveys(Framework fw, Path folder, boolean lastYear, UnitResolver resolver,
                                                    Problems problems) {
        List<SurveyRead> out = new ArrayList<>();
        for (Source s : SurveyTally.sources(fw)) {
            try (SurveyTally tally = new SurveyTally(fw, s, folder, lastYear, resolver,
                    Intake.evaluatedOnly(resolver, problems))) {
                SurveyIndicators ind = tally.readAll().indicators();
                out.add(new SurveyRead(ind, UnitCoverage.of(tally, ind)));
            }
        }
        return out;
    }

    /** A year's survey indicators, once its sources are read: the year's sources checked for naming the same units. */
    private static SurveyIndicators survey(Framework fw, List<SurveyRead> read, UnitResolver resolver,
                                           IntakeResult intake, Problems problems) {
        List<SourceUnits> named = new ArrayList<>(intake.sources());
        read.forEach(r -> named.add(r.units()));
        UnitCoverage.check(resolver, named, problems);
        return SurveyIndicators.combine(fw.indicators().size(), read.stream().map(SurveyRead::indicators)
                .toList());
    }
}
