package org.bizenv.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folder where one job instance keeps the named data sets its steps hand to each other (ingested values, survey
 * statistics, the scored report). Because they live on disk beside the job repository, a restarted run picks up the
 * completed steps' results instead of redoing them.
 *
 * <p>One workspace serves one job execution (a job-scoped bean), and it also keeps what that execution saved: a later
 * step of the same execution is handed the very object a step saved instead of parsing its file back (in a cold run,
 * reading the data sets back cost about a tenth of a second, mostly Jackson building its readers). Only a restart (a
 * new execution, a new workspace) or a data set another process saved reads the file. The file stays the record:
 * saved before the step completes, read back by a restart, and the restart tests check that a run continued from
 * the files publishes the same bytes as one that kept its objects. The objects saved are not changed afterwards by
 * their steps, and the steps that load them only read them.
 */
public final class Workspace {

    /** The named data sets the steps hand over, by the step that saves them. */
    static final String INTAKE_CURRENT = "intake-current";
    static final String INTAKE_PREVIOUS = "intake-previous";
    static final String INTAKE_PROBLEMS = "intake-problems";
    static final String SURVEY_CURRENT = "survey-current";
    static final String SURVEY_PREVIOUS = "survey-previous";
    /** This year's survey answers as patterns per city and size class, for the survey bootstrap. */
    static final String SURVEY_PATTERNS = "survey-patterns-current";
    /** This year's survey detail per survey source: standard errors, breakdowns by industry and size class. */
    static final String SURVEY_DETAIL = "survey-detail-current";
    /** The survey partitions' names, per file in file order ({@link SurveyPartitioner}). */
    static final String SURVEY_PLAN = "survey-partitions";
    /** A survey partition's counts, respondents and problems: this prefix and the partition's name. */
    static final String SURVEY_PART = "survey-part-";
    static final String REPORT = "report";

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Path dir;
    /** What this execution saved, by data set name (survey partitions save from their own threads). */
    private final Map<String, Object> saved = new ConcurrentHashMap<>();

    public Workspace(Path dir) {
        this.dir = dir;
    }

    /** The workspace of one job instance under the job repository's folder (a restart finds its instance's). */
    static Workspace of(Path repository, long instance) {
        return new Workspace(repository.resolve("work").resolve("instance-" + instance));
    }

    public Path dir() {
        return dir;
    }

    /**
     * A data set and its file's bytes, serialised before it is saved: the intake serialises what it read on the
     * thread that read it, ahead of the job when a command line reads ahead ({@link IntakeAhead}), so that the step
     * only writes the bytes (in a cold run Jackson's first serialisation costs some 0.1 s).
     */
    record Serialised(Object value, byte[] json) {
        static Serialised of(Object value) {
            return new Serialised(value, MAPPER.writeValueAsBytes(value));
        }
    }

    /** Writes a data set atomically (temp file, then move) so a crash never leaves half a file for a restart. */
    public void save(String name, Object value) {
        save(name, value, null);
    }

    /** As {@link #save(String, Object)}, the data set serialised already (the same bytes). */
    void save(String name, Serialised data) {
        save(name, data.value(), data.json());
    }

    private void save(String name, Object value, byte[] json) {
        String what = "cannot write the data set '" + name + "' to " + dir;
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, name, ".tmp");
            if (json != null) {
                Files.write(tmp, json);
            } else {
                MAPPER.writeValue(tmp.toFile(), value);
            }
            Files.move(tmp, dir.resolve(name + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            saved.put(name, value);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException(what, e);
        } catch (JacksonException e) {                    // Jackson 3 reports a failed write (disk full…) unchecked
            deleteQuietly(tmp);
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IOException io) {
                    throw new UncheckedIOException(what, io);
                }
            }
            throw e;
        }
    }

    /** A half-written temp file is no use to a restart. */
    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ignored) {
            // the save failed already; that is what is reported
        }
    }

    /** A data set: the object itself when this execution saved it, else read from its file (a restart). */
    public <T> T load(String name, Class<T> type) {
        Object kept = saved.get(name);
        return type.isInstance(kept) ? type.cast(kept) : read(name, type);
    }

    /**
     * A data set with one reader, as {@link #load} gives it, no longer kept in memory afterwards: a survey partition's
     * counts and respondents are large, and the merge holds one partition's at a time.
     */
    public <T> T take(String name, Class<T> type) {
        Object kept = saved.remove(name);
        return type.isInstance(kept) ? type.cast(kept) : read(name, type);
    }

    private <T> T read(String name, Class<T> type) {
        Path file = dir.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the data set '" + name + "' of an earlier step is missing from " + dir
                    + ", so this run cannot be restarted; start afresh with another --repository folder (or delete "
                    + dir.getParent().getParent() + ")");
        }
        return MAPPER.readValue(file.toFile(), type);
    }
}
