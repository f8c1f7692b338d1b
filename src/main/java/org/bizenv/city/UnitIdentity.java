package org.bizenv.city;

/**
 * What a name in a data file resolves to: a city of the registry, or any unit a table names (a country, an economy).
 * {@link #code()} identifies it in results; {@link #label()} names it in messages and reports. The unit as scored,
 * with its names and groups, is {@link org.bizenv.scoring.Unit}.
 */
public interface UnitIdentity {

    String code();

    String label();

    /** How Chinese text names the unit: the Chinese name first where there is one; else as {@link #label()}. */
    default String labelZh() {
        return label();
    }
}
