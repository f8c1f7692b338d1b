package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.bizenv.framework.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's inputs hashed and the intake's inputs read on a thread of their own, started by the command line as soon as
 * it has the request, while the Spring context starts: the job needs the fingerprint only once the context is up, and
 * the intake step's reading (both years' workbooks and tables: {@link IntakeStep.Reading}, plain Java) needs neither
 * Spring nor the job repository. On two cores the context's start leaves the second one partly idle; the reading fills
 * it instead of following the start.
 *
 * <p>The intake step stays the step: Spring Batch records it, and it takes the reading ({@link #take}) only if it is
 * of exactly its inputs (the same paths, under the run's input hashes) and none of the files the intake reads changed
 * since they were read (their list, sizes, modification times and file keys as before the reading); otherwise, or
 * when the read-ahead was dropped (a restart: {@link #drop}), it reads them itself. A problem in a workbook is part of
 * the reading and fails the job where it does today; a fault while reading ahead is thrown by the step, as it would
 * have been thrown reading there.
 */
public final class IntakeAhead {

    private static final Logger log = LoggerFactory.getLogger(IntakeAhead.class);

    /** The inputs the intake step reads, as the job's parameters name them (paths as given: problems quote them). */
    record Inputs(Path framework, Path data, Path previousData, List<Path> scenarios, Path uncertainty) {
        Inputs {
            scenarios = List.copyOf(scenarios);
        }

        static Inputs of(EvaluationRequest r) {
            return new Inputs(r.framework(), r.data(), r.previousData(), r.robustness().scenarios(),
                    r.robustness().uncertainty());
        }

        /** The files the intake reads for these inputs ({@link RunInputs} without a previous report), absolute. */
        List<Path> files(Framework fw) {
            List<Path> folders = previousData == null ? List.of(data) : List.of(data, previousData);
            return RunInputs.of(framework, fw, folders, null, uncertainty, scenarios);
        }
    }

    /** A file as it was: absent, or its size, modification time and key (the inode: a file replaced is another). */
    private record Stamp(long size, FileTime modified, Object key) {
        private static final Stamp ABSENT = new Stamp(-1, null, null);

        static List<Stamp> of(List<Path> files) {
            List<Stamp> out = new ArrayList<>(files.size());
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    out.add(new Stamp(a.size(), a.lastModifiedTime(), a.fileKey()));
                } catch (IOException e) {
                    out.add(ABSENT);
                }
            }
            return out;
        }
    }

    /** The reading of the inputs under {@code hashes}: the files as they were before it, then it or what it threw. */
    private record Read(InputHashes hashes, List<Path> files, List<Stamp> stamps, IntakeStep.Reading reading,
                        Throwable failure) {
    }

    /**
     * The workbooks read ahead one after another: beside the context's start, which keeps the main thread busy, one
     * reader fills the second core; a pool of two took CPU the start needed (measured at load 5–7, twice 6 rounds:
     * the intake's end 1389 / 1408 ms after the log's first line with two, 1294 / 1147 ms with one, 1478 / 1305 ms
     * reading in the step).
     */
    static final int AHEAD_THREADS = 1;

    private final Inputs inputs;
    private final Future<InputHashes> fingerprint;
    private final Future<Read> reading;
    private volatile boolean dropped;

    private IntakeAhead(Inputs inputs, Future<InputHashes> fingerprint, Future<Read> reading) {
        this.inputs = inputs;
        this.fingerprint = fingerprint;
        this.reading = reading;
    }

    /**
     * Starts the fingerprint of the request's inputs ({@link InputHashes}, as the runner would compute it) and, once
     * it is done, the intake's reading, one after the other on one thread: the runner waits for the fingerprint
     * only.
     */
    public static IntakeAhead start(EvaluationRequest request) {
        Inputs in = Inputs.of(request);
        CompletableFuture<InputHashes> fingerprint = new CompletableFuture<>();
        Future<Read> reading = Background.start("inputs-ahead", () -> {
            Framework fw;
            InputHashes hashes;
            try {
                fw = RunInputs.frameworkOrNull(request.framework());        // parsed once for both
                hashes = InputHashes.of(RunInputs.of(request, fw));
            } catch (RuntimeException | Error e) {
                fingerprint.completeExceptionally(e);
                throw e;
            }
            fingerprint.complete(hashes);
            return fw == null ? null : read(fw, in, hashes);                // no framework: the job fails before
        });
        return new IntakeAhead(in, fingerprint, reading);
    }

    private static Read read(Framework fw, Inputs in, InputHashes hashes) {
        List<Path> files = in.files(fw);
        List<Stamp> stamps = Stamp.of(files);
        try {
            return new Read(hashes, files, stamps, IntakeStep.Reading.of(fw, in, hashes, AHEAD_THREADS), null);
        } catch (RuntimeException | Error e) {
            return new Read(hashes, files, stamps, null, e);
        }
    }

    /** The run's input hashes, for {@link EvaluationRunner#run(EvaluationRequest, IntakeAhead)}. */
    public Future<InputHashes> fingerprint() {
        return fingerprint;
    }

    /**
     * The reading, waiting for it, if it is of exactly {@code stepInputs} under {@code stepHashes} and the intake's
     * files ({@code framework}'s) are as they were when it began; else null, and the step reads the inputs itself.
     * What the reading threw is thrown here, as the step would have thrown it.
     */
    IntakeStep.Reading take(Inputs stepInputs, InputHashes stepHashes, Framework framework) {
        if (dropped || !stepInputs.equals(inputs)) {
            drop();
            return null;
        }
        Read r = Background.join(reading);
        if (r == null || r.hashes() != stepHashes) {
            return null;
        }
        List<Path> now;
        try {
            now = stepInputs.files(framework);
        } catch (RuntimeException e) {
            return null;                                        // the step's own reading says what is wrong
        }
        if (!now.equals(r.files()) || !Stamp.of(now).equals(r.stamps())) {
            log.info("Input files changed while the job started: the intake reads them again");
            return null;
        }
        if (r.failure() instanceof RuntimeException e) {
            throw e;
        }
        if (r.failure() instanceof Error e) {
            throw e;
        }
        return r.reading();
    }

    /** Drops the reading (a restart, or the run is over): stops it if it is still under way; nothing will take it. */
    public void drop() {
        dropped = true;
        reading.cancel(true);
        fingerprint.cancel(true);                   // done by then, but for a context that failed to start
    }
}
