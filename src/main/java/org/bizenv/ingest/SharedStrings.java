package org.bizenv.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * A workbook's shared strings ({@code xl/sharedStrings.xml}), read by streaming: the texts that text cells
 * ({@code t="s"}) point at by index, each as {@link RichText} reads it.
 */
final class SharedStrings {

    static final SharedStrings NONE = new SharedStrings(List.of());

    private final List<String> texts;

    private SharedStrings(List<String> texts) {
        this.texts = texts;
    }

    static SharedStrings read(InputStream in) throws IOException, SAXException {
        Handler h = new Handler();
        Xml.parse(in, h);
        return new SharedStrings(h.texts);
    }

    /** The part held in memory (see {@link Xml#parse(byte[], java.util.function.Supplier)}). */
    static SharedStrings read(byte[] part) throws IOException, SAXException {
        return new SharedStrings(Xml.parse(part, Handler::new).texts);
    }

    private static final class Handler extends Xml.Handler {
        final List<String> texts = new ArrayList<>();
        private final RichText rich = new RichText();
        private boolean inItem;

        @Override
        void open(String name, Attributes attributes) {
            if (inItem) {
                rich.open(name);
            } else if (depth() == 2 && name.equals("si")) {
                inItem = true;
                rich.start();
            }
        }

        @Override
        void close(String name) {
            if (inItem && depth() == 2) {
                inItem = false;
                texts.add(rich.text());
            } else if (inItem) {
                rich.close();
            }
        }

        @Override
        void text(char[] ch, int start, int length) {
            if (inItem) {
                rich.characters(ch, start, length);
            }
        }
    }

    /**
     * The text a {@code t="s"} cell's value points at; "" when the value is not an index of the table, as POI's
     * usermodel reads it.
     */
    String text(String value) {
        if (value == null) {
            return "";
        }
        try {
            int i = Integer.parseInt(value);
            return i >= 0 && i < texts.size() ? texts.get(i) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }
}
