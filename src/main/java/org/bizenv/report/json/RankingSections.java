package org.bizenv.report.json;

import org.bizenv.rank.Ranking;
import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code ranking}, {@code top} (the leading units on each dimension), {@code groupMeans} and {@code improvement}. */
final class RankingSections extends SectionWriter {

    RankingSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void ranking() {
        var dims = lookup.dimensions;
        int decimals = r.meta().decimals();
        objects("ranking", ReportLookup.nonNull(r.ranking()), row -> {
            str("unit", row.unit());
            var unit = lookup.unit(row.unit());
            names("name", unit == null ? null : unit.name());
            num("score", row.score());
            num("publishedScore", Ranking.round(row.score(), Math.max(0, decimals)));
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
        });
    }

    void top() {
        objects("top", ReportLookup.nonNull(r.top()), t -> {
            str("node", t.node());
            names("name", t.name());
            objects("entries", ReportLookup.nonNull(t.entries()), e -> {
                rank("rank", e.rank());
                str("unit", e.unit());
                num("score", e.score());
            });
        });
    }

    void groupMeans() {
        objects("groupMeans", ReportLookup.nonNull(r.groupMeans()), gm -> {
            str("grouping", gm.grouping());
            str("group", gm.group());
            g.writeNumberProperty("units", gm.units());
            g.writeName("means");
            g.writeStartObject();
            for (int k = 0; k < gm.nodes().length; k++) {
                num(gm.nodes()[k], gm.means()[k]);
            }
            g.writeEndObject();
        });
    }

    void improvement() {
        objects("improvement", ReportLookup.nonNull(r.improvement()), row -> {
            rank("rank", row.rank());
            str("unit", row.unit());
            num("scoreChange", row.scoreChange());
            num("score", row.score());
            num("previousScore", row.previousScore());
            integer("rankChange", row.rankChange());
        });
    }
}
