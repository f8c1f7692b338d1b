package org.bizenv.feedback;

import java.util.Locale;

import org.bizenv.ingest.CellValues;

/**
 * When a value that read correctly is still worth a question to the unit that gave it (a warning, not a problem: it
 * may well be right).
 *
 * <ul>
 *   <li><b>Change against last year</b>: {@code |x − x₀| / |x₀|} above {@code changeLimit} (default 0.5, i.e. ±50 %),
 *       where x₀ is the unit's value last year (needs {@code --previous-data}; not judged when x₀ is 0). Yearly
 *       indicators of a city's business environment seldom move by half in a year; when they do, a changed
 *       definition, a unit (万元 for 元) or a typing slip is the likelier cause.</li>
 *   <li><b>Far from the other units</b>: the robust z-score {@code |x − median| / (1.4826 · MAD)} above
 *       {@code outlierLimit} (default 3.5) among this year's units that have a value, where MAD is the median absolute
 *       deviation from the median — Iglewicz and Hoaglin's modified z-score and their cut-off. The median and the MAD
 *       are not pulled by the outlier itself, as a mean and a standard deviation would be; 1.4826 makes the scale that
 *       of a standard deviation for normal data. Not judged with fewer than {@code minUnits} values or a MAD of 0 (more
 *       than half the units report the same value). An indicator with a denominator is compared per denominator.</li>
 * </ul>
 *
 * @param changeLimit  relative change against last year above which a value is queried (0.5 = ±50 %)
 * @param outlierLimit robust z-score above which a value is queried
 * @param minUnits     the fewest values an indicator needs for the comparison with the other units
 */
public record Rules(double changeLimit, double outlierLimit, int minUnits) {

    /** ±50 % against last year; a robust z-score of 3.5 among at least 5 units. */
    public static final Rules DEFAULT = new Rules(0.5, 3.5, 5);

    /** The scale that makes the MAD of normal data estimate their standard deviation (1 / Φ⁻¹(3/4)). */
    static final double MAD_SCALE = 1.4826;

    public Rules {
        if (!(changeLimit > 0) || Double.isInfinite(changeLimit)) {
            throw new IllegalArgumentException("the change limit must be a positive number: " + changeLimit);
        }
        if (!(outlierLimit > 0) || Double.isInfinite(outlierLimit)) {
            throw new IllegalArgumentException("the outlier limit must be a positive number: " + outlierLimit);
        }
        if (minUnits < 3) {
            throw new IllegalArgumentException("at least 3 units are needed to compare with the others: " + minUnits);
        }
    }

    /** {@code 50 %}. */
    String changePercent() {
        return CellValues.format(changeLimit * 100) + " %";
    }

    String changeZh() {
        return "同比变化：与本单位上年数值相比，相对变化 |x − x₀| / |x₀| 超过 ±" + changePercent() + "（上年数值为 0 时不判断）。";
    }

    String changeEn() {
        return "Change against last year: the relative change |x − x₀| / |x₀| against the unit's own value last year "
                + "exceeds ±" + changePercent() + " (not judged when last year's value is 0).";
    }

    String outlierZh() {
        return "偏离其他单位：稳健 z 值 |x − 中位数| / (1.4826 × MAD) 超过 " + CellValues.format(outlierLimit)
                + "（MAD 为本年各单位数值与中位数之差的绝对值的中位数；少于 " + minUnits
                + " 个单位有数值或 MAD 为 0 时不判断；有分母的指标按分母折算后比较）。";
    }

    String outlierEn() {
        return "Far from the other units: the robust z-score |x − median| / (1.4826 × MAD) among this year's units "
                + "exceeds " + CellValues.format(outlierLimit) + " (MAD: the median absolute deviation from the median; "
                + "not judged with fewer than " + minUnits + " values or a MAD of 0; indicators with a denominator are "
                + "compared per denominator).";
    }

    static String percent(double relative) {
        return String.format(Locale.ROOT, "%+.0f %%", relative * 100);
    }
}
