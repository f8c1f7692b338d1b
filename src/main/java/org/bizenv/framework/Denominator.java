package org.bizenv.framework;

/** A per-unit denominator (population, GDP, area…) read from a source field, that indicators may be divided by. */
public record Denominator(String id, Names name, String source, String field, int line) {
}
