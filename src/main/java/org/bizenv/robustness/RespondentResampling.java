package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.survey.PackedPatterns;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyResults;

/**
 * Draws bootstrap replicates of the survey respondents and turns each into survey indicators, compiled once.
 *
 * <p><b>The draw.</b> Within every unit and size class with n respondents, a replicate draws n respondents with
 * replacement: n uniform draws over the cell's respondent slots, each slot standing for its answer pattern, counted
 * per pattern. That is exactly a multinomial(n; c₁/n, …, c_K/n) draw of pattern counts, so the size mix of the
 * respondents, and with it the post-stratification, is kept, and a respondent's answers stay together. The cost is
 * n draws per cell ({@link Rng#nextInts}: the values of n calls of nextInt(n)), each then adding its pattern's packed
 * answers ({@link PackedPatterns#tallyDrawn}: the same integers as counting the patterns first and summing count ×
 * pattern, without the counts), never one per row and question.
 *
 * <p><b>The statistics.</b> The tallies go through {@link PackedPatterns#statistics} (the sums of
 * {@link SurveyPatterns#results}, packed narrower, into the tallies' own post-stratification), and each survey
 * indicator takes its statistic as {@link SurveyResults#statistic} does, by an index into them worked out once here
 * rather than two map look-ups per unit and replicate; the original counts give the nominal indicators bit for bit
 * ({@link SurveyBootstrap} checks it).
 *
 * <p>Immutable and thread-safe; each caller passes its own {@link Scratch}.
 */
final class RespondentResampling {

    /** One source compiled: its patterns, respondent slots and the indicators it feeds. */
    private record Part(PackedPatterns patterns, int[] cellRows, int[] slotPattern, int[] indicator,
                        boolean[] meanScore, int[][] column, int[][] statistic) {
    }

    /** A survey indicator's value for one unit: indicator j, column k of the survey indicators. */
    record Cell(int indicator, int column) {
    }

    private final SurveyIndicators nominal;
    private final List<Part> parts = new ArrayList<>();
    private final List<Cell> cells = new ArrayList<>();
    private final long respondents;
    private final int patternCount;

    RespondentResampling(Framework fw, SurveySample sample) {
        this.nominal = sample.nominal();
        Map<String, Integer> column = new HashMap<>();
        for (int k = 0; k < nominal.units().size(); k++) {
            column.put(nominal.units().get(k), k);
        }
        long people = 0;
        int kinds = 0;
        boolean[] seen = new boolean[fw.indicators().size()];
        for (SurveyPatterns p : sample.patterns()) {
            int cellsOfSource = p.units().size() * SurveyPatterns.SIZES;
            int[] cellRows = new int[cellsOfSource + 1];
            for (int c = 0; c < cellsOfSource; c++) {
                int n = 0;
                for (int q = p.cellStart()[c]; q < p.cellStart()[c + 1]; q++) {
                    n += p.counts()[q];
                }
                cellRows[c + 1] = cellRows[c] + n;
            }
            int[] slot = new int[cellRows[cellsOfSource]];
            for (int c = 0; c < cellsOfSource; c++) {
                int at = cellRows[c];
                for (int q = p.cellStart()[c]; q < p.cellStart()[c + 1]; q++) {
                    for (int x = 0; x < p.counts()[q]; x++) {
                        slot[at++] = q;
                    }
                }
            }
            List<Integer> js = new ArrayList<>();
            for (int j = 0; j < fw.indicators().size(); j++) {
                if (fw.indicators().get(j).source().equals(p.source())) {
                    js.add(j);
                }
            }
            int[] ind = js.stream().mapToInt(Integer::intValue).toArray();
            boolean[] mean = new boolean[ind.length];
            int[][] col = new int[ind.length][p.units().size()];
            int[][] at = new int[ind.length][p.units().size()];
            for (int a = 0; a < ind.length; a++) {
                Indicator i = fw.indicators().get(ind[a]);
                mean[a] = i.statistic().equals(SurveyResults.MEAN_SCORE);
                int q = p.questions().indexOf(i.field());
                for (int u = 0; u < p.units().size(); u++) {
                    Integer k = column.get(p.units().get(u));
                    boolean used = k != null && nominal.provenance()[ind[a]][k] != null;
                    if (used && q < 0) {
                        throw new IllegalArgumentException("no results for unit '" + p.units().get(u)
                                + "', question '" + i.field() + "'");
                    }
                    col[a][u] = used ? k : -1;
                    at[a][u] = u * p.questions().size() + q;
                    seen[ind[a]] |= used;
                }
            }
            parts.add(new Part(new PackedPatterns(p), cellRows, slot, ind, mean, col, at));
            people += p.respondents();
            kinds += p.patternCount();
        }
        for (int j = 0; j < seen.length; j++) {
            for (int k = 0; k < nominal.units().size(); k++) {
                if (seen[j] && nominal.provenance()[j][k] != null) {
                    cells.add(new Cell(j, k));
                }
            }
        }
        this.respondents = people;
        this.patternCount = kinds;
    }

    /**
     * Per caller: the draws of one cell (as pattern indices), per source the tallies (count, sum and favourable per
     * unit × size × question) and pattern counts for the cells too large to pack (all 0 between calls).
     */
    final class Scratch {
        final int[][] counts = new int[parts.size()][];
        final int[][] count = new int[parts.size()][];
        final int[][] sum = new int[parts.size()][];
        final int[][] favourable = new int[parts.size()][];
        final int[] draws;

        Scratch() {
            int widest = 0;
            for (int s = 0; s < counts.length; s++) {
                Part part = parts.get(s);
                counts[s] = new int[part.patterns().patterns().patternCount()];
                count[s] = new int[part.patterns().tallies()];
                sum[s] = new int[count[s].length];
                favourable[s] = new int[count[s].length];
                for (int c = 0; c + 1 < part.cellRows().length; c++) {
                    widest = Math.max(widest, part.cellRows()[c + 1] - part.cellRows()[c]);
                }
            }
            draws = new int[widest];
        }
    }

    Scratch scratch() {
        return new Scratch();
    }

    /** The survey indicators' (indicator, unit column) pairs that come from resampled answers, indicator-major. */
    List<Cell> cells() {
        return cells;
    }

    SurveyIndicators nominal() {
        return nominal;
    }

    long respondents() {
        return respondents;
    }

    int patterns() {
        return patternCount;
    }

    /**
     * The survey indicators of the original sample: every respondent drawn once, through the replicates' own path
     * (so that {@link SurveyBootstrap}'s check of the original sample checks that path).
     */
    SurveyIndicators original() {
        return draw(null, new Scratch());
    }

    /** A replicate: every cell's respondents drawn anew from {@code rng} (source by source, cell by cell). */
    SurveyIndicators replicate(Rng rng, Scratch scratch) {
        return draw(rng, scratch);
    }

    /** Draws every cell's respondents from {@code rng} (null: each respondent once) and tallies them. */
    private SurveyIndicators draw(Rng rng, Scratch scratch) {
        for (int s = 0; s < parts.size(); s++) {
            Part part = parts.get(s);
            int[] cellRows = part.cellRows();
            int[] slot = part.slotPattern();
            int[] draws = scratch.draws;
            for (int c = 0; c + 1 < cellRows.length; c++) {
                int from = cellRows[c];
                int n = cellRows[c + 1] - from;
                if (rng == null) {
                    System.arraycopy(slot, from, draws, 0, n);
                } else if (n > 0) {
                    rng.nextInts(n, draws, n);           // n calls of rng.nextInt(n), in one loop
                    for (int t = 0; t < n; t++) {
                        draws[t] = slot[from + draws[t]];   // the drawn respondent's pattern
                    }
                }
                part.patterns().tallyDrawn(c, draws, n, scratch.counts[s], scratch.count[s], scratch.sum[s],
                        scratch.favourable[s]);
            }
        }
        return indicators(scratch);
    }

    private SurveyIndicators indicators(Scratch scratch) {
        double[][] values = nominal.values().clone();
        for (int s = 0; s < parts.size(); s++) {
            Part part = parts.get(s);
            PackedPatterns.Statistics res = part.patterns().statistics(scratch.count[s], scratch.sum[s],
                    scratch.favourable[s]);
            for (int a = 0; a < part.indicator().length; a++) {
                int j = part.indicator()[a];
                if (values[j] == nominal.values()[j]) {
                    values[j] = values[j].clone();
                }
                int[] column = part.column()[a];
                for (int u = 0; u < column.length; u++) {
                    if (column[u] >= 0) {
                        values[j][column[u]] = res.of(part.meanScore()[a], part.statistic()[a][u]);
                    }
                }
            }
        }
        return new SurveyIndicators(nominal.units(), values, nominal.provenance(), nominal.warnings());
    }
}
