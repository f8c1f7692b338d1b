package org.bizenv.report.json;

import org.bizenv.framework.Names;
import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code units} and the tree: {@code nodes} (with every node's scores and ranks) and {@code indicators}. */
final class TreeSections extends SectionWriter {

    static final Names HIGHER = new Names("越高越好", "higher is better");
    static final Names LOWER = new Names("越低越好", "lower is better");

    TreeSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void units() {
        objects("units", r.units(), u -> {
            str("code", u.code());
            names("name", u.name());
            stringMap("groups", u.groups());
        });
    }

    void nodes() {
        objects("nodes", ReportLookup.nonNull(r.nodes()), n -> {
            str("code", n.code());
            str("parent", n.parent());
            names("name", n.name());
            g.writeNumberProperty("depth", n.depth());
            str("aggregation", n.aggregation());
            str("weighting", n.weighting());
            num("weight", n.weight());
            num("effectiveWeight", n.effectiveWeight());
            methods("methods", n.methods());
            byUnit("scores", n.scores());
            ranksByUnit("ranks", n.ranks());
        });
    }

    void indicators() {
        objects("indicators", ReportLookup.nonNull(r.indicators()), i -> {
            str("code", i.code());
            str("parent", i.parent());
            names("name", i.name());
            str("unit", i.unit());
            g.writeNumberProperty("direction", i.direction());
            names("directionWords", i.direction() > 0 ? HIGHER : i.direction() < 0 ? LOWER : null);
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
            methods("methods", i.methods());
            ranksByUnit("ranks", i.ranks());
        });
    }
}
