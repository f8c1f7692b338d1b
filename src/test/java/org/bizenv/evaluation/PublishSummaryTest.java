package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.report.ParallelWrites;
import org.junit.jupiter.api.Test;

/** The job log's line on the publish step: the whole, the threads, and each part's time. */
class PublishSummaryTest {

    @Test
    void saysHowLongEachPartTook() {
        Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("JSON", 31L);
        parts.put("Excel", 566L);
        parts.put("cards", 598L);
        assertThat(PublishStep.summary(Path.of("reports", "2024"), 640, new ParallelWrites.Timings(parts, 2)))
                .isEqualTo("Published " + Path.of("reports", "2024") + " in 640 ms on 2 threads: JSON 31, Excel 566, "
                        + "cards 598 ms");
        assertThat(PublishStep.summary(Path.of("r"), 9, new ParallelWrites.Timings(Map.of("JSON", 9L), 1)))
                .isEqualTo("Published r in 9 ms on 1 thread: JSON 9 ms");
    }
}
