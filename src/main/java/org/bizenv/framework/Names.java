package org.bizenv.framework;

/** A bilingual name: Chinese first, as the evaluation publishes it, and English. */
public record Names(String zh, String en) {

    /** "深圳 Shenzhen" style label for bilingual reports. */
    public String both() {
        if (zh == null || zh.isBlank()) {
            return en;
        }
        if (en == null || en.isBlank() || en.equals(zh)) {
            return zh;
        }
        return zh + " " + en;
    }
}
