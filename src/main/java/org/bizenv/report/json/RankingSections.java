package org.bizenv.report.json;

import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code ranking}, {@code top} (the leading units on each dimension), {@code groupMeans} and {@code improvement}. */
final class RankingSections extends SectionWriter {

    RankingSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void ranking() {
        var dims = lookup.dimensions;
        g.writeName("ranking");
        g.writeStartArray();
        for (var row : ReportLookup.nonNull(r.ranking())) {
            g.writeStartObject();
            str("unit", row.unit());
            num("score", row.score());
            rank("rank", row.rank());
            rank("tier", row.tier());
            g.writeName("dimensionScores");
            g.writeStartObject();
            for (int d = 0; d < dims.size(); d++) {
                num(dims.get(d).code(), row.dimensionScores()[d]);
            }
            g.writeEndObject();
            g.writeName("dimensionRanks");
            g.writeStartObject();
            for (int d = 0; d < dims.size(); d++) {
                rank(dims.get(d).code(), row.dimensionRanks()[d]);
            }
            g.writeEndObject();
            num("previousScore", row.previousScore());
            integer("previousRank", row.previousRank());
            num("scoreChange", row.scoreChange());
            integer("rankChange", row.rankChange());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void top() {
        g.writeName("top");
        g.writeStartArray();
        for (var t : ReportLookup.nonNull(r.top())) {
            g.writeStartObject();
            str("node", t.node());
            names("name", t.name());
            g.writeName("entries");
            g.writeStartArray();
            for (var e : ReportLookup.nonNull(t.entries())) {
                g.writeStartObject();
                rank("rank", e.rank());
                str("unit", e.unit());
                num("score", e.score());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void groupMeans() {
        g.writeName("groupMeans");
        g.writeStartArray();
        for (var gm : ReportLookup.nonNull(r.groupMeans())) {
            g.writeStartObject();
            str("grouping", gm.grouping());
            str("group", gm.group());
            g.writeNumberProperty("units", gm.units());
            g.writeName("means");
            g.writeStartObject();
            for (int k = 0; k < gm.nodes().length; k++) {
                num(gm.nodes()[k], gm.means()[k]);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    void improvement() {
        g.writeName("improvement");
        g.writeStartArray();
        for (var row : ReportLookup.nonNull(r.improvement())) {
            g.writeStartObject();
            rank("rank", row.rank());
            str("unit", row.unit());
            num("scoreChange", row.scoreChange());
            num("score", row.score());
            num("previousScore", row.previousScore());
            integer("rankChange", row.rankChange());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
