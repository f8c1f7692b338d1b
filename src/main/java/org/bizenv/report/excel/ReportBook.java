package org.bizenv.report.excel;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.apache.poi.ss.util.WorkbookUtil;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/**
 * One workbook being built: the report, its styles and the sheets made so far. Every sheet family writes through
 * the same book, so sheet names stay unique and every cell style is created once, in the order the sheets ask.
 */
final class ReportBook {
    final ReportWorkbook wb;
    final ReportLookup lookup;
    final Report r;
    final Report.Meta meta;
    /** The report's {@code generatedAt}, or null when it has none. */
    final Instant time;
    final ExcelStyles st;
    private final Set<String> sheetNames = new HashSet<>();

    ReportBook(ReportWorkbook wb, ReportLookup lookup, Instant time) {
        this.wb = wb;
        this.lookup = lookup;
        this.r = lookup.report;
        this.meta = r.meta();
        this.time = time;
        this.st = wb.styles;
    }

    /** The report's title and year, as every printed page's header shows it. */
    String printTitle() {
        String fw = ReportLookup.both(meta.frameworkName(), meta.frameworkId() == null ? "" : meta.frameworkId());
        return (fw.isEmpty() ? "" : fw + " ") + meta.year() + " 评估报告 Evaluation report";
    }

    /** A new sheet and its grid. */
    SheetGrid grid(String name) {
        return new SheetGrid(sheet(name), st, wb);
    }

    /** A sheet under a name Excel accepts, unique ignoring case, with the synthetic-data header and page footer. */
    private StreamedSheet sheet(String name) {
        String safe = WorkbookUtil.createSafeSheetName(name);
        String unique = safe;
        for (int k = 2; !sheetNames.add(unique.toLowerCase(java.util.Locale.ROOT)); k++) {
            String suffix = " (" + k + ")";
            unique = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        StreamedSheet streamed = wb.newSheet(unique);
        var s = streamed.layout;
        // every printed page says what it is from: the report and year on top, the sheet and page number below
        s.setHeaderCenter(CellText.headerText(printTitle())
                + (meta.synthetic() ? "\n合成数据，非官方结果 Synthetic data, not official results" : ""));
        s.setFooterLeft(CellText.headerText(unique));
        s.setFooterRight("第 &P 页，共 &N 页 Page &P of &N");
        return streamed;
    }
}
