package org.bizenv.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every report's Sources sheet names the engine version: the build must stamp it. */
class EngineVersionTest {

    @Test
    void theBuildStampsTheProjectVersion() {
        assertThat(EngineVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
