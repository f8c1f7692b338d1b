package org.bizenv.scoring;

import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;
import org.bizenv.treat.OutlierTreatment;

/**
 * The treatment an indicator's framework entry names, applied to its imputed values: COINr's outlier rule (either
 * convention), fixed caps, or a power, log or Box-Cox transform (each of the last three optionally after caps). Every
 * value it changes is flagged.
 */
final class Treat {

    private Treat() {
    }

    /** Treated values, which of them changed, and the record for the Treatment sheet. */
    record Outcome(double[] values, boolean[] changed, TreatmentRecord record) {
    }

    /** {@code spec} is normally {@code ind.treatment()}; another for a robustness run's alternative. */
    static Outcome apply(Indicator ind, MethodSpec spec, double[] x) {
        double s = OutlierTreatment.skewness(x);
        double k = OutlierTreatment.kurtosis(x);
        switch (spec.method()) {
            case "none" -> {
                return new Outcome(x, new boolean[x.length],
                        new TreatmentRecord(ind.code(), "none", s, k, s, k, 0, false, false));
            }
            case "coinr" -> {
                OutlierTreatment.Result r = OutlierTreatment.treat(x, coinrOptions(spec));
                boolean treated = r.winsorised() > 0 || r.logTransformed();
                return new Outcome(r.values(), r.changed(), new TreatmentRecord(ind.code(), spec.describe(),
                        r.skewBefore(), r.kurtBefore(), r.skewAfter(), r.kurtAfter(), r.winsorised(),
                        r.logTransformed(), treated));
            }
            default -> {
                double[] y = x;
                int capped = 0;
                if (spec.has("min") || spec.has("max")) {
                    OutlierTreatment.Capped c = OutlierTreatment.cap(x, spec.number("min", Double.NEGATIVE_INFINITY),
                            spec.number("max", Double.POSITIVE_INFINITY));
                    y = c.values();
                    for (boolean b : c.changed()) {
                        capped += b ? 1 : 0;
                    }
                }
                boolean transformed = !spec.method().equals("cap");
                try {
                    y = switch (spec.method()) {
                        case "cap" -> y;
                        case "power" -> OutlierTreatment.power(y, spec.number("exponent", 1));
                        case "log" -> OutlierTreatment.logTransform(y, logVariant(spec.text("variant", "mirrored")));
                        case "boxcox" -> OutlierTreatment.boxCox(y, spec.number("lambda", 1));
                        default -> throw new IllegalStateException(spec.method());
                    };
                } catch (IllegalArgumentException e) {
                    throw new ScoringException("indicator " + ind.code() + ": treatment " + spec.describe()
                            + " (framework line " + spec.line() + ") cannot be applied: " + e.getMessage());
                }
                boolean[] changed = new boolean[x.length];
                boolean any = false;
                for (int i = 0; i < x.length; i++) {
                    changed[i] = !Double.isNaN(x[i]) && Double.compare(x[i], y[i]) != 0;
                    any |= changed[i];
                }
                return new Outcome(y, changed, new TreatmentRecord(ind.code(), spec.describe(), s, k,
                        OutlierTreatment.skewness(y), OutlierTreatment.kurtosis(y), capped,
                        transformed && spec.method().equals("log"), any));
            }
        }
    }

    /**
     * COINr's rule with the framework's options: skew (2), kurtosis (3.5), winmax (5), log (true: fall back to a log
     * transform), convention (v1 | legacy) and log-variant (mirrored for v1, coin-tool for legacy, unless stated).
     */
    static OutlierTreatment.Options coinrOptions(MethodSpec spec) {
        boolean legacy = spec.text("convention", "v1").equals("legacy");
        String log = spec.text("log-variant", legacy ? "coin-tool" : "mirrored");
        return new OutlierTreatment.Options(spec.number("skew", 2.0), spec.number("kurtosis", 3.5),
                (int) spec.number("winmax", 5), !spec.text("log", "true").equals("false"),
                legacy ? OutlierTreatment.Convention.COINR_LEGACY : OutlierTreatment.Convention.COINR_V1,
                logVariant(log));
    }

    private static OutlierTreatment.LogVariant logVariant(String name) {
        return name.equals("coin-tool") ? OutlierTreatment.LogVariant.COIN_TOOL : OutlierTreatment.LogVariant.MIRRORED;
    }
}
