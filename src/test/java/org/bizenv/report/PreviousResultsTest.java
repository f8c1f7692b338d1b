package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bizenv.ingest.InputDataException;
import org.bizenv.report.json.JsonReportWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --previous-report} reads last year's JSON report, whether written in format 1.1 or 1.2. */
class PreviousResultsTest {
    @TempDir
    Path dir;

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
    }

    @Test
    void aFileThatIsNotAReportIsAnInputError() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"ranking\": []}");
        assertThatThrownBy(() -> PreviousResults.read(file)).isInstanceOf(InputDataException.class)
                .hasMessageContaining("not a bizenv JSON report (no meta.year or ranking)");
    }
}
