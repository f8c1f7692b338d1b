package org.bizenv.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.BizenvApplication;
import org.bizenv.bench.ColdStart;
import org.bizenv.bench.LargeRun;
import org.bizenv.bench.PipelineBench;
import org.bizenv.bench.SurveyBench;
import org.bizenv.bench.SyntheticSet;
import org.bizenv.evaluation.EvaluationRequest;
import org.bizenv.evaluation.EvaluationRunner;
import org.bizenv.evaluation.RobustnessSettings;
import org.bizenv.report.EngineVersion;
import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.json.JsonReportWriter;
import org.bizenv.robustness.Percentiles;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.Scorer;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bizenv bench}: cold whole-process times of the sample commands beside a bare start of the same jar (child
 * JVMs started as the launcher starts them, see {@link ColdStart}), then wall time of the whole yearly job on the
 * bundled sample in this JVM, and of the scoring core on a scaled synthetic set. Prints medians over repetitions, the
 * machine it ran on and its load. A measurement, not a test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = "Benchmarks the sample commands cold (each a fresh JVM, beside a bare start of the same jar), "
                + "the sample job end to end in-process, the survey step with 1 and N partitions beside a bare parse "
                + "of the same file, and the scoring core on a synthetic set "
                + "(default 3,000 units × 200 indicators); prints medians, ratios, the machine and its load.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--units", defaultValue = "3000", description = "Synthetic units (default: ${DEFAULT-VALUE})")
    int units;

    @Option(names = "--indicators", defaultValue = "200",
            description = "Synthetic indicators, a multiple of 20: 10 dimensions × 4 sub-dimensions × n (default: ${DEFAULT-VALUE})")
    int indicators;

    @Option(names = "--repeat", defaultValue = "5", description = "Measured repetitions (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--job-repeat", defaultValue = "3",
            description = "Measured runs of the sample job, 0 to skip it (default: ${DEFAULT-VALUE})")
    int jobRepeat;

    @Option(names = "--cold-repeat", defaultValue = "5",
            description = "Rounds of the cold whole-process figures, 0 to skip them (default: ${DEFAULT-VALUE})")
    int coldRepeat;

    @Option(names = "--large-heap", defaultValue = "1g", paramLabel = "SIZE",
            description = "Heap ceiling (-Xmx) of the whole job on the --units × --indicators set; none to skip "
                    + "that part (default: ${DEFAULT-VALUE})")
    String largeHeap;

    @Option(names = "--survey-rows", defaultValue = "100000,300000,1000000", split = ",", paramLabel = "ROWS",
            description = "Questionnaire rows of the survey figures, one file each: the sample's rows repeated with "
                    + "fresh ids (default: ${DEFAULT-VALUE})")
    List<Integer> surveyRows;

    @Option(names = "--survey-repeat", defaultValue = "3",
            description = "Measured runs of the survey figures, each size and partition count; 0 to skip them "
                    + "(default: ${DEFAULT-VALUE})")
    int surveyRepeat;

    @Option(names = "--survey-heap", defaultValue = "128m", paramLabel = "SIZE",
            description = "Heap ceiling (-Xmx) of the fresh JVM that measures the survey's memory a row on the "
                    + "largest --survey-rows file; none to skip it (default: ${DEFAULT-VALUE})")
    String surveyHeap;

    /** Set in that fresh JVM: it measures the survey file of this data folder and prints one line (no other bench). */
    @Option(names = "--survey-memory-probe", hidden = true)
    Path surveyMemoryProbe;

    @Option(names = "--framework", defaultValue = "indicators/miit-sme-2024.yaml", description = "Sample framework")
    Path framework;

    @Option(names = "--data", defaultValue = "sample-data/2024", description = "Sample data folder")
    Path data;

    @Option(names = "--previous-data", defaultValue = "sample-data/2023", description = "Sample previous year")
    Path previous;

    @Option(names = "--pipeline-runs", defaultValue = "2000",
            description = "Whole-pipeline uncertainty runs on COINr's ASEM example per repetition, 0 to skip "
                    + "(default: ${DEFAULT-VALUE})")
    int pipelineRuns;

    @Option(names = "--asem-framework", defaultValue = "indicators/coinr-asem.yaml", description = "ASEM framework")
    Path asemFramework;

    @Option(names = "--asem-data", defaultValue = "examples/coinr-asem/data", description = "ASEM data folder")
    Path asemData;

    @Option(names = "--asem-uncertainty", defaultValue = "indicators/scenarios/coinr-asem-uncertainty.yaml",
            description = "Uncertain inputs of the ASEM runs")
    Path asemUncertainty;

    @Override
    public Integer call() throws Exception {
        if (surveyMemoryProbe != null) {
            System.out.println(SurveyBench.memory(framework, surveyMemoryProbe, surveyRows.get(0), 3).line());
            return BizenvCommand.OK;
        }
        System.out.println("machine: " + Machine.describe());
        Path tmp = Files.createTempDirectory("bizenv-bench");
        try {
            if (coldRepeat > 0) {
                benchCold(tmp);
            }
            if (jobRepeat > 0) {
                benchJob(tmp);
            }
            if (surveyRepeat > 0) {
                benchSurvey(tmp);
            }
            SyntheticSet.Set set = benchCore(tmp);
            if (pipelineRuns > 0) {
                PipelineBench.run(asemFramework, asemData, asemUncertainty, pipelineRuns, repeat, System.out);
            }
            if (!"none".equals(largeHeap)) {
                benchLarge(tmp, set);
            }
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(tmp);
        }
        return BizenvCommand.OK;
    }

    /** Every figure beside the bare start, {@code --version}, measured in the same interleaved rounds. */
    private void benchCold(Path tmp) throws Exception {
        ColdStart.Launch launch = ColdStart.launcherWay(System.getenv());
        String plainJar = System.getenv("BIZENV_PLAIN_JAR");
        ColdStart.Launch plain = plainJar == null ? null : ColdStart.plain(launch.java(), plainJar);
        String fw = framework.toString();
        String d = data.toString();
        String p = previous.toString();
        List<String> run = List.of("run", "--framework", fw, "--data", d, "--previous-data", p, "--year", "2024",
                "--output", "{tmp}/reports", "--repository", "{tmp}/repository");
        List<ColdStart.Case> cases = new java.util.ArrayList<>(List.of(
                new ColdStart.Case("--version (reference: bare start)", launch, List.of("--version")),
                new ColdStart.Case("validate --framework", launch, List.of("validate", "--framework", fw)),
                new ColdStart.Case("validate, sample, both years", launch,
                        List.of("validate", "--framework", fw, "--data", d, "--previous-data", p)),
                new ColdStart.Case("run --no-robustness, sample", launch, concat(run, "--no-robustness")),
                new ColdStart.Case("run, sample, with robustness", launch, run)));
        if (plain != null) {
            cases.add(new ColdStart.Case("--version, plain java -jar", plain, List.of("--version")));
        }
        double load = ColdStart.loadAverage();
        System.out.println("cold, whole process: each a fresh JVM, " + launch.description());
        List<ColdStart.Timing> t = ColdStart.measure(cases, coldRepeat, tmp);
        double reference = t.get(0).medianSeconds();
        for (ColdStart.Timing x : t.subList(0, 5)) {
            System.out.printf("  %-32s median %6.2f s (%.2f–%.2f)  %5.1f× --version%n", x.what().name(),
                    x.medianSeconds(), x.minSeconds(), x.maxSeconds(), x.medianSeconds() / reference);
        }
        if (plain != null) {
            ColdStart.Timing bare = t.get(5);
            System.out.printf("  %-32s median %6.2f s (%.2f–%.2f)  (%s)%n", bare.what().name(),
                    bare.medianSeconds(), bare.minSeconds(), bare.maxSeconds(), plain.description());
            System.out.printf("  against the plain start: validate --framework %.1f×, validate %.1f×, "
                    + "run --no-robustness %.1f×, run %.1f×%n", t.get(1).medianSeconds() / bare.medianSeconds(),
                    t.get(2).medianSeconds() / bare.medianSeconds(), t.get(3).medianSeconds() / bare.medianSeconds(),
                    t.get(4).medianSeconds() / bare.medianSeconds());
        }
        System.out.printf("  medians of %d interleaved rounds; 1-minute load average %.1f before, %.1f after%n",
                coldRepeat, load, ColdStart.loadAverage());
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> c = new java.util.ArrayList<>(a);
        c.add(b);
        return c;
    }

    private void benchJob(Path tmp) throws Exception {
        try (ConfigurableApplicationContext ctx = BizenvApplication.context(tmp.resolve("repository"))) {
            EvaluationRunner runner = ctx.getBean(EvaluationRunner.class);
            double[] ms = new double[jobRepeat];
            for (int r = -1; r < jobRepeat; r++) {                  // r = -1: warm-up
                long t = System.nanoTime();
                var o = runner.run(new EvaluationRequest(framework, data, 2024, tmp.resolve("out" + r), previous,
                        "2025-01-01T00:00:00Z"));
                if (!o.succeeded()) {
                    throw new IllegalStateException("the sample job failed: " + o.failures());
                }
                if (r >= 0) {
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
            }
            System.out.printf("sample job (36 cities, 38 indicators, 2 years, ~70,000 survey rows, Excel + JSON), "
                    + "in-process after warm-up: median %.0f ms over %d runs%n", Percentiles.median(ms), jobRepeat);
        }
    }

    /** The whole job on the synthetic set the core was measured on, in a fresh JVM with the heap ceiling given. */
    private void benchLarge(Path tmp, SyntheticSet.Set set) throws Exception {
        Path dir = tmp.resolve("synthetic");
        SyntheticSet.writeTable(dir, set);
        ColdStart.Launch launch = ColdStart.launcherWay(System.getenv());
        System.out.printf("whole job, %d units × %d indicators (intake of a %.0f MB unit table to published reports, "
                + "--no-robustness --no-cards), a fresh JVM with -Xmx%s:%n", units, indicators,
                Files.size(dir.resolve("s.csv")) / 1e6, largeHeap);
        for (LargeRun.Figures f : LargeRun.measure(launch, dir, largeHeap, tmp)) {
            System.out.printf("  %-12s %6.1f s, peak RSS %s, JSON %.1f MB, xlsx %.1f MB%n", f.what(), f.seconds(),
                    f.peakRssMb() < 0 ? "n/a" : f.peakRssMb() + " MB", f.jsonBytes() / 1e6, f.excelBytes() / 1e6);
        }
    }

    /**
     * The survey step in the job (its partitions and the merge, from the job repository's step times) on files of each
     * of {@code --survey-rows} rows, with 1 partition and with one per core, beside a bare parse-and-sum of the same
     * file in this JVM. The job runs this year only, without the robustness analysis or city cards; one warm-up run
     * before the first size, then the best of {@code --survey-repeat} (the least disturbed by other load), as rows a
     * second. Then the memory a row on the largest file, in a fresh JVM with {@code -Xmx<--survey-heap>}.
     */
    private void benchSurvey(Path tmp) throws Exception {
        String survey = "survey.csv";
        int cores = EvaluationRequest.defaultSurveyPartitions();
        int[] counts = cores > 1 ? new int[] {1, cores} : new int[] {1};
        List<Integer> sizes = surveyRows.stream().sorted().toList();
        System.out.printf("survey: questionnaire rows read, validated and tallied in the job (the survey and "
                + "survey-merge steps), best of %d runs:%n", surveyRepeat);
        StringBuilder head = new StringBuilder(String.format("  %9s  %-22s", "rows", "bare parse (reference)"));
        for (int c : counts) {
            head.append(String.format("  %-23s", c + (c == 1 ? " partition" : " partitions")));
        }
        System.out.println(head);
        Path big = null;
        try (ConfigurableApplicationContext ctx = BizenvApplication.context(tmp.resolve("survey-repository"))) {
            EvaluationRunner runner = ctx.getBean(EvaluationRunner.class);
            JobRepository jobs = ctx.getBean(JobRepository.class);
            for (int n = 0; n < sizes.size(); n++) {
                int rows = sizes.get(n);
                big = SurveyBench.dataWithRows(data, survey, tmp.resolve("survey-data-" + rows + "/2024"), rows);
                double bare = 0;
                double[] step = new double[counts.length];
                for (int r = n == 0 ? -1 : 0; r < surveyRepeat; r++) {          // r = -1: warm-up
                    double b = SurveyBench.bareRowsPerSecond(big, survey);
                    for (int i = 0; i < counts.length; i++) {
                        var o = runner.run(new EvaluationRequest(framework, big, 2024,
                                tmp.resolve("survey-out-" + rows + "-" + r + "-" + i), null, null,
                                "2025-01-01T00:00:00Z", RobustnessSettings.off(), new Publication(false, false),
                                counts[i]));
                        if (!o.succeeded()) {
                            throw new IllegalStateException("the survey bench's job failed: " + o.failures());
                        }
                        if (r >= 0) {
                            step[i] = Math.max(step[i], rows / surveySeconds(jobs.getJobExecution(o.executionId())));
                        }
                    }
                    if (r >= 0) {
                        bare = Math.max(bare, b);
                    }
                }
                StringBuilder line = new StringBuilder(String.format("  %,9d  %,13.0f rows/s       ", rows, bare));
                for (double v : step) {
                    line.append(String.format("  %,11.0f rows/s %3.0f %%", v, 100 * v / bare));
                }
                System.out.println(line);
            }
        }
        if (!"none".equals(surveyHeap) && big != null) {
            benchSurveyMemory(big, sizes.get(sizes.size() - 1), tmp);
        }
    }

    /**
     * The survey's memory a row, in a fresh JVM started as this one was with {@code -Xmx<--survey-heap>} (and the
     * default compiler tiers, as this bench has): {@link SurveyBench#memory} on the file, read back from its output.
     */
    private void benchSurveyMemory(Path folder, int rows, Path tmp) throws Exception {
        SurveyBench.Memory m = SurveyBench.memoryInFreshJvm(ColdStart.launcherWay(System.getenv()), surveyHeap,
                framework.toAbsolutePath(), folder, rows, tmp);
        System.out.printf("  memory, a fresh JVM with -Xmx%s, %,d rows through SurveyTally.readAll (read, validate, "
                + "tally; no job): heap retained %.1f bytes a row (respondent table %.1f), %,.0f rows/s = %.0f %% of "
                + "its bare parse (%,.0f rows/s)%n", surveyHeap, m.rows(), m.retainedPerRow(), m.tablePerRow(),
                m.tallyRowsPerSecond(), 100 * m.tallyRowsPerSecond() / m.bareRowsPerSecond(), m.bareRowsPerSecond());
    }

    /** The wall time of the survey and survey-merge steps (the partitions run within the first). */
    private static double surveySeconds(JobExecution e) {
        double seconds = 0;
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStepName().startsWith("survey") && !s.getStepName().contains(":")) {
                seconds += java.time.Duration.between(s.getStartTime(), s.getEndTime()).toNanos() / 1e9;
            }
        }
        return seconds;
    }

    /** Measures the scoring core on the synthetic set, and returns the set for {@link #benchLarge}. */
    private SyntheticSet.Set benchCore(Path tmp) throws Exception {
        if (indicators % 40 != 0 && indicators % 20 != 0) {
            throw new IllegalArgumentException("--indicators must be a multiple of 20");
        }
        var set = SyntheticSet.create(tmp.resolve("synthetic"), units, 10, 4, indicators / 40 == 0 ? 1
                : indicators / 40, 42);
        int m = set.framework().indicators().size();
        double[] score = new double[repeat];
        double[] assemble = new double[repeat];
        double[] json = new double[repeat];
        Build b = null;
        for (int r = -2; r < repeat; r++) {                          // two warm-up rounds
            long t0 = System.nanoTime();
            b = Scorer.score(set.framework(), set.data());
            long t1 = System.nanoTime();
            Report rep = ReportAssembler.assemble(b, null, new ReportAssembler.Context(2024,
                    "2025-01-01T00:00:00Z", EngineVersion.get(), "synthetic.yaml", "-", java.util.List.of(),
                    java.util.Map.of(), java.util.List.of()));
            long t2 = System.nanoTime();
            new JsonReportWriter().toJson(rep);
            long t3 = System.nanoTime();
            if (r >= 0) {
                score[r] = (t1 - t0) / 1e6;
                assemble[r] = (t2 - t1) / 1e6;
                json[r] = (t3 - t2) / 1e6;
            }
        }
        System.out.printf("scoring core, %d units × %d indicators (denominate, impute, treat, normalise, weigh incl. "
                + "entropy, aggregate, rank): median %.0f ms over %d runs%n", units, m, Percentiles.median(score), repeat);
        System.out.printf("report assembly incl. coherence (%d×%d correlations): median %.0f ms; JSON rendering: "
                + "median %.0f ms%n", m, m, Percentiles.median(assemble), Percentiles.median(json));
        System.out.println("index score of unit 0 (a check that work was done): " + b.indexScores()[0]);
        return set;
    }
}
