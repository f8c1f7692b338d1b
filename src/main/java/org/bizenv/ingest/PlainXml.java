package org.bizenv.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A scanner of the plain XML that Excel and other tools write in a workbook's parts, handing the same SAX events to a
 * handler as the JDK's parser (namespace-aware, no DTD) would, without it: setting up that parser and its security
 * checks for each of a return workbook's ten small parts cost more than scanning them, a third of the intake's time.
 *
 * <p>"Plain" is a strict subset of XML 1.0 with namespaces: UTF-8 (a byte-order mark and an XML declaration of version
 * 1.0, encoding UTF-8, are allowed), elements with ASCII names, attributes, text with the five predefined entities and
 * character references. Anything else, well-formed or not (a DOCTYPE, a comment, a processing instruction, CDATA, a
 * carriage return, a character XML forbids, malformed UTF-8, an undeclared prefix, a mismatched tag…), is not judged
 * here: {@link #parse} gives false, the caller throws away the handler (it may have seen some events) and lets the
 * JDK's parser read the part from the start, which gives the events or words the error exactly as before. So a part
 * reads the same either way, and a damaged part's message is the JDK parser's.
 *
 * <p>As the parser does: attribute values have tabs and line feeds turned into spaces (after references are
 * expanded, so {@code &#9;} stays a tab); {@code xmlns} attributes declare namespaces, reported as prefix mappings
 * around the element (start before it, end after it, in the order declared) and not as attributes; the {@code xml}
 * prefix is bound; text between tags is reported (whitespace too, since there is no DTD), as one {@code characters}
 * call per stretch of text. Unlike the parser it gives no document locator (no handler of bizenv asks for one).
 *
 * <p>This class is the scanner; the open elements and namespace bindings are kept by {@link PlainXmlScope}, the
 * attribute list handed to the handler is {@link PlainXmlAttributes}, decoded characters are kept by
 * {@link PlainXmlText}.
 */
final class PlainXml {

    private static final String XML_NS = PlainXmlScope.XML_NS;
    private static final String XMLNS_NS = PlainXmlScope.XMLNS_NS;
    /**
     * Limits well below the JDK parser's (some of which newer JDKs lower, such as 200 attributes and a depth of 100),
     * so that a part the parser would refuse for a limit is never taken as plain here.
     */
    private static final int MAX_NAME = 256;
    private static final int MAX_ATTRIBUTES = 64;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_REFERENCES = 1000;

    /** Why scanning stopped: the part is not plain (no stack trace: it is an answer, not an error). */
    private static final class NotPlain extends Exception {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final byte[] in;
    private final int end;
    private final DefaultHandler handler;
    private int p;
    private final PlainXmlText text = new PlainXmlText();
    private int references;
    private final PlainXmlScope scope = new PlainXmlScope(MAX_DEPTH);
    private final PlainXmlAttributes attributes = new PlainXmlAttributes(MAX_ATTRIBUTES);
    private final String[] names = new String[64];           // names seen, by a hash of their bytes
    private final byte[][] nameBytes = new byte[64][];

    private PlainXml(byte[] in, DefaultHandler handler) {
        this.in = in;
        this.end = in.length;
        this.handler = handler;
    }

    /**
     * Hands the document's events to the handler and gives true, or gives false as soon as the document is not plain
     * (see the class comment); what the handler throws is thrown.
     */
    static boolean parse(byte[] xml, DefaultHandler handler) throws SAXException {
        try {
            new PlainXml(xml, handler).document();
            return true;
        } catch (NotPlain e) {
            return false;
        }
    }

    private void document() throws NotPlain, SAXException {
        if (end >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF) {
            p = 3;
        }
        if (startsWith("<?xml")) {
            declaration();
        }
        skipSpaces();
        if (p + 1 >= end || in[p] != '<' || in[p + 1] == '?' || in[p + 1] == '!' || in[p + 1] == '/') {
            throw NOT_PLAIN;
        }
        handler.startDocument();
        startTag();
        while (scope.depth() > 0) {
            if (p >= end) {
                throw NOT_PLAIN;                              // an element left open
            }
            if (in[p] != '<') {
                content();
            } else if (p + 1 < end && in[p + 1] == '/') {
                endTag();
            } else if (p + 1 < end && in[p + 1] != '!' && in[p + 1] != '?') {
                startTag();
            } else {
                throw NOT_PLAIN;
            }
        }
        skipSpaces();
        if (p != end) {
            throw NOT_PLAIN;
        }
        handler.endDocument();
    }

    /** {@code <?xml version="1.0" encoding="UTF-8" standalone="yes"?>}, encoding and standalone optional. */
    private void declaration() throws NotPlain {
        p += 5;
        if (!skipSpaces() || !pseudoAttribute("version").equals("1.0")) {
            throw NOT_PLAIN;
        }
        boolean space = skipSpaces();
        if (space && startsWith("encoding")) {
            if (!pseudoAttribute("encoding").equalsIgnoreCase("UTF-8")) {
                throw NOT_PLAIN;
            }
            space = skipSpaces();
        }
        if (space && startsWith("standalone")) {
            String s = pseudoAttribute("standalone");
            if (!s.equals("yes") && !s.equals("no")) {
                throw NOT_PLAIN;
            }
            skipSpaces();
        }
        if (!startsWith("?>")) {
            throw NOT_PLAIN;
        }
        p += 2;
    }

    private String pseudoAttribute(String name) throws NotPlain {
        if (!startsWith(name)) {
            throw NOT_PLAIN;
        }
        p += name.length();
        skipSpaces();
        expect('=');
        skipSpaces();
        if (p >= end || in[p] != '"' && in[p] != '\'') {
            throw NOT_PLAIN;
        }
        byte quote = in[p++];
        int from = p;
        while (p < end && in[p] != quote) {
            byte c = in[p++];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_')) {
                throw NOT_PLAIN;
            }
        }
        if (p >= end) {
            throw NOT_PLAIN;
        }
        return new String(in, from, p++ - from, StandardCharsets.US_ASCII);
    }

    private void startTag() throws NotPlain, SAXException {
        p++;                                                  // '<'
        String qName = name();
        attributes.clear();
        int before = scope.bindings();
        boolean empty;
        while (true) {
            boolean space = skipSpaces();
            if (p >= end) {
                throw NOT_PLAIN;
            }
            if (in[p] == '>') {
                p++;
                empty = false;
                break;
            }
            if (in[p] == '/') {
                p++;
                expect('>');
                empty = true;
                break;
            }
            if (!space) {
                throw NOT_PLAIN;
            }
            String name = name();
            skipSpaces();
            expect('=');
            skipSpaces();
            if (p >= end || in[p] != '"' && in[p] != '\'') {
                throw NOT_PLAIN;
            }
            String value = attributeValue(in[p++]);
            if (attributes.getLength() >= MAX_ATTRIBUTES || attributes.hasQName(name) || declared(name, before)) {
                throw NOT_PLAIN;                              // too many, or a duplicate attribute
            }
            if (name.equals("xmlns")) {
                if (value.equals(XML_NS) || value.equals(XMLNS_NS)) {
                    throw NOT_PLAIN;
                }
                scope.bind("", value);
            } else if (name.startsWith("xmlns:")) {
                String prefix = name.substring(6);
                if (prefix.equals("xml") || prefix.equals("xmlns") || value.isEmpty() || value.equals(XML_NS)
                        || value.equals(XMLNS_NS)) {
                    throw NOT_PLAIN;
                }
                scope.bind(prefix, value);
            } else {
                attributes.add(name, value);
            }
        }
        int colon = qName.indexOf(':');
        String uri = namespace(colon < 0 ? "" : qName.substring(0, colon));
        String local = colon < 0 ? qName : qName.substring(colon + 1);
        for (int i = 0; i < attributes.getLength(); i++) {
            String q = attributes.getQName(i);
            int c = q.indexOf(':');
            if (c >= 0) {
                attributes.setNamespace(i, namespace(q.substring(0, c)), q.substring(c + 1));
                if (attributes.sameNameBefore(i)) {
                    throw NOT_PLAIN;                          // one name in two spellings: a duplicate
                }
            }
        }
        if (scope.depth() == MAX_DEPTH) {
            throw NOT_PLAIN;
        }
        scope.push(qName, uri, local, before);
        scope.startPrefixMappings(handler, before);
        handler.startElement(uri, local, qName, attributes);
        if (empty) {
            scope.pop(handler);
        }
    }

    /** Whether an {@code xmlns} attribute of this element already declared the prefix {@code name} declares. */
    private boolean declared(String name, int before) {
        if (!name.equals("xmlns") && !name.startsWith("xmlns:")) {
            return false;
        }
        return scope.bound(name.equals("xmlns") ? "" : name.substring(6), before);
    }

    private void endTag() throws NotPlain, SAXException {
        p += 2;                                               // "</"
        String qName = name();
        skipSpaces();
        expect('>');
        if (!qName.equals(scope.openQName())) {
            throw NOT_PLAIN;
        }
        scope.pop(handler);
    }

    /** The namespace a prefix ("" for none) is bound to ("" for none); an undeclared prefix is not plain. */
    private String namespace(String prefix) throws NotPlain {
        String uri = scope.namespace(prefix);
        if (uri == null) {
            throw NOT_PLAIN;
        }
        return uri;
    }

    /** A name of ASCII letters, digits and {@code _ - . :}, with at most one colon, neither first nor last. */
    private String name() throws NotPlain {
        int from = p;
        int hash = 0;
        int colons = 0;
        while (p < end) {
            byte c = in[p];
            boolean first = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            if (!first && (p == from || !(c >= '0' && c <= '9' || c == '.' || c == '-'))) {
                break;
            }
            if (c == ':') {
                colons++;
            }
            hash = 31 * hash + c;
            p++;
        }
        int n = p - from;
        if (n == 0 || n > MAX_NAME || colons > 1 || in[from] == ':' || in[p - 1] == ':'
                || colons == 1 && !isNameStart(in[indexOfColon(from) + 1])) {
            throw NOT_PLAIN;
        }
        if (p < end && (in[p] & 0x80) != 0) {
            throw NOT_PLAIN;                                  // a name going on in non-ASCII letters
        }
        int slot = hash & (names.length - 1);
        byte[] known = nameBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, in, from, p)) {
            return names[slot];
        }
        String name = new String(in, from, n, StandardCharsets.US_ASCII);
        names[slot] = name;
        nameBytes[slot] = Arrays.copyOfRange(in, from, p);
        return name;
    }

    private int indexOfColon(int from) {
        int i = from;
        while (in[i] != ':') {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    /** Text up to the next tag, handed to the handler in one call. */
    private void content() throws NotPlain, SAXException {
        text.clear();
        while (p < end) {
            byte c = in[p];
            if (c >= 0x20 && c != '<' && c != '&' && c != '>') {      // printable ASCII, the most of it
                text.append((char) c);
                p++;
            } else if (c == '<') {
                break;
            } else if (c == '&') {
                reference();
            } else if (c == '>' && p >= 2 && in[p - 1] == ']' && in[p - 2] == ']') {
                throw NOT_PLAIN;                              // "]]>" outside a CDATA section
            } else {
                character();
            }
        }
        text.characters(handler);
    }

    /** An attribute's value up to its closing quote, references expanded, tabs and line feeds as spaces. */
    private String attributeValue(byte quote) throws NotPlain {
        text.clear();
        while (true) {
            if (p >= end) {
                throw NOT_PLAIN;
            }
            byte c = in[p];
            if (c == quote) {
                p++;
                return text.string();
            }
            if (c >= 0x20 && c != '<' && c != '&') {                  // printable ASCII, the most of it
                text.append((char) c);
                p++;
            } else if (c == '<') {
                throw NOT_PLAIN;
            } else if (c == '&') {
                reference();
            } else if (c == '\t' || c == '\n') {
                p++;
                text.append(' ');
            } else {
                character();
            }
        }
    }

    /** One character of UTF-8, which must be one XML allows (no carriage return: its line ends are not plain). */
    private void character() throws NotPlain {
        int c = in[p] & 0xFF;
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n') {
                throw NOT_PLAIN;
            }
            p++;
            text.append((char) c);
            return;
        }
        int code;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            code = c & 0x1F;
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            code = c & 0x0F;
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0;                                    // no overlong forms
            } else if (c == 0xED) {
                hi = 0x9F;                                    // no surrogates
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            code = c & 0x07;
            n = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;                                    // nothing beyond U+10FFFF
            }
        } else {
            throw NOT_PLAIN;
        }
        if (p + n >= end) {
            throw NOT_PLAIN;
        }
        for (int i = 1; i <= n; i++) {
            int b = in[p + i] & 0xFF;
            if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) {
                throw NOT_PLAIN;
            }
            code = code << 6 | b & 0x3F;
        }
        p += n + 1;
        codePoint(code);
    }

    /** {@code &amp;} and the other four predefined entities, {@code &#NN;} and {@code &#xHH;}. */
    private void reference() throws NotPlain {
        if (++references > MAX_REFERENCES) {
            throw NOT_PLAIN;
        }
        p++;                                                  // '&'
        if (p < end && in[p] == '#') {
            p++;
            int radix = 10;
            if (p < end && in[p] == 'x') {
                radix = 16;
                p++;
            }
            int from = p;
            long code = 0;
            while (p < end && in[p] != ';') {
                int d = Character.digit(in[p], radix);
                if (d < 0 || p - from >= 8) {
                    throw NOT_PLAIN;
                }
                code = code * radix + d;
                p++;
            }
            if (p >= end || p == from) {
                throw NOT_PLAIN;
            }
            p++;
            codePoint((int) code);
            return;
        }
        char c;
        if (startsWith("amp;")) {
            c = '&';
            p += 4;
        } else if (startsWith("lt;")) {
            c = '<';
            p += 3;
        } else if (startsWith("gt;")) {
            c = '>';
            p += 3;
        } else if (startsWith("quot;")) {
            c = '"';
            p += 5;
        } else if (startsWith("apos;")) {
            c = '\'';
            p += 5;
        } else {
            throw NOT_PLAIN;                                  // an entity no DTD declares
        }
        text.append(c);
    }

    /** A character by its code point, which must be one XML 1.0 allows (a referenced carriage return is). */
    private void codePoint(int code) throws NotPlain {
        if (!text.appendCodePoint(code)) {
            throw NOT_PLAIN;
        }
    }

    /** Skips XML whitespace (no carriage return), saying whether there was any. */
    private boolean skipSpaces() {
        int from = p;
        while (p < end && (in[p] == ' ' || in[p] == '\n' || in[p] == '\t')) {
            p++;
        }
        return p > from;
    }

    private void expect(char c) throws NotPlain {
        if (p >= end || in[p] != c) {
            throw NOT_PLAIN;
        }
        p++;
    }

    private boolean startsWith(String s) {
        if (p + s.length() > end) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (in[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
