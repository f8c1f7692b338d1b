package org.bizenv.robustness;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.framework.MethodSpec;
import org.bizenv.framework.Names;

/**
 * One uncertain choice of a variance-based sensitivity analysis, driven by one coordinate u ∈ [0, 1).
 */
public sealed interface UncertainInput {

    /** Short label for reports, e.g. "weight:FIN", "aggregation:INDEX". */
    String label();

    /** Bilingual description for reports. */
    Names name();

    /**
     * The weight of one node or indicator within its parent is multiplied by 1 + f·(2u − 1) (so by up to ±f) and the
     * parent's weights renormalised: COINr's noise, one factor per input.
     */
    record WeightFactor(String code, double factor) implements UncertainInput {
        public WeightFactor {
            if (!(factor >= 0 && factor <= 1)) {
                throw new IllegalArgumentException("weight factor of " + code + " must lie in [0, 1], got " + factor);
            }
        }

        @Override
        public String label() {
            return "weight:" + code;
        }

        @Override
        public Names name() {
            return new Names(code + " 权重", "Weight of " + code);
        }
    }

    /** The aggregation of a node is {@code methods[⌊u·K⌋]}: each of the K alternatives with probability 1/K. */
    record AggregationChoice(String node, List<MethodSpec> methods) implements UncertainInput {
        public AggregationChoice {
            methods = List.copyOf(methods);
            if (methods.isEmpty()) {
                throw new IllegalArgumentException("node " + node + ": no alternative aggregation given");
            }
        }

        @Override
        public String label() {
            return "aggregation:" + node;
        }

        @Override
        public Names name() {
            return new Names(node + " 集成方法", "Aggregation of " + node);
        }
    }

    /**
     * Which one of {@code codes} (indicators or nodes) is left out, or none: u picks uniformly among the K + 1
     * choices (0 = none), the left-out element's siblings renormalised.
     */
    record LeaveOut(List<String> codes) implements UncertainInput {
        public LeaveOut {
            codes = List.copyOf(codes);
        }

        @Override
        public String label() {
            return "leave-out";
        }

        @Override
        public Names name() {
            return new Names("剔除一项指标", "Element left out");
        }
    }

    /** One {@link WeightFactor} per dimension (child of the index), each with factor f. */
    static List<UncertainInput> dimensionWeights(CompiledIndex ci, double f) {
        List<UncertainInput> out = new ArrayList<>();
        int root = ci.root();
        for (int s = ci.childStart(root); s < ci.childEnd(root); s++) {
            out.add(new WeightFactor(ci.slotCode(s), f));
        }
        return out;
    }
}
