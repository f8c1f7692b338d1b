package org.bizenv.evaluation;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.bizenv.robustness.Progress;

/**
 * Progress of the robustness analysis as log lines, at most one every {@code interval} (a few seconds): a short
 * analysis logs nothing but its summary, a long one says how far it is, e.g.
 * {@code robustness: uncertainty 4,096 of 10,000 runs (41%)}.
 */
final class LoggedProgress implements Progress {

    static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;

    private final Consumer<String> log;
    private final LongSupplier nanoTime;
    private final long interval;
    private long last;

    LoggedProgress(Consumer<String> log, LongSupplier nanoTime, long intervalNanos) {
        this.log = log;
        this.nanoTime = nanoTime;
        this.interval = intervalNanos;
        this.last = nanoTime.getAsLong();
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        long now = nanoTime.getAsLong();
        if (now - last < interval) {
            return;
        }
        last = now;
        log.accept(String.format(Locale.ROOT, "robustness: %s %,d of %,d %s (%d%%)", task, done, total,
                unit(task), total == 0 ? 100 : Math.round(100.0 * done / total)));
    }

    private static String unit(String task) {
        return switch (task) {
            case "rank-reversal" -> "pairs";
            case "one-at-a-time" -> "removals";
            default -> "runs";
        };
    }
}
