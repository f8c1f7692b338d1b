package org.bizenv.report.json;

import java.util.List;
import java.util.Map;

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

    void byChild(String name, String[] children, double[] values) {
        g.writeName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (int c = 0; c < children.length; c++) {
            num(children[c], values[c]);
        }
        g.writeEndObject();
    }

    void integersByUnit(String name, int[] values) {
        g.writeName(name);
        g.writeStartObject();
        for (int u = 0; u < values.length; u++) {
            g.writeName(units.get(u));
            g.writeNumber(values[u]);
        }
        g.writeEndObject();
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
        g.writeName(name);
        if (m == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
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
        g.writeName(name);
        g.writeStartObject();
        for (int u = 0; u < values.length; u++) {
            num(units.get(u), values[u]);
        }
        g.writeEndObject();
    }

    void ranksByUnit(String name, int[] ranks) {
        g.writeName(name);
        g.writeStartObject();
        for (int u = 0; u < ranks.length; u++) {
            rank(units.get(u), ranks[u]);
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
