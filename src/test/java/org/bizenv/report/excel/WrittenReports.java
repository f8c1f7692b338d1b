package org.bizenv.report.excel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.ReadBack;
import org.bizenv.report.Report;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Excel reports written by {@link ExcelReportWriter} and read back with POI, every workbook closed after its test:
 * the fixture the tests of the report's sheets share ({@code @RegisterExtension} on an instance field).
 */
final class WrittenReports implements AfterEachCallback {

    private final List<XSSFWorkbook> opened = new ArrayList<>();

    /** Writes {@code report} to {@code file} and reads the workbook back. */
    XSSFWorkbook write(Report report, Path file) throws IOException {
        new ExcelReportWriter().write(report, file);
        var wb = ReadBack.open(file);
        opened.add(wb);
        return wb;
    }

    /** How many workbooks this test has written so far. */
    int count() {
        return opened.size();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (var wb : opened) {
            wb.close();
        }
        opened.clear();
    }
}
