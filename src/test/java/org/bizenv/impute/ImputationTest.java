package org.bizenv.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.bizenv.fixtures.Asem;
import org.bizenv.fixtures.Csv;
import org.junit.jupiter.api.Test;

class ImputationTest {

    private static final double NaN = Double.NaN;

    @Test
    void meanAndMedianFillMissingAndFlagThem() {
        double[] x = {1, NaN, 2, 6, NaN};
        Imputation.Result mean = Imputation.mean(x);
        assertThat(mean.values()).containsExactly(1, 3, 2, 6, 3);
        assertThat(mean.imputed()).containsExactly(false, true, false, false, true);
        assertThat(mean.imputedCount()).isEqualTo(2);
        assertThat(Imputation.median(x).values()).containsExactly(1, 2, 2, 6, 2);
        // even count: mean of the two middle values, as R's median
        assertThat(Imputation.median(new double[] {4, 1, NaN, 3, 10}).values()).containsExactly(4, 1, 3.5, 3, 10);
        assertThat(x).containsExactly(1, NaN, 2, 6, NaN); // input untouched
    }

    @Test
    void nothingToEstimateFromLeavesMissing() {
        Imputation.Result r = Imputation.mean(new double[] {NaN, NaN});
        assertThat(r.values()).containsExactly(NaN, NaN);
        assertThat(r.imputed()).containsExactly(false, false);
        assertThat(Imputation.median(new double[0]).values()).isEmpty();
        // complete data: nothing imputed
        assertThat(Imputation.mean(new double[] {5}).imputed()).containsExactly(false);
    }

    @Test
    void groupMeanAndMedianUseTheUnitsGroupAndLeaveEmptyGroupsMissing() {
        double[] x = {1, 3, NaN, 10, 20, 60, NaN, NaN, NaN};
        int[] group = {7, 7, 7, -2, -2, -2, -2, 5, 5};
        Imputation.Result mean = Imputation.groupMean(x, group);
        assertThat(mean.values()).containsExactly(1, 3, 2, 10, 20, 60, 30, NaN, NaN);
        assertThat(mean.imputed()).containsExactly(false, false, true, false, false, false, true, false, false);
        Imputation.Result median = Imputation.groupMedian(x, group);
        assertThat(median.values()).containsExactly(1, 3, 2, 10, 20, 60, 20, NaN, NaN);
        assertThatThrownBy(() -> Imputation.groupMean(x, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carryForwardTakesLastPeriodsValueWhereThereIsOne() {
        Imputation.Result r = Imputation.carryForward(new double[] {1, NaN, NaN}, new double[] {0, 8, NaN});
        assertThat(r.values()).containsExactly(1, 8, NaN);
        assertThat(r.imputed()).containsExactly(false, true, false);
        assertThatThrownBy(() -> Imputation.carryForward(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Imputation.mean(new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * COINr's legacy ASEM build imputed with the indicator mean inside the unit's Group_EurAsia group
     * (fixtures/coinr-asem: Denominated → Imputed, 65 missing values).
     */
    @Test
    void reproducesTheAsemImputedStageByEurAsiaGroupMean() {
        Csv denominated = Asem.stage("Data_Denominated");
        Csv imputed = Asem.stage("Data_Imputed");
        String[] groupNames = denominated.texts("Group_EurAsia");
        Map<String, Integer> codes = new HashMap<>();
        int[] group = new int[groupNames.length];
        for (int i = 0; i < group.length; i++) {
            group[i] = codes.computeIfAbsent(groupNames[i], k -> codes.size());
        }
        assertThat(codes).containsOnlyKeys("Asia", "Europe");

        int filled = 0;
        double worst = 0;
        for (String code : Asem.indicatorCodes()) {
            Imputation.Result r = Imputation.groupMean(denominated.numbers(code), group);
            double[] expected = imputed.numbers(code);
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Asem.relativeError(r.values()[i], expected[i]));
            }
            filled += r.imputedCount();
        }
        assertThat(filled).isEqualTo(65);
        assertThat(worst).isLessThanOrEqualTo(1e-12);
    }
}
