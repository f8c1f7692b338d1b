package org.bizenv.survey;

import java.util.List;
import org.bizenv.ingest.Location;

/**
 * Where a survey file keeps its fields: 1-based columns (0 when the column is missing), and the questions
 * read, in the order of {@link SurveyResponse#answers()}.
 */
public record SurveyLayout(String file, int respondentIdColumn, int cityColumn, int sizeColumn, int industryColumn,
                           List<String> questions, int[] questionColumns) {

    public SurveyLayout {
        questions = List.copyOf(questions);
        questionColumns = questionColumns.clone();
        if (questionColumns.length != questions.size()) {
            throw new IllegalArgumentException("a column per question");
        }
    }

    @Override
    public int[] questionColumns() {
        return questionColumns.clone();
    }

    public Location cell(long row, int column) {
        return Location.ofCell(file, null, Math.toIntExact(row), column);
    }

    /** The cell of question {@code q}'s answer in a row (the file itself if the column is missing). */
    public Location answerCell(long row, int q) {
        return questionColumns[q] > 0 ? cell(row, questionColumns[q]) : Location.ofFile(file);
    }
}
