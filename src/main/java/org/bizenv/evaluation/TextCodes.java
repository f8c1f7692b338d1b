package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bizenv.framework.Indicator;
import org.bizenv.framework.Source;
import org.bizenv.framework.TextValue;
import org.bizenv.ingest.FieldRequest;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.Problems;

/**
 * The intake's side of the framework's {@code text-values} and {@code blanks}: which texts the readers accept for a
 * field, and what each accepted text found in the data means for an indicator (a score, or not applicable).
 */
final class TextCodes {

    final double[][] scores;
    final boolean[][] notApplicable;
    private boolean any;

    TextCodes(int indicators, int units) {
        scores = new double[indicators][units];
        for (double[] row : scores) {
            Arrays.fill(row, Double.NaN);
        }
        notApplicable = new boolean[indicators][units];
    }

    boolean any() {
        return any;
    }

    /**
     * Records what the text found for indicator {@code j} of unit {@code i} means, and returns the value's provenance:
     * the cell and the text with its meaning. A text the field accepts for another indicator but this one does not
     * know is a problem.
     */
    String take(Indicator ind, int j, int i, String text, Location where, Problems problems) {
        TextValue meaning = ind.textValue(text);
        String at = where == null ? "" : where + " ";
        if (meaning == null) {
            problems.add(where, "'" + text + "' is not a number (indicator " + ind.code()
                    + " has no text-value for it)");
            return at + "'" + text + "'";
        }
        any = true;
        if (meaning.notApplicable()) {
            notApplicable[j][i] = true;
        } else {
            scores[j][i] = meaning.score();
        }
        return at + "'" + text + "': " + meaning.describe();
    }

    /** Whether a blank value is an input error: as the indicator says, else as its source says, else unless it imputes. */
    static boolean blanksAreErrors(Indicator ind, Source s) {
        String b = ind.blanks() != null ? ind.blanks() : s.blanks();
        return b != null ? b.equals("error") : ind.imputation().method().equals("none");
    }

    /** The texts the readers accept for the indicator's field. */
    static List<String> texts(Indicator ind) {
        return ind.textValues().stream().map(TextValue::text).toList();
    }

    /** Texts of two indicators that read the same field, each once. */
    static List<String> union(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        for (String t : b) {
            if (out.stream().noneMatch(x -> FieldRequest.textKey(x).equals(FieldRequest.textKey(t)))) {
                out.add(t);
            }
        }
        return out;
    }
}
