package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceValuesTest {

    @Test
    void expectedUnitsComeFirstAndMissingValuesAreNaN() {
        SourceValues.Builder b = new SourceValues.Builder("s", List.of("A", "B"), List.of("x", "y"));
        int z = b.unit("z");
        b.set(z, 1, 7, Location.ofCell("f.csv", null, 2, 3));
        b.set(b.unit("x"), 0, 1, null);
        SourceValues v = b.build();

        assertThat(v.units()).containsExactly("x", "y", "z");
        assertThat(v.row("x")).containsExactly(1, Double.NaN);
        assertThat(v.row("y")).containsOnly(Double.NaN);
        assertThat(v.column("B")).containsExactly(Double.NaN, Double.NaN, 7);
        assertThat(v.where("z", "B")).hasToString("f.csv!C2");
        assertThat(v.where("y", "A")).isNull();
        assertThat(v.hasUnit("w")).isFalse();
        assertThatThrownBy(() -> v.value("w", "A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v.value("x", "C")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFieldIsRequestedOnce() {
        assertThatThrownBy(() -> new SourceValues.Builder("s", List.of("A", "A"), List.of()))
                .hasMessage("field 'A' requested twice from source s");
    }

    @Test
    void rangesWithOpenEnds() {
        assertThat(new FieldRequest("a", 0, 100).rangeText()).isEqualTo("[0, 100]");
        assertThat(new FieldRequest("a", 0, Double.NaN).rangeText()).isEqualTo("[0, ∞)");
        assertThat(new FieldRequest("a", Double.NaN, 5.5).rangeText()).isEqualTo("(-∞, 5.5]");
        assertThat(FieldRequest.unbounded("a").accepts(-1e300)).isTrue();
        assertThat(new FieldRequest("a", 0, 100).accepts(100)).isTrue();
        assertThat(new FieldRequest("a", 0, 100).accepts(100.0001)).isFalse();
        assertThatThrownBy(() -> new FieldRequest("a", 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
