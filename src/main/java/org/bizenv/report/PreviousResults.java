package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Location;
import org.bizenv.scoring.Build;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Last year's index scores and ranks by unit, for the year-over-year comparison and the improvement ranking, and its
 * dimension scores and ranks, for each dimension's change: either as published (last year's JSON report, which may
 * have used other weights) or re-scored from last year's data with this year's framework.
 *
 * @param dimensionScores by dimension code, the units' scores; a dimension that last year's results do not have is
 *                        absent (not invented), a unit they do not score on it is absent from its map
 * @param dimensionRanks  by dimension code, the units' ranks (ranked units only)
 * @param source          where they came from, in words
 */
public record PreviousResults(int year, Map<String, Double> scores, Map<String, Integer> ranks,
                              Map<String, Map<String, Double>> dimensionScores,
                              Map<String, Map<String, Integer>> dimensionRanks, String source) {

    public PreviousResults {
        scores = Map.copyOf(scores);
        ranks = Map.copyOf(ranks);
        dimensionScores = copy(dimensionScores);
        dimensionRanks = copy(dimensionRanks);
    }

    /** Last year's index results without any dimension's. */
    public PreviousResults(int year, Map<String, Double> scores, Map<String, Integer> ranks, String source) {
        this(year, scores, ranks, Map.of(), Map.of(), source);
    }

    /** Last year's data scored with this year's framework: the index's and every dimension's scores and ranks. */
    public static PreviousResults of(Build previous, int year) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        collect(previous, previous.indexScores(), previous.indexRanks(), scores, ranks);
        Map<String, Map<String, Double>> dimScores = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dimRanks = new LinkedHashMap<>();
        var tree = previous.framework().tree();
        for (int d : tree.childNodes(tree.root())) {
            String code = previous.framework().nodes().get(d).code();
            collect(previous, previous.nodeScores()[d], previous.nodeRanks()[d],
                    dimScores.computeIfAbsent(code, k -> new LinkedHashMap<>()),
                    dimRanks.computeIfAbsent(code, k -> new LinkedHashMap<>()));
        }
        return new PreviousResults(year, scores, ranks, dimScores, dimRanks,
                "re-scored from last year's data with this framework");
    }

    private static void collect(Build b, double[] s, int[] r, Map<String, Double> scores,
                                Map<String, Integer> ranks) {
        for (int i = 0; i < b.unitCount(); i++) {
            String unit = b.units().get(i).code();
            if (!Double.isNaN(s[i])) {
                scores.put(unit, s[i]);
            }
            if (r[i] > 0) {
                ranks.put(unit, r[i]);
            }
        }
    }

    private static <V> Map<String, Map<String, V>> copy(Map<String, Map<String, V>> byDimension) {
        Map<String, Map<String, V>> out = new LinkedHashMap<>();
        if (byDimension != null) {
            byDimension.forEach((k, v) -> out.put(k, Map.copyOf(v)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The report formats (meta.schemaVersion) whose ranking rows this version reads: unit, score and rank, and the
     * dimension scores and ranks where a row has them (every format requires them; read leniently all the same).
     */
    static final List<String> READABLE_SCHEMAS = List.of("1.0", "1.1", Report.SCHEMA_VERSION);
    private static final String VALID = "--previous-report takes the JSON report an earlier bizenv run wrote "
            + "(bizenv-report-<year>.json), as it was written";
    private static final int LISTED = 5;
    private static final String READABLE = String.join(", ", READABLE_SCHEMAS.subList(0, READABLE_SCHEMAS.size() - 1))
            + " and " + READABLE_SCHEMAS.get(READABLE_SCHEMAS.size() - 1);

    /**
     * Reads a bizenv JSON report (format 1.0, 1.1 or {@value Report#SCHEMA_VERSION}: {@code meta.year} and the {@code
     * ranking} rows' unit, score and rank). A file that is not one is an {@link InputDataException} naming it, with
     * the line and column where the JSON breaks off, or every field that is missing or of the wrong type, and what
     * a valid previous report is.
     */
    public static PreviousResults read(Path json) {
        String label = json.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(json);
        } catch (NoSuchFileException e) {
            throw problem(label, "no such file; " + VALID);
        } catch (IOException e) {
            throw problem(label, "cannot read: " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(bytes);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at != null && at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": " : "";
            throw problem(label, where + "not valid JSON (" + withoutSource(e.getOriginalMessage()) + "); " + VALID);
        }
        if (root == null || root.isMissingNode()) {
            throw problem(label, "the file is empty; " + VALID);
        }
        if (!root.isObject()) {
            throw problem(label, "not a bizenv JSON report: the file holds a JSON " + root.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + ", not an object with meta and ranking; " + VALID);
        }
        JsonNode version = root.path("meta").path("schemaVersion");
        if (!version.isString()) {
            throw problem(label, "not a bizenv JSON report: it has no meta.schemaVersion; " + VALID);
        }
        if (!READABLE_SCHEMAS.contains(version.asString())) {
            throw problem(label, "a bizenv JSON report of schema " + version.asString() + ", which this version of "
                    + "bizenv does not read (it reads schema " + READABLE + "): "
                    + "score last year's data again with --previous-data, or use a report of a readable schema");
        }
        List<String> wrong = new ArrayList<>();
        JsonNode year = root.path("meta").path("year");
        if (!year.isIntegralNumber()) {
            wrong.add("meta.year " + (year.isMissingNode() ? "is missing" : "is " + year + ", not a whole number"));
        }
        JsonNode ranking = root.path("ranking");
        if (!ranking.isArray()) {
            wrong.add("ranking " + (ranking.isMissingNode() ? "is missing" : "is not a list"));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, Map<String, Double>> dimScores = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> dimRanks = new LinkedHashMap<>();
        for (int i = 0; ranking.isArray() && i < ranking.size(); i++) {
            JsonNode row = ranking.get(i);
            String at = "ranking[" + i + "]";
            JsonNode unit = row.path("unit");
            JsonNode score = row.path("score");
            JsonNode rank = row.path("rank");
            if (!unit.isString() || unit.asString().isBlank()) {
                wrong.add(at + (unit.isMissingNode() ? " has no unit" : ".unit is " + unit + ", not a unit code"));
            }
            if (!score.isNumber() && !score.isNull()) {
                wrong.add(at + (score.isMissingNode() ? " has no score" : ".score is " + score + ", not a number"));
            }
            if (!(rank.isIntegralNumber() && rank.asInt() >= 1) && !rank.isNull()) {
                wrong.add(at + (rank.isMissingNode() ? " has no rank" : ".rank is " + rank + ", not a rank (1, 2, …)"));
            }
            if (unit.isString() && score.isNumber()) {
                scores.put(unit.asString(), score.asDouble());
            }
            if (unit.isString() && rank.isIntegralNumber()) {
                ranks.put(unit.asString(), rank.asInt());
            }
            dimensions(row.path("dimensionScores"), at + ".dimensionScores", unit, dimScores, wrong,
                    v -> v.isNumber() ? v.asDouble() : null, "not a number");
            dimensions(row.path("dimensionRanks"), at + ".dimensionRanks", unit, dimRanks, wrong,
                    v -> v.isIntegralNumber() && v.asInt() >= 1 ? v.asInt() : null, "not a rank (1, 2, …)");
        }
        if (!wrong.isEmpty()) {
            throw problem(label, "not a bizenv JSON report of schema " + version.asString() + ": "
                    + String.join("; ", wrong.subList(0, Math.min(LISTED, wrong.size())))
                    + (wrong.size() > LISTED ? "; and " + (wrong.size() - LISTED) + " more" : "") + "; " + VALID);
        }
        return new PreviousResults(year.asInt(), scores, ranks, dimScores, dimRanks,
                "last year's report " + json.getFileName());
    }

    /**
     * One row's {@code dimensionScores} or {@code dimensionRanks} (an object keyed by dimension code) into
     * {@code into}: a dimension named there is present even where its value is null (unscored); a row without the
     * object adds nothing; a value of the wrong type is {@code wrong}.
     */
    private static <V> void dimensions(JsonNode byCode, String at, JsonNode unit, Map<String, Map<String, V>> into,
                                       List<String> wrong, java.util.function.Function<JsonNode, V> value,
                                       String not) {
        if (byCode.isMissingNode() || byCode.isNull()) {
            return;
        }
        if (!byCode.isObject()) {
            wrong.add(at + " is " + byCode + ", not an object keyed by dimension code");
            return;
        }
        for (var e : byCode.properties()) {
            Map<String, V> byUnit = into.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
            V v = e.getValue().isNull() ? null : value.apply(e.getValue());
            if (v == null && !e.getValue().isNull()) {
                wrong.add(at + "." + e.getKey() + " is " + e.getValue() + ", " + not);
            } else if (v != null && unit.isString()) {
                byUnit.put(unit.asString(), v);
            }
        }
    }

    /** Jackson's message without the "[Source: …]" it adds about the input, which says nothing to a person. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "").strip();
    }

    private static InputDataException problem(String file, String message) {
        return new InputDataException(List.of(new DataProblem(Location.ofFile(file), message)));
    }
}
