package org.bizenv.report.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.bizenv.bench.SyntheticSet;
import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportAssembler;
import org.bizenv.report.ReportFixtures;
import org.bizenv.scoring.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card workbooks written as text ({@link CardBook}) are, part for part and byte for byte, the workbooks POI's
 * usermodel wrote for the same cards ({@link PoiCardBook}, the writer as it was): each card alone, all of them in
 * one book, and cards whose names, text and numbers take the writers' less travelled paths.
 */
class CardBookTest {

    private static final Instant TIME = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theFixturesCardsAreTheBytesPoiWrote() throws Exception {
        for (Report report : List.of(ReportFixtures.sample(), ReportFixtures.formulaLike(),
                ReportFixtures.topTenWithSkippedData(), ReportFixtures.firstEdition())) {
            sameAsPoi(CityCards.of(report), TIME);
        }
    }

    @Test
    void manySyntheticCardsInOneBookAreTheBytesPoiWrote() throws Exception {
        // more than nine sheets: relationship ids rId10… sort before rId2 as text, parts by number
        var set = SyntheticSet.create(tmp.resolve("set"), 24, 3, 2, 2, 11);
        Report report = ReportAssembler.assemble(Scorer.score(set.framework(), set.data()), null,
                new ReportAssembler.Context(2024, "2025-01-01T00:00:00Z", "test", "synthetic.yaml", "-", List.of(),
                        Map.of(), List.of()));
        sameAsPoi(CityCards.of(report), Instant.parse("2024-11-30T08:00:00.250Z"));
    }

    @Test
    void awkwardNamesAndValuesAreTheBytesPoiWrote() throws Exception {
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
        sameAsPoi(odd, TIME);
    }

    @Test
    void aBookWithoutCardsIsTheBytesPoiWrote() throws Exception {
        // cities.xlsx of a report that ranks no unit: POI stamped its document properties with the clock (and left
        // them POI's); they now carry the report's time, as every other card book's do. The rest is POI's bytes.
        var poi = new ByteArrayOutputStream();
        PoiCardBook.write(List.of(), TIME, poi);
        var text = new ByteArrayOutputStream();
        new CityCardWriter().write(List.of(), TIME.toString(), text);
        var expected = parts(poi.toByteArray());
        var actual = parts(text.toByteArray());
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(actual.get("docProps/core.xml")).contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                + "2025-01-01T00:00:00Z</dcterms:created><dc:creator>bizenv</dc:creator>");
        expected.remove("docProps/core.xml");
        actual.remove("docProps/core.xml");
        assertThat(actual).isEqualTo(expected);
    }

    private static CityCard renamed(CityCard c, Names name) {
        return new CityCard(c.unit(), name, c.edition(), c.headline(), c.dimensions(), c.changeNote(), c.strongest(),
                c.weakest(), c.certainty(), c.data(), c.meaning());
    }

    /** Every card alone, and all of them in one book, against POI's bytes; on a difference, the part that differs. */
    private static void sameAsPoi(List<CityCard> cards, Instant time) throws Exception {
        for (var card : cards) {
            same(List.of(card), time);
        }
        same(cards, time);
    }

    private static void same(List<CityCard> cards, Instant time) throws Exception {
        var poi = new ByteArrayOutputStream();
        PoiCardBook.write(cards, time, poi);
        var text = new ByteArrayOutputStream();
        new CityCardWriter().write(cards, time.toString(), text);
        assertThat(parts(text.toByteArray())).isEqualTo(parts(poi.toByteArray()));
        assertThat(text.toByteArray()).isEqualTo(poi.toByteArray());
    }

    /** The package's parts in order, by name, as text. */
    static Map<String, String> parts(byte[] xlsx) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                out.put(e.getName(), new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
