package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent reads (one workbook each) on a small pool of threads made for the call and gives their results in
 * the order of the tasks, whatever order they finish in. What a task throws (a failing disk) is thrown here, the first
 * task's first.
 */
final class Parallel {

    /** At most this many threads: reading a small workbook is quick, and more threads would mostly wait for disk. */
    static final int MAX_THREADS = 4;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Parallel() {
    }

    /** The threads intake uses by default: the processors, at most {@link #MAX_THREADS}. */
    static int defaultThreads() {
        return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    }

    static <T> List<T> all(List<Callable<T>> tasks, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        List<T> out = new ArrayList<>(tasks.size());
        int n = Math.min(threads, tasks.size());
        if (n <= 1) {
            for (Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "bizenv-read-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                futures.add(executor.submit(t));
            }
            for (Future<T> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading workbooks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
