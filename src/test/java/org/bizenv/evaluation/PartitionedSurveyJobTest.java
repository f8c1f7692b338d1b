package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey step in partitions: the same reports for any number of them, and a restart that runs again only the
 * partition that failed.
 */
class PartitionedSurveyJobTest extends JobTestBase {

    private static final Path FRAMEWORK = EvaluationJobTest.FRAMEWORK;
    private static final String AT = EvaluationJobTest.AT;
    private static final String JSON = "2024/bizenv-report-2024.json";
    private static final String XLSX = "2024/bizenv-report-2024.xlsx";

    @TempDir
    Path tmp;

    @Autowired
    JobRepository jobRepository;

    /** Small robustness settings with the survey bootstrap, so that the answer patterns go through the merge too. */
    private static final RobustnessSettings BOOTSTRAP = new RobustnessSettings(true, List.of(), 20,
            RobustnessSettings.DEFAULT_PERTURBATION, 0, 20, 3);

    private EvaluationRunner.Outcome run(Path previous, Path out, int partitions, RobustnessSettings r)
            throws Exception {
        return run(FRAMEWORK, EvaluationJobTest.DATA_2024, previous, out, partitions, r);
    }

    private EvaluationRunner.Outcome run(Path framework, Path data, Path previous, Path out, int partitions,
                                         RobustnessSettings r) throws Exception {
        return runner.run(new EvaluationRequest(framework, data, 2024, out, previous, null, AT, r, null, partitions));
    }

    @Test
    void theReportsAreTheSameByteForByteForAnyNumberOfPartitions() throws Exception {
        List<byte[]> json = new ArrayList<>();
        List<byte[]> xlsx = new ArrayList<>();
        // n partitions shared out over this year's survey file (3,032,973 bytes) and last year's (2,924,281) by size
        int[][] parts = {{1, 1}, {1, 1}, {2, 1}, {4, 3}};
        int[] grid = {1, 2, 3, 7};
        for (int i = 0; i < grid.length; i++) {
            int n = grid[i];
            Path out = tmp.resolve("n" + n);
            EvaluationRunner.Outcome o = run(EvaluationJobTest.DATA_2023, out, n, BOOTSTRAP);
            assertThat(o.failures()).isEmpty();
            assertThat(o.stepsRun()).containsExactly("intake", "survey", "survey-merge", "score", "publish");
            List<String> expected = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                for (int k = 0; k < parts[i][f]; k++) {
                    expected.add(String.format("survey-part:f%d-p%03d", f, k));
                }
            }
            assertThat(o.partitionsRun()).as("%d partitions", n).isEqualTo(expected);
            json.add(Files.readAllBytes(out.resolve(JSON)));
            xlsx.add(Files.readAllBytes(out.resolve(XLSX)));
        }
        assertThat(new String(json.get(0), java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("\"surveyBootstrap\"\\s*:\\s*20\\b");
        // the survey detail (standard errors, breakdowns by size class and industry) is in the compared bytes: the
        // JSON's survey section and the workbook's Survey and Survey breakdown sheets
        JsonNode survey = JsonMapper.builder().build().readTree(json.get(0)).get("survey");
        assertThat(survey.size()).isEqualTo(12);
        for (JsonNode s : survey) {
            assertThat(s.get("standardError").size()).isEqualTo(36);
            assertThat(s.get("bySize").propertyNames()).containsExactly("micro", "small", "medium");
            assertThat(s.get("byIndustry").size()).isEqualTo(11);
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.get(0)))) {
            assertThat(wb.getSheet("Survey")).isNotNull();
            assertThat(wb.getSheet("Survey breakdown")).isNotNull();
        }
        for (int i = 1; i < json.size(); i++) {
            assertThat(json.get(i)).isEqualTo(json.get(0));
            assertThat(xlsx.get(i)).isEqualTo(xlsx.get(0));
        }
    }

    @Test
    void aRestartAfterAFailedPartitionRunsOnlyThatPartition() throws Exception {
        // a real storage fault in one partition (see BlockedPartition)
        BlockedPartition blocked = BlockedPartition.next(jobRepository, repository, "survey-part-f0-p001.json");
        Path out = tmp.resolve("restarted");
        EvaluationRunner.Outcome first = run(null, out, 3, RobustnessSettings.off());
        blocked.keepOnly(first.instanceId());

        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(first.stepsRun()).containsExactly("intake", "survey");
        assertThat(first.partitionsRun()).containsExactly("survey-part:f0-p000", "survey-part:f0-p001",
                "survey-part:f0-p002");
        // the partition's own failure, not its manager step's "Partition handler returned an unsuccessful step"
        assertThat(first.failures()).singleElement().isInstanceOf(UncheckedIOException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("cannot write the data set 'survey-part-f0-p001' to ");
        Path work = repository.resolve("work/instance-" + first.instanceId());
        assertThat(work.resolve("survey-part-f0-p000.json")).isRegularFile();
        assertThat(work.resolve("survey-part-f0-p002.json")).isRegularFile();

        FileSystemUtils.deleteRecursively(work.resolve("survey-part-f0-p001.json"));
        EvaluationRunner.Outcome second = run(null, out, 3, RobustnessSettings.off());

        assertThat(second.restarted()).isTrue();
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.stepsRun()).containsExactly("survey", "survey-merge", "score", "publish");
        assertThat(second.partitionsRun()).containsExactly("survey-part:f0-p001");

        Path fresh = tmp.resolve("fresh");
        assertThat(run(null, fresh, 1, RobustnessSettings.off()).succeeded()).isTrue();
        assertThat(Files.readAllBytes(out.resolve(JSON))).isEqualTo(Files.readAllBytes(fresh.resolve(JSON)));
        assertThat(Files.readAllBytes(out.resolve(XLSX))).isEqualTo(Files.readAllBytes(fresh.resolve(XLSX)));
    }

    /**
     * A survey platform's CSV export (the sample's survey with Chinese headers mapped by {@code columns:} and a row of
     * the questions' texts under them) read in 1, 3 and 7 parts gives the reports of the plain file: every part finds
     * its columns by the mapping, and the row of texts is only in the first part, whose reader alone skips it. The same
     * export as an .xlsx sheet is read by one partition, however many are asked for.
     */
    @Test
    void anExportWithMappedHeadersAndQuestionTextsGivesThePlainFilesReportsInAnyNumberOfParts() throws Exception {
        Path data = tmp.resolve("data/2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, data);
        List<String> lines = Files.readAllLines(data.resolve("survey.csv"), StandardCharsets.UTF_8);
        Path xlsxData = tmp.resolve("xlsx-data/2024");
        EvaluationJobTest.copy(EvaluationJobTest.DATA_2024, xlsxData);
        XlsxSurveyJobTest.export(data.resolve("survey.csv"), xlsxData.resolve("survey-export.xlsx"));
        String[] identity = {"答卷编号", "所在城市", "企业规模", "所属行业"};
        int columns = lines.get(0).split(",", -1).length;
        StringBuilder header = new StringBuilder();
        StringBuilder texts = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            int n = c - 3;
            String sep = c == 0 ? "" : ",";
            header.append(sep).append(c < 4 ? identity[c] : n == 3 ? "第3题" : "Q" + n + ". 满意度 " + n);
            texts.append(sep).append(c < 4 ? "请填写" + identity[c] : "您对第" + n + "项服务的满意度");
        }
        List<String> export = new ArrayList<>(List.of(header.toString(), texts.toString()));
        export.addAll(lines.subList(1, lines.size()));
        Files.write(data.resolve("survey-export.csv"), export, StandardCharsets.UTF_8);
        Path csvFramework = framework("survey-export.csv");

        EvaluationRunner.Outcome plain = run(FRAMEWORK, data, null, tmp.resolve("plain"), 1, RobustnessSettings.off());
        assertThat(plain.failures()).isEmpty();
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode expected = mapper.readTree(tmp.resolve("plain").resolve(JSON).toFile());
        List<byte[]> json = new ArrayList<>();
        for (int n : new int[] {1, 3, 7}) {
            Path out = tmp.resolve("export" + n);
            EvaluationRunner.Outcome o = run(csvFramework, data, null, out, n, RobustnessSettings.off());
            assertThat(o.failures()).as("%d parts", n).isEmpty();
            assertThat(o.partitionsRun()).as("%d parts", n).hasSize(n);
            json.add(Files.readAllBytes(out.resolve(JSON)));
            // the provenance names the file the values come from; otherwise every part but meta is the plain file's
            JsonNode got = mapper.readTree(Files.readString(out.resolve(JSON)).replace("survey-export.csv: ",
                    "survey.csv: "));
            for (String part : (Iterable<String>) () -> expected.propertyNames().iterator()) {
                if (!part.equals("meta")) {
                    assertThat(got.get(part)).as("%s, %d parts", part, n).isEqualTo(expected.get(part));
                }
            }
        }
        assertThat(json.get(1)).isEqualTo(json.get(0));
        assertThat(json.get(2)).isEqualTo(json.get(0));

        Path xlsxOut = tmp.resolve("xlsx");
        EvaluationRunner.Outcome sheet = run(framework("survey-export.xlsx"), xlsxData, null, xlsxOut, 3,
                RobustnessSettings.off());
        assertThat(sheet.failures()).isEmpty();
        assertThat(sheet.partitionsRun()).containsExactly("survey-part:f0-p000");
        JsonNode fromSheet = mapper.readTree(Files.readString(xlsxOut.resolve(JSON)).replace("survey-export.xlsx: ",
                "survey.csv: "));
        assertThat(fromSheet.get("survey")).isEqualTo(expected.get("survey"));
        assertThat(fromSheet.get("ranking")).isEqualTo(expected.get("ranking"));
    }

    /** The sample framework beside its registry, reading the survey from {@code file} with the export's columns. */
    private Path framework(String file) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("fw-" + file));
        Files.copy(FRAMEWORK.resolveSibling("cities-36.csv"), dir.resolve("cities-36.csv"));
        String text = Files.readString(FRAMEWORK).replace("    path: survey.csv\n", "    path: " + file + "\n"
                + XlsxSurveyJobTest.COLUMNS);
        assertThat(text).contains(file);
        Files.writeString(dir.resolve(FRAMEWORK.getFileName()), text);
        return dir.resolve(FRAMEWORK.getFileName());
    }
}
