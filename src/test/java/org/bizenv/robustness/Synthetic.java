package org.bizenv.robustness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.scoring.Build;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Scorer;
import org.bizenv.scoring.Unit;

/**
 * Synthetic evaluations for tests and the benchmark: a framework file written from a shape (dimensions,
 * sub-dimensions, indicators dealt round-robin), random raw data, loaded and scored by the real engine.
 */
public record Synthetic(Framework framework, RawData data, Build build) {

    /** The shape and methods of a synthetic evaluation; wither-style so tests state only what they vary. */
    public record Spec(int units, int dimensions, int subDimensions, int indicators, long seed, double missing,
                       String indexAggregation, String dimensionAggregation, String subAggregation,
                       String normalisation, boolean rounded, String tiers, boolean randomWeights, double minShare) {

        public static Spec of(int units, int dimensions, int subDimensions, int indicators) {
            return new Spec(units, dimensions, subDimensions, indicators, 1, 0, "arithmetic", "arithmetic",
                    "arithmetic", "{method: minmax, min: 1, max: 100}", true, "{method: quantiles, count: 4}", true, 0);
        }

        public Spec seed(long s) {
            return new Spec(units, dimensions, subDimensions, indicators, s, missing, indexAggregation,
                    dimensionAggregation, subAggregation, normalisation, rounded, tiers, randomWeights, minShare);
        }

        public Spec missing(double share, double minShareOfNodes) {
            return new Spec(units, dimensions, subDimensions, indicators, seed, share, indexAggregation,
                    dimensionAggregation, subAggregation, normalisation, rounded, tiers, randomWeights, minShareOfNodes);
        }

        public Spec aggregation(String index, String dimension, String sub) {
            return new Spec(units, dimensions, subDimensions, indicators, seed, missing, index, dimension, sub,
                    normalisation, rounded, tiers, randomWeights, minShare);
        }

        public Spec normalisation(String spec) {
            return new Spec(units, dimensions, subDimensions, indicators, seed, missing, indexAggregation,
                    dimensionAggregation, subAggregation, spec, rounded, tiers, randomWeights, minShare);
        }

        public Spec ranking(boolean roundedRanks, String tierSpec) {
            return new Spec(units, dimensions, subDimensions, indicators, seed, missing, indexAggregation,
                    dimensionAggregation, subAggregation, normalisation, roundedRanks, tierSpec, randomWeights,
                    minShare);
        }

        public Spec equalWeights() {
            return new Spec(units, dimensions, subDimensions, indicators, seed, missing, indexAggregation,
                    dimensionAggregation, subAggregation, normalisation, rounded, tiers, false, minShare);
        }
    }

    public static Synthetic build(Path dir, Spec spec) {
        SplittableRandom rnd = new SplittableRandom(spec.seed());
        StringBuilder y = new StringBuilder();
        y.append("framework: {id: synthetic, name: {zh: 合成, en: Synthetic}, synthetic: true}\n");
        y.append("ranking: {decimals: 2, compare: ").append(spec.rounded() ? "rounded" : "full").append("}\n");
        y.append("tiers: ").append(spec.tiers()).append('\n');
        y.append("sources: [{id: s, type: unit-table, path: s.csv, unit-column: City}]\n");
        y.append("nodes:\n");
        y.append("  - {code: INDEX, name: {zh: 指数, en: Index}, aggregation: ")
                .append(agg(spec.indexAggregation(), spec.minShare())).append("}\n");
        List<String> leafParents = new ArrayList<>();
        for (int d = 0; d < spec.dimensions(); d++) {
            String code = "D" + (d + 1);
            y.append("  - {code: ").append(code).append(", parent: INDEX, weight: ").append(weight(rnd, spec))
                    .append(", name: {zh: 维度").append(d + 1).append(", en: Dimension ").append(d + 1)
                    .append("}, aggregation: ").append(agg(spec.dimensionAggregation(), spec.minShare())).append("}\n");
            if (spec.subDimensions() == 0) {
                leafParents.add(code);
            }
        }
        for (int s = 0; s < spec.subDimensions(); s++) {
            String parent = "D" + (s % spec.dimensions() + 1);
            String code = parent + ".S" + (s / spec.dimensions() + 1);
            y.append("  - {code: ").append(code).append(", parent: ").append(parent).append(", weight: ")
                    .append(weight(rnd, spec)).append(", name: {en: Sub ").append(code).append("}, aggregation: ")
                    .append(agg(spec.subAggregation(), spec.minShare())).append("}\n");
            leafParents.add(code);
        }
        y.append("indicators:\n");
        int m = spec.indicators();
        String[] codes = new String[m];
        for (int j = 0; j < m; j++) {
            String parent = leafParents.get(j % leafParents.size());
            codes[j] = parent + ".I" + (j / leafParents.size() + 1);
            y.append("  - {code: ").append(codes[j]).append(", parent: ").append(parent).append(", weight: ")
                    .append(weight(rnd, spec)).append(", name: {en: Indicator ").append(codes[j])
                    .append("}, direction: ").append(j % 5 == 4 ? "lower" : "higher").append(", source: s, field: ")
                    .append(codes[j]).append(", normalisation: ").append(spec.normalisation()).append("}\n");
        }
        Path file = dir.resolve("synthetic-" + spec.seed() + "-" + spec.units() + "x" + m + ".yaml");
        try {
            Files.writeString(file, y.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Framework fw = FrameworkLoader.load(file);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < spec.units(); i++) {
            units.add(new Unit(String.format(Locale.ROOT, "U%04d", i + 1),
                    new Names("城市" + (i + 1), "City " + (i + 1)), Map.of("region", i % 2 == 0 ? "east" : "west")));
        }
        double[][] values = new double[m][spec.units()];
        for (int j = 0; j < m; j++) {
            double scale = 1 + rnd.nextDouble() * 99;
            for (int i = 0; i < spec.units(); i++) {
                // a common "city quality" factor plus noise: realistic positive correlation between indicators
                double quality = Math.sin(i * 0.7 + 1) + 1.5;
                values[j][i] = rnd.nextDouble() < spec.missing() ? Double.NaN
                        : scale * (quality + rnd.nextDouble() * 2);
            }
            // keep at least two values so normalisation is defined
            values[j][0] = Double.isNaN(values[j][0]) ? scale : values[j][0];
            values[j][1] = Double.isNaN(values[j][1]) ? 2 * scale : values[j][1];
        }
        RawData data = new RawData(units, values, null, new double[0][], null);
        return new Synthetic(fw, data, Scorer.score(fw, data));
    }

    private static String agg(String method, double minShare) {
        String base = method.startsWith("{") ? method.substring(1, method.length() - 1) : "method: " + method;
        return "{" + base + (minShare > 0 ? ", min-share: " + minShare : "") + "}";
    }

    private static String weight(SplittableRandom rnd, Spec spec) {
        return spec.randomWeights() ? Integer.toString(1 + rnd.nextInt(5)) : "1";
    }
}
