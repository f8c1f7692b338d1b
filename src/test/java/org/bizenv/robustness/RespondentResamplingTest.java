package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyPatterns;
import org.bizenv.survey.SurveyResults;
import org.bizenv.survey.SurveyTally;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replicate against the plain path it stands for: one {@code nextInt(n)} per respondent of a cell, counted on the
 * drawn slot's pattern, then {@link SurveyPatterns#results} and {@link SurveyResults#statistic} per unit: the same
 * counts and the same doubles, bit for bit.
 */
class RespondentResamplingTest {

    private static final String YAML = """
            framework: {id: r, name: {en: R}}
            ranking: {decimals: 2, compare: full}
            sources: [{id: s, type: survey, path: survey.csv, min-sample: 1, size-mix: {micro: 0.6, small: 0.3, medium: 0.1}}]
            nodes:
              - {code: INDEX, name: {en: Index}}
            indicators:
              - {code: F, parent: INDEX, weight: 1, name: {en: F}, direction: higher, source: s, field: Q03, statistic: share-favourable}
              - {code: M, parent: INDEX, weight: 1, name: {en: M}, direction: higher, source: s, field: Q01, statistic: mean-score}
              - {code: G, parent: INDEX, weight: 1, name: {en: G}, direction: higher, source: s, field: Q03, statistic: mean-score}
            """;

    @TempDir
    Path tmp;

    @Test
    void aReplicateIsTheRespondentsDrawnOneByOneAndTalliedRowByRow() throws IOException {
        Framework fw = Fixtures.framework(tmp, "fw.yaml", YAML);
        Path data = Files.createDirectories(tmp.resolve("data"));
        List<String> lines = new ArrayList<>(List.of("RespondentId,City,Size,Industry,Q01,Q02,Q03"));
        SplittableRandom rows = new SplittableRandom(17);
        String[] sizes = {"micro", "small", "medium"};
        for (int i = 0; i < 900; i++) {
            // unit c has no medium firm; answers 1–5, some left out
            String unit = "abc".substring(i % 3, i % 3 + 1);
            String size = sizes[unit.equals("c") ? rows.nextInt(2) : rows.nextInt(3)];
            lines.add(i + "," + unit + "," + size + ",x," + answer(rows) + "," + answer(rows) + "," + answer(rows));
        }
        Files.write(data.resolve("survey.csv"), lines);
        SurveyIndicators nominal;
        SurveyPatterns patterns;
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false,
                UnitResolver.identity("unit"), new Problems(), true)) {
            t.readAll();
            nominal = t.indicators();
            patterns = t.patterns();
        }
        RespondentResampling resampling = new RespondentResampling(fw, new SurveySample(List.of(patterns), nominal,
                s -> null));
        assertThat(resampling.cells()).hasSize(9);
        RespondentResampling.Scratch scratch = resampling.scratch();
        Rng rng = new Rng(0);
        Rng plain = new Rng(0);
        for (int r = 0; r < 20; r++) {
            rng.reseed(SurveyBootstrap.resampleSeed(5, r));
            plain.reseed(SurveyBootstrap.resampleSeed(5, r));
            SurveyIndicators got = resampling.replicate(rng, scratch);
            int[] counts = drawnOneByOne(patterns, plain);
            assertThat(scratch.counts[0]).containsOnly(0);   // tallied per draw: no pattern counts left behind
            SurveyResults want = patterns.results(counts);
            for (RespondentResampling.Cell c : resampling.cells()) {
                String unit = nominal.units().get(c.column());
                var indicator = fw.indicators().get(c.indicator());
                assertThat(Double.doubleToRawLongBits(got.values()[c.indicator()][c.column()]))
                        .as("%s of %s, replicate %d", indicator.code(), unit, r)
                        .isEqualTo(Double.doubleToRawLongBits(want.statistic(indicator.statistic(), unit,
                                indicator.field())));
            }
            assertThat(rng.nextLong()).isEqualTo(plain.nextLong());
        }
    }

    private static String answer(SplittableRandom rng) {
        int a = rng.nextInt(6);
        return a == 0 ? "" : Integer.toString(a);
    }

    /** Cell by cell, one nextInt(n) per respondent over the cell's respondent slots (patterns in order, by count). */
    private static int[] drawnOneByOne(SurveyPatterns p, Rng rng) {
        int[] counts = new int[p.patternCount()];
        for (int cell = 0; cell + 1 < p.cellStart().length; cell++) {
            List<Integer> slots = new ArrayList<>();
            for (int k = p.cellStart()[cell]; k < p.cellStart()[cell + 1]; k++) {
                for (int x = 0; x < p.counts()[k]; x++) {
                    slots.add(k);
                }
            }
            for (int t = 0; t < slots.size(); t++) {
                counts[slots.get(rng.nextInt(slots.size()))]++;
            }
        }
        return counts;
    }
}
