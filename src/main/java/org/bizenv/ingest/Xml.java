package org.bizenv.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX over the XML parts of a workbook, with POI's hardened parser (no DTDs, no external entities). Handlers see only
 * SpreadsheetML's own elements, by local name: elements of other namespaces (the extensions Excel keeps in
 * {@code extLst}, such as {@code <xm:f>}) are skipped, though they count in {@link Handler#depth()}.
 */
final class Xml {

    /** SpreadsheetML's namespace (transitional; POI refuses strict OOXML before any part is read). */
    static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private Xml() {
    }

    /**
     * One parser per thread, used for part after part: setting up a parser costs more than parsing a return
     * workbook's small parts. Parses never nest, so a thread's parser is never in use twice at once.
     */
    private static final ThreadLocal<XMLReader> READER = ThreadLocal.withInitial(() -> {
        try {
            return XMLHelper.newXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("no XML parser", e);
        }
    });

    /** Errors thrown when fatal, else ignored, and never printed (the JDK parser's default prints them). */
    private static final DefaultHandler QUIET = new DefaultHandler();

    static void parse(InputStream in, Handler handler) throws IOException, SAXException {
        parseAny(in, handler);
    }

    /**
     * A part held in memory, read by {@link PlainXml} when it is plain (as Excel writes every part), else by the parser
     * from the start with a new handler: either way the handler {@code fresh} gives sees the same events, or the
     * parser's error is thrown. What the handler throws is thrown.
     *
     * @param fresh gives a new handler with nothing seen yet (the first one may have seen part of the events)
     */
    static <H extends DefaultHandler> H parse(byte[] part, Supplier<H> fresh) throws IOException, SAXException {
        H handler = fresh.get();
        if (PlainXml.parse(part, handler)) {
            return handler;
        }
        handler = fresh.get();
        parseAny(new ByteArrayInputStream(part), handler);
        return handler;
    }

    /**
     * Any XML part (also of other vocabularies: content types, relationships) with the same parser; its errors go to
     * the handler (a {@link DefaultHandler} throws the fatal ones), never to the console.
     */
    static void parseAny(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        XMLReader reader = READER.get();
        reader.setContentHandler(handler);
        reader.setErrorHandler(handler);
        try {
            reader.parse(new InputSource(in));
        } finally {
            reader.setContentHandler(null);
            reader.setErrorHandler(QUIET);
        }
    }

    /**
     * The same {@link Handler}s driven one XML event at a time, from POI's hardened StAX parser, so that the caller
     * decides when to go on: a sheet of 200,000 survey rows is read row by row by a pull reader ({@link SheetRows})
     * without a thread, while every cell is still understood by the one SAX handler that reads return workbooks.
     */
    static final class Pull implements AutoCloseable {
        private final XMLStreamReader in;
        private final Handler handler;
        private final AttributesImpl attributes = new AttributesImpl();
        private boolean ended;

        Pull(InputStream stream, Handler handler) throws SAXException {
            try {
                this.in = XMLHelper.newXMLInputFactory().createXMLStreamReader(stream);
            } catch (XMLStreamException e) {
                throw new SAXException(e.getMessage(), e);
            }
            this.handler = handler;
        }

        /** Hands the next event to the handler; false once the document has ended. */
        boolean step() throws SAXException {
            if (ended) {
                return false;
            }
            try {
                if (!in.hasNext()) {
                    ended = true;
                    return false;
                }
                switch (in.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        attributes.clear();
                        for (int i = 0; i < in.getAttributeCount(); i++) {
                            String prefix = in.getAttributePrefix(i);
                            String local = in.getAttributeLocalName(i);
                            String uri = in.getAttributeNamespace(i);
                            attributes.addAttribute(uri == null ? "" : uri, local,
                                    prefix == null || prefix.isEmpty() ? local : prefix + ":" + local, "CDATA",
                                    in.getAttributeValue(i));
                        }
                        handler.startElement(uri(), in.getLocalName(), qName(), attributes);
                    }
                    case XMLStreamConstants.END_ELEMENT -> handler.endElement(uri(), in.getLocalName(), qName());
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            handler.characters(in.getTextCharacters(), in.getTextStart(), in.getTextLength());
                    case XMLStreamConstants.END_DOCUMENT -> ended = true;
                    default -> { }
                }
                return !ended;
            } catch (XMLStreamException e) {
                throw new SAXException(e.getMessage(), e);
            }
        }

        private String uri() {
            String uri = in.getNamespaceURI();
            return uri == null ? "" : uri;
        }

        private String qName() {
            String prefix = in.getPrefix();
            return prefix == null || prefix.isEmpty() ? in.getLocalName() : prefix + ":" + in.getLocalName();
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (XMLStreamException e) {
                // nothing held but the stream, which its owner closes
            }
        }
    }

    /**
     * A number attribute as XMLBeans gives an unsigned one: 0 when it is absent or not a number (Excel writes none
     * such; a damaged file's cell then reads with the default style rather than failing).
     */
    static long longValue(String attribute) {
        if (attribute == null) {
            return 0;
        }
        try {
            return Long.parseLong(attribute.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    abstract static class Handler extends DefaultHandler {

        private int depth;

        /** The depth of the element being opened or closed, or of the text: 1 = the root element. */
        final int depth() {
            return depth;
        }

        abstract void open(String name, Attributes attributes) throws SAXException;

        void close(String name) throws SAXException {
        }

        void text(char[] ch, int start, int length) {
        }

        @Override
        public final void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            depth++;
            if (SPREADSHEETML.equals(uri)) {
                open(localName, attributes);
            }
        }

        @Override
        public final void endElement(String uri, String localName, String qName) throws SAXException {
            if (SPREADSHEETML.equals(uri)) {
                close(localName);
            }
            depth--;
        }

        @Override
        public final void characters(char[] ch, int start, int length) {
            text(ch, start, length);
        }
    }
}
