package org.bizenv.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Names;
import org.bizenv.scoring.RawData;
import org.bizenv.scoring.Unit;

/**
 * A scaled synthetic evaluation for benchmarks: {@code dims} dimensions × {@code subs} sub-dimensions ×
 * {@code perSub} indicators, a mix of normalisation methods, objective weights at one level, and {@code units}
 * units with correlated, skewed values and a few gaps. Seeded, so every run measures the same work.
 */
public final class SyntheticSet {

    private SyntheticSet() {
    }

    public record Set(Framework framework, RawData data) {
    }

    public static Set create(Path dir, int units, int dims, int subs, int perSub, long seed) throws IOException {
        StringBuilder y = new StringBuilder();
        y.append("framework: {id: synthetic, name: {en: Synthetic benchmark}}\n")
                .append("sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]\n")
                .append("defaults: {imputation: {method: median}}\n")
                .append("nodes:\n  - {code: INDEX, name: {en: Index}}\n");
        List<String> leaves = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            y.append("  - {code: D").append(d).append(", parent: INDEX, weight: 1, name: {en: D").append(d).append('}')
                    .append(d == 0 ? ", weighting: {method: entropy}" : "").append("}\n");
            for (int s = 0; s < subs; s++) {
                y.append("  - {code: D").append(d).append('S').append(s).append(", parent: D").append(d)
                        .append(", weight: 1, name: {en: D").append(d).append('S').append(s).append("}}\n");
            }
        }
        y.append("indicators:\n");
        int k = 0;
        for (int d = 0; d < dims; d++) {
            for (int s = 0; s < subs; s++) {
                for (int i = 0; i < perSub; i++, k++) {
                    String code = "I" + k;
                    leaves.add(code);
                    boolean lower = k % 3 == 0;
                    String norm = switch (k % 4) {
                        case 0 -> "{method: minmax}";
                        case 1 -> lower ? "{method: goalposts, best: 0, worst: 100}" : "{method: goalposts, best: 100, worst: 0}";
                        case 2 -> "{method: percentile-rank}";
                        default -> "{method: zscore, mean: 50, sd: 10}";
                    };
                    y.append("  - {code: ").append(code).append(", parent: D").append(d).append('S').append(s)
                            .append(", name: {en: ").append(code).append("}, direction: ")
                            .append(lower ? "lower" : "higher").append(", weight: 1, source: s, field: ")
                            .append(code).append(", normalisation: ").append(norm)
                            .append(k % 10 == 0 ? ", treatment: {method: coinr}" : "").append("}\n");
                }
            }
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("synthetic.yaml");
        Files.writeString(file, y);
        Framework fw = FrameworkLoader.load(file);

        SplittableRandom rnd = new SplittableRandom(seed);
        double[] latent = new double[units];
        for (int u = 0; u < units; u++) {
            latent[u] = rnd.nextGaussian();
        }
        double[][] values = new double[leaves.size()][units];
        for (int j = 0; j < values.length; j++) {
            for (int u = 0; u < units; u++) {
                double v = 50 + 12 * latent[u] + 8 * rnd.nextGaussian();
                if (j % 10 == 0) {
                    v = Math.exp(v / 20);                  // skewed, for outlier treatment
                }
                values[j][u] = rnd.nextInt(200) == 0 ? Double.NaN : v;   // 0.5 % gaps, imputed by the median
            }
        }
        List<Unit> us = new ArrayList<>(units);
        for (int u = 0; u < units; u++) {
            us.add(new Unit("u" + u, new Names("u" + u, "u" + u), Map.of("region", "r" + (u % 4))));
        }
        return new Set(fw, new RawData(us, values, null, new double[0][], null));
    }

    /**
     * Writes a set's values as the unit table its framework reads ({@code s.csv} beside {@code synthetic.yaml}), so
     * that the whole job (intake to published reports) can run on it: {@code bizenv run --framework
     * DIR/synthetic.yaml --data DIR}. Gaps are blank cells; numbers in Java's shortest exact form, so the job reads
     * the very values {@link #create} made.
     */
    public static Path writeTable(Path dir, Set set) throws IOException {
        Path file = dir.resolve("s.csv");
        List<Unit> us = set.data().units();
        double[][] v = set.data().values();
        List<String> codes = set.framework().indicators().stream().map(i -> i.code()).toList();
        try (var out = Files.newBufferedWriter(file)) {
            out.write("Unit");
            for (String c : codes) {
                out.write(',');
                out.write(c);
            }
            out.write('\n');
            for (int u = 0; u < us.size(); u++) {
                out.write(us.get(u).code());
                for (double[] row : v) {
                    out.write(',');
                    if (!Double.isNaN(row[u])) {
                        out.write(Double.toString(row[u]));
                    }
                }
                out.write('\n');
            }
        }
        return file;
    }
}
