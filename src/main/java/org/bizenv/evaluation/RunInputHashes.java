package org.bizenv.evaluation;

import org.springframework.stereotype.Component;

/**
 * The input hashes of the run under way, from the runner that hashed them to the intake step that lists them: one run
 * at a time uses a context (the repository's lock), and between runs there are none, so a run never sees another's.
 */
@Component
public class RunInputHashes {

    private volatile InputHashes current = InputHashes.NONE;

    /** The run's hashes, or {@link InputHashes#NONE} when the job was started some other way. */
    public InputHashes current() {
        return current;
    }

    void set(InputHashes hashes) {
        current = hashes;
    }

    void clear() {
        current = InputHashes.NONE;
    }
}
