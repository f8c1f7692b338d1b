package org.bizenv.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The text encodings a CSV file is read in: what Excel and survey platforms write. UTF-8 ("CSV UTF-8"), GB18030 and
 * its older subset GBK (Excel's "CSV (逗号分隔)" on Chinese Windows), UTF-16 (Excel's "Unicode Text", other tools).
 * {@link #key()} is the value of a source's {@code encoding:} in the framework file; {@link #shown()} is how the
 * report and messages name it.
 */
public enum TextEncoding {
    UTF_8("utf-8", "UTF-8", StandardCharsets.UTF_8),
    GB18030("gb18030", "GB18030", Charset.forName("GB18030")),
    GBK("gbk", "GBK", Charset.forName("GBK")),
    /** UTF-16 by its byte-order mark; big-endian without one, as the Unicode standard says. */
    UTF_16("utf-16", "UTF-16BE", StandardCharsets.UTF_16BE),
    UTF_16LE("utf-16le", "UTF-16LE", StandardCharsets.UTF_16LE),
    UTF_16BE("utf-16be", "UTF-16BE", StandardCharsets.UTF_16BE);

    private final String key;
    private final String shown;
    private final Charset charset;

    TextEncoding(String key, String shown, Charset charset) {
        this.key = key;
        this.shown = shown;
        this.charset = charset;
    }

    /** The framework file's name for it: {@code utf-8}, {@code gb18030}, … */
    public String key() {
        return key;
    }

    /** As the report names it: {@code UTF-8}, {@code GB18030}, {@code UTF-16LE}, … */
    public String shown() {
        return shown;
    }

    Charset charset() {
        return charset;
    }

    boolean isUtf16() {
        return this == UTF_16 || this == UTF_16LE || this == UTF_16BE;
    }

    /** The framework file's names, in the order above. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(TextEncoding::key).toList();
    }

    /** The encoding of a framework key (case ignored), or null for none or an unknown one. */
    public static TextEncoding ofKey(String key) {
        if (key == null) {
            return null;
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (TextEncoding e : values()) {
            if (e.key.equals(k)) {
                return e;
            }
        }
        return null;
    }
}
