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
 * @param group  the registry's optional {@code group} column, e.g. {@code sub-provincial-and-above} or
 *               {@code prefecture-level} (the two lists the evaluation has published since 2023); "" = none. A
 *               column of its own because the split cuts across {@code type}: the 19 cities of the first group
 *               are municipalities, separately planned cities and sub-provincial provincial capitals.
 */
public record City(String code, String nameZh, String nameEn, String type, String region, String group)
        implements UnitIdentity {

    public City {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(group, "group");
    }

    /** A city of a registry without a {@code group} column. */
    public City(String code, String nameZh, String nameEn, String type, String region) {
        this(code, nameZh, nameEn, type, region, "");
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
