package org.bizenv.city;

import java.util.Objects;

/**
 * One city of a {@link CityRegistry}.
 *
 * @param code   lowercase pinyin slug, e.g. {@code xian}, {@code urumqi}
 * @param nameZh Chinese name without 市, e.g. 西安
 * @param nameEn English name, e.g. Xi'an
 * @param type   {@code municipality}, {@code separately-planned}, {@code sub-provincial},
 *               {@code provincial-capital} or {@code prefecture-level}
 * @param region {@code east}, {@code central}, {@code west} or {@code northeast}
 */
public record City(String code, String nameZh, String nameEn, String type, String region) implements UnitIdentity {

    public City {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
    }

    /** {@code Wuhan (武汉)}: how messages and reports name the city. */
    @Override
    public String label() {
        return nameEn + " (" + nameZh + ")";
    }

    /** {@code 武汉（Wuhan）}: how Chinese text names the city. */
    @Override
    public String labelZh() {
        return nameZh + "（" + nameEn + "）";
    }
}
