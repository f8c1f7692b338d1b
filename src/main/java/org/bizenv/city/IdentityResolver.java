package org.bizenv.city;

import java.util.List;
import java.util.Objects;

/** See {@link UnitResolver#identity(String)}. */
final class IdentityResolver implements UnitResolver {

    /** A unit known only by the text that named it. */
    record NamedUnit(String code) implements UnitIdentity {
        @Override
        public String label() {
            return code;
        }
    }

    private final String noun;

    IdentityResolver(String noun) {
        this.noun = Objects.requireNonNull(noun, "noun");
    }

    @Override
    public Match<NamedUnit> resolve(String raw) {
        String code = TypedText.clean(raw);
        return code.isEmpty() ? Match.unknown(raw) : Match.found(raw, new NamedUnit(code));
    }

    @Override
    public List<NamedUnit> expectedUnits() {
        return List.of();
    }

    @Override
    public String noun() {
        return noun;
    }
}
