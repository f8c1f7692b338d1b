package org.bizenv.survey;

import java.util.List;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.ParsedNumber;

/**
 * Where a survey file keeps its fields: the file and sheet (null for CSV), 1-based columns (0 when the column is
 * missing), and the questions read, in the order of {@link SurveyResponse#answers()}. It also reads a row's fields into a
 * {@link SurveyResponse}, the same for every kind of file.
 */
public record SurveyLayout(String file, String sheet, int respondentIdColumn, int cityColumn, int sizeColumn,
                           int industryColumn, List<String> questions, int[] questionColumns) {

    public SurveyLayout {
        questions = List.copyOf(questions);
        questionColumns = questionColumns.clone();
        if (questionColumns.length != questions.size()) {
            throw new IllegalArgumentException("a column per question");
        }
    }

    /** A CSV file's layout (no sheet). */
    public SurveyLayout(String file, int respondentIdColumn, int cityColumn, int sizeColumn, int industryColumn,
                        List<String> questions, int[] questionColumns) {
        this(file, null, respondentIdColumn, cityColumn, sizeColumn, industryColumn, questions, questionColumns);
    }

    @Override
    public int[] questionColumns() {
        return questionColumns.clone();
    }

    public Location cell(long row, int column) {
        return Location.ofCell(file, sheet, Math.toIntExact(row), column);
    }

    /** The file (or its sheet), for problems of the whole table. */
    public Location table() {
        return Location.ofSheet(file, sheet);
    }

    /** The cell of question {@code q}'s answer in a row (the file itself if the column is missing). */
    public Location answerCell(long row, int q) {
        return questionColumns[q] > 0 ? cell(row, questionColumns[q]) : Location.ofFile(file);
    }

    /** A row's fields (index 0 = the first column) as typed, answers coded. */
    SurveyResponse response(long row, String[] f) {
        byte[] answers = new byte[questionColumns.length];
        String[] texts = null;
        for (int q = 0; q < questionColumns.length; q++) {
            String text = field(f, questionColumns[q]);
            byte code = code(text);
            answers[q] = code;
            if (code == SurveyResponse.NOT_A_CODE) {
                if (texts == null) {
                    texts = new String[questionColumns.length];
                }
                texts[q] = text.strip();
            }
        }
        return new SurveyResponse(row, field(f, respondentIdColumn), field(f, cityColumn), field(f, sizeColumn),
                field(f, industryColumn), answers, texts);
    }

    /**
     * Whether the first row under the header holds the questions' texts (a second header row, as survey platforms
     * export one): every question's cell holds text that is not a number, and its City cell names no unit the resolver
     * knows (not checked without a resolver). A row of answers has numbers, and a unit; a row whose every answer is
     * text and whose city is unknown would be all problems anyway.
     */
    boolean isQuestionTexts(String[] f, UnitResolver resolver) {
        if (questionColumns.length == 0) {
            return false;
        }
        for (int column : questionColumns) {
            if (column == 0 || code(field(f, column)) != SurveyResponse.NOT_A_CODE) {
                return false;
            }
        }
        return resolver == null || !resolver.resolve(field(f, cityColumn)).isFound();
    }

    /** An answer's code: a whole number 0–127, BLANK or NOT_A_CODE. One digit is read without parsing. */
    static byte code(String text) {
        if (text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            return (byte) (text.charAt(0) - '0');
        }
        ParsedNumber n = CellValues.parseNumber(text);
        if (n.isBlank()) {
            return SurveyResponse.BLANK;
        }
        double v = n.value();
        return n.isNumber() && v == Math.rint(v) && v >= 0 && v <= Byte.MAX_VALUE && !text.contains("%")
                ? (byte) v : SurveyResponse.NOT_A_CODE;
    }

    /** Whether a row's fields from index {@code from} on are all blank (a blank row from 0; skipped by the readers). */
    static boolean isBlank(String[] fields, int from) {
        for (int i = from; i < fields.length; i++) {
            if (!fields[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String field(String[] f, int column) {
        return column >= 1 && column <= f.length ? f[column - 1] : "";
    }
}
