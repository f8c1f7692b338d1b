package org.bizenv.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bizenv.ingest.Location;
import org.bizenv.ingest.SourceValues;

/**
 * Survey indicators per unit and question (see {@link SurveyAggregator#results}): the number of valid answers
 * (per size class and in all), the post-stratified mean score and share favourable (0–100, NaN without
 * answers) with their standard errors, and whether the number of answers is below the minimum sample. Immutable.
 */
public final class SurveyResults {

    public static final String MEAN_SCORE = "mean-score";
    public static final String SHARE_FAVOURABLE = "share-favourable";
    private static final int SIZES = SizeClass.values().length;

    private final List<String> units;
    private final List<String> questions;
    private final double[] sizeMix;
    private final int minSample;
    private final int[] n;
    private final double[] score;
    private final double[] share;
    private final double[] scoreSe;
    private final double[] shareSe;
    private final Map<String, Integer> unitIndex = new HashMap<>();
    private final Map<String, Integer> questionIndex = new HashMap<>();

    SurveyResults(List<String> units, List<String> questions, double[] sizeMix, int minSample,
                  Poststratification.Cells cells) {
        this.units = List.copyOf(units);
        this.questions = List.copyOf(questions);
        this.sizeMix = sizeMix;
        this.minSample = minSample;
        this.n = cells.n();
        this.score = cells.score();
        this.share = cells.share();
        this.scoreSe = cells.scoreSe();
        this.shareSe = cells.shareSe();
        for (int i = 0; i < this.units.size(); i++) {
            unitIndex.put(this.units.get(i), i);
        }
        for (int i = 0; i < this.questions.size(); i++) {
            questionIndex.put(this.questions.get(i), i);
        }
    }

    /** Expected units first (in their order), then the others by code. */
    public List<String> units() {
        return units;
    }

    public List<String> questions() {
        return questions;
    }

    /** The weights of micro, small, medium the results were post-stratified to. */
    public double[] sizeMix() {
        return sizeMix.clone();
    }

    public int minSample() {
        return minSample;
    }

    /** Valid answers to the question in the unit, all size classes. */
    public int n(String unit, String question) {
        int base = index(unit, question) * SIZES;
        int total = 0;
        for (int s = 0; s < SIZES; s++) {
            total += n[base + s];
        }
        return total;
    }

    /** Valid answers to the question in the unit from one size class. */
    public int n(String unit, SizeClass size, String question) {
        return n[index(unit, question) * SIZES + size.ordinal()];
    }

    /** Post-stratified mean of (a − 1)/4 · 100; NaN without answers. */
    public double meanScore(String unit, String question) {
        return score[index(unit, question)];
    }

    /** Post-stratified percent of answers ≥ 4; NaN without answers. */
    public double shareFavourable(String unit, String question) {
        return share[index(unit, question)];
    }

    /**
     * The statistic an indicator reads: {@value #MEAN_SCORE} → {@link #meanScore}, anything else →
     * {@link #shareFavourable} (the framework loader admits only the two).
     */
    public double statistic(String statistic, String unit, String question) {
        return statistic.equals(MEAN_SCORE) ? meanScore(unit, question) : shareFavourable(unit, question);
    }

    /**
     * The standard error of {@link #statistic} under the post-stratification ({@link Poststratification}); NaN
     * without answers, for a bootstrap replicate (no sums of squares), or when no size class has two answers.
     */
    public double standardError(String statistic, String unit, String question) {
        int i = index(unit, question);
        return statistic.equals(MEAN_SCORE) ? scoreSe[i] : shareSe[i];
    }

    /** The arrays as computed, for the breakdowns by size class. */
    Poststratification.Cells cells() {
        return new Poststratification.Cells(n, score, share, scoreSe, shareSe);
    }

    /** Whether fewer than {@link #minSample()} valid answers support the values. */
    public boolean lowSample(String unit, String question) {
        return n(unit, question) < minSample;
    }

    /**
     * One statistic as source values (fields = questions), for the rest of the engine.
     *
     * @param statistic {@value #MEAN_SCORE} or {@value #SHARE_FAVOURABLE}
     * @param where     the location every value is traced to (the survey file)
     */
    public SourceValues values(String statistic, String sourceId, Location where) {
        double[] v = switch (statistic) {
            case MEAN_SCORE -> score;
            case SHARE_FAVOURABLE -> share;
            default -> throw new IllegalArgumentException(
                    "unknown survey statistic '" + statistic + "' (mean-score or share-favourable)");
        };
        SourceValues.Builder b = new SourceValues.Builder(sourceId, questions, units);
        for (int u = 0; u < units.size(); u++) {
            for (int q = 0; q < questions.size(); q++) {
                b.set(u, q, v[u * questions.size() + q], where);
            }
        }
        return b.build();
    }

    private int index(String unit, String question) {
        Integer u = unitIndex.get(unit);
        Integer q = questionIndex.get(question);
        if (u == null || q == null) {
            throw new IllegalArgumentException("no results for unit '" + unit + "', question '" + question + "'");
        }
        return u * questions.size() + q;
    }
}
