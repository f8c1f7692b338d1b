package org.bizenv.ingest;

import java.util.Arrays;

import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What {@link PlainXml} keeps of the document it scans: the elements open at this point (qualified name, namespace,
 * local name, for the end tag and its event) and the namespace bindings in force, innermost last. An element's
 * bindings are dropped when it ends, by remembering how many were in force before it. The room for open elements is
 * fixed ({@link PlainXml} refuses to nest deeper than its limit before pushing); bindings, which an element may make
 * any number of, grow.
 */
final class PlainXmlScope {

    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private final String[] qNames;
    private final String[] uris;
    private final String[] locals;
    private final int[] bindingsBefore;
    private int depth;
    private String[] prefixes = new String[8];
    private String[] namespaces = new String[8];
    private int bindings;

    /** @param maxDepth the most elements open at once */
    PlainXmlScope(int maxDepth) {
        qNames = new String[maxDepth];
        uris = new String[maxDepth];
        locals = new String[maxDepth];
        bindingsBefore = new int[maxDepth];
    }

    /** How many elements are open. */
    int depth() {
        return depth;
    }

    /** How many bindings are in force: an element's own are those made after this count, taken before its start tag. */
    int bindings() {
        return bindings;
    }

    /** The qualified name of the innermost open element, which the next end tag must repeat. */
    String openQName() {
        return qNames[depth - 1];
    }

    void push(String qName, String uri, String local, int before) {
        qNames[depth] = qName;
        uris[depth] = uri;
        locals[depth] = local;
        bindingsBefore[depth] = before;
        depth++;
    }

    /**
     * The bindings the element being started made since {@code before} to the handler, in the order declared, as
     * the parser reports them just before the element's start.
     */
    void startPrefixMappings(DefaultHandler handler, int before) throws SAXException {
        for (int i = before; i < bindings; i++) {
            handler.startPrefixMapping(prefixes[i], namespaces[i]);
        }
    }

    /**
     * Ends the innermost element: its end event to the handler, then the end of each of its bindings, in the order
     * declared (as the parser gives them), and they are dropped.
     */
    void pop(DefaultHandler handler) throws SAXException {
        depth--;
        handler.endElement(uris[depth], locals[depth], qNames[depth]);
        int before = bindingsBefore[depth];
        for (int i = before; i < bindings; i++) {
            handler.endPrefixMapping(prefixes[i]);
        }
        bindings = before;
    }

    void bind(String prefix, String namespace) {
        if (bindings == prefixes.length) {
            prefixes = Arrays.copyOf(prefixes, bindings * 2);
            namespaces = Arrays.copyOf(namespaces, bindings * 2);
        }
        prefixes[bindings] = prefix;
        // SpreadsheetML's namespace as Xml's own constant, so that Xml.Handler's equals on every element is an
        // identity check rather than a comparison of 57 characters
        namespaces[bindings] = namespace.equals(Xml.SPREADSHEETML) ? Xml.SPREADSHEETML : namespace;
        bindings++;
    }

    /** Whether a binding made since {@code before} (by the element being read) is of {@code prefix}. */
    boolean bound(String prefix, int before) {
        for (int i = before; i < bindings; i++) {
            if (prefixes[i].equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The namespace a prefix ("" for none) is bound to ("" for none), or null for an undeclared prefix. */
    String namespace(String prefix) {
        for (int i = bindings - 1; i >= 0; i--) {
            if (prefixes[i].equals(prefix)) {
                return namespaces[i];
            }
        }
        if (prefix.isEmpty()) {
            return "";
        }
        if (prefix.equals("xml")) {
            return XML_NS;
        }
        return null;
    }
}
