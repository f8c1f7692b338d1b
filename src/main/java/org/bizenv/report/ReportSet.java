package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One edition's report files, published together: {@value #EXCEL} for cities and {@value #JSON} for other tools,
 * both rendered from the same {@link Report}, in a folder such as {@code reports/2024}.
 */
public final class ReportSet {

    public static final String EXCEL = "report.xlsx";
    public static final String JSON = "report.json";

    private ReportSet() {
    }

    /**
     * Writes both files into {@code folder} through {@link AtomicReportFolder}: the previous report stays complete
     * and in place until both new files are complete, and stays untouched if either writer fails.
     */
    public static void publish(Report report, Path folder) throws IOException {
        AtomicReportFolder.publish(folder, dir -> {
            new JsonReportWriter().write(report, dir.resolve(JSON));
            new ExcelReportWriter().write(report, dir.resolve(EXCEL));
        });
    }
}
