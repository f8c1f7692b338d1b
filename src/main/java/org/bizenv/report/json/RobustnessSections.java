package org.bizenv.report.json;

import java.util.List;

import org.bizenv.report.ReportLookup;
import org.bizenv.report.RobustnessSection;

import tools.jackson.core.JsonGenerator;

/**
 * {@code robustness}: the settings and notes, the uncertainty analysis, the Sobol indices, the one-at-a-time
 * removals, the rank-reversal margins, the scenarios and the survey bootstrap ({@code sampling}); {@code null} where
 * the run had no robustness analysis.
 */
final class RobustnessSections extends SectionWriter {

    RobustnessSections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void robustness() {
        var rb = r.robustness();
        if (!objectOrNull("robustness", rb)) {
            return;
        }
        var s = rb.settings();
        if (objectOrNull("settings", s)) {
            g.writeNumberProperty("seed", s.seed());
            g.writeNumberProperty("uncertaintyRuns", s.uncertaintyRuns());
            str("perturbation", s.perturbation());
            g.writeNumberProperty("sensitivitySamples", s.sensitivitySamples());
            num("sensitivityFactor", s.sensitivityFactor());
            str("marginNorm", s.marginNorm());
            strings("scenarioFiles", s.scenarioFiles());
            g.writeNumberProperty("surveyBootstrap", rb.sampling() == null ? 0 : rb.sampling().replicates());
            g.writeEndObject();
        }
        texts("notes", rb.notes());
        uncertainty(rb.uncertainty());
        sensitivity(rb.sensitivity());
        oneAtATime(rb.oneAtATime());
        reversals(rb.reversals());
        scenarios(rb.scenarios());
        sampling(rb.sampling());
        pipeline(rb.pipeline());
        g.writeEndObject();
    }

    /** The survey bootstrap: per unit the sampling and combined rank intervals, per survey indicator its spread. */
    private void sampling(RobustnessSection.SamplingTable b) {
        if (!objectOrNull("sampling", b)) {
            return;
        }
        g.writeNumberProperty("replicates", b.replicates());
        g.writeNumberProperty("seed", b.seed());
        str("weightScheme", b.weightScheme());
        g.writeNumberProperty("respondents", b.respondents());
        g.writeNumberProperty("patterns", b.patterns());
        strings("settings", b.settings());
        str("percentiles", b.percentiles());
        objects("units", ReportLookup.nonNull(b.units()), row -> {
            str("unit", row.unit());
            rank("nominalRank", row.nominalRank());
            num("medianRank", row.medianRank());
            num("rankP05", row.rankP05());
            num("rankP95", row.rankP95());
            rank("bestRank", row.bestRank());
            rank("worstRank", row.worstRank());
            g.writeNumberProperty("rankedReplicates", row.rankedReplicates());
            num("combinedMedianRank", row.combinedMedianRank());
            num("combinedRankP05", row.combinedP05());
            num("combinedRankP95", row.combinedP95());
            names("sentence", row.sentence());
        });
        objects("indicators", ReportLookup.nonNull(b.indicators()), x -> {
            str("indicator", x.indicator());
            g.writeName("units");
            g.writeStartArray();
            for (int k = 0; k < x.units().length; k++) {
                pp.inlineNext();                    // one line per unit: 36 short objects per indicator
                g.writeStartObject();
                str("unit", x.units()[k]);
                num("value", x.value()[k]);
                num("standardError", x.standardError()[k]);
                num("p05", x.p05()[k]);
                num("p95", x.p95()[k]);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
        g.writeEndObject();
    }

    private void uncertainty(RobustnessSection.UncertaintyTable u) {
        if (!objectOrNull("uncertainty", u)) {
            return;
        }
        g.writeNumberProperty("runs", u.runs());
        g.writeNumberProperty("seed", u.seed());
        str("weightScheme", u.weightScheme());
        strings("settings", u.settings());
        str("percentiles", u.percentiles());
        g.writeNumberProperty("topK", u.topK());
        objects("units", ReportLookup.nonNull(u.units()), row -> {
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
        });
        g.writeEndObject();
    }

    private void sensitivity(RobustnessSection.SensitivityTable v) {
        if (!objectOrNull("sensitivity", v)) {
            return;
        }
        sensitivityFields(v);
        g.writeEndObject();
    }

    /** The fields of a Sobol table, inside an object the caller opened and closes. */
    private void sensitivityFields(RobustnessSection.SensitivityTable v) {
        str("output", v.output());
        g.writeNumberProperty("baseSamples", v.baseSamples());
        g.writeNumberProperty("runs", v.runs());
        str("sampling", v.sampling());
        g.writeNumberProperty("seed", v.seed());
        g.writeNumberProperty("bootstrap", v.bootstrap());
        num("confidence", v.confidence());
        num("outputMean", v.outputMean());
        num("outputVariance", v.outputVariance());
        objects("inputs", ReportLookup.nonNull(v.inputs()), x -> {
            str("label", x.label());
            str("element", x.element());
            names("name", x.name());
            num("first", x.first());
            num("firstLow", x.firstLow());
            num("firstHigh", x.firstHigh());
            num("total", x.total());
            num("totalLow", x.totalLow());
            num("totalHigh", x.totalHigh());
        });
        texts("notes", v.notes());
    }

    /**
     * The whole-pipeline analysis of an uncertainty file ({@code pipeline}, written only when it ran): the inputs
     * varied and what each recomputes, every unit's rank interval, Sobol indices per output.
     */
    private void pipeline(RobustnessSection.PipelineTable p) {
        if (p == null) {
            return;
        }
        g.writeName("pipeline");
        g.writeStartObject();
        str("file", p.file());
        str("focusUnit", p.focusUnit());
        g.writeNumberProperty("runs", p.runs());
        g.writeNumberProperty("seed", p.seed());
        g.writeNumberProperty("cachedRows", p.cachedRows());
        objects("inputs", ReportLookup.nonNull(p.inputs()), x -> {
            str("id", x.id());
            names("name", x.name());
            str("kind", x.kind());
            strings("targets", x.targets());
            strings("alternatives", x.alternatives());
            names("recomputes", x.recomputes());
        });
        str("percentiles", p.percentiles());
        objects("units", ReportLookup.nonNull(p.units()), row -> {
            str("unit", row.unit());
            rank("nominalRank", row.nominalRank());
            num("medianRank", row.medianRank());
            num("rankP05", row.rankP05());
            num("rankP95", row.rankP95());
            rank("bestRank", row.bestRank());
            rank("worstRank", row.worstRank());
            num("meanAbsShift", row.meanAbsShift());
        });
        objects("sensitivity", ReportLookup.nonNull(p.sensitivity()), this::sensitivityFields);
        texts("notes", p.notes());
        g.writeEndObject();
    }

    private void oneAtATime(RobustnessSection.OneAtATimeTable o) {
        if (!objectOrNull("oneAtATime", o)) {
            return;
        }
        objects("removals", ReportLookup.nonNull(o.removals()), x -> {
            str("element", x.element());
            str("level", x.level());
            num("meanAbsShift", x.meanAbsShift());
            g.writeNumberProperty("maxAbsShift", x.maxAbsShift());
            ranksByUnit("ranks", x.ranks());
            integersByUnit("shifts", x.shifts());
        });
        g.writeEndObject();
    }

    private void reversals(List<RobustnessSection.Reversal> rs) {
        objects("rankReversals", ReportLookup.nonNull(rs), x -> {
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
        });
    }

    private void scenarios(RobustnessSection.ScenarioTable c) {
        if (!objectOrNull("scenarios", c)) {
            return;
        }
        var runs = ReportLookup.nonNull(c.scenarios());
        String[] ids = runs.stream().map(RobustnessSection.ScenarioRun::id).toArray(String[]::new);
        objects("runs", runs, x -> {
            str("id", x.id());
            names("name", x.name());
            str("source", x.source());
            byUnit("scores", x.scores());
            ranksByUnit("ranks", x.ranks());
            ranksByUnit("tiers", x.tiers());
            integersByUnit("rankShift", x.rankShift());
            num("meanAbsShift", x.meanAbsShift());
            g.writeNumberProperty("maxAbsShift", x.maxAbsShift());
        });
        square("spearman", ids, c.spearman());
        square("kendall", ids, c.kendall());
        texts("notes", c.notes());
        g.writeEndObject();
    }
}
