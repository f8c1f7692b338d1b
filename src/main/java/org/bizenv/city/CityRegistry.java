package org.bizenv.city;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cities of an evaluation and the names they go by. Plain Java: the CSV file it usually comes from is
 * read by {@code org.bizenv.ingest.CityRegistryReader}.
 *
 * <p>Matching: the text and every code, Chinese name, English name and alias are reduced by
 * {@link Names#key(String)} and compared exactly. A key shared by several cities resolves as ambiguous.
 */
public final class CityRegistry implements UnitResolver {

    /** A city with the further names it is matched by (its code and both names are always matched). */
    public record Entry(City city, List<String> aliases) {
        public Entry {
            aliases = List.copyOf(aliases);
        }
    }

    private final List<City> cities;
    private final Map<String, City> byCode;
    private final Map<String, List<City>> byKey;
    /** The registry's cities a framework does not evaluate (see {@link #subset}); empty for a whole registry. */
    private final List<City> outside;

    /** @throws IllegalArgumentException if two cities share a code */
    public CityRegistry(List<Entry> entries) {
        List<City> list = new ArrayList<>(entries.size());
        Map<String, City> codes = new LinkedHashMap<>();
        Map<String, List<City>> keys = new LinkedHashMap<>();
        for (Entry e : entries) {
            City city = e.city();
            if (codes.putIfAbsent(city.code(), city) != null) {
                throw new IllegalArgumentException("duplicate city code '" + city.code() + "'");
            }
            list.add(city);
            List<String> names = new ArrayList<>(List.of(city.code(), city.nameZh(), city.nameEn()));
            names.addAll(e.aliases());
            for (String name : names) {
                String key = TypedText.key(name);
                if (key.isEmpty()) {
                    continue;
                }
                List<City> matches = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (!matches.contains(city)) {
                    matches.add(city);
                }
            }
        }
        keys.replaceAll((k, v) -> List.copyOf(v));
        this.cities = List.copyOf(list);
        this.byCode = Collections.unmodifiableMap(codes);
        this.byKey = Collections.unmodifiableMap(keys);
        this.outside = List.of();
    }

    private CityRegistry(List<City> cities, Map<String, City> byCode, Map<String, List<City>> byKey,
                         List<City> outside) {
        this.cities = cities;
        this.byCode = byCode;
        this.byKey = byKey;
        this.outside = outside;
    }

    /**
     * The registry narrowed to the cities with the given codes (kept in registry order), as a framework that evaluates
     * part of a registry sees it: only they are expected of every source and scored, but every registry city's names
     * still resolve, so that a data file's row for a city outside the part is known for what it is (skipped, not an
     * unknown city). Codes the registry does not have are ignored (the framework loader refuses them).
     */
    public CityRegistry subset(java.util.Collection<String> codes) {
        java.util.Set<String> keep = new java.util.HashSet<>(codes);
        List<City> in = new ArrayList<>();
        List<City> out = new ArrayList<>();
        for (City c : cities) {
            (keep.contains(c.code()) ? in : out).add(c);
        }
        out.addAll(outside);
        return new CityRegistry(List.copyOf(in), byCode, byKey, List.copyOf(out));
    }

    /** The registry's cities outside this part of it (empty unless {@link #subset} made it), in registry order. */
    public List<City> outside() {
        return outside;
    }

    @Override
    public Match<City> resolve(String raw) {
        List<City> matches = byKey.get(TypedText.key(raw));
        if (matches == null) {
            return Match.unknown(raw);
        }
        return matches.size() == 1 ? Match.found(raw, matches.get(0)) : Match.ambiguous(raw, matches);
    }

    /** The cities evaluated, in registry order (all of them unless {@link #subset} narrowed it). */
    public List<City> cities() {
        return cities;
    }

    /** Any registry city by code, inside the evaluated part or not. */
    public Optional<City> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    @Override
    public List<City> expectedUnits() {
        return cities;
    }

    @Override
    public String noun() {
        return "city";
    }
}
