package org.bizenv.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportWriterTest {

    private static Schema schema;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final JsonReportWriter writer = new JsonReportWriter();

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = JsonReportWriter.class.getResourceAsStream("/schema/bizenv-report-1.2.schema.json")) {
            assertThat(in).as("schema on the classpath").isNotNull();
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    @Test
    void validatesAgainstTheSchema() {
        assertThat(errors(writer.toJson(ReportFixtures.sample()))).isEmpty();
        assertThat(errors(writer.toJson(ReportFixtures.firstEdition()))).isEmpty();
        assertThat(errors(writer.toJson(ReportFixtures.formulaLike()))).isEmpty();
    }

    @Test
    void aTopLengthOtherThanFiveAndSkippedDataAreInTheMetaOnlyThen() throws Exception {
        String json = writer.toJson(ReportFixtures.topTenWithSkippedData());
        assertThat(errors(json)).isEmpty();
        JsonNode meta = MAPPER.readTree(json).get("meta");
        assertThat(meta.get("top").asInt()).isEqualTo(10);
        assertThat(meta.get("skipped")).hasSize(2);
        assertThat(meta.get("skipped").get(0).toString()).isEqualTo(
                "{\"source\":\"returns\",\"file\":\"returns\",\"units\":2,\"codes\":[\"hefei\",\"kunming\"]}");
        // the survey's rows are questionnaires: counted per city
        assertThat(meta.get("skipped").get(1).toString()).isEqualTo("{\"source\":\"survey\",\"file\":\"survey.csv\","
                + "\"units\":1,\"codes\":[\"kunming\"],\"rows\":{\"kunming\":1203}}");
        assertThat(errors(json.replace("\"kunming\": 1203", "\"kunming\": -1"))).hasSize(1);
        // the default: neither key, the document as it always was
        JsonNode plain = MAPPER.readTree(writer.toJson(ReportFixtures.sample())).get("meta");
        assertThat(plain.has("top")).isFalse();
        assertThat(plain.has("skipped")).isFalse();
        assertThat(errors(json.replace("\"top\": 10", "\"top\": 0"))).hasSize(1);
    }

    @Test
    void schemaRejectsWhatTheFormatDoesNotAllow() {
        String json = writer.toJson(ReportFixtures.sample());
        // an unknown top-level key, a missing required meta field, a string where a number belongs
        assertThat(errors(json.replaceFirst("\\{\n  \"meta\"", "{\n  \"extra\": 1,\n  \"meta\""))).hasSize(1);
        assertThat(errors(json.replace("    \"year\": 2024,\n", ""))).hasSize(1);
        assertThat(errors(json.replace("\"beijing\": 65.625", "\"beijing\": \"65.625\""))).isNotEmpty();
        assertThat(errors(json.replace("\"schemaVersion\": \"1.2\"", "\"schemaVersion\": \"2.0\""))).hasSize(1);
    }

    @Test
    void byteIdenticalAcrossWritesAndEqualToToJson(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        writer.write(ReportFixtures.sample(), a);
        new JsonReportWriter().write(ReportFixtures.sample(), b); // a fresh report: new HashMaps, same content
        byte[] bytes = Files.readAllBytes(a);
        assertThat(bytes).isEqualTo(Files.readAllBytes(b));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(writer.toJson(ReportFixtures.sample()));
    }

    @Test
    void layoutIsTwoSpacesLfAndATrailingNewline() {
        String json = writer.toJson(ReportFixtures.sample());
        assertThat(json).startsWith("{\n  \"meta\": {\n    \"schemaVersion\": \"1.2\",\n");
        assertThat(json).endsWith("\n  \"robustness\": null,\n  \"cards\": {\n    \"all\": \"cities.xlsx\",\n"
                + "    \"units\": [\n      {\"unit\": \"shanghai\", \"path\": \"cities/shanghai.xlsx\"},\n"
                + "      {\"unit\": \"beijing\", \"path\": \"cities/beijing.xlsx\"},\n"
                + "      {\"unit\": \"chengdu\", \"path\": \"cities/chengdu.xlsx\"},\n"
                + "      {\"unit\": \"wuhan\", \"path\": \"cities/wuhan.xlsx\"}\n    ]\n  }\n}\n");
        assertThat(json).doesNotContain("\r").doesNotContain("\t");
        assertThat(json).contains("\n        \"varianceExplained\": [0.81, 0.19]\n");
        assertThat(json).contains("\n    \"frameworkName\": {\"zh\": \"样例评估\", \"en\": \"Sample evaluation\"},\n");
        assertThat(json).contains("\"flagged\": {},\n");
    }

    @Test
    void compactLeavesOutTheStagesAndTheCorrelationMatricesAndSaysSo() {
        String full = writer.toJson(ReportFixtures.sample());
        String compact = new JsonReportWriter(new Publication(true, true)).toJson(ReportFixtures.sample());
        assertThat(errors(compact)).isEmpty();
        JsonNode f = MAPPER.readTree(full);
        JsonNode c = MAPPER.readTree(compact);
        assertThat(f.get("meta").has("detail")).isFalse();            // a full report is as it always was
        assertThat(c.get("meta").get("detail").asString()).isEqualTo("compact");
        assertThat(c.has("stages")).isFalse();
        assertThat(c.get("coherence").has("pearson")).isFalse();
        assertThat(c.get("coherence").has("spearman")).isFalse();
        assertThat(c.get("coherence").get("withParent")).isEqualTo(f.get("coherence").get("withParent"));
        // everything else is the full report's, field for field
        var rest = (tools.jackson.databind.node.ObjectNode) f.deepCopy();
        rest.remove("stages");
        ((tools.jackson.databind.node.ObjectNode) rest.get("coherence")).remove(List.of("pearson", "spearman"));
        ((tools.jackson.databind.node.ObjectNode) rest.get("meta")).put("detail", "compact");
        assertThat(c).isEqualTo(rest);
        // the schema holds a full report to the stages and the matrices, and a compact one to saying it is compact
        assertThat(errors(compact.replace("    \"detail\": \"compact\",\n", ""))).isNotEmpty();
        assertThat(errors(full.replaceFirst("\n  \"stages\": \\{", "\n  \"stagesX\": {"))).isNotEmpty();
    }

    @Test
    void withoutCardsTheReportListsNone() {
        JsonNode doc = MAPPER.readTree(new JsonReportWriter(new Publication(false, false))
                .toJson(ReportFixtures.sample()));
        assertThat(doc.get("cards").get("all").isNull()).isTrue();
        assertThat(doc.get("cards").get("units")).isEmpty();
        assertThat(errors(doc.toString())).isEmpty();
    }

    @Test
    void chineseAndSlashesAreNotEscapedQuotesAre() {
        String json = writer.toJson(ReportFixtures.sample());
        assertThat(json).contains("\"zh\": \"北京\"").contains("\"path\": \"returns/beijing.xlsx\"")
                .contains("business licence (\\\"营业执照\\\").\"");
        assertThat(json).doesNotContain("\\u").doesNotContain("\\/");
        assertThat(MAPPER.readTree(json).get("units").get(0).get("name").get("zh").asString()).isEqualTo("北京");
    }

    @Test
    void nanAndUnrankedBecomeNull() {
        Report r = ReportFixtures.sample();
        r.nodes().get(0).ranks()[2] = 0; // wuhan unranked on the index
        r.nodes().get(0).scores()[2] = Double.POSITIVE_INFINITY;
        JsonNode doc = MAPPER.readTree(writer.toJson(r));
        assertThat(doc.get("stages").get("raw").get("values").get("FIN.2").get("wuhan").isNull()).isTrue();
        assertThat(doc.get("stages").get("raw").get("values").get("FIN.2").get("beijing").doubleValue())
                .isEqualTo(900.0);
        assertThat(doc.get("stages").get("raw").get("provenance").get("FIN.2").get("wuhan").isNull()).isTrue();
        assertThat(doc.get("nodes").get(0).get("ranks").get("wuhan").isNull()).isTrue();
        assertThat(doc.get("nodes").get(0).get("scores").get("wuhan").isNull()).isTrue();
        assertThat(doc.get("nodes").get(0).get("ranks").get("beijing").intValue()).isEqualTo(2);
        JsonNode chengdu = doc.get("ranking").get(2);
        assertThat(chengdu.get("unit").asString()).isEqualTo("chengdu");
        assertThat(chengdu.get("previousScore").isNull()).isTrue();
        assertThat(chengdu.get("previousRank").isNull()).isTrue();
        assertThat(chengdu.get("scoreChange").isNull()).isTrue();
        assertThat(chengdu.get("rankChange").isNull()).isTrue();
        assertThat(doc.get("treatment").get(2).get("skewBefore").isNull()).isTrue();
        assertThat(doc.get("coherence").get("dimensions").get(1).get("cronbachAlpha").isNull()).isTrue();
    }

    @Test
    void doublesUseTheShortestRoundTripForm() {
        Report r = ReportFixtures.sample();
        double[] raw = r.stages().get(0).values()[1];
        raw[0] = 0.1 + 0.2;
        raw[1] = 2.82879384806159E17; // JDK 17's Double.toString gives 2.82879384806159008E17
        raw[2] = 1.0E-7;
        raw[3] = -0.0;
        String json = writer.toJson(r);
        assertThat(json).contains("\"beijing\": 0.30000000000000004,")
                .contains("\"shanghai\": 2.82879384806159E17,")
                .contains("\"wuhan\": 1.0E-7,")
                .contains("\"chengdu\": -0.0\n")
                .contains("\"shanghai\": 92.70833333333334,")
                .contains("\"chengdu\": 35.714285714285715\n");
        JsonNode values = MAPPER.readTree(json).get("stages").get("raw").get("values").get("MKT.2");
        assertThat(values.get("beijing").doubleValue()).isEqualTo(0.1 + 0.2);
        assertThat(values.get("shanghai").doubleValue()).isEqualTo(2.82879384806159E17);
    }

    @Test
    void structureMirrorsTheModelWithCodesAsKeys() {
        JsonNode doc = MAPPER.readTree(writer.toJson(ReportFixtures.sample()));
        assertThat(doc.propertyNames()).containsExactly("meta", "units", "nodes", "indicators", "ranking", "top",
                "stages", "weights", "treatment", "groupMeans", "improvement", "methodology", "warnings",
                "thinSamples", "survey", "coherence", "robustness", "cards");
        assertThat(doc.get("stages").propertyNames())
                .containsExactly("raw", "denominated", "imputed", "treated", "normalised");
        assertThat(doc.get("stages").get("normalised").get("values").propertyNames())
                .containsExactlyElementsOf(ReportFixtures.INDICATORS);
        assertThat(doc.get("stages").get("normalised").get("values").get("MKT.1").propertyNames())
                .containsExactlyElementsOf(ReportFixtures.UNITS);
        assertThat(doc.get("stages").get("imputed").get("flagged").get("FIN.2").get(0).asString()).isEqualTo("wuhan");
        assertThat(doc.get("stages").get("treated").get("flagged").get("MKT.2").get(0).asString())
                .isEqualTo("chengdu");
        assertThat(doc.get("stages").get("treated").get("flagged").propertyNames()).containsExactly("MKT.2");
        assertThat(doc.get("stages").get("raw").get("provenance").get("MKT.1").get("shanghai").asString())
                .isEqualTo("returns/shanghai.xlsx!Data!D4");
        JsonNode first = doc.get("ranking").get(0);
        assertThat(first.get("unit").asString()).isEqualTo("shanghai");
        assertThat(first.get("rank").intValue()).isEqualTo(1);
        assertThat(first.get("tier").intValue()).isEqualTo(1);
        assertThat(first.get("dimensionScores").propertyNames()).containsExactly("MKT", "FIN");
        assertThat(first.get("dimensionScores").get("MKT").doubleValue()).isEqualTo(93.75);
        assertThat(first.get("dimensionRanks").get("FIN").intValue()).isEqualTo(1);
        assertThat(first.get("rankChange").intValue()).isEqualTo(1);
        assertThat(doc.get("weights").get(0).get("weights").propertyNames()).containsExactly("MKT", "FIN");
        assertThat(doc.get("meta").get("parameters").propertyNames()).containsExactly("data", "note", "seed");
        assertThat(doc.get("units").get(0).get("groups").propertyNames()).containsExactly("region", "type");
        assertThat(doc.get("groupMeans").get(0).get("means").get("INDEX").doubleValue())
                .isEqualTo((ReportFixtures.INDEX[0] + ReportFixtures.INDEX[1]) / 2);
        assertThat(doc.get("coherence").get("pearson").get("MKT.2").get("FIN.2").doubleValue()).isEqualTo(-0.21);
        assertThat(doc.get("improvement").get(0).get("unit").asString()).isEqualTo("shanghai");
    }

    @Test
    void rankingRowsCarryLastYearsDimensionResultsAndTheirChangesNullWhereLastYearHasNone() {
        String json = writer.toJson(ReportFixtures.sample());
        assertThat(errors(json)).isEmpty();
        JsonNode beijing = MAPPER.readTree(json).get("ranking").get(1);
        assertThat(beijing.get("unit").asString()).isEqualTo("beijing");
        assertThat(beijing.get("previousDimensionScores").propertyNames()).containsExactly("MKT", "FIN");
        assertThat(beijing.get("previousDimensionScores").get("MKT").doubleValue()).isEqualTo(60.0);
        assertThat(beijing.get("previousDimensionScores").get("FIN").isNull()).isTrue();
        assertThat(beijing.get("previousDimensionRanks").get("MKT").intValue()).isEqualTo(2);
        assertThat(beijing.get("previousDimensionRanks").get("FIN").isNull()).isTrue();
        assertThat(beijing.get("dimensionScoreChanges").get("MKT").doubleValue()).isEqualTo(56.25 - 60.0);
        assertThat(beijing.get("dimensionScoreChanges").get("FIN").isNull()).isTrue();
        assertThat(beijing.get("dimensionRankChanges").get("MKT").intValue()).isEqualTo(-1);
        assertThat(beijing.get("dimensionRankChanges").get("FIN").isNull()).isTrue();
        // a rank change of a string would not be valid
        assertThat(errors(json.replaceFirst("\"dimensionRankChanges\": \\{\n        \"MKT\": 0",
                "\"dimensionRankChanges\": {\"MKT\": \"0\""))).isNotEmpty();
    }

    @Test
    void thinSurveySamplesAndTheCardFilesAreListed() {
        String json = writer.toJson(ReportFixtures.sample());
        assertThat(errors(json)).isEmpty();
        assertThat(json).contains("""
                  "thinSamples": [
                    {"unit": "chengdu", "indicator": "FIN.1", "question": "Q07", "answers": 350, "minimum": 400}
                  ],
                """);
        JsonNode cards = MAPPER.readTree(json).get("cards");
        assertThat(cards.get("all").asString()).isEqualTo("cities.xlsx");
        List<String> paths = new ArrayList<>(List.of(cards.get("all").asString()));
        cards.get("units").forEach(c -> paths.add(c.get("path").asString()));
        assertThat(paths).isEqualTo(org.bizenv.report.card.CityCardWriter.files(ReportFixtures.sample()));
        assertThat(errors(json.replace("\"answers\": 350", "\"answers\": \"350\""))).isNotEmpty();
    }

    @Test
    void firstEditionHasNullPreviousYearAndCoherence() {
        JsonNode doc = MAPPER.readTree(writer.toJson(ReportFixtures.firstEdition()));
        assertThat(doc.get("meta").get("previousYear").isNull()).isTrue();
        assertThat(doc.get("coherence").isNull()).isTrue();
        assertThat(doc.get("improvement").size()).isZero();
    }

    @Test
    void rejectsAnInconsistentReport() {
        Report s = ReportFixtures.sample();
        var nodes = new ArrayList<>(s.nodes());
        var n = nodes.get(1);
        nodes.set(1, new Report.NodeInfo(n.code(), n.parent(), n.name(), n.depth(), n.aggregation(), n.weighting(),
                n.weight(), n.effectiveWeight(), new double[] {1, 2, 3}, n.ranks()));
        Report broken = new Report(s.meta(), s.units(), nodes, s.indicators(), s.ranking(), s.top(), s.stages(),
                s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(), s.warnings(),
                s.coherence());
        assertThatThrownBy(() -> writer.toJson(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent report: node MKT scores must have 4 values, has 3");

        var stages = new ArrayList<>(s.stages());
        stages.add(stages.get(0)); // "raw" twice would be a duplicate key in "stages"
        Report twice = new Report(s.meta(), s.units(), s.nodes(), s.indicators(), s.ranking(), s.top(), stages,
                s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(), s.warnings(),
                s.coherence());
        assertThatThrownBy(() -> writer.toJson(twice)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inconsistent report: stage names must be present and unique: 'raw'");
    }

    @Test
    void format12PutsNamesPublishedScoresAndWordsBesideTheCodes() {
        String json = writer.toJson(ReportFixtures.sample());
        assertThat(errors(json)).isEmpty();
        // the best unit: its names beside its code, the score as published (2 decimals) beside full precision
        assertThat(json).contains("""
                    {
                      "unit": "shanghai",
                      "name": {"zh": "上海", "en": "Shanghai"},
                      "score": 92.70833333333334,
                      "publishedScore": 92.71,
                      "rank": 1,
                """);
        JsonNode doc = MAPPER.readTree(json);
        assertThat(doc.get("indicators").get(0).get("direction").intValue()).isEqualTo(-1);
        assertThat(json).contains("\"direction\": -1,\n      \"directionWords\": {\"zh\": \"越低越好\", \"en\": \"lower is better\"},")
                .contains("\"direction\": 1,\n      \"directionWords\": {\"zh\": \"越高越好\", \"en\": \"higher is better\"},");
        // texts in both languages, one object a line
        assertThat(json).contains("""
                  "warnings": [
                    {"zh": "FIN.2：武汉缺失，用 3 个城市的均值插补", "en": "FIN.2: wuhan missing, imputed by the mean of 3 units"},
                """);
        assertThat(json).contains("""
                      "text": {"zh": "对各维度取算术平均，专家权重 1:1。", "en": "Arithmetic mean of the dimensions, expert weights 1:1."},
                      "term": {"zh": "arithmetic; expert", "en": "arithmetic; expert"}
                """);
        // run parameters in their own types
        JsonNode parameters = doc.get("meta").get("parameters");
        assertThat(parameters.get("seed").isIntegralNumber()).isTrue();
        assertThat(parameters.get("seed").intValue()).isEqualTo(42);
        assertThat(parameters.get("data").asString()).isEqualTo("sample-data/2024");
        assertThat(parameters.get("note").asString()).isEqualTo("合成 synthetic");
    }

    @Test
    void methodParametersKeepTheirTypes() {
        Report s = ReportFixtures.sample();
        var indicators = new ArrayList<>(s.indicators());
        var i = indicators.get(0);
        java.util.Map<String, Report.Method> methods = new java.util.LinkedHashMap<>();
        methods.put("normalisation", new Report.Method("goalposts", java.util.Map.of("best", 1.0, "worst", 15.5,
                "cap", true, "variant", "vector", "matrix", List.of(List.of(1.0, 3.0), List.of(1 / 3.0, 1.0)))));
        methods.put("imputation", new Report.Method("none", java.util.Map.of()));
        indicators.set(0, new Report.IndicatorInfo(i.code(), i.parent(), i.name(), i.unit(), i.direction(),
                i.channel(), i.source(), i.field(), i.statistic(), i.normalisation(), i.imputation(), i.treatment(),
                i.definition(), i.weight(), i.effectiveWeight(), i.ranks(), methods));
        String json = writer.toJson(new Report(s.meta(), s.units(), s.nodes(), indicators, s.ranking(), s.top(),
                s.stages(), s.weights(), s.treatment(), s.groupMeans(), s.improvement(), s.methodology(),
                s.warnings(), s.coherence()));
        assertThat(errors(json)).isEmpty();
        assertThat(json).contains("""
                      "methods": {
                        "normalisation": {"method": "goalposts", "parameters": {"best": 1, "cap": true, "matrix": [[1, 3], [0.3333333333333333, 1]], "variant": "vector", "worst": 15.5}},
                        "imputation": {"method": "none", "parameters": {}}
                      },
                """);
        // the published score is a number, never text
        assertThat(errors(json.replace("\"publishedScore\": 92.71", "\"publishedScore\": \"92.71\""))).isNotEmpty();
    }

    @Test
    void format12RejectsTheTextsOf11() {
        String json = writer.toJson(ReportFixtures.sample());
        // 1.1 wrote warnings and methodology texts as plain strings
        assertThat(errors(json.replace("{\"zh\": \"FIN.2：武汉缺失，用 3 个城市的均值插补\", \"en\": \"FIN.2: wuhan missing, imputed by the mean of 3 units\"}",
                "\"FIN.2: wuhan missing, imputed by the mean of 3 units\""))).hasSize(1);
        assertThat(errors(json.replaceFirst("      \"publishedScore\": [^\n]*\n", ""))).hasSize(1);
        assertThat(errors(json.replaceFirst("      \"directionWords\": [^\n]*\n", ""))).hasSize(1);
    }
}
