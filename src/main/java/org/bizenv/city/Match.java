package org.bizenv.city;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a name resolved to: exactly one unit ({@link Kind#FOUND}), none ({@link Kind#UNKNOWN}) or several
 * ({@link Kind#AMBIGUOUS}, with the candidates).
 *
 * @param kind       the outcome
 * @param text       the text as it was given (for messages)
 * @param unit       the unit when {@code FOUND}, otherwise null
 * @param candidates the candidates when {@code AMBIGUOUS} (two or more), otherwise empty
 */
public record Match<T extends UnitIdentity>(Kind kind, String text, T unit, List<T> candidates) {

    public enum Kind { FOUND, UNKNOWN, AMBIGUOUS }

    public Match {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
        candidates = List.copyOf(candidates);
        if ((kind == Kind.FOUND) != (unit != null)) {
            throw new IllegalArgumentException("a unit exactly when FOUND");
        }
        if ((kind == Kind.AMBIGUOUS) != (candidates.size() >= 2)) {
            throw new IllegalArgumentException("two or more candidates exactly when AMBIGUOUS");
        }
    }

    public static <T extends UnitIdentity> Match<T> found(String text, T unit) {
        return new Match<>(Kind.FOUND, text, Objects.requireNonNull(unit, "unit"), List.of());
    }

    public static <T extends UnitIdentity> Match<T> unknown(String text) {
        return new Match<>(Kind.UNKNOWN, text, null, List.of());
    }

    public static <T extends UnitIdentity> Match<T> ambiguous(String text, List<T> candidates) {
        return new Match<>(Kind.AMBIGUOUS, text, null, candidates);
    }

    public boolean isFound() {
        return kind == Kind.FOUND;
    }

    /**
     * The problem to report when the text did not resolve to one unit, e.g. {@code unknown city 'Wuhn'} or
     * {@code ambiguous city 'Fuzhou': Fuzhou (福州) or Fuzhou (抚州)}; null when found.
     *
     * @param noun what a unit is called in messages ({@link UnitResolver#noun()})
     */
    public String problem(String noun) {
        return switch (kind) {
            case FOUND -> null;
            case UNKNOWN -> text.isBlank() ? "blank " + noun + " name" : "unknown " + noun + " '" + text.strip() + "'";
            case AMBIGUOUS -> "ambiguous " + noun + " '" + text.strip() + "': "
                    + candidates.stream().map(UnitIdentity::label).collect(Collectors.joining(" or "));
        };
    }
}
