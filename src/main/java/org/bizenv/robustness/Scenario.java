package org.bizenv.robustness;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;

/**
 * An analyst's alternative to the framework's choices, stated as overrides only (the framework is not copied).
 *
 * @param weights       per node or indicator code, its weight within its parent. The value replaces that child's
 *                      nominal weight (the weight the build used, i.e. after renormalisation or objective
 *                      weighting), and the parent's weights are then renormalised to sum 1 — so giving every sibling
 *                      states proportions, and giving one sibling changes its share against the others' nominal ones
 * @param aggregation   per node code, its aggregation method (min-share kept from the framework unless stated)
 * @param normalisation per indicator code, its normalisation method, applied to the build's treated values
 * @param source        where the scenario was read, e.g. {@code scenarios.yaml:12} or {@code edit.xlsx!Weights}
 */
public record Scenario(String id, Names name, Map<String, Double> weights, Map<String, MethodSpec> aggregation,
                       Map<String, MethodSpec> normalisation, String source) {

    public Scenario {
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        aggregation = Collections.unmodifiableMap(new LinkedHashMap<>(aggregation));
        normalisation = Collections.unmodifiableMap(new LinkedHashMap<>(normalisation));
    }

    /** A scenario that only reweights. */
    public static Scenario weights(String id, Names name, Map<String, Double> weights) {
        return new Scenario(id, name, weights, Map.of(), Map.of(), "");
    }
}
