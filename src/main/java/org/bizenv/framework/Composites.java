package org.bizenv.framework;

import java.util.List;

/**
 * The framework's composite units ({@code composites:} in the framework file) and which units the ranking orders.
 *
 * @param units  the composites, in file order
 * @param ranked which units are ranked: {@code composites} (the composites, not their components: Doing Business
 *               ranks economies, not their cities), {@code components} or {@code all}
 * @param line   line of the {@code composites:} section (0 when absent)
 */
public record Composites(List<Composite> units, String ranked, int line) {

    public static final List<String> RANKED = List.of("composites", "components", "all");
    public static final Composites NONE = new Composites(List.of(), "composites", 0);

    public Composites {
        units = List.copyOf(units);
    }

    public boolean isEmpty() {
        return units.isEmpty();
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
