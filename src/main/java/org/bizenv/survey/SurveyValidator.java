package org.bizenv.survey;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.bizenv.city.Match;
import org.bizenv.city.TypedText;
import org.bizenv.city.UnitIdentity;
import org.bizenv.city.UnitResolver;
import org.bizenv.ingest.CellValues;
import org.bizenv.ingest.ParsedNumber;
import org.bizenv.ingest.Problems;

/**
 * Checks one survey row, for a chunk step's processor ({@code validator::validate}): every problem of the row
 * goes to the shared {@link Problems}; the row comes back as a {@link ValidResponse}, or null (filtered out)
 * when its unit or size class is unusable.
 *
 * <p>Checks: RespondentId not blank and not repeated (within this validator, i.e. this file); the city
 * resolves to one unit; the size class is micro/small/medium (微型/小型/中型); each answer is 1–5 or a
 * not-applicable code (left out, no problem); a blank answer is left out; any other answer is reported and
 * left out. Thread-safe.
 *
 * <p>Repeated ids are caught exactly with a few bytes a row: {@link #validate} keeps only each id's 64-bit
 * fingerprint ({@link RespondentIds}); a row whose fingerprint was seen before is a suspect, and
 * {@link #confirmDuplicates} reads the file once more, only when there are suspects, comparing the real ids of the
 * suspect rows in file order. So a repeat is reported as "duplicate respondent 'X', first at row N" at its
 * RespondentId cell, and two different ids that share a fingerprint never are.
 */
public final class SurveyValidator {

    public static final int MIN_ANSWER = 1;
    public static final int MAX_ANSWER = 5;

    private final SurveyLayout layout;
    private final UnitResolver resolver;
    private final Problems problems;
    private final boolean[] notApplicable = new boolean[Byte.MAX_VALUE + 1];
    private final String notApplicableText;
    private final RespondentIds respondents;
    private boolean confirmed;
    /** The city (with its unit's row counter) and size class of each spelling met: resolved once, not on every row. */
    private final RepeatedTexts<City> cities;
    private final RepeatedTexts<Optional<SizeClass>> sizes =
            new RepeatedTexts<>(t -> Optional.ofNullable(SizeClass.parse(t)));
    /*
     * The rows validated per unit their city names, usable or not: a framework evaluating part of its registry skips
     * every row of a city outside it (its problems ignored), and the report says how many of each city's rows that
     * was. One counter per unit met, so memory grows with the units, never with the rows.
     */
    private final Map<String, LongAdder> unitRows = new ConcurrentHashMap<>();

    /**
     * @param layout        the file's layout ({@link SurveyReader#layout()})
     * @param notApplicable the answer codes meaning "not applicable" (0–127, outside 1–5)
     * @param problems      where problems go
     */
    public SurveyValidator(SurveyLayout layout, UnitResolver resolver, int[] notApplicable, Problems problems) {
        this(layout, resolver, notApplicable, problems, new RespondentIds());
    }

    /** With another respondent fingerprint: a test's weak one forces collisions. */
    SurveyValidator(SurveyLayout layout, UnitResolver resolver, int[] notApplicable, Problems problems,
                    ToLongFunction<String> fingerprint) {
        this(layout, resolver, notApplicable, problems, new RespondentIds(fingerprint));
    }

    private SurveyValidator(SurveyLayout layout, UnitResolver resolver, int[] notApplicable, Problems problems,
                            RespondentIds respondents) {
        this.respondents = respondents;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.cities = new RepeatedTexts<>(text -> {
            Match<? extends UnitIdentity> m = resolver.resolve(text);
            return new City(m, m.isFound() ? unitRows.computeIfAbsent(m.unit().code(), k -> new LongAdder()) : null);
        });
        this.problems = Objects.requireNonNull(problems, "problems");
        StringBuilder text = new StringBuilder();
        for (int code : notApplicable) {
            if (code < 0 || code > Byte.MAX_VALUE || (code >= MIN_ANSWER && code <= MAX_ANSWER)) {
                throw new IllegalArgumentException("not-applicable code " + code + " must be 0–127 and outside 1–5");
            }
            this.notApplicable[code] = true;
            text.append(text.length() == 0 ? "" : ", ").append(code);
        }
        this.notApplicableText = text.length() == 0 ? "" : " (not applicable: " + text + ")";
    }

    /** The row validated, or null if its unit or size class is unusable. */
    public ValidResponse validate(SurveyResponse r) {
        long row = r.line();
        City spelled = cities.get(r.cityText());
        Match<? extends UnitIdentity> city = spelled.match();
        Problems problems = problemsOf(city);
        String id = TypedText.clean(r.respondentId());
        if (id.isEmpty()) {
            problems.add(layout.cell(row, layout.respondentIdColumn()), "blank value");
        } else {
            // a fingerprint seen before makes the row a suspect, settled by confirmDuplicates
            respondents.add(id);
        }
        if (!city.isFound()) {
            problems.add(layout.cell(row, layout.cityColumn()), city.problem(resolver.noun()));
        } else {
            spelled.rows().increment();
        }
        SizeClass size = sizes.get(r.size()).orElse(null);
        if (size == null) {
            String typed = TypedText.clean(r.size());
            problems.add(layout.cell(row, layout.sizeColumn()), typed.isEmpty() ? "blank value"
                    : "'" + typed + "' is not a size class (micro/small/medium, 微型/小型/中型)");
        }
        byte[] answers = new byte[r.answers().length];
        for (int q = 0; q < answers.length; q++) {
            answers[q] = answer(r, q, problems);
        }
        return city.isFound() && size != null ? new ValidResponse(row, city.unit().code(), size.ordinal(), answers,
                r.industry()) : null;
    }

    /**
     * Reports the repeated respondent ids, once all rows are validated: when some row was a suspect (its id's
     * fingerprint seen before), reads the file again from {@code reopen} and compares the real ids of the suspect
     * rows in file order, the first row of each id being the lowest; otherwise opens nothing. Only the first call
     * does anything. The second read's own problems are left out: the first read reported them.
     */
    public void confirmDuplicates(Supplier<? extends SurveyReader> reopen) {
        synchronized (respondents) {
            if (confirmed) {
                return;
            }
            confirmed = true;
        }
        if (!respondents.anySuspects()) {
            return;
        }
        Map<String, Long> firstRow = new HashMap<>();
        try (SurveyReader again = reopen.get()) {
            for (SurveyResponse r = again.next(); r != null; r = again.next()) {
                String id = TypedText.clean(r.respondentId());
                if (id.isEmpty() || !respondents.isSuspect(id)) {
                    continue;
                }
                Long first = firstRow.putIfAbsent(id, r.line());
                if (first != null) {
                    problemsOf(city(r)).add(layout.cell(r.line(), layout.respondentIdColumn()),
                            "duplicate respondent '" + id + "', first at row " + first);
                }
            }
        }
    }

    /** The respondent fingerprints of the rows validated so far, distinct, 8 bytes each (a partition's, for the merge). */
    byte[] respondentFingerprints() {
        return respondents.fingerprints();
    }

    /** The fingerprints seen more than once so far. */
    long[] suspectFingerprints() {
        return respondents.suspects();
    }

    /**
     * Takes in the respondents of a part of the file validated elsewhere (a partition), as if its rows had been
     * validated here: {@link #confirmDuplicates} then settles the suspects across all parts by reading the whole file.
     */
    void addRespondents(byte[] fingerprints, long[] suspects) {
        respondents.addAll(fingerprints, suspects);
    }

    /** The rows validated so far per unit their city names (a usable row or not), by code. */
    Map<String, Long> unitRows() {
        Map<String, Long> out = new TreeMap<>();
        unitRows.forEach((u, n) -> out.put(u, n.sum()));
        return Collections.unmodifiableMap(out);
    }

    /** Takes in the rows per unit of a part of the file validated elsewhere (a partition), as {@link #addRespondents}. */
    void addUnitRows(Map<String, Long> rows) {
        rows.forEach((u, n) -> unitRows.computeIfAbsent(u, k -> new LongAdder()).add(n));
    }

    /** Distinct respondent ids held, and the bytes their table takes (for the memory benchmark). */
    int respondents() {
        return respondents.size();
    }

    long respondentBytes() {
        return respondents.bytes();
    }

    private Match<? extends UnitIdentity> city(SurveyResponse r) {
        return cities.get(r.cityText()).match();
    }

    /**
     * A spelling's city and, when found, the row counter of its unit (shared by every spelling of the unit), so that a
     * row is counted without a map look-up.
     */
    private record City(Match<? extends UnitIdentity> match, LongAdder rows) {
    }

    /** The row's problems are its city's to answer for, when the city is known. */
    private Problems problemsOf(Match<? extends UnitIdentity> city) {
        return city.isFound() ? this.problems.about(city.unit().code()) : this.problems;
    }

    private byte answer(SurveyResponse r, int q, Problems problems) {
        byte a = r.answers()[q];
        if (a >= MIN_ANSWER && a <= MAX_ANSWER) {
            return a;
        }
        if (a == SurveyResponse.BLANK || a >= 0 && notApplicable[a]) {
            return 0;
        }
        if (a == SurveyResponse.NOT_A_CODE) {
            String text = r.answerTexts() == null ? null : r.answerTexts()[q];
            ParsedNumber n = CellValues.parseNumber(text);
            String message;
            if (!n.isNumber()) {
                message = n.problem();
            } else if (n.value() != Math.rint(n.value())) {
                message = "'" + text + "' is not a whole number";
            } else {
                message = "value " + CellValues.format(n.value()) + " outside the valid range [1, 5]" + notApplicableText;
            }
            problems.add(layout.answerCell(r.line(), q), message);
        } else {
            problems.add(layout.answerCell(r.line(), q),
                    "value " + a + " outside the valid range [1, 5]" + notApplicableText);
        }
        return 0;
    }
}
