package org.bizenv.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded questionnaire answers and their patterns, for the tests of the bootstrap's tallies (one survey: 5 questions, 3 units). */
final class PatternFixtures {

    static final List<String> QUESTIONS = List.of("Q1", "Q2", "Q3", "Q4", "Q5");
    static final List<String> UNITS = List.of("a", "b", "c");
    /** The stated size mix (micro, small, medium) the post-stratification weighs to. */
    static final double[] MIX = {0.7, 0.25, 0.05};
    /** The minimum sample of a cell. */
    static final int MIN_SAMPLE = 30;

    private PatternFixtures() {
    }

    /** Seeded rows: answers 0–5 (0 = left out), every unit and size class. */
    static List<ValidResponse> rows(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ValidResponse> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] a = new byte[QUESTIONS.size()];
            for (int q = 0; q < a.length; q++) {
                a[q] = (byte) rng.nextInt(6);
            }
            out.add(new ValidResponse(i + 2, UNITS.get(rng.nextInt(UNITS.size())), rng.nextInt(3), a));
        }
        return out;
    }

    /** The rows' answer patterns, as the survey tally keeps them. */
    static SurveyPatterns patterns(List<ValidResponse> rows) {
        SurveyPatterns.Tally t = new SurveyPatterns.Tally("s", QUESTIONS, UNITS, MIX, MIN_SAMPLE);
        rows.forEach(t::add);
        return t.build();
    }
}
