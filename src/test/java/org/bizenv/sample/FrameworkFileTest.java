package org.bizenv.sample;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bundled framework's shape: the tree, the channel mix and each indicator's required keys. */
class FrameworkFileTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes() throws IOException {
        return (List<Map<String, Object>>) SampleFiles.framework().get("nodes");
    }

    @Test
    void treeHasFiveDimensionsTwentyOneSubDimensionsAndThirtyEightIndicators() throws IOException {
        List<Map<String, Object>> nodes = nodes();
        List<Map<String, Object>> indicators = SampleFiles.indicators();
        assertThat(nodes.stream().filter(n -> n.get("parent") == null).map(n -> n.get("code")).toList())
                .containsExactly("INDEX");
        assertThat(nodes.stream().filter(n -> "INDEX".equals(n.get("parent"))).map(n -> n.get("code")).toList())
                .containsExactly("MKT", "LAW", "FIN", "INN", "POL");
        List<String> dims = List.of("MKT", "LAW", "FIN", "INN", "POL");
        Set<String> subs = nodes.stream().filter(n -> n.get("parent") != null && dims.contains(n.get("parent")))
                .map(n -> (String) n.get("code")).collect(Collectors.toSet());
        assertThat(subs).hasSize(21);
        assertThat(nodes).hasSize(1 + 5 + 21);
        assertThat(indicators).hasSize(38);

        Set<String> codes = new HashSet<>();
        nodes.forEach(n -> assertThat(codes.add((String) n.get("code"))).as("unique " + n.get("code")).isTrue());
        indicators.forEach(i -> assertThat(codes.add((String) i.get("code"))).as("unique " + i.get("code")).isTrue());
        indicators.forEach(i -> assertThat(subs).as((String) i.get("code")).contains((String) i.get("parent")));
        // every sub-dimension has an indicator, and each indicator's code starts with its parent's
        assertThat(indicators.stream().map(i -> (String) i.get("parent")).collect(Collectors.toSet())).isEqualTo(subs);
        indicators.forEach(i -> assertThat((String) i.get("code")).startsWith(i.get("parent") + "."));
    }

    @Test
    void channelMixIsLikeTheRealEvaluation() throws IOException {
        Map<String, Long> bySource = SampleFiles.indicators().stream()
                .collect(Collectors.groupingBy(i -> (String) i.get("source"), TreeMap::new, Collectors.counting()));
        assertThat(bySource).containsExactlyEntriesOf(new TreeMap<>(
                Map.of("returns", 14L, "statistics", 8L, "survey", 12L, "walkthrough", 4L)));
    }

    @Test
    void everyIndicatorIsCompletelySpecified() throws IOException {
        Set<String> sources = Set.of("returns", "statistics", "walkthrough", "survey");
        for (Map<String, Object> i : SampleFiles.indicators()) {
            String code = (String) i.get("code");
            @SuppressWarnings("unchecked")
            Map<String, Object> name = (Map<String, Object>) i.get("name");
            assertThat(name).as(code).containsKeys("zh", "en");
            assertThat(i.get("unit")).as(code).isNotNull();
            assertThat(i.get("direction")).as(code).isIn("higher", "lower");
            assertThat(((Number) i.get("weight")).doubleValue()).as(code).isPositive();
            assertThat(i.get("source")).as(code).isIn(sources);
            assertThat((String) i.get("field")).as(code).matches("[RSWQ]\\d{2}");
            assertThat((String) i.get("definition")).as(code).isNotBlank();
            double[] range = SampleFiles.validRange(i);
            assertThat(range[0]).as(code).isLessThan(range[1]);
            if (i.get("source").equals("walkthrough")) {
                assertThat(i.get("statistic")).as(code).isIn("pass-rate", "mean-hours");
            } else if (i.get("source").equals("survey")) {
                assertThat(i.get("statistic")).as(code).isIn("mean-score", "share-favourable");
            } else {
                assertThat(i.get("statistic")).as(code).isNull();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> norm = (Map<String, Object>) i.get("normalisation");
            assertThat(norm.get("method")).as(code).isIn("minmax", "goalposts", "percentile-rank");
            if (norm.get("method").equals("goalposts")) {
                double best = ((Number) norm.get("best")).doubleValue();
                double worst = ((Number) norm.get("worst")).doubleValue();
                assertThat(i.get("direction")).as(code).isEqualTo("lower");
                assertThat(best).as(code).isLessThan(worst).isBetween(range[0], range[1]);
            } else {
                assertThat(norm).as(code).containsEntry("min", 0).containsEntry("max", 100);
            }
        }
    }

    @Test
    void methodsMixAsDocumented() throws IOException {
        Map<String, Long> methods = SampleFiles.indicators().stream().collect(Collectors.groupingBy(
                i -> (String) ((Map<?, ?>) i.get("normalisation")).get("method"), Collectors.counting()));
        assertThat(methods).containsExactlyInAnyOrderEntriesOf(Map.of("minmax", 31L, "goalposts", 5L, "percentile-rank", 2L));
        assertThat(nodes().stream().filter(n -> n.get("weighting") != null).map(n -> n.get("code")
                + " " + ((Map<?, ?>) n.get("weighting")).get("method")).toList()).containsExactly("INN entropy");
    }

    /** Weights are renormalised by the engine; in this file they add up to 1 within each parent, for readability. */
    @Test
    void weightsAddUpToOneWithinEachParent() throws IOException {
        Map<String, Double> sums = new HashMap<>();
        nodes().stream().filter(n -> n.get("parent") != null).forEach(n ->
                sums.merge((String) n.get("parent"), ((Number) n.get("weight")).doubleValue(), Double::sum));
        SampleFiles.indicators().forEach(i ->
                sums.merge((String) i.get("parent"), ((Number) i.get("weight")).doubleValue(), Double::sum));
        assertThat(sums).hasSize(1 + 5 + 21);
        sums.forEach((parent, sum) -> assertThat(sum).as(parent).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void sourcesAreAsSpecified() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) SampleFiles.framework().get("sources");
        assertThat(sources.stream().map(s -> s.get("id") + ":" + s.get("type") + ":" + s.get("path")).toList())
                .containsExactly("returns:unit-workbooks:returns", "statistics:unit-table:statistics.xlsx",
                        "walkthrough:walkthrough:walkthrough.xlsx", "survey:survey:survey.csv");
        Map<String, Object> survey = sources.get(3);
        assertThat(survey).containsEntry("not-applicable", List.of(9)).containsEntry("min-sample", 400)
                .containsEntry("breakdown-min-sample", 30).containsEntry("size-mix", Map.of("micro", 0.70, "small", 0.25, "medium", 0.05));
        assertThat(sources.get(1)).containsEntry("sheet", "Data").containsEntry("unit-column", "City");
        assertThat(sources.get(2)).containsEntry("sheet", "Tests");
        @SuppressWarnings("unchecked")
        Map<String, Object> framework = (Map<String, Object>) SampleFiles.framework().get("framework");
        assertThat(framework).containsEntry("id", "miit-sme-2024").containsEntry("units", "cities-36.csv");
    }
}
