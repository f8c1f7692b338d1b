package org.bizenv.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cold figures start their child JVMs exactly as the launcher starts bizenv, and stop on a child that fails. */
class ColdStartTest {

    @TempDir
    Path tmp;

    @Test
    void childrenAreStartedWithTheLaunchersJavaOptionsAndExtractedJar() {
        ColdStart.Launch launch = ColdStart.launcherWay(Map.of(
                "BIZENV_LAUNCH_JAVA", "/opt/jdk/bin/java",
                "BIZENV_LAUNCH_OPTIONS", "-XX:SharedArchiveFile=/c/bizenv.jsa\n-Xshare:auto\n-XX:TieredStopAtLevel=1\n",
                "BIZENV_LAUNCH_JAR", "/c/app/bizenv.jar"));

        assertThat(launch.command(List.of("validate", "--framework", "f.yaml"))).containsExactly(
                "/opt/jdk/bin/java", "-XX:SharedArchiveFile=/c/bizenv.jsa", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-jar", "/c/app/bizenv.jar", "validate", "--framework", "f.yaml");
    }

    @Test
    void aPlainStartHasNoOptions() {
        assertThat(ColdStart.plain("java", "/w/target/bizenv.jar").command(List.of("--version")))
                .containsExactly("java", "-jar", "/w/target/bizenv.jar", "--version");
    }

    @Test
    void withoutTheLauncherTheChildrenRunThisJvmsClassPathPlainly() {
        String cp = System.getProperty("java.class.path");
        try {
            System.setProperty("java.class.path", "/w/target/classes" + java.io.File.pathSeparator + "/m2/picocli.jar");
            ColdStart.Launch launch = ColdStart.launcherWay(Map.of());

            assertThat(launch.options()).isEmpty();
            assertThat(launch.application()).containsExactly("-cp",
                    "/w/target/classes" + java.io.File.pathSeparator + "/m2/picocli.jar", "org.bizenv.BizenvApplication");
        } finally {
            System.setProperty("java.class.path", cp);
        }
    }

    @Test
    void aChildThatFailsStopsTheBenchWithItsCommandAndErrorOutput() {
        ColdStart.Launch java = new ColdStart.Launch(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(), List.of(), "test");
        var fails = new ColdStart.Case("fails", java, List.of("-XX:+NoSuchBizenvFlag", "-version"));

        assertThatThrownBy(() -> ColdStart.measure(List.of(fails), 1, tmp))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-XX:+NoSuchBizenvFlag -version` exited 1")
                .hasMessageContaining("Unrecognized VM option 'NoSuchBizenvFlag'");
    }

    @Test
    void eachCaseGetsItsMedianOverTheRounds() throws Exception {
        ColdStart.Launch java = new ColdStart.Launch(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), List.of(), List.of(), "test");
        var version = new ColdStart.Case("java -version", java, List.of("-version"));

        List<ColdStart.Timing> t = ColdStart.measure(List.of(version), 3, tmp);

        assertThat(t).hasSize(1);
        assertThat(t.get(0).what()).isEqualTo(version);
        assertThat(t.get(0).minSeconds()).isPositive().isLessThanOrEqualTo(t.get(0).medianSeconds());
        assertThat(t.get(0).medianSeconds()).isLessThanOrEqualTo(t.get(0).maxSeconds());
    }
}
