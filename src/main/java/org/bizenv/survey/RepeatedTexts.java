package org.bizenv.survey;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a pure function gives for each distinct text of a column, computed once per spelling: a survey file names one
 * of a few dozen cities and three size classes on every row, and resolving a city (Unicode normalisation, folding,
 * the registry's lookup) or parsing a size class cost more than reading the row did. Only the first {@link #LIMIT}
 * distinct texts are kept, so a column of free text (or a damaged file) cannot fill the memory; texts beyond them
 * are computed each time, with the same result. Null is looked up as the empty text. Thread-safe.
 *
 * @param <V> the function's result (never null: wrap an absent one, e.g. in an {@link java.util.Optional})
 */
final class RepeatedTexts<V> {

    /** Distinct texts kept: far more cities and spellings than any registry has, a few hundred kilobytes at most. */
    static final int LIMIT = 4_096;

    private final Function<String, V> of;
    private final Map<String, V> known = new ConcurrentHashMap<>();

    RepeatedTexts(Function<String, V> of) {
        this.of = Objects.requireNonNull(of, "of");
    }

    V get(String text) {
        String key = text == null ? "" : text;
        V v = known.get(key);
        if (v != null) {
            return v;
        }
        v = Objects.requireNonNull(of.apply(key), "a text's result");
        if (known.size() < LIMIT) {
            known.putIfAbsent(key, v);
        }
        return v;
    }

    /** Distinct texts kept (for tests). */
    int size() {
        return known.size();
    }
}
