package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TextEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/**
 * A survey file read in parts, as the survey step's partitions read it: the parts together are the file's records,
 * with the file's own row and line numbers, however the cuts fall; their tallies merged give what one reading gives,
 * repeated respondents included.
 */
class SurveyPartsTest {

    private static final String HEADER = "RespondentId,City,Size,Industry,Q01,Q02";

    @TempDir
    Path tmp;

    private Framework framework() throws IOException {
        Path f = tmp.resolve("fw.yaml");
        Files.writeString(f, "framework: {id: t, name: {en: Test}}\n"
                + "sources: [{id: s, type: survey, path: survey.csv, min-sample: 2}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}}\n"
                + "indicators:\n"
                + "  - {code: M, parent: INDEX, name: {en: M}, direction: higher, weight: 1, source: s, field: Q01,"
                + " statistic: mean-score}\n"
                + "  - {code: F, parent: INDEX, name: {en: F}, direction: higher, weight: 1, source: s, field: Q02,"
                + " statistic: share-favourable}\n");
        return FrameworkLoader.load(f);
    }

    private Path write(String text) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("survey.csv"), text, StandardCharsets.UTF_8);
        return data;
    }

    /**
     * Twelve rows: a quoted Industry with a CRLF and an LF inside (row 4, lines 4–6), an empty line (row 8), a row
     * with a field too many after the multi-line one (row 10: its message gives the line of the file), a bad size, a
     * bad answer, CRLF and LF line ends, a quote inside unquoted text.
     */
    private static final String FILE = HEADER + "\r\n"
            + "1,a,micro,x,5,4\r\n"
            + "2,a,small,x,3,2\n"
            + "3,a,medium,\"two\r\nlines\nand a \"\"quote\"\"\",4,5\n"
            + "4,b,micro,x,2,1\n"
            + "5,b,micro,x,,5\n"
            + "6,b,huge,x,1,1\n"
            + "\n"
            + "7,b,small,o\"dd,4,4\n"
            + "8,b,small,x,4,4,9\n"
            + "9,a,micro,x,7,4\n"
            + "10,a,small,\"x\",1,5";

    @Test
    void thePartsTogetherAreTheFileWithItsOwnRowAndLineNumbers() throws IOException {
        Path data = write(FILE);
        List<String> whole = rows(data, CsvRecords.Range.WHOLE);
        assertThat(whole).hasSize(9);
        assertThat(whole.get(2)).isEqualTo("3 4 a medium");
        assertThat(whole.get(7)).isEqualTo("9 11 a micro");
        for (int n = 1; n <= 12; n++) {
            List<CsvRecords.Range> parts = SurveySplit.split(data.resolve("survey.csv"), TextEncoding.UTF_8, ',', n);
            assertThat(parts.size()).as("parts of %d", n).isBetween(1, n);
            List<String> read = new ArrayList<>();
            List<DataProblem> problems = new ArrayList<>();
            for (CsvRecords.Range p : parts) {
                read.addAll(rows(data, p));
                problems.addAll(problems(data, p));
            }
            assertThat(read).as("%d parts", n).isEqualTo(whole);
            assertThat(problems).as("%d parts", n).isEqualTo(problems(data, CsvRecords.Range.WHOLE));
        }
        assertThat(problems(data, CsvRecords.Range.WHOLE)).extracting(Object::toString).containsExactly(
                "survey.csv!G10: row has 7 fields, the header has 6 (an unquoted separator in a field?); row skipped"
                        + " (line 12 of the file)");
    }

    @Test
    void theScanStopsAtTheLastPartsStartWhichRunsToTheEnd() throws IOException {
        StringBuilder csv = new StringBuilder("RespondentId,City,Size,Q01\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("R").append(i).append(",北京,small,").append(1 + i % 5).append('\n');
        }
        // an unclosed quote far in the last part: it would swallow the rest, but the cut is made before it
        csv.append("R-open,\"北京,small,3\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("R+").append(i).append(",北京,small,2\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long[] read = {0};
        var counted = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };

        List<CsvRecords.Range> two = SurveySplit.scan(counted, bytes.length, ',', 2);

        assertThat(two).hasSize(2);
        assertThat(two.get(1).start()).isGreaterThanOrEqualTo(bytes.length / 2);
        assertThat(two.get(1).end()).isEqualTo(Long.MAX_VALUE);
        assertThat(two.get(1).lastRow()).isEqualTo(Long.MAX_VALUE);
        assertThat(two.get(1).firstRow()).isEqualTo(two.get(0).lastRow() + 1);
        // read up to the second part's start and at most one buffer (64 KiB) beyond, not the file's other half
        assertThat(read[0]).isLessThan(two.get(1).start() + 65_537).isLessThan(bytes.length);
    }

    @Test
    void aCutNeverFallsInsideAQuotedFieldWithLineBreaks() throws IOException {
        Path data = write(FILE);
        long size = Files.size(data.resolve("survey.csv"));
        int quoteOpens = FILE.indexOf("\"two");
        int quoteCloses = FILE.indexOf("\"\",4,5") + 2;
        for (int n = 2; n <= 40; n++) {
            for (CsvRecords.Range p : SurveySplit.split(data.resolve("survey.csv"), TextEncoding.UTF_8, ',', n)) {
                assertThat(p.start() <= quoteOpens || p.start() > quoteCloses)
                        .as("a cut at %d of %d parts of %d bytes", p.start(), n, size).isTrue();
            }
        }
        // with the middle of the file inside the quoted field, the cut is the next record's start: row 5, line 7
        String rows = HEADER + "\n1,a,micro,\"" + "long\n".repeat(40) + "\",5,4\n2,a,small,x,3,2\n";
        Path other = write(rows);
        List<CsvRecords.Range> two = SurveySplit.split(other.resolve("survey.csv"), TextEncoding.UTF_8, ',', 2);
        assertThat(two).hasSize(2);
        assertThat(two.get(1)).isEqualTo(new CsvRecords.Range(rows.indexOf("2,a,small"), Long.MAX_VALUE, 3, 43,
                Long.MAX_VALUE));
        assertThat(two.get(0).lastRow()).isEqualTo(2);
        assertThat(rows(other, two.get(1))).containsExactly("2 3 a small");
    }

    @Test
    void theMergedPartsGiveTheIndicatorsAndProblemsOfOneReading() throws IOException {
        Framework fw = framework();
        Path data = write(FILE);
        Problems one = new Problems();
        SurveyIndicators whole;
        String wholeDetail;
        JsonMapper json = JsonMapper.builder().build();
        try (SurveyTally t = tally(fw, data, one, CsvRecords.Range.WHOLE)) {
            whole = t.readAll().indicators();
            wholeDetail = json.writeValueAsString(t.detail());
        }
        // the detail's standard errors and breakdowns by industry (three here) and size class, not only the values
        assertThat(wholeDetail).contains("\"two\\r\\nlines\\nand a \\\"quote\\\"\"", "\"o\\\"dd\"");
        for (int n = 1; n <= 7; n++) {
            Problems merged = new Problems();
            SurveyTally t = merge(fw, data, merged, n);
            SurveyIndicators ind = t.indicators();
            assertThat(json.writeValueAsString(t.detail())).as("%d parts", n).isEqualTo(wholeDetail);
            assertThat(ind.values()).as("%d parts", n).isDeepEqualTo(whole.values());
            assertThat(ind.provenance()).isDeepEqualTo(whole.provenance());
            assertThat(ind.units()).isEqualTo(whole.units());
            // every row naming a city is counted, usable or not (row 7's size, row 11's answer); row 10 never
            // reached the checks
            assertThat(ind.unitRows()).as("%d parts", n).isEqualTo(Map.of("a", 5L, "b", 4L));
            assertThat(merged.sorted()).isEqualTo(one.sorted());
        }
        assertThat(whole.unitRows()).isEqualTo(Map.of("a", 5L, "b", 4L));
        assertThat(one.sorted()).extracting(Object::toString).containsExactly(
                "survey.csv!C7: 'huge' is not a size class (micro/small/medium, 微型/小型/中型)",
                "survey.csv!G10: row has 7 fields, the header has 6 (an unquoted separator in a field?); row skipped"
                        + " (line 12 of the file)",
                "survey.csv!E11: value 7 outside the valid range [1, 5]");
    }

    @Test
    void aRespondentRepeatedInAnotherPartIsCaughtAtItsRow() throws IOException {
        Framework fw = framework();
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 400; i++) {
            // respondent 17 answers again at row 381, near the end: in another part for any cut into 2 or more
            text.append(i == 380 ? 17 : i).append(i % 2 == 0 ? ",a," : ",b,").append("micro,x,4,5\n");
        }
        Path data = write(text.toString());
        for (int n : new int[] {1, 2, 3, 7}) {
            Problems problems = new Problems();
            SurveyTally t = merge(fw, data, problems, n);
            t.indicators();
            assertThat(problems.sorted()).extracting(Object::toString).as("%d parts", n)
                    .containsExactly("survey.csv!A381: duplicate respondent '17', first at row 18");
        }
        List<CsvRecords.Range> parts = SurveySplit.split(data.resolve("survey.csv"), TextEncoding.UTF_8, ',', 2);
        assertThat(parts.get(0).lastRow()).isLessThan(381);
    }

    /**
     * The row of the questions' texts is the first row under the header, so only the first part may hold it and only
     * the first part's reader looks for it: a later part starting with a row that looks like one (answers that are
     * text, no city) reads it as the row of answers it is, as one reading does. Texts in English and in Chinese (a row
     * of non-ASCII text and separators, which the split cannot tell from a blank row: the first part then also holds
     * the row after it).
     */
    @Test
    void onlyTheFirstPartHoldsAndLooksForTheRowOfTheQuestionsTexts() throws IOException {
        Framework fw = framework();
        for (String texts : List.of(",,,,Overall satisfaction,Would you recommend", ",,,,总体满意度,是否推荐")) {
            StringBuilder text = new StringBuilder(HEADER).append('\n').append(texts).append('\n');
            for (int i = 1; i <= 10; i++) {
                // every row from row 3 on is a later part's first for some cut; these two look like question texts
                text.append(i).append(i == 1 || i == 6 ? ",,micro,x,yes,no\n" : ",a,micro,x,4,5\n");
            }
            Path data = write(text.toString());
            Problems one = new Problems();
            SurveyIndicators whole;
            try (SurveyTally t = tally(fw, data, one, CsvRecords.Range.WHOLE)) {
                whole = t.readAll().indicators();
            }
            assertThat(one.sorted()).extracting(Object::toString).as(texts).containsExactly(
                    "survey.csv!B3: blank unit name", "survey.csv!E3: 'yes' is not a number",
                    "survey.csv!F3: 'no' is not a number",
                    "survey.csv!B8: blank unit name", "survey.csv!E8: 'yes' is not a number",
                    "survey.csv!F8: 'no' is not a number");
            List<String> wholeRows = rows(data, CsvRecords.Range.WHOLE);
            assertThat(wholeRows).hasSize(10).startsWith("1 3  micro");
            boolean chinese = texts.contains("总");
            for (int n = 1; n <= 12; n++) {
                List<CsvRecords.Range> parts = SurveySplit.split(data.resolve("survey.csv"), TextEncoding.UTF_8, ',',
                        n);
                assertThat(parts.get(0).lastRow()).as("%s, %d parts", texts, n).isGreaterThanOrEqualTo(chinese ? 3 : 2);
                List<String> read = new ArrayList<>();
                for (CsvRecords.Range p : parts) {
                    read.addAll(rows(data, p));
                }
                assertThat(read).as("%s, %d parts", texts, n).isEqualTo(wholeRows);
                Problems merged = new Problems();
                SurveyIndicators ind = merge(fw, data, merged, n).indicators();
                assertThat(merged.sorted()).as("%s, %d parts", texts, n).isEqualTo(one.sorted());
                assertThat(ind.values()).isDeepEqualTo(whole.values());
            }
            // a part starts right under the question texts (English) or the row after them (Chinese) for some cut
            assertThat(java.util.stream.IntStream.rangeClosed(2, 12).boxed().flatMap(n -> SurveySplit.split(
                    data.resolve("survey.csv"), TextEncoding.UTF_8, ',', n).stream()).mapToLong(CsvRecords.Range::firstRow)
                    .filter(r -> r > 1).min().orElseThrow()).as(texts).isEqualTo(chinese ? 4 : 3);
        }
    }

    /** The file's parts tallied one by one, each part saved and merged in order, as the job does. */
    private SurveyTally merge(Framework fw, Path data, Problems problems, int n) {
        List<SurveyTally.Part> parts = new ArrayList<>();
        for (CsvRecords.Range r : SurveyTally.split(fw, SurveyTally.sources(fw).get(0), data,
                UnitResolver.identity("unit"), n)) {
            Problems found = new Problems();
            try (SurveyTally t = tally(fw, data, found, r)) {
                parts.add(t.readAll().part(found));
            }
        }
        return SurveyTally.merged(fw, SurveyTally.sources(fw).get(0), data, false, UnitResolver.identity("unit"),
                problems, false, parts);
    }

    private static SurveyTally tally(Framework fw, Path data, Problems problems, CsvRecords.Range range) {
        return new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false, UnitResolver.identity("unit"),
                problems, false, range);
    }

    /** Each row of a part as "respondent row city size". */
    private static List<String> rows(Path data, CsvRecords.Range range) {
        List<String> rows = new ArrayList<>();
        try (SurveyCsvReader r = new SurveyCsvReader(data, "survey.csv", List.of("Q01", "Q02"), Map.of(), null, null, range)) {
            for (SurveyResponse s = r.next(); s != null; s = r.next()) {
                rows.add(s.respondentId() + " " + s.line() + " " + s.cityText() + " " + s.size());
            }
        }
        return rows;
    }

    private static List<DataProblem> problems(Path data, CsvRecords.Range range) {
        try (SurveyCsvReader r = new SurveyCsvReader(data, "survey.csv", List.of("Q01", "Q02"), Map.of(), null, null, range)) {
            while (r.next() != null) {
                // read to the end: the problems are complete then
            }
            return r.problems();
        }
    }
}
