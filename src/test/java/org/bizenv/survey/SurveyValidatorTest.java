package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bizenv.ingest.TestCities.FUZHOU;
import static org.bizenv.ingest.TestCities.FUZHOU_JX;
import static org.bizenv.ingest.TestCities.WUHAN;
import static org.bizenv.ingest.TestCities.XIAN;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TestCities;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyValidatorTest {

    @TempDir
    Path data;

    @Test
    void reportsEveryKindOfBadRowWithItsCell() {
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01,Q02,Q03
                r1,Wuhan,micro,Manufacturing,5,9,
                r2,Wuhn,small,x,1,2,3
                r3,Wuhan,huge,x,1,2,3
                r1,武汉市,小型,x,6,abc,3.5
                ,Xi'an,中型企业,x,0,300,-1
                r6,Fuzhou,,x,1,1,1
                r7,西安,Medium,x,4,4,N/A
                """);
        Problems problems = new Problems();
        List<ValidResponse> valid = new ArrayList<>();
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            SurveyValidator validator = new SurveyValidator(reader.layout(),
                    TestCities.registry(WUHAN, XIAN, FUZHOU, FUZHOU_JX), new int[] {9}, problems);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                ValidResponse v = validator.validate(r);
                if (v != null) {
                    valid.add(v);
                }
            }
            problems.addAll(reader.problems());
        }

        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "survey.csv!B3: unknown city 'Wuhn'",
                "survey.csv!C4: 'huge' is not a size class (micro/small/medium, 微型/小型/中型)",
                "survey.csv!A5: duplicate respondent 'r1', first at row 2",
                "survey.csv!E5: value 6 outside the valid range [1, 5] (not applicable: 9)",
                "survey.csv!F5: 'abc' is not a number",
                "survey.csv!G5: '3.5' is not a whole number",
                "survey.csv!A6: blank value",
                "survey.csv!E6: value 0 outside the valid range [1, 5] (not applicable: 9)",
                "survey.csv!F6: value 300 outside the valid range [1, 5] (not applicable: 9)",
                "survey.csv!G6: value -1 outside the valid range [1, 5] (not applicable: 9)",
                "survey.csv!B7: ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)",
                "survey.csv!C7: blank value");
        assertThat(valid).extracting(ValidResponse::line).containsExactly(2L, 5L, 6L, 8L);
        assertThat(valid.get(0).unit()).isEqualTo("wuhan");
        assertThat(valid.get(0).size()).isEqualTo(SizeClass.MICRO.ordinal());
        assertThat(valid.get(0).answers()).containsExactly(5, 0, 0);
        assertThat(valid.get(1).size()).isEqualTo(SizeClass.SMALL.ordinal());
        assertThat(valid.get(1).answers()).containsExactly(0, 0, 0);
        assertThat(valid.get(2).unit()).isEqualTo("xian");
        assertThat(valid.get(2).size()).isEqualTo(SizeClass.MEDIUM.ordinal());
        assertThat(valid.get(3).answers()).containsExactly(4, 4, 0);
    }

    @Test
    void notApplicableCodesMustLieOutsideTheScale() {
        SurveyLayout layout = new SurveyLayout("s.csv", 1, 2, 3, 4, List.of("Q01"), new int[] {5});
        assertThatThrownBy(() -> new SurveyValidator(layout, TestCities.registry(WUHAN), new int[] {3}, new Problems()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeClasses() {
        assertThat(SizeClass.parse(" MICRO ")).isEqualTo(SizeClass.MICRO);
        assertThat(SizeClass.parse("微型企业")).isEqualTo(SizeClass.MICRO);
        assertThat(SizeClass.parse("小型")).isEqualTo(SizeClass.SMALL);
        assertThat(SizeClass.parse("ｍｅｄｉｕｍ")).isEqualTo(SizeClass.MEDIUM);
        assertThat(SizeClass.parse("large")).isNull();
        assertThat(SizeClass.parse(null)).isNull();
    }
}
