package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.coherence.Coherence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bundled sample's reports say about objective weights and statistical coherence: the job is run on the
 * sample, the workbook opened with POI and the JSON read back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleReportContentTest extends JobTestBase {

    static final Path out = tempDir("bizenv-sample-reports");



    JsonNode json;
    XSSFWorkbook workbook;

    @BeforeAll
    void runTheSample() throws Exception {
        var o = runner.run(new EvaluationRequest(EvaluationJobTest.FRAMEWORK, EvaluationJobTest.DATA_2024, 2024, out,
                EvaluationJobTest.DATA_2023, EvaluationJobTest.AT).withRobustness(RobustnessSettings.off()));
        assertThat(o.status()).isEqualTo(BatchStatus.COMPLETED);
        json = JsonMapper.builder().build().readTree(out.resolve("2024/bizenv-report-2024.json").toFile());
        try (InputStream in = Files.newInputStream(out.resolve("2024/bizenv-report-2024.xlsx"))) {
            workbook = new XSSFWorkbook(in);
        }
    }

    @AfterAll
    void cleanUp() throws Exception {
        workbook.close();
        for (Path root : new Path[] {repository, out}) {
            try (var s = Files.walk(root)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The sheet's rows as text (numbers as numbers), from row 2 on, keyed by the first cell. */
    private static Map<String, List<Object>> rows(Sheet sheet) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        for (Row r : sheet) {
            if (r.getRowNum() < 2 || r.getCell(0) == null || r.getCell(0).getCellType() != CellType.STRING) {
                continue;
            }
            List<Object> cells = new ArrayList<>();
            for (int c = 0; c < r.getLastCellNum(); c++) {
                Cell cell = r.getCell(c);
                cells.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue()
                        : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null);
            }
            out.putIfAbsent(r.getCell(0).getStringCellValue(), cells);
        }
        return out;
    }

    private Map<String, Double> jsonWeights(String node) {
        for (JsonNode w : json.get("weights")) {
            if (w.get("node").asString().equals(node)) {
                Map<String, Double> m = new LinkedHashMap<>();
                w.get("weights").properties().forEach(e -> m.put(e.getKey(), e.getValue().asDouble()));
                return m;
            }
        }
        throw new AssertionError("no weights for " + node);
    }

    @Test
    void theMethodologySheetSaysInnovationIsWeightedByEntropyAndGivesTheWeights() {
        Map<String, Double> inn = jsonWeights("INN");
        assertThat(inn.keySet()).containsExactly("INN.PLT", "INN.HR", "INN.INP", "INN.OUT");
        assertThat(inn.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(inn.values()).doesNotContain(0.25);              // computed, not the stated equal weights

        // the method in Chinese (column D) and in English (column E), the framework's term beside them (F)
        List<Object> line = rows(workbook.getSheet("Methodology")).get("INN");
        String zh = (String) line.get(3);
        String text = (String) line.get(4);
        assertThat(text).contains("entropy weights computed from the children's values (objective; textbook variant");
        assertThat(zh).startsWith("对其 4 个下级取加权算术平均（缺失的下级不计入，其余权重重新归一）；权重：由下级数值计算的熵权（客观赋权；"
                + "textbook 变体：w ∝ 1 − E，E 为归一化香农熵）。");
        assertThat(line.get(5)).isEqualTo("arithmetic; entropy");
        StringBuilder obtained = new StringBuilder();
        int k = 0;
        for (var e : inn.entrySet()) {
            obtained.append(k++ == 0 ? "" : ", ").append(e.getKey())
                    .append(String.format(java.util.Locale.ROOT, " %.4f", e.getValue()));
        }
        assertThat(text).endsWith("Weights obtained: " + obtained + ".");
        assertThat(zh).endsWith("得到的权重：" + obtained + "。");

        // the Weights sheet: the method beside each child, the computed weight as a number
        Map<String, List<Object>> weights = rows(workbook.getSheet("Weights"));
        for (var e : inn.entrySet()) {
            List<Object> row = weights.get(e.getKey());
            assertThat(row.get(1)).isEqualTo("INN");
            assertThat(row.get(4)).isEqualTo("entropy");
            assertThat((Double) row.get(5)).isEqualTo(e.getValue());
            assertThat((String) row.get(7)).isEqualTo("computed from the children's values (textbook variant)");
        }
    }

    @Test
    void coherenceIsInBothReportsAndAgreesWithTheStagesItComesFrom() {
        JsonNode c = json.get("coherence");
        List<String> codes = new ArrayList<>();
        c.get("indicators").forEach(n -> codes.add(n.asString()));
        assertThat(codes).hasSize(38);
        JsonNode normalised = json.get("stages").get("normalised").get("values");
        List<String> units = new ArrayList<>();
        json.get("units").forEach(u -> units.add(u.get("code").asString()));
        Map<String, double[]> x = new HashMap<>();
        for (String code : codes) {
            x.put(code, units.stream().mapToDouble(u -> normalised.get(code).get(u).asDouble()).toArray());
        }
        Map<String, double[]> node = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        json.get("nodes").forEach(n -> {
            node.put(n.get("code").asString(),
                    units.stream().mapToDouble(u -> n.get("scores").get(u).asDouble()).toArray());
            parentOf.put(n.get("code").asString(), n.get("parent").isNull() ? null : n.get("parent").asString());
        });

        // the matrices: symmetric, unit diagonal, and equal to the correlations recomputed from the JSON stage
        for (String a : codes) {
            assertThat(c.get("pearson").get(a).get(a).asDouble()).isCloseTo(1, within(1e-12));
            for (String b : List.of(codes.get(0), codes.get(17), codes.get(37))) {
                double r = c.get("pearson").get(a).get(b).asDouble();
                assertThat(r).isEqualTo(c.get("pearson").get(b).get(a).asDouble());
                assertThat(r).isCloseTo(Coherence.pearson(new double[][] {x.get(a), x.get(b)})[0][1], within(1e-12));
                assertThat(c.get("spearman").get(a).get(b).asDouble())
                        .isCloseTo(Coherence.spearman(new double[][] {x.get(a), x.get(b)})[0][1], within(1e-12));
            }
        }
        // each indicator with its parent; flagged when it runs against its dimension (the index's child above it)
        int flagged = 0;
        assertThat(c.get("withParent").size()).isEqualTo(38);
        for (JsonNode p : c.get("withParent")) {
            String ind = p.get("indicator").asString();
            String parent = p.get("parent").asString();
            assertThat(p.get("pearson").asDouble()).isCloseTo(Coherence.pearson(
                    new double[][] {x.get(ind), node.get(parent)})[0][1], within(1e-12));
            String dim = parent;
            while (!"INDEX".equals(parentOf.get(dim))) {
                dim = parentOf.get(dim);
            }
            boolean negative = Coherence.pearson(new double[][] {x.get(ind), node.get(dim)})[0][1] < 0;
            assertThat(p.get("negative").asBoolean()).as(ind).isEqualTo(negative);
            flagged += negative ? 1 : 0;
        }
        // per dimension: alpha and PCA shares summing to 1, descending
        assertThat(c.get("dimensions").size()).isEqualTo(5);
        for (JsonNode d : c.get("dimensions")) {
            assertThat(d.get("cronbachAlpha").isNumber()).isTrue();
            double sum = 0;
            double previous = 1;
            for (JsonNode v : d.get("varianceExplained")) {
                assertThat(v.asDouble()).isLessThanOrEqualTo(previous + 1e-15);
                previous = v.asDouble();
                sum += v.asDouble();
            }
            assertThat(sum).isCloseTo(1, within(1e-12));
        }

        // the Coherence sheet shows the same: every indicator's row with its parent correlations and flag
        Map<String, List<Object>> sheet = rows(workbook.getSheet("Coherence"));
        int sheetFlagged = 0;
        for (JsonNode p : c.get("withParent")) {
            List<Object> row = sheet.get(p.get("indicator").asString());
            assertThat(row.get(2)).isEqualTo(p.get("parent").asString());
            assertThat((Double) row.get(3)).isEqualTo(p.get("pearson").asDouble());
            assertThat((Double) row.get(4)).isEqualTo(p.get("spearman").asDouble());
            sheetFlagged += "是 Yes".equals(row.get(5)) ? 1 : 0;
        }
        assertThat(sheetFlagged).isEqualTo(flagged);
        for (JsonNode d : c.get("dimensions")) {
            List<Object> row = sheet.get(d.get("node").asString());
            assertThat((Double) row.get(2)).isEqualTo(d.get("cronbachAlpha").asDouble());
            assertThat((Double) row.get(3)).isEqualTo(d.get("varianceExplained").get(0).asDouble());
        }
        assertThat(sheet).containsKey(codes.get(0));
    }
}
