package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Path;

import org.bizenv.report.card.CityCardWriter;
import org.bizenv.report.excel.ExcelReportWriter;
import org.bizenv.report.json.JsonReportWriter;

/**
 * One edition's report files, published together: {@code bizenv-report-<year>.xlsx} for cities and
 * {@code bizenv-report-<year>.json} for other tools, both rendered from the same {@link Report}, in a folder such as
 * {@code reports/2024}. The year is in the file names because cities forward the files on their own.
 */
public final class ReportSet {

    private ReportSet() {
    }

    public static String excel(Report r) {
        return "bizenv-report-" + r.meta().year() + ".xlsx";
    }

    public static String json(Report r) {
        return "bizenv-report-" + r.meta().year() + ".json";
    }

    /**
     * Writes both files and the city report cards ({@link CityCardWriter#files}) into {@code folder} through
     * {@link AtomicReportFolder}: the previous report stays complete and in place until every new file is complete,
     * and stays untouched if any writer fails.
     */
    public static void publish(Report report, Path folder) throws IOException {
        publish(report, folder, Publication.FULL);
    }

    /** As above, with the cards and the JSON's detail as the user chose ({@link Publication}). */
    public static void publish(Report report, Path folder, Publication publication) throws IOException {
        AtomicReportFolder.publish(folder, dir -> {
            new JsonReportWriter(publication).write(report, dir.resolve(json(report)));
            new ExcelReportWriter().write(report, dir.resolve(excel(report)));
            if (publication.cards()) {
                new CityCardWriter().writeAll(report, dir);
            }
        });
    }
}
