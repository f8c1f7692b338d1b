package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Source;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SizeClass;
import org.bizenv.survey.SurveyAggregator;
import org.bizenv.survey.SurveyCsvReader;
import org.bizenv.survey.SurveyResponse;
import org.bizenv.survey.SurveyResults;
import org.bizenv.survey.SurveyValidator;
import org.bizenv.survey.ValidResponse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The survey microdata step, chunk-oriented: the reader streams the questionnaire rows (this year's file, then last
 * year's), the processor validates each row (city as typed, size class, answers) and the writer adds it to the
 * per-city tallies. Every bad row is collected; at the end the step either fails listing all of them or saves the
 * city-level statistics as the named data sets {@code survey-current} and {@code survey-previous}.
 *
 * <p>The components share one {@link Run} that {@link #beforeStep} creates per step execution, so a restarted or
 * repeated run never sees an earlier run's tallies.
 */
final class SurveyStep implements StepExecutionListener {

    /** A questionnaire row and the year it belongs to (0 = this year, 1 = last year). */
    record Item(int period, SurveyResponse response) {
    }

    /** A validated row and its year. */
    record Valid(int period, ValidResponse response) {
    }

    private final Path repository;
    private Run run;

    SurveyStep(Path repository) {
        this.repository = repository;
    }

    /** State of one step execution. */
    static final class Run {
        final Framework framework;
        final Source source;
        final List<String> questions;
        final UnitResolver resolver;
        final Problems problems = new Problems();
        final Path[] folders;
        final SurveyAggregator[] aggregators;
        final SurveyValidator[] validators;
        final Workspace workspace;
        int period = -1;
        SurveyCsvReader reader;

        Run(EvaluationRequest req, Workspace workspace) {
            this.framework = FrameworkLoader.load(req.framework());
            this.source = framework.sources().stream().filter(s -> s.type().equals("survey")).findFirst().orElse(null);
            this.questions = source == null ? List.of() : framework.indicators().stream()
                    .filter(i -> i.source().equals(source.id())).map(Indicator::field).distinct().toList();
            this.resolver = Intake.resolver(framework, problems);
            this.folders = req.previousData() == null ? new Path[] {req.data()}
                    : new Path[] {req.data(), req.previousData()};
            this.aggregators = new SurveyAggregator[folders.length];
            this.validators = new SurveyValidator[folders.length];
            this.workspace = workspace;
            for (int p = 0; p < folders.length; p++) {
                aggregators[p] = new SurveyAggregator(questions, resolver.expectedCodes());
            }
        }

        /** Next row of the current file, moving on to the next year's file at the end; null when all are read. */
        Item next() {
            if (source == null) {
                return null;
            }
            while (true) {
                if (reader == null) {
                    if (++period >= folders.length) {
                        return null;
                    }
                    // Last year's problems name the year's folder too (2023/survey.csv!E12), so the two never mix.
                    reader = period == 0 ? new SurveyCsvReader(folders[0], source.path(), questions)
                            : new SurveyCsvReader(folders[period].getParent(),
                                    folders[period].getFileName() + "/" + source.path(), questions);
                    validators[period] = new SurveyValidator(reader.layout(), resolver,
                            source.notApplicable().stream().mapToInt(Integer::intValue).toArray(), problems);
                }
                SurveyResponse r = reader.next();
                if (r != null) {
                    return new Item(period, r);
                }
                problems.addAll(reader.problems());
                reader.close();
                reader = null;
            }
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        EvaluationRequest req = EvaluationRequest.from(stepExecution.getJobExecution().getJobParameters());
        run = new Run(req, Steps.workspace(repository, stepExecution));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        Run r = run;
        run = null;
        if (r.reader != null) {
            r.reader.close();
        }
        if (!stepExecution.getStatus().equals(BatchStatus.COMPLETED)) {
            return stepExecution.getExitStatus();
        }
        r.problems.addAll(List.of(r.workspace.load(Steps.INTAKE_PROBLEMS, org.bizenv.ingest.DataProblem[].class)));
        if (!r.problems.isEmpty()) {
            // All sources were read and checked; fail with every problem at once (the job stops before scoring).
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(new InputDataException(r.problems.sorted()));
            return ExitStatus.FAILED;
        }
        for (int p = 0; p < r.folders.length; p++) {
            r.workspace.save(p == 0 ? "survey-current" : "survey-previous", results(r, p));
        }
        return stepExecution.getExitStatus();
    }

    /** The survey indicators' city values, in framework order, with how each was computed. */
    private static SurveyResult results(Run r, int period) {
        Framework fw = r.framework;
        SurveyResults res = r.source == null ? null : r.aggregators[period].results(sizeMix(r.source), r.source.minSample());
        List<String> units = res == null ? r.resolver.expectedCodes() : res.units();
        int m = fw.indicators().size();
        double[][] values = new double[m][units.size()];
        String[][] provenance = new String[m][units.size()];
        List<String> warnings = new ArrayList<>();
        if (r.source == null) {
            for (double[] v : values) {
                java.util.Arrays.fill(v, Double.NaN);
            }
            return new SurveyResult(units, values, provenance, warnings);
        }
        for (int j = 0; j < m; j++) {
            Indicator ind = fw.indicators().get(j);
            java.util.Arrays.fill(values[j], Double.NaN);
            if (!ind.source().equals(r.source.id())) {
                continue;
            }
            for (int i = 0; i < units.size(); i++) {
                String u = units.get(i);
                int n = res.n(u, ind.field());
                values[j][i] = ind.statistic().equals(SurveyResults.MEAN_SCORE)
                        ? res.meanScore(u, ind.field()) : res.shareFavourable(u, ind.field());
                provenance[j][i] = r.source.path() + ": " + ind.field() + " " + ind.statistic() + ", n = " + n
                        + (r.source.sizeMix().isEmpty() ? "" : " (weighted to the size mix)");
                if (res.lowSample(u, ind.field())) {
                    warnings.add((period == 0 ? "" : "last year: ") + "indicator " + ind.code() + ": " + label(r, u) + " has "
                            + n + " valid answers to " + ind.field() + ", under the minimum sample of "
                            + r.source.minSample());
                }
            }
        }
        return new SurveyResult(units, values, provenance, warnings);
    }

    /** "Lhasa (拉萨)" where a registry knows the unit, else its code. */
    private static String label(Run r, String unit) {
        for (var u : r.resolver.expectedUnits()) {
            if (u.code().equals(unit)) {
                return u.label();
            }
        }
        return unit;
    }

    /** Population weights of the size classes; without a stated mix the classes weigh equally. */
    private static double[] sizeMix(Source source) {
        double[] mix = new double[SizeClass.values().length];
        for (SizeClass s : SizeClass.values()) {
            mix[s.ordinal()] = source.sizeMix().getOrDefault(s.key(), 0.0);
        }
        if (source.sizeMix().isEmpty()) {
            java.util.Arrays.fill(mix, 1.0);
        }
        return mix;
    }

    ItemReader<Item> reader() {
        return () -> run.next();
    }

    ItemProcessor<Item, Valid> processor() {
        return item -> {
            ValidResponse v = run.validators[item.period()].validate(item.response());
            return v == null ? null : new Valid(item.period(), v);
        };
    }

    ItemWriter<Valid> writer() {
        return (Chunk<? extends Valid> chunk) -> {
            for (Valid v : chunk) {
                run.aggregators[v.period()].add(v.response());
            }
        };
    }
}
