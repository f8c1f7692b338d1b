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
 * Last year's index scores and ranks by unit, for the year-over-year comparison and the improvement ranking: either
 * as published (last year's JSON report, which may have used other weights) or re-scored from last year's data with
 * this year's framework.
 *
 * @param source where they came from, for the report's Sources sheet
 */
public record PreviousResults(int year, Map<String, Double> scores, Map<String, Integer> ranks, String source) {

    public PreviousResults {
        scores = Map.copyOf(scores);
        ranks = Map.copyOf(ranks);
    }

    /** Last year's data scored with this year's framework. */
    public static PreviousResults of(Build previous, int year) {
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < previous.unitCount(); i++) {
            String unit = previous.units().get(i).code();
            if (!Double.isNaN(previous.indexScores()[i])) {
                scores.put(unit, previous.indexScores()[i]);
            }
            if (previous.indexRanks()[i] > 0) {
                ranks.put(unit, previous.indexRanks()[i]);
            }
        }
        return new PreviousResults(year, scores, ranks, "re-scored from last year's data with this framework");
    }

    /** The report formats (meta.schemaVersion) whose ranking rows this version reads: unit, score and rank. */
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
        }
        if (!wrong.isEmpty()) {
            throw problem(label, "not a bizenv JSON report of schema " + version.asString() + ": "
                    + String.join("; ", wrong.subList(0, Math.min(LISTED, wrong.size())))
                    + (wrong.size() > LISTED ? "; and " + (wrong.size() - LISTED) + " more" : "") + "; " + VALID);
        }
        return new PreviousResults(year.asInt(), scores, ranks, "last year's report " + json.getFileName());
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
