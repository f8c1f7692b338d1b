package org.bizenv.robustness;

import java.util.List;

import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;

/**
 * One uncertain input of the whole-pipeline analysis ({@link PipelineAnalysis}), declared in an uncertainty file and
 * driven by one coordinate u ∈ [0, 1): a method choice at some indicators or nodes, or a weight factor.
 */
public sealed interface PipelineInput {

    /** The input's id in the uncertainty file (unique; names it in the reports). */
    String id();

    /** Bilingual description for the reports. */
    Names name();

    /** The pipeline step a method choice changes, in pipeline order; what a run recomputes starts there. */
    enum Step {
        IMPUTATION("imputation", "插补", "imputed"),
        TREATMENT("treatment", "异常值处理", "treated"),
        NORMALISATION("normalisation", "标准化", "normalised"),
        WEIGHTING("weighting", "赋权", "weights"),
        AGGREGATION("aggregation", "集成", "aggregated");

        private final String key;
        private final String zh;
        private final String stage;

        Step(String key, String zh, String stage) {
            this.key = key;
            this.zh = zh;
            this.stage = stage;
        }

        /** The key in the uncertainty file and the framework ("normalisation"). */
        public String key() {
            return key;
        }

        public String zh() {
            return zh;
        }

        /** The first stage a change of this step recomputes ("normalised"). */
        public String stage() {
            return stage;
        }

        /** True for the steps that work on indicators (the others on nodes). */
        public boolean perIndicator() {
            return ordinal() <= NORMALISATION.ordinal();
        }
    }

    /**
     * At every target (indicators for imputation, treatment and normalisation; nodes for weighting and aggregation)
     * the step's method is {@code alternatives[⌊u·K⌋]}: each of the K alternatives with probability 1/K, the same one
     * at every target of the input (COINr's way: one address, one choice).
     */
    record MethodChoice(String id, Names name, Step step, List<String> targets, List<MethodSpec> alternatives)
            implements PipelineInput {
        public MethodChoice {
            targets = List.copyOf(targets);
            alternatives = List.copyOf(alternatives);
            if (targets.isEmpty() || alternatives.isEmpty()) {
                throw new IllegalArgumentException("input " + id + ": needs targets and alternatives");
            }
        }

        /** The alternative u picks. */
        public int choose(double u) {
            int k = alternatives.size();
            return Math.min(k - 1, (int) (u * k));
        }
    }

    /**
     * The weight of one node or indicator within its parent multiplied by 1 + f·(2u − 1) (up to ±f), the parent's
     * weights renormalised: COINr's noise, as {@link UncertainInput.WeightFactor}; on top of objective weights where
     * the parent's weights are computed from the data.
     */
    record WeightFactor(String id, Names name, String code, double factor) implements PipelineInput {
        public WeightFactor {
            if (!(factor >= 0 && factor <= 1)) {
                throw new IllegalArgumentException("weight factor of " + code + " must lie in [0, 1], got " + factor);
            }
        }
    }
}
