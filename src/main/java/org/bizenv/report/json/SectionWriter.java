package org.bizenv.report.json;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/**
 * What every section of the document writes with: the generator, the layout, the report and its lookups, and the
 * value rules (a missing number, rank 0 and tier 0 as {@code null}; per-unit values keyed by unit code in unit
 * order; maps sorted by key; arrays of scalars and bilingual names on one line).
 */
abstract class SectionWriter {
    final JsonGenerator g;
    final LayoutPrinter pp;
    final ReportLookup lookup;
    final Report r;
    final List<String> units;
    final List<String> indicators;

    SectionWriter(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        this.g = g;
        this.pp = pp;
        this.lookup = lookup;
        this.r = lookup.report;
        this.units = lookup.unitCodes;
        this.indicators = lookup.indicatorCodes;
    }

    /** An array of objects, one per item, each written by {@code fields} between its braces. */
    <T> void objects(String name, List<T> items, Consumer<T> fields) {
        g.writeName(name);
        g.writeStartArray();
        for (T item : items) {
            g.writeStartObject();
            fields.accept(item);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** As {@link #objects}, for small flat objects: each on one line. */
    <T> void compactObjects(String name, List<T> items, Consumer<T> fields) {
        g.writeName(name);
        g.writeStartArray();
        for (T item : items) {
            pp.inlineNext();
            g.writeStartObject();
            fields.accept(item);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Names a value that is an object or absent: writes {@code null} and answers false when {@code value} is null,
     * else opens the object (the caller writes its fields and closes it) and answers true.
     */
    boolean objectOrNull(String name, Object value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
            return false;
        }
        g.writeStartObject();
        return true;
    }

    void byChild(String name, String[] children, double[] values) {
        if (!objectOrNull(name, values)) {
            return;
        }
        for (int c = 0; c < children.length; c++) {
            num(children[c], values[c]);
        }
        g.writeEndObject();
    }

    void integersByUnit(String name, int[] values) {
        byUnit(name, values.length, u -> {
            g.writeName(units.get(u));
            g.writeNumber(values[u]);
        });
    }

    void strings(String name, List<String> values) {
        g.writeName(name);
        g.writeStartArray();
        for (String v : ReportLookup.nonNull(values)) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    void square(String name, String[] codes, double[][] m) {
        if (!objectOrNull(name, m)) {
            return;
        }
        for (int a = 0; a < codes.length; a++) {
            g.writeName(codes[a]);
            g.writeStartObject();
            for (int b = 0; b < codes.length; b++) {
                num(codes[b], m[a][b]);
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    void byUnit(String name, double[] values) {
        byUnit(name, values.length, u -> num(units.get(u), values[u]));
    }

    void ranksByUnit(String name, int[] ranks) {
        byUnit(name, ranks.length, u -> rank(units.get(u), ranks[u]));
    }

    /** An object keyed by unit code, in unit order: {@code entry} writes unit {@code u}'s name and value. */
    private void byUnit(String name, int count, IntConsumer entry) {
        g.writeName(name);
        g.writeStartObject();
        for (int u = 0; u < count; u++) {
            entry.accept(u);
        }
        g.writeEndObject();
    }

    void str(String name, String value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    void num(String name, double value) {
        g.writeName(name);
        number(value);
    }

    void number(double value) {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }

    /** Ranks and tiers: 0 means "none" in the model and null in the document. */
    void rank(String name, int value) {
        g.writeName(name);
        if (value > 0) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }

    void integer(String name, Integer value) {
        g.writeName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.intValue());
        }
    }

    void names(String name, Names n) {
        g.writeName(name);
        names(n);
    }

    void names(Names n) {
        if (n == null) {
            g.writeNull();
            return;
        }
        pp.inlineNext();
        g.writeStartObject();
        str("zh", n.zh());
        str("en", n.en());
        g.writeEndObject();
    }

    /** Bilingual texts, one {@code {"zh", "en"}} object a line. */
    void texts(String name, List<Names> values) {
        g.writeName(name);
        g.writeStartArray();
        for (Names n : ReportLookup.nonNull(values)) {
            names(n);
        }
        g.writeEndArray();
    }

    /** Methods by role: {@code {"method": ..., "parameters": {...}}} each, parameters in their own types. */
    void methods(String name, Map<String, Report.Method> methods) {
        g.writeName(name);
        g.writeStartObject();
        for (var e : (methods == null ? Map.<String, Report.Method>of() : methods).entrySet()) {
            g.writeName(e.getKey());
            pp.inlineNext();
            g.writeStartObject();
            str("method", e.getValue().method());
            g.writeName("parameters");
            value(e.getValue().parameters());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * A value in its own JSON type: numbers as numbers (integral ones without a fraction, as the framework file
     * wrote them), booleans, lists as arrays, maps as objects sorted by key, anything else as a string.
     */
    void value(Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                g.writeNumber(d.longValue());
            } else {
                number(d);
            }
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object x : list) {
                value(x);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (var e : new java.util.TreeMap<>(map).entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Run parameters, sorted by key, each in the type its text has: a whole number (no leading zero, at most 15
     * digits) or a decimal number as a JSON number, {@code true}/{@code false} as a boolean, else the text.
     */
    void typedMap(String name, Map<String, String> map) {
        g.writeName(name);
        g.writeStartObject();
        for (var e : ReportLookup.sorted(map).entrySet()) {
            g.writeName(e.getKey());
            String s = e.getValue();
            if (s == null) {
                g.writeNull();
            } else if (s.matches("-?(0|[1-9][0-9]{0,14})")) {
                g.writeNumber(Long.parseLong(s));
            } else if (s.matches("-?(0|[1-9][0-9]{0,14})\\.[0-9]{1,15}")) {
                number(Double.parseDouble(s));
            } else if (s.equals("true") || s.equals("false")) {
                g.writeBoolean(Boolean.parseBoolean(s));
            } else {
                g.writeString(s);
            }
        }
        g.writeEndObject();
    }

    void stringMap(String name, Map<String, String> map) {
        g.writeName(name);
        g.writeStartObject();
        for (var e : ReportLookup.sorted(map).entrySet()) {
            str(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
