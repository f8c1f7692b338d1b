package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyCsvReaderTest {

    @TempDir
    Path data;

    static List<SurveyResponse> readAll(SurveyCsvReader reader) {
        List<SurveyResponse> rows = new ArrayList<>();
        for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        assertThat(reader.next()).isNull();
        return rows;
    }

    @Test
    void streamsRowsWithColumnsInAnyOrder() {
        TestFiles.text(data.resolve("survey.csv"), "\uFEFFCity,RespondentId,Size,Industry,Q01 政策知晓,Q02,Q03\r\n"
                + "Wuhan,R1,micro,Manufacturing,5,9,\r\n"
                + "\r\n"
                + "\"Xi'an, 西安\",R2,小型,\"Retail\",abc,3.5,５\r\n"
                + "Wuhan,R3,small,IT, - ,0,300,,\r\n");

        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            assertThat(reader.questions()).containsExactly("Q01", "Q02", "Q03");
            List<SurveyResponse> rows = readAll(reader);

            assertThat(reader.problems()).isEmpty();
            assertThat(rows).hasSize(3);
            SurveyResponse r1 = rows.get(0);
            assertThat(r1.line()).isEqualTo(2);
            assertThat(r1.respondentId()).isEqualTo("R1");
            assertThat(r1.cityText()).isEqualTo("Wuhan");
            assertThat(r1.size()).isEqualTo("micro");
            assertThat(r1.industry()).isEqualTo("Manufacturing");
            assertThat(r1.answers()).containsExactly(5, 9, SurveyResponse.BLANK);
            assertThat(r1.answerTexts()).isNull();
            SurveyResponse r2 = rows.get(1);
            assertThat(r2.line()).isEqualTo(4);
            assertThat(r2.cityText()).isEqualTo("Xi'an, 西安");
            assertThat(r2.answers()).containsExactly(SurveyResponse.NOT_A_CODE, SurveyResponse.NOT_A_CODE, 5);
            assertThat(r2.answerTexts()).containsExactly("abc", "3.5", null);
            SurveyResponse r3 = rows.get(2);
            assertThat(r3.line()).isEqualTo(5);
            assertThat(r3.answers()).containsExactly(SurveyResponse.BLANK, 0, SurveyResponse.NOT_A_CODE);
            assertThat(r3.answerTexts()).containsExactly(null, null, "300");
            assertThat(reader.layout().answerCell(5, 2)).hasToString("survey.csv!G5");
        }
    }

    @Test
    void missingIdentityColumnsStopTheReadAndGapsInQuestionsAreReported() {
        TestFiles.text(data.resolve("survey.csv"), "RespondentId,City,Industry,Q01,Q02,Q04\nR1,Wuhan,IT,1,2,3\n");
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            assertThat(readAll(reader)).isEmpty();
            assertThat(TestFiles.lines(reader.problems())).containsExactly(
                    "survey.csv: missing column 'Q03'",
                    "survey.csv: missing column 'Size'");
            assertThat(reader.questions()).containsExactly("Q01", "Q02", "Q04");
        }
    }

    @Test
    void requestedQuestionsMustHaveAColumn() {
        TestFiles.text(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01,Q02\nR1,Wuhan,micro,IT,1,2\n");
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of("Q02", "Q05"))) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(TestFiles.lines(reader.problems())).containsExactly("survey.csv: missing column 'Q05'");
            assertThat(rows.get(0).answers()).containsExactly(2, SurveyResponse.BLANK);
            assertThat(reader.layout().answerCell(2, 1)).hasToString("survey.csv");
        }
    }

    @Test
    void aCsvExportWithASecondHeaderRowAndMappedHeadersReadsAsTheWorkbookDoes() {
        TestFiles.text(data.resolve("survey.csv"), """
                答卷编号,所在城市,企业规模,所属行业,Q1. 融资,第2题
                ,您企业所在的城市,您企业的规模,您企业所属的行业,您对本地融资服务的满意度,您对政务服务的满意度
                R1,武汉,micro,IT,4,5
                """);
        java.util.Map<String, String> columns = java.util.Map.of("RespondentId", "答卷编号", "City", "所在城市",
                "Size", "企业规模", "Industry", "所属行业", "Q02", "第2题");

        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of("Q01", "Q02"), columns, null,
                org.bizenv.ingest.TestCities.registry(org.bizenv.ingest.TestCities.WUHAN))) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(rows).extracting(SurveyResponse::line).containsExactly(3L);
            assertThat(rows.get(0).answers()).containsExactly(4, 5);
            assertThat(reader.problems()).isEmpty();
        }
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsSkipped() {
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01
                R1,Wuhan,micro,Wholesale, retail,4
                R2,Wuhan,micro,IT,5,,
                """);
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(rows).extracting(SurveyResponse::respondentId).containsExactly("R2");
            assertThat(TestFiles.lines(reader.problems())).containsExactly(
                    "survey.csv!F2: row has 6 fields, the header has 5 (an unquoted separator in a field?); row skipped");
        }
    }

    @Test
    void rowsAfterAnAnswerWithLineBreaksKeepTheirSpreadsheetRowAndMessagesAddTheLine() {
        TestFiles.text(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01\r\n"
                + "R1,Wuhan,micro,\"Wholesale\r\nand retail\",4\r\n"
                + "R2,Wuhan,micro,IT,5,6\r\n"
                + "R3,Wuhan,micro,IT,3\r\n");
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(rows).extracting(SurveyResponse::respondentId).containsExactly("R1", "R3");
            assertThat(rows).extracting(SurveyResponse::line).containsExactly(2L, 4L);
            assertThat(rows.get(0).industry()).isEqualTo("Wholesale\r\nand retail");
            assertThat(TestFiles.lines(reader.problems())).containsExactly("survey.csv!F3: row has 6 fields, the header"
                    + " has 5 (an unquoted separator in a field?); row skipped (line 4 of the file)");
        }
    }

    @Test
    void aRowWithFewerFieldsThanTheHeaderHasBlankAnswers() {
        // Excel leaves out the separators of blank cells at the end of some rows when it saves a CSV file
        TestFiles.text(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01,Q02,Q03\n"
                + "R1,Wuhan,micro,IT,4\nR2,Wuhan,micro,IT,4,5,1\n");
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(reader.problems()).isEmpty();
            assertThat(rows.get(0).answers()).containsExactly(4, SurveyResponse.BLANK, SurveyResponse.BLANK);
            assertThat(rows.get(1).answers()).containsExactly(4, 5, 1);
        }
    }

    @Test
    void aQuoteLeftOpenIsReportedAndItsRowIsTheLastOne() {
        TestFiles.text(data.resolve("survey.csv"), "RespondentId,City,Size,Industry,Q01\n"
                + "R1,Wuhan,micro,IT,4\nR2,\"Wuhan,micro,IT,5\nR3,Wuhan,micro,IT,3\n");
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            List<SurveyResponse> rows = readAll(reader);
            assertThat(rows).extracting(SurveyResponse::respondentId).containsExactly("R1", "R2");
            assertThat(rows.get(1).cityText()).isEqualTo("Wuhan,micro,IT,5\nR3,Wuhan,micro,IT,3\n");
            assertThat(TestFiles.lines(reader.problems())).containsExactly("survey.csv!B3: quoted field without a"
                    + " closing quote: the rest of the file was read into this cell");
        }
    }

    @Test
    void aFileThatStopsBeingUtf8EndsWhereItStops() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("RespondentId,City,Size,Industry,Q01\nR1,Wuhan,micro,IT,4\nR2,Wuhan,micro,IT,5\n"
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 4000; i++) {
            bytes.writeBytes("\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n".getBytes(StandardCharsets.UTF_8));
        }
        int offset = bytes.size();                          // 80,058: past the first 64 KiB, read as UTF-8
        bytes.writeBytes("R3,西安,micro,IT,3\nR4,Wuhan,micro,IT,2\n".getBytes(Charset.forName("GB18030")));
        TestFiles.bytes(data.resolve("survey.csv"), bytes.toByteArray());

        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            assertThat(readAll(reader)).extracting(SurveyResponse::respondentId).containsExactly("R1", "R2");
            assertThat(TestFiles.lines(reader.problems())).containsExactly("survey.csv: not valid UTF-8 text (row 80004,"
                    + " byte " + (offset + 3) + "), the encoding of its first 64 KiB: save the file as \"CSV UTF-8\"");
        }
    }

    @Test
    void missingOrEmptyFiles() {
        TestFiles.text(data.resolve("empty.csv"), "");
        try (SurveyCsvReader missing = new SurveyCsvReader(data, "survey.csv", List.of());
             SurveyCsvReader empty = new SurveyCsvReader(data, "empty.csv", List.of())) {
            assertThat(missing.next()).isNull();
            assertThat(empty.next()).isNull();
            assertThat(TestFiles.lines(missing.problems())).containsExactly("survey.csv: file not found");
            assertThat(TestFiles.lines(empty.problems())).containsExactly("empty.csv: empty file: no header");
        }
    }
}
