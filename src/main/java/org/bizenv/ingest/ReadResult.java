package org.bizenv.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What a reader returns: the values it could read, and every problem it found (sorted; empty when the data
 * are clean). Values behind a problem are NaN (or absent), never guessed.
 */
public record ReadResult<T>(T value, List<DataProblem> problems) {

    public ReadResult {
        Objects.requireNonNull(value, "value");
        problems = problems.stream().sorted().toList();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The value if there is no problem. @throws InputDataException listing every problem otherwise */
    public T orThrow() {
        if (hasProblems()) {
            throw new InputDataException(problems);
        }
        return value;
    }
}
