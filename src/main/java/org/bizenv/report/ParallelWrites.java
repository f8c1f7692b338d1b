package org.bizenv.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a report's files side by side: the files of a report are independent of each other (each writer reads the
 * same immutable {@link Report} and writes its own file), so on a machine with several cores the Excel report, the
 * JSON and the city cards can be written at once. Each file's bytes depend only on the report, never on which thread
 * wrote it or when, so the output is the same for any number of threads.
 *
 * <p>The writes are listed in the order a one-thread publication runs them, and the threads take them in that order
 * (the longest, the Excel report and {@code cities.xlsx}, are near the front, so they start first). Failures behave
 * as they do on one thread: when a write fails, no later write starts, the earlier ones that are running finish, and
 * the failure of the <em>earliest</em> failed write in the list is thrown, unchanged (an {@link IOException}, a
 * runtime exception or an error) — the error a one-thread publication would have stopped at. The caller
 * ({@link AtomicReportFolder}) then removes everything written, so nothing partial is published.
 *
 * <p>Threads: the calling thread writes too, helped by {@code threads - 1} threads made for this call and joined
 * before it returns, so no thread outlives a publication (the in-process benchmark publishes many times).
 * Files are taken one at a time from the list, so at most {@code threads} workbooks are in memory at once, however
 * many cards there are.
 */
public final class ParallelWrites {

    /** One file to write, in one part of the publication (for the timings): "JSON", "Excel", "cards". */
    public record Write(String part, Action action) {
    }

    /** Writes one file; on failure leaves no partial file (see {@link AtomicReportFolder#writeFile}). */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** How long each part took, in milliseconds from its first write's start to its last write's end, in list order. */
    public record Timings(Map<String, Long> millisByPart, int threads) {
    }

    /** The threads a publication uses by default: one per core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private ParallelWrites() {
    }

    /** Runs every write, on up to {@code threads} threads (one: each in turn, on the calling thread). */
    public static Timings run(List<Write> writes, int threads) throws IOException {
        int used = Math.max(1, Math.min(threads, writes.size()));
        var run = new Run(writes);
        // daemon threads named after what they do, so that a thread dump says whose they are
        Thread[] helpers = new Thread[used - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(run::work, "bizenv-publish-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        run.work();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (t.isAlive()) {           // joined even when interrupted: no thread is to outlive the call
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    run.stop();
                    for (Thread h : helpers) {
                        h.interrupt();
                    }
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the reports");
        }
        run.rethrowEarliest();
        return new Timings(run.timings(), used);
    }

    /** The state of one call: the next write to take, the failures, the parts' start and end times. */
    private static final class Run {
        private final List<Write> writes;
        private final AtomicInteger next = new AtomicInteger();
        /** The index of the earliest failed write so far; writes after it are not started. */
        private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        private final Throwable[] failures;
        private final long[] started;
        private final long[] ended;
        private final boolean[] ran;
        private volatile boolean stopped;

        Run(List<Write> writes) {
            this.writes = writes;
            this.failures = new Throwable[writes.size()];
            this.started = new long[writes.size()];
            this.ended = new long[writes.size()];
            this.ran = new boolean[writes.size()];
        }

        void work() {
            for (int i = next.getAndIncrement(); i < writes.size(); i = next.getAndIncrement()) {
                if (stopped || i > firstFailed.get()) {
                    return;
                }
                started[i] = System.nanoTime();
                try {
                    writes.get(i).action().run();
                } catch (Throwable t) {       // rethrown unchanged by rethrowEarliest, on the calling thread
                    failures[i] = t;
                    firstFailed.accumulateAndGet(i, Math::min);
                } finally {
                    ended[i] = System.nanoTime();
                    ran[i] = true;
                }
            }
        }

        void stop() {
            stopped = true;
        }

        void rethrowEarliest() throws IOException {
            int i = firstFailed.get();
            if (i == Integer.MAX_VALUE) {
                return;
            }
            Throwable t = failures[i];
            if (t instanceof IOException io) {
                throw io;
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(t);  // a checked exception an Action cannot declare
        }

        Map<String, Long> timings() {
            Map<String, long[]> span = new LinkedHashMap<>();
            for (int i = 0; i < writes.size(); i++) {
                if (!ran[i]) {
                    continue;
                }
                long[] s = span.computeIfAbsent(writes.get(i).part(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                s[0] = Math.min(s[0], started[i]);
                s[1] = Math.max(s[1], ended[i]);
            }
            Map<String, Long> out = new LinkedHashMap<>();
            span.forEach((part, s) -> out.put(part, TimeUnit.NANOSECONDS.toMillis(s[1] - s[0])));
            return out;
        }
    }
}
