package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bizenv.ingest.TestCities.WUHAN;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.ingest.Problems;
import org.bizenv.ingest.TestCities;
import org.bizenv.ingest.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey answers are read by the tables' number reader (CellValues.parseNumber), with its messages. */
class SurveyAnswerNumbersTest {

    @TempDir
    Path data;

    @Test
    void aSuperscriptIsNotFoldedIntoTheAnswerWhileFullWidthDigitsAreRead() {
        TestFiles.text(data.resolve("survey.csv"), """
                RespondentId,City,Size,Industry,Q01,Q02
                r1,Wuhan,micro,x,\uFF15,4\u00B9
                """);
        Problems problems = new Problems();
        List<ValidResponse> valid = new ArrayList<>();
        try (SurveyCsvReader reader = new SurveyCsvReader(data, "survey.csv", List.of())) {
            SurveyValidator validator = new SurveyValidator(reader.layout(), TestCities.registry(WUHAN), new int[0],
                    problems);
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                valid.add(validator.validate(r));
            }
            problems.addAll(reader.problems());
        }

        assertThat(TestFiles.lines(problems.sorted())).containsExactly(
                "survey.csv!F2: '4\u00B9' is not a number: write 4");
        assertThat(valid.get(0).answers()).containsExactly(5, 0);
    }
}
