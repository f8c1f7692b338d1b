package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the survey step's grid is shared out over the run's survey files. */
class SurveyPartitionerTest {

    @Test
    void twoFilesOfAboutEqualSizeOnTwoThreadsAreEachReadWhole() {
        assertThat(SurveyPartitioner.shares(new long[] {3_032_973, 2_924_281}, 2)).containsExactly(1, 1);
        assertThat(SurveyPartitioner.shares(new long[] {3_032_973, 2_924_281}, 1)).containsExactly(1, 1);
    }

    @Test
    void oneFileGetsTheWholeGrid() {
        assertThat(SurveyPartitioner.shares(new long[] {1_000}, 4)).containsExactly(4);
        assertThat(SurveyPartitioner.shares(new long[] {0}, 3)).containsExactly(3);
    }

    @Test
    void theGridGoesToTheFilesByTheirBytesAtLeastOneEach() {
        assertThat(SurveyPartitioner.shares(new long[] {3_032_973, 2_924_281}, 3)).containsExactly(2, 1);
        assertThat(SurveyPartitioner.shares(new long[] {3_032_973, 2_924_281}, 7)).containsExactly(4, 3);
        assertThat(SurveyPartitioner.shares(new long[] {9_000_000, 1_000_000}, 2)).containsExactly(2, 1);
        assertThat(SurveyPartitioner.shares(new long[] {100, 0, 100}, 4)).containsExactly(2, 1, 2);
        assertThat(SurveyPartitioner.shares(new long[] {0, 0}, 4)).containsExactly(1, 1);
    }
}
