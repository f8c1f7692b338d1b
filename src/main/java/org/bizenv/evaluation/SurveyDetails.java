package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.report.Report;
import org.bizenv.survey.SurveyDetail;

/**
 * The survey-merge step's detail data sets ({@code survey-detail-current}) as the report states them: each survey
 * indicator in framework order, its arrays moved from the survey's units to the report's by unit code (a report unit
 * the survey does not name gets no value and no answers).
 */
final class SurveyDetails {

    private SurveyDetails() {
    }

    static List<Report.SurveyIndicatorInfo> forReport(Framework fw, List<SurveyDetail> details,
                                                      List<String> reportUnits) {
        List<Report.SurveyIndicatorInfo> out = new ArrayList<>();
        for (Indicator ind : fw.indicators()) {
            for (SurveyDetail d : details) {
                for (SurveyDetail.IndicatorDetail i : d.indicators()) {
                    if (i.indicator().equals(ind.code())) {
                        out.add(info(d, i, reportUnits));
                    }
                }
            }
        }
        return out;
    }

    private static Report.SurveyIndicatorInfo info(SurveyDetail d, SurveyDetail.IndicatorDetail i,
                                                   List<String> reportUnits) {
        int[] from = new int[reportUnits.size()];
        for (int u = 0; u < from.length; u++) {
            from[u] = d.units().indexOf(reportUnits.get(u));
        }
        return new Report.SurveyIndicatorInfo(i.indicator(), d.source(), i.question(), i.statistic(), d.minSample(),
                d.breakdownMinSample(), doubles(i.value(), from), ints(i.answers(), from),
                doubles(i.standardError(), from), doubles(i.low(), from), doubles(i.high(), from),
                doubles(i.sizeValues(), from), ints(i.sizeAnswers(), from), d.industries(), doubles(i.industryValues(), from),
                ints(i.industryAnswers(), from));
    }

    private static double[] doubles(double[] v, int[] from) {
        double[] out = new double[from.length];
        Arrays.fill(out, Double.NaN);
        for (int u = 0; u < from.length; u++) {
            if (from[u] >= 0) {
                out[u] = v[from[u]];
            }
        }
        return out;
    }

    private static int[] ints(int[] v, int[] from) {
        int[] out = new int[from.length];
        for (int u = 0; u < from.length; u++) {
            if (from[u] >= 0) {
                out[u] = v[from[u]];
            }
        }
        return out;
    }

    private static double[][] doubles(double[][] v, int[] from) {
        return Arrays.stream(v).map(row -> doubles(row, from)).toArray(double[][]::new);
    }

    private static int[][] ints(int[][] v, int[] from) {
        return Arrays.stream(v).map(row -> ints(row, from)).toArray(int[][]::new);
    }
}
