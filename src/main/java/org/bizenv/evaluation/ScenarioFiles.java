package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.ingest.Tables;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Location;
import org.bizenv.robustness.RobustnessException;
import org.bizenv.robustness.Scenario;
import org.bizenv.scenario.ScenarioLoader;
import org.bizenv.scenario.UncertaintyLoader;
import org.bizenv.scenario.WeightsSheetReader;

/**
 * The scenario files of {@code --scenarios}: a YAML file of scenarios ({@link ScenarioLoader}), or a workbook whose
 * Weights sheet an analyst edited ({@code .xlsx}, {@code .xlsm}; {@link WeightsSheetReader}), which becomes one
 * scenario named after the file. Scenario ids must differ across all files.
 */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** Every scenario of every file, in order; throws {@link RobustnessException} listing every problem. */
    static List<Scenario> load(Framework fw, List<Path> files) {
        List<Scenario> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            Path shown = Path.of(EvaluationRequest.shown(file));   // problems and sources name the file as the user typed it
            try {
                List<Scenario> loaded = isWorkbook(file) ? List.of(fromWorkbook(shown, fw, seen.keySet()))
                        : ScenarioLoader.load(shown, fw);
                for (Scenario s : loaded) {
                    String before = seen.putIfAbsent(s.id(), shown.toString());
                    if (before != null) {
                        problems.add(shown + ": scenario id '" + s.id() + "' is used in " + before + " already");
                    }
                    out.add(s);
                }
            } catch (RobustnessException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new RobustnessException(problems);
        }
        return out;
    }

    /** The problems of {@link #load} as input-data problems, so the job lists them with every other one. */
    static List<DataProblem> check(Framework fw, List<Path> files) {
        try {
            load(fw, files);
            return List.of();
        } catch (RobustnessException e) {
            List<DataProblem> out = new ArrayList<>();
            for (String p : e.problems()) {
                int at = p.indexOf(": ");
                out.add(at < 0 ? new DataProblem(Location.ofFile("scenarios"), p)
                        : new DataProblem(Location.ofFile(p.substring(0, at)), p.substring(at + 2)));
            }
            return out;
        }
    }

    /** The uncertainty file's inputs (null: no file); throws {@link RobustnessException} listing every problem. */
    static UncertaintyLoader.UncertaintyFile loadUncertainty(Framework fw, Path file) {
        return file == null ? null : UncertaintyLoader.load(Path.of(EvaluationRequest.shown(file)), fw);
    }

    /** The problems of {@link #loadUncertainty} as input-data problems. */
    static List<DataProblem> checkUncertainty(Framework fw, Path file) {
        try {
            loadUncertainty(fw, file);
            return List.of();
        } catch (RobustnessException e) {
            List<DataProblem> out = new ArrayList<>();
            for (String p : e.problems()) {
                int at = p.indexOf(": ");
                out.add(at < 0 ? new DataProblem(Location.ofFile("uncertainty"), p)
                        : new DataProblem(Location.ofFile(p.substring(0, at)), p.substring(at + 2)));
            }
            return out;
        }
    }

    static boolean isWorkbook(Path file) {
        return Tables.isWorkbook(file.getFileName().toString());
    }

    /** The edited Weights sheet of a report: the scenario's id is the file name without extension, made valid. */
    private static Scenario fromWorkbook(Path file, Framework fw, java.util.Set<String> taken) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        String id = stem.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (id.isEmpty()) {
            id = "weights";
        } else if (id.equals("nominal")) {
            id = "nominal-weights";         // "nominal" is the framework's own choices
        }
        String unique = id;
        for (int k = 2; taken.contains(unique); k++) {
            unique = id + "-" + k;
        }
        return WeightsSheetReader.read(file, null, fw, unique, new Names("权重表 " + name, "Weights sheet of " + name));
    }
}
