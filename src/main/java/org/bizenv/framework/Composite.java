package org.bizenv.framework;

import java.util.Map;

/**
 * A unit scored as the weighted mean of other units' scores at every indicator and node (e.g. an economy measured in
 * two cities: the population-weighted mean of the cities). Its own raw row, if the data have one, is shown but not
 * scored.
 *
 * @param unit       the composite unit's code
 * @param components component unit code → weight, in file order; weights are relative (renormalised over the
 *                   components that apply), so populations can be given as they are
 * @param line       line of the framework file that states it
 */
public record Composite(String unit, Map<String, Double> components, int line) {

    public Composite {
        components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
    }
}
