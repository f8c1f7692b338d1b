package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The respondent fingerprint table: parts' tables added up make the suspects of one reading of the file. */
class RespondentIdsTest {

    private static RespondentIds of(String... ids) {
        RespondentIds t = new RespondentIds();
        for (String id : ids) {
            t.add(id);
        }
        return t;
    }

    private static long fp(String id) {
        return RespondentIds.fingerprint(id);
    }

    @Test
    void onePartsTableAddedToAnEmptyOneKeepsItsOwnSuspectsOnly() {
        RespondentIds part = of("R1", "R2", "R2", "R3");
        RespondentIds merged = new RespondentIds();
        merged.addAll(part.fingerprints(), part.suspects());
        assertThat(merged.suspects()).containsExactly(fp("R2"));
        assertThat(merged.size()).isEqualTo(3);
        assertThat(merged.isSuspect("R1")).isFalse();
    }

    @Test
    void anIdInTwoPartsOrAddedAfterAPartIsASuspect() {
        RespondentIds a = of("R1", "R2");
        RespondentIds b = of("R3", "R1");
        RespondentIds merged = new RespondentIds();
        merged.addAll(a.fingerprints(), a.suspects());
        merged.addAll(b.fingerprints(), b.suspects());
        assertThat(merged.suspects()).containsExactly(fp("R1"));
        assertThat(merged.size()).isEqualTo(3);

        RespondentIds then = new RespondentIds();
        then.addAll(b.fingerprints(), b.suspects());
        assertThat(then.add("R3")).isFalse();
        assertThat(then.add("R4")).isTrue();
        assertThat(then.isSuspect("R3")).isTrue();
        assertThat(then.size()).isEqualTo(3);
    }
}
