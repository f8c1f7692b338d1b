package org.bizenv.scoring;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;
import org.bizenv.impute.Imputation;

/**
 * The scorer's stage functions, one indicator (or one node's weights) at a time, with the method given rather than
 * read from the framework: what a whole-pipeline uncertainty analysis calls to redo a stage with an alternative
 * method. These are the very functions {@link Scorer#score} runs (not copies), so a stage redone here with the
 * framework's own method gives the build's values bit for bit. Analyst warnings are dropped: a run is not a report.
 */
public final class Stages {

    private Stages() {
    }

    /**
     * Indicator j imputed by {@code spec}.
     *
     * @param denominated the indicator's denominated values ({@code build.denominated().values()[j]})
     * @return the imputed values and which were imputed; for {@code none} the input and no flags
     */
    public static Imputation.Result impute(Framework fw, RawData data, int j, MethodSpec spec, double[] denominated) {
        Imputation.Result r = Scorer.imputeIndicator(fw.indicators().get(j), spec, data, j, denominated);
        return r != null ? r : new Imputation.Result(denominated, new boolean[denominated.length]);
    }

    /** Indicator j's own {@code transform} of its imputed values (the same array when it has none). */
    public static double[] transform(Framework fw, RawData data, int j, double[] imputed) {
        return Transform.apply(fw.indicators().get(j), imputed, data.units());
    }

    /** Indicator j's transformed values treated by {@code spec}. */
    public static double[] treat(Framework fw, int j, MethodSpec spec, double[] transformed) {
        return Treat.apply(fw.indicators().get(j), spec, transformed).values();
    }

    /** Indicator j's treated values normalised by {@code spec}, text-code scores put in. */
    public static double[] normalise(Framework fw, RawData data, int j, MethodSpec spec, double[] treated) {
        return normalise(fw, data, j, spec, treated, new ArrayList<Names>());
    }

    /** As above; the analyst-facing warnings it raises (a zero range) go to {@code warnings}. */
    public static double[] normalise(Framework fw, RawData data, int j, MethodSpec spec, double[] treated,
                                     List<Names> warnings) {
        return Scorer.normaliseIndicator(fw.indicators().get(j), spec, treated, data, j, warnings);
    }

    /**
     * The weights of node k's children by {@code weighting}, from the children's values at this level (normalised
     * indicators or child scores, in child order), as the scorer weighs them.
     */
    public static double[] weights(Framework fw, int node, MethodSpec weighting, double[][] childValues) {
        return Weigh.children(fw, node, weighting, childValues).weights();
    }

    /** True when weights by {@code weighting} depend on the children's values (entropy, CRITIC, CV, PCA, combined). */
    public static boolean dependsOnValues(MethodSpec weighting) {
        return !List.of("expert", "equal", "ahp").contains(weighting.method());
    }
}
