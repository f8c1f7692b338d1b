package org.bizenv.report.card;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.report.excel.PinnedTimeZip;

/**
 * The card workbooks as {@link CityCardWriter} wrote them with POI's usermodel until the cards were written as text:
 * the reference the text writer must match byte for byte.
 */
final class PoiCardBook {

    private PoiCardBook() {
    }

    static void write(List<CityCard> cards, Instant time, OutputStream out) throws IOException {
        var wb = new XSSFWorkbook();
        var styles = new PoiCardSheet.Styles(wb);
        Set<String> used = new HashSet<>();
        for (var card : cards) {
            var sheet = wb.createSheet(CityCardWriter.sheetName(card, used));
            new PoiCardSheet(sheet, styles, card).build();
        }
        if (!cards.isEmpty()) {
            properties(wb, cards.get(0), cards.size() == 1, time);
            wb.setActiveSheet(0);
        }
        if (time == null) {
            wb.write(out);
            return;
        }
        var zip = PinnedTimeZip.over(out, time);
        wb.write(zip);
        zip.flush();
    }

    private static void properties(XSSFWorkbook wb, CityCard card, boolean one, Instant time) {
        var e = card.edition();
        var core = wb.getProperties().getCoreProperties();
        core.setTitle((one ? CardText.both(card.name()) + " " : "") + e.year() + " 城市评估报告卡 City report card"
                + (one ? "" : "s"));
        core.setCreator("bizenv");
        core.setLastModifiedByUser("bizenv");
        core.setSubjectProperty(e.frameworkId() == null ? "" : e.frameworkId());
        String description = "bizenv " + nz(e.engineVersion()) + ", framework " + nz(e.frameworkId()) + " "
                + nz(e.frameworkVersion()) + ", generated " + nz(e.generatedAt()) + ".";
        core.setDescription(e.synthetic() ? CityCardWriter.SYNTHETIC + ". " + description : description);
        if (time != null) {
            core.setCreated(Optional.of(Date.from(time)));
            core.setModified(Optional.of(Date.from(time)));
        }
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }
}
