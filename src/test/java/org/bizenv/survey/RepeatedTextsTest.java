package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.ingest.TestCities.FUZHOU;
import static org.bizenv.ingest.TestCities.FUZHOU_JX;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TestCities;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedTextsTest {

    @TempDir
    Path data;

    /** Every spelling of a city or size class, met again and again: each row still gets its own unit and problems. */
    @Test
    void everySpellingIsResolvedAsItsOwnOnEveryRow() {
        StringBuilder csv = new StringBuilder("RespondentId,City,Size,Industry,Q01\n");
        String[][] spellings = {
                {"Wuhan", "micro"}, {" 武汉市 ", "小型"}, {"WUHAN", " MEDIUM "}, {"Xi'an", "微型企业"}, {"西安", "ｓｍａｌｌ"},
                {"Wuhn", "micro"}, {"Fuzhou", "small"}, {"Wuhan", "huge"}, {"", "micro"}, {"Xi’an", ""}};
        for (int i = 0; i < 3 * spellings.length; i++) {
            String[] s = spellings[i % spellings.length];
            csv.append('r').append(i).append(",\"").append(s[0]).append("\",").append(s[1]).append(",x,3\n");
        }
        TestFiles.text(data.resolve("survey.csv"), csv.toString());
        Problems problems = new Problems();
        List<String> valid = new ArrayList<>();
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            SurveyValidator validator = new SurveyValidator(reader.layout(),
                    TestCities.registry(WUHAN, XIAN, FUZHOU, FUZHOU_JX), new int[0], problems);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                ValidResponse v = validator.validate(r);
                if (v != null) {
                    valid.add(v.line() + " " + v.unit() + " " + SizeClass.values()[v.size()].key());
                }
            }
        }

        List<String> expectedValid = new ArrayList<>();
        List<String> expectedProblems = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            long row = 2 + 10L * round;
            expectedValid.addAll(List.of(row + " wuhan micro", (row + 1) + " wuhan small", (row + 2) + " wuhan medium",
                    (row + 3) + " xian micro", (row + 4) + " xian small"));
            expectedProblems.addAll(List.of("survey.csv!B" + (row + 5) + ": unknown city 'Wuhn'",
                    "survey.csv!B" + (row + 6) + ": ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)",
                    "survey.csv!C" + (row + 7) + ": 'huge' is not a size class (micro/small/medium, 微型/小型/中型)",
                    "survey.csv!B" + (row + 8) + ": blank city name",
                    "survey.csv!C" + (row + 9) + ": blank value"));
        }
        assertThat(valid).containsExactlyElementsOf(expectedValid);
        assertThat(TestFiles.lines(problems.sorted())).containsExactlyInAnyOrderElementsOf(expectedProblems);
    }

    @Test
    void eachTextIsComputedOnceUpToTheLimitAndEveryTimeBeyondIt() {
        List<String> computed = new ArrayList<>();
        RepeatedTexts<String> texts = new RepeatedTexts<>(t -> {
            computed.add(t);
            return "<" + t + ">";
        });
        assertThat(texts.get("a")).isEqualTo("<a>");
        assertThat(texts.get("a")).isEqualTo("<a>");
        assertThat(texts.get(null)).isEqualTo("<>");
        assertThat(texts.get("")).isEqualTo("<>");
        assertThat(computed).containsExactly("a", "");

        for (int i = 0; i < RepeatedTexts.LIMIT; i++) {
            assertThat(texts.get("t" + i)).isEqualTo("<t" + i + ">");
        }
        assertThat(texts.size()).isEqualTo(RepeatedTexts.LIMIT);
        computed.clear();
        assertThat(texts.get("t0")).isEqualTo("<t0>");                    // kept
        assertThat(texts.get("t" + (RepeatedTexts.LIMIT - 1))).isEqualTo("<t" + (RepeatedTexts.LIMIT - 1) + ">");
        assertThat(texts.get("t" + (RepeatedTexts.LIMIT - 1))).isEqualTo("<t" + (RepeatedTexts.LIMIT - 1) + ">");
        assertThat(computed).containsExactly("t" + (RepeatedTexts.LIMIT - 1), "t" + (RepeatedTexts.LIMIT - 1));
        assertThat(texts.size()).isEqualTo(RepeatedTexts.LIMIT);
    }

    @Test
    void anAbsentResultIsKeptWrapped() {
        RepeatedTexts<Optional<SizeClass>> sizes = new RepeatedTexts<>(t -> Optional.ofNullable(SizeClass.parse(t)));
        assertThat(sizes.get("huge")).isEmpty();
        assertThat(sizes.get(" 中型企业")).contains(SizeClass.MEDIUM);
        assertThat(sizes.get(null)).isEmpty();
        assertThat(sizes.size()).isEqualTo(3);
    }
}
