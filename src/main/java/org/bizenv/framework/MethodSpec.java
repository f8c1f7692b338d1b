package org.bizenv.framework;

import java.util.List;
import java.util.Map;

/**
 * A method chosen in the framework file and its parameters, e.g. {@code {method: goalposts, best: 1, worst: 30}}.
 * Parameters keep their YAML scalar text so each method reads them in the type it needs; {@code line} points
 * back at the framework file for error messages and for the Methodology sheet.
 */
public record MethodSpec(String method, Map<String, Object> params, int line) {

    public MethodSpec {
        params = Map.copyOf(params);
    }

    public static MethodSpec of(String method) {
        return new MethodSpec(method, Map.of(), 0);
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }

    public double number(String key, double fallback) {
        Object v = params.get(key);
        return v instanceof Double d ? d : fallback;     // a non-number was reported by the loader
    }

    public String text(String key, String fallback) {
        Object v = params.get(key);
        return v == null ? fallback : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = params.get(key);
        return v == null ? List.of() : (List<Object>) v;
    }

    /** The method and its parameters as the framework file states them, for reports. */
    public String describe() {
        if (params.isEmpty()) {
            return method;
        }
        StringBuilder b = new StringBuilder(method).append(" (");
        boolean first = true;
        for (var e : new java.util.TreeMap<>(params).entrySet()) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            b.append(e.getKey()).append(' ').append(format(e.getValue()));
        }
        return b.append(')').toString();
    }

    static String format(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
