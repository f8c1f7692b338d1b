package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.ingest.InputDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A framework evaluating part of its registry ({@code framework.units.include}) through the whole job, on the
 * 36-city sample whose every file covers all 36 cities: the 4 municipalities, the 5 separately-planned cities and
 * Wuhan and Chengdu are read, scored and ranked (also within their types), the other 25 cities' rows are skipped —
 * even a survey answer of theirs that would be an input error — and the report says so per source.
 */
class UnitSubsetJobTest extends JobTestBase {

    private static final List<String> SELECTED = List.of("beijing", "tianjin", "dalian", "shanghai", "ningbo",
            "xiamen", "qingdao", "wuhan", "shenzhen", "chongqing", "chengdu");     // registry order

    @TempDir
    Path tmp;

    @Autowired
    JobRepository jobRepository;

    private Path framework() throws Exception {
        Path indicators = Files.createDirectories(tmp.resolve("indicators"));
        Files.copy(Path.of("indicators/cities-36.csv"), indicators.resolve("cities-36.csv"));
        String yaml = Files.readString(Path.of("indicators/miit-sme-2024.yaml"));
        String units = yaml.lines().filter(l -> l.startsWith("  units: cities-36.csv")).findFirst().orElseThrow();
        String compare = yaml.lines().filter(l -> l.startsWith("  compare: rounded")).findFirst().orElseThrow();
        Path fw = indicators.resolve("miit-sme-2024.yaml");
        Files.writeString(fw, yaml.replace(units + "\n", """
                  units:
                    registry: cities-36.csv
                    include: {where: {type: [municipality, separately-planned]}, codes: [wuhan, chengdu]}
                """).replace(compare + "\n", compare + "\n  groups: type\n"));
        return fw;
    }

    /**
     * This year's sample with an answer no survey accepts (to Q02, which the framework asks), from a respondent in
     * Kunming, outside the selection.
     */
    private Path data() throws Exception {
        Path data = tmp.resolve("2024");
        try (Stream<Path> files = Files.walk(Path.of("sample-data/2024"))) {
            for (Path f : files.toList()) {
                Path to = data.resolve(Path.of("sample-data/2024").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path survey = data.resolve("survey.csv");
        String kunming = "R2024-00001,Kunming ,small,批发和零售业,4,5,";
        String csv = Files.readString(survey);
        assertThat(csv).contains(kunming);
        Files.writeString(survey, csv.replace(kunming, "R2024-00001,Kunming ,small,批发和零售业,4,abc,"));
        return data;
    }

    @Test
    void onlyTheSelectedCitiesAreScoredAndTheOthersRowsAreSkippedAndSaidSo() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(framework(), data(), 2024, out,
                Path.of("sample-data/2023"), "2025-03-01T00:00:00Z").withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        List<String> units = new ArrayList<>();
        json.get("units").forEach(u -> units.add(u.get("code").asString()));
        assertThat(units).containsExactly(SELECTED.toArray(String[]::new));
        List<Integer> ranks = new ArrayList<>();
        json.get("ranking").forEach(r -> ranks.add(r.get("rank").asInt()));
        assertThat(ranks).hasSize(11).allMatch(r -> r >= 1 && r <= 11).contains(1);
        // every evaluated city is compared with last year, which is read through the same selection
        assertThat(json.get("improvement")).hasSize(11);
        for (JsonNode row : json.get("improvement")) {
            assertThat(row.get("groupRank").asInt()).isPositive();
        }
        List<String> warnings = new ArrayList<>();
        json.get("warnings").forEach(w -> warnings.add(w.get("en").asString()));
        String skipped = ": the data of 25 registry cities outside the framework's selection "
                + "(framework.units.include) skipped: changchun, changsha, fuzhou, guangzhou, guiyang, haikou, "
                + "hangzhou, harbin, hefei, hohhot, jinan, kunming, lanzhou, lhasa, nanchang, nanjing, nanning, "
                + "shenyang, shijiazhuang, taiyuan, urumqi, xian, xining, yinchuan, zhengzhou";
        assertThat(warnings).anyMatch(w -> w.equals("returns" + skipped))
                .anyMatch(w -> w.equals("statistics.xlsx" + skipped))
                .anyMatch(w -> w.equals("walkthrough.xlsx" + skipped))
                .noneMatch(w -> w.equals("survey.csv" + skipped));
        assertThat(warnings).noneMatch(w -> w.contains("Kunming") || w.contains("昆明"));

        // the same, per source, as data (meta.skipped) and on the Sources sheet
        String codes = "changchun, changsha, fuzhou, guangzhou, guiyang, haikou, hangzhou, harbin, hefei, hohhot, "
                + "jinan, kunming, lanzhou, lhasa, nanchang, nanjing, nanning, shenyang, shijiazhuang, taiyuan, "
                + "urumqi, xian, xining, yinchuan, zhengzhou";
        List<String> skippedData = new ArrayList<>();
        json.get("meta").get("skipped").forEach(k -> {
            List<String> c = new ArrayList<>();
            k.get("codes").forEach(x -> c.add(x.asString()));
            assertThat(String.join(", ", c)).isEqualTo(codes);
            skippedData.add(k.get("source").asString() + " " + k.get("file").asString() + " "
                    + k.get("units").asInt());
        });
        assertThat(skippedData).containsExactly("returns returns 25", "statistics statistics.xlsx 25",
                "walkthrough walkthrough.xlsx 25", "survey survey.csv 25");
        // the survey's rows are questionnaires: counted per city, and the note says how many of each were skipped
        for (int k = 0; k < 3; k++) {
            assertThat(json.get("meta").get("skipped").get(k).has("rows")).isFalse();
        }
        JsonNode rows = json.get("meta").get("skipped").get(3).get("rows");
        assertThat(String.join(", ", rows.propertyNames())).isEqualTo(codes);
        long total = 0;
        List<String> each = new ArrayList<>();
        List<String> plain = new ArrayList<>();         // the workbook's, without a thousands separator
        for (String code : rows.propertyNames()) {
            assertThat(rows.get(code).asLong()).as(code).isPositive();
            total += rows.get(code).asLong();
            each.add(code + " " + String.format(java.util.Locale.ROOT, "%,d", rows.get(code).asLong()));
            plain.add(code + " " + rows.get(code).asLong());
        }
        assertThat(total).isLessThan(35_800);       // the file's rows, the 11 cities' among them
        assertThat(warnings).contains("survey.csv: the questionnaires of registry cities outside the framework's "
                + "selection (framework.units.include) skipped: 25 cities, "
                + String.format(java.util.Locale.ROOT, "%,d", total) + " questionnaire rows: "
                + String.join(", ", each));
        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
            Sheet sources = wb.getSheet("Sources");
            int head = -1;
            for (Row row : sources) {
                Cell c = row.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("已跳过")) {
                    head = row.getRowNum();
                }
            }
            assertThat(head).as("the skipped block's title").isPositive();
            assertThat(cells(sources.getRow(head + 1))).containsExactly("路径 Path", "跳过的城市数 Cities skipped",
                    "来源 Source", "城市代码 City codes", "跳过的问卷行数 Questionnaire rows skipped",
                    "各城市行数 Rows by city");
            assertThat(cells(sources.getRow(head + 2))).containsExactly("returns", "25", "returns", codes);
            assertThat(cells(sources.getRow(head + 5))).containsExactly("survey.csv", "25", "survey", codes,
                    Long.toString(total), String.join(", ", plain));
            assertThat(sources.getRow(head + 6)).isNull();
        }
    }

    /**
     * This year's sample with a small survey: two rows from each selected city, and 1,206 from three cities outside
     * the selection, spelt as people type them, among them rows no survey accepts (a size class "huge", an answer
     * "abc"), which are skipped with the others, not reported.
     */
    private Path smallSurvey() throws Exception {
        Path data = data();
        String answers = ",4,4,3,4,5,3,4,4,3,4,5,3,4,4,3,4,5,3,4,4";
        StringBuilder csv = new StringBuilder(Files.readString(data.resolve("survey.csv")).lines().findFirst()
                .orElseThrow()).append('\n');
        int id = 0;
        for (int k = 0; k < 1_200; k++) {                 // kunming 1,200 rows, spread over the file
            csv.append("K").append(++id).append(',').append(k % 2 == 0 ? "Kunming " : "昆明")
                    .append(",small,建筑业")
                    .append(answers).append('\n');
            if (k % 110 == 0 && k / 110 < SELECTED.size()) {
                String city = SELECTED.get(k / 110);
                csv.append("S").append(++id).append(',').append(city).append(",micro,建筑业").append(answers)
                        .append('\n');
                csv.append("S").append(++id).append(',').append(city).append(",medium,制造业").append(answers)
                        .append('\n');
            }
        }
        csv.append("K").append(++id).append(",昆明市,huge,建筑业").append(answers).append('\n');
        csv.append("K").append(++id).append(",Kunming,small,建筑业").append(answers.replaceFirst("4", "abc"))
                .append('\n');
        csv.append("K").append(++id).append(",昆明,micro,").append(answers).append('\n');
        csv.append("L").append(++id).append(",Lasa,medium,建筑业").append(answers).append('\n');
        csv.append("L").append(++id).append(",拉萨,small,建筑业").append(answers).append('\n');
        csv.append("H").append(++id).append(",Ha'erbin,micro,建筑业").append(answers).append('\n');
        Files.writeString(data.resolve("survey.csv"), csv);
        return data;
    }

    /** The small survey's rows are counted per city the same in 1 and 3 partitions of the file. */
    @Test
    void theSurveyRowsSkippedAreCountedPerCityInAnyNumberOfPartitions() throws Exception {
        Path data = smallSurvey();
        Path framework = framework();
        List<byte[]> reports = new ArrayList<>();
        for (int partitions : new int[] {1, 3}) {
            Path out = tmp.resolve("p" + partitions);
            EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(framework, data, 2024, out, null, null,
                    "2025-03-01T00:00:00Z", RobustnessSettings.off(), null, partitions));
            assertThat(o.failures()).as("%d partitions", partitions).isEmpty();
            assertThat(o.partitionsRun()).hasSize(partitions);
            JsonNode json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json")
                    .toFile());
            JsonNode survey = json.get("meta").get("skipped").get(3);
            assertThat(survey.get("source").asString()).isEqualTo("survey");
            assertThat(survey.get("units").asInt()).isEqualTo(3);
            assertThat(survey.get("rows").toString()).isEqualTo("{\"harbin\":1,\"kunming\":1203,\"lhasa\":2}");
            List<String> en = new ArrayList<>();
            List<String> zh = new ArrayList<>();
            json.get("warnings").forEach(w -> {
                en.add(w.get("en").asString());
                zh.add(w.get("zh").asString());
            });
            assertThat(en).contains("survey.csv: the questionnaires of registry cities outside the framework's "
                    + "selection (framework.units.include) skipped: 3 cities, 1,206 questionnaire rows: harbin 1, "
                    + "kunming 1,203, lhasa 2");
            assertThat(zh).contains("survey.csv：跳过不在本框架评价范围（framework.units.include）内的登记城市的问卷：3 个城市，"
                    + "1,206 行：harbin 1, kunming 1,203, lhasa 2");
            try (Workbook wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
                Sheet sources = wb.getSheet("Sources");
                Row last = sources.getRow(sources.getLastRowNum());
                assertThat(cells(last)).containsExactly("survey.csv", "3", "survey", "harbin, kunming, lhasa",
                        "1206", "harbin 1, kunming 1203, lhasa 2");
            }
            reports.add(Files.readAllBytes(out.resolve("2024/bizenv-report-2024.json")));
        }
        assertThat(reports.get(1)).isEqualTo(reports.get(0));
    }

    /**
     * A partition that failed is run again by the restart, the others are not: the rows it had counted before failing
     * are not counted twice (its counts are saved only when it completes).
     */
    @Test
    void aRestartedPartitionDoesNotCountItsRowsTwice() throws Exception {
        Path data = smallSurvey();
        Path framework = framework();
        // a real storage fault where the middle partition's data set would go
        BlockedPartition blocked = BlockedPartition.next(jobRepository, repository, "survey-part-f0-p001.json");
        Path out = tmp.resolve("restarted");
        EvaluationRequest request = new EvaluationRequest(framework, data, 2024, out, null, null,
                "2025-03-01T00:00:00Z", RobustnessSettings.off(), null, 3);
        EvaluationRunner.Outcome first = runner.run(request);
        blocked.keepOnly(first.instanceId());
        assertThat(first.status()).isEqualTo(BatchStatus.FAILED);
        FileSystemUtils.deleteRecursively(repository.resolve("work/instance-" + first.instanceId())
                .resolve("survey-part-f0-p001.json"));

        EvaluationRunner.Outcome second = runner.run(request);
        assertThat(second.restarted()).isTrue();
        assertThat(second.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.partitionsRun()).containsExactly("survey-part:f0-p001");
        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        assertThat(json.get("meta").get("skipped").get(3).get("rows").toString())
                .isEqualTo("{\"harbin\":1,\"kunming\":1203,\"lhasa\":2}");
    }

    /** A row's cells as text, numbers as whole numbers. */
    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(c.getCellType() == CellType.NUMERIC
                ? Long.toString((long) c.getNumericCellValue()) : c.getStringCellValue()));
        return out;
    }

    @Test
    void theSameAnswerFromASelectedCityIsStillAnInputError() throws Exception {
        Path data = data();
        Path survey = data.resolve("survey.csv");
        String ningbo = "R2024-00002,宁波,micro,建筑业,4,5,";
        String csv = Files.readString(survey);
        assertThat(csv).contains(ningbo);
        Files.writeString(survey, csv.replace(ningbo, "R2024-00002,宁波,micro,建筑业,4,abc,"));
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(framework(), data, 2024, tmp.resolve("out"),
                null, "2025-03-01T00:00:00Z").withRobustness(RobustnessSettings.off()));
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        InputDataException e = (InputDataException) o.failures().get(0);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .contains("survey.csv").contains("abc").doesNotContain("Kunming"));
    }
}
