package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * and stays untouched if any writer fails. Returns how long each part took (JSON, Excel, cards), for the log.
     */
    public static ParallelWrites.Timings publish(Report report, Path folder) throws IOException {
        return publish(report, folder, Publication.FULL);
    }

    /**
     * As above, with the cards and the JSON's detail as the user chose ({@link Publication}); the files are written
     * side by side, one thread per core ({@link ParallelWrites}: the same bytes, and the same error, as one thread).
     */
    public static ParallelWrites.Timings publish(Report report, Path folder, Publication publication)
            throws IOException {
        return publish(report, folder, publication, ParallelWrites.defaultThreads());
    }

    /** As above, on at most {@code threads} threads (1: one file after the other, on the calling thread). */
    public static ParallelWrites.Timings publish(Report report, Path folder, Publication publication, int threads)
            throws IOException {
        var timings = new ParallelWrites.Timings[1];
        AtomicReportFolder.publish(folder, dir -> timings[0] = ParallelWrites.run(writes(report, dir, publication),
                threads));
        return timings[0];
    }

    /** The part names of {@link ParallelWrites.Timings}: the JSON report, the Excel report, the city cards. */
    public static final String JSON = "JSON";
    public static final String EXCEL = "Excel";

    /** Every file of the set as a write, in the order a one-thread publication writes them. */
    static List<ParallelWrites.Write> writes(Report report, Path dir, Publication publication) {
        List<ParallelWrites.Write> out = new ArrayList<>();
        out.add(new ParallelWrites.Write(JSON,
                () -> new JsonReportWriter(publication).write(report, dir.resolve(json(report)))));
        out.add(new ParallelWrites.Write(EXCEL,
                () -> new ExcelReportWriter().write(report, dir.resolve(excel(report)))));
        if (publication.cards()) {
            out.addAll(new CityCardWriter().writes(report, dir));
        }
        return out;
    }
}
