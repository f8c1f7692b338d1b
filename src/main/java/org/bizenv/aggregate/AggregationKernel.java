package org.bizenv.aggregate;

import java.util.Arrays;

import org.bizenv.aggregate.AggregationMethod.Kind;

/**
 * The one implementation of a node's aggregation: the weighted arithmetic, geometric, harmonic and generalised means
 * and TOPSIS, with missing children, the availability threshold, children that do not apply, zeros and weight-0
 * children. The scorer and the robustness re-aggregation both call {@link #aggregate}; neither has a mean of its own.
 *
 * <p>Per unit, over the {@link NodeChildren children}:
 * <ol>
 *   <li>no child applies: the node does not apply to the unit either ({@link #NOT_APPLICABLE}, NaN), and its parent
 *       leaves it out as it leaves out any child that does not apply;</li>
 *   <li>no child has data: NaN ({@link #NO_DATA});</li>
 *   <li>the share of the applicable children with an observed (not imputed) value is below {@code min-share}: NaN
 *       ({@link #TOO_FEW_OBSERVED});</li>
 *   <li>TOPSIS compares units, so it needs every child: a unit missing one is left out of the normalisation and the
 *       ideals and gets NaN ({@link #INCOMPLETE});</li>
 *   <li>the children with data all have weight 0: NaN ({@link #NO_WEIGHT});</li>
 *   <li>otherwise the mean of the children with data, their weights renormalised (divided by the weight sum of those
 *       children, summed in child order); weight-0 children take no part and are not checked. A value out of the
 *       mean's domain raises {@link NonPositiveValueException} naming the unit and the child, unless it is a zero and
 *       the method says {@code zeros: zero}, which gives the unit 0.</li>
 * </ol>
 * Only scored units are checked for their domain; the first offending unit, then child, is reported.
 *
 * <p><b>Exactness.</b> Every mean performs the same floating-point operations in the same order whatever path computes
 * it: per unit, the children in order. When every child is complete (and the threshold cannot bite) the arithmetic,
 * geometric and harmonic means run child-major with one weight sum for all units, which streams the rows and gives
 * the same bits. TOPSIS scores are the closeness coefficient ×100, on the report's 0–100 scale.
 *
 * <p><b>Allocation.</b> None: the caller provides the output buffers and a {@link Scratch}. Only the exception on a
 * domain error allocates.
 */
public final class AggregationKernel {

    /** Why a unit has (or lacks) a score, as {@link #aggregate} writes it into the caller's {@code why} buffer. */
    public static final byte SCORED = 0;
    public static final byte NOT_APPLICABLE = 1;
    public static final byte NO_DATA = 2;
    public static final byte TOO_FEW_OBSERVED = 3;
    public static final byte INCOMPLETE = 4;
    public static final byte NO_WEIGHT = 5;
    public static final byte OUTSIDE = 6;

    /** Returned by {@link #aggregate}: every unit got a score. */
    public static final int COMPLETE = 1;
    /** Returned by {@link #aggregate}: the node does not apply to some unit. */
    public static final int SOME_NOT_APPLICABLE = 2;

    private AggregationKernel() {
    }

    /** One thread's working memory for nodes of up to {@code children} children over {@code units} units. */
    public static final class Scratch {
        final int units;
        final double[] acc;
        final double[] acc2;
        final boolean[] complete;
        final double[][] v;
        final double[] ideal;
        final double[] anti;
        final int[] notApplicable;
        final int[] withData;
        final int[] imputed;
        final double[] weightSum;
        final int[] badChild;
        final boolean[] zero;

        public Scratch(int units, int children) {
            this.units = units;
            this.acc = new double[units];
            this.acc2 = new double[units];
            this.complete = new boolean[units];
            this.v = new double[children][units];
            this.ideal = new double[children];
            this.anti = new double[children];
            this.notApplicable = new int[units];
            this.withData = new int[units];
            this.imputed = new int[units];
            this.weightSum = new double[units];
            this.badChild = new int[units];
            this.zero = new boolean[units];
        }
    }

    /**
     * Aggregates one node for every unit.
     *
     * @param out           receives the node's score per unit (NaN = none)
     * @param notApplicable receives, per unit, whether the node does not apply (no child applies)
     * @param why           receives the reason per unit ({@link #SCORED}, {@link #NO_DATA}…), or null
     * @return {@link #COMPLETE} and {@link #SOME_NOT_APPLICABLE} as they hold
     * @throws NonPositiveValueException a value out of the mean's domain (see the class comment)
     */
    public static int aggregate(AggregationMethod m, NodeChildren c, double[] out, boolean[] notApplicable, byte[] why,
                                Scratch s) {
        int n = c.units;
        if (out.length != n || notApplicable.length != n || (why != null && why.length != n)) {
            throw new IllegalArgumentException("output buffers need " + n + " units");
        }
        if (s.units < n || s.v.length < c.count) {
            throw new IllegalArgumentException("scratch for " + s.units + " units and " + s.v.length
                    + " children, needed " + n + " and " + c.count);
        }
        if (c.count == 0) {
            Arrays.fill(out, Double.NaN);
            Arrays.fill(notApplicable, true);
            if (why != null) {
                Arrays.fill(why, NOT_APPLICABLE);
            }
            return n == 0 ? COMPLETE : SOME_NOT_APPLICABLE;
        }
        if (m.isTopsis()) {
            return topsis(m, c, out, notApplicable, why, s);
        }
        if (c.outside == null && !c.anyIncomplete && (m.minShare() == 0 || !c.anyImputed)
                && m.kind() != Kind.GENERALISED) {
            int done = completeMean(m.kind(), c, out, s);
            if (done != OUT_OF_DOMAIN) {
                Arrays.fill(notApplicable, false);
                if (why != null) {
                    Arrays.fill(why, done == COMPLETE ? SCORED : NO_WEIGHT);
                }
                return done;
            }
        }
        return mean(m, c, out, notApplicable, why, s);
    }

    /**
     * One pass over the children, child-major (each row streamed once), accumulating per unit in the scratch: how many
     * children do not apply, have data and have imputed data (so applicable = count − not applicable, observed = with
     * data − imputed, the words of {@link NodeChildren}; a value that does not apply is NaN, so it never has data), the
     * weight sum of the children with data, and for the arithmetic, geometric and harmonic means their weighted sum,
     * the first child out of the mean's domain (−1 if none) and whether a zero gives the unit 0. Per unit the sums run
     * over the children in order, exactly as a unit-by-unit loop adds them. Masks are only read on rows that have them.
     */
    private static void scan(AggregationMethod m, NodeChildren c, Scratch s) {
        int n = c.units;
        int[] notApplicable = s.notApplicable;
        int[] withData = s.withData;
        int[] imputed = s.imputed;
        double[] wSum = s.weightSum;
        double[] sum = s.acc;
        int[] bad = s.badChild;
        boolean[] zero = s.zero;
        Arrays.fill(notApplicable, 0, n, 0);      // each buffer is cleared before it is summed into
        Arrays.fill(withData, 0, n, 0);
        Arrays.fill(imputed, 0, n, 0);
        Arrays.fill(wSum, 0, n, 0.0);
        Arrays.fill(sum, 0, n, 0.0);
        Arrays.fill(bad, 0, n, -1);
        Arrays.fill(zero, 0, n, false);
        Kind kind = m.kind();
        boolean sums = kind == Kind.ARITHMETIC || kind == Kind.GEOMETRIC || kind == Kind.HARMONIC;
        boolean zeros = m.zerosGiveZero();
        for (int j = 0; j < c.count; j++) {
            double[] x = c.values[j];
            boolean[] na = c.notApplicable[j];
            boolean[] imp = c.imputed[j];
            double[] lx = c.logs[j];
            double w = c.weights[j];
            if (na != null) {
                for (int i = 0; i < n; i++) {
                    notApplicable[i] += na[i] ? 1 : 0;
                }
            }
            if (imp != null) {
                for (int i = 0; i < n; i++) {
                    imputed[i] += imp[i] && x[i] == x[i] ? 1 : 0;
                }
            }
            boolean weighted = sums && w > 0;       // a weight-0 child takes no part in the mean and is not checked
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                if (xi != xi) {
                    continue;
                }
                withData[i]++;
                wSum[i] += w;
                if (!weighted) {
                    continue;
                }
                if (kind == Kind.ARITHMETIC) {
                    sum[i] += w * xi;
                } else if (!(xi > 0)) {
                    if (xi == 0 && zeros) {
                        zero[i] = true;
                    } else if (bad[i] < 0) {
                        bad[i] = j;
                    }
                } else if (kind == Kind.GEOMETRIC) {
                    sum[i] += w * (lx != null ? lx[i] : Math.log(xi));
                } else {
                    sum[i] += w / xi;
                }
            }
        }
    }

    /** The availability rules 1–3 and 5 of the class comment for unit i, from the counts of {@link #scan}. */
    private static byte status(NodeChildren c, int i, double minShare, Scratch s) {
        if (c.outside != null && c.outside[i]) {
            return OUTSIDE;
        }
        int applicable = c.count - s.notApplicable[i];
        if (applicable == 0) {
            return NOT_APPLICABLE;
        }
        if (s.withData[i] == 0) {
            return NO_DATA;
        }
        if (minShare > 0 && (double) (s.withData[i] - s.imputed[i]) / applicable < minShare) {
            return TOO_FEW_OBSERVED;
        }
        return s.weightSum[i] == 0 ? NO_WEIGHT : SCORED;
    }

    // ------------------------------------------------------------------ means

    /** {@link #completeMean} met a value out of the mean's domain. */
    private static final int OUT_OF_DOMAIN = -1;

    /**
     * Arithmetic, geometric or harmonic mean when every row is complete: one weight sum for all units, child-major.
     * Returns {@link #COMPLETE}, 0 when every weight is 0 (no unit scored), or {@link #OUT_OF_DOMAIN} (leaving the work
     * to {@link #mean}, so that the error, or a zero's limit, comes from the one per-unit path).
     */
    private static int completeMean(Kind kind, NodeChildren c, double[] out, Scratch s) {
        int n = c.units;
        int k = c.count;
        double wSum = 0;
        for (int j = 0; j < k; j++) {
            wSum += c.weights[j];
        }
        if (wSum == 0) {
            Arrays.fill(out, Double.NaN);
            return 0;
        }
        double[] a = s.acc;
        Arrays.fill(a, 0, n, 0.0);
        boolean outOfDomain = false;
        for (int j = 0; j < k; j++) {
            double w = c.weights[j];
            if (!(w > 0)) {
                continue;
            }
            double[] x = c.values[j];
            if (kind == Kind.ARITHMETIC) {
                for (int i = 0; i < n; i++) {
                    a[i] += w * x[i];
                }
            } else if (kind == Kind.GEOMETRIC && c.logs[j] != null) {
                double[] lx = c.logs[j];
                for (int i = 0; i < n; i++) {
                    a[i] += w * lx[i];
                }
            } else if (kind == Kind.GEOMETRIC) {
                for (int i = 0; i < n; i++) {
                    double xi = x[i];
                    outOfDomain |= !(xi > 0);
                    a[i] += w * Math.log(xi);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double xi = x[i];
                    outOfDomain |= !(xi > 0);
                    a[i] += w / xi;
                }
            }
        }
        if (outOfDomain) {
            return OUT_OF_DOMAIN;
        }
        if (kind == Kind.ARITHMETIC) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / wSum;
            }
        } else if (kind == Kind.GEOMETRIC) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(a[i] / wSum);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = wSum / a[i];
            }
        }
        return COMPLETE;
    }

    /**
     * Records unit {@code i}'s status (in {@code notApplicable} and {@code why}, NaN in {@code out} unless scored) and
     * returns {@code flags} updated for it: one place for every method, so that the means and TOPSIS cannot come to
     * disagree on what a status means.
     */
    private static int note(byte st, int i, int flags, double[] out, boolean[] notApplicable, byte[] why) {
        notApplicable[i] = st == NOT_APPLICABLE;
        if (st == NOT_APPLICABLE) {
            flags |= SOME_NOT_APPLICABLE;
        }
        if (why != null) {
            why[i] = st;
        }
        if (st != SCORED) {
            out[i] = Double.NaN;
            flags &= ~COMPLETE;
        }
        return flags;
    }

    /** Any mean, with every rule of the class comment. */
    private static int mean(AggregationMethod m, NodeChildren c, double[] out, boolean[] notApplicable, byte[] why,
                            Scratch s) {
        int n = c.units;
        scan(m, c, s);
        int flags = COMPLETE;
        for (int i = 0; i < n; i++) {
            byte st = status(c, i, m.minShare(), s);
            flags = note(st, i, flags, out, notApplicable, why);
            if (st != SCORED) {
                continue;
            }
            int bad = s.badChild[i];
            if (bad >= 0) {      // only scored units are checked: the first such unit, then child, is reported
                throw new NonPositiveValueException(i, bad, c.values[bad][i], m.meanName());
            }
            double wSum = s.weightSum[i];
            double sum = s.acc[i];
            boolean zero = s.zero[i];
            out[i] = switch (m.kind()) {
                case ARITHMETIC -> sum / wSum;
                case GEOMETRIC -> zero ? 0 : Math.exp(sum / wSum);
                case HARMONIC -> zero ? 0 : wSum / sum;
                case GENERALISED -> generalised(m, c, i, wSum);
                default -> throw new IllegalStateException(m.kind().name());
            };
        }
        return flags;
    }

    /**
     * Power mean computed around a reference value r (the max for p &gt; 0, the min for p &lt; 0) as
     * {@code r·exp(log1p(Σ w'·expm1(p·ln(x/r)))/p)}: every power term stays in [0, 1] (no overflow for large |p|) and
     * expm1/log1p keep full precision as p approaches 0.
     */
    private static double generalised(AggregationMethod m, NodeChildren c, int i, double wSum) {
        double p = m.p();
        double ref = p > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        boolean zero = false;
        for (int j = 0; j < c.count; j++) {
            double x = c.values[j][i];
            if (x != x || c.weights[j] == 0) {
                continue;
            }
            if (x < 0 || (x == 0 && p < 0)) {
                zero |= zeroAllowed(m, c, i, j, x);
                continue;
            }
            ref = p > 0 ? Math.max(ref, x) : Math.min(ref, x);
        }
        if (zero || ref == 0) {      // a zero's limit, or p > 0 and every weighted value is 0
            return 0;
        }
        double s = 0;
        for (int j = 0; j < c.count; j++) {
            double x = c.values[j][i];
            double w = c.weights[j];
            if (x == x && w > 0) {
                s += w / wSum * Math.expm1(p * Math.log(x / ref));
            }
        }
        return ref * Math.exp(Math.log1p(s) / p);
    }

    /** A value out of the domain: true for a zero under {@code zeros: zero}, else the error. */
    private static boolean zeroAllowed(AggregationMethod m, NodeChildren c, int i, int j, double x) {
        if (x == 0 && m.zerosGiveZero()) {
            return true;
        }
        throw new NonPositiveValueException(i, j, x, m.meanName());
    }

    // ------------------------------------------------------------------ TOPSIS

    /**
     * TOPSIS closeness ×100 with every child "higher is better": over the units that have every child, each child is
     * normalised ({@code x/√Σx²} or {@code (x − min)/(max − min)}; no spread gives 0), weighted by w/Σw, and each unit's
     * Euclidean distances D± to the ideal (best per child) and the anti-ideal (worst) give C = D− / (D+ + D−); a unit
     * that is both ideal and anti-ideal (no child separates units) gets 0.5.
     */
    private static int topsis(AggregationMethod m, NodeChildren c, double[] out, boolean[] notApplicable, byte[] why,
                              Scratch s) {
        int n = c.units;
        int k = c.count;
        boolean[] complete = s.complete;
        for (int i = 0; i < n; i++) {
            complete[i] = c.outside == null || !c.outside[i];
        }
        double wTotal = 0;
        for (int j = 0; j < k; j++) {
            double[] x = c.values[j];
            if (!c.complete[j]) {
                for (int i = 0; i < n; i++) {
                    if (x[i] != x[i]) {
                        complete[i] = false;
                    }
                }
            }
            wTotal += c.weights[j];
        }
        scan(m, c, s);          // counts only (before the distances, which reuse the sums' buffer)
        double[] dPlus = s.acc;
        double[] dMinus = s.acc2;
        if (wTotal > 0) {
            closeness(m.kind() == Kind.TOPSIS_MINMAX, c, wTotal, complete, s);
        }
        int flags = COMPLETE;
        for (int i = 0; i < n; i++) {
            byte st = status(c, i, m.minShare(), s);
            if ((st == SCORED || st == NO_WEIGHT) && !complete[i]) {
                st = INCOMPLETE;
            } else if (st == SCORED && wTotal == 0) {
                st = NO_WEIGHT;
            }
            flags = note(st, i, flags, out, notApplicable, why);
            if (st != SCORED) {
                continue;
            }
            double dp = Math.sqrt(dPlus[i]);
            double dm = Math.sqrt(dMinus[i]);
            out[i] = 100 * (dp + dm == 0 ? 0.5 : dm / (dp + dm));
        }
        return flags;
    }

    /** The squared distances to the ideal and anti-ideal of the complete units, into {@code s.acc} and {@code s.acc2}. */
    private static void closeness(boolean minmax, NodeChildren c, double wTotal, boolean[] complete, Scratch s) {
        int n = c.units;
        int k = c.count;
        for (int j = 0; j < k; j++) {
            double[] x = c.values[j];
            double[] v = s.v[j];
            double wj = c.weights[j] / wTotal;
            double shift;
            double divisor;
            if (!minmax) {
                double ss = 0;
                for (int i = 0; i < n; i++) {
                    if (complete[i]) {
                        ss += x[i] * x[i];
                    }
                }
                shift = 0;
                divisor = Math.sqrt(ss);
            } else {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    if (complete[i]) {
                        lo = Math.min(lo, x[i]);
                        hi = Math.max(hi, x[i]);
                    }
                }
                shift = lo;
                divisor = hi - lo;
            }
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (complete[i]) {
                    // no spread (or all zero): the child cannot separate units, r = 0 for all
                    double vi = divisor > 0 ? wj * ((x[i] - shift) / divisor) : 0;
                    v[i] = vi;
                    max = Math.max(max, vi);
                    min = Math.min(min, vi);
                }
            }
            s.ideal[j] = max;
            s.anti[j] = min;
        }
        double[] dPlus = s.acc;
        double[] dMinus = s.acc2;
        Arrays.fill(dPlus, 0, n, 0.0);
        Arrays.fill(dMinus, 0, n, 0.0);
        for (int j = 0; j < k; j++) {
            double[] v = s.v[j];
            double ideal = s.ideal[j];
            double anti = s.anti[j];
            for (int i = 0; i < n; i++) {
                if (complete[i]) {
                    double a = v[i] - ideal;
                    double b = v[i] - anti;
                    dPlus[i] += a * a;
                    dMinus[i] += b * b;
                }
            }
        }
    }
}
