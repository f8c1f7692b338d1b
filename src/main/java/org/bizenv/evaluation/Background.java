package org.bizenv.evaluation;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Work started on a thread of its own while the caller does something else (the inputs' fingerprint while the Spring
 * context starts, `validate`'s survey reading while it reads the workbooks, the survey bootstrap beside the other
 * robustness analyses), and its result taken as if the caller had done the work itself: what the work threw comes
 * out unchanged.
 */
final class Background {

    private Background() {
    }

    /** Starts {@code work} on a daemon thread named {@code thread} (a failed start never waits for it). */
    static <T> Future<T> start(String thread, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, thread);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /**
     * The work's result, waiting for it; what it threw is thrown as it was. The work started here throws nothing
     * checked but H2's SQLException on opening the database ahead, whose caller ignores it: such a cause comes wrapped.
     */
    static <T> T join(Future<T> work) {
        try {
            return work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for work on another thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
