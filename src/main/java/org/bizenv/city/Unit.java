package org.bizenv.city;

/**
 * A unit of evaluation: a city of the registry, or any unit a table names (a country, an economy).
 * {@link #code()} identifies it in results; {@link #label()} names it in messages and reports.
 */
public interface Unit {

    String code();

    String label();
}
