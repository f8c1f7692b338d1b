package org.bizenv.survey;

import java.util.Locale;
import org.bizenv.city.TypedText;

/** Enterprise size classes of the survey, in the order of size-mix arrays. */
public enum SizeClass {
    MICRO("micro", "微型"),
    SMALL("small", "小型"),
    MEDIUM("medium", "中型");

    private final String en;
    private final String zh;

    SizeClass(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The framework's name: {@code micro}, {@code small}, {@code medium}. */
    public String key() {
        return en;
    }

    /** The Chinese name: 微型, 小型, 中型. */
    public String zh() {
        return zh;
    }

    /**
     * The class of a typed size: {@code micro}/{@code small}/{@code medium} (any case), 微型/小型/中型, also
     * followed by 企业; null when it is none of them.
     */
    public static SizeClass parse(String text) {
        String s = TypedText.clean(text).toLowerCase(Locale.ROOT);
        if (s.endsWith("企业")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        for (SizeClass c : values()) {
            if (c.en.equals(s) || c.zh.equals(s)) {
                return c;
            }
        }
        return null;
    }
}
