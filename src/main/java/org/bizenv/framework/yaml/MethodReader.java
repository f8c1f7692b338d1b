package org.bizenv.framework.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Methods;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a method choice, {@code geometric} or {@code {method: generalised, p: 0.5}}, and checks it against the
 * framework language's table ({@link Methods}): the method's name, its required and known parameters, words against
 * their lists, numbers where a number belongs, and the ranges some parameters need. Framework and scenario files
 * read their methods here, so the same mistake gets the same message in both; a scenario's messages name the
 * element they are for ({@code of D2}), since one line of a scenario file may choose methods for several.
 */
public final class MethodReader {

    /**
     * Parameters that name something (a unit code, a grouping): kept as written, never read as a number or an
     * expression, so that a unit coded {@code 2020-21} stays that code.
     */
    private static final java.util.Set<String> TEXTS = java.util.Set.of("unit", "group");

    private MethodReader() {
    }

    /**
     * The method {@code v} states, or null when it states none (not a name nor a mapping with 'method'). Every
     * problem is added at the line of {@code v}; an unknown method is returned without its parameters.
     *
     * @param kind  normalisation, aggregation, weighting, imputation or treatment (the framework file's key)
     * @param known the methods of that kind ({@code Methods.AGGREGATION} …)
     * @param of    the code of the node or indicator the method is for, named in messages; null in a framework
     *              file, where the line says it
     */
    public static MethodSpec read(Node v, String kind, Map<String, Methods.Signature> known, String of,
                                  YamlProblems problems) {
        int at = YamlDocument.line(v);
        String subject = of == null ? "'" + kind + "'" : kind + " of " + of;
        String method;
        Map<String, Object> params = new LinkedHashMap<>();
        if (v instanceof ScalarNode) {
            method = YamlValues.text(v);
        } else if (v instanceof MappingNode) {
            YamlMap m = YamlMap.of(v, subject, problems);
            method = null;
            for (YamlMap.Entry e : m.entries()) {
                if (e.key().equals("method")) {
                    method = YamlValues.text(e.value());
                } else if (TEXTS.contains(e.key()) && e.value() instanceof ScalarNode s) {
                    params.put(e.key(), s.getValue());
                } else {
                    params.put(e.key(), YamlValues.toValue(e.value()));
                }
            }
        } else {
            problems.add(at, subject + " must be a method name or {method: …, parameters…}");
            return null;
        }
        if (method == null) {
            problems.add(at, subject + " needs 'method' (one of " + String.join(", ", known.keySet()) + ")");
            return null;
        }
        Methods.Signature sig = known.get(method);
        if (sig == null) {
            problems.add(at, "unknown " + kind + " method '" + method + "'" + (of == null ? "" : " for " + of)
                    + " (known: " + String.join(", ", known.keySet()) + ")");
            return new MethodSpec(method, Map.of(), at);
        }
        String named = kind + " method '" + method + "'" + (of == null ? "" : " of " + of);
        for (String req : sig.required()) {
            if (!params.containsKey(req)) {
                problems.add(at, named + " needs parameter '" + req + "'");
            }
        }
        for (String p : params.keySet()) {
            if (!sig.required().contains(p) && !sig.optional().contains(p)) {
                problems.add(at, named + " has no parameter '" + p + "'");
            }
        }
        for (String message : checkValues(kind, method, named, params)) {
            problems.add(at, message);
        }
        return new MethodSpec(method, params, at);
    }

    /**
     * The values of a method's parameters: words against {@link Methods#CHOICES}, numbers where
     * {@link Methods#NUMBERS} says so, then the ranges some parameters need. One message per problem, each starting
     * with {@code named} ("aggregation method 'topsis'").
     */
    static List<String> checkValues(String kind, String method, String named, Map<String, Object> params) {
        List<String> out = new java.util.ArrayList<>();
        for (var e : params.entrySet()) {
            String p = e.getKey();
            Object v = e.getValue();
            List<String> words = Methods.CHOICES.get(kind + "/" + method + "/" + p);
            if (words != null) {
                if (!words.contains(String.valueOf(v))) {
                    out.add(named + ": " + p + " must be one of " + String.join(", ", words) + " (default "
                            + words.get(0) + "), not '" + v + "'");
                }
            } else if (Methods.NUMBERS.contains(p) && !(v instanceof Double)) {
                String why = v instanceof String t ? YamlValues.numberProblem(t) : null;
                out.add(named + ": " + p + (why != null ? ": " + why : " must be a number, not '" + v + "'"));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        within(out, named, params, "min-share", 0, 1);
        within(out, named, params, "alpha", 0, 1);
        if (params.get("winmax") instanceof Double w && (w < 0 || w != Math.rint(w))) {
            out.add(named + ": winmax must be a whole number >= 0, not " + w);
        }
        if (params.get("cr-limit") instanceof Double c && !(c > 0)) {
            out.add(named + ": cr-limit must be positive, not " + c);
        }
        if (params.get("skew") instanceof Double c && !(c >= 0)) {
            out.add(named + ": skew is an absolute limit, >= 0, not " + c);
        }
        if (params.get("min") instanceof Double lo && params.get("max") instanceof Double hi && !(lo < hi)) {
            out.add(named + ": min must be below max (" + lo + " >= " + hi + ")");
        }
        if (kind.equals("transform") && method.equals("power") && params.get("exponent") instanceof Double e
                && e == 0) {
            out.add(named + ": exponent 0 would make every value 1");
        }
        if (kind.equals("treatment") && method.equals("cap") && !params.containsKey("min")
                && !params.containsKey("max")) {
            out.add(named + " needs min, max or both");
        }
        return out;
    }

    private static void within(List<String> out, String named, Map<String, Object> params, String p, double lo,
                               double hi) {
        if (params.get(p) instanceof Double d && !(d >= lo && d <= hi)) {
            out.add(named + ": " + p + " must lie in [" + (int) lo + ", " + (int) hi + "], not " + d);
        }
    }
}
