package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled 50-city edition as the README runs it: indicators/miit-sme-50-2024.yaml on sample-data/50 (2024, with
 * 2023 as last year), ranked in the two groups of indicators/cities-50.csv's {@code group} column. The figures are the
 * synthetic sample's with seed 2024; regenerating the sample or changing the framework's weights changes them.
 */
class FiftyCityEditionJobTest extends JobTestBase {

    @TempDir
    Path tmp;

    @Test
    void ranksTheFiftyCitiesInTheirTwoGroups() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = runner.run(new EvaluationRequest(Path.of("indicators/miit-sme-50-2024.yaml"),
                Path.of("sample-data/50/2024"), 2024, out, Path.of("sample-data/50/2023"), "2025-05-01T00:00:00Z")
                .withRobustness(RobustnessSettings.off()));
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);

        JsonNode json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        assertThat(json.get("meta").get("rankingGroups").asString()).isEqualTo("group");
        assertThat(json.get("indicators")).hasSize(41);
        List<JsonNode> rows = new ArrayList<>();
        json.get("ranking").forEach(rows::add);
        assertThat(rows).hasSize(50);
        assertThat(rows.stream().map(r -> r.get("rank").asInt()).max(Integer::compare)).contains(50);

        // 19 + 31, each ranked 1..n within its group (no ties inside a group in this sample)
        Map<String, List<JsonNode>> byGroup = rows.stream()
                .collect(Collectors.groupingBy(r -> r.get("group").asString()));
        assertThat(byGroup.keySet()).containsExactlyInAnyOrder("sub-provincial-and-above", "prefecture-level");
        assertThat(byGroup.get("sub-provincial-and-above")).hasSize(19);
        assertThat(byGroup.get("prefecture-level")).hasSize(31);
        for (List<JsonNode> members : byGroup.values()) {
            List<JsonNode> byRank = members.stream().sorted(Comparator.comparingInt(r -> r.get("rank").asInt())).toList();
            assertThat(byRank.stream().map(r -> r.get("groupRank").asInt()).toList())
                    .isEqualTo(IntStream.rangeClosed(1, members.size()).boxed().toList());
        }

        // each group's number one, and a tie on the published score across the groups: Foshan and Hangzhou share
        // overall rank 6 at 75.09 but lead (Foshan) and are sixth (Hangzhou) in their own lists
        assertCity(rows, "shenzhen", 91.46066103721628, 91.46, 1, "sub-provincial-and-above", 1);
        assertCity(rows, "foshan", 75.09108608118709, 75.09, 6, "prefecture-level", 1);
        assertCity(rows, "hangzhou", 75.09066587939283, 75.09, 6, "sub-provincial-and-above", 6);
        assertCity(rows, "suzhou", 64.31691819599752, 64.32, 17, "prefecture-level", 5);
        assertCity(rows, "daqing", 14.194604995474172, 14.19, 50, "prefecture-level", 31);
        JsonNode suzhou = rows.stream().filter(r -> r.get("unit").asString().equals("suzhou")).findFirst().orElseThrow();
        assertThat(suzhou.get("dimensionGroupRanks").get("INN").asInt()).isEqualTo(1);
        assertThat(suzhou.get("previousRank").asInt()).isEqualTo(11);

        // the index's top 10 per group (ranking.top: 10; then its five dimensions), groups in name order: the two
        // lists the README shows
        assertThat(json.get("meta").get("top").asInt()).isEqualTo(10);
        List<JsonNode> indexTops = new ArrayList<>();
        json.get("top").forEach(t -> {
            if (t.has("group") && t.get("node").asString().equals("INDEX")) {
                indexTops.add(t);
            }
        });
        assertThat(indexTops).extracting(t -> t.get("group").asString())
                .containsExactly("prefecture-level", "sub-provincial-and-above");
        assertThat(units(indexTops.get(0))).containsExactly("foshan", "changsha", "wuxi", "dongguan", "suzhou",
                "quanzhou", "hefei", "changzhou", "zhengzhou", "haikou");
        assertThat(units(indexTops.get(1))).containsExactly("shenzhen", "guangzhou", "beijing", "shanghai", "chengdu",
                "hangzhou", "xiamen", "jinan", "nanjing", "qingdao");
        // the overall lists (each dimension over all 50) are top 10s too
        List<JsonNode> overall = new ArrayList<>();
        json.get("top").forEach(t -> {
            if (!t.has("group")) {
                overall.add(t);
            }
        });
        assertThat(overall).extracting(t -> t.get("node").asString())
                .containsExactly("MKT", "LAW", "FIN", "INN", "POL");
        assertThat(overall).allSatisfy(t -> assertThat(t.get("entries")).hasSize(10));

        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
            assertThat(wb.getSheetName(2)).isEqualTo("Top 10");
            Sheet top = wb.getSheet("Top 10");
            assertThat(top.getRow(0).getCell(0).getStringCellValue())
                    .startsWith("各维度前列城市 Top cities on each dimension：前10名 Top 10");
            List<String> column = new ArrayList<>();     // the index's block of each group: its first column's cities
            for (Row row : top) {
                Cell c = row.getCell(1);
                if (c != null && c.getCellType() == CellType.STRING) {
                    column.add(c.getStringCellValue());
                }
            }
            assertThat(column).contains("佛山 Foshan", "海口 Haikou", "深圳 Shenzhen", "青岛 Qingdao");
            List<String> titles = new ArrayList<>();
            for (Row row : top) {
                Cell c = row.getCell(0);
                if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("组别")) {
                    titles.add(c.getStringCellValue());
                }
            }
            assertThat(titles).containsExactly("组别 Group: 地级市 Prefecture-level city",
                    "组别 Group: 副省级及以上城市 Sub-provincial cities and above");
        }

        // the card of a city names its group and its tier within it
        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/cities/foshan.xlsx").toFile())) {
            List<String> texts = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.STRING) {
                        texts.add(c.getStringCellValue());
                    }
                }
            }
            assertThat(texts).contains("组内第 1 名（共 31 个，地级市），组内第一梯队 Rank 1 of 31 in its group "
                    + "(Prefecture-level city), Tier 1 within the group");
        }
    }

    private static void assertCity(List<JsonNode> rows, String unit, double score, double published, int rank,
                                   String group, int groupRank) {
        JsonNode r = rows.stream().filter(x -> x.get("unit").asString().equals(unit)).findFirst().orElseThrow();
        assertThat(r.get("score").asDouble()).as(unit).isCloseTo(score, within(1e-9));
        assertThat(r.get("publishedScore").asDouble()).as(unit).isEqualTo(published);
        assertThat(r.get("rank").asInt()).as(unit).isEqualTo(rank);
        assertThat(r.get("group").asString()).as(unit).isEqualTo(group);
        assertThat(r.get("groupRank").asInt()).as(unit).isEqualTo(groupRank);
    }

    private static List<String> units(JsonNode topList) {
        List<String> out = new ArrayList<>();
        topList.get("entries").forEach(e -> out.add(e.get("unit").asString()));
        return out;
    }
}
