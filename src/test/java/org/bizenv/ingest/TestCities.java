package org.bizenv.ingest;

import java.util.Arrays;
import org.bizenv.city.City;
import org.bizenv.city.CityRegistry;

/** Small registries for reader tests. */
public final class TestCities {

    public static final City WUHAN = new City("wuhan", "武汉", "Wuhan", "provincial-capital", "central");
    public static final City XIAN = new City("xian", "西安", "Xi'an", "provincial-capital", "west");
    public static final City URUMQI = new City("urumqi", "乌鲁木齐", "Urumqi", "provincial-capital", "west");
    /** 福州 and 抚州 are both Fuzhou in English: typing "Fuzhou" is ambiguous. */
    public static final City FUZHOU = new City("fuzhou", "福州", "Fuzhou", "provincial-capital", "east");
    public static final City FUZHOU_JX = new City("fuzhou-jx", "抚州", "Fuzhou", "prefecture-level", "central");

    private TestCities() {
    }

    /** A registry of the cities, with the aliases the real registry gives them (Xian, Wulumuqi, Ürümqi). */
    public static CityRegistry registry(City... cities) {
        return new CityRegistry(Arrays.stream(cities).map(c -> new CityRegistry.Entry(c, switch (c.code()) {
            case "xian" -> java.util.List.of("Xian", "Xi’an");
            case "urumqi" -> java.util.List.of("Wulumuqi", "Ürümqi");
            default -> java.util.List.<String>of();
        })).toList());
    }
}
