package org.bizenv.scoring;

/**
 * What outlier treatment did to one indicator: its skewness and kurtosis before and after, points winsorised, and
 * whether the log fallback was used.
 */
public record TreatmentRecord(String indicator, String method, double skewBefore, double kurtBefore, double skewAfter,
                              double kurtAfter, int winsorised, boolean logTransformed, boolean treated) {
}
