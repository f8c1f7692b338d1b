package org.bizenv.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@link PlainXml} against the JDK's parser as bizenv sets it up ({@link Xml#parseAny}): every plain document gives
 * the same SAX events (elements with their namespaces, attributes, text), and every other one is left to the parser,
 * so that {@link Xml#parse(byte[], java.util.function.Supplier)} gives the parser's events or its very error.
 */
class PlainXmlTest {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /**
     * The events of a document, namespace declarations in and out of scope included, text joined between tags (the
     * parser may hand one text in pieces).
     */
    static final class Events extends DefaultHandler {
        final List<String> events = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            flush();
            StringBuilder s = new StringBuilder("<" + uri + "|" + local + "|" + qName);
            for (int i = 0; i < a.getLength(); i++) {
                s.append(" [").append(a.getURI(i)).append('|').append(a.getLocalName(i)).append('|')
                        .append(a.getQName(i)).append('|').append(a.getType(i)).append("]=").append(a.getValue(i));
                assertThat(a.getValue(a.getQName(i))).isEqualTo(a.getValue(i));
                assertThat(a.getValue(a.getURI(i), a.getLocalName(i))).isEqualTo(a.getValue(i));
                assertThat(a.getIndex(a.getQName(i))).isEqualTo(i);
            }
            assertThat(a.getValue("absent")).isNull();
            events.add(s.toString());
        }

        @Override
        public void endElement(String uri, String local, String qName) {
            flush();
            events.add("</" + uri + "|" + local + "|" + qName);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            flush();
            events.add("xmlns:" + prefix + "=" + uri);
        }

        @Override
        public void endPrefixMapping(String prefix) {
            flush();
            events.add("end xmlns:" + prefix);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        private void flush() {
            if (!text.isEmpty()) {
                events.add("text:" + text);
                text.setLength(0);
            }
        }
    }

    private static List<String> parser(byte[] xml) throws IOException, SAXException {
        Events e = new Events();
        Xml.parseAny(new ByteArrayInputStream(xml), e);
        return e.events;
    }

    private static List<String> plain(byte[] xml) throws SAXException {
        Events e = new Events();
        assertThat(PlainXml.parse(xml, e)).as("plain: %s", new String(xml, StandardCharsets.UTF_8)).isTrue();
        return e.events;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void sameAsTheParser(String xml) throws IOException, SAXException {
        byte[] bytes = utf8(xml);
        assertThat(plain(bytes)).as(xml).isEqualTo(parser(bytes));
    }

    @Test
    void plainDocumentsGiveTheParsersEvents() throws IOException, SAXException {
        // entities and character references in text, a referenced carriage return, a character beyond 16 bits
        sameAsTheParser("<sst xmlns=\"" + MAIN + "\"><si><t>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; "
                + "&#20013;&#x6587;&#xAB;&#x1F600;x&#13;y]]z ] > </t></si></sst>");
        // attribute values: references expanded, tabs and line feeds as spaces, but a referenced tab kept
        sameAsTheParser("<a b=\"1&amp;2 &lt;&gt;\" c='say \"hi\"' d=\"tab\there\nline\" e=\"&#9;&#10;x\" f=''/>");
        // declarations, a byte-order mark, single quotes, whitespace inside tags and around '='
        sameAsTheParser("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<a  b = 'x' ></a >\n");
        sameAsTheParser("\uFEFF<?xml version='1.0' encoding='utf-8'?><a/>");
        sameAsTheParser("<?xml version=\"1.0\"?>  <a/>  \n");
        sameAsTheParser("<?xml version=\"1.0\" standalone='no' ?><a/>");
        // namespaces: default, prefixed, the xml prefix, a nested redeclaration, a default undeclared, r:id
        sameAsTheParser("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\" xmlns:mc=\"urn:mc\" "
                + "mc:Ignorable=\"x14\"><sheets><sheet name=\"Data &amp; more\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets><extLst><ext xmlns:x14=\"urn:x14\" uri=\"{1}\"><x14:f xmlns=\"\"><g/></x14:f>"
                + "<r:f xmlns:r=\"urn:other\" r:id=\"2\"/></ext></extLst><t xml:space=\"preserve\"> x </t>"
                + "</workbook>");
        // a sheet: inline and rich strings, empty and r-less cells, formulas, multi-byte text
        sameAsTheParser("<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\" spans=\"1:3\">"
                + "<c t=\"inlineStr\"><is><r><rPr><b/></rPr><t>北京</t></r><r><t xml:space=\"preserve\"> 🙂 </t></r>"
                + "<rPh sb=\"0\" eb=\"1\"><t>ペキン</t></rPh></is></c><c/><c s=\"1\"></c>"
                + "<c r=\"E1\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c></row>\n  <row r=\"2\"/></sheetData></worksheet>");
    }

    /** Documents left to the parser: well-formed or not, it reads them as before, events or error. */
    @Test
    void anythingElseIsLeftToTheParserWhichReadsItAsBefore() throws IOException, SAXException {
        String[] notPlain = {
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",          // a DTD (refused by bizenv's parser)
            "<a><!-- a comment --></a>",
            "<?xml version=\"1.0\"?><?pi data?><a/>",
            "<a><![CDATA[<b>]]></a>",
            "<a>\r\n</a>",                                          // a carriage return: line ends normalised
            "<a b=\"x\ry\"/>",
            "<p:a/>",                                               // an undeclared prefix
            "<a><b></a></b>",
            "<a>&nbsp;</a>",
            "<a>\u0001</a>",
            "<a>&#0;</a>",
            "<a>&#X41;</a>",
            "<a b=\"1\" b=\"2\"/>",
            "<a xmlns:p=\"u\" xmlns:q=\"u\" p:b=\"1\" q:b=\"2\"/>",
            "<?xml version=\"1.1\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\u00e9</a>",
            "<a/><b/>",
            "<a/>text",
            "<a>]]></a>",
            "<a b=\"<\"/>",
            "<a>",
            "",
            "<a b=\"1\"c=\"2\"/>",
            "<éa/>",
            "<a:b:c xmlns:a=\"u\"/>",
            "<a xmlns:p=\"\"/>",
            " <?xml version=\"1.0\"?><a/>",
        };
        for (String xml : notPlain) {
            assertLeftToTheParser(utf8(xml), xml);
        }
        // malformed UTF-8, a surrogate and U+FFFE in UTF-8
        assertLeftToTheParser(new byte[] {'<', 'a', '>', (byte) 0xC3, '<', '/', 'a', '>'}, "truncated UTF-8");
        assertLeftToTheParser(new byte[] {'<', 'a', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'a', '>'},
                "a surrogate");
        assertLeftToTheParser(new byte[] {'<', 'a', '>', (byte) 0xEF, (byte) 0xBF, (byte) 0xBE, '<', '/', 'a', '>'},
                "U+FFFE");
        assertLeftToTheParser(new byte[] {'<', 'a', '>', (byte) 0xC0, (byte) 0x80, '<', '/', 'a', '>'}, "overlong");
        // beyond the limits kept below the parser's: many attributes, deep nesting, many references
        StringBuilder attrs = new StringBuilder("<a");
        for (int i = 0; i < 65; i++) {
            attrs.append(" a").append(i).append("=\"\"");
        }
        assertLeftToTheParser(utf8(attrs + "/>"), "65 attributes");
        assertLeftToTheParser(utf8("<a>".repeat(65) + "</a>".repeat(65)), "65 levels");
        assertLeftToTheParser(utf8("<a>" + "&amp;".repeat(1001) + "</a>"), "1,001 references");
    }

    /**
     * The corners of XML 1.0 and its namespaces a second reading went through: each either reads as plain with the
     * parser's very events, or is left to the parser (where the parser refuses it, or reads it with rules the scanner
     * does not keep).
     */
    @Test
    void cornersOfXmlAndNamespacesReadAsTheParserReadsThem() throws IOException, SAXException {
        String[] plain = {
            // referenced carriage returns are kept, in attribute values too (only literal ones are normalised)
            "<a b=\"x&#xD;y&#13;z\">x&#xD;y&#13;z</a>",
            // a character reference beyond 16 bits gives a surrogate pair; the last code points XML allows
            "<a b=\"&#x1F600;\">&#128512;&#x10FFFF;&#xFFFD;&#xE000;&#xD7FF;&#x7F;</a>",
            // references with leading zeros, up to the eight digits the scanner reads
            "<a>&#00000065;&#x0041;</a>",
            // the default namespace undeclared by xmlns="", at the root and inside; an element called xmlns
            "<a xmlns=\"u\"><b xmlns=\"\"><c/></b><d/></a>",
            "<a xmlns=\"\"><xmlns/></a>",
            // the xml prefix, bound without a declaration, on an element and an attribute
            "<xml:a xml:lang=\"en\"/>",
            // one local name unprefixed and prefixed, and a prefix declared after the attribute that uses it
            "<a p:b=\"1\" b=\"2\" xmlns:p=\"u\"/>",
            "<p:a xmlns:p=\"u\"><p:b xmlns:p=\"v\"/><p:c/></p:a>",
            // a namespace written with a reference and a tab; names with '.', '-', '_' and digits
            "<a xmlns:p=\"u&#x9;&amp;v\"><p:b.c-d_1/></a>",
            // '>' in attribute values and in text, where it is not after "]]"
            "<a b=\"x>y\">x>y]>]]&gt;]&#93;></a>",
            // whitespace around '=' and between attributes: spaces, tabs, line feeds
            "<a b = \"1\"\tc\n=\n'2'\n/>",
            // literal tabs and line feeds in attribute values are spaces, referenced ones are kept
            "<a b=\"\t\n x\" c=\"x&#x9;&#xA;y\"/>",
            // a byte-order mark and declaration variants: single quotes, standalone, spaces around '=', case of UTF-8
            "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>",
            "<?xml version='1.0' encoding='UTF-8' standalone='no'?><a/>",
            "<?xml version = '1.0' encoding = 'Utf-8' ?>\n<a/>\n\t ",
            "\uFEFF<a/>",
            // characters that are line ends only in XML 1.1
            "<a b=\"\u0085\u2028\">\u0085\u2028</a>",
        };
        for (String xml : plain) {
            sameAsTheParser(xml);
        }
        String[] left = {
            // characters XML forbids, by reference: surrogates (also as a pair), U+FFFE, U+FFFF, C0 controls, too high
            "<a>&#xD800;&#xDC00;</a>",
            "<a>&#55357;&#56832;</a>",
            "<a>&#xFFFE;</a>",
            "<a>&#xFFFF;</a>",
            "<a>&#x1;</a>",
            "<a b=\"&#x1F;\"/>",
            "<a>&#x110000;</a>",
            // malformed references, and one with more than eight digits (well-formed, but left to the parser)
            "<a>&amp</a>", "<a>&#;</a>", "<a>&#x;</a>", "<a>&#x41</a>", "<a>&#xg;</a>", "<a>&#-1;</a>",
            "<a>&#000000065;</a>",
            // duplicate attributes and declarations, in one spelling or two
            "<a b=\"1\" b=\"1\"/>",
            "<a xmlns:p=\"u\" p:b=\"1\" xmlns:q=\"u\" q:b=\"1\"/>",
            "<a xmlns:p=\"u\" xmlns:p=\"u\"/>",
            "<a xmlns=\"u\" xmlns=\"u\"/>",
            // a prefix undeclared (illegal in XML 1.0 namespaces), or bound to the reserved namespaces
            "<a xmlns:p=\"\"/>",
            "<a xmlns=\"http://www.w3.org/2000/xmlns/\"/>",
            "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>",
            "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>",   // legal, but not plain
            "<xmlns:a/>",
            // ':' in odd places: first, last, twice, before a digit or '-' (the parser takes some without namespaces)
            "<a:/>", "<:a/>", "<a b:=\"1\"/>", "<a :b=\"1\"/>", "<a:1b xmlns:a=\"u\"/>",
            "<a:-b xmlns:a=\"u\"/>", "<a:b:c xmlns:a=\"u\"/>",
            // "]]>" in text
            "<a>x]]></a>",
            // declaration variants the scanner does not take: order, missing space, case, other spellings
            "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"standalone=\"yes\"?><a/>",
            "<?xml version=\"1.0\" standalone=\"YES\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"utf8\"?><a/>",
            "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>",
            "<?xml-stylesheet href=\"x\"?><a/>",
            "\uFEFF\uFEFF<a/>",
            // tags
            "<a/ >", "<a\u00a0/>", "</a>", "<a/><!-- c -->",
        };
        for (String xml : left) {
            assertLeftToTheParser(utf8(xml), xml);
        }
    }

    private static void assertLeftToTheParser(byte[] xml, String what) throws IOException, SAXException {
        assertThat(PlainXml.parse(xml, new Events())).as(what).isFalse();
        String viaParse;
        String viaParser;
        try {
            viaParse = Xml.parse(xml, Events::new).events.toString();
        } catch (SAXException e) {
            viaParse = "error: " + e.getMessage();
        }
        try {
            viaParser = parser(xml).toString();
        } catch (SAXException e) {
            viaParser = "error: " + e.getMessage();
        }
        assertThat(viaParse).as(what).isEqualTo(viaParser);
    }

    @Test
    void aDocumentLeftToTheParserIsReadWithAFreshHandler() throws IOException, SAXException {
        // a comment late in the document: the scanner has handed out events by then, which must not count
        byte[] xml = utf8("<a><b x=\"1\">t</b><!-- c --><b/></a>");
        List<Events> handlers = new ArrayList<>();

        Events read = Xml.parse(xml, () -> {
            Events e = new Events();
            handlers.add(e);
            return e;
        });

        assertThat(handlers).hasSize(2);
        assertThat(read).isSameAs(handlers.get(1));
        assertThat(read.events).containsExactly("<|a|a", "<|b|b [|x|x|CDATA]=1", "text:t", "</|b|b", "<|b|b",
                "</|b|b", "</|a|a");
    }

    @Test
    void whatTheHandlerThrowsIsThrown() {
        SAXException refused = new SAXException("refused");
        DefaultHandler refusing = new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
                throw refused;
            }
        };
        try {
            PlainXml.parse(utf8("<a/>"), refusing);
            throw new AssertionError("not thrown");
        } catch (SAXException e) {
            assertThat(e).isSameAs(refused);
        }
    }

    /**
     * A sheet read from its bytes ({@link PlainXml}) and through the parser gives the same table: entities, inline
     * and rich strings, empty cells, cells without a reference, formulas, numbers in styles, escapes; a row without
     * its number lies before the first row, as the parser's reading has it.
     */
    @Test
    void aSheetReadsTheSameByEitherWay() throws IOException, SAXException {
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><cols><col min=\"2\" max=\"3\" style=\"1\"/>"
                + "</cols><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>R&amp;D &lt;1&gt;</t></is></c>"
                + "<c t=\"inlineStr\"><is><r><t>Wu</t></r><r><rPr><i/></rPr><t xml:space=\"preserve\">han </t></r>"
                + "<rPh><t>x</t></rPh></is></c><c/><c s=\"1\"></c><c t=\"s\"><v>1</v></c></row>"
                + "<row r=\"3\"><c r=\"B3\"><v>0.25</v></c><c><v>7</v></c><c t=\"str\"><f>A1&amp;\"x\"</f>"
                + "<v>a_x000D_b &#20013;</v></c><c t=\"e\"><v>#N/A</v></c><c t=\"b\"><v>1</v></c></row>"
                + "<row><c><v>1</v></c></row></sheetData></worksheet>";
        String styles = "<styleSheet xmlns=\"" + MAIN + "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/>"
                + "<xf numFmtId=\"9\"/></cellXfs></styleSheet>";
        String strings = "<sst xmlns=\"" + MAIN + "\"><si><t>x</t></si><si><r><t>a &amp; </t></r><r><t>b</t></r>"
                + "</si></sst>";

        Table plain = SheetCells.read(utf8(sheet)).toTable("t.xlsx", "Data", CellStyles.read(utf8(styles)),
                SharedStrings.read(utf8(strings)), false, (s, r, c) -> "", new Problems());
        Table parsed = SheetCells.read(new ByteArrayInputStream(utf8(sheet))).toTable("t.xlsx", "Data",
                CellStyles.read(new ByteArrayInputStream(utf8(styles))),
                SharedStrings.read(new ByteArrayInputStream(utf8(strings))), false, (s, r, c) -> "", new Problems());

        assertThat(dump(plain)).isEqualTo(dump(parsed));
        assertThat(dump(plain)).containsExactly(
                "t.xlsx!Data!A1 TEXT NaN R&D <1>", "t.xlsx!Data!B1 TEXT NaN Wuhan ", "t.xlsx!Data!C1 BLANK NaN ",
                "t.xlsx!Data!D1 BLANK NaN ", "t.xlsx!Data!E1 TEXT NaN a & b",
                "t.xlsx!Data!A3 BLANK NaN ", "t.xlsx!Data!B3 NUMBER 25.0 25%", "t.xlsx!Data!C3 NUMBER 700.0 700%",
                "t.xlsx!Data!D3 TEXT NaN a\rb 中", "t.xlsx!Data!E3 ERROR NaN #N/A", "t.xlsx!Data!F3 TEXT NaN TRUE");
    }

    private static List<String> dump(Table t) {
        List<String> out = new ArrayList<>();
        for (int r = 1; r <= t.rowCount(); r++) {
            for (int c = 1; c <= t.columnCount(r); c++) {
                TableCell cell = t.cell(r, c);
                out.add(cell.where() + " " + cell.kind() + " " + cell.value() + " " + cell.text());
            }
        }
        return out;
    }
}
