package org.bizenv.evaluation;

import org.springframework.stereotype.Component;

/**
 * The input hashes of the run under way, from the runner that hashed them to the intake step that lists them, and the
 * intake's reading started ahead with them ({@link IntakeAhead}), if any: one run at a time uses a context (the
 * repository's lock), and between runs there are none, so a run never sees another's.
 */
@Component
public class RunInputHashes {

    private volatile InputHashes current = InputHashes.NONE;
    private volatile IntakeAhead intakeAhead;

    /** The run's hashes, or {@link InputHashes#NONE} when the job was started some other way. */
    public InputHashes current() {
        return current;
    }

    /** The intake's reading started ahead for this run, or null (none, or dropped). */
    IntakeAhead intakeAhead() {
        return intakeAhead;
    }

    void set(InputHashes hashes, IntakeAhead ahead) {
        current = hashes;
        intakeAhead = ahead;
    }

    /** A restart: its intake, if it runs again, reads the inputs itself (the reading ahead is stopped). */
    void dropIntakeAhead() {
        IntakeAhead ahead = intakeAhead;
        intakeAhead = null;
        if (ahead != null) {
            ahead.drop();
        }
    }

    void clear() {
        dropIntakeAhead();
        current = InputHashes.NONE;
    }
}
