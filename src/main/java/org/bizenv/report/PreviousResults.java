package org.bizenv.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.InputDataException;
import org.bizenv.ingest.Location;
import org.bizenv.scoring.Build;

import tools.jackson.core.JacksonException;
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

    /**
     * Reads a bizenv JSON report (format 1.0, 1.1 or {@value Report#SCHEMA_VERSION}: {@code meta.year} and the {@code ranking}
     * rows' unit, score and rank); a file that is not one is an input error naming it.
     */
    public static PreviousResults read(Path json) {
        String label = json.toString();
        try {
            JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
            JsonNode meta = root.path("meta");
            JsonNode ranking = root.path("ranking");
            if (!meta.path("year").isNumber() || !ranking.isArray()) {
                throw problem(label, "not a bizenv JSON report (no meta.year or ranking)");
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            Map<String, Integer> ranks = new LinkedHashMap<>();
            for (JsonNode row : ranking) {
                String unit = row.path("unit").asString(null);
                if (unit == null) {
                    throw problem(label, "a ranking row has no unit");
                }
                if (row.path("score").isNumber()) {
                    scores.put(unit, row.path("score").asDouble());
                }
                if (row.path("rank").isNumber()) {
                    ranks.put(unit, row.path("rank").asInt());
                }
            }
            return new PreviousResults(meta.path("year").asInt(), scores, ranks, "last year's report " + json.getFileName());
        } catch (IOException e) {
            throw problem(label, "cannot read: " + e.getMessage());
        } catch (JacksonException e) {
            throw problem(label, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static InputDataException problem(String file, String message) {
        return new InputDataException(java.util.List.of(new DataProblem(Location.ofFile(file), message)));
    }
}
