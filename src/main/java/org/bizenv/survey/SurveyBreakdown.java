package org.bizenv.survey;

import java.util.List;

/**
 * Every question's statistics per unit broken down by the respondents' industry and by their size class
 * ({@link SurveyAggregator#breakdown}). An industry's value is post-stratified to the size mix like the unit's own
 * (so industries are compared at the same mix of firm sizes, whichever sizes happened to answer); a size class's value
 * is that class's plain statistic. Each comes with the number of valid answers behind it; a cell with fewer than the
 * source's minimum sample is {@link #thin}. Immutable.
 */
public final class SurveyBreakdown {

    /** The industry of rows whose Industry field is blank. */
    public static final String NOT_GIVEN = "";

    private static final int SIZES = Poststratification.SIZES;

    private final List<String> units;
    private final List<String> questions;
    private final List<String> industries;
    private final int minSample;
    private final Poststratification.Cells byIndustry;
    private final Poststratification.Cells[] bySize;

    SurveyBreakdown(List<String> units, List<String> questions, List<String> industries, int minSample,
                    Poststratification.Cells byIndustry, Poststratification.Cells[] bySize) {
        this.units = List.copyOf(units);
        this.questions = List.copyOf(questions);
        this.industries = List.copyOf(industries);
        this.minSample = minSample;
        this.byIndustry = byIndustry;
        this.bySize = bySize.clone();
    }

    public List<String> units() {
        return units;
    }

    public List<String> questions() {
        return questions;
    }

    /** The industries named by valid rows, sorted, {@link #NOT_GIVEN} last. */
    public List<String> industries() {
        return industries;
    }

    public int minSample() {
        return minSample;
    }

    /** Valid answers to question {@code q} from unit {@code u}'s firms of industry {@code i} (indices). */
    public int industryAnswers(int u, int i, int q) {
        int at = ((u * industries.size() + i) * questions.size() + q) * SIZES;
        int total = 0;
        for (int s = 0; s < SIZES; s++) {
            total += byIndustry.n()[at + s];
        }
        return total;
    }

    /** The statistic over those firms, post-stratified to the size mix; NaN without answers. */
    public double industryValue(String statistic, int u, int i, int q) {
        int at = (u * industries.size() + i) * questions.size() + q;
        return statistic.equals(SurveyResults.MEAN_SCORE) ? byIndustry.score()[at] : byIndustry.share()[at];
    }

    /** Valid answers to question {@code q} from unit {@code u}'s firms of one size class. */
    public int sizeAnswers(int u, SizeClass size, int q) {
        return bySize[size.ordinal()].n()[(u * questions.size() + q) * SIZES + size.ordinal()];
    }

    /** The statistic over those firms; NaN without answers. */
    public double sizeValue(String statistic, int u, SizeClass size, int q) {
        var c = bySize[size.ordinal()];
        int at = u * questions.size() + q;
        return statistic.equals(SurveyResults.MEAN_SCORE) ? c.score()[at] : c.share()[at];
    }

    /** Whether a cell of this many answers is under the minimum sample (an empty cell is not: it has no value). */
    public boolean thin(int answers) {
        return answers > 0 && answers < minSample;
    }
}
