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

    void stringMap(String name, Map<String, String> map) {
        g.writeName(name);
        g.writeStartObject();
        for (var e : ReportLookup.sorted(map).entrySet()) {
            str(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
