package org.bizenv.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    /** Printable ASCII without spaces is returned as it is (the fast path); anything else is normalised as before. */
    @Test
    void plainAsciiIsReturnedUnchangedAndEverythingElseNormalised() {
        String id = "R2024-00001";
        assertThat(TypedText.clean(id)).isSameAs(id);
        assertThat(TypedText.clean("!~")).isEqualTo("!~");
        assertThat(TypedText.clean(" R1 ")).isEqualTo("R1");
        assertThat(TypedText.clean("R\t1")).isEqualTo("R 1");
        assertThat(TypedText.clean("R1\u007F")).isEqualTo("R1\u007F");          // DEL is neither space nor format
        assertThat(TypedText.clean("Ｒ１")).isEqualTo("R1");                        // full-width
        assertThat(TypedText.clean("R\u200B1\uFEFF")).isEqualTo("R1");              // zero-width space, BOM
        assertThat(TypedText.clean("武汉\u3000市")).isEqualTo("武汉 市");
        assertThat(TypedText.clean("\u00A0")).isEmpty();
        assertThat(TypedText.clean(null)).isEmpty();
    }
}
