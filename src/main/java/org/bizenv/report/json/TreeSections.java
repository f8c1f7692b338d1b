package org.bizenv.report.json;

import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code units} and the tree: {@code nodes} (with every node's scores and ranks) and {@code indicators}. */
final class TreeSections extends SectionWriter {

    TreeSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void units() {
        g.writeName("units");
        g.writeStartArray();
        for (var u : r.units()) {
            g.writeStartObject();
            str("code", u.code());
            names("name", u.name());
            stringMap("groups", u.groups());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void nodes() {
        g.writeName("nodes");
        g.writeStartArray();
        for (var n : ReportLookup.nonNull(r.nodes())) {
            g.writeStartObject();
            str("code", n.code());
            str("parent", n.parent());
            names("name", n.name());
            g.writeNumberProperty("depth", n.depth());
            str("aggregation", n.aggregation());
            str("weighting", n.weighting());
            num("weight", n.weight());
            num("effectiveWeight", n.effectiveWeight());
            byUnit("scores", n.scores());
            ranksByUnit("ranks", n.ranks());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void indicators() {
        g.writeName("indicators");
        g.writeStartArray();
        for (var i : ReportLookup.nonNull(r.indicators())) {
            g.writeStartObject();
            str("code", i.code());
            str("parent", i.parent());
            names("name", i.name());
            str("unit", i.unit());
            g.writeNumberProperty("direction", i.direction());
            str("channel", i.channel());
            str("source", i.source());
            str("field", i.field());
            str("statistic", i.statistic());
            str("normalisation", i.normalisation());
            str("imputation", i.imputation());
            str("treatment", i.treatment());
            str("definition", i.definition());
            num("weight", i.weight());
            num("effectiveWeight", i.effectiveWeight());
            ranksByUnit("ranks", i.ranks());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
