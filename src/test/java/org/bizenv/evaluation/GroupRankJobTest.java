package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.ingest.InputDataException;
import org.bizenv.rank.Ranking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ranking.groups: type} through the whole job, as MIIT ranks its cities in two lists since 2023: every ranked
 * city's group rank, on the index and each dimension, is the competition rank of its published score among its own
 * group's published scores, recomputed here from the JSON; each group has its own top lists, the Ranking sheet its
 * rank-in-group columns and the city card its "rank k of n in its group".
 */
class GroupRankJobTest extends JobTestBase {

    private static final String COMPARE = "  compare: rounded";

    @TempDir
    Path tmp;

    private Path framework(String groups) throws Exception {
        Path indicators = Files.createDirectories(tmp.resolve("indicators"));
        Files.copy(Path.of("indicators/cities-36.csv"), indicators.resolve("cities-36.csv"));
        String yaml = Files.readString(Path.of("indicators/miit-sme-2024.yaml"));
        String line = yaml.lines().filter(l -> l.startsWith(COMPARE)).findFirst().orElseThrow();
        assertThat(yaml.lines().toList().indexOf(line) + 1).isEqualTo(47);
        Path fw = indicators.resolve("miit-sme-2024.yaml");
        Files.writeString(fw, yaml.replace(line + "\n", line + "\n  groups: " + groups + "\n"));
        return fw;
    }

    private EvaluationRunner.Outcome run(Path fw, Path out) throws Exception {
        return runner.run(new EvaluationRequest(fw, Path.of("sample-data/2024"), 2024, out, null,
                "2025-03-01T00:00:00Z").withRobustness(RobustnessSettings.off()));
    }

    @Test
    void groupRanksAreTheCompetitionRanksOfThePublishedScoresWithinEachType() throws Exception {
        Path out = tmp.resolve("reports");
        EvaluationRunner.Outcome o = run(framework("type"), out);
        assertThat(o.failures()).isEmpty();
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);

        Path jsonFile = out.resolve("2024/bizenv-report-2024.json");
        try (var in = GroupRankJobTest.class.getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            var schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
            assertThat(schema.validate(Files.readString(jsonFile), com.networknt.schema.InputFormat.JSON)).isEmpty();
        }
        JsonNode json = JsonMapper.builder().build().readTree(jsonFile.toFile());
        assertThat(json.get("meta").get("rankingGroups").asString()).isEqualTo("type");
        Map<String, String> type = new HashMap<>();
        for (JsonNode u : json.get("units")) {
            type.put(u.get("code").asString(), u.get("groups").get("type").asString());
        }
        List<JsonNode> rows = new ArrayList<>();
        json.get("ranking").forEach(rows::add);
        assertThat(rows).hasSize(36);
        List<String> dims = new ArrayList<>(json.get("ranking").get(0).get("dimensionScores").propertyNames());
        assertThat(dims).hasSize(5);
        int differs = 0;
        for (JsonNode row : rows) {
            String unit = row.get("unit").asString();
            assertThat(row.get("group").asString()).as(unit).isEqualTo(type.get(unit));
            int expected = 1;
            for (JsonNode other : rows) {
                if (other.get("group").asString().equals(row.get("group").asString())
                        && other.get("publishedScore").asDouble() > row.get("publishedScore").asDouble()) {
                    expected++;
                }
            }
            assertThat(row.get("groupRank").asInt()).as(unit).isEqualTo(expected);
            // the framework's four quantile tiers within the group: 1 + ⌊4 (group rank − 1) / units of the group⌋
            long inGroup = rows.stream().filter(x -> x.get("group").asString().equals(row.get("group").asString()))
                    .count();
            assertThat(row.get("groupTier").asInt()).as(unit).isEqualTo(1 + (int) (4L * (expected - 1) / inGroup));
            if (expected != row.get("rank").asInt()) {
                differs++;
            }
            for (String d : dims) {
                double mine = Ranking.round(row.get("dimensionScores").get(d).asDouble(), 2);
                int exp = 1;
                for (JsonNode other : rows) {
                    if (other.get("group").asString().equals(row.get("group").asString())
                            && Ranking.round(other.get("dimensionScores").get(d).asDouble(), 2) > mine) {
                        exp++;
                    }
                }
                assertThat(row.get("dimensionGroupRanks").get(d).asInt()).as(unit + " " + d).isEqualTo(exp);
            }
        }
        assertThat(differs).isGreaterThan(20);      // the provincial capitals' ranks among 27, not 36
        // the four municipalities fill the four tiers of their group, whatever their overall tiers
        assertThat(rows.stream().filter(r -> r.get("group").asString().equals("municipality"))
                .map(r -> r.get("groupTier").asInt()).sorted().toList()).containsExactly(1, 2, 3, 4);
        // each group's number one is 1 in its group
        for (String g : List.of("municipality", "provincial-capital", "separately-planned")) {
            assertThat(rows).filteredOn(r -> r.get("group").asString().equals(g) && r.get("groupRank").asInt() == 1)
                    .isNotEmpty();
        }

        // top: the 5 overall dimension lists, then per group (in name order) the index and the 5 dimensions
        List<JsonNode> top = new ArrayList<>();
        json.get("top").forEach(top::add);
        assertThat(top).hasSize(5 + 3 * 6);
        assertThat(top.subList(0, 5)).allMatch(t -> !t.has("group"));
        JsonNode capitals = top.get(5 + 6);
        assertThat(capitals.get("group").asString()).isEqualTo("provincial-capital");
        assertThat(capitals.get("node").asString()).isEqualTo(json.get("nodes").get(0).get("code").asString());
        List<String> expectedTop = rows.stream().filter(r -> r.get("group").asString().equals("provincial-capital")
                && r.get("groupRank").asInt() <= 5).map(r -> r.get("unit").asString()).toList();
        List<String> listed = new ArrayList<>();
        capitals.get("entries").forEach(e -> listed.add(e.get("unit").asString()));
        assertThat(listed).isEqualTo(expectedTop).hasSizeGreaterThanOrEqualTo(5);
        assertThat(top.get(5).get("entries")).hasSize(4);         // the four municipalities

        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/bizenv-report-2024.xlsx").toFile())) {
            assertThat(texts(wb.getSheet("Ranking"))).contains("组内排名 Rank in 类型 Type", "组内排名 Rank in group",
                    "组内梯队 Tier in group");
            assertThat(texts(wb.getSheet("Top 5"))).contains("类型 Type: 省会城市 Provincial capital");
        }
        JsonNode best = rows.stream().filter(r -> r.get("group").asString().equals("separately-planned")
                && r.get("groupRank").asInt() == 1).findFirst().orElseThrow();
        try (Workbook wb = new XSSFWorkbook(out.resolve("2024/cities/" + best.get("unit").asString() + ".xlsx")
                .toFile())) {
            assertThat(texts(wb.getSheetAt(0))).anyMatch(t -> t.endsWith(
                    " Rank 1 of 5 in its group (Separately planned city), Tier 1 within the group"));
        }
    }

    @Test
    void aGroupingTheUnitsDoNotCarryIsAnInputErrorAtItsLine() throws Exception {
        EvaluationRunner.Outcome o = run(framework("province"), tmp.resolve("reports"));
        assertThat(o.status()).isEqualTo(BatchStatus.FAILED);
        InputDataException e = (InputDataException) o.failures().get(0);
        assertThat(e.problems()).extracting(Object::toString).anyMatch(p -> p.endsWith(
                "miit-sme-2024.yaml:48: ranking.groups: the units have no grouping 'province'; their groupings are "
                        + "region, type"));
    }

    @Test
    void aRankedUnitWithoutAGroupValueIsAnInputErrorNamingIt() throws Exception {
        // the registry refuses blank cells itself; units from a unit table's group column may lack a value
        var fw = org.bizenv.framework.FrameworkLoader.load(framework("type"));
        var units = List.of(unit("a", Map.of("type", "municipality")), unit("b", Map.of("region", "east")),
                unit("c", Map.of()));
        var problems = new org.bizenv.ingest.Problems();
        CompositeUnits.check(fw, units, problems);
        assertThat(problems.sorted()).extracting(Object::toString).singleElement().asString().endsWith(
                "miit-sme-2024.yaml:48: ranking.groups: 2 unit(s) have no type to be ranked within: b, c; give each "
                        + "one, or list it in ranking.unranked");
    }

    private static org.bizenv.scoring.Unit unit(String code, Map<String, String> groups) {
        return new org.bizenv.scoring.Unit(code, new org.bizenv.framework.Names(code, code), groups);
    }

    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (var cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    out.add(cell.getStringCellValue());
                }
            }
        }
        return out;
    }
}
