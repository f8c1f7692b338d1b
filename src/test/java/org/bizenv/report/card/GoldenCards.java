package org.bizenv.report.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.report.GoldenFiles;

/**
 * Approval testing of the card workbooks ({@link GoldenFiles}): what {@link CityCardWriter} writes for a case is
 * compared with the case's golden file in {@code src/test/resources/org/bizenv/report/card/golden/}. With
 * {@code -Dbizenv.cards.regenerate=true} the golden files are rewritten from the current writer (and the test fails).
 */
final class GoldenCards {

    static final String REGENERATE = "bizenv.cards.regenerate";
    private static final GoldenFiles FILES = new GoldenFiles(GoldenCards.class, "card workbooks", REGENERATE);

    private GoldenCards() {
    }

    /** The cards of one workbook and the time it is stamped with. */
    record Book(List<CityCard> cards, Instant time) {
    }

    /** Every card alone ({@code folder/<unit>.xlsx}) and all of them in one book ({@code folder/cities.xlsx}). */
    static void each(String folder, List<CityCard> cards, Instant time, Map<String, Book> into) {
        for (var card : cards) {
            into.put(folder + "/" + card.unit() + ".xlsx", new Book(List.of(card), time));
        }
        into.put(folder + "/cities.xlsx", new Book(cards, time));
    }

    /** Writes each book and compares it with its golden file; every difference is reported, not only the first. */
    static void check(Map<String, Book> books) throws IOException {
        Map<String, byte[]> written = new LinkedHashMap<>();
        for (var e : books.entrySet()) {
            written.put(e.getKey(), written(e.getValue()));
        }
        FILES.check(written);
    }

    static byte[] written(Book book) throws IOException {
        var out = new ByteArrayOutputStream();
        new CityCardWriter().write(book.cards(), book.time().toString(), out);
        return out.toByteArray();
    }

    static byte[] golden(String name) throws IOException {
        return FILES.golden(name);
    }

    static List<String> files() throws IOException, URISyntaxException {
        return FILES.files();
    }

    static String difference(byte[] golden, byte[] written) throws IOException {
        return FILES.difference(golden, written);
    }

    static Map<String, byte[]> parts(byte[] xlsx) throws IOException {
        return GoldenFiles.parts(xlsx);
    }
}
