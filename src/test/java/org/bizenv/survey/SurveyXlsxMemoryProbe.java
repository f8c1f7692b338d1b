package org.bizenv.survey;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The child JVM of {@link SurveyXlsxBoundedMemoryTest}: reads a survey workbook through {@link SurveyReader} with the
 * heap it is given, and prints the rows read, the sum of their first answers, and the heap in use after full
 * collections (with the reader open) at an early row and at the last: {@code rows=… sum=… early=… late=…}.
 * Arguments: the data folder, the file, the early row.
 */
public final class SurveyXlsxMemoryProbe {

    private SurveyXlsxMemoryProbe() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long earlyRow = Long.parseLong(args[2]);
        long rows = 0;
        long sum = 0;
        long early = -1;
        long late;
        try (SurveyReader reader = SurveyReader.open(folder, args[1], null, List.of(), Map.of(), null, null)) {
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                rows++;
                sum += r.answers()[0];
                if (rows == earlyRow) {
                    early = usedAfterGc();
                }
            }
            late = usedAfterGc();
            if (!reader.problems().isEmpty()) {
                System.out.println("problems: " + reader.problems());
            }
        }
        System.out.printf(Locale.ROOT, "rows=%d sum=%d early=%d late=%d%n", rows, sum, early, late);
    }

    /** Heap in use once collections no longer free anything (the least of a few full collections). */
    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
