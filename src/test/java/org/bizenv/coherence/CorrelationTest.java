package org.bizenv.coherence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class CorrelationTest {

    static final double NAN = Double.NaN;

    /** Tuş &amp; Adalı (2019) CRITIC data as columns: a complete, untied-and-tied real data set. */
    static final double[][] TUS_ADALI = {
        {5000, 680, 2000, 600, 800}, {3, 5, 3, 4, 2}, {3, 3, 2, 3, 4}, {4, 2, 3, 1, 3}, {3, 2, 4, 2, 3},
        {2, 1, 3, 2, 4}};

    static double[][] rows(double[][] columns) {
        double[][] r = new double[columns[0].length][columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < columns[0].length; i++) {
                r[i][j] = columns[j][i];
            }
        }
        return r;
    }

    @Test
    void pearsonHandExample() {
        // x = (1,2,3), y = (1,3,2): deviations (−1,0,1)·(−1,1,0) = 1, ss = 2 and 2 → r = 0.5
        // z = (3,2,1): r_xz = −1, r_yz = −0.5
        double[][] r = Coherence.pearson(new double[][] {{1, 2, 3}, {1, 3, 2}, {3, 2, 1}});
        assertThat(r[0]).containsExactly(new double[] {1, 0.5, -1}, within(1e-15));
        assertThat(r[1]).containsExactly(new double[] {0.5, 1, -0.5}, within(1e-15));
        assertThat(r[2]).containsExactly(new double[] {-1, -0.5, 1}, within(1e-15));
    }

    @Test
    void pearsonMatchesCommonsMathOnCompleteData() {
        double[][] ours = Coherence.pearson(TUS_ADALI);
        RealMatrix theirs = new PearsonsCorrelation(rows(TUS_ADALI)).getCorrelationMatrix();
        for (int j = 0; j < 6; j++) {
            for (int k = 0; k < 6; k++) {
                assertThat(ours[j][k]).isCloseTo(theirs.getEntry(j, k), within(1e-14));
            }
        }
    }

    @Test
    void pearsonIsPairwiseComplete() {
        // x missing at unit 1, y missing at unit 4: pairs at units 0,2,3,5
        double[] x = {1, NAN, 4, 2, 8, 5};
        double[] y = {2, 9, 3, 1, NAN, 7};
        double[] z = {1, 2, 3, 4, 5, 6};
        double[][] r = Coherence.pearson(new double[][] {x, y, z});
        double xy = new PearsonsCorrelation().correlation(new double[] {1, 4, 2, 5}, new double[] {2, 3, 1, 7});
        double xz = new PearsonsCorrelation().correlation(new double[] {1, 4, 2, 8, 5}, new double[] {1, 3, 4, 5, 6});
        double yz = new PearsonsCorrelation().correlation(new double[] {2, 9, 3, 1, 7}, new double[] {1, 2, 3, 4, 6});
        assertThat(r[0][1]).isCloseTo(xy, within(1e-14));
        assertThat(r[0][2]).isCloseTo(xz, within(1e-14));
        assertThat(r[1][2]).isCloseTo(yz, within(1e-14));
        assertThat(r[2][1]).isEqualTo(r[1][2]);
    }

    @Test
    void fewerThanThreePairsOrConstantGivesNaN() {
        double[] x = {1, 2, NAN, NAN};
        double[] y = {3, 1, 2, NAN};
        double[] c = {5, 5, 5, 5};
        double[][] r = Coherence.pearson(new double[][] {x, y, c});
        assertThat(r[0][1]).isNaN(); // 2 pairs
        assertThat(r[0][0]).isNaN(); // x itself has only 2 observations
        assertThat(r[1][1]).isEqualTo(1.0);
        assertThat(r[1][2]).isNaN(); // constant
        assertThat(r[2][2]).isNaN();
        assertThat(Coherence.spearman(new double[][] {x, y, c})[0][1]).isNaN();
    }

    @Test
    void spearmanWithTiesByHand() {
        // x = (1,2,2,3) → ranks (1, 2.5, 2.5, 4); y = (1,3,2,4) → ranks (1,3,2,4)
        // Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → r = 4.5/√22.5 = 3/√10 = 0.9486832981
        double[][] r = Coherence.spearman(new double[][] {{1, 2, 2, 3}, {1, 3, 2, 4}});
        assertThat(r[0][1]).isCloseTo(3 / Math.sqrt(10), within(1e-15));
        assertThat(r[0][1]).isCloseTo(0.9486832981, within(1e-10));
    }

    @Test
    void spearmanMatchesCommonsMathOnCompleteData() {
        double[][] ours = Coherence.spearman(TUS_ADALI);
        RealMatrix theirs = new SpearmansCorrelation().computeCorrelationMatrix(rows(TUS_ADALI));
        for (int j = 0; j < 6; j++) {
            for (int k = 0; k < 6; k++) {
                assertThat(ours[j][k]).isCloseTo(theirs.getEntry(j, k), within(1e-14));
            }
        }
    }

    @Test
    void spearmanRanksWithinThePairs() {
        // unit 0 (x = 100, y missing) must not shift x's ranks for the pair
        double[][] r = Coherence.spearman(new double[][] {{100, 1, 2, 2, 3}, {NAN, 1, 3, 2, 4}});
        assertThat(r[0][1]).isCloseTo(3 / Math.sqrt(10), within(1e-15));
    }

    @Test
    void correlationWithParentFlagsNegativeIndicators() {
        double[] parent = {1, 2, 3, 4, NAN};
        double[][] c = {{2, 4, 6, 8, 1}, {4, 3, 2, 1, 9}, {1, 3, 2, 4, 0}};
        double[] p = Coherence.correlationWith(c, parent, false);
        assertThat(p[0]).isCloseTo(1.0, within(1e-15));
        assertThat(p[1]).isCloseTo(-1.0, within(1e-15));
        // (1,3,2,4) vs (1,2,3,4): Σ = 1.5·1.5 + .5·(−.5)·... = 4, ss 5 and 5 → 0.8
        assertThat(p[2]).isCloseTo(0.8, within(1e-15));
        double[] s = Coherence.correlationWith(c, parent, true);
        assertThat(s).containsExactly(new double[] {1.0, -1.0, 0.8}, within(1e-15));
    }

    @Test
    void correlationWithRejectsMismatchedParent() {
        assertThatThrownBy(() -> Coherence.correlationWith(new double[][] {{1, 2, 3}}, new double[] {1, 2}, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parent has 2 units but the columns have 3");
        assertThatThrownBy(() -> Coherence.correlationWith(new double[][] {{1, 2, 3}}, null, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(() -> Coherence.pearson(new double[][] {{1, 2}, {1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 1 has 1 units");
        assertThatThrownBy(() -> Coherence.spearman(new double[][] {{1, Double.NEGATIVE_INFINITY, 3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 0, unit 1");
        assertThatThrownBy(() -> Coherence.pearson(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
