package org.bizenv.report.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** What the golden-file comparison says when a workbook is not its golden file: the part, byte, line and text. */
class GoldenCardsTest {

    private static final LocalDateTime T = LocalDateTime.of(2020, 1, 1, 0, 0, 0);

    @Test
    void theSameBytesHaveNoDifference() throws Exception {
        var a = zip(T, "a.xml", "<x>\n<y z=\"1\"/></x>");
        assertThat(GoldenCards.difference(a, a.clone())).isNull();
    }

    @Test
    void aDifferingPartIsNamedWithItsFirstDifferingByteLineAndText() throws Exception {
        var golden = zip(T, "a.xml", "<x/>", "b.xml", "<x>\n<y z=\"1\"/></x>");
        var written = zip(T, "a.xml", "<x/>", "b.xml", "<x>\n<y z=\"22\"/></x>");
        assertThat(GoldenCards.difference(golden, written)).isEqualTo(
                "part b.xml differs at offset 10 (line 2, golden 18 bytes, written 19)\n"
                        + "  golden:  …<x>\\n<y z=\"1\"/></x>…\n"
                        + "  written: …<x>\\n<y z=\"22\"/></x>…");
    }

    @Test
    void missingOrReorderedPartsAreListed() throws Exception {
        var golden = zip(T, "a.xml", "<x/>", "b.xml", "<y/>");
        assertThat(GoldenCards.difference(golden, zip(T, "a.xml", "<x/>")))
                .isEqualTo("the parts differ: golden [a.xml, b.xml], written [a.xml]");
        assertThat(GoldenCards.difference(golden, zip(T, "b.xml", "<y/>", "a.xml", "<x/>")))
                .isEqualTo("the parts differ: golden [a.xml, b.xml], written [b.xml, a.xml]");
    }

    @Test
    void theSamePartsInADifferentZipAreADifference() throws Exception {
        // two seconds later: the entry's DOS time, whose low byte is at offset 10 of the local header
        var golden = zip(T, "a.xml", "<x/>");
        var written = zip(T.plusSeconds(2), "a.xml", "<x/>");
        assertThat(GoldenCards.difference(golden, written)).isEqualTo("the parts are the same but the zip around"
                + " them is not, from offset 10 (entry order, times, flags or compression)");
    }

    @Test
    void aCaseWithoutAGoldenFileSaysHowToWriteOne() throws Exception {
        assertThat(GoldenCards.difference(null, zip(T, "a.xml", "<x/>"))).isEqualTo(
                "no golden file (write it with -Dbizenv.cards.regenerate=true, see golden/README.md)");
    }

    /** A zip of the given parts (name, text, name, text…), every entry stamped {@code time}. */
    private static byte[] zip(LocalDateTime time, String... parts) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < parts.length; i += 2) {
                var e = new ZipEntry(parts[i]);
                e.setTimeLocal(time);
                zip.putNextEntry(e);
                zip.write(parts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
