package org.bizenv.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.framework.Source;
import org.bizenv.scenario.ScenarioLoader;

/**
 * The files a run reads, found by the code that reads them: the framework file and its unit registry, every
 * source's files in the data and previous-data folders (wherever a source's path leads, {@link Intake#filesOf}), the
 * previous report, the scenario files and the workbooks they name. The restart fingerprint covers exactly these, so
 * that fixing any of them starts a fresh run, and nothing else (a job repository or reports folder beside the
 * framework file) keeps a failed run from being restarted.
 */
final class RunInputs {

    private RunInputs() {
    }

    static List<Path> of(EvaluationRequest request) {
        return of(request, frameworkOrNull(request.framework()));
    }

    /** As {@link #of(EvaluationRequest)}, with the request's framework already parsed (null: it cannot be read). */
    static List<Path> of(EvaluationRequest request, Framework fw) {
        return of(request.framework(), fw, dataFolders(request), request.previousReport(),
                request.robustness().uncertainty(), request.robustness().scenarios());
    }

    /**
     * The files a run of {@code framework} (parsed: {@code fw}, or null) reads from {@code dataFolders} and the other
     * files given (each may be null or empty); the intake's own files are those without a previous report.
     */
    static List<Path> of(Path framework, Framework fw, List<Path> dataFolders, Path previousReport, Path uncertainty,
                         List<Path> scenarios) {
        Set<Path> files = new LinkedHashSet<>();
        files.add(framework);
        if (fw != null) {
            if (fw.unitsFile() != null) {
                files.add(fw.unitsFile());
            }
            for (Path folder : dataFolders) {
                for (Source s : fw.sources()) {
                    files.addAll(Intake.filesOf(s, folder));
                }
            }
        }
        if (previousReport != null) {
            files.add(previousReport);
        }
        if (uncertainty != null) {
            files.add(uncertainty);
        }
        for (Path scenario : scenarios) {
            files.add(scenario);
            files.addAll(ScenarioLoader.referencedFiles(scenario));
        }
        return files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    }

    private static List<Path> dataFolders(EvaluationRequest request) {
        List<Path> out = new ArrayList<>();
        out.add(request.data());
        if (request.previousData() != null) {
            out.add(request.previousData());
        }
        return out;
    }

    /**
     * The framework, or null when it cannot be read: the job then fails on it and says why in its words; the
     * framework file's own hash still changes once it is fixed, so the fixed run is a fresh one.
     */
    static Framework frameworkOrNull(Path file) {
        try {
            return FrameworkLoader.load(file);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
