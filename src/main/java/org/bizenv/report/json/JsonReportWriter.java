package org.bizenv.report.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.bizenv.framework.Names;
import org.bizenv.report.AtomicReportFolder;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes a {@link Report} as the JSON document described by {@code schema/bizenv-report-1.1.schema.json} and
 * {@code docs/report-format.md}.
 *
 * <p>The output is a pure function of the report: fields in a fixed order, maps sorted by key where the model has
 * a {@link Map}, doubles in their shortest round-trip form (Schubfach, independent of the JDK), NaN and infinities
 * as {@code null}, rank 0 (unranked) and tier 0 (unscored) as {@code null}, UTF-8 without escaping Chinese or
 * {@code /}, two-space indentation, {@code \n} line ends and a trailing newline. Arrays of scalars stay on one line,
 * arrays of objects get one element per line.
 */
public final class JsonReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
            .build();

    /** Writes the document to {@code file} (created or replaced); on failure no partial file is left. */
    public void write(Report r, Path file) throws IOException {
        var lookup = new ReportLookup(r);
        AtomicReportFolder.writeFile(file, out -> write(lookup, out));
    }

    /** The document as a string, exactly the bytes {@link #write} puts in the file, decoded as UTF-8. */
    public String toJson(Report r) {
        var lookup = new ReportLookup(r);
        var out = new ByteArrayOutputStream(1 << 14);
        try {
            write(lookup, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen with a byte array
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the document to a stream, which is flushed but left open. */
    public void write(Report r, OutputStream out) throws IOException {
        write(new ReportLookup(r), out);
    }

    private void write(ReportLookup lookup, OutputStream out) throws IOException {
        var pp = new LayoutPrinter();
        var ctx = new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return pp;
            }

            @Override
            public boolean hasPrettyPrinter() {
                return true;
            }
        };
        try (JsonGenerator g = FACTORY.createGenerator(ctx, out, JsonEncoding.UTF8)) {
            new Doc(g, pp, lookup).report();
            g.writeRaw('\n');
            g.flush();
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** Writes one document; a fresh instance per call, so the writer itself is thread-safe. */
    private static final class Doc {
        private final JsonGenerator g;
        private final LayoutPrinter pp;
        private final ReportLookup lookup;
        private final Report r;
        private final List<String> units;
        private final List<String> indicators;

        Doc(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
            this.g = g;
            this.pp = pp;
            this.lookup = lookup;
            this.r = lookup.report;
            this.units = lookup.unitCodes;
            this.indicators = lookup.indicatorCodes;
        }

        void report() {
            g.writeStartObject();
            meta();
            unitsSection();
            nodes();
            indicatorsSection();
            ranking();
            top();
            stages();
            weights();
            treatment();
            groupMeans();
            improvement();
            methodology();
            g.writeName("warnings");
            g.writeStartArray();
            for (String w : ReportLookup.nonNull(r.warnings())) {
                g.writeString(w);
            }
            g.writeEndArray();
            coherence();
            robustness();
            g.writeEndObject();
        }

        private void meta() {
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
            str("tierMethod", m.tierMethod());
            g.writeName("tierNames");
            g.writeStartArray();
            for (Names n : ReportLookup.nonNull(m.tierNames())) {
                names(n);
            }
            g.writeEndArray();
            integer("previousYear", m.previousYear());
            g.writeName("sources");
            g.writeStartArray();
            for (var s : ReportLookup.nonNull(m.sources())) {
                g.writeStartObject();
                str("source", s.source());
                str("channel", s.channel());
                str("path", s.path());
                str("sha256", s.sha256());
                g.writeNumberProperty("bytes", s.bytes());
                g.writeEndObject();
            }
            g.writeEndArray();
            stringMap("parameters", m.parameters());
            g.writeEndObject();
        }

        private void unitsSection() {
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

        private void nodes() {
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

        private void indicatorsSection() {
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

        private void ranking() {
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

        private void top() {
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

        private void stages() {
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
                g.writeName("provenance");
                if (s.provenance() == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
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

        private void weights() {
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

        private void treatment() {
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

        private void groupMeans() {
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

        private void improvement() {
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

        private void methodology() {
            g.writeName("methodology");
            g.writeStartArray();
            for (var m : ReportLookup.nonNull(r.methodology())) {
                g.writeStartObject();
                str("element", m.element());
                str("level", m.level());
                str("text", m.text());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void coherence() {
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

        // ---- robustness ------------------------------------------------------------------------------------------

        private void robustness() {
            var rb = r.robustness();
            g.writeName("robustness");
            if (rb == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            var s = rb.settings();
            g.writeName("settings");
            if (s == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberProperty("seed", s.seed());
                g.writeNumberProperty("uncertaintyRuns", s.uncertaintyRuns());
                str("perturbation", s.perturbation());
                g.writeNumberProperty("sensitivitySamples", s.sensitivitySamples());
                num("sensitivityFactor", s.sensitivityFactor());
                str("marginNorm", s.marginNorm());
                strings("scenarioFiles", s.scenarioFiles());
                g.writeEndObject();
            }
            strings("notes", rb.notes());
            uncertainty(rb.uncertainty());
            sensitivity(rb.sensitivity());
            oneAtATime(rb.oneAtATime());
            reversals(rb.reversals());
            scenarios(rb.scenarios());
            g.writeEndObject();
        }

        private void uncertainty(RobustnessSection.Uncertainty u) {
            g.writeName("uncertainty");
            if (u == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            g.writeNumberProperty("runs", u.runs());
            g.writeNumberProperty("seed", u.seed());
            str("weightScheme", u.weightScheme());
            strings("settings", u.settings());
            str("percentiles", u.percentiles());
            g.writeNumberProperty("topK", u.topK());
            g.writeName("units");
            g.writeStartArray();
            for (var row : ReportLookup.nonNull(u.units())) {
                g.writeStartObject();
                str("unit", row.unit());
                num("nominalScore", row.nominalScore());
                rank("nominalRank", row.nominalRank());
                num("meanRank", row.meanRank());
                num("medianRank", row.medianRank());
                num("rankP05", row.rankP05());
                num("rankP95", row.rankP95());
                rank("bestRank", row.bestRank());
                rank("worstRank", row.worstRank());
                num("meanAbsShift", row.meanAbsShift());
                num("probabilityTopK", row.probabilityTopK());
                g.writeName("tierProbability");
                pp.inlineNext();
                g.writeStartArray();
                for (double p : row.tierProbability() == null ? new double[0] : row.tierProbability()) {
                    number(p);
                }
                g.writeEndArray();
                g.writeNumberProperty("rankedRuns", row.rankedRuns());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void sensitivity(RobustnessSection.Sensitivity v) {
            g.writeName("sensitivity");
            if (v == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            str("output", v.output());
            g.writeNumberProperty("baseSamples", v.baseSamples());
            g.writeNumberProperty("runs", v.runs());
            str("sampling", v.sampling());
            g.writeNumberProperty("seed", v.seed());
            g.writeNumberProperty("bootstrap", v.bootstrap());
            num("confidence", v.confidence());
            num("outputMean", v.outputMean());
            num("outputVariance", v.outputVariance());
            g.writeName("inputs");
            g.writeStartArray();
            for (var x : ReportLookup.nonNull(v.inputs())) {
                g.writeStartObject();
                str("label", x.label());
                str("element", x.element());
                names("name", x.name());
                num("first", x.first());
                num("firstLow", x.firstLow());
                num("firstHigh", x.firstHigh());
                num("total", x.total());
                num("totalLow", x.totalLow());
                num("totalHigh", x.totalHigh());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings("notes", v.notes());
            g.writeEndObject();
        }

        private void oneAtATime(RobustnessSection.OneAtATime o) {
            g.writeName("oneAtATime");
            if (o == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            g.writeName("removals");
            g.writeStartArray();
            for (var x : ReportLookup.nonNull(o.removals())) {
                g.writeStartObject();
                str("element", x.element());
                str("level", x.level());
                num("meanAbsShift", x.meanAbsShift());
                g.writeNumberProperty("maxAbsShift", x.maxAbsShift());
                ranksByUnit("ranks", x.ranks());
                integersByUnit("shifts", x.shifts());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void reversals(List<RobustnessSection.Reversal> rs) {
            g.writeName("rankReversals");
            g.writeStartArray();
            for (var x : ReportLookup.nonNull(rs)) {
                g.writeStartObject();
                str("node", x.node());
                str("ahead", x.ahead());
                rank("aheadRank", x.aheadRank());
                str("behind", x.behind());
                rank("behindRank", x.behindRank());
                num("scoreGap", x.scoreGap());
                str("norm", x.norm());
                str("status", x.status());
                g.writeBooleanProperty("exact", x.exact());
                num("margin", x.margin());
                num("weightMoved", x.weightMoved());
                byChild("nominal", x.children(), x.nominal());
                byChild("tie", x.children(), x.tie());
                byChild("change", x.children(), x.change());
                names("sentence", x.sentence());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void scenarios(RobustnessSection.Scenarios c) {
            g.writeName("scenarios");
            if (c == null) {
                g.writeNull();
                return;
            }
            g.writeStartObject();
            var runs = ReportLookup.nonNull(c.scenarios());
            String[] ids = runs.stream().map(RobustnessSection.ScenarioRun::id).toArray(String[]::new);
            g.writeName("runs");
            g.writeStartArray();
            for (var x : runs) {
                g.writeStartObject();
                str("id", x.id());
                names("name", x.name());
                str("source", x.source());
                byUnit("scores", x.scores());
                ranksByUnit("ranks", x.ranks());
                ranksByUnit("tiers", x.tiers());
                integersByUnit("rankShift", x.rankShift());
                num("meanAbsShift", x.meanAbsShift());
                g.writeNumberProperty("maxAbsShift", x.maxAbsShift());
                g.writeEndObject();
            }
            g.writeEndArray();
            square("spearman", ids, c.spearman());
            square("kendall", ids, c.kendall());
            strings("notes", c.notes());
            g.writeEndObject();
        }

        private void byChild(String name, String[] children, double[] values) {
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

        private void integersByUnit(String name, int[] values) {
            g.writeName(name);
            g.writeStartObject();
            for (int u = 0; u < values.length; u++) {
                g.writeName(units.get(u));
                g.writeNumber(values[u]);
            }
            g.writeEndObject();
        }

        private void strings(String name, List<String> values) {
            g.writeName(name);
            g.writeStartArray();
            for (String v : ReportLookup.nonNull(values)) {
                g.writeString(v);
            }
            g.writeEndArray();
        }

        private void square(String name, String[] codes, double[][] m) {
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

        private void byUnit(String name, double[] values) {
            g.writeName(name);
            g.writeStartObject();
            for (int u = 0; u < values.length; u++) {
                num(units.get(u), values[u]);
            }
            g.writeEndObject();
        }

        private void ranksByUnit(String name, int[] ranks) {
            g.writeName(name);
            g.writeStartObject();
            for (int u = 0; u < ranks.length; u++) {
                rank(units.get(u), ranks[u]);
            }
            g.writeEndObject();
        }

        private void str(String name, String value) {
            g.writeName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeString(value);
            }
        }

        private void num(String name, double value) {
            g.writeName(name);
            number(value);
        }

        private void number(double value) {
            if (Double.isFinite(value)) {
                g.writeNumber(value);
            } else {
                g.writeNull();
            }
        }

        /** Ranks and tiers: 0 means "none" in the model and null in the document. */
        private void rank(String name, int value) {
            g.writeName(name);
            if (value > 0) {
                g.writeNumber(value);
            } else {
                g.writeNull();
            }
        }

        private void integer(String name, Integer value) {
            g.writeName(name);
            if (value == null) {
                g.writeNull();
            } else {
                g.writeNumber(value.intValue());
            }
        }

        private void names(String name, Names n) {
            g.writeName(name);
            names(n);
        }

        private void names(Names n) {
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

        private void stringMap(String name, Map<String, String> map) {
            g.writeName(name);
            g.writeStartObject();
            for (var e : ReportLookup.sorted(map).entrySet()) {
                str(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
    }

    /**
     * Two-space indentation with {@code \n} whatever the platform; {@code "name": value}; containers one entry per
     * line and empty ones as {@code {}} / {@code []}, unless {@link #inlineNext()} asked for the next container to
     * stay on one line ({@code ["a", "b"]}, {@code {"zh": "北京", "en": "Beijing"}}), which the writer does for arrays
     * of scalars and for bilingual names.
     */
    static final class LayoutPrinter implements PrettyPrinter {
        private int depth;
        private boolean nextInline;
        /** One entry per open container: true where it is written on one line. */
        private final Deque<Boolean> inline = new ArrayDeque<>();

        void inlineNext() {
            nextInline = true;
        }

        private boolean inlineNow() {
            return !inline.isEmpty() && inline.peek();
        }

        private void open(JsonGenerator g, char c) {
            // a container inside a one-line container stays on that line
            inline.push(nextInline || inlineNow());
            nextInline = false;
            g.writeRaw(c);
            depth++;
        }

        private void close(JsonGenerator g, char c, int entries) {
            depth--;
            boolean oneLine = inline.pop();
            if (entries > 0 && !oneLine) {
                newline(g);
            }
            g.writeRaw(c);
        }

        private void first(JsonGenerator g) {
            if (!inlineNow()) {
                newline(g);
            }
        }

        private void separator(JsonGenerator g) {
            g.writeRaw(',');
            if (inlineNow()) {
                g.writeRaw(' ');
            } else {
                newline(g);
            }
        }

        private void newline(JsonGenerator g) {
            g.writeRaw('\n');
            for (int i = 0; i < depth; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) {
            open(g, '{');
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            first(g);
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            separator(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            close(g, '}', entries);
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            open(g, '[');
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            first(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            separator(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            close(g, ']', values);
        }
    }
}
