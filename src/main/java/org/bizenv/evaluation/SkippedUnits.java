package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.report.Report;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyTally;
import org.bizenv.survey.ThinSample;

/**
 * What a report says about the rows it did not use: a framework that evaluates part of its registry
 * ({@code framework.units.include}) reads sources that may cover every registry city, and skips the rows of the
 * cities outside the part. That is not an input problem (the registry knows them), but a reader of the report should
 * see how many rows of which file were left out, so each source that named such cities gets a note among the
 * warnings.
 */
final class SkippedUnits {

    private SkippedUnits() {
    }

    /** One note per source naming registry cities outside the framework's part of the registry; none without one. */
    static List<Names> notes(Framework fw, IntakeResult intake, SurveyIndicators survey) {
        return bySource(fw, intake, survey).stream().map(SkippedUnits::note).toList();
    }

    /**
     * Per source that named registry cities outside the framework's part of the registry, those cities (for the
     * Sources sheet and {@code meta.skipped}); none without a part.
     */
    static List<Report.SkippedData> bySource(Framework fw, IntakeResult intake, SurveyIndicators survey) {
        if (fw.subset() == null) {
            return List.of();
        }
        Set<String> evaluated = Set.copyOf(fw.subset().units());
        List<Report.SkippedData> out = new ArrayList<>();
        for (SourceUnits s : intake.sources()) {
            Set<String> skipped = skipped(s.units(), evaluated);
            if (!skipped.isEmpty()) {
                out.add(new Report.SkippedData(s.source(), s.file(), List.copyOf(skipped)));
            }
        }
        List<Source> surveys = SurveyTally.sources(fw);
        if (survey != null && !surveys.isEmpty()) {
            // a city all of whose rows were unusable (no size class…) is skipped too: its rows are counted by city
            Set<String> skipped = skipped(survey.units(), evaluated);
            skipped.addAll(skipped(survey.unitRows().keySet(), evaluated));
            if (!skipped.isEmpty()) {
                out.add(new Report.SkippedData(String.join(", ", surveys.stream().map(Source::id).toList()),
                        String.join(", ", surveys.stream().map(Source::path).toList()), List.copyOf(skipped),
                        skipped.stream().map(survey::rows).toList()));
            }
        }
        return out;
    }

    /**
     * The survey's thin-sample findings about the units evaluated: a survey of every registry city also finds thin
     * samples in the cities a framework leaves out, which are no concern of its report. Its warnings are those
     * findings in words, one for one ({@link SurveyIndicators#warnings()}), so both are kept for the same units.
     */
    static SurveyIndicators evaluatedOnly(Framework fw, SurveyIndicators survey) {
        if (fw.subset() == null || survey == null || survey.warnings().size() != survey.thinSamples().size()) {
            return survey;
        }
        Set<String> evaluated = Set.copyOf(fw.subset().units());
        List<Names> warnings = new ArrayList<>();
        List<ThinSample> thin = new ArrayList<>();
        for (int k = 0; k < survey.thinSamples().size(); k++) {
            if (evaluated.contains(survey.thinSamples().get(k).unit())) {
                thin.add(survey.thinSamples().get(k));
                warnings.add(survey.warnings().get(k));
            }
        }
        return new SurveyIndicators(survey.units(), survey.values(), survey.provenance(), warnings, thin,
                survey.unitRows());
    }

    /** The named units outside the evaluated ones, by code, whatever order the file has. */
    private static Set<String> skipped(Collection<String> named, Set<String> evaluated) {
        Set<String> skipped = new TreeSet<>();
        for (String u : named) {
            if (!evaluated.contains(u)) {
                skipped.add(u);
            }
        }
        return skipped;
    }

    /**
     * The note of a source: its cities skipped, and for the survey, whose rows are questionnaires, how many rows of
     * each ("survey.csv: … skipped: 3 cities, 1,234 questionnaire rows: hohhot 412, …").
     */
    private static Names note(Report.SkippedData s) {
        int n = s.units().size();
        if (s.countsRows()) {
            List<String> each = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                each.add(s.units().get(k) + " " + thousands(s.rows().get(k)));
            }
            String list = String.join(", ", each);
            String rows = thousands(s.totalRows());
            return new Names(s.file() + "：跳过不在本框架评价范围（framework.units.include）内的登记城市的问卷：" + n
                    + " 个城市，" + rows + " 行：" + list, s.file() + ": the questionnaires of registry cities outside"
                    + " the framework's selection (framework.units.include) skipped: " + n + " cities, " + rows
                    + " questionnaire rows: " + list);
        }
        String list = String.join(", ", s.units());
        return new Names(s.file() + "：跳过 " + n + " 个不在本框架评价范围（framework.units.include）内的登记城市的数据："
                + list, s.file() + ": the data of " + n + " registry cities outside the framework's "
                + "selection (framework.units.include) skipped: " + list);
    }

    /** 1,234: a count of rows as people read it, the same on every machine. */
    private static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
