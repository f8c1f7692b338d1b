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
import org.bizenv.ingest.DataProblem;
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
            validator.confirmDuplicates(() -> new SurveyCsvReader(data, "survey.csv", List.of()));
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

    /** Every id's fingerprint its length: different ids collide all the time, and only real repeats are reported. */
    @Test
    void fingerprintCollisionsAreSettledByTheIdsThemselves() {
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01
                ab,Wuhan,micro,x,1
                cd,Wuhan,micro,x,1
                ef,Xi'an,micro,x,1
                cd,Xi'an,micro,x,1
                abc,Wuhan,micro,x,1
                ab,Wuhan,micro,x,1
                cd,Wuhn,micro,x,1
                """);
        assertThat(validate(id -> id.length())).containsExactly(
                "survey.csv!A5: duplicate respondent 'cd', first at row 3",
                "survey.csv!A7: duplicate respondent 'ab', first at row 2",
                "survey.csv!A8: duplicate respondent 'cd', first at row 3",
                "survey.csv!B8: unknown city 'Wuhn'");
        // the same with the real fingerprint, and each problem is its city's (or the file's, the city unknown)
        Problems problems = new Problems();
        validate(problems, RespondentIds::fingerprint);
        assertThat(problems.sorted()).filteredOn(p -> p.toString().contains("duplicate"))
                .extracting(DataProblem::unit).containsExactly("xian", "wuhan", null);
    }

    @Test
    void collidingIdsThatNeverRepeatAreNoDuplicatesAndTheFileIsNotReadAgain() {
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01
                a1,Wuhan,micro,x,1
                b2,Wuhan,micro,x,1
                c3,Wuhan,micro,x,1
                """);
        assertThat(validate(id -> 7L)).isEmpty();
        // no suspect at all: confirming opens nothing
        Problems problems = new Problems();
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            SurveyValidator validator = new SurveyValidator(reader.layout(), TestCities.registry(WUHAN), new int[0],
                    problems);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                validator.validate(r);
            }
            validator.confirmDuplicates(() -> {
                throw new AssertionError("the file was read again without a suspect");
            });
        }
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void theTableGrowsAcrossManyIdsAndStillCatchesEveryRepeat() {
        StringBuilder csv = new StringBuilder("RespondentId,City,Size,Industry,Q01\n");
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            csv.append("R").append(i).append(",Wuhan,micro,x,1\n");
        }
        csv.append("R0,Wuhan,micro,x,1\nR49999,Wuhan,micro,x,1\nR12345,Wuhan,micro,x,1\n");
        TestFiles.text(data.resolve("survey.csv"), csv.toString());
        List<String> expected = List.of(
                "survey.csv!A50002: duplicate respondent 'R0', first at row 2",
                "survey.csv!A50003: duplicate respondent 'R49999', first at row 50001",
                "survey.csv!A50004: duplicate respondent 'R12345', first at row 12347");
        assertThat(validate(RespondentIds::fingerprint)).containsExactlyElementsOf(expected);
        // a weak fingerprint (1,024 values) collides thousands of times over, through every growth of the table
        assertThat(validate(id -> id.hashCode() & 1023)).containsExactlyElementsOf(expected);

        RespondentIds ids = new RespondentIds();
        for (int i = 0; i < n; i++) {
            assertThat(ids.add("R" + i)).isTrue();
        }
        assertThat(ids.add("R777")).isFalse();
        assertThat(ids.size()).isEqualTo(n);
        assertThat(ids.isSuspect("R777")).isTrue();
        assertThat(ids.isSuspect("R778")).isFalse();
        // 1,024 slots grown by half at 3/4 full: 1024, 1536, ..., 88,573 slots for 50,000 ids, at most 16 bytes an id
        assertThat(ids.bytes()).isEqualTo(8L * 88_573).isLessThanOrEqualTo(16L * n);
    }

    private List<String> validate(java.util.function.ToLongFunction<String> fingerprint) {
        Problems problems = new Problems();
        validate(problems, fingerprint);
        return List.of(TestFiles.lines(problems.sorted()));
    }

    private void validate(Problems problems, java.util.function.ToLongFunction<String> fingerprint) {
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            SurveyValidator validator = new SurveyValidator(reader.layout(), TestCities.registry(WUHAN, XIAN),
                    new int[0], problems, fingerprint);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                validator.validate(r);
            }
            validator.confirmDuplicates(() -> new SurveyCsvReader(data, "survey.csv", List.of()));
        }
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
