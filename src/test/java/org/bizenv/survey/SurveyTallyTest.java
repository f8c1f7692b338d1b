package org.bizenv.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bizenv.city.UnitResolver;
import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.DataProblem;
import org.bizenv.ingest.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A survey file tallied into the survey indicators, and the units it leaves without answers. */
class SurveyTallyTest {

    private static final Path SAMPLE_FRAMEWORK = Path.of("indicators/miit-sme-2024.yaml");
    private static final String HEADER = "RespondentId,City,Size,Industry,Q01,Q02";

    @TempDir
    Path tmp;

    /** Two survey indicators over Q01 (mean score) and Q02 (share favourable), units named by the data. */
    private Framework framework(String sourceExtra) throws IOException {
        return FrameworkLoader.load(writeFramework(sourceExtra));
    }

    private Path writeFramework(String sourceExtra) throws IOException {
        Path f = tmp.resolve("fw.yaml");
        Files.writeString(f, "framework: {id: t, name: {en: Test}}\n"
                + "sources: [{id: s, type: survey, path: survey.csv, min-sample: 3" + sourceExtra + "}]\n"
                + "nodes:\n  - {code: INDEX, name: {en: Index}}\n"
                + "indicators:\n"
                + "  - {code: M, parent: INDEX, name: {en: M}, direction: higher, weight: 1, source: s, field: Q01,"
                + " statistic: mean-score}\n"
                + "  - {code: F, parent: INDEX, name: {en: F}, direction: higher, weight: 1, source: s, field: Q02,"
                + " statistic: share-favourable}\n");
        return f;
    }

    private record Tallied(SurveyIndicators indicators, List<DataProblem> problems) {
    }

    private Tallied tally(Framework fw, UnitResolver resolver, String... lines) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.write(data.resolve("survey.csv"), List.of(lines));
        Problems problems = new Problems();
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false, resolver, problems)) {
            return new Tallied(t.readAll().indicators(), problems.sorted());
        }
    }

    @Test
    void theTalliesBecomeEachIndicatorsUnitValueWithItsProvenance() throws IOException {
        Tallied t = tally(framework(""), UnitResolver.identity("unit"), HEADER,
                "1,a,micro,x,5,4", "2,a,small,x,3,2", "3,a,medium,x,4,5", "4,b,micro,x,2,1", "5,b,micro,x,,5");

        assertThat(t.problems()).isEmpty();
        assertThat(t.indicators().units()).containsExactly("a", "b");
        // a: one answer per size class, equal weights without a size mix: mean of (5, 3, 4) → (a − 1)/4·100
        assertThat(t.indicators().values()[0]).containsExactly(new double[] {75, 25}, within(1e-12));
        // share of answers ≥ 4: a 2 of 3 (each class its own share: 100, 0, 100 → 66.67), b 1 of 2
        assertThat(t.indicators().values()[1]).containsExactly(new double[] {200.0 / 3, 50}, within(1e-12));
        assertThat(t.indicators().provenance()[0]).containsExactly("survey.csv: Q01 mean-score, n = 3",
                "survey.csv: Q01 mean-score, n = 1");
        assertThat(t.indicators().warnings()).containsExactly(
                new org.bizenv.framework.Names("指标 M：b 对 Q01 的有效回答只有 1 份，少于最低样本量 3",
                        "indicator M: b has 1 valid answers to Q01, under the minimum sample of 3"),
                new org.bizenv.framework.Names("指标 F：b 对 Q02 的有效回答只有 2 份，少于最低样本量 3",
                        "indicator F: b has 2 valid answers to Q02, under the minimum sample of 3"));
        // the same findings as data, for the report and the city cards
        assertThat(t.indicators().thinSamples()).containsExactly(new ThinSample("b", "M", "Q01", 1, 3),
                new ThinSample("b", "F", "Q02", 2, 3));
    }

    @Test
    void everySurveySourceIsTalliedAndTheirIndicatorsJoinByUnit() throws IOException {
        Path f = writeFramework("");
        Files.writeString(f, Files.readString(f).replace("}]\n", "}, {id: t, type: survey, path: other.csv}]\n")
                .replace("source: s, field: Q02", "source: t, field: Q02"));
        Framework fw = FrameworkLoader.load(f);
        Path data = Files.createDirectories(tmp.resolve("two"));
        Files.write(data.resolve("survey.csv"), List.of(HEADER, "1,a,micro,x,5,1", "2,b,micro,x,1,1"));
        Files.write(data.resolve("other.csv"), List.of(HEADER, "1,b,micro,x,1,5", "2,c,micro,x,1,4"));
        Problems problems = new Problems();
        List<SurveyIndicators> parts = new ArrayList<>();
        for (var source : SurveyTally.sources(fw)) {
            try (SurveyTally t = new SurveyTally(fw, source, data, false, UnitResolver.identity("unit"), problems)) {
                parts.add(t.readAll().indicators());
            }
        }

        SurveyIndicators both = SurveyIndicators.combine(2, parts);

        assertThat(SurveyTally.sources(fw)).extracting(org.bizenv.framework.Source::id).containsExactly("s", "t");
        assertThat(problems.sorted()).isEmpty();
        assertThat(both.units()).containsExactly("a", "b", "c");
        assertThat(both.values()[0]).containsExactly(100, 0, Double.NaN);      // M from survey.csv's Q01
        assertThat(both.values()[1]).containsExactly(Double.NaN, 100, 100);    // F from other.csv's Q02
        assertThat(both.provenance()[1][2]).isEqualTo("other.csv: Q02 share-favourable, n = 1");
    }

    @Test
    void repeatedRespondentsAreReportedWithTheIndicatorsAfterASecondRead() throws IOException {
        Tallied t = tally(framework(""), UnitResolver.identity("unit"), HEADER,
                "1,a,micro,x,5,4", "2,a,small,x,3,2", "1,b,micro,x,2,1", "3,b,micro,x,4,4", "2,b,medium,x,1,1");
        assertThat(t.problems()).extracting(Object::toString).containsExactly(
                "survey.csv!A4: duplicate respondent '1', first at row 2",
                "survey.csv!A6: duplicate respondent '2', first at row 3");
        // last year's file is opened again under its year's folder, and named so
        Path data = Files.createDirectories(tmp.resolve("years/2023"));
        Files.write(data.resolve("survey.csv"), List.of(HEADER, "7,a,micro,x,5,4", "7,b,micro,x,5,4"));
        Framework fw = framework("");
        Problems problems = new Problems();
        try (SurveyTally last = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, true,
                UnitResolver.identity("unit"), problems)) {
            last.readAll().indicators();
        }
        assertThat(problems.sorted()).extracting(Object::toString)
                .containsExactly("2023/survey.csv!A3: duplicate respondent '7', first at row 2");
    }

    @Test
    void aSurveyWithOnlyItsHeaderIsAnInputError() throws IOException {
        Tallied t = tally(framework(""), UnitResolver.identity("unit"), HEADER);
        assertThat(t.problems()).extracting(Object::toString).containsExactly("survey.csv: no valid survey answers at "
                + "all (no row with a known unit, a size class and an answer): every survey indicator would be missing; "
                + "add the answers, or say 'missing-units: missing' on source 's' to score without them");
    }

    @Test
    void aUnitWhoseRowsHaveNoValidAnswerIsAnInputError() throws IOException {
        // b's rows are all blank or not applicable: b is in the data with nothing to score it on
        Tallied t = tally(framework(", not-applicable: [9]"), UnitResolver.identity("unit"), HEADER,
                "1,a,micro,x,5,4", "2,b,micro,x,9,", "3,b,small,x,,9");
        assertThat(t.problems()).extracting(Object::toString).containsExactly("survey.csv: no valid answers from b: "
                + "its survey indicators would be missing; add the answers, or say 'missing-units: missing' on source "
                + "'s' to score without them");
    }

    @Test
    void missingUnitsMissingMakesThemMissingValues() throws IOException {
        Framework fw = framework(", missing-units: missing");
        assertThat(tally(fw, UnitResolver.identity("unit"), HEADER).problems()).isEmpty();
        Tallied t = tally(fw, UnitResolver.identity("unit"), HEADER, "1,a,micro,x,5,4", "2,b,micro,x,,");
        assertThat(t.problems()).isEmpty();
        assertThat(t.indicators().values()[0][1]).isNaN();
        assertThat(t.indicators().provenance()[0][1]).isEqualTo("survey.csv: Q01 mean-score, n = 0");
    }

    @Test
    void withARegistryEveryCityWithoutAnswersIsNamed() throws IOException {
        Framework fw = FrameworkLoader.load(SAMPLE_FRAMEWORK);
        UnitResolver registry = CityRegistryReader.read(fw.unitsFile().getParent(),
                fw.unitsFile().getFileName().toString()).orThrow();
        List<String> lines = Files.readAllLines(Path.of("sample-data/2024/survey.csv"));

        // one row: the other 35 cities have no answers
        Tallied one = tally(fw, registry, lines.get(0), lines.get(1));
        assertThat(one.problems()).hasSize(35).extracting(Object::toString)
                .contains("survey.csv: no valid answers from Lhasa (拉萨): its survey indicators would be missing; add "
                        + "the answers, or say 'missing-units: missing' on source 'survey' to score without them")
                .noneMatch(p -> p.contains("Kunming"));
        // only the header: one problem for the file, not 36
        assertThat(tally(fw, registry, lines.get(0)).problems()).extracting(Object::toString)
                .singleElement().asString().startsWith("survey.csv: no valid survey answers at all (no row with a "
                        + "known city");
        // every city but Lhasa (typed 拉萨, 拉萨市, Lhasa… in the sample)
        String lhasa = registry.resolve("拉萨").unit().code();
        List<String> withoutLhasa = new ArrayList<>(lines.stream()
                .filter(l -> !registry.resolve(l.split(",", -1)[1]).isFound()
                        || !registry.resolve(l.split(",", -1)[1]).unit().code().equals(lhasa)).toList());
        assertThat(tally(fw, registry, withoutLhasa.toArray(String[]::new)).problems()).extracting(Object::toString)
                .singleElement().asString().startsWith("survey.csv: no valid answers from Lhasa (拉萨)");
    }

    @Test
    void theFrameworkSaysHowMissingUnitsAreTreatedOnSurveySourcesOnly() throws IOException {
        Path f = writeFramework(", missing-units: sometimes");
        String bad = Files.readString(f);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(f))
                .hasMessageContaining("fw.yaml:2: source 's': missing-units must be 'error' or 'missing', not "
                        + "'sometimes'");
        Files.writeString(f, bad.replace("type: survey", "type: unit-table, unit-column: U")
                .replace("sometimes", "missing"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(f))
                .hasMessageContaining("source 's': missing-units applies to survey sources");
    }
    /** The detail (breakdowns) of a framework whose source says {@code sourceExtra}, on a fixed file. */
    private SurveyDetail detail(String sourceExtra) throws IOException {
        Framework fw = framework(sourceExtra);
        Path data = Files.createDirectories(tmp.resolve("detail"));
        // city a: micro 3 answers (industry x 2, y 1), small 1 (x); Q02 left out by one micro firm
        Files.write(data.resolve("survey.csv"), List.of(HEADER, "1,a,micro,x,5,4", "2,a,micro,x,3,", "3,a,micro,y,4,5",
                "4,a,small,x,2,1"));
        Problems problems = new Problems();
        try (SurveyTally t = new SurveyTally(fw, SurveyTally.sources(fw).get(0), data, false,
                UnitResolver.identity("unit"), problems)) {
            t.readAll().indicators();
            assertThat(problems.sorted()).isEmpty();
            return t.detail();
        }
    }

    @Test
    void theBreakdownsAreHeldToTheCitysMinimumSampleUnlessTheSourceSaysOtherwise() throws IOException {
        // no breakdown-min-sample: the breakdown's floor is min-sample (3), as before the key
        assertThat(framework("").sources().get(0).breakdownMinSample()).isEqualTo(3);
        SurveyDetail asCity = detail("");
        assertThat(asCity.minSample()).isEqualTo(3);
        assertThat(asCity.breakdownMinSample()).isEqualTo(3);
        // stated: its own floor, the city's unchanged
        assertThat(framework(", breakdown-min-sample: 2").sources().get(0).breakdownMinSample()).isEqualTo(2);
        SurveyDetail own = detail(", breakdown-min-sample: 2");
        assertThat(own.minSample()).isEqualTo(3);
        assertThat(own.breakdownMinSample()).isEqualTo(2);
        // the answers behind the cells whatever the floor: a, micro, Q01 has 3; industry x 3 (2 micro, 1 small), y 1
        var m = own.indicators().get(0);
        assertThat(m.sizeAnswers()[SizeClass.MICRO.ordinal()]).containsExactly(3);
        assertThat(m.industryAnswers()).isDeepEqualTo(new int[][] {{3}, {1}});
        // equal to min-sample is allowed (the default, written out)
        assertThat(framework(", breakdown-min-sample: 3").sources().get(0).breakdownMinSample()).isEqualTo(3);
    }

    @Test
    void aBreakdownMinimumSampleIsAPositiveWholeNumberNotAboveTheCitys() throws IOException {
        for (String bad : List.of("0", "-5", "2.5")) {
            Path f = writeFramework(", breakdown-min-sample: " + bad);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(f))
                    .hasMessageContaining("fw.yaml:2: source 's': breakdown-min-sample must be a positive whole number"
                            + " of answers, not '" + bad + "'");
        }
        Path above = writeFramework(", breakdown-min-sample: 30");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(above))
                .hasMessageContaining("fw.yaml:2: source 's': breakdown-min-sample (30) is above min-sample (3): a size"
                        + " class or industry holds part of a city's answers, so its floor cannot be higher than the"
                        + " city's; lower breakdown-min-sample or raise min-sample");
        Path text = writeFramework(", breakdown-min-sample: few");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(text))
                .hasMessageContaining("fw.yaml:2: 'breakdown-min-sample' must be a number, not 'few'");
        Path table = writeFramework(", breakdown-min-sample: 2");
        Files.writeString(table, Files.readString(table).replace("type: survey", "type: unit-table, unit-column: U"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FrameworkLoader.load(table))
                .hasMessageContaining("fw.yaml:2: source 's': breakdown-min-sample applies to survey sources (a"
                        + " unit-table source has no breakdowns by size class and industry)");
        // without a min-sample there is no city floor to stay under: any positive number
        Path noCity = writeFramework(", breakdown-min-sample: 30");
        Files.writeString(noCity, Files.readString(noCity).replace("min-sample: 3, ", ""));
        assertThat(FrameworkLoader.load(noCity).sources().get(0).breakdownMinSample()).isEqualTo(30);
    }
}
