package org.bizenv.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/** Test helpers other packages' tests share. */
public final class EvaluationJobTestSupport {

    private EvaluationJobTestSupport() {
    }

    /** Copies a data folder (to corrupt the copy). */
    public static void copy(Path from, Path to) throws IOException {
        EvaluationJobTest.copy(from, to);
    }
}
