package org.bizenv.scoring;

import java.util.Arrays;

import org.bizenv.framework.Framework;

/**
 * Scores many variants of one year's raw data that differ in a few indicators (the survey bootstrap's replicates
 * differ only in the survey indicators): {@link Scorer#score} itself, except that an indicator whose inputs are those
 * of the base data takes its stage rows (denominated, imputed, transformed, treated, normalised, with their flags,
 * treatment record and warnings) from the base build rather than computing them again. Those stages are functions of
 * the indicator's own inputs alone (its raw, denominator and last year's values, its text codes and the units), so
 * equal inputs give equal rows: the build is the one {@link Scorer#score} gives, bit for bit. Node weights, aggregation,
 * the index ranks and the tiers are computed as always; the other ranks when first asked ({@link Build#nodeRanks()}).
 *
 * <p>Frameworks with composite or unranked units are scored in full ({@link Scorer#score}). Immutable and thread-safe.
 */
public final class Rescoring {

    private final RawData baseData;
    private final Build base;

    /** Scores {@code baseData} in full: the build whose rows later scorings take over. */
    public Rescoring(Framework fw, RawData baseData) {
        this.baseData = baseData;
        this.base = Scorer.score(fw, baseData);
    }

    /** {@link Scorer#score} of the base data. */
    public Build base() {
        return base;
    }

    /** {@link Scorer#score} of {@code data} (the base's units, in the same order), taking over what is unchanged. */
    public Build score(RawData data) {
        Framework fw = base.framework();
        if (!fw.composites().isEmpty() || !fw.ranking().unranked().isEmpty()) {
            return Scorer.score(fw, data);
        }
        return Scorer.scoreUnits(fw, data, null, new Scorer.Reuse(base, unchanged(data))).build();
    }

    /** Per indicator: whether every input its stages read equals the base data's. */
    boolean[] unchanged(RawData data) {
        int m = data.values().length;
        boolean[] same = new boolean[m];
        if (!data.units().equals(baseData.units())
                || !Arrays.deepEquals(data.denominators(), baseData.denominators())
                || (data.previous() == null) != (baseData.previous() == null)
                || (data.textScores() == null) != (baseData.textScores() == null)
                || (data.notApplicable() == null) != (baseData.notApplicable() == null)) {
            return same;
        }
        for (int j = 0; j < m; j++) {
            same[j] = Arrays.equals(data.values()[j], baseData.values()[j])
                    && (data.previous() == null || Arrays.equals(data.previous()[j], baseData.previous()[j]))
                    && (data.textScores() == null || Arrays.equals(data.textScores()[j], baseData.textScores()[j]))
                    && (data.notApplicable() == null
                    || Arrays.equals(data.notApplicable()[j], baseData.notApplicable()[j]));
        }
        return same;
    }
}
