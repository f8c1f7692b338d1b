package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
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
 * n draws per cell plus one pass over the cell's patterns, never one per row and question.
 *
 * <p><b>The statistics.</b> Replicate counts go through {@link SurveyPatterns#results} into
 * {@code SurveyAggregator.poststratified}, the tallies' own computation, and each survey indicator takes its statistic
 * by {@link SurveyResults#statistic}, as {@code SurveyTally} does; the original counts give the nominal indicators
 * bit for bit ({@link SurveyBootstrap} checks it).
 *
 * <p>Immutable and thread-safe; each caller passes its own {@link Scratch}.
 */
final class RespondentResampling {

    /** One source compiled: its patterns, respondent slots and the indicators it feeds. */
    private record Part(SurveyPatterns patterns, int[] cellRows, int[] slotPattern, int[] indicator, String[] field,
                        String[] statistic, int[][] column) {
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
            String[] field = new String[ind.length];
            String[] stat = new String[ind.length];
            int[][] col = new int[ind.length][p.units().size()];
            for (int a = 0; a < ind.length; a++) {
                Indicator i = fw.indicators().get(ind[a]);
                field[a] = i.field();
                stat[a] = i.statistic();
                for (int u = 0; u < p.units().size(); u++) {
                    Integer k = column.get(p.units().get(u));
                    boolean used = k != null && nominal.provenance()[ind[a]][k] != null;
                    col[a][u] = used ? k : -1;
                    seen[ind[a]] |= used;
                }
            }
            parts.add(new Part(p, cellRows, slot, ind, field, stat, col));
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

    /** Per-caller pattern counts, one array per source. */
    final class Scratch {
        final int[][] counts = new int[parts.size()][];

        Scratch() {
            for (int s = 0; s < counts.length; s++) {
                counts[s] = new int[parts.get(s).patterns().patternCount()];
            }
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

    /** The survey indicators of the original sample (every pattern at its own count). */
    SurveyIndicators original() {
        int[][] counts = new int[parts.size()][];
        for (int s = 0; s < counts.length; s++) {
            counts[s] = parts.get(s).patterns().counts();
        }
        return indicators(counts);
    }

    /** A replicate: every cell's respondents drawn anew from {@code rng} (source by source, cell by cell). */
    SurveyIndicators replicate(Rng rng, Scratch scratch) {
        for (int s = 0; s < parts.size(); s++) {
            Part part = parts.get(s);
            int[] x = scratch.counts[s];
            Arrays.fill(x, 0);
            int[] cellRows = part.cellRows();
            int[] slot = part.slotPattern();
            for (int c = 0; c + 1 < cellRows.length; c++) {
                int from = cellRows[c];
                int n = cellRows[c + 1] - from;
                for (int t = 0; t < n; t++) {
                    x[slot[from + rng.nextInt(n)]]++;
                }
            }
        }
        return indicators(scratch.counts);
    }

    private SurveyIndicators indicators(int[][] counts) {
        double[][] values = nominal.values().clone();
        for (int s = 0; s < parts.size(); s++) {
            Part part = parts.get(s);
            SurveyResults res = part.patterns().results(counts[s]);
            List<String> units = part.patterns().units();
            for (int a = 0; a < part.indicator().length; a++) {
                int j = part.indicator()[a];
                if (values[j] == nominal.values()[j]) {
                    values[j] = values[j].clone();
                }
                for (int u = 0; u < units.size(); u++) {
                    int k = part.column()[a][u];
                    if (k >= 0) {
                        values[j][k] = res.statistic(part.statistic()[a], units.get(u), part.field()[a]);
                    }
                }
            }
        }
        return new SurveyIndicators(nominal.units(), values, nominal.provenance(), nominal.warnings());
    }
}
