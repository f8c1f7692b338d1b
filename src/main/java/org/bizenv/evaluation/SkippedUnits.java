package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.survey.SurveyIndicators;
import org.bizenv.survey.SurveyTally;

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
        if (fw.subset() == null) {
            return List.of();
        }
        Set<String> evaluated = Set.copyOf(fw.subset().units());
        List<Names> out = new ArrayList<>();
        for (SourceUnits s : intake.sources()) {
            note(s.file(), s.units(), evaluated, out);
        }
        List<Source> surveys = SurveyTally.sources(fw);
        if (survey != null && !surveys.isEmpty()) {
            note(String.join(", ", surveys.stream().map(Source::path).toList()), survey.units(), evaluated, out);
        }
        return out;
    }

    private static void note(String file, List<String> named, Set<String> evaluated, List<Names> out) {
        Set<String> skipped = new LinkedHashSet<>();
        for (String u : named) {
            if (!evaluated.contains(u)) {
                skipped.add(u);
            }
        }
        if (skipped.isEmpty()) {
            return;
        }
        String list = String.join(", ", skipped);
        out.add(new Names(file + "：跳过 " + skipped.size() + " 个不在本框架评价范围（framework.units.include）内的登记城市的数据："
                + list, file + ": the data of " + skipped.size() + " registry cities outside the framework's "
                + "selection (framework.units.include) skipped: " + list));
    }
}
