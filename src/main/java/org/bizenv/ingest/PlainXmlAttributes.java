package org.bizenv.ingest;

import org.xml.sax.Attributes;

/**
 * The attributes of the element {@link PlainXml} hands to the handler, as SAX gives them without the namespace-prefixes
 * feature: no {@code xmlns} attributes, every type CDATA. One list is refilled for each element, as the JDK parser's
 * is, so a handler must copy what it keeps. Its room is fixed: {@link PlainXml} refuses an element with more
 * attributes than its limit before adding one.
 */
final class PlainXmlAttributes implements Attributes {
    private final String[] qNames;
    private final String[] uris;
    private final String[] locals;
    private final String[] values;
    private int count;

    /** @param capacity the most attributes an element may have */
    PlainXmlAttributes(int capacity) {
        qNames = new String[capacity];
        uris = new String[capacity];
        locals = new String[capacity];
        values = new String[capacity];
    }

    void clear() {
        count = 0;
    }

    void add(String qName, String value) {
        qNames[count] = qName;
        uris[count] = "";
        locals[count] = qName;
        values[count] = value;
        count++;
    }

    boolean hasQName(String qName) {
        return getIndex(qName) >= 0;
    }

    /** Gives the attribute at {@code index}, added with its qualified name, the namespace its prefix is bound to. */
    void setNamespace(int index, String uri, String localName) {
        uris[index] = uri;
        locals[index] = localName;
    }

    /** Whether an attribute before {@code index} has its namespace and local name: one name in two spellings. */
    boolean sameNameBefore(int index) {
        for (int j = 0; j < index; j++) {
            if (locals[j].equals(locals[index]) && uris[j].equals(uris[index])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getLength() {
        return count;
    }

    @Override
    public String getURI(int index) {
        return index >= 0 && index < count ? uris[index] : null;
    }

    @Override
    public String getLocalName(int index) {
        return index >= 0 && index < count ? locals[index] : null;
    }

    @Override
    public String getQName(int index) {
        return index >= 0 && index < count ? qNames[index] : null;
    }

    @Override
    public String getType(int index) {
        return index >= 0 && index < count ? "CDATA" : null;
    }

    @Override
    public String getValue(int index) {
        return index >= 0 && index < count ? values[index] : null;
    }

    @Override
    public int getIndex(String uri, String localName) {
        for (int i = 0; i < count; i++) {
            if (locals[i].equals(localName) && uris[i].equals(uri)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getIndex(String qName) {
        for (int i = 0; i < count; i++) {
            if (qNames[i].equals(qName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String getType(String uri, String localName) {
        return getIndex(uri, localName) >= 0 ? "CDATA" : null;
    }

    @Override
    public String getType(String qName) {
        return getIndex(qName) >= 0 ? "CDATA" : null;
    }

    @Override
    public String getValue(String uri, String localName) {
        int i = getIndex(uri, localName);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public String getValue(String qName) {
        int i = getIndex(qName);
        return i >= 0 ? values[i] : null;
    }
}
