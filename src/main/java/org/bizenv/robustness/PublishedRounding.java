package org.bizenv.robustness;

import org.bizenv.rank.Ranking;

/**
 * {@link Ranking#round(double, int)} without allocating: the engine ranks published (rounded) scores, and a Monte
 * Carlo run must rank exactly as the engine does, but {@code BigDecimal} in the hot loop would allocate per unit.
 *
 * <p>Contract: {@code round(x, d)} is bit-identical to {@code Ranking.round(x, d)} (up to the sign of a zero result,
 * which compares equal). Fast path: y = x·10^d; the half-up result is sign(x)·⌊|y| + ½⌋ / 10^d. The true decimal
 * value of x (its shortest representation, which is what {@code BigDecimal.valueOf} rounds) and y differ by at most
 * ~2 ulp(y), so the fast path is taken only when |y| + ½ is more than 8 ulp(|y|) away from an integer; anything
 * closer to a rounding boundary (e.g. 2.675 at 2 decimals), or too large to hold a fraction, falls back to
 * {@link Ranking#round}. The quotient r / 10^d is the correctly rounded double of the decimal r·10^−d, which is
 * exactly what {@code BigDecimal.doubleValue()} returns.
 */
public final class PublishedRounding {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;      // exact: 10^i is a double for i <= 22
            p *= 10;
        }
    }

    private PublishedRounding() {
    }

    public static double round(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return x;
        }
        if (decimals < 0 || decimals >= POW10.length) {
            return Ranking.round(x, decimals);
        }
        double scale = POW10[decimals];
        double y = Math.abs(x) * scale;
        if (!(y < 0x1p51)) {
            return Ranking.round(x, decimals);
        }
        double t = y + 0.5;
        double r = Math.floor(t);
        double frac = t - r;
        double guard = 8 * Math.ulp(t);
        if (frac < guard || frac > 1 - guard) {
            return Ranking.round(x, decimals);
        }
        double q = r / scale;
        return x < 0 ? -q : q;
    }
}
