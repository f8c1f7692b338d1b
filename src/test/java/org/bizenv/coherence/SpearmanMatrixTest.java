package org.bizenv.coherence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The presorted Spearman matrix gives exactly the numbers of ranking each pair on its own complete rows. */
class SpearmanMatrixTest {

    @Test
    void equalsPerPairRankingBitForBitWithTiesAndGaps() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] cols = new double[6][200];
        for (double[] c : cols) {
            for (int i = 0; i < c.length; i++) {
                double v = rnd.nextInt(30);                  // many ties
                c[i] = rnd.nextInt(10) == 0 ? Double.NaN : v; // gaps that differ between columns
            }
        }
        double[][] fast = Coherence.spearman(cols);
        for (int j = 0; j < cols.length; j++) {
            for (int l = 0; l < cols.length; l++) {
                assertThat(fast[j][l]).isEqualTo(Coherence.pairwise(cols[j], cols[l], true));
            }
        }
    }
}
