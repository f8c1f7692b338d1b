package org.bizenv.scoring;

import java.util.Map;

import org.bizenv.framework.Names;

/**
 * A unit being evaluated (a city, or a country in someone else's index).
 *
 * @param groups attributes that units can be grouped by: region, type, …
 */
public record Unit(String code, Names name, Map<String, String> groups) {

    public Unit {
        groups = Map.copyOf(groups);
    }

    public String group(String key) {
        return groups.get(key);
    }
}
