package org.bizenv.report.excel;

import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

/** What every family of sheets writes with: the book, the report and its lookups, the styles. */
abstract class SheetWriter {
    final ReportBook book;
    final ReportWorkbook wb;
    final ReportLookup lookup;
    final Report r;
    final Report.Meta meta;
    final ExcelStyles st;

    SheetWriter(ReportBook book) {
        this.book = book;
        this.wb = book.wb;
        this.lookup = book.lookup;
        this.r = book.r;
        this.meta = book.meta;
        this.st = book.st;
    }

    /** A new sheet and its grid. */
    SheetGrid grid(String name) {
        return book.grid(name);
    }

    String frameworkTitle() {
        return ReportLookup.both(meta.frameworkName(), nz(meta.frameworkId()));
    }

    String syntheticNote() {
        return meta.synthetic() ? "  【合成数据，非官方结果 Synthetic data, not official results】" : "";
    }

    static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
