package org.bizenv.scoring;

import java.util.List;

import org.bizenv.framework.Indicator;
import org.bizenv.framework.MethodSpec;

/**
 * An indicator's {@code transform}, applied to its imputed values: a plain monotone function of each value
 * ({@code ln x}, {@code log10 x}, {@code sqrt x}, {@code x^p}, {@code −x}), unlike the outlier treatments' log, which
 * depends on the data (log(x − min + a)). It sits after imputation, so that the raw, denominated and imputed stages
 * stay in the indicator's own unit (an imputed GNI per capita is a mean of GNIs per capita), and before treatment and
 * normalisation, so that outlier checks, caps and goalposts all work on the scale the indicator is scored on.
 *
 * <p>A value outside the function's domain (ln of 0 or of a negative number, the square root of a negative number, 0
 * to a negative power) is an error naming the indicator, the unit and the value, never a silent NaN or −∞. Missing
 * values stay missing.
 */
final class Transform {

    private Transform() {
    }

    /** The transformed values (the same array when the indicator has no transform). */
    static double[] apply(Indicator ind, double[] x, List<Unit> units) {
        MethodSpec t = ind.transform();
        if (t.method().equals("none")) {
            return x;
        }
        double p = t.number("exponent", 1);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                y[i] = v;
                continue;
            }
            String domain = switch (t.method()) {
                case "ln", "log10" -> v > 0 ? null : "values > 0";
                case "sqrt" -> v >= 0 ? null : "values >= 0";
                case "power" -> p < 0 && v == 0 ? "values other than 0 (the exponent is negative)"
                        : p != Math.rint(p) && v < 0 ? "values >= 0 (the exponent is not a whole number)" : null;
                default -> null;
            };
            if (domain != null) {
                throw new ScoringException("indicator " + ind.code() + " is transformed by " + t.describe()
                        + ", which is defined for " + domain + " only, but its value is " + plain(v) + " for "
                        + units.get(i).name().both() + " (" + units.get(i).code() + ") (framework line " + t.line()
                        + "): correct the value, or choose a transform defined for it");
            }
            y[i] = switch (t.method()) {
                case "ln" -> Math.log(v);
                case "log10" -> Math.log10(v);
                case "sqrt" -> Math.sqrt(v);
                case "power" -> Math.pow(v, p);
                case "negate" -> -v;
                default -> throw new IllegalStateException(t.method());
            };
            if (Double.isInfinite(y[i])) {
                throw new ScoringException("indicator " + ind.code() + " is transformed by " + t.describe()
                        + ", which overflows for its value " + plain(v) + " for " + units.get(i).name().both()
                        + " (" + units.get(i).code() + ") (framework line " + t.line() + ")");
            }
        }
        return y;
    }

    /** A value as a message shows it: whole numbers without ".0" (75000, not 75000.0). */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
