package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Names;

/**
 * One-at-a-time removal: the index re-aggregated without each indicator, and without each dimension, in turn, the
 * removed element's siblings renormalised (an element whose parent is left with no children takes the parent out of
 * its own parent). Everything else stays nominal.
 *
 * <p>Rank shift convention (as the report's year-on-year change): shift = nominal rank − rank without the element,
 * so a positive shift means the unit climbs when the element is removed. Units unranked nominally or after removal
 * get rank 0 and shift 0.
 */
public final class OneAtATime {

    /**
     * @param level "indicator" or "dimension"
     * @param rank  rank per unit without this element
     * @param shift nominal rank − rank (positive = climbs)
     */
    public record Removal(String code, Names name, String level, int[] rank, int[] shift, double meanAbsShift,
                          int maxAbsShift) {
    }

    /** All removals, indicators first (framework order), then dimensions. */
    public record Result(String[] units, Names[] unitNames, int[] nominalRank, List<Removal> removals) {
        public Result {
            removals = List.copyOf(removals);
        }
    }

    private OneAtATime() {
    }

    public static Result run(CompiledIndex ci, Progress progress) {
        Evaluator ev = ci.evaluator();
        List<Removal> out = new ArrayList<>();
        int[] dims = ci.dimensions();
        int total = ci.indicatorCount() + dims.length;
        for (int j = 0; j < ci.indicatorCount(); j++) {
            out.add(remove(ci, ev, ci.indicatorSlot(j), "indicator"));
            progress.update("one-at-a-time", out.size(), total);
        }
        for (int d : dims) {
            out.add(remove(ci, ev, ci.nodeSlot(d), "dimension"));
            progress.update("one-at-a-time", out.size(), total);
        }
        return new Result(ci.unitCodes(), ci.unitNames(), ci.nominalRanks(), out);
    }

    private static Removal remove(CompiledIndex ci, Evaluator ev, int slot, String level) {
        ev.reset();
        ev.exclude(slot, true);
        ev.evaluate();
        ev.rank();
        int[] rank = ev.ranks().clone();
        ev.exclude(slot, false);
        int[] nominal = ci.nominalRanks;
        int[] shift = new int[rank.length];
        long sum = 0;
        int both = 0;
        int max = 0;
        for (int i = 0; i < rank.length; i++) {
            if (rank[i] > 0 && nominal[i] > 0) {
                shift[i] = nominal[i] - rank[i];
                sum += Math.abs(shift[i]);
                both++;
                max = Math.max(max, Math.abs(shift[i]));
            }
        }
        return new Removal(ci.slotCode(slot), ci.slotName(slot), level, rank, shift, both == 0 ? Double.NaN : (double) sum / both, max);
    }
}
