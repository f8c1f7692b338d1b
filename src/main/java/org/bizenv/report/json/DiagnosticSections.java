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
        objects("weights", ReportLookup.nonNull(r.weights()), w -> {
            str("node", w.node());
            str("method", w.method());
            str("detail", w.detail());
            g.writeName("weights");
            g.writeStartObject();
            for (int c = 0; c < w.children().length; c++) {
                num(w.children()[c], w.weights()[c]);
            }
            g.writeEndObject();
        });
    }

    void treatment() {
        objects("treatment", ReportLookup.nonNull(r.treatment()), t -> {
            str("indicator", t.indicator());
            str("method", t.method());
            num("skewBefore", t.skewBefore());
            num("kurtBefore", t.kurtBefore());
            num("skewAfter", t.skewAfter());
            num("kurtAfter", t.kurtAfter());
            g.writeNumberProperty("winsorised", t.winsorised());
            g.writeBooleanProperty("logTransformed", t.logTransformed());
            g.writeBooleanProperty("treated", t.treated());
        });
    }

    /** @param matrices write the indicator × indicator Pearson and Spearman matrices (not in a compact report) */
    void coherence(boolean matrices) {
        var c = r.coherence();
        if (!objectOrNull("coherence", c)) {
            return;
        }
        String[] inds = c.indicators() == null ? new String[0] : c.indicators();
        g.writeName("indicators");
        pp.inlineNext();
        g.writeStartArray();
        for (String s : inds) {
            g.writeString(s);
        }
        g.writeEndArray();
        if (matrices) {
            square("pearson", inds, c.pearson());
            square("spearman", inds, c.spearman());
        }
        objects("withParent", ReportLookup.nonNull(c.withParent()), p -> {
            str("indicator", p.indicator());
            str("parent", p.parent());
            num("pearson", p.pearson());
            num("spearman", p.spearman());
            g.writeBooleanProperty("negative", p.negative());
        });
        objects("dimensions", ReportLookup.nonNull(c.dimensions()), d -> {
            str("node", d.node());
            num("cronbachAlpha", d.cronbachAlpha());
            g.writeName("varianceExplained");
            pp.inlineNext();
            g.writeStartArray();
            for (double v : d.varianceExplained() == null ? new double[0] : d.varianceExplained()) {
                number(v);
            }
            g.writeEndArray();
        });
        g.writeEndObject();
    }

    void warnings() {
        texts("warnings", r.warnings());
    }
}
