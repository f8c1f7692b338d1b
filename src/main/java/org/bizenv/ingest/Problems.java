package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem found in a pass over input data. Thread-safe, so that the threads of a chunk step
 * can share one.
 */
public final class Problems {

    private final List<DataProblem> list = new ArrayList<>();

    public synchronized void add(DataProblem problem) {
        list.add(problem);
    }

    public void add(Location where, String message) {
        add(new DataProblem(where, message));
    }

    public synchronized void addAll(Collection<DataProblem> problems) {
        list.addAll(problems);
    }

    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    public synchronized int size() {
        return list.size();
    }

    /** The problems so far, sorted by location then message. */
    public synchronized List<DataProblem> sorted() {
        return list.stream().sorted().toList();
    }

    /** @throws InputDataException listing every problem, if there is any */
    public void throwIfAny() {
        List<DataProblem> all = sorted();
        if (!all.isEmpty()) {
            throw new InputDataException(all);
        }
    }
}
