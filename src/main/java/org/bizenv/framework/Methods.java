package org.bizenv.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The methods the framework language knows, per kind, with their required and optional parameters. Framework and
 * scenario files are checked against this table ({@link org.bizenv.framework.yaml.MethodReader}) so that a typo is an
 * error pointing at its line, not a silent default.
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
    public static final Map<String, Signature> TRANSFORM = new LinkedHashMap<>();

    /**
     * Parameters whose value is one word of a fixed list, keyed {@code kind/method/parameter}
     * (e.g. {@code treatment/coinr/convention}); the first word is the default.
     */
    public static final Map<String, List<String>> CHOICES = new LinkedHashMap<>();

    /** Parameters that hold a number wherever they appear (fractions like 1/3 count). */
    public static final Set<String> NUMBERS = Set.of("min", "max", "mean", "sd", "best", "worst", "scale", "power",
            "target", "p", "min-share", "alpha", "cr-limit", "skew", "kurtosis", "winmax", "exponent", "lambda");

    static {
        NORMALISATION.put("minmax", Signature.of(List.of(), List.of("min", "max")));
        NORMALISATION.put("zscore", Signature.of(List.of(), List.of("mean", "sd")));
        NORMALISATION.put("goalposts", Signature.of(List.of("best", "worst"), List.of("scale", "power")));
        NORMALISATION.put("percentile-rank", Signature.of(List.of(), List.of("min", "max")));
        NORMALISATION.put("rank", Signature.of(List.of(), List.of()));
        NORMALISATION.put("borda", Signature.of(List.of(), List.of()));
        NORMALISATION.put("distance-to-reference", Signature.of(List.of("unit"), List.of("min", "max", "cap")));
        NORMALISATION.put("distance-to-target", Signature.of(List.of("target"), List.of("min", "max", "cap")));
        NORMALISATION.put("none", Signature.of(List.of(), List.of()));

        List<String> common = List.of("min-share");
        List<String> positive = List.of("min-share", "zeros");
        AGGREGATION.put("arithmetic", Signature.of(List.of(), common));
        AGGREGATION.put("geometric", Signature.of(List.of(), positive));
        AGGREGATION.put("harmonic", Signature.of(List.of(), positive));
        AGGREGATION.put("generalised", Signature.of(List.of("p"), positive));
        AGGREGATION.put("topsis", Signature.of(List.of(), List.of("variant", "min-share")));

        WEIGHTING.put("expert", Signature.of(List.of(), List.of()));
        WEIGHTING.put("equal", Signature.of(List.of(), List.of()));
        WEIGHTING.put("entropy", Signature.of(List.of(), List.of("variant")));
        WEIGHTING.put("critic", Signature.of(List.of(), List.of("variant")));
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
        TREATMENT.put("coinr", Signature.of(List.of(), List.of("skew", "kurtosis", "winmax", "log", "log-variant",
                "convention")));
        TREATMENT.put("cap", Signature.of(List.of(), List.of("min", "max")));
        TREATMENT.put("power", Signature.of(List.of("exponent"), List.of("min", "max")));
        TREATMENT.put("log", Signature.of(List.of(), List.of("variant", "min", "max")));
        TREATMENT.put("boxcox", Signature.of(List.of("lambda"), List.of("min", "max")));

        TRANSFORM.put("none", Signature.of(List.of(), List.of()));
        TRANSFORM.put("ln", Signature.of(List.of(), List.of()));
        TRANSFORM.put("log10", Signature.of(List.of(), List.of()));
        TRANSFORM.put("sqrt", Signature.of(List.of(), List.of()));
        TRANSFORM.put("power", Signature.of(List.of("exponent"), List.of()));
        TRANSFORM.put("negate", Signature.of(List.of(), List.of()));

        // Word-valued parameters: the allowed words, the default first.
        choice("normalisation", "distance-to-reference", "cap", "false", "true");
        choice("normalisation", "distance-to-target", "cap", "false", "true");
        for (String m : List.of("geometric", "harmonic", "generalised")) {
            choice("aggregation", m, "zeros", "error", "zero");
        }
        choice("aggregation", "topsis", "variant", "vector", "minmax");
        choice("weighting", "entropy", "variant", "textbook", "zero-entropy-if-any-zero", "proportional-to-entropy");
        choice("weighting", "critic", "variant", "direction-aware", "ignore-direction");
        choice("weighting", "ahp", "ri", "saaty-classic", "saaty-2005");
        choice("weighting", "combined", "objective", "entropy", "critic", "cv", "pca");
        choice("weighting", "combined", "rule", "linear", "multiplicative");
        choice("treatment", "coinr", "convention", "v1", "legacy");
        choice("treatment", "coinr", "log", "true", "false");
        choice("treatment", "coinr", "log-variant", "mirrored", "coin-tool");
        choice("treatment", "log", "variant", "mirrored", "coin-tool");
    }

    private static void choice(String kind, String method, String param, String... words) {
        CHOICES.put(kind + "/" + method + "/" + param, List.of(words));
    }

    /**
     * Goalposts state the direction themselves (best above worst: higher is better), so one that contradicts the
     * indicator's direction is a typo: the message, or null when they agree (or the spec is not goalposts).
     */
    public static String goalpostsContradiction(MethodSpec normalisation, int direction, String code) {
        return goalpostsContradiction(normalisation, direction, code, MethodSpec.of("none"));
    }

    /**
     * As {@link #goalpostsContradiction(MethodSpec, int, String)} for goalposts on the scale of a transform: a
     * decreasing one ({@code negate}) reverses the direction the goalposts must agree with.
     *
     * @param direction the indicator's direction as measured
     */
    public static String goalpostsContradiction(MethodSpec normalisation, int direction, String code,
                                                MethodSpec transform) {
        int sign = Indicator.transformSign(transform);
        String reason = contradiction(normalisation, direction * sign, code);
        return reason == null || sign > 0 ? reason : reason + " after the transform " + transform.describe()
                + " (as measured, " + (direction > 0 ? "higher" : "lower") + " is better)";
    }

    private static String contradiction(MethodSpec normalisation, int direction, String code) {
        if (!normalisation.method().equals("goalposts") || direction == 0
                || !(normalisation.params().get("best") instanceof Double best)
                || !(normalisation.params().get("worst") instanceof Double worst) || best.equals(worst)) {
            return null;
        }
        int implied = best > worst ? 1 : -1;
        if (implied == direction) {
            return null;
        }
        return "indicator " + code + ": goalposts best " + MethodSpec.format(best) + ", worst "
                + MethodSpec.format(worst) + " mean " + (implied > 0 ? "higher" : "lower") + " is better, but its "
                + "direction is " + (direction > 0 ? "higher" : "lower");
    }

    private Methods() {
    }
}
