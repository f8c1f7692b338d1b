package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.ingest.InputDataException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yearly job with an uncertainty file (--uncertainty): the whole-pipeline analysis of the bundled sample's
 * uncertain inputs reaches both reports, named input by input, with rank intervals and Sobol indices of the mean
 * rank shift and of the focus city's rank and score; a bad file is an input problem listed with its line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineUncertaintyJobTest extends JobTestBase {

    static final Path tmp = tempDir("bizenv-pipeline-reports");
    static final Path FILE = Path.of("indicators/scenarios/miit-sme-2024-uncertainty.yaml");

    Path out;
    JsonNode json;

    private EvaluationRunner.Outcome run(Path output, Path file, String focus) throws Exception {
        return runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, output,
                EvaluationJobTest.DATA_2023, null, EvaluationJobTest.AT,
                new RobustnessSettings(true, List.of(), 100, "uniform:0.25", 32, 0, 1).withUncertainty(file, focus)));
    }

    @BeforeAll
    void runTheSampleWithTheUncertaintyFile() throws Exception {
        out = tmp.resolve("reports");
        var o = run(out, FILE, "wuhan");
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
    }

    @Test
    void theJsonReportNamesTheInputsAndGivesIntervalsAndIndicesOnThreeOutputs() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            assertThat(schema.validate(Files.readString(out.resolve("2024/bizenv-report-2024.json")),
                    InputFormat.JSON)).isEmpty();
        }
        JsonNode p = json.get("robustness").get("pipeline");
        assertThat(p.get("file").asString()).isEqualTo("indicators/scenarios/miit-sme-2024-uncertainty.yaml");
        assertThat(p.get("focusUnit").asString()).isEqualTo("wuhan");      // the command line's over the file's
        assertThat(p.get("runs").asInt()).isEqualTo(100);
        assertThat(p.get("inputs")).hasSize(9);
        assertThat(p.get("inputs").get(0).get("kind").asString()).isEqualTo("normalisation");
        assertThat(p.get("inputs").get(0).get("recomputes").get("en").asString())
                .isEqualTo("from normalisation on: normalised, objective weights, aggregated");
        assertThat(p.get("inputs").get(2).get("alternatives").toString()).isEqualTo("[\"entropy\",\"critic\",\"equal\"]");
        assertThat(p.get("units")).hasSize(36);
        for (JsonNode u : p.get("units")) {
            assertThat(u.get("rankP05").asDouble()).isBetween(1.0, u.get("rankP95").asDouble());
            assertThat(u.get("bestRank").asInt()).isLessThanOrEqualTo(u.get("worstRank").asInt());
        }
        assertThat(p.get("sensitivity")).hasSize(3);
        assertThat(p.get("sensitivity").get(1).get("output").asString()).isEqualTo("index rank of wuhan");
        assertThat(p.get("sensitivity").get(2).get("output").asString()).isEqualTo("index score of wuhan");
        assertThat(p.get("sensitivity").get(0).get("runs").asInt()).isEqualTo(32 * (9 + 2));
        assertThat(p.get("sensitivity").get(0).get("inputs")).hasSize(9);
        assertThat(json.get("meta").get("parameters").get("uncertainty-file").asString()).isEqualTo(FILE.toString());
    }

    @Test
    void theSensitivitySheetListsTheInputs() throws Exception {
        try (var wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
            var sheet = wb.getSheet("Sensitivity");
            DataFormatter f = new DataFormatter();
            boolean title = false;
            boolean input = false;
            for (Row r : sheet) {
                String first = r.getCell(0) == null ? "" : f.formatCellValue(r.getCell(0));
                title |= first.startsWith("全流程不确定性");
                input |= first.equals("innovation-weighting");
            }
            assertThat(title).isTrue();
            assertThat(input).isTrue();
        }
    }

    @Test
    void aBadUncertaintyFileIsAnInputProblemWithItsLine() throws Exception {
        Path bad = tmp.resolve("bad-uncertainty.yaml");
        Files.writeString(bad, """
                uncertainty:
                  inputs:
                    - id: n
                      normalisation: [minmax]
                      at: [FNI.1]
                """);
        var o = run(tmp.resolve("never"), bad, null);
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        InputDataException e = (InputDataException) o.failures().get(0);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(EvaluationRequest.shown(
                bad.toAbsolutePath()) + ":5: input n: unknown indicator 'FNI.1' ('at')");
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
