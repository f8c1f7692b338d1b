package org.bizenv.sample;

import org.bizenv.sample.SampleCities.City;

import java.util.List;
import java.util.Map;

/**
 * Which bundled sample the generator writes: the 36 key cities for indicators/miit-sme-2024.yaml, or the 50-city
 * edition for indicators/miit-sme-50-2024.yaml. The world and the channels are the same; what differs is the list
 * of cities, the survey's size (the 2023–2024 editions had 50,000 and more valid questionnaires) and how many cities
 * answer "no" on the two yes/no items, kept in proportion to the number of cities.
 *
 * @param key            the {@code --edition} value
 * @param framework      the framework file the sample goes with, as the workbooks' About sheets name it
 * @param cities         the cities, in the registry's order
 * @param surveyTotal    respondents per year
 * @param surveyFloor    the fewest respondents a city gets, but for the two short cities of
 *                       {@link SampleDataGenerator#SURVEY_SHORT}
 * @param yesNoZeros     per yes/no field, the number of cities answering 0 in 2023 and in 2024 (the field's own
 *                       {@code lo}/{@code hi} when the field is not listed)
 */
public record SampleEdition(String key, String framework, List<City> cities, Map<Integer, Integer> surveyTotal,
                            int surveyFloor, Map<String, int[]> yesNoZeros) {

    /** The 36 key cities: the bundled sample-data/2023 and 2024, unchanged since before there was a 50. */
    public static final SampleEdition KEY_CITIES_36 = new SampleEdition("36", "indicators/miit-sme-2024.yaml",
            SampleCities.ALL, Map.of(2023, 34_500, 2024, 35_800), 760, Map.of());

    /**
     * The 50 cities: about 1,000 respondents a city (50,400 and 51,600), and 10 → 6 "no" on R06 and 14 → 7 on R13
     * (the 36's 7 → 4 and 10 → 5 scaled to 50).
     */
    public static final SampleEdition CITIES_50 = new SampleEdition("50", "indicators/miit-sme-50-2024.yaml",
            SampleCities.FIFTY, Map.of(2023, 50_400, 2024, 51_600), 700,
            Map.of("R06", new int[]{10, 6}, "R13", new int[]{14, 7}));

    public static final List<SampleEdition> ALL = List.of(KEY_CITIES_36, CITIES_50);

    public SampleEdition {
        cities = List.copyOf(cities);
        surveyTotal = Map.copyOf(surveyTotal);
        yesNoZeros = Map.copyOf(yesNoZeros);
    }

    /** The edition of an {@code --edition} value ({@code 36} or {@code 50}), or null. */
    public static SampleEdition of(String key) {
        return ALL.stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    /** The framework's id, e.g. {@code miit-sme-2024}, for the workbooks' description. */
    String frameworkId() {
        String name = framework.substring(framework.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Cities answering 0 on a yes/no field in the base year (0) or the next (1). */
    int yesNoZeros(SampleWorld.Field f, int yearIndex) {
        int[] counts = yesNoZeros.get(f.code());
        if (counts != null) {
            return counts[yearIndex];
        }
        return (int) (yearIndex == 0 ? f.lo() : f.hi());
    }
}
