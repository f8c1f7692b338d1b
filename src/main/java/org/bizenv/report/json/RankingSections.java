package org.bizenv.report.json;

import java.util.List;

import java.util.function.IntConsumer;

import org.bizenv.rank.Ranking;
import org.bizenv.report.Publication;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.card.CityCardWriter;

import tools.jackson.core.JsonGenerator;

/**
 * {@code ranking}, {@code top} (the leading units on each dimension), {@code groupMeans}, {@code improvement}, and the
 * per-unit findings beside them: {@code thinSamples} and the city report {@code cards}.
 */
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
            if (r.meta().byGroups()) {
                str("group", row.group());
                rank("groupRank", row.groupRank());
                rank("groupTier", row.groupTier());
            }
            byDimension("dimensionScores", d -> num(dims.get(d).code(), row.dimensionScores()[d]));
            byDimension("dimensionRanks", d -> rank(dims.get(d).code(), row.dimensionRanks()[d]));
            if (r.meta().byGroups()) {
                byDimension("dimensionGroupRanks", d -> rank(dims.get(d).code(), row.dimensionGroupRanks()[d]));
            }
            num("previousScore", row.previousScore());
            integer("previousRank", row.previousRank());
            num("scoreChange", row.scoreChange());
            integer("rankChange", row.rankChange());
            byDimension("previousDimensionScores", d -> num(dims.get(d).code(), row.previousDimensionScores()[d]));
            byDimension("previousDimensionRanks", d -> rank(dims.get(d).code(), row.previousDimensionRanks()[d]));
            byDimension("dimensionScoreChanges", d -> num(dims.get(d).code(), row.dimensionScoreChange(d)));
            byDimension("dimensionRankChanges", d -> integer(dims.get(d).code(), row.dimensionRankChange(d)));
        });
    }

    /** An object keyed by the index's dimension codes, in their order. */
    private void byDimension(String name, IntConsumer entry) {
        g.writeName(name);
        g.writeStartObject();
        for (int d = 0; d < lookup.dimensions.size(); d++) {
            entry.accept(d);
        }
        g.writeEndObject();
    }

    /** The city report cards published beside the report: the workbook with all of them, and each unit's. */
    /** @param published whether the run writes the cards; if not, none are listed */
    void cards(boolean published) {
        var files = published ? CityCardWriter.cards(r) : List.<CityCardWriter.CardFile>of();
        g.writeName("cards");
        g.writeStartObject();
        str("all", published && Publication.combinedCards(files.size()) ? CityCardWriter.ALL : null);
        compactObjects("units", files, f -> {
            str("unit", f.unit());
            str("path", f.path());
        });
        g.writeEndObject();
    }

    void thinSamples() {
        compactObjects("thinSamples", ReportLookup.nonNull(r.thinSamples()), t -> {
            str("unit", t.unit());
            str("indicator", t.indicator());
            str("question", t.question());
            g.writeNumberProperty("answers", t.answers());
            g.writeNumberProperty("minimum", t.minimum());
        });
    }

    void top() {
        objects("top", ReportLookup.nonNull(r.top()), t -> {
            str("node", t.node());
            if (t.group() != null) {
                str("group", t.group());
            }
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
            if (r.meta().byGroups()) {
                str("group", row.group());
                rank("groupRank", row.groupRank());
                byDimension("dimensionScoreChanges", d -> num(lookup.dimensions.get(d).code(),
                        row.dimensionScoreChanges()[d]));
                byDimension("dimensionGroupRanks", d -> rank(lookup.dimensions.get(d).code(),
                        row.dimensionGroupRanks()[d]));
            }
        });
    }
}
