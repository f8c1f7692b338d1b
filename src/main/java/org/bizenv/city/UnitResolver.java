package org.bizenv.city;

import java.util.List;

/**
 * Turns the unit name a spreadsheet holds into a unit. Readers take one: a {@link CityRegistry} for the
 * city evaluations (fixed list, spelling variants, every city expected), or {@link #identity(String)} for
 * evaluations of other units, where the units are whatever the data name.
 */
public interface UnitResolver {

    /** Resolves a name as typed; blank or null text is {@code UNKNOWN}. */
    Match<? extends UnitIdentity> resolve(String raw);

    /**
     * The units every source is expected to cover, in reporting order; readers report each one a source lacks.
     * Empty when the units are discovered from the data.
     */
    List<? extends UnitIdentity> expectedUnits();

    /** The codes of {@link #expectedUnits()}, in order. */
    default List<String> expectedCodes() {
        return expectedUnits().stream().map(UnitIdentity::code).toList();
    }

    /** What a unit is called in messages: {@code city}, {@code unit}, {@code economy}. */
    String noun();

    /**
     * A resolver without a registry: every non-blank text is a unit whose code (and label) is the text with
     * surrounding whitespace removed and inner whitespace runs collapsed to one space. Nothing is expected.
     */
    static UnitResolver identity(String noun) {
        return new IdentityResolver(noun);
    }
}
