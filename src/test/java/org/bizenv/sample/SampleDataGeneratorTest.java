package org.bizenv.sample;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bizenv.sample.SampleCities.City;
import org.bizenv.sample.SampleFiles.WalkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator against its design: deterministic by seed, complete, within the framework's valid ranges,
 * and with the survey shaped as intended. The sample is generated once per seed for the whole class.
 */
class SampleDataGeneratorTest {

    @TempDir
    static Path tmp;
    static Path first;
    static Path second;
    static Path otherSeed;

    static final Set<String> CITY_CODES = SampleCities.ALL.stream().map(City::code)
            .collect(Collectors.toCollection(TreeSet::new));

    @BeforeAll
    static void generate() {
        first = tmp.resolve("first");
        second = tmp.resolve("second");
        otherSeed = tmp.resolve("other");
        SampleDataGenerator.generate(first, SampleDataGenerator.DEFAULT_SEED);
        SampleDataGenerator.generate(second, SampleDataGenerator.DEFAULT_SEED);
        SampleDataGenerator.generate(otherSeed, 7);
    }

    // ---------------------------------------------------------------------------------------------
    // determinism
    // ---------------------------------------------------------------------------------------------

    @Test
    void sameSeedGivesIdenticalFiles() throws IOException {
        List<Path> files = relativeFiles(first);
        assertThat(files).hasSize(2 * (36 + 3)).isEqualTo(relativeFiles(second));
        for (Path f : files) {
            if (f.toString().endsWith(".xlsx")) {
                assertThat(SampleFiles.content(second.resolve(f))).as(f.toString())
                        .isEqualTo(SampleFiles.content(first.resolve(f)));
            }
            // byte for byte, workbooks included: dates and zip entry times are fixed
            assertThat(Files.readAllBytes(second.resolve(f))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(f)));
        }
    }

    @Test
    void differentSeedGivesDifferentData() throws IOException {
        Path year = Path.of("2024");
        assertThat(Files.readAllBytes(otherSeed.resolve(year).resolve("survey.csv")))
                .isNotEqualTo(Files.readAllBytes(first.resolve(year).resolve("survey.csv")));
        Map<String, Map<String, Double>> a = SampleFiles.statistics(first.resolve(year));
        Map<String, Map<String, Double>> b = SampleFiles.statistics(otherSeed.resolve(year));
        int differing = 0;
        for (String city : CITY_CODES) {
            for (String field : a.get(city).keySet()) {
                if (!a.get(city).get(field).equals(b.get(city).get(field))) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("statistics cells that differ between seeds 2024 and 7, of 288")
                .isGreaterThan(200);
        assertThat(SampleFiles.returns(otherSeed.resolve(year))).isNotEqualTo(SampleFiles.returns(first.resolve(year)));
    }

    /** The committed sample-data/2023 and 2024 are exactly what the default seed generates (regenerate after any change). */
    @Test
    void committedSampleIsTheDefaultSeedOutput() throws IOException {
        Path committed = Path.of("sample-data");
        for (Path f : relativeFiles(first)) {
            assertThat(committed.resolve(f)).as(f.toString()).exists();
            if (f.toString().endsWith(".xlsx")) {
                assertThat(SampleFiles.content(committed.resolve(f))).as(f.toString())
                        .isEqualTo(SampleFiles.content(first.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(committed.resolve(f))).as(f.toString())
                        .isEqualTo(Files.readAllBytes(first.resolve(f)));
            }
        }
        // sample-data/50/ is the 50-city edition's (FiftyCitySampleTest)
        assertThat(relativeFiles(committed).stream()
                .filter(p -> !p.toString().equals("README.md") && !p.startsWith("50")).toList())
                .isEqualTo(relativeFiles(first));
    }

    // ---------------------------------------------------------------------------------------------
    // completeness
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void all36CitiesInEveryChannel(int year) throws IOException {
        Path dir = first.resolve(Integer.toString(year));

        Map<String, Map<String, Double>> returns = SampleFiles.returns(dir);   // also checks B1 names the city
        assertThat(returns.keySet()).isEqualTo(CITY_CODES);
        returns.values().forEach(v -> assertThat(v.keySet()).containsExactlyElementsOf(fields("R", 14)));

        Map<String, Map<String, Double>> statistics = SampleFiles.statistics(dir);
        assertThat(statistics.keySet()).isEqualTo(CITY_CODES);
        statistics.values().forEach(v -> assertThat(v.keySet()).containsExactlyElementsOf(fields("S", 8)));

        Map<String, Map<String, Long>> tests = SampleFiles.walkthrough(dir).stream().collect(Collectors.groupingBy(
                WalkTest::city, TreeMap::new, Collectors.groupingBy(WalkTest::item, TreeMap::new, Collectors.counting())));
        assertThat(tests.keySet()).isEqualTo(CITY_CODES);
        tests.forEach((city, perItem) -> {
            assertThat(perItem.keySet()).as(city).containsExactlyElementsOf(fields("W", 4));
            perItem.values().forEach(n -> assertThat(n).as(city).isBetween(6L, 9L));
        });

        List<String[]> survey = SampleFiles.survey(dir);
        Map<String, Long> perCity = survey.subList(1, survey.size()).stream()
                .collect(Collectors.groupingBy(r -> SampleFiles.resolve(r[1]), TreeMap::new, Collectors.counting()));
        assertThat(perCity.keySet()).isEqualTo(CITY_CODES);
    }

    // ---------------------------------------------------------------------------------------------
    // values within the framework's valid ranges
    // ---------------------------------------------------------------------------------------------

    /** Every field the framework reads is generated, per source, and the generator's units match the framework's. */
    @Test
    void frameworkFieldsAndGeneratedFieldsAgree() throws IOException {
        Map<String, Set<String>> bySource = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        for (Map<String, Object> ind : SampleFiles.indicators()) {
            bySource.computeIfAbsent((String) ind.get("source"), k -> new TreeSet<>()).add((String) ind.get("field"));
            units.put((String) ind.get("field"), String.valueOf(ind.get("unit")));
        }
        assertThat(bySource.get("returns")).containsExactlyElementsOf(fields("R", 14));
        assertThat(bySource.get("statistics")).containsExactlyElementsOf(fields("S", 8));
        assertThat(bySource.get("walkthrough")).containsExactlyElementsOf(fields("W", 4));
        assertThat(bySource.get("survey")).containsExactly(
                "Q02", "Q03", "Q05", "Q06", "Q07", "Q08", "Q09", "Q10", "Q11", "Q13", "Q15", "Q16");
        Stream.concat(SampleWorld.RETURNS.stream(), SampleWorld.STATISTICS.stream())
                .forEach(f -> assertThat(f.unit()).as(f.code()).isEqualTo(units.get(f.code())));
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void everyValueWithinItsValidRange(int year) throws IOException {
        Path dir = first.resolve(Integer.toString(year));
        Map<String, Map<String, Object>> byField = new HashMap<>();
        SampleFiles.indicators().forEach(i -> byField.put((String) i.get("field"), i));

        int checked = 0;
        for (Map<String, Map<String, Double>> table : List.of(SampleFiles.returns(dir), SampleFiles.statistics(dir))) {
            for (var city : table.entrySet()) {
                for (var v : city.getValue().entrySet()) {
                    double[] range = SampleFiles.validRange(byField.get(v.getKey()));
                    assertThat(v.getValue()).as(year + " " + city.getKey() + " " + v.getKey())
                            .isBetween(range[0], range[1]);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(36 * 22);

        // walk-through: each test's hours, and each city's statistic (pass rate in %, mean hours)
        Map<String, Map<String, List<WalkTest>>> tests = SampleFiles.walkthrough(dir).stream().collect(
                Collectors.groupingBy(WalkTest::city, Collectors.groupingBy(WalkTest::item)));
        for (var city : tests.entrySet()) {
            for (var item : city.getValue().entrySet()) {
                Map<String, Object> ind = byField.get(item.getKey());
                double[] range = SampleFiles.validRange(ind);
                List<WalkTest> ts = item.getValue();
                ts.forEach(t -> assertThat(t.hours()).isGreaterThan(0).isLessThanOrEqualTo(720));
                double statistic = ind.get("statistic").equals("pass-rate")
                        ? 100.0 * ts.stream().filter(WalkTest::pass).count() / ts.size()
                        : ts.stream().mapToDouble(WalkTest::hours).average().orElseThrow();
                assertThat(statistic).as(year + " " + city.getKey() + " " + item.getKey()).isBetween(range[0], range[1]);
            }
        }

        // survey: every answer is 1–5, 9 (not applicable) or blank; each city's statistic within range
        List<String[]> rows = SampleFiles.survey(dir);
        String[] header = rows.get(0);
        Set<String> allowed = Set.of("", "1", "2", "3", "4", "5", "9");
        Map<String, List<String[]>> perCity = rows.subList(1, rows.size()).stream()
                .collect(Collectors.groupingBy(r -> SampleFiles.resolve(r[1])));
        for (var city : perCity.entrySet()) {
            for (int q = 4; q < header.length; q++) {
                int col = q;
                city.getValue().forEach(r -> assertThat(allowed).as(r[0] + " " + header[col]).contains(r[col]));
                Map<String, Object> ind = byField.get(header[q]);
                if (ind == null) {
                    continue;
                }
                List<Integer> valid = city.getValue().stream().map(r -> r[col])
                        .filter(a -> !a.isEmpty() && !a.equals("9")).map(Integer::parseInt).toList();
                double statistic = ind.get("statistic").equals("mean-score")
                        ? valid.stream().mapToInt(Integer::intValue).average().orElseThrow()
                        : 100.0 * valid.stream().filter(a -> a >= 4).count() / valid.size();
                double[] range = SampleFiles.validRange(ind);
                assertThat(statistic).as(year + " " + city.getKey() + " " + header[q]).isBetween(range[0], range[1]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void yesNoItemsAreZeroOrOneWithTheDesignedNumberOfNos(int year) throws IOException {
        Map<String, Map<String, Double>> returns = SampleFiles.returns(first.resolve(Integer.toString(year)));
        for (var field : Map.of("R06", year == 2023 ? 7L : 4L, "R13", year == 2023 ? 10L : 5L).entrySet()) {
            List<Double> values = returns.values().stream().map(v -> v.get(field.getKey())).toList();
            assertThat(values).as(field.getKey()).allMatch(v -> v == 0.0 || v == 1.0);
            assertThat(values.stream().filter(v -> v == 0.0).count()).as(field.getKey()).isEqualTo(field.getValue());
        }
    }

    @Test
    void aCityThatHadAMechanismIn2023StillHasItIn2024() throws IOException {
        Map<String, Map<String, Double>> y2023 = SampleFiles.returns(first.resolve("2023"));
        Map<String, Map<String, Double>> y2024 = SampleFiles.returns(first.resolve("2024"));
        for (String field : List.of("R06", "R13")) {
            for (String city : CITY_CODES) {
                if (y2023.get(city).get(field) == 1.0) {
                    assertThat(y2024.get(city).get(field)).as(city + " " + field).isEqualTo(1.0);
                }
            }
        }
    }

    /** The returns carry the typed forms the engine must accept, and nothing else. */
    @Test
    void returnsContainTypedNumberForms() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String year : List.of("2023", "2024")) {
            texts.addAll(SampleFiles.returnsTextValues(first.resolve(year)));
        }
        assertThat(texts).anyMatch(t -> t.matches("\\d{1,3}(,\\d{3})+"));
        assertThat(texts).anyMatch(t -> t.matches("\\d+(\\.\\d+)?%"));
        assertThat(texts).anyMatch(t -> t.matches("[０-９]+(\\.[０-９]+)?"));
        assertThat(texts).allMatch(t -> t.matches("\\d{1,3}(,\\d{3})+|\\d+(\\.\\d+)?%|[０-９]+(\\.[０-９]+)?"));
    }

    // ---------------------------------------------------------------------------------------------
    // survey design
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void surveyHasTheDesignedSizeAndTwoCitiesBelowMinSampleOnTheLoanQuestions(int year) throws IOException {
        List<String[]> rows = SampleFiles.survey(first.resolve(Integer.toString(year)));
        assertThat(String.join(",", rows.get(0))).isEqualTo("RespondentId,City,Size,Industry,"
                + "Q01,Q02,Q03,Q04,Q05,Q06,Q07,Q08,Q09,Q10,Q11,Q12,Q13,Q14,Q15,Q16,Q17,Q18,Q19,Q20");
        List<String[]> answers = rows.subList(1, rows.size());
        assertThat(answers).hasSize(year == 2023 ? 34_500 : 35_800);
        assertThat(answers.stream().map(r -> r[0]).distinct().count()).isEqualTo(answers.size());

        Map<String, List<String[]>> perCity = answers.stream().collect(Collectors.groupingBy(r -> SampleFiles.resolve(r[1])));
        assertThat(perCity.get("lhasa")).hasSize(year == 2023 ? 520 : 540);
        assertThat(perCity.get("xining")).hasSize(year == 2023 ? 575 : 590);
        perCity.forEach((city, rs) -> {
            if (!city.equals("lhasa") && !city.equals("xining")) {
                assertThat(rs.size()).as(city).isBetween(SampleDataGenerator.SURVEY_FLOOR, 1500);
            }
        });
        assertThat(perCity.get("chongqing").size()).isGreaterThan(perCity.get("haikou").size() + 400);

        Set<String> belowMinSample = new TreeSet<>();
        perCity.forEach((city, rs) -> {
            for (int q = 4; q < rows.get(0).length; q++) {
                int col = q;
                long valid = rs.stream().filter(r -> !r[col].isEmpty() && !r[col].equals("9")).count();
                if (valid < 400) {
                    belowMinSample.add(city + " " + rows.get(0)[q]);
                }
            }
        });
        assertThat(belowMinSample).containsExactly("lhasa Q09", "lhasa Q10", "xining Q09", "xining Q10");
    }

    /**
     * The sample's size mix is far from the population's (70/25/5) and size drives answers, so weighting to the
     * population mix moves the loan question's city means by about 0.15 points on average.
     */
    @Test
    void surveySizeMixDiffersFromThePopulationSoPostStratificationMatters() throws IOException {
        List<String[]> rows = SampleFiles.survey(first.resolve("2024"));
        List<String[]> answers = rows.subList(1, rows.size());
        Map<String, Long> sizes = answers.stream().collect(Collectors.groupingBy(r -> r[2], Collectors.counting()));
        assertThat(sizes.keySet()).containsExactlyInAnyOrder("micro", "small", "medium");
        assertThat((double) sizes.get("micro") / answers.size()).isBetween(0.42, 0.50);
        assertThat((double) sizes.get("medium") / answers.size()).isBetween(0.16, 0.24);

        Map<String, Double> mix = Map.of("micro", 0.70, "small", 0.25, "medium", 0.05);
        int q09 = List.of(rows.get(0)).indexOf("Q09");
        double shift = 0;
        Map<String, List<String[]>> perCity = answers.stream().collect(Collectors.groupingBy(r -> SampleFiles.resolve(r[1])));
        for (List<String[]> rs : perCity.values()) {
            List<String[]> valid = rs.stream().filter(r -> !r[q09].isEmpty() && !r[q09].equals("9")).toList();
            double raw = valid.stream().mapToInt(r -> Integer.parseInt(r[q09])).average().orElseThrow();
            double weighted = 0;
            for (var m : mix.entrySet()) {
                weighted += m.getValue() * valid.stream().filter(r -> r[2].equals(m.getKey()))
                        .mapToInt(r -> Integer.parseInt(r[q09])).average().orElseThrow();
            }
            shift += raw - weighted;
        }
        assertThat(shift / perCity.size()).isCloseTo(0.15, within(0.06));
    }

    // ---------------------------------------------------------------------------------------------
    // the files say they are synthetic
    // ---------------------------------------------------------------------------------------------

    @Test
    void workbooksSayTheyAreSyntheticAndCarryAFixedDate() throws IOException {
        Path dir = first.resolve("2024");
        for (Path f : List.of(dir.resolve("statistics.xlsx"), dir.resolve("walkthrough.xlsx"),
                dir.resolve("returns/xian.xlsx"))) {
            try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                POIXMLProperties.CoreProperties p = wb.getProperties().getCoreProperties();
                assertThat(p.getCreator()).isEqualTo("bizenv sample generator");
                assertThat(p.getTitle()).endsWith("(SYNTHETIC)");
                assertThat(p.getDescription()).startsWith("SYNTHETIC sample data");
                assertThat(p.getCreated().toInstant()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
                assertThat(p.getModified().toInstant()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
                var about = wb.getSheetAt(wb.getNumberOfSheets() - 1);
                assertThat(about.getSheetName()).endsWith("About");
                assertThat(about.getRow(0).getCell(0).getStringCellValue()).isEqualTo("合成数据 SYNTHETIC DATA");
            }
        }
    }

    private static List<String> fields(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(String.format("%s%02d", prefix, i));
        }
        return out;
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
