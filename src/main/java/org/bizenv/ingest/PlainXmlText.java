package org.bizenv.ingest;

import java.util.Arrays;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The characters {@link PlainXml} has decoded of a stretch of text or an attribute value, kept in one buffer reused
 * for the whole document (as the JDK parser hands out its own buffer, a handler copies what it keeps).
 */
final class PlainXmlText {

    private char[] chars = new char[128];
    private int length;

    void clear() {
        length = 0;
    }

    void append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, length * 2);
        }
        chars[length++] = c;
    }

    /**
     * Appends a character by its code point, as a surrogate pair beyond 16 bits, and gives true; or gives false for
     * a code point XML 1.0 does not allow in a document (C0 controls but tab, line feed and carriage return,
     * surrogates, U+FFFE and U+FFFF, beyond U+10FFFF).
     */
    boolean appendCodePoint(int code) {
        boolean allowed = code == 0x9 || code == 0xA || code == 0xD || code >= 0x20 && code <= 0xD7FF
                || code >= 0xE000 && code <= 0xFFFD || code >= 0x10000 && code <= 0x10FFFF;
        if (!allowed) {
            return false;
        }
        if (code < 0x10000) {
            append((char) code);
        } else {
            append(Character.highSurrogate(code));
            append(Character.lowSurrogate(code));
        }
        return true;
    }

    String string() {
        return new String(chars, 0, length);
    }

    /** The text so far to the handler, in one call. */
    void characters(DefaultHandler handler) throws SAXException {
        handler.characters(chars, 0, length);
    }
}
