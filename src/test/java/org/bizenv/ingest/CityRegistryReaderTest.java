package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityRegistryReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCitiesAndAliases() {
        TestFiles.text(dir.resolve("cities.csv"), """
                code,name_zh,name_en,type,region,aliases
                xian,西安,Xi'an,provincial-capital,west,Xian|Xi’an| 西安市 |
                wuhan,武汉,Wuhan,provincial-capital,central,
                """);
        ReadResult<CityRegistry> read = CityRegistryReader.read(dir, "cities.csv");

        assertThat(read.problems()).isEmpty();
        assertThat(read.value().cities()).containsExactly(
                new City("xian", "西安", "Xi'an", "provincial-capital", "west"),
                new City("wuhan", "武汉", "Wuhan", "provincial-capital", "central"));
        assertThat(read.value().resolve("Xian").unit().code()).isEqualTo("xian");
    }

    @Test
    void reportsEveryBadRowAndKeepsTheGoodOnes() {
        TestFiles.text(dir.resolve("cities.csv"), """
                code,name_zh,name_en,type,region,aliases
                xian,西安,Xi'an,provincial-capital,west,
                xian,西安,Xi'an,provincial-capital,west,
                Wu Han,武汉,Wuhan,capital,middle,
                ,,,provincial-capital,east,
                wuhan,武汉,Wuhan,provincial-capital,central,
                """);
        ReadResult<CityRegistry> read = CityRegistryReader.read(dir, "cities.csv");

        assertThat(TestFiles.lines(read.problems())).containsExactly(
                "cities.csv!A3: duplicate code 'xian', first at row 2",
                "cities.csv!A4: 'Wu Han' is not a code (lowercase letters, digits and -)",
                "cities.csv!D4: unknown type 'capital' (one of municipality, prefecture-level, provincial-capital,"
                        + " separately-planned, sub-provincial)",
                "cities.csv!E4: unknown region 'middle' (one of central, east, northeast, west)",
                "cities.csv!A5: blank value",
                "cities.csv!B5: blank value",
                "cities.csv!C5: blank value");
        assertThat(read.value().cities()).extracting(City::code).containsExactly("xian", "wuhan");
    }

    @Test
    void reportsMissingColumnsAndFiles() {
        TestFiles.text(dir.resolve("cities.csv"), "code,name_zh,name_en\nxian,西安,Xi'an\n");
        assertThat(TestFiles.lines(CityRegistryReader.read(dir, "cities.csv").problems())).containsExactly(
                "cities.csv: missing column 'aliases'",
                "cities.csv: missing column 'region'",
                "cities.csv: missing column 'type'");
        assertThat(TestFiles.lines(CityRegistryReader.read(dir, "nope.csv").problems()))
                .containsExactly("nope.csv: file not found");
    }

    @Test
    void readsTheOptionalGroupColumnAndLeavesANoteColumnUnread() {
        TestFiles.text(dir.resolve("cities.csv"), """
                code,name_zh,name_en,type,region,group,aliases,note
                xian,西安,Xi'an,provincial-capital,west,sub-provincial-and-above,Xian,
                suzhou,苏州,Suzhou,prefecture-level,east,prefecture-level,苏州市,illustrative addition
                lanzhou,兰州,Lanzhou,provincial-capital,west,,,
                """);
        ReadResult<CityRegistry> read = CityRegistryReader.read(dir, "cities.csv");

        // a blank group would silently drop the city from its group's list, so it is refused like any blank cell
        assertThat(TestFiles.lines(read.problems())).containsExactly("cities.csv!F4: blank value");
        assertThat(read.value().cities()).containsExactly(
                new City("xian", "西安", "Xi'an", "provincial-capital", "west", "sub-provincial-and-above"),
                new City("suzhou", "苏州", "Suzhou", "prefecture-level", "east", "prefecture-level"));
    }

    @Test
    void withoutAGroupColumnCitiesHaveNoGroup() {
        TestFiles.text(dir.resolve("cities.csv"), "code,name_zh,name_en,type,region,aliases\nxian,西安,Xi'an,provincial-capital,west,\n");
        assertThat(CityRegistryReader.read(dir, "cities.csv").value().cities()).extracting(City::group)
                .containsExactly("");
    }
}
