package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Source;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyTally;

/**
 * The survey files of one run, numbered in the order they are split, read and merged: this year's survey sources in
 * framework order, then last year's. Made once per job execution and shared by the survey step's partitions (the
 * city registry is read once, not once per partition).
 *
 * @param keepPatterns keep this year's answers as patterns for the survey bootstrap
 */
record SurveyFiles(Framework framework, List<Source> sources, List<Path> years, UnitResolver resolver,
                   boolean keepPatterns) {

    /** @param previousData last year's data folder, or null */
    static SurveyFiles of(Framework framework, Path data, Path previousData, boolean keepPatterns) {
        // the intake step has reported the registry's problems already
        return new SurveyFiles(framework, SurveyTally.sources(framework),
                previousData == null ? List.of(data) : List.of(data, previousData),
                Intake.resolver(framework, new Problems()), keepPatterns);
    }

    int count() {
        return years.size() * sources.size();
    }

    Source source(int file) {
        return sources.get(file % sources.size());
    }

    /** The file's size in bytes; 0 when it cannot be read (its partition reports that). */
    long bytes(int file) {
        try {
            return Files.size(data(file).resolve(source(file).path()));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The year's data folder of a file. */
    Path data(int file) {
        return years.get(year(file));
    }

    /** 0 for this year, 1 for last year. */
    int year(int file) {
        return file / sources.size();
    }

    boolean lastYear(int file) {
        return year(file) > 0;
    }

    /** Answer patterns are kept for this year only: only this year is resampled. */
    boolean keepPatterns(int file) {
        return keepPatterns && !lastYear(file);
    }
}
