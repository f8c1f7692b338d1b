package org.bizenv.robustness;

/**
 * Progress of a long analysis, for a CLI progress bar or a log line. Called with the number of evaluations done so far
 * (monotone within a task, the last call has {@code done == total}); calls may come from worker threads but never
 * concurrently. Keep it cheap: it runs between chunks of Monte Carlo runs.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (task, done, total) -> { };

    /**
     * @param task  what is running: "uncertainty", "sensitivity", "one-at-a-time", "rank-reversal",
     *              "pipeline-uncertainty"
     * @param done  evaluations finished
     * @param total evaluations planned
     */
    void update(String task, long done, long total);
}
