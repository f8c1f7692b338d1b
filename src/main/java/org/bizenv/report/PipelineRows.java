package org.bizenv.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bizenv.robustness.PipelineResult;
import org.bizenv.robustness.SensitivityResult;

/** The whole-pipeline uncertainty analysis as the report's {@link RobustnessSection.PipelineTable}. */
final class PipelineRows {

    private PipelineRows() {
    }

    static RobustnessSection.PipelineTable table(PipelineResult p, String percentiles) {
        if (p == null) {
            return null;
        }
        List<RobustnessSection.PipelineInputRow> inputs = new ArrayList<>();
        for (PipelineResult.InputSummary in : p.inputs()) {
            inputs.add(new RobustnessSection.PipelineInputRow(in.id(), in.name(), in.kind(), in.targets(),
                    in.alternatives(), in.recomputes()));
        }
        List<RobustnessSection.PipelineRow> rows = new ArrayList<>();
        if (p.runs() > 0) {
            for (int i = 0; i < p.units().length; i++) {
                rows.add(new RobustnessSection.PipelineRow(p.units()[i], p.nominalRank()[i], p.medianRank()[i],
                        p.rankP05()[i], p.rankP95()[i], p.bestRank()[i], p.worstRank()[i], p.meanAbsShift()[i]));
            }
        }
        // as the ranking table: best nominal rank first, unranked last, ties by code
        rows.sort(Comparator.comparingInt((RobustnessSection.PipelineRow r) -> r.nominalRank() == 0
                ? Integer.MAX_VALUE : r.nominalRank()).thenComparing(RobustnessSection.PipelineRow::unit));
        List<RobustnessSection.SensitivityTable> sobol = new ArrayList<>();
        for (SensitivityResult s : p.sensitivity()) {
            sobol.add(RobustnessMapper.sensitivity(s));
        }
        return new RobustnessSection.PipelineTable(p.source(), p.focusUnit(), p.runs(), p.seed(), p.cachedRows(),
                inputs, percentiles, rows, sobol, p.notes());
    }
}
