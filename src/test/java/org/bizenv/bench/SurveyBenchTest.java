package org.bizenv.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bench's survey figures stand on: the generated file, the memory probe and its line read back. */
class SurveyBenchTest {

    private static final Path FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");

    @TempDir
    Path tmp;

    @Test
    void theProbeReadsEveryRowOfTheGeneratedFileAndSizesItsRespondentTable() throws Exception {
        Path data = SurveyBench.dataWithRows(Path.of("sample-data/2024"), "survey.csv", tmp.resolve("2024"), 5_000);
        List<String> lines = Files.readAllLines(data.resolve("survey.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5_001);
        assertThat(lines.get(1)).startsWith("M0000001,");
        assertThat(lines.get(5_000)).startsWith("M0005000,");

        SurveyBench.Memory m = SurveyBench.memory(FRAMEWORK, data, 5_000, 1);
        assertThat(m.rows()).isEqualTo(5_000);
        // 5,000 distinct ids: the table grows 1,024 → 1,536 → 2,304 → 3,456 → 5,184 → 7,776 slots (at most 3/4 full)
        assertThat(m.tablePerRow()).isEqualTo(7_776 * 8 / 5_000.0);
        assertThat(m.bareRowsPerSecond()).isPositive();
        assertThat(m.tallyRowsPerSecond()).isPositive();
    }

    @Test
    void aFileThatIsNotAllDistinctValidRowsIsNoMeasurement() throws Exception {
        Path data = SurveyBench.dataWithRows(Path.of("sample-data/2024"), "survey.csv", tmp.resolve("2024"), 100);
        Path survey = data.resolve("survey.csv");
        List<String> lines = Files.readAllLines(survey, StandardCharsets.UTF_8);
        lines.set(50, "M0000001" + lines.get(50).substring(lines.get(50).indexOf(',')));
        Files.write(survey, lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SurveyBench.memory(FRAMEWORK, data, 100, 1))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("99 respondents of 100 rows");
    }

    @Test
    void theProbesLineIsReadBackAsPrinted() {
        SurveyBench.Memory m = new SurveyBench.Memory(1_000_000, 1_234_567.8, 654_321.0, 13.25, 12.06, 128);
        assertThat(m.line()).isEqualTo("survey-memory 1000000 1234567.8 654321.0 13.25 12.06 128");
        assertThat(SurveyBench.Memory.parse("machine: …\n" + m.line() + "\n")).isEqualTo(m);
        assertThat(SurveyBench.Memory.parse("Exception in thread \"main\" java.lang.OutOfMemoryError")).isNull();
    }
}
