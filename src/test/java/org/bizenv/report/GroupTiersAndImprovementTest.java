package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.report.excel.ExcelReportWriter;
import org.bizenv.report.json.JsonReportWriter;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tiers and improvement ranks within groups ({@code ranking.groups}), worked out by hand on eight units in two groups,
 * values used as given and D1, D2 weighted equally, so the index is (A + B) / 2; one decimal published, two tiers.
 *
 * <pre>
 *   unit  group  A   B   index  rank  tier | group rank  group tier | last year: index  D1  → change  D1 change
 *   x1    x      80  80  80     2     1    | 1           1          |            75     78   5         2
 *   x2    x      70  60  65     3     1    | 2           1          |            60     69   5         1
 *   x3    x      60  70  65     3     1    | 2           1          |            66     58  -1         2
 *   x4    x      50  50  50     5     2    | 4           2          |            44.96  50   5.04→5.0  0
 *   y1    y      90  90  90     1     1    | 1           1          |            88     91   2        -1
 *   y2    y      40  40  40     6     2    | 2           1          |            30     35  10         5
 *   y3    y      30  30  30     7     2    | 3           2          |            28     30   2         0
 *   y4    y      20  40  30     7     2    | 3           2          |            31     –   -1         –
 * </pre>
 * Quantile tiers: 1 + ⌊2·(rank − 1)/n⌋, n = 8 overall and 4 in a group: y2 is in the second tier of all eight but in
 * the first of its group.
 */
class GroupTiersAndImprovementTest {

    @TempDir
    Path dir;

    private static final List<String> CODES = List.of("x1", "x2", "x3", "x4", "y1", "y2", "y3", "y4");

    private Report report() throws Exception {
        return report("ranking: {decimals: 1, groups: kind}");
    }

    private Report report(String ranking) throws Exception {
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, """
                framework: {id: g, name: {en: Groups}}
                defaults: {normalisation: none, weighting: equal}
                """ + ranking + """

                tiers: {method: quantiles, count: 2}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit, group-columns: [kind]}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                  - {code: D1, parent: INDEX, name: {en: D1}}
                  - {code: D2, parent: INDEX, name: {en: D2}}
                indicators:
                  - {code: A, parent: D1, name: {en: A}, direction: higher, source: s, field: A}
                  - {code: B, parent: D2, name: {en: B}, direction: higher, source: s, field: B}
                """);
        List<Unit> units = new ArrayList<>();
        for (String c : CODES) {
            units.add(new Unit(c, new Names(c, c), Map.of("kind", c.substring(0, 1))));
        }
        Build b = Scorer.score(FrameworkLoader.load(f), new RawData(units, new double[][] {
                {80, 70, 60, 50, 90, 40, 30, 20}, {80, 60, 70, 50, 90, 40, 30, 40}}, null, new double[0][], null));
        Path last = Files.writeString(dir.resolve("bizenv-report-2023.json"), """
                {"meta": {"schemaVersion": "1.2", "year": 2023},
                 "ranking": [
                  {"unit": "x1", "score": 75, "rank": 2, "dimensionScores": {"D1": 78}, "dimensionRanks": {"D1": 2}},
                  {"unit": "x2", "score": 60, "rank": 4, "dimensionScores": {"D1": 69}, "dimensionRanks": {"D1": 3}},
                  {"unit": "x3", "score": 66, "rank": 3, "dimensionScores": {"D1": 58}, "dimensionRanks": {"D1": 4}},
                  {"unit": "x4", "score": 44.96, "rank": 5, "dimensionScores": {"D1": 50}, "dimensionRanks": {"D1": 5}},
                  {"unit": "y1", "score": 88, "rank": 1, "dimensionScores": {"D1": 91}, "dimensionRanks": {"D1": 1}},
                  {"unit": "y2", "score": 30, "rank": 7, "dimensionScores": {"D1": 35}, "dimensionRanks": {"D1": 6}},
                  {"unit": "y3", "score": 28, "rank": 8, "dimensionScores": {"D1": 30}, "dimensionRanks": {"D1": 7}},
                  {"unit": "y4", "score": 31, "rank": 6}
                 ]}
                """);
        return ReportAssembler.assemble(b, PreviousResults.read(last), new ReportAssembler.Context(2024,
                "2025-01-01T00:00:00Z", "test", "fw.yaml", null, List.of(), Map.of(), List.of()));
    }

    @Test
    void topListsHaveTheFrameworksLengthOverallAndInEachGroupTiesAtTheBoundaryAllShown() throws Exception {
        Report r = report("ranking: {decimals: 1, groups: kind, top: 2}");
        assertThat(r.meta().top()).isEqualTo(2);
        List<String> lists = new ArrayList<>();
        for (Report.TopList t : r.top()) {
            lists.add((t.group() == null ? "all" : t.group()) + " " + t.node() + ": " + String.join(" ",
                    t.entries().stream().map(e -> e.unit() + "#" + e.rank()).toList()));
        }
        // x2 and x3 share group rank 2 at 65; on D2 y2 and y4 share group rank 2 at 40
        assertThat(lists).containsExactly(
                "all D1: y1#1 x1#2", "all D2: y1#1 x1#2",
                "x INDEX: x1#1 x2#2 x3#2", "x D1: x1#1 x2#2", "x D2: x1#1 x3#2",
                "y INDEX: y1#1 y2#2", "y D1: y1#1 y2#2", "y D2: y1#1 y2#2 y4#2");
        // without ranking.top, the top 5
        assertThat(report().top().get(0).entries()).hasSize(5);
        assertThat(report().meta().top()).isEqualTo(5);
    }

    @Test
    void eachGroupHasItsOwnQuantileTiersBesideTheOverallOnes() throws Exception {
        Map<String, Report.RankingRow> rows = new HashMap<>();
        report().ranking().forEach(r -> rows.put(r.unit(), r));
        int[] rank = new int[8];
        int[] tier = new int[8];
        int[] groupRank = new int[8];
        int[] groupTier = new int[8];
        for (int i = 0; i < 8; i++) {
            var r = rows.get(CODES.get(i));
            rank[i] = r.rank();
            tier[i] = r.tier();
            groupRank[i] = r.groupRank();
            groupTier[i] = r.groupTier();
        }
        assertThat(rank).containsExactly(2, 3, 3, 5, 1, 6, 7, 7);
        assertThat(tier).containsExactly(1, 1, 1, 2, 1, 2, 2, 2);
        assertThat(groupRank).containsExactly(1, 2, 2, 4, 1, 2, 3, 3);
        assertThat(groupTier).containsExactly(1, 1, 1, 2, 1, 1, 2, 2);
    }

    @Test
    void improvementIsRankedWithinEachGroupOnTheIndexAndEachDimensionWithTiesAsOverall() throws Exception {
        Report r = report();
        List<String> order = r.improvement().stream().map(Report.ImprovementRow::unit).toList();
        assertThat(order).containsExactly("y2", "x1", "x2", "x4", "y1", "y3", "x3", "y4");
        Map<String, Report.ImprovementRow> rows = new HashMap<>();
        r.improvement().forEach(x -> rows.put(x.unit(), x));
        // overall: 10 | 5, 5, 5.04 (published 5.0: a tie) | 2, 2 | −1, −1
        assertThat(order.stream().map(u -> rows.get(u).rank())).containsExactly(1, 2, 2, 2, 5, 5, 7, 7);
        assertThat(order.stream().map(u -> rows.get(u).group())).containsExactly("y", "x", "x", "x", "y", "y", "x",
                "y");
        // within x: 5, 5, 5.0 share 1, −1 is 4; within y: 10 is 1, 2 and 2 share 2, −1 is 4
        assertThat(order.stream().map(u -> rows.get(u).groupRank())).containsExactly(1, 1, 1, 1, 2, 2, 4, 4);
        // D1 changes: x 2, 1, 2, 0 → 1, 3, 1, 4; y −1, 5, 0, none → 3, 1, 2, none
        assertThat(rows.get("x1").dimensionScoreChanges()[0]).isEqualTo(2.0);
        assertThat(order.stream().map(u -> rows.get(u).dimensionGroupRanks()[0]))
                .containsExactly(1, 1, 3, 4, 3, 2, 1, 0);
        assertThat(rows.get("y4").dimensionScoreChanges()[0]).isNaN();
        // last year's results have no D2: no change and no rank on it
        assertThat(order.stream().map(u -> rows.get(u).dimensionGroupRanks()[1])).containsOnly(0);
    }

    @Test
    void theJsonAndTheWorkbookCarryThem() throws Exception {
        Report r = report();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        new JsonReportWriter().write(r, json);
        try (var in = GroupTiersAndImprovementTest.class.getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            var schema = com.networknt.schema.SchemaRegistry
                    .withDefaultDialect(com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
            assertThat(schema.validate(json.toString(java.nio.charset.StandardCharsets.UTF_8),
                    com.networknt.schema.InputFormat.JSON)).isEmpty();
        }
        JsonNode doc = JsonMapper.builder().build().readTree(json.toByteArray());
        JsonNode y2 = null;
        for (JsonNode row : doc.get("ranking")) {
            if (row.get("unit").asString().equals("y2")) {
                y2 = row;
            }
        }
        assertThat(y2.get("tier").asInt()).isEqualTo(2);
        assertThat(y2.get("groupTier").asInt()).isEqualTo(1);
        JsonNode x4 = doc.get("improvement").get(3);
        assertThat(x4.get("unit").asString()).isEqualTo("x4");
        assertThat(x4.get("group").asString()).isEqualTo("x");
        assertThat(x4.get("groupRank").asInt()).isEqualTo(1);
        assertThat(x4.get("dimensionScoreChanges").get("D1").asDouble()).isEqualTo(0.0);
        assertThat(x4.get("dimensionGroupRanks").get("D1").asInt()).isEqualTo(4);
        assertThat(x4.get("dimensionGroupRanks").get("D2").isNull()).isTrue();

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        new ExcelReportWriter().write(r, xlsx);
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
            List<String> ranking = rowOf(wb.getSheet("Ranking"), "y2");
            List<String> heads = rowOf(wb.getSheet("Ranking"), "排名 Rank");
            assertThat(ranking.get(heads.indexOf("梯队 Tier"))).isEqualTo("第二梯队 Tier 2");
            assertThat(ranking.get(heads.indexOf("组内梯队 Tier in group"))).isEqualTo("第一梯队 Tier 1");
            List<String> improvementHeads = rowOf(wb.getSheet("Improvement"), "排名 Rank");
            assertThat(improvementHeads).containsExactly("排名 Rank", "城市 City", "代码 Code", "kind",
                    "组内排名 Rank in group", "得分变化 Score change", "2024年得分 Score 2024", "2023年得分 Score 2023",
                    "排名变化 Rank change", "得分变化 Score change", "组内排名 Rank in group", "得分变化 Score change",
                    "组内排名 Rank in group");
            assertThat(rowOf(wb.getSheet("Improvement"), "x3")).startsWith("7", "x3", "x3", "x", "4", "-1.0");
        }
    }

    /** The cells' shown texts of the first row whose first, second or third cell reads {@code key}. */
    private static List<String> rowOf(Sheet sheet, String key) {
        DataFormatter f = new DataFormatter();
        for (Row row : sheet) {
            for (int c = 0; c < 3; c++) {
                if (row.getCell(c) != null && f.formatCellValue(row.getCell(c)).equals(key)) {
                    List<String> out = new ArrayList<>();
                    for (int k = 0; k < row.getLastCellNum(); k++) {
                        out.add(row.getCell(k) == null ? "" : f.formatCellValue(row.getCell(k)));
                    }
                    return out;
                }
            }
        }
        throw new AssertionError("no row " + key + " in " + sheet.getSheetName());
    }
}
