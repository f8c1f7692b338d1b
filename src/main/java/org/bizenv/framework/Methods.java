package org.bizenv.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods the framework language knows, per kind, with their required and optional parameters. The loader checks
 * every method choice against this table so that a typo is an error pointing at its line, not a silent default.
 */
public final class Methods {

    /** Required and optional parameter names of one method. */
    public record Signature(Set<String> required, Set<String> optional) {
        static Signature of(List<String> required, List<String> optional) {
            return new Signature(Set.copyOf(required), Set.copyOf(optional));
        }
    }

    public static final Map<String, Signature> NORMALISATION = new LinkedHashMap<>();
    public static final Map<String, Signature> AGGREGATION = new LinkedHashMap<>();
    public static final Map<String, Signature> WEIGHTING = new LinkedHashMap<>();
    public static final Map<String, Signature> IMPUTATION = new LinkedHashMap<>();
    public static final Map<String, Signature> TREATMENT = new LinkedHashMap<>();

    static {
        NORMALISATION.put("minmax", Signature.of(List.of(), List.of("min", "max")));
        NORMALISATION.put("zscore", Signature.of(List.of(), List.of("mean", "sd")));
        NORMALISATION.put("goalposts", Signature.of(List.of("best", "worst"), List.of("scale", "power")));
        NORMALISATION.put("percentile-rank", Signature.of(List.of(), List.of("min", "max")));
        NORMALISATION.put("rank", Signature.of(List.of(), List.of()));
        NORMALISATION.put("borda", Signature.of(List.of(), List.of()));
        NORMALISATION.put("distance-to-reference", Signature.of(List.of("unit"), List.of("min", "max")));
        NORMALISATION.put("distance-to-target", Signature.of(List.of("target"), List.of("min", "max", "cap")));
        NORMALISATION.put("none", Signature.of(List.of(), List.of()));

        List<String> common = List.of("min-share");
        AGGREGATION.put("arithmetic", Signature.of(List.of(), common));
        AGGREGATION.put("geometric", Signature.of(List.of(), common));
        AGGREGATION.put("harmonic", Signature.of(List.of(), common));
        AGGREGATION.put("generalised", Signature.of(List.of("p"), common));
        AGGREGATION.put("topsis", Signature.of(List.of(), List.of("variant", "min-share")));

        WEIGHTING.put("expert", Signature.of(List.of(), List.of()));
        WEIGHTING.put("equal", Signature.of(List.of(), List.of()));
        WEIGHTING.put("entropy", Signature.of(List.of(), List.of("variant")));
        WEIGHTING.put("critic", Signature.of(List.of(), List.of()));
        WEIGHTING.put("cv", Signature.of(List.of(), List.of()));
        WEIGHTING.put("pca", Signature.of(List.of(), List.of()));
        WEIGHTING.put("ahp", Signature.of(List.of("matrix"), List.of("ri", "cr-limit")));
        WEIGHTING.put("combined", Signature.of(List.of("objective"), List.of("alpha", "rule")));

        IMPUTATION.put("none", Signature.of(List.of(), List.of()));
        IMPUTATION.put("mean", Signature.of(List.of(), List.of()));
        IMPUTATION.put("median", Signature.of(List.of(), List.of()));
        IMPUTATION.put("group-mean", Signature.of(List.of("group"), List.of()));
        IMPUTATION.put("group-median", Signature.of(List.of("group"), List.of()));
        IMPUTATION.put("carry-forward", Signature.of(List.of(), List.of()));

        TREATMENT.put("none", Signature.of(List.of(), List.of()));
        TREATMENT.put("coinr", Signature.of(List.of(), List.of("skew", "kurtosis", "winmax", "log")));
    }

    private Methods() {
    }
}
