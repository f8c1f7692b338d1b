package org.bizenv.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code framework.units: {registry, include}}: a framework evaluating part of its registry by code and by a registry
 * column's values, checked against the registry when the framework is loaded, each mistake at its line.
 */
class UnitSubsetLoadTest {

    @TempDir
    Path dir;

    private static final String REGISTRY = """
            code,name_zh,name_en,type,region,aliases
            beijing,北京,Beijing,municipality,east,北京市
            shanghai,上海,Shanghai,municipality,east,上海市
            dalian,大连,Dalian,separately-planned,northeast,大连市
            wuhan,武汉,Wuhan,provincial-capital,central,武汉市
            xian,西安,Xi'an,provincial-capital,west,西安市
            """;

    /** A framework whose {@code framework} mapping ends with {@code units} (from line 4 on). */
    private Path framework(String units) throws Exception {
        Files.writeString(dir.resolve("cities.csv"), REGISTRY);
        Path f = dir.resolve("fw.yaml");
        Files.writeString(f, "framework:\n  id: sub\n  name: {en: Sub}\n" + units.stripTrailing().indent(2) + """
                defaults: {weighting: equal}
                sources: [{id: s, type: unit-table, path: s.csv, unit-column: Unit}]
                nodes:
                  - {code: INDEX, name: {en: Index}}
                indicators:
                  - {code: A, parent: INDEX, name: {en: A}, direction: higher, source: s, field: A}
                """);
        return f;
    }

    private static List<String> problems(Path f) {
        try {
            FrameworkLoader.load(f);
        } catch (FrameworkException e) {
            return e.problems().stream().map(p -> p.substring(p.indexOf("fw.yaml:"))).toList();
        }
        throw new AssertionError("loaded");
    }

    @Test
    void aFileNameIsTheWholeRegistryAsBefore() throws Exception {
        Framework fw = FrameworkLoader.load(framework("units: cities.csv"));
        assertThat(fw.unitsFile().getFileName().toString()).isEqualTo("cities.csv");
        assertThat(fw.subset()).isNull();
        assertThat(FrameworkLoader.load(framework("units: {registry: cities.csv}")).subset()).isNull();
    }

    @Test
    void selectsByCodeAndByColumnValueInRegistryOrder() throws Exception {
        Framework byCode = FrameworkLoader.load(framework("""
                units:
                  registry: cities.csv
                  include: {codes: [xian, beijing]}
                """));
        assertThat(byCode.subset().units()).containsExactly("beijing", "xian");
        assertThat(byCode.subset().line()).isEqualTo(6);

        Framework byType = FrameworkLoader.load(framework("""
                units:
                  registry: cities.csv
                  include: {where: {type: [municipality, separately-planned]}}
                """));
        assertThat(byType.subset().units()).containsExactly("beijing", "shanghai", "dalian");

        // every where column must match; codes add to what where selects
        Framework both = FrameworkLoader.load(framework("""
                units:
                  registry: cities.csv
                  include:
                    where: {type: municipality, region: east}
                    codes: [wuhan]
                """));
        assertThat(both.subset().units()).containsExactly("beijing", "shanghai", "wuhan");
        assertThat(both.subset().where()).containsEntry("type", List.of("municipality"));
    }

    @Test
    void unknownCodesColumnsAndValuesAreErrorsAtTheirLines() throws Exception {
        assertThat(problems(framework("""
                units:
                  registry: cities.csv
                  include:
                    codes:
                      - beijing
                      - Wuhan
                      - shenzhen
                      - beijing
                """))).containsExactly(
                "fw.yaml:9: framework.units.include.codes: 'Wuhan' is not a city code of the registry cities.csv "
                        + "(Wuhan (武汉) is 'wuhan')",
                "fw.yaml:10: framework.units.include.codes: 'shenzhen' is not a city code of the registry cities.csv",
                "fw.yaml:11: framework.units.include.codes: 'beijing' is listed twice");
        assertThat(problems(framework("""
                units:
                  registry: cities.csv
                  include:
                    where:
                      type: sub-provincial
                      province: hubei
                """))).containsExactly(
                "fw.yaml:8: framework.units.include.where.type: no city of the registry cities.csv has type "
                        + "'sub-provincial'; its values are municipality, provincial-capital, separately-planned",
                "fw.yaml:9: framework.units.include.where: the registry cities.csv has no column 'province' to select "
                        + "by; its groupings are region, type");
    }

    @Test
    void aSelectionOfNoCityIsAnErrorAtInclude() throws Exception {
        assertThat(problems(framework("""
                units:
                  registry: cities.csv
                  include: {where: {type: municipality, region: west}}
                """))).containsExactly("fw.yaml:6: framework.units.include selects no city of the registry "
                + "cities.csv: list codes, or values of region, type its cities have");
        assertThat(problems(framework("""
                units:
                  registry: cities.csv
                  include: {}
                """))).containsExactly("fw.yaml:6: framework.units.include needs codes: [...] and/or where: "
                + "{column: value}");
        assertThat(problems(framework("""
                units:
                  registry: nowhere.csv
                  include: {codes: [beijing]}
                  exclude: [wuhan]
                """))).containsExactly(
                "fw.yaml:5: unit registry 'nowhere.csv' not found beside the framework file",
                "fw.yaml:7: unknown key 'exclude' (expected one of: include, registry)");
    }

    @Test
    void aWhereThatIsNotAMappingIsReportedOnce() throws Exception {
        assertThat(problems(framework("""
                units:
                  registry: cities.csv
                  include: {codes: [beijing], where: east}
                """))).containsExactly("fw.yaml:6: 'where' must be a mapping");
    }
}
