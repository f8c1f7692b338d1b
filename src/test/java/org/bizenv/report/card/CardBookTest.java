package org.bizenv.report.card;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.bench.SyntheticSet;
import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.ReportFixtures;
import org.bizenv.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card workbooks written as text ({@link CardBook}) are, part for part and byte for byte, the golden files in
 * {@code src/test/resources/org/bizenv/report/card/golden/} ({@link GoldenCards}): each card alone, all of them in one
 * book, and cards whose names, text and numbers take the writer's less travelled paths. The golden files are the bytes
 * POI's usermodel wrote for these cards before they were written as text, so a card file is still the file it always
 * was; their README says so in full, and how to rewrite them after a deliberate layout change.
 */
class CardBookTest {

    private static final Instant TIME = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theFixturesCardsAreTheGoldenBytes() throws Exception {
        GoldenCards.check(fixtureBooks());
    }

    @Test
    void manySyntheticCardsInOneBookAreTheGoldenBytes() throws Exception {
        // more than nine sheets: relationship ids rId10… sort before rId2 as text, parts by number
        GoldenCards.check(syntheticBooks(tmp));
    }

    @Test
    void awkwardNamesAndValuesAreTheGoldenBytes() throws Exception {
        GoldenCards.check(awkwardBooks());
    }

    @Test
    void aBookWithoutCardsIsTheGoldenBytes() throws Exception {
        // cities.xlsx of a report that ranks no unit: POI stamped its document properties with the clock (and left
        // them POI's); they carry the report's time, as every other card book's do. The rest is POI's bytes.
        GoldenCards.check(emptyBook());
        var core = GoldenCards.parts(GoldenCards.golden("empty/cities.xlsx")).get("docProps/core.xml");
        assertThat(new String(core, UTF_8)).contains(
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-01T00:00:00Z</dcterms:created>"
                        + "<dc:creator>bizenv</dc:creator>");
    }

    @Test
    void everyGoldenFileIsACaseOfThisTest() throws Exception {
        // a golden file no case reads would go stale unnoticed; the cases' files are exactly the folder's
        List<String> all = new ArrayList<>();
        for (var books : List.of(fixtureBooks(), syntheticBooks(tmp), awkwardBooks(), emptyBook())) {
            all.addAll(books.keySet());
        }
        assertThat(GoldenCards.files()).containsExactlyInAnyOrderElementsOf(all);
    }

    /** Each fixture report's cities.xlsx and every card of it alone. */
    private static Map<String, GoldenCards.Book> fixtureBooks() {
        Map<String, GoldenCards.Book> books = new LinkedHashMap<>();
        GoldenCards.each("sample", CityCards.of(ReportFixtures.sample()), TIME, books);
        GoldenCards.each("formula-like", CityCards.of(ReportFixtures.formulaLike()), TIME, books);
        GoldenCards.each("top-ten-skipped", CityCards.of(ReportFixtures.topTenWithSkippedData()), TIME, books);
        GoldenCards.each("first-edition", CityCards.of(ReportFixtures.firstEdition()), TIME, books);
        return books;
    }

    /**
     * 24 synthetic cards in one book, and three of them alone (the first, one from the middle, the last): a single
     * synthetic card is some 10 KB and takes no path the three and the fixtures' cards do not, so the other 21 would
     * more than double the golden files' size for nothing.
     */
    private static Map<String, GoldenCards.Book> syntheticBooks(Path tmp) throws Exception {
        var set = SyntheticSet.create(tmp.resolve("set"), 24, 3, 2, 2, 11);
        Report report = ReportAssembler.assemble(Scorer.score(set.framework(), set.data()), null,
                new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z", "test", "synthetic.yaml", "-", List.of(),
                        Map.of(), List.of()));
        var cards = CityCards.of(report);
        var time = Instant.parse("2024-11-30T08:00:00.250Z");
        Map<String, GoldenCards.Book> books = new LinkedHashMap<>();
        for (int i : new int[] {0, cards.size() / 2, cards.size() - 1}) {
            var card = cards.get(i);
            books.put("synthetic/" + card.unit() + ".xlsx", new GoldenCards.Book(List.of(card), time));
        }
        books.put("synthetic/cities.xlsx", new GoldenCards.Book(cards, time));
        return books;
    }

    /** Names that need escaping or are empty, a card without dimensions, a negative score, missing values. */
    private static Map<String, GoldenCards.Book> awkwardBooks() {
        var base = CityCards.of(ReportFixtures.sample());
        List<CityCard> odd = new ArrayList<>();
        odd.add(renamed(base.get(0), new Names("A&B <x> \"q\" 'o'", " lead & trail ")));
        odd.add(renamed(base.get(1), new Names("O'Brien", "it's")));
        odd.add(renamed(base.get(2), new Names("", "")));
        odd.add(renamed(base.get(3), new Names("=1+2", "a\r\nb")));
        var c = base.get(0);
        // no dimensions: no chart, no drawing; a dimension below zero: the value axis is not pinned at zero
        odd.add(new CityCard("nodims", new Names("无维度", "No dims"), c.edition(), c.headline(), List.of(), null,
                c.strongest(), c.weakest(), c.certainty(), c.data(), c.meaning()));
        var d = c.dimensions().get(0);
        var negative = new CityCard.DimensionLine(d.code(), d.name(), -3.5, d.rank(), d.ranked(), Double.NaN,
                1e-7, d.bestUnit(), null, d.previousScore(), d.previousRank(), Double.NaN, null);
        odd.add(new CityCard("neg", new Names("负", "Neg"), c.edition(), c.headline(), List.of(negative),
                c.changeNote(), c.strongest(), c.weakest(), c.certainty(), c.data(), c.meaning()));
        // a series with some points missing: only the others are cached
        odd.add(new CityCard("mixed", new Names("混", "Mixed"), c.edition(), c.headline(), List.of(negative, d),
                c.changeNote(), c.strongest(), c.weakest(), c.certainty(), c.data(), c.meaning()));
        Map<String, GoldenCards.Book> books = new LinkedHashMap<>();
        GoldenCards.each("awkward", odd, TIME, books);
        return books;
    }

    private static Map<String, GoldenCards.Book> emptyBook() {
        return Map.of("empty/cities.xlsx", new GoldenCards.Book(List.of(), TIME));
    }

    private static CityCard renamed(CityCard c, Names name) {
        return new CityCard(c.unit(), name, c.edition(), c.headline(), c.dimensions(), c.changeNote(), c.strongest(),
                c.weakest(), c.certainty(), c.data(), c.meaning());
    }
}
