package org.bizenv.framework;

import java.util.List;
import java.util.Map;

/**
 * The part of a unit registry a framework evaluates ({@code framework.units.include}): an edition over some of the
 * registry's cities names them here instead of copying the registry. Checked against the registry when the
 * framework is loaded, so {@link #units()} is never empty and names only registry cities.
 *
 * @param codes the codes listed under {@code include.codes}, as written
 * @param where {@code include.where}: registry column ({@code type}, {@code region}) → the values selected in it
 * @param units the codes of the selected cities in registry order: those listed, and those whose every
 *              {@code where} column holds one of its values
 * @param line  line of {@code include} in the framework file
 */
public record UnitSubset(List<String> codes, Map<String, List<String>> where, List<String> units, int line) {

    public UnitSubset {
        codes = List.copyOf(codes);
        where = Map.copyOf(where);
        units = List.copyOf(units);
    }
}
