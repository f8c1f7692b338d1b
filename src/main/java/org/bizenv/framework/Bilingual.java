package org.bizenv.framework;

/**
 * A sentence built in Chinese and English side by side, piece by piece, so that the two versions a report prints
 * cannot drift apart: each call adds the same piece in both languages (or a code or number, the same in both).
 */
public final class Bilingual {
    private final StringBuilder zh = new StringBuilder();
    private final StringBuilder en = new StringBuilder();

    /** Adds a piece, Chinese and English. */
    public Bilingual add(String zh, String en) {
        this.zh.append(zh);
        this.en.append(en);
        return this;
    }

    /** Adds a code or number, the same in both languages. */
    public Bilingual add(Object same) {
        String s = String.valueOf(same);
        zh.append(s);
        en.append(s);
        return this;
    }

    /** Adds a bilingual piece. */
    public Bilingual add(Names n) {
        return add(n.zh() == null ? n.en() : n.zh(), n.en() == null ? n.zh() : n.en());
    }

    public boolean isEmpty() {
        return zh.isEmpty() && en.isEmpty();
    }

    public Names names() {
        return new Names(zh.toString(), en.toString());
    }
}
