package org.bizenv.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bizenv.framework.Names;
import org.bizenv.robustness.SurveyBootstrapResult;

/**
 * The survey bootstrap's result as the report shows it ({@link RobustnessSection.SamplingTable}): rows best nominal
 * rank first, and each unit's sampling interval in one sentence. Pure.
 */
public final class SamplingRows {

    private SamplingRows() {
    }

    /** The report's table of a bootstrap result; null for null. */
    static RobustnessSection.SamplingTable table(SurveyBootstrapResult b, String percentiles) {
        if (b == null) {
            return null;
        }
        List<RobustnessSection.SamplingRow> rows = new ArrayList<>();
        SurveyBootstrapResult.RankSpread s = b.sampling();
        SurveyBootstrapResult.RankSpread c = b.combined();
        for (int i = 0; i < b.units().length; i++) {
            rows.add(new RobustnessSection.SamplingRow(b.units()[i], b.nominalRank()[i], s.median()[i], s.p05()[i],
                    s.p95()[i], s.best()[i], s.worst()[i], s.ranked()[i], c.median()[i], c.p05()[i], c.p95()[i],
                    s.ranked()[i] == 0 ? null : sentence(b.unitNames()[i], s.p05()[i], s.p95()[i])));
        }
        rows.sort(Comparator.comparingInt((RobustnessSection.SamplingRow r) -> r.nominalRank() == 0
                ? Integer.MAX_VALUE : r.nominalRank()).thenComparing(RobustnessSection.SamplingRow::unit));
        List<RobustnessSection.IndicatorSpread> indicators = new ArrayList<>();
        for (SurveyBootstrapResult.IndicatorSpread x : b.indicators()) {
            indicators.add(new RobustnessSection.IndicatorSpread(x.indicator(), x.units().clone(), x.nominal().clone(),
                    x.sd().clone(), x.p05().clone(), x.p95().clone()));
        }
        return new RobustnessSection.SamplingTable(b.replicates(), b.seed(), b.weightScheme(), b.respondents(),
                b.patterns(), b.settings(), percentiles, rows, indicators);
    }

    /**
     * "换一批企业抽样，南京的排名在 90% 的情况下位于第 8–12 名" / "with another sample of firms, Nanjing would rank
     * 8th–12th in 90 % of cases": the 5th percentile rounded down and the 95th up (type-7 percentiles of ranks may fall
     * between two ranks; the whole ranks around them hold at least 90 % of the replicates).
     */
    public static Names sentence(Names city, double p05, double p95) {
        int lo = (int) Math.floor(p05);
        int hi = (int) Math.ceil(p95);
        String zh = lo == hi ? "第 " + lo + " 名" : "第 " + lo + "–" + hi + " 名";
        String en = lo == hi ? ordinal(lo) : ordinal(lo) + "–" + ordinal(hi);
        return new Names("换一批企业抽样，" + city.zh() + "的排名在 90% 的情况下位于" + zh,
                "with another sample of firms, " + city.en() + " would rank " + en + " in 90 % of cases");
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st, 111th. */
    public static String ordinal(int n) {
        int h = n % 100;
        String suffix = h >= 11 && h <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
