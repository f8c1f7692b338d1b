package org.bizenv.robustness;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs indices 0 … total − 1 in fixed-size chunks over a few worker threads. Which worker runs which chunk varies from
 * run to run, so callers make results independent of it: per-index outputs go to arrays by index, and per-worker
 * accumulators hold only integers (order-free sums) or are merged in a fixed order.
 */
final class Workers {

    /** One worker's share: called with consecutive index ranges; owns its scratch and accumulators. */
    interface Task {
        void run(int from, int to);
    }

    private Workers() {
    }

    static void run(String name, int total, int chunk, List<? extends Task> tasks, Progress progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Object lock = new Object();
        long[] done = {0};
        Runnable[] bodies = new Runnable[tasks.size()];
        for (int w = 0; w < tasks.size(); w++) {
            Task task = tasks.get(w);
            bodies[w] = () -> {
                try {
                    while (failure.get() == null) {
                        int from = next.getAndAdd(chunk);
                        if (from >= total) {
                            break;
                        }
                        int to = Math.min(total, from + chunk);
                        task.run(from, to);
                        synchronized (lock) {
                            done[0] += to - from;
                            progress.update(name, done[0], total);
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
        }
        if (bodies.length == 1) {
            bodies[0].run();
        } else {
            Thread[] threads = new Thread[bodies.length];
            for (int w = 0; w < bodies.length; w++) {
                threads[w] = new Thread(bodies[w], "bizenv-" + name + "-" + w);
                threads[w].setDaemon(true);
                threads[w].start();
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                }
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(name + " failed", t);
        }
    }

    /** Number of workers worth starting: no more than the chunks there are. */
    static int count(int threads, int total, int chunk) {
        return Math.max(1, Math.min(threads, (total + chunk - 1) / chunk));
    }
}
