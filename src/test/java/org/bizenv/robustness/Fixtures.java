package org.bizenv.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;

/** Small hand-made evaluations for the robustness tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Framework framework(Path dir, String name, String yaml) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, yaml);
            return FrameworkLoader.load(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Units u0, u1, … named 城市i / City i, one per column of {@code values[indicator][unit]}. */
    static RawData data(double[][] values, String... names) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < values[0].length; i++) {
            String en = i < names.length ? names[i] : "City " + i;
            units.add(new Unit("u" + i, new Names("城市" + i, en), Map.of()));
        }
        return new RawData(units, values, null, new double[0][], null);
    }

    static Build score(Path dir, String yaml, double[][] values, String... names) {
        return Scorer.score(framework(dir, "fw.yaml", yaml), data(values, names));
    }

    /**
     * Index = weighted mean of two indicators X and Y taken as they are (normalisation none), weights 1:1, full
     * precision ranks. Units: A (80, 10) → 45, B (20, 60) → 40, C (0, 0) → 0.
     */
    static final String TWO_INDICATORS = """
            framework: {id: two, name: {zh: 两指标, en: Two indicators}}
            ranking: {decimals: 2, compare: full}
            tiers: {method: quantiles, count: 3}
            sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]
            nodes:
              - {code: INDEX, name: {zh: 指数, en: Index}}
            indicators:
              - {code: X, parent: INDEX, weight: 1, name: {zh: 甲, en: X}, direction: higher, source: s, field: X, normalisation: {method: none}}
              - {code: Y, parent: INDEX, weight: 1, name: {zh: 乙, en: Y}, direction: higher, source: s, field: Y, normalisation: {method: none}}
            """;

    static Build twoIndicators(Path dir) {
        return score(dir, TWO_INDICATORS, new double[][] {{80, 20, 0.5}, {10, 60, 0.5}}, "A", "B", "C");
    }
}
