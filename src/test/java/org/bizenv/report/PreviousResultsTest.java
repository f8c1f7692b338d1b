package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bizenv.ingest.InputDataException;
import org.bizenv.report.json.JsonReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --previous-report: a file that is not a bizenv JSON report is an input error naming it and where it breaks. */
class PreviousResultsTest {

    private static final String VALID = "--previous-report takes the JSON report an earlier bizenv run wrote "
            + "(bizenv-report-<year>.json), as it was written";
    private static final String REPORT = """
            {
              "meta": {"schemaVersion": "1.1", "year": 2023},
              "ranking": [
                {"unit": "wuhan", "score": 71.25, "rank": 1},
                {"unit": "xian", "score": null, "rank": null}
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private String problem(Path file) {
        InputDataException e = catchThrowableOfType(InputDataException.class, () -> PreviousResults.read(file));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).where()).hasToString(file.toString());
        return e.problems().get(0).message();
    }

    @Test
    void readsTheYearAndTheRankingOfABizenvReport() throws IOException {
        PreviousResults p = PreviousResults.read(write("bizenv-report-2023.json", REPORT));
        assertThat(p.year()).isEqualTo(2023);
        assertThat(p.scores()).containsOnly(org.assertj.core.api.Assertions.entry("wuhan", 71.25));
        assertThat(p.ranks()).containsOnly(org.assertj.core.api.Assertions.entry("wuhan", 1));
        assertThat(p.source()).isEqualTo("last year's report bizenv-report-2023.json");
        assertThat(PreviousResults.read(write("old.json", REPORT.replace("\"1.1\"", "\"1.0\""))).year()).isEqualTo(2023);
    }

    @Test
    void truncatedJsonNamesTheLineAndColumnWhereItBreaksOff() throws IOException {
        Path f = write("truncated.json", REPORT.substring(0, REPORT.indexOf("\"xian\"")));
        assertThat(problem(f)).isEqualTo("line 5, column 14: not valid JSON (Unexpected end-of-input within/between Object "
                + "entries); " + VALID);
    }

    @Test
    void aFileThatIsNotJsonNamesWhereItStopsMakingSense() throws IOException {
        assertThat(problem(write("notes.json", "meta:\n  year: 2023\n"))).isEqualTo("line 1, column 1: not valid JSON "
                + "(Unrecognized token 'meta': was expecting (JSON String, Number, Array, Object or token 'null', "
                + "'true' or 'false')); " + VALID);
        byte[] gbk = "{\"meta\": {\"name\": \"\u5317\u4EAC\"}}".getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertThat(problem(Files.write(dir.resolve("gbk.json"), gbk))).isEqualTo("line 1, column 21: not valid JSON "
                + "(Invalid UTF-8 start byte 0xb1); " + VALID);
        assertThat(problem(write("empty.json", ""))).isEqualTo("the file is empty; " + VALID);
        assertThat(problem(write("list.json", "[1, 2]"))).isEqualTo("not a bizenv JSON report: the file holds a JSON "
                + "array, not an object with meta and ranking; " + VALID);
        assertThat(problem(dir.resolve("missing.json"))).isEqualTo("no such file; " + VALID);
    }

    @Test
    void jsonOfAnotherSchemaOrVersionIsNotReadAsIfItWereOne() throws IOException {
        assertThat(problem(write("other.json", "{\"year\": 2023, \"ranking\": []}"))).isEqualTo("not a bizenv JSON "
                + "report: it has no meta.schemaVersion; " + VALID);
        assertThat(problem(write("future.json", REPORT.replace("\"1.1\"", "\"9.0\"")))).isEqualTo("a bizenv JSON "
                + "report of schema 9.0, which this version of bizenv does not read (it reads schema 1.0, 1.1 and 1.2): "
                + "score last year's data again with --previous-data, or use a report of a readable schema");
    }

    @Test
    void everyMissingOrMistypedFieldIsNamedByItsPath() throws IOException {
        String broken = REPORT.replace("\"year\": 2023", "\"year\": \"2023\"")
                .replace("{\"unit\": \"wuhan\", \"score\": 71.25, \"rank\": 1}", "{\"score\": \"71.25\", \"rank\": 0}")
                .replace("\"score\": null, ", "");
        assertThat(problem(write("broken.json", broken))).isEqualTo("not a bizenv JSON report of schema 1.1: meta.year "
                + "is \"2023\", not a whole number; ranking[0] has no unit; ranking[0].score is \"71.25\", not a "
                + "number; ranking[0].rank is 0, not a rank (1, 2, …); ranking[1] has no score; " + VALID);
        assertThat(problem(write("no-ranking.json", "{\"meta\": {\"schemaVersion\": \"1.1\", \"year\": 2023}}")))
                .isEqualTo("not a bizenv JSON report of schema 1.1: ranking is missing; " + VALID);
    }

    @Test
    void readsAFormat11Report() throws Exception {
        // the fields 1.1 wrote, texts as plain strings, no published score nor names in the ranking
        Path file = dir.resolve("bizenv-report-2023.json");
        Files.writeString(file, """
                {
                  "meta": {"schemaVersion": "1.1", "year": 2023, "decimals": 2, "compareRounded": true,
                           "parameters": {"seed": "1"}},
                  "ranking": [
                    {"unit": "shanghai", "score": 90.125, "rank": 1, "tier": 1},
                    {"unit": "beijing", "score": 88.5, "rank": 2, "tier": 1},
                    {"unit": "lhasa", "score": null, "rank": null, "tier": null}
                  ],
                  "methodology": [{"element": "INDEX", "level": "index", "text": "Arithmetic mean."}],
                  "warnings": ["indicator FIN.1: lhasa has 12 valid answers"]
                }
                """);
        PreviousResults p = PreviousResults.read(file);
        assertThat(p.year()).isEqualTo(2023);
        assertThat(p.scores()).isEqualTo(Map.of("shanghai", 90.125, "beijing", 88.5));
        assertThat(p.ranks()).isEqualTo(Map.of("shanghai", 1, "beijing", 2));
        assertThat(p.source()).isEqualTo("last year's report bizenv-report-2023.json");
        // rows without dimension results: none are read, and none are made up
        assertThat(p.dimensionScores()).isEmpty();
        assertThat(p.dimensionRanks()).isEmpty();
    }

    @Test
    void readsTheDimensionScoresAndRanksOfTheRankingRows() throws Exception {
        Path file = write("bizenv-report-2023.json", """
                {
                  "meta": {"schemaVersion": "1.0", "year": 2023},
                  "ranking": [
                    {"unit": "wuhan", "score": 71.25, "rank": 1,
                     "dimensionScores": {"MKT": 80.5, "FIN": 62}, "dimensionRanks": {"MKT": 1, "FIN": 2}},
                    {"unit": "xian", "score": 60, "rank": 2,
                     "dimensionScores": {"MKT": null, "FIN": 70.25}, "dimensionRanks": {"MKT": null, "FIN": 1}}
                  ]
                }
                """);
        PreviousResults p = PreviousResults.read(file);
        assertThat(p.dimensionScores()).isEqualTo(Map.of("MKT", Map.of("wuhan", 80.5),
                "FIN", Map.of("wuhan", 62.0, "xian", 70.25)));
        assertThat(p.dimensionRanks()).isEqualTo(Map.of("MKT", Map.of("wuhan", 1),
                "FIN", Map.of("wuhan", 2, "xian", 1)));
        String broken = Files.readString(file).replace("\"FIN\": 62}", "\"FIN\": \"62\"}")
                .replace("{\"MKT\": null, \"FIN\": 1}", "[1, 2]");
        assertThat(problem(write("broken.json", broken))).isEqualTo("not a bizenv JSON report of schema 1.0: "
                + "ranking[0].dimensionScores.FIN is \"62\", not a number; ranking[1].dimensionRanks is [1,2], not an "
                + "object keyed by dimension code; " + VALID);
    }

    @Test
    void readsAFormat12ReportAtFullPrecision() throws Exception {
        Path file = dir.resolve("bizenv-report-2024.json");
        new JsonReportWriter().write(ReportFixtures.sample(), file);
        PreviousResults p = PreviousResults.read(file);
        assertThat(p.year()).isEqualTo(2024);
        // the full-precision score, not the published one beside it
        assertThat(p.scores().get("shanghai")).isEqualTo(ReportFixtures.INDEX[1]).isEqualTo(92.70833333333334);
        assertThat(p.ranks()).isEqualTo(Map.of("shanghai", 1, "beijing", 2, "chengdu", 3, "wuhan", 4));
        assertThat(p.dimensionScores().get("MKT")).isEqualTo(Map.of("beijing", ReportFixtures.MKT[0],
                "shanghai", ReportFixtures.MKT[1], "wuhan", ReportFixtures.MKT[2], "chengdu", ReportFixtures.MKT[3]));
        assertThat(p.dimensionRanks().get("FIN")).isEqualTo(Map.of("beijing", ReportFixtures.FIN_RANKS[0],
                "shanghai", ReportFixtures.FIN_RANKS[1], "wuhan", ReportFixtures.FIN_RANKS[2], "chengdu",
                ReportFixtures.FIN_RANKS[3]));
    }
}
