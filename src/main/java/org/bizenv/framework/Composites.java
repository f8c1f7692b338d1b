package org.bizenv.framework;

import java.util.List;

/**
 * The framework's composite units ({@code composites:} in the framework file) and which units the ranking orders.
 *
 * @param units  the composites, in file order
 * @param ranked which units are ranked: {@code composites} (the composites, not their components: Doing Business
 *               ranks economies, not their cities), {@code components} or {@code all}
 * @param line   line of the {@code composites:} section (0 when absent)
 * @param from   what a composite is built from: {@code scores} (the weighted mean of its components' values at
 *               every stage after raw, indicator and node) or {@code raw-values} (its raw row is the weighted mean of
 *               its components' raw values, and it is then scored as a unit among the others)
 */
public record Composites(List<Composite> units, String ranked, int line, String from) {

    public static final List<String> RANKED = List.of("composites", "components", "all");
    public static final List<String> FROM = List.of("scores", "raw-values");
    public static final Composites NONE = new Composites(List.of(), "composites", 0);

    /** Composites built from their components' scores. */
    public Composites(List<Composite> units, String ranked, int line) {
        this(units, ranked, line, "scores");
    }

    public Composites {
        units = List.copyOf(units);
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }

    /** Whether the composites' raw values are built from their components' (then scored as units). */
    public boolean fromRawValues() {
        return from.equals("raw-values");
    }

    /** Whether a component unit takes part in the ranking. */
    public boolean ranksComponents() {
        return !ranked.equals("composites");
    }

    /** Whether a composite unit takes part in the ranking. */
    public boolean ranksComposites() {
        return !ranked.equals("components");
    }
}
