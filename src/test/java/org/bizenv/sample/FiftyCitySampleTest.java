package org.bizenv.sample;

import org.bizenv.sample.SampleCities.City;
import org.bizenv.sample.SampleFiles.WalkTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 50-city edition's bundled parts agree with each other: the registry indicators/cities-50.csv, the framework
 * indicators/miit-sme-50-2024.yaml (5 / 24 / 41) and the sample the generator writes for them (sample-data/50/, seed
 * 2024), generated once for the class.
 */
class FiftyCitySampleTest {

    static final Path FRAMEWORK = Path.of("indicators/miit-sme-50-2024.yaml");
    static final Path REGISTRY = Path.of("indicators/cities-50.csv");

    @TempDir
    static Path tmp;
    static Path generated;

    @BeforeAll
    static void generate() {
        generated = tmp.resolve("50");
        SampleDataGenerator.generate(generated, SampleDataGenerator.DEFAULT_SEED, SampleEdition.CITIES_50);
    }

    private static List<String[]> registryRows() throws IOException {
        return Files.readAllLines(REGISTRY, StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.split(",", -1)).toList();
    }

    @Test
    void registryIsThe36PlusFourteenPrefectureLevelCitiesInTwoGroups() throws IOException {
        assertThat(Files.readAllLines(REGISTRY, StandardCharsets.UTF_8).get(0))
                .isEqualTo("code,name_zh,name_en,type,region,group,aliases,note");
        List<String[]> rows = registryRows();
        assertThat(rows).hasSize(50);
        // the generator writes the registry's cities, in its order
        assertThat(rows.stream().map(r -> r[0]).toList())
                .isEqualTo(SampleCities.FIFTY.stream().map(City::code).toList());
        // the first 36 rows are cities-36.csv's, with the group column and a note added
        List<String> the36 = Files.readAllLines(Path.of("indicators/cities-36.csv"), StandardCharsets.UTF_8)
                .subList(1, 37);
        for (int i = 0; i < 36; i++) {
            String[] r = rows.get(i);
            assertThat(String.join(",", r[0], r[1], r[2], r[3], r[4], r[6])).isEqualTo(the36.get(i));
        }
        Map<String, List<String>> byGroup = rows.stream().collect(Collectors.groupingBy(r -> r[5], TreeMap::new,
                Collectors.mapping(r -> r[0], Collectors.toList())));
        assertThat(byGroup.keySet()).containsExactly("prefecture-level", "sub-provincial-and-above");
        assertThat(byGroup.get("sub-provincial-and-above")).containsExactlyInAnyOrder(
                "beijing", "tianjin", "shanghai", "chongqing",
                "guangzhou", "wuhan", "harbin", "shenyang", "chengdu", "nanjing", "xian", "changchun", "jinan",
                "hangzhou", "dalian", "qingdao", "shenzhen", "xiamen", "ningbo");
        assertThat(byGroup.get("prefecture-level")).hasSize(31);
        // the file says which additions are illustrative
        List<String[]> added = rows.subList(36, 50);
        assertThat(added).allMatch(r -> r[3].equals("prefecture-level") && r[5].equals("prefecture-level"));
        assertThat(added.stream().filter(r -> r[7].contains("ILLUSTRATIVE")).map(r -> r[0]).toList()).containsExactly(
                "changzhou", "foshan", "dongguan", "quanzhou", "wenzhou", "wuhu", "luoyang", "yichang", "mianyang",
                "liuzhou", "daqing");
        assertThat(added.stream().filter(r -> r[7].contains("coverage")).map(r -> r[0]).toList())
                .containsExactly("suzhou", "wuxi", "jinhua");
    }

    @SuppressWarnings("unchecked")
    @Test
    void frameworkHasFiveDimensionsTwentyFourSubDimensionsAndFortyOneIndicators() throws IOException {
        Map<String, Object> fw = SampleFiles.framework(FRAMEWORK);
        assertThat(((Map<String, Object>) fw.get("framework")).get("units")).isEqualTo("cities-50.csv");
        assertThat(((Map<String, Object>) fw.get("ranking")).get("groups")).isEqualTo("group");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) fw.get("nodes");
        List<String> dims = List.of("MKT", "LAW", "FIN", "INN", "POL");
        assertThat(nodes.stream().filter(n -> "INDEX".equals(n.get("parent"))).map(n -> n.get("code")).toList())
                .isEqualTo(dims);
        Map<String, Long> subsPerDim = nodes.stream().filter(n -> n.get("parent") != null && dims.contains(n.get("parent")))
                .collect(Collectors.groupingBy(n -> (String) n.get("parent"), TreeMap::new, Collectors.counting()));
        assertThat(subsPerDim).containsExactlyEntriesOf(new TreeMap<>(
                Map.of("FIN", 4L, "INN", 5L, "LAW", 4L, "MKT", 5L, "POL", 6L)));
        assertThat(nodes).hasSize(1 + 5 + 24);
        List<Map<String, Object>> indicators = SampleFiles.indicators(FRAMEWORK);
        assertThat(indicators).hasSize(41);
        Set<String> subs = nodes.stream().filter(n -> n.get("parent") != null && dims.contains(n.get("parent"))).map(n -> (String) n.get("code"))
                .collect(Collectors.toSet());
        assertThat(indicators.stream().map(i -> (String) i.get("parent")).collect(Collectors.toSet())).isEqualTo(subs);
        // the 38 of miit-sme-2024.yaml and three survey questions it asks but does not score
        Set<String> the38 = SampleFiles.indicators().stream().map(i -> (String) i.get("code"))
                .collect(Collectors.toSet());
        assertThat(indicators.stream().map(i -> (String) i.get("code")).filter(c -> !the38.contains(c)).toList())
                .containsExactly("LAW.CON.1", "INN.DIG.1", "POL.BEN.1");
        assertThat(indicators.stream().filter(i -> i.get("source").equals("survey")).map(i -> (String) i.get("field"))
                .sorted().toList()).containsExactly("Q02", "Q03", "Q05", "Q06", "Q07", "Q08", "Q09", "Q10", "Q11",
                "Q12", "Q13", "Q15", "Q16", "Q17", "Q19");
    }

    /** The committed sample-data/50/ is exactly what seed 2024 generates (regenerate after changing the generator). */
    @Test
    void committedSampleIsTheDefaultSeedOutput() throws IOException {
        Path committed = Path.of("sample-data/50");
        List<Path> files = relativeFiles(generated);
        assertThat(files).hasSize(2 * (50 + 3));
        assertThat(relativeFiles(committed)).isEqualTo(files);
        for (Path f : files) {
            if (f.toString().endsWith(".xlsx")) {
                assertThat(SampleFiles.content(committed.resolve(f))).as(f.toString())
                        .isEqualTo(SampleFiles.content(generated.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(committed.resolve(f))).as(f.toString())
                        .isEqualTo(Files.readAllBytes(generated.resolve(f)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void all50CitiesInEveryChannelWithinTheFrameworksValidRanges(int year) throws IOException {
        Path dir = generated.resolve(Integer.toString(year));
        Set<String> codes = SampleCities.FIFTY.stream().map(City::code).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Map<String, Object>> byField = new HashMap<>();
        SampleFiles.indicators(FRAMEWORK).forEach(i -> byField.put((String) i.get("field"), i));

        int checked = 0;
        for (Map<String, Map<String, Double>> table : List.of(SampleFiles.returns(dir), SampleFiles.statistics(dir))) {
            assertThat(table.keySet()).isEqualTo(codes);
            for (var city : table.entrySet()) {
                for (var v : city.getValue().entrySet()) {
                    double[] range = SampleFiles.validRange(byField.get(v.getKey()));
                    assertThat(v.getValue()).as(year + " " + city.getKey() + " " + v.getKey())
                            .isBetween(range[0], range[1]);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(50 * 22);
        assertThat(SampleFiles.walkthrough(dir).stream().map(WalkTest::city).collect(Collectors.toSet()))
                .isEqualTo(codes);

        // survey: ≈1,000 respondents a city; each scored question's city statistic within its valid range
        List<String[]> rows = SampleFiles.survey(dir);
        String[] header = rows.get(0);
        Map<String, List<String[]>> perCity = rows.subList(1, rows.size()).stream()
                .collect(Collectors.groupingBy(r -> SampleFiles.resolve(r[1])));
        assertThat(perCity.keySet()).isEqualTo(codes);
        assertThat(rows).hasSize(1 + (year == 2023 ? 50_400 : 51_600));
        Set<String> belowMinSample = new TreeSet<>();
        for (var city : perCity.entrySet()) {
            if (!city.getKey().equals("lhasa") && !city.getKey().equals("xining")) {
                assertThat(city.getValue().size()).as(city.getKey()).isBetween(700, 1600);
            }
            for (int q = 4; q < header.length; q++) {
                int col = q;
                List<Integer> valid = city.getValue().stream().map(r -> r[col])
                        .filter(a -> !a.isEmpty() && !a.equals("9")).map(Integer::parseInt).toList();
                if (valid.size() < 400) {
                    belowMinSample.add(city.getKey() + " " + header[q]);
                }
                Map<String, Object> ind = byField.get(header[q]);
                if (ind != null) {
                    double statistic = ind.get("statistic").equals("mean-score")
                            ? valid.stream().mapToInt(Integer::intValue).average().orElseThrow()
                            : 100.0 * valid.stream().filter(a -> a >= 4).count() / valid.size();
                    double[] range = SampleFiles.validRange(ind);
                    assertThat(statistic).as(year + " " + city.getKey() + " " + header[q])
                            .isBetween(range[0], range[1]);
                }
            }
        }
        // as in the 36-city sample, only Lhasa and Xining fall short, on the loan questions
        assertThat(belowMinSample).containsExactly("lhasa Q09", "lhasa Q10", "xining Q09", "xining Q10");
    }

    @ParameterizedTest
    @ValueSource(ints = {2023, 2024})
    void yesNoItemsHaveTheEditionsNumberOfNos(int year) throws IOException {
        Map<String, Map<String, Double>> returns = SampleFiles.returns(generated.resolve(Integer.toString(year)));
        for (var field : Map.of("R06", year == 2023 ? 10L : 6L, "R13", year == 2023 ? 14L : 7L).entrySet()) {
            assertThat(returns.values().stream().filter(v -> v.get(field.getKey()) == 0.0).count())
                    .as(field.getKey()).isEqualTo(field.getValue());
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
