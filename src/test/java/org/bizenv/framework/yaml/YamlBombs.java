package org.bizenv.framework.yaml;

/** Hostile YAML for the tests of every file reader. */
public final class YamlBombs {

    private YamlBombs() {
    }

    /**
     * "Billion laughs": nine levels of nine aliases would expand to 9^9 = 387 million values. Line 1 is left for the
     * caller to replace (a framework or scenario file's first key); aliases 1-9 are on line 3, 10-18 on line 4 and
     * 19-27 on line 5, where the 26th is refused.
     */
    public static String billionLaughs() {
        StringBuilder b = new StringBuilder("framework: {id: lol, name: {en: Laughs}}\n");
        b.append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            b.append(c).append(": &").append(c).append(" [");
            for (int k = 0; k < 9; k++) {
                b.append(k > 0 ? ", " : "").append('*').append((char) (c - 1));
            }
            b.append("]\n");
        }
        return b.toString();
    }
}
