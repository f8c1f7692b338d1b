package org.bizenv.report.json;

import java.util.List;

import org.bizenv.report.Report;
import org.bizenv.report.ReportLookup;

import tools.jackson.core.JsonGenerator;

/**
 * The {@code survey} section: each survey indicator's value per unit beside its number of answers, standard error and
 * 95 % interval, and broken down by size class and by industry, with the units under the minimum sample listed (for
 * the breakdowns, under the source's {@code breakdown-min-sample}).
 */
final class SurveySections extends SectionWriter {

    SurveySections(JsonGenerator g, LayoutPrinter pp, ReportLookup lookup) {
        super(g, pp, lookup);
    }

    void survey() {
        objects("survey", ReportLookup.nonNull(r.survey()), sv -> {
            str("indicator", sv.indicator());
            str("source", sv.source());
            str("question", sv.question());
            str("statistic", sv.statistic());
            g.writeNumberProperty("minSample", sv.minSample());
            g.writeNumberProperty("breakdownMinSample", sv.breakdownMinSample());
            cells(sv.minSample(), sv.value(), sv.answers());
            byUnit("standardError", sv.standardError());
            byUnit("low", sv.low());
            byUnit("high", sv.high());
            g.writeName("bySize");
            g.writeStartObject();
            for (int s = 0; s < Report.SurveyIndicatorInfo.SIZES.size(); s++) {
                g.writeName(Report.SurveyIndicatorInfo.SIZES.get(s));
                g.writeStartObject();
                cells(sv.breakdownMinSample(), sv.sizeValues()[s], sv.sizeAnswers()[s]);
                g.writeEndObject();
            }
            g.writeEndObject();
            objects("byIndustry", indices(sv.industries().size()), i -> {
                str("industry", sv.industries().get(i));
                cells(sv.breakdownMinSample(), sv.industryValues()[i], sv.industryAnswers()[i]);
            });
        });
    }

    /**
     * {@code value} and {@code answers} keyed by unit, and the units whose value rests on fewer answers than
     * {@code minimum} (the city's minimum sample, or for a breakdown's cells the breakdown's).
     */
    private void cells(int minimum, double[] value, int[] answers) {
        byUnit("value", value);
        integersByUnit("answers", answers);
        g.writeName("belowMinSample");
        pp.inlineNext();
        g.writeStartArray();
        for (int u = 0; u < answers.length; u++) {
            if (answers[u] > 0 && answers[u] < minimum) {
                g.writeString(units.get(u));
            }
        }
        g.writeEndArray();
    }

    private static List<Integer> indices(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
