package org.bizenv.survey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Tables;
import org.bizenv.ingest.TextEncoding;

/**
 * A survey file read row by row, whatever its kind ({@link SurveyCsvReader}, {@link SurveyXlsxReader}), for an
 * iterator-style chunk reader: {@link #next()} returns null at the end. The tally and the validator see only this.
 */
public interface SurveyReader extends AutoCloseable {

    /**
     * Opens a survey file by its extension: .xlsx and .xlsm as a workbook sheet, anything else as CSV (which reports a
     * file that is not one).
     *
     * @param dataFolder the data folder
     * @param path       the file, relative to the data folder, as problems name it
     * @param sheet      a workbook's sheet, null for the first (ignored for CSV)
     * @param questions  the questions to read, in order; empty for every {@code Qnn} column of the header
     * @param columns    the source's {@code columns:}, field → header text ({@link SurveyColumns}); empty for none
     * @param encoding   a CSV file's stated encoding, null to detect it (ignored for workbooks)
     * @param resolver   the units, null when there is no registry to check names with
     */
    static SurveyReader open(Path dataFolder, String path, String sheet, List<String> questions,
                             Map<String, String> columns, TextEncoding encoding, UnitResolver resolver) {
        return Tables.isWorkbook(path)
                ? new SurveyXlsxReader(dataFolder, path, sheet, questions, columns, resolver)
                : new SurveyCsvReader(dataFolder, path, questions, columns, encoding, resolver);
    }

    /**
     * Whether the reading stopped before the end of the file or part (at a byte that is not text, a record beyond the
     * reader's limits, an unreadable sheet…; reported): rows after it are not read, so neither are later parts'
     * problems reported.
     */
    boolean stopped();

    /** The columns found; the questions answers are given for. */
    SurveyLayout layout();

    default List<String> questions() {
        return layout().questions();
    }

    /** The next row, or null at the end (also when the file or its header could not be used). */
    SurveyResponse next();

    /** The problems found so far (all of them once {@link #next()} has returned null), sorted. */
    List<DataProblem> problems();

    @Override
    void close();
}
