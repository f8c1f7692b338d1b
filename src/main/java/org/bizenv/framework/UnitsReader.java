package org.bizenv.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;
import org.bizenv.framework.yaml.YamlMap;
import org.bizenv.framework.yaml.YamlProblems;
import org.bizenv.framework.yaml.YamlValues;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.ReadResult;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code framework.units}: the unit registry, as a file name ({@code units: cities-36.csv}) or, to evaluate
 * part of it, as {@code units: {registry: cities-50.csv, include: {codes: [...], where: {type: [...]}}}}.
 *
 * <p>The selection is checked against the registry here, at load, so that a mistyped code or column is reported at
 * its line by {@code bizenv validate} too. A registry that cannot be read is not checked against: its own problems
 * are reported, with their cells, when the data are read.
 */
final class UnitsReader {

    /** The registry columns a selection can name: the groupings of the registry's cities. */
    private static final Map<String, Function<City, String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("region", City::region);
        COLUMNS.put("type", City::type);
    }

    /** The registry file (null: none) and the part of it evaluated (null: all of it). */
    record Units(Path registry, UnitSubset subset) {
    }

    private UnitsReader() {
    }

    static Units units(YamlMap fw, Path frameworkFile, YamlProblems problems) {
        Node v = fw.value("units");
        if (v == null) {
            return new Units(null, null);
        }
        if (v instanceof ScalarNode) {
            return new Units(registry(fw.optText("units", null), fw.lineOf("units"), frameworkFile, problems), null);
        }
        if (!(v instanceof MappingNode)) {
            problems.add(v, "framework.units must be the registry file (units: cities-36.csv) or a mapping "
                    + "{registry: cities-50.csv, include: {codes: [...], where: {type: [...]}}}");
            return new Units(null, null);
        }
        YamlMap units = YamlMap.of(v, "framework.units", Set.of("registry", "include"), problems);
        String name = units.requireText("registry");
        Path registry = name == null ? null : registry(name, units.lineOf("registry"), frameworkFile, problems);
        YamlMap include = units.has("include") ? units.optMap("include") : null;
        if (include == null) {
            return new Units(registry, null);
        }
        include.checkKeys(Set.of("codes", "where"));
        List<String> codes = include.optTexts("codes");
        // read once: a where that is not a mapping is then reported once, and select takes its lines from it
        YamlMap whereMap = include.has("where") ? include.optMap("where") : null;
        Map<String, List<String>> where = where(whereMap, problems);
        if (!include.has("codes") && !include.has("where")) {
            problems.add(include.line(), "framework.units.include needs codes: [...] and/or where: {column: value}");
            return new Units(registry, null);
        }
        if (registry == null || !Files.isRegularFile(registry)) {
            return new Units(registry, null);
        }
        ReadResult<CityRegistry> read = CityRegistryReader.read(registry.getParent(),
                registry.getFileName().toString());
        if (!read.problems().isEmpty()) {
            return new Units(registry, null);           // the intake reports the registry's own problems
        }
        List<String> selected = select(read.value(), registry.getFileName().toString(), include, codes, whereMap,
                where, problems);
        return new Units(registry, selected.isEmpty() ? null
                : new UnitSubset(codes, where, selected, include.line()));
    }

    /** The registry file beside the framework file; a problem at {@code line} when it does not exist. */
    private static Path registry(String name, int line, Path frameworkFile, YamlProblems problems) {
        if (name == null) {
            return null;
        }
        Path file = frameworkFile.toAbsolutePath().getParent().resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            problems.add(line, "unit registry '" + name + "' not found beside the framework file");
        }
        return file;
    }

    /** {@code where: {type: sub-provincial, region: [east, central]}}: each column with its values. */
    private static Map<String, List<String>> where(YamlMap where, YamlProblems problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (where == null) {
            return out;
        }
        for (YamlMap.Entry e : where.entries()) {
            List<String> values = new ArrayList<>();
            if (e.value() instanceof ScalarNode) {
                values.add(YamlValues.text(e.value()));
            } else if (e.value() instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode) {
                        values.add(YamlValues.text(item));
                    } else {
                        problems.add(item, "framework.units.include.where." + e.key() + " must list plain values");
                    }
                }
            } else {
                problems.add(e.value(), "framework.units.include.where." + e.key() + " must be a value or a list of "
                        + "values");
            }
            out.put(e.key(), values);
        }
        return out;
    }

    /**
     * The codes of the registry cities selected, in registry order: those listed and those matching {@code where}
     * (every column one of its values). Unknown codes, columns and values, and an empty selection, are problems.
     */
    private static List<String> select(CityRegistry reg, String file, YamlMap include, List<String> codes,
                                       YamlMap whereMap, Map<String, List<String>> where, YamlProblems problems) {
        Set<String> chosen = new LinkedHashSet<>();
        boolean bad = false;
        SequenceNode listed = include.has("codes") && include.value("codes") instanceof SequenceNode s ? s : null;
        for (int k = 0; k < codes.size(); k++) {
            String code = codes.get(k);
            int line = listed == null ? include.lineOf("codes") : org.bizenv.framework.yaml.YamlDocument.line(
                    listed.getValue().get(k));
            if (reg.byCode(code).isEmpty()) {
                var named = reg.resolve(code);          // a name or alias: say which code it is
                problems.add(line, "framework.units.include.codes: '" + code + "' is not a city code of the registry "
                        + file + (named.isFound() ? " (" + named.unit().label() + " is '" + named.unit().code() + "')"
                        : ""));
                bad = true;
            } else if (!chosen.add(code)) {
                problems.add(line, "framework.units.include.codes: '" + code + "' is listed twice");
                bad = true;
            }
        }
        boolean whereOk = true;
        for (Map.Entry<String, List<String>> e : where.entrySet()) {
            int line = whereMap == null ? include.lineOf("where") : whereMap.lineOf(e.getKey());
            Function<City, String> column = COLUMNS.get(e.getKey());
            if (column == null) {
                problems.add(line, "framework.units.include.where: the registry " + file + " has no column '"
                        + e.getKey() + "' to select by; its groupings are " + String.join(", ", COLUMNS.keySet()));
                whereOk = false;
                continue;
            }
            TreeSet<String> present = new TreeSet<>();
            reg.cities().forEach(c -> present.add(column.apply(c)));
            for (String value : e.getValue()) {
                if (!present.contains(value)) {
                    problems.add(line, "framework.units.include.where." + e.getKey() + ": no city of the registry "
                            + file + " has " + e.getKey() + " '" + value + "'; its values are "
                            + String.join(", ", present));
                    whereOk = false;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (City c : reg.cities()) {
            boolean matches = whereOk && !where.isEmpty() && where.entrySet().stream()
                    .allMatch(e -> e.getValue().contains(COLUMNS.get(e.getKey()).apply(c)));
            if (chosen.contains(c.code()) || matches) {
                out.add(c.code());
            }
        }
        if (out.isEmpty() && whereOk && !bad) {
            problems.add(include.line(), "framework.units.include selects no city of the registry " + file
                    + ": list codes, or values of " + String.join(", ", COLUMNS.keySet()) + " its cities have");
        }
        return out;
    }
}
