package org.bizenv.framework;

/**
 * A problem of a framework or scenario file at a line of it (1-based; 0 = the file as a whole). The model's checks
 * (e.g. {@link FrameworkTree#build}) return these; the file's reader adds the file name.
 */
public record LineProblem(int line, String message) {
}
