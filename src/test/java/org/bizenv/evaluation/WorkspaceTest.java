package org.bizenv.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace hands a saved data set to later steps of the same execution as it is, and to a restart from its file. */
class WorkspaceTest {

    record Values(String name, double[] values) {
    }

    @TempDir
    Path dir;

    @Test
    void theSameExecutionGetsTheSavedObjectItselfAndTheFileIsWrittenAllTheSame() throws Exception {
        Workspace w = new Workspace(dir);
        Values v = new Values("beijing", new double[] {1.5, Double.NaN});
        w.save("intake-current", v);

        assertThat(w.load("intake-current", Values.class)).isSameAs(v);
        assertThat(w.load("intake-current", Values.class)).as("a data set read by two steps").isSameAs(v);
        assertThat(Files.readString(dir.resolve("intake-current.json")))
                .isEqualTo("{\"name\":\"beijing\",\"values\":[1.5,\"NaN\"]}");
    }

    @Test
    void anotherExecutionReadsTheFile() {
        Values v = new Values("beijing", new double[] {1.5, Double.NaN});
        new Workspace(dir).save("intake-current", v);

        Values again = new Workspace(dir).load("intake-current", Values.class);
        assertThat(again).isNotSameAs(v);
        assertThat(again.name()).isEqualTo("beijing");
        assertThat(again.values()).containsExactly(1.5, Double.NaN);
    }

    @Test
    void aDataSetTakenIsNoLongerKeptButItsFileStays() {
        Workspace w = new Workspace(dir);
        Values v = new Values("part", new double[] {2});
        w.save("survey-part-f0-p000", v);

        assertThat(w.take("survey-part-f0-p000", Values.class)).isSameAs(v);
        Values again = w.load("survey-part-f0-p000", Values.class);
        assertThat(again).isNotSameAs(v);
        assertThat(again.values()).containsExactly(2.0);
    }

    @Test
    void aDataSetNeitherSavedNorOnDiskIsMissing() {
        assertThatThrownBy(() -> new Workspace(dir).load("report", Values.class))
                .hasMessageContaining("the data set 'report' of an earlier step is missing");
    }

    @Test
    void aFailedSaveKeepsNothing() throws Exception {
        Path file = dir.resolve("not-a-folder");
        Files.writeString(file, "x");
        Workspace w = new Workspace(file);
        assertThatThrownBy(() -> w.save("report", new Values("x", new double[0])))
                .hasMessageContaining("cannot write the data set 'report'");
        assertThatThrownBy(() -> w.load("report", Values.class)).hasMessageContaining("is missing");
    }
}
