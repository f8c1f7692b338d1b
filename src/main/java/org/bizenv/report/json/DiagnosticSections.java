package org.bizenv.report.json;

import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code weights}, {@code treatment} (what outlier treatment did to each indicator), {@code warnings} and
 * {@code coherence} (correlations, Cronbach's α, principal components). */
final class DiagnosticSections extends SectionWriter {

    DiagnosticSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void weights() {
        g.writeName("weights");
        g.writeStartArray();
        for (var w : ReportLookup.nonNull(r.weights())) {
            g.writeStartObject();
            str("node", w.node());
            str("method", w.method());
            str("detail", w.detail());
            g.writeName("weights");
            g.writeStartObject();
            for (int c = 0; c < w.children().length; c++) {
                num(w.children()[c], w.weights()[c]);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void treatment() {
        g.writeName("treatment");
        g.writeStartArray();
        for (var t : ReportLookup.nonNull(r.treatment())) {
            g.writeStartObject();
            str("indicator", t.indicator());
            str("method", t.method());
            num("skewBefore", t.skewBefore());
            num("kurtBefore", t.kurtBefore());
            num("skewAfter", t.skewAfter());
            num("kurtAfter", t.kurtAfter());
            g.writeNumberProperty("winsorised", t.winsorised());
            g.writeBooleanProperty("logTransformed", t.logTransformed());
            g.writeBooleanProperty("treated", t.treated());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void coherence() {
        var c = r.coherence();
        g.writeName("coherence");
        if (c == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        String[] inds = c.indicators() == null ? new String[0] : c.indicators();
        g.writeName("indicators");
        pp.inlineNext();
        g.writeStartArray();
        for (String s : inds) {
            g.writeString(s);
        }
        g.writeEndArray();
        square("pearson", inds, c.pearson());
        square("spearman", inds, c.spearman());
        g.writeName("withParent");
        g.writeStartArray();
        for (var p : ReportLookup.nonNull(c.withParent())) {
            g.writeStartObject();
            str("indicator", p.indicator());
            str("parent", p.parent());
            num("pearson", p.pearson());
            num("spearman", p.spearman());
            g.writeBooleanProperty("negative", p.negative());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("dimensions");
        g.writeStartArray();
        for (var d : ReportLookup.nonNull(c.dimensions())) {
            g.writeStartObject();
            str("node", d.node());
            num("cronbachAlpha", d.cronbachAlpha());
            g.writeName("varianceExplained");
            pp.inlineNext();
            g.writeStartArray();
            for (double v : d.varianceExplained() == null ? new double[0] : d.varianceExplained()) {
                number(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    void warnings() {
        g.writeName("warnings");
        g.writeStartArray();
        for (String w : ReportLookup.nonNull(r.warnings())) {
            g.writeString(w);
        }
        g.writeEndArray();
    }
}
