package org.bizenv.report.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bizenv.report.AtomicReportFolder;
import org.bizenv.report.Publication;
import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes a {@link Report} as the JSON document described by {@code schema/bizenv-report-1.2.schema.json} and
 * {@code docs/report-format.md}.
 *
 * <p>The output is a pure function of the report: fields in a fixed order, maps sorted by key where the model has
 * a {@code Map}, doubles in their shortest round-trip form (Schubfach, independent of the JDK), NaN and infinities
 * as {@code null}, rank 0 (unranked) and tier 0 (unscored) as {@code null}, UTF-8 without escaping Chinese or
 * {@code /}, two-space indentation, {@code \n} line ends and a trailing newline. Arrays of scalars stay on one line,
 * arrays of objects get one element per line.
 *
 * <p>This class only orders the sections; each family is written by a class of its own over {@link SectionWriter}'s
 * value rules and the {@link LayoutPrinter}: {@link ProvenanceSections}, {@link TreeSections},
 * {@link RankingSections}, {@link StageSections}, {@link DiagnosticSections}, {@link SurveySections} and
 * {@link RobustnessSections}. A fresh set per document, so the writer itself is thread-safe. A
 * {@linkplain Publication#compactJson() compact} document leaves out {@code stages} and the correlation matrices and
 * says so in {@code meta.detail}.
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

    private final Publication publication;

    /** The full document, with the cards a run publishes by default. */
    public JsonReportWriter() {
        this(Publication.FULL);
    }

    /** The document for what is published beside it: the cards listed only if written; compact if asked. */
    public JsonReportWriter(Publication publication) {
        this.publication = publication;
    }

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
            document(g, pp, lookup, publication);
            g.writeRaw('\n');
            g.flush();
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** The document's sections in the order of the schema. */
    private static void document(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup, Publication publication) {
        var provenance = new ProvenanceSections(g, pp, lookup, publication.compactJson());
        var tree = new TreeSections(g, pp, lookup);
        var ranking = new RankingSections(g, pp, lookup);
        var diagnostics = new DiagnosticSections(g, pp, lookup);
        g.writeStartObject();
        provenance.meta();
        tree.units();
        tree.nodes();
        tree.indicators();
        ranking.ranking();
        ranking.top();
        if (!publication.compactJson()) {
            new StageSections(g, pp, lookup).stages();
        }
        diagnostics.weights();
        diagnostics.treatment();
        ranking.groupMeans();
        ranking.improvement();
        provenance.methodology();
        diagnostics.warnings();
        ranking.thinSamples();
        new SurveySections(g, pp, lookup).survey();
        diagnostics.coherence(!publication.compactJson());
        new RobustnessSections(g, pp, lookup).robustness();
        ranking.cards(publication.cards());
        g.writeEndObject();
    }
}
