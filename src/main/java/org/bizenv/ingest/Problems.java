package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found in a pass over input data. Thread-safe, so that the threads of a chunk step
 * can share one. {@link #about(String)} gives a view that files what is added through it under a unit.
 */
public final class Problems {

    private final List<DataProblem> list;
    /** The lock every view of one collection shares. */
    private final Object lock;
    /** The unit problems added through this view are about, or null. */
    private final String unit;
    /** Units whose problems this view drops (units the evaluation leaves out); empty for most views. */
    private final Set<String> ignored;

    public Problems() {
        this(new ArrayList<>(), new Object(), null, Set.of());
    }

    private Problems(List<DataProblem> list, Object lock, String unit, Set<String> ignored) {
        this.list = list;
        this.lock = lock;
        this.unit = unit;
        this.ignored = ignored;
    }

    /**
     * The same collection, seen by a reader of data that hold units the evaluation leaves out: a problem about one of
     * {@code units} added through this view (or a view of it) is dropped, as the rows it is about are not used.
     */
    public Problems ignoring(Set<String> units) {
        Set<String> all = new java.util.HashSet<>(ignored);
        all.addAll(units);
        return new Problems(list, lock, unit, Set.copyOf(all));
    }

    /**
     * The same collection, seen by a reader that knows which unit (city) what it finds is about: a problem added
     * through the view without a unit of its own is filed under {@code unit}. Readers pass it on to the code that
     * checks the unit's cells ({@link FieldRequest#read}), which need not know the unit.
     */
    public Problems about(String unit) {
        return new Problems(list, lock, unit, ignored);
    }

    public void add(DataProblem problem) {
        DataProblem p = unit == null || problem.unit() != null ? problem : problem.withUnit(unit);
        if (p.unit() != null && ignored.contains(p.unit())) {
            return;
        }
        synchronized (lock) {
            list.add(p);
        }
    }

    public void add(Location where, String message) {
        add(new DataProblem(where, message));
    }

    /** Adds the problems as they are (a view's unit is not put on them: they were found elsewhere). */
    public void addAll(Collection<DataProblem> problems) {
        Collection<DataProblem> kept = ignored.isEmpty() ? problems
                : problems.stream().filter(p -> p.unit() == null || !ignored.contains(p.unit())).toList();
        synchronized (lock) {
            list.addAll(kept);
        }
    }

    /**
     * Adds another collection's problems in the order they were added there (units as they are): a reader that
     * works on several files at once collects each file's problems apart, then adds them file by file.
     */
    void addAllOf(Problems other) {
        List<DataProblem> copy;
        synchronized (other.lock) {
            copy = new ArrayList<>(other.list);
        }
        addAll(copy);
    }

    public boolean isEmpty() {
        synchronized (lock) {
            return list.isEmpty();
        }
    }

    public int size() {
        synchronized (lock) {
            return list.size();
        }
    }

    /** The problems so far, sorted by location then message. */
    public List<DataProblem> sorted() {
        synchronized (lock) {
            return list.stream().sorted().toList();
        }
    }

    /** @throws InputDataException listing every problem, if there is any */
    public void throwIfAny() {
        List<DataProblem> all = sorted();
        if (!all.isEmpty()) {
            throw new InputDataException(all);
        }
    }
}
