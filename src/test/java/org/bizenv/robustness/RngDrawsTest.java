package org.bizenv.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Rng#nextInts}: the survey bootstrap's draws in one loop, the very values of as many nextInt calls. */
class RngDrawsTest {

    @Test
    void theDrawsAreThoseOfAsManyNextIntCallsAndLeaveTheGeneratorWhereTheyDo() {
        // 2^30 + 1 rejects about a quarter of the raw draws; the others hardly any
        for (int bound : new int[] {1, 2, 7, 250, 363, (1 << 30) + 1, Integer.MAX_VALUE}) {
            Rng bulk = new Rng(42 + bound);
            Rng one = new Rng(42 + bound);
            int[] got = new int[1000];
            bulk.nextInts(bound, got, 999);
            for (int i = 0; i < 999; i++) {
                assertThat(got[i]).as("bound %d, draw %d", bound, i).isEqualTo(one.nextInt(bound));
            }
            assertThat(got[999]).isZero();                 // only count values written
            assertThat(bulk.nextLong()).isEqualTo(one.nextLong());
        }
    }

    @Test
    void aBoundWithManyRejectionsRejectsThem() {
        int bound = (1 << 30) + 1;
        long threshold = (0x1_0000_0000L - bound) % bound;
        Rng raw = new Rng(43 + bound);
        int rejected = 0;
        for (int i = 0; i < 1000; i++) {
            if (((raw.nextLong() >>> 32) * bound & 0xffffffffL) < threshold) {
                rejected++;
            }
        }
        assertThat(rejected).isBetween(200, 300);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new Rng(1).nextInts(0, new int[1], 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound must be positive, got 0");
    }
}
