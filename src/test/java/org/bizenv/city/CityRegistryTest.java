package org.bizenv.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bizenv.ingest.CityRegistryReader;
import org.bizenv.ingest.ReadResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CityRegistryTest {

    static CityRegistry registry;

    @BeforeAll
    static void load() {
        ReadResult<CityRegistry> read = CityRegistryReader.read(Path.of("indicators"), "cities-36.csv");
        assertThat(read.problems()).isEmpty();
        registry = read.value();
    }

    @Test
    void holdsThe36CitiesOfDomainMdInItsOrder() {
        assertThat(registry.cities()).extracting(City::nameZh).containsExactly(
                "北京", "天津", "石家庄", "太原", "呼和浩特", "沈阳", "大连", "长春", "哈尔滨", "上海", "南京", "杭州",
                "宁波", "合肥", "福州", "厦门", "南昌", "济南", "青岛", "郑州", "武汉", "长沙", "广州", "深圳", "南宁",
                "海口", "重庆", "成都", "贵阳", "昆明", "拉萨", "西安", "兰州", "西宁", "银川", "乌鲁木齐");
        assertThat(registry.cities()).extracting(City::code).contains("beijing", "xian", "urumqi", "hohhot", "lhasa")
                .allMatch(c -> c.matches("[a-z]+"));
        assertThat(registry.byCode("xian")).contains(new City("xian", "西安", "Xi'an", "provincial-capital", "west"));
        assertThat(registry.byCode("dalian").orElseThrow().type()).isEqualTo("separately-planned");
        assertThat(registry.byCode("chongqing").orElseThrow().region()).isEqualTo("west");
    }

    @Test
    void typesAndRegionsAddUpAsDomainMdSays() {
        assertThat(count(City::type)).isEqualTo(
                Map.of("municipality", 4L, "separately-planned", 5L, "provincial-capital", 27L));
        assertThat(count(City::region)).isEqualTo(Map.of("east", 14L, "central", 6L, "west", 12L, "northeast", 4L));
    }

    private static Map<String, Long> count(Function<City, String> key) {
        return registry.cities().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            "西安=>xian", "西安市=>xian", "Xi'an=>xian", "Xian=>xian", "Xi’an=>xian", "Xi‘an=>xian", "XI`AN=>xian",
            "xian=>xian", "' 西安 市 '=>xian", "'西安\u3000'=>xian", "Ｘｉ＇ａｎ=>xian",
            "Urumqi=>urumqi", "Ürümqi=>urumqi", "ÜRÜMQI=>urumqi", "Wulumuqi=>urumqi", "乌鲁木齐=>urumqi",
            "乌鲁木齐市=>urumqi", "Urumchi=>urumqi",
            "Hohhot=>hohhot", "Huhehaote=>hohhot", "呼和浩特市=>hohhot", "hohhot=>hohhot",
            "Ｗｕｈａｎ=>wuhan", "武汉=>wuhan", "'  Wuhan  '=>wuhan", "'\tWUHAN\n'=>wuhan", "Wuhan City=>wuhan",
            "'北　京'=>beijing", "'北 京 市'=>beijing", "'\u00A0Shenzhen\u00A0'=>shenzhen", "Shen\u200Bzhen=>shenzhen",
            "深圳市=>shenzhen", "Harbin=>harbin", "Ha'erbin=>harbin", "哈尔滨=>harbin", "Lasa=>lhasa",
            "shijiazhuang=>shijiazhuang", "Ｓｈｉｊｉａｚｈｕａｎｇ=>shijiazhuang"})
    void resolvesSpellingVariants(String typed, String code) {
        Match<City> m = registry.resolve(typed);
        assertThat(m.kind()).isEqualTo(Match.Kind.FOUND);
        assertThat(m.unit().code()).isEqualTo(code);
        assertThat(m.problem("city")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wuhn", "Bei jing", "Xi an", "西 安 西", "市", "Beijing Shanghai"})
    void unknownNames(String typed) {
        Match<City> m = registry.resolve(typed);
        assertThat(m.kind()).isEqualTo(Match.Kind.UNKNOWN);
        assertThat(m.unit()).isNull();
    }

    @Test
    void aSubsetExpectsItsCitiesButStillKnowsTheOthers() {
        CityRegistry part = registry.subset(List.of("wuhan", "beijing", "dalian"));
        assertThat(part.expectedCodes()).containsExactly("beijing", "dalian", "wuhan");     // registry order
        assertThat(part.cities()).extracting(City::code).containsExactly("beijing", "dalian", "wuhan");
        assertThat(part.outside()).hasSize(33).extracting(City::code).contains("xian").doesNotContain("wuhan");
        // a row naming a city outside the part is still that city, not an unknown one
        assertThat(part.resolve("西安市").unit().code()).isEqualTo("xian");
        assertThat(part.byCode("xian")).isPresent();
        assertThat(part.resolve("Wuhn").isFound()).isFalse();
        assertThat(registry.outside()).isEmpty();
    }

    @Test
    void unknownAndBlankMessages() {
        assertThat(registry.resolve(" Wuhn ").problem("city")).isEqualTo("unknown city 'Wuhn'");
        assertThat(registry.resolve("").problem("city")).isEqualTo("blank city name");
        assertThat(registry.resolve("\u3000 ").kind()).isEqualTo(Match.Kind.UNKNOWN);
        assertThat(registry.resolve(null).kind()).isEqualTo(Match.Kind.UNKNOWN);
    }

    @Test
    void aNameSharedByTwoCitiesIsAmbiguous() {
        City fuzhou = new City("fuzhou", "福州", "Fuzhou", "provincial-capital", "east");
        City fuzhouJx = new City("fuzhou-jx", "抚州", "Fuzhou", "prefecture-level", "central");
        CityRegistry two = new CityRegistry(List.of(
                new CityRegistry.Entry(fuzhou, List.of()), new CityRegistry.Entry(fuzhouJx, List.of("Fuzhou (Jiangxi)"))));

        Match<City> m = two.resolve("fuzhou");
        assertThat(m.kind()).isEqualTo(Match.Kind.AMBIGUOUS);
        assertThat(m.candidates()).containsExactly(fuzhou, fuzhouJx);
        assertThat(m.problem("city")).isEqualTo("ambiguous city 'fuzhou': Fuzhou (福州) or Fuzhou (抚州)");
        assertThat(two.resolve("抚州市").unit()).isEqualTo(fuzhouJx);
        assertThat(two.resolve("Fuzhou (Jiangxi)").unit()).isEqualTo(fuzhouJx);
        assertThat(two.resolve("fuzhou-jx").unit()).isEqualTo(fuzhouJx);
    }

    @Test
    void codesAreUnique() {
        City a = new City("a", "甲", "A", "municipality", "east");
        City b = new City("a", "乙", "B", "municipality", "east");
        assertThatThrownBy(() -> new CityRegistry(List.of(new CityRegistry.Entry(a, List.of()),
                new CityRegistry.Entry(b, List.of())))).hasMessage("duplicate city code 'a'");
    }

    @Test
    void registryExpectsEveryCity() {
        assertThat(registry.expectedUnits()).hasSize(36);
        assertThat(registry.expectedCodes()).first().isEqualTo("beijing");
        assertThat(registry.noun()).isEqualTo("city");
        assertThat(registry.byCode("wuhan").orElseThrow().label()).isEqualTo("Wuhan (武汉)");
    }

    @Test
    void identityResolverTakesUnitsFromTheData() {
        UnitResolver identity = UnitResolver.identity("economy");
        Match<? extends UnitIdentity> m = identity.resolve("  China \u3000 Beijing ");
        assertThat(m.isFound()).isTrue();
        assertThat(m.unit().code()).isEqualTo("China Beijing");
        assertThat(m.unit().label()).isEqualTo("China Beijing");
        assertThat(identity.resolve(" ").problem("economy")).isEqualTo("blank economy name");
        assertThat(identity.expectedUnits()).isEmpty();
        assertThat(identity.noun()).isEqualTo("economy");
    }

    @Test
    void nameKeys() {
        assertThat(TypedText.key(" 西安 市 ")).isEqualTo("西安");
        assertThat(TypedText.key("Xi’an")).isEqualTo("xi'an");
        assertThat(TypedText.key("Ürümqi")).isEqualTo("urumqi");
        assertThat(TypedText.key("北　京")).isEqualTo("北京");
        assertThat(TypedText.key("Mexico  City")).isEqualTo("mexico");
        assertThat(TypedText.clean("\uFEFF Ａ１\u3000 b\t")).isEqualTo("A1 b");
    }
}
