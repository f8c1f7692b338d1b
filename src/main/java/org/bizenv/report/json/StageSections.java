package org.bizenv.report.json;

import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code stages}: every stage's values, the cells it flagged and, where known, where each raw value came from. */
final class StageSections extends SectionWriter {

    StageSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void stages() {
        g.writeName("stages");
        g.writeStartObject();
        for (var s : ReportLookup.nonNull(r.stages())) {
            g.writeName(s.name());
            g.writeStartObject();
            g.writeName("values");
            g.writeStartObject();
            for (int i = 0; i < indicators.size(); i++) {
                byUnit(indicators.get(i), s.values()[i]);
            }
            g.writeEndObject();
            g.writeName("flagged");
            g.writeStartObject();
            if (s.flagged() != null) {
                for (int i = 0; i < indicators.size(); i++) {
                    boolean[] f = s.flagged()[i];
                    boolean any = false;
                    for (boolean b : f) {
                        any |= b;
                    }
                    if (!any) {
                        continue;
                    }
                    g.writeName(indicators.get(i));
                    pp.inlineNext();
                    g.writeStartArray();
                    for (int u = 0; u < f.length; u++) {
                        if (f[u]) {
                            g.writeString(units.get(u));
                        }
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
            if (objectOrNull("provenance", s.provenance())) {
                for (int i = 0; i < indicators.size(); i++) {
                    g.writeName(indicators.get(i));
                    g.writeStartObject();
                    String[] p = s.provenance()[i];
                    for (int u = 0; u < p.length; u++) {
                        str(units.get(u), p[u]);
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
