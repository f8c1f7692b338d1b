package org.bizenv.robustness;

import org.bizenv.framework.Names;

/**
 * Sensitivity indices of one uncertain input, with bootstrap confidence bounds (NaN when not computed or when the
 * output does not vary).
 *
 * @param label  short label ("weight:FIN", "aggregation:INDEX", "leave-out")
 * @param name   bilingual description; for a weight, the element's own name
 * @param first  first-order index S (Saltelli 2010 estimator)
 * @param total  total-order index ST (Jansen estimator)
 */
public record InputIndex(String label, Names name, double first, double firstLow, double firstHigh, double total,
                         double totalLow, double totalHigh) {
}
