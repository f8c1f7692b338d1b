package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.SourceValues;
import org.bizenv.ingest.TestCities;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyAggregatorTest {

    static final double[] MIX = {0.70, 0.25, 0.05};
    static final List<String> QUESTIONS = List.of("Q01", "Q02");
    static final List<String> EXPECTED = List.of("wuhan", "xian", "urumqi");
    static final int MICRO = 0;
    static final int SMALL = 1;
    static final int MEDIUM = 2;

    /** The tiny survey of the hand calculation below. */
    static List<ValidResponse> tinySurvey() {
        return List.of(
                row(2, "wuhan", MICRO, 5, 2),
                row(3, "wuhan", MICRO, 4, 0),
                row(4, "wuhan", MICRO, 1, 0),
                row(5, "wuhan", SMALL, 3, 5),
                row(6, "wuhan", MEDIUM, 0, 4),
                row(7, "xian", MEDIUM, 2, 0),
                row(8, "xian", MEDIUM, 4, 0));
    }

    static ValidResponse row(long line, String unit, int size, int... answers) {
        byte[] a = new byte[answers.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) answers[i];
        }
        return new ValidResponse(line, unit, size, a);
    }

    static SurveyResults aggregate(List<ValidResponse> rows) {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, EXPECTED);
        rows.forEach(agg::add);
        return agg.results(MIX, 3);
    }

    @Test
    void postStratifiedScoresComputedByHand() {
        SurveyResults r = aggregate(tinySurvey());

        // Wuhan Q01: micro 5, 4, 1 -> mean of (a-1)/4*100 = (100 + 75 + 0)/3 = 175/3, favourable 2/3 -> 200/3;
        // small 3 -> 50, favourable 0; no medium: weights renormalised over micro and small (0.70 + 0.25 = 0.95).
        // score = (0.70 * 175/3 + 0.25 * 50) / 0.95 = (160/3) / 0.95 = 3200/57
        // share = (0.70 * 200/3 + 0.25 * 0) / 0.95 = (140/3) / 0.95 = 2800/57
        assertThat(r.n("wuhan", "Q01")).isEqualTo(4);
        assertThat(r.n("wuhan", SizeClass.MICRO, "Q01")).isEqualTo(3);
        assertThat(r.n("wuhan", SizeClass.MEDIUM, "Q01")).isZero();
        assertThat(r.meanScore("wuhan", "Q01")).isCloseTo(3200.0 / 57, within(1e-12));
        assertThat(r.shareFavourable("wuhan", "Q01")).isCloseTo(2800.0 / 57, within(1e-12));
        // Wuhan Q02: micro 2 -> 25, small 5 -> 100, medium 4 -> 75; all classes present, weights sum to 1.
        // score = 0.70*25 + 0.25*100 + 0.05*75 = 46.25; share = 0.70*0 + 0.25*100 + 0.05*100 = 30
        assertThat(r.n("wuhan", "Q02")).isEqualTo(3);
        assertThat(r.meanScore("wuhan", "Q02")).isCloseTo(46.25, within(1e-12));
        assertThat(r.shareFavourable("wuhan", "Q02")).isCloseTo(30, within(1e-12));
        // Xi'an Q01: medium only, 2 and 4 -> (25 + 75)/2 = 50, favourable 1/2 -> 50; medium's weight renormalised to 1.
        assertThat(r.meanScore("xian", "Q01")).isEqualTo(50);
        assertThat(r.shareFavourable("xian", "Q01")).isEqualTo(50);
        // No answers: NaN, n = 0.
        assertThat(r.n("xian", "Q02")).isZero();
        assertThat(r.meanScore("xian", "Q02")).isNaN();
        assertThat(r.shareFavourable("urumqi", "Q01")).isNaN();
        // min sample 3: flagged below 3 valid answers.
        assertThat(r.lowSample("wuhan", "Q01")).isFalse();
        assertThat(r.lowSample("wuhan", "Q02")).isFalse();
        assertThat(r.lowSample("xian", "Q01")).isTrue();
        assertThat(r.lowSample("urumqi", "Q02")).isTrue();
        assertThat(r.units()).containsExactly("wuhan", "xian", "urumqi");
    }

    @Test
    void asSourceValues() {
        SourceValues v = aggregate(tinySurvey()).values(SurveyResults.MEAN_SCORE, "survey", Location.ofFile("survey.csv"));
        assertThat(v.fields()).containsExactly("Q01", "Q02");
        assertThat(v.row("wuhan")[1]).isCloseTo(46.25, within(1e-12));
        assertThat(v.where("xian", "Q01")).hasToString("survey.csv");
        assertThat(aggregate(tinySurvey()).values("share-favourable", "survey", Location.ofFile("survey.csv"))
                .value("xian", "Q01")).isEqualTo(50);
        assertThatThrownBy(() -> aggregate(tinySurvey()).values("median", "s", Location.ofFile("s")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergingPartitionsInAnyOrderGivesIdenticalResults() {
        Random random = new Random(20240601);
        List<String> cities = List.of("wuhan", "xian", "urumqi", "lhasa", "hohhot");
        List<ValidResponse> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int[] a = {random.nextInt(6), random.nextInt(6)};
            rows.add(row(i + 2, cities.get(random.nextInt(cities.size())), random.nextInt(3), a));
        }
        SurveyResults whole = aggregate(rows);

        for (int trial = 0; trial < 5; trial++) {
            List<ValidResponse> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            int parts = 2 + trial;
            List<SurveyAggregator> partitions = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partitions.add(new SurveyAggregator(QUESTIONS, EXPECTED));
            }
            for (ValidResponse r : shuffled) {
                partitions.get(random.nextInt(parts)).add(r);
            }
            Collections.shuffle(partitions, random);
            SurveyAggregator merged = new SurveyAggregator(QUESTIONS, EXPECTED);
            partitions.forEach(merged::merge);
            SurveyResults result = merged.results(MIX, 3);

            assertThat(result.units()).containsExactly("wuhan", "xian", "urumqi", "hohhot", "lhasa");
            for (String u : result.units()) {
                for (String q : QUESTIONS) {
                    assertThat(result.n(u, q)).isEqualTo(whole.n(u, q));
                    assertThat(result.meanScore(u, q)).isEqualTo(Double.valueOf(whole.meanScore(u, q)));
                    assertThat(result.shareFavourable(u, q)).isEqualTo(Double.valueOf(whole.shareFavourable(u, q)));
                }
            }
        }
    }

    @Test
    void mergeIntoAPartitionThatHasNotSeenTheUnit() {
        SurveyAggregator a = new SurveyAggregator(QUESTIONS, List.of());
        SurveyAggregator b = new SurveyAggregator(QUESTIONS, List.of());
        tinySurvey().subList(0, 4).forEach(a::add);
        tinySurvey().subList(4, 7).forEach(b::add);
        b.merge(a);
        SurveyResults r = b.results(MIX, 1);
        assertThat(r.units()).containsExactly("wuhan", "xian");
        assertThat(r.meanScore("wuhan", "Q01")).isCloseTo(3200.0 / 57, within(1e-12));
        assertThatThrownBy(() -> b.merge(new SurveyAggregator(List.of("Q01"), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSizeMixNeedsThreeNonNegativeWeights() {
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, EXPECTED);
        assertThatThrownBy(() -> agg.results(new double[] {1, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg.results(new double[] {1, -0.1, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg.results(new double[] {0, 0, 0}, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg.results(new double[] {Double.NaN, 1, 1}, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromCsvToResultsAsAChunkStepWouldRunIt(@TempDir Path data) {
        // The tiny survey again, as typed: a not-applicable 9, blanks, spelling variants, a bad row.
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01,Q02
                1,Wuhan,micro,IT,5,2
                2,武汉市,微型,IT,4,9
                3,WUHAN,micro,IT,1,
                4,Wuhan,small,IT,3,5
                5,Wuhan,medium,IT,,4
                6,Xi’an,medium,IT,2,9
                7,西安,中型,IT,4,-
                8,Wuhn,micro,IT,5,5
                """);
        Problems problems = new Problems();
        SurveyAggregator agg = new SurveyAggregator(QUESTIONS, EXPECTED);
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", QUESTIONS)) {
            SurveyValidator validator = new SurveyValidator(reader.layout(),
                    TestCities.registry(TestCities.WUHAN, TestCities.XIAN, TestCities.URUMQI), new int[] {9}, problems);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                ValidResponse v = validator.validate(r);
                if (v != null) {
                    agg.add(v);
                }
            }
            problems.addAll(reader.problems());
        }
        SurveyResults r = agg.results(MIX, 3);

        assertThat(TestFiles.lines(problems.sorted())).containsExactly("survey.csv!B9: unknown city 'Wuhn'");
        SurveyResults expected = aggregate(tinySurvey());
        for (String u : EXPECTED) {
            for (String q : QUESTIONS) {
                assertThat(r.n(u, q)).isEqualTo(expected.n(u, q));
                assertThat(r.meanScore(u, q)).isEqualTo(Double.valueOf(expected.meanScore(u, q)));
                assertThat(r.shareFavourable(u, q)).isEqualTo(Double.valueOf(expected.shareFavourable(u, q)));
            }
        }
    }
}
