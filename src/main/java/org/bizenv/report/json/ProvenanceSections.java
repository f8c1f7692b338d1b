package org.bizenv.report.json;

import org.bizenv.framework.Names;
import org.bizenv.report.Report;

import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/** {@code meta} (the framework, the engine, the parameters, every input file with its SHA-256) and
 * {@code methodology} (the method of every element). */
final class ProvenanceSections extends SectionWriter {

    private final boolean compact;

    /** @param compact the document is compact ({@code meta.detail}); a full one does not say so, as before */
    ProvenanceSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup, boolean compact) {
        super(g, pp, lookup);
        this.compact = compact;
    }

    void meta() {
        var m = r.meta();
        if (m.schemaVersion() != null && !m.schemaVersion().equals(Report.SCHEMA_VERSION)) {
            throw new IllegalArgumentException("report says schema version " + m.schemaVersion()
                    + " but this writer writes " + Report.SCHEMA_VERSION);
        }
        g.writeName("meta");
        g.writeStartObject();
        str("schemaVersion", Report.SCHEMA_VERSION);
        str("engineVersion", m.engineVersion());
        str("frameworkId", m.frameworkId());
        names("frameworkName", m.frameworkName());
        str("frameworkVersion", m.frameworkVersion());
        str("frameworkFile", m.frameworkFile());
        str("frameworkSha256", m.frameworkSha256());
        g.writeNumberProperty("year", m.year());
        str("generatedAt", m.generatedAt());
        g.writeBooleanProperty("synthetic", m.synthetic());
        g.writeNumberProperty("decimals", m.decimals());
        g.writeBooleanProperty("compareRounded", m.compareRounded());
        if (m.byGroups()) {
            str("rankingGroups", m.rankingGroups());     // only then: a one-list report stays as it was
        }
        if (m.top() != org.bizenv.framework.RankingRules.DEFAULT_TOP) {
            g.writeNumberProperty("top", m.top());          // likewise: top-5 reports stay as they were
        }
        if (!m.skipped().isEmpty()) {
            objects("skipped", m.skipped(), k -> {
                str("source", k.source());
                str("file", k.file());
                g.writeNumberProperty("units", k.units().size());
                strings("codes", k.units());
                if (k.countsRows()) {                       // the survey's: its rows are questionnaires, per city
                    g.writeName("rows");
                    g.writeStartObject();
                    for (int u = 0; u < k.units().size(); u++) {
                        g.writeName(k.units().get(u));
                        g.writeNumber(k.rows().get(u));
                    }
                    g.writeEndObject();
                }
            });
        }
        if (compact) {
            str("detail", "compact");
        }
        str("tierMethod", m.tierMethod());
        g.writeName("tierNames");
        g.writeStartArray();
        for (Names n : ReportLookup.nonNull(m.tierNames())) {
            names(n);
        }
        g.writeEndArray();
        integer("previousYear", m.previousYear());
        objects("sources", ReportLookup.nonNull(m.sources()), s -> {
            str("source", s.source());
            str("channel", s.channel());
            str("path", s.path());
            str("sha256", s.sha256());
            g.writeNumberProperty("bytes", s.bytes());
            str("encoding", s.encoding());
        });
        typedMap("parameters", m.parameters());
        g.writeEndObject();
    }

    void methodology() {
        objects("methodology", ReportLookup.nonNull(r.methodology()), m -> {
            str("element", m.element());
            str("level", m.level());
            names("text", m.text());
            names("term", m.term());
        });
    }
}
