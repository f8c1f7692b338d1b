package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bizenv.ingest.InputDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The yearly job end to end on the bundled sample: reports, determinism, restart, and bad input. */
class EvaluationJobTest extends JobTestBase {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    static final Path DATA_2024 = Path.of("sample-data/2024");
    static final Path DATA_2023 = Path.of("sample-data/2023");
    static final String AT = "2025-03-01T00:00:00Z";


    @TempDir
    Path tmp;



    /** A run without the robustness analysis: these tests are about the rest of the job (RobustnessJobTest). */
    private EvaluationRunner.Outcome run(Path data, Path previous, Path output) throws Exception {
        return runner.run(new EvaluationRequest(FRAMEWORK, data, 2024, output, previous, AT)
                .withRobustness(RobustnessSettings.off()));
    }

    @Test
    void scoresTheSampleAndPublishesBothReports() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = run(DATA_2024, DATA_2023, out);

        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");
        Path json = out.resolve("2024/bizenv-report-2024.json");
        assertThat(out.resolve("2024/bizenv-report-2024.xlsx")).isRegularFile();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("2024");
        }
        try (var in = EvaluationJobTest.class.getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            var schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
            assertThat(schema.validate(Files.readString(json), com.networknt.schema.InputFormat.JSON)).isEmpty();
        }
        JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(r.get("meta").get("year").asInt()).isEqualTo(2024);
        assertThat(r.get("meta").get("synthetic").asBoolean()).isTrue();
        assertThat(r.get("units").size()).isEqualTo(36);
        assertThat(r.get("ranking").size()).isEqualTo(36);
        assertThat(r.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(r.get("top").size()).isEqualTo(5);
        assertThat(r.get("improvement").size()).isEqualTo(36);
        assertThat(r.get("meta").get("sources").size()).isEqualTo(36 + 3);  // 36 returns, statistics, walk-through, survey
        // the sample's designed thin samples: Lhasa and Xining under 400 answers to Q09 and Q10 (FIN.SAT.1, FIN.SAT.2)
        assertThat(r.get("warnings").toString()).contains(
                "indicator FIN.SAT.1: Lhasa (拉萨) has", "indicator FIN.SAT.2: Xining (西宁) has", "under the minimum sample of 400");
        // the innovation dimension's sub-dimensions are weighted by entropy, computed from the data
        JsonNode inn = null;
        for (JsonNode w : r.get("weights")) {
            if (w.get("node").asString().equals("INN")) {
                inn = w;
            }
        }
        assertThat(inn.get("method").asString()).isEqualTo("entropy");
        // how a survey value was computed from the microdata is stated, so the number can be traced
        String fin = null;
        for (JsonNode m : r.get("methodology")) {
            if (m.get("element").asString().equals("FIN.SAT.1")) {
                fin = m.get("text").get("en").asString();
                assertThat(m.get("text").get("zh").asString()).contains("对 Q09 回答的平均值，回答 1–5 按 (a − 1)/4·100 换算为 0–100",
                        "不适用代码 [9] 和空白不计入", "有效回答少于 400 份的在“提示”表中标出");
            }
        }
        assertThat(fin).contains("the mean answer to Q09, answers 1–5 rescaled to 0–100 as (a − 1)/4·100",
                "not-applicable codes [9] and blanks are left out",
                "weighted to the population mix medium 0.05, micro 0.7, small 0.25",
                "fewer than 400 valid answers is flagged in Warnings",
                "in the breakdowns by size class and industry, a cell with fewer than 30 valid answers is shaded on "
                        + "the Survey breakdown sheet");
    }

    @Test
    void lastYearsPublishedReportGivesTheSameComparisonAsReScoringLastYearsData() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome y2023 = runner.run(new EvaluationRequest(FRAMEWORK, DATA_2023, 2023, out, null, AT)
                .withRobustness(RobustnessSettings.off()));
        assertThat(y2023.succeeded()).isTrue();
        Path report2023 = out.resolve("2023/bizenv-report-2023.json");

        runner.run(new EvaluationRequest(FRAMEWORK, DATA_2024, 2024, tmp.resolve("viaReport"), null, report2023, AT,
                RobustnessSettings.off()));
        run(DATA_2024, DATA_2023, tmp.resolve("viaData"));

        JsonMapper json = JsonMapper.builder().build();
        JsonNode viaReport = json.readTree(tmp.resolve("viaReport/2024/bizenv-report-2024.json").toFile());
        JsonNode viaData = json.readTree(tmp.resolve("viaData/2024/bizenv-report-2024.json").toFile());
        assertThat(viaReport.get("meta").get("previousYear").asInt()).isEqualTo(2023);
        assertThat(viaReport.get("ranking")).isEqualTo(viaData.get("ranking"));
        assertThat(viaReport.get("improvement")).isEqualTo(viaData.get("improvement"));
        assertThat(viaReport.get("improvement").get(0).get("scoreChange").asDouble()).isPositive();
    }

    @Test
    void aPreviousReportThatIsNotOneIsAnInputError() throws Exception {
        Path bogus = tmp.resolve("last-year.json");
        Files.writeString(bogus, "{\"hello\": 1}");
        EvaluationRunner.Outcome o = runner.run(
                new EvaluationRequest(FRAMEWORK, DATA_2024, 2024, tmp.resolve("r"), null, bogus, AT,
                        RobustnessSettings.off()));
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.failures().get(0)).isInstanceOf(InputDataException.class)
                .hasMessageContaining(bogus + ": not a bizenv JSON report: it has no meta.schemaVersion; "
                        + "--previous-report takes the JSON report an earlier bizenv run wrote "
                        + "(bizenv-report-<year>.json), as it was written");
    }

    @Test
    void theSameInputsGiveByteIdenticalJson() throws Exception {
        run(DATA_2024, DATA_2023, tmp.resolve("a"));
        run(DATA_2024, DATA_2023, tmp.resolve("b"));
        byte[] a = Files.readAllBytes(tmp.resolve("a/2024/bizenv-report-2024.json"));
        assertThat(Files.readAllBytes(tmp.resolve("b/2024/bizenv-report-2024.json"))).isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("b/2024/bizenv-report-2024.xlsx")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("a/2024/bizenv-report-2024.xlsx")));
        // with the robustness analysis too (seeded Monte Carlo and bootstrap, on every core): the next test
    }

    @Test
    void theSameInputsScenariosAndSeedGiveByteIdenticalReportsAndAnotherSeedOtherIntervals() throws Exception {
        var seeded = new RobustnessSettings(true, List.of(Path.of("indicators/scenarios/miit-sme-2024-scenarios.yaml")),
                400, "dirichlet:50", 64, 7);
        for (String out : List.of("a", "b")) {
            assertThat(runner.run(new EvaluationRequest(FRAMEWORK, DATA_2024, 2024, tmp.resolve(out), DATA_2023, null,
                    AT, seeded)).succeeded()).isTrue();
        }
        runner.run(new EvaluationRequest(FRAMEWORK, DATA_2024, 2024, tmp.resolve("c"), DATA_2023, null, AT,
                new RobustnessSettings(true, seeded.scenarios(), 400, "dirichlet:50", 64, 8)));
        byte[] a = Files.readAllBytes(tmp.resolve("a/2024/bizenv-report-2024.json"));
        assertThat(Files.readAllBytes(tmp.resolve("b/2024/bizenv-report-2024.json"))).isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("b/2024/bizenv-report-2024.xlsx")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("a/2024/bizenv-report-2024.xlsx")));

        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode ra = mapper.readTree(a).get("robustness");
        JsonNode rc = mapper.readTree(tmp.resolve("c/2024/bizenv-report-2024.json").toFile()).get("robustness");
        assertThat(ra.get("settings").get("seed").asInt()).isEqualTo(7);
        assertThat(ra.get("scenarios").get("runs")).hasSize(4);
        // the seed moves the Monte Carlo numbers only: scenarios and margins do not depend on it
        assertThat(rc.get("uncertainty").get("units")).isNotEqualTo(ra.get("uncertainty").get("units"));
        assertThat(rc.get("scenarios")).isEqualTo(ra.get("scenarios"));
        assertThat(rc.get("rankReversals")).isEqualTo(ra.get("rankReversals"));
        assertThat(rc.get("oneAtATime")).isEqualTo(ra.get("oneAtATime"));
    }

    @Test
    void aRunThatFailedLateRestartsWithoutRedoingCompletedSteps() throws Exception {
        Path out = tmp.resolve("blocked");
        Files.writeString(out, "a file where the reports folder should be");

        EvaluationRunner.Outcome first = run(DATA_2024, null, out);
        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.failures().get(0)).isInstanceOf(PublishException.class)
                .hasMessageStartingWith("cannot write the reports to " + out.toAbsolutePath().resolve("2024") + ": a file");
        assertThat(first.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");

        assertThat(repository.resolve("work/instance-" + first.instanceId()).resolve("report.json"))
                .as("a failed run keeps its working data for the restart").isRegularFile();

        Files.delete(out);
        EvaluationRunner.Outcome second = run(DATA_2024, null, out);
        assertThat(second.restarted()).isTrue();
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.stepsRun()).containsExactly("publish");
        assertThat(repository.resolve("work/instance-" + second.instanceId())).as("a completed run's working data are removed")
                .doesNotExist();
        assertThat(out.resolve("2024/bizenv-report-2024.json")).isRegularFile();
        // the survey step's detail survived in the kept report: the restarted publish still has it
        assertThat(Files.readString(out.resolve("2024/bizenv-report-2024.json")))
                .contains("\"survey\": [", "\"standardError\": {", "\"byIndustry\": [");
    }

    @Test
    void badInputFailsWithEveryProblemAndLeavesThePreviousReportAlone() throws Exception {
        Path data = tmp.resolve("data/2024");
        copy(DATA_2024, data);
        Samples.setCell(data.resolve("returns/wuhan.xlsx"), "Data", "D7", "abc");
        Samples.setCell(data.resolve("statistics.xlsx"), "Data", "A5", "Wuhn");
        Samples.setCell(data.resolve("statistics.xlsx"), "Data", "C9", "130%");
        Files.writeString(data.resolve("returns/notes.xlsx"), "not a workbook");
        Samples.replaceLine(data.resolve("survey.csv"), 12, line -> line.replaceFirst(",(micro|small|medium),", ",huge,"));
        Path out = tmp.resolve("reports");
        Path previousReport = out.resolve("2024/bizenv-report-2024.json");
        Files.createDirectories(previousReport.getParent());
        Files.writeString(previousReport, "{\"previous\": true}");

        EvaluationRunner.Outcome o = run(data, null, out);

        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge");
        InputDataException e = (InputDataException) o.failures().get(0);
        assertThat(e.problems()).extracting(Object::toString).contains(
                "returns/wuhan.xlsx!Data!D7: 'abc' is not a number",
                "statistics.xlsx!Data!A5: unknown city 'Wuhn'");
        assertThat(e.problems()).extracting(Object::toString)
                .anyMatch(p -> p.startsWith("returns/notes.xlsx: not an Excel workbook"))
                .anyMatch(p -> p.startsWith("statistics.xlsx!Data!C9: value 130 outside the valid range"))
                .anyMatch(p -> p.startsWith("survey.csv!C12: "));
        assertThat(Files.readString(previousReport)).isEqualTo("{\"previous\": true}");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("2024");
        }
    }

    @Test
    void aSurveyFileWithOnlyItsHeaderFailsTheRunNamingTheFile() throws Exception {
        // it used to exit 0 with every survey indicator silently missing from the ranking
        Path data = tmp.resolve("data/2024");
        copy(DATA_2024, data);
        Files.write(data.resolve("survey.csv"), Files.readAllLines(data.resolve("survey.csv")).subList(0, 1));

        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(FRAMEWORK, data, 2024, tmp.resolve("reports"),
                null, null, AT, RobustnessSettings.off()));

        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge");
        assertThat(((InputDataException) o.failures().get(0)).problems()).extracting(Object::toString)
                .containsExactly("survey.csv: no valid survey answers at all (no row with a known city, a size class "
                        + "and an answer): every survey indicator would be missing; add the answers, or say "
                        + "'missing-units: missing' on source 'survey' to score without them");
        assertThat(Validation.check(FRAMEWORK, data, null, List.of()).problems())
                .isEqualTo(((InputDataException) o.failures().get(0)).problems());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
