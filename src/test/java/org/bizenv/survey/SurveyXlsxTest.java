package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkException;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TestCities;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Survey microdata from .xlsx as survey platforms export it (with and without a second header row of question
 * texts), the survey columns mapped by the framework, and the same answers giving the same indicator values as CSV.
 */
class SurveyXlsxTest {

    private static final UnitResolver CITIES = TestCities.registry(TestCities.WUHAN, TestCities.XIAN);
    private static final Object[] HEADER = {"RespondentId", "City", "Size", "Industry", "Q01", "Q02"};

    @TempDir
    Path tmp;

    private static List<SurveyResponse> readAll(SurveyReader reader) {
        List<SurveyResponse> rows = new ArrayList<>();
        for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }

    private static String row(SurveyResponse r) {
        StringBuilder s = new StringBuilder(r.line() + ":" + r.respondentId() + "|" + r.cityText() + "|" + r.size()
                + "|" + r.industry());
        for (byte a : r.answers()) {
            s.append('|').append(a);
        }
        return s.toString();
    }

    @Test
    void aSheetWithoutQuestionTextsIsReadFromItsFirstSheetCellByCell() {
        Map<String, Object[][]> sheets = new LinkedHashMap<>();
        sheets.put("Export", new Object[][] {HEADER,
                {1001, "武汉", "micro", "IT", 4, 5},
                null,                                                  // a blank row is skipped
                {"R2", "Xi'an", "小型", "Retail", 3, null},
                {20240301123456L, "Wuhan", "medium", "IT", 4.5, "N/A"}});
        sheets.put("Notes", new Object[][] {{"exported 2024-03-01"}});
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), sheets);

        try (SurveyReader reader = SurveyReader.open(tmp, "survey.xlsx", null, List.of(), Map.of(), null, CITIES)) {
            assertThat(reader).isInstanceOf(SurveyXlsxReader.class);
            assertThat(reader.layout().sheet()).isEqualTo("Export");
            assertThat(reader.questions()).containsExactly("Q01", "Q02");
            // numbers as their digits (a 14-digit id is not rounded), a non-whole answer and N/A as a CSV has them
            assertThat(readAll(reader)).extracting(SurveyXlsxTest::row).containsExactly(
                    "2:1001|武汉|micro|IT|4|5",
                    "4:R2|Xi'an|小型|Retail|3|-1",
                    "5:20240301123456|Wuhan|medium|IT|-2|-1");
            assertThat(reader.problems()).isEmpty();
        }
    }

    @Test
    void aSecondHeaderRowOfQuestionTextsIsSkipped() {
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), "Sheet1", HEADER,
                new Object[] {"答卷编号", "所在城市", "企业规模", "所属行业", "您对本地融资服务的满意度", "您对政务服务的满意度"},
                new Object[] {"R1", "武汉", "micro", "IT", 4, 5},
                new Object[] {"R2", "西安", "small", "IT", 2, 3});

        try (SurveyReader reader = SurveyReader.open(tmp, "survey.xlsx", null, List.of("Q01", "Q02"), Map.of(), null,
                CITIES)) {
            assertThat(readAll(reader)).extracting(SurveyXlsxTest::row).containsExactly(
                    "3:R1|武汉|micro|IT|4|5", "4:R2|西安|small|IT|2|3");
            assertThat(reader.problems()).isEmpty();
        }
    }

    @Test
    void aFirstRowWithAKnownCityIsAnswersEvenWhenEveryAnswerIsText() {
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), "Data", HEADER,
                new Object[] {"R1", "武汉", "micro", "IT", "满意", "good"},
                new Object[] {"R2", "西安", "small", "IT", 2, 3});
        Problems problems = new Problems();

        try (SurveyReader reader = SurveyReader.open(tmp, "survey.xlsx", "data", List.of(), Map.of(), null, CITIES)) {
            SurveyValidator validator = new SurveyValidator(reader.layout(), CITIES, new int[0], problems);
            List<SurveyResponse> rows = readAll(reader);
            assertThat(rows).extracting(SurveyResponse::line).containsExactly(2L, 3L);
            rows.forEach(validator::validate);
        }
        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "survey.xlsx!Data!E2: '满意' is not a number",
                "survey.xlsx!Data!F2: 'good' is not a number");
    }

    /** A framework of two survey indicators over Q01 (mean score) and Q02 (share favourable). */
    private Framework framework(String path, String sourceExtra) throws IOException {
        Path f = tmp.resolve("fw-" + path + ".yaml");
        Files.writeString(f, "framework: {id: t, name: {en: Test}}\n"
                + "sources:\n  - {id: s, type: survey, path: " + path + sourceExtra + "}\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}}\n"
                + "indicators:\n"
                + "  - {code: M, parent: INDEX, name: {en: M}, direction: higher, weight: 1, source: s, field: Q01,"
                + " statistic: mean-score}\n"
                + "  - {code: F, parent: INDEX, name: {en: F}, direction: higher, weight: 1, source: s, field: Q02,"
                + " statistic: share-favourable}\n");
        return FrameworkLoader.load(f);
    }

    private record Tallied(SurveyIndicators indicators, List<DataProblem> problems) {
    }

    private Tallied tally(Framework fw) {
        Problems problems = new Problems();
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), tmp, false, CITIES, problems)) {
            return new Tallied(t.readAll().indicators(), problems.sorted());
        }
    }

    private static final Object[][] ANSWERS = {
            {"R1", "武汉", "micro", "IT", 5, 4}, {"R2", "武汉", "small", "IT", 3, 2}, {"R3", "Wuhan", "medium", "IT", 4, 5},
            {"R4", "西安", "micro", "IT", 2, 1}, {"R5", "西安", "small", "IT", null, 5}, {"R6", "西安", "medium", "IT", 1, 4}};

    private static Object[][] withHeader(Object[] header, Object[]... rows) {
        Object[][] all = new Object[rows.length + 1][];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    @Test
    void theSameAnswersAsCsvAndAsXlsxGiveTheSameIndicatorValues() throws IOException {
        StringBuilder csv = new StringBuilder("RespondentId,City,Size,Industry,Q01,Q02\n");
        for (Object[] r : ANSWERS) {
            for (int c = 0; c < r.length; c++) {
                csv.append(c == 0 ? "" : ",").append(r[c] == null ? "" : r[c]);
            }
            csv.append('\n');
        }
        TestFiles.text(tmp.resolve("survey.csv"), csv.toString());
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), "Data", withHeader(HEADER, ANSWERS));

        Tallied fromCsv = tally(framework("survey.csv", ""));
        Tallied fromXlsx = tally(framework("survey.xlsx", ""));

        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromXlsx.problems()).isEmpty();
        assertThat(fromXlsx.indicators().units()).containsExactly("wuhan", "xian");
        assertThat(fromXlsx.indicators().units()).isEqualTo(fromCsv.indicators().units());
        // Wuhan: mean of (5, 3, 4) → 75; Xi'an: mean of (2, 1) over micro and medium → 12.5
        assertThat(fromXlsx.indicators().values()[0]).containsExactly(75, 12.5);
        assertThat(fromXlsx.indicators().values()).isDeepEqualTo(fromCsv.indicators().values());
        assertThat(fromXlsx.indicators().provenance()[0]).containsExactly("survey.xlsx: Q01 mean-score, n = 3",
                "survey.xlsx: Q01 mean-score, n = 2");
    }

    @Test
    void chineseHeadersAreMappedByTheFrameworksColumnsAndQuestionIdsWithASeparatorNeedNone() throws IOException {
        Object[] exported = {"答卷编号", "所在城市", "企业规模", "所属行业", "Q1. 您对本地融资服务的满意度", "第2题"};
        TestFiles.xlsx(tmp.resolve("plain.xlsx"), "Data", withHeader(HEADER, ANSWERS));
        TestFiles.xlsx(tmp.resolve("export.xlsx"), "问卷数据", withHeader(exported, ANSWERS));

        Tallied plain = tally(framework("plain.xlsx", ""));
        Tallied mapped = tally(framework("export.xlsx", ", columns: {RespondentId: 答卷编号, City: 所在城市, "
                + "Size: 企业规模, Industry: 所属行业, Q02: \"第2题\"}"));

        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.indicators().values()).isDeepEqualTo(plain.indicators().values());
        assertThat(mapped.indicators().values()[1]).containsExactly(200.0 / 3, 200.0 / 3);
    }

    @Test
    void problemsNameTheFileTheSheetAndTheCell() throws IOException {
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), "Data", HEADER,
                new Object[] {"R1", "武汉", "micro", "IT", 7, 4},
                new Object[] {"R2", "Atlantis", "small", "IT", 3, 2},
                new Object[] {"R1", "武汉", "huge", "IT", 3, "good"},
                new Object[] {"R4", "西安", "micro", "IT", 2, 1});

        Tallied t = tally(framework("survey.xlsx", ", sheet: Data"));

        assertThat(TestFiles.lines(t.problems())).containsExactly(
                "survey.xlsx!Data!E2: value 7 outside the valid range [1, 5]",
                "survey.xlsx!Data!B3: unknown city 'Atlantis'",
                "survey.xlsx!Data!A4: duplicate respondent 'R1', first at row 2",
                "survey.xlsx!Data!C4: 'huge' is not a size class (micro/small/medium, 微型/小型/中型)",
                "survey.xlsx!Data!F4: 'good' is not a number");
    }

    @Test
    void aMissingSheetOrAMappedHeaderTheFileLacksIsAnInputProblemAtTheFile() throws IOException {
        TestFiles.xlsx(tmp.resolve("survey.xlsx"), "Data", withHeader(HEADER, ANSWERS));

        assertThat(TestFiles.lines(tally(framework("survey.xlsx", ", sheet: Antworten")).problems())).containsExactly(
                "survey.xlsx: missing sheet 'Antworten' (the workbook has: Data)");
        assertThat(TestFiles.lines(tally(framework("survey.xlsx", ", columns: {City: 所在城市}")).problems()))
                .startsWith("survey.xlsx!Data: missing column '所在城市' (the source's columns: map City to it); "
                        + "correct the header in 'columns:' or in the file");
    }

    @Test
    void theColumnsAreCheckedOnLoadAtTheirLines() throws IOException {
        assertThatThrownBy(() -> framework("survey.xlsx", ",\n      columns: {Q01: 第1题, Q09: 第9题,\n"
                + "        Q02: \"第1题\", City: 城市}"))
                .isInstanceOf(FrameworkException.class)
                .satisfies(e -> assertThat(((FrameworkException) e).problems()).containsExactly(
                        tmp.resolve("fw-survey.xlsx.yaml") + ":4: source 's': columns: unknown question id 'Q09' "
                                + "(its indicators ask Q01, Q02; or one of RespondentId, City, Size, Industry)",
                        tmp.resolve("fw-survey.xlsx.yaml") + ":5: source 's': columns maps both Q01 and Q02 to the "
                                + "header '第1题'; a column holds one field"));
    }

    @Test
    void aQuestionIdFollowedByASeparatorHeadsItsColumnButASubQuestionDoesNot() {
        List<String> headers = List.of("Q3. 您对本地融资服务的满意度", "Q3.1 其中：贷款", "q04 融资", "Q5、政务", "Q6:税费",
                "Q07", "Q7 备注", "Q8_1");
        assertThat(SurveyColumns.question(headers, "Q03")).containsExactly(0);
        assertThat(SurveyColumns.question(headers, "Q4")).containsExactly(2);
        assertThat(SurveyColumns.question(headers, "Q05")).containsExactly(3);
        assertThat(SurveyColumns.question(headers, "Q06")).containsExactly(4);
        assertThat(SurveyColumns.question(headers, "Q07")).containsExactly(5);        // the exact header wins
        assertThat(SurveyColumns.question(headers, "Q08")).isEmpty();
    }
}
