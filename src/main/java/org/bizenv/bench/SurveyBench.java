package org.bizenv.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.bizenv.survey.SurveyCsvReader;
import org.bizenv.survey.SurveyResponse;

/**
 * What the bench's survey figures need: a data folder with a large questionnaire file, and the reference they are
 * measured against, a bare parse-and-sum of the same file in the same JVM (every row read by {@link SurveyCsvReader},
 * its first answer summed: no validation, no tallies, no job).
 */
public final class SurveyBench {

    private SurveyBench() {
    }

    /**
     * A copy of a year's data folder whose survey file has {@code rows} rows: the sample's rows repeated in order, each
     * with a fresh respondent id ({@code M0000001}, …), so that every id is distinct and the file is valid.
     */
    public static Path dataWithRows(Path sample, String surveyPath, Path into, int rows) {
        try {
            try (Stream<Path> files = Files.walk(sample)) {
                for (Path f : files.toList()) {
                    Path to = into.resolve(sample.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            List<String> lines = Files.readAllLines(sample.resolve(surveyPath), StandardCharsets.UTF_8);
            try (BufferedWriter out = Files.newBufferedWriter(into.resolve(surveyPath), StandardCharsets.UTF_8)) {
                out.write(lines.get(0));
                out.newLine();
                for (int i = 0; i < rows; i++) {
                    String line = lines.get(1 + i % (lines.size() - 1));
                    out.write(String.format(Locale.ROOT, "M%07d", i + 1));
                    out.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                    out.newLine();
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows a second of a bare parse-and-sum of the file. */
    public static double bareRowsPerSecond(Path folder, String path) {
        long start = System.nanoTime();
        long n = 0;
        long sum = 0;
        try (SurveyCsvReader reader = new SurveyCsvReader(folder, path, List.of())) {
            for (SurveyResponse r = reader.next(); r != null; r = reader.next()) {
                n++;
                sum += r.answers()[0];
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sum <= 0) {              // the sum is used, so the parse cannot be optimised away
            throw new IllegalStateException("no answers in " + folder.resolve(path));
        }
        return n / seconds;
    }
}
