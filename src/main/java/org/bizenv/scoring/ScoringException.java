package org.bizenv.scoring;

/** The data cannot be scored with the methods the framework chose (e.g. a zero in a geometric mean). */
public class ScoringException extends RuntimeException {

    public ScoringException(String message) {
        super(message);
    }
}
