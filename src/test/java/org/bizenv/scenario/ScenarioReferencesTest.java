package org.bizenv.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks a scenario file names belong to the run's inputs (an edited workbook must start a fresh run). */
class ScenarioReferencesTest {

    @TempDir
    Path dir;

    @Test
    void listsTheWeightsWorkbooksBesideTheScenarioFile() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenarios:
                  - {id: panel-b, weights-workbook: edited/report.xlsx}
                  - {id: heavy, weights: {FIN: 0.4}}
                """);
        assertThat(ScenarioLoader.referencedFiles(file)).containsExactly(dir.resolve("edited/report.xlsx"));
    }

    @Test
    void aFileThatDoesNotParseNamesNothingHereAndIsReportedByTheLoader() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "scenarios: [ {id: x, weights: {FIN: 0.4}\n");
        assertThat(ScenarioLoader.referencedFiles(file)).isEmpty();
        assertThat(ScenarioLoader.referencedFiles(dir.resolve("edited.xlsx"))).isEmpty();
    }
}
