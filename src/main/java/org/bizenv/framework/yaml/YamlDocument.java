package org.bizenv.framework.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a framework or scenario file into SnakeYAML's node tree, which keeps the line of every value. Whatever makes
 * the file unreadable is one problem naming the file and the line: a missing file, bytes that are not UTF-8, a file
 * over the size limit, a syntax error, an alias bomb, nesting beyond the depth limit, an alias that makes a list or
 * mapping contain itself. The limits are far above what a framework needs and far below what would exhaust memory:
 * the readers walk the tree with every alias expanded, so without them a kilobyte of nested aliases ("billion laughs")
 * would expand to billions of values.
 */
public final class YamlDocument {

    /** Largest file read, in bytes (the bundled frameworks are 13–31 kB). */
    public static final int MAX_BYTES = 8 << 20;
    /**
     * Most aliases ({@code *name}) of lists or mappings in one file. k levels of m aliases expand to m^k values, so a
     * budget of 25 aliases expands to at most a few thousand values whatever their arrangement; aliases of single
     * values expand nothing and are not limited.
     */
    public static final int MAX_ALIASES = 25;
    /** Deepest nesting of lists and mappings (a framework file nests 7 levels at most: an AHP matrix row). */
    public static final int MAX_DEPTH = 20;

    private YamlDocument() {
    }

    /**
     * The document of {@code file}, or null when it is empty or cannot be read, in which case the reason is added to
     * {@code problems}.
     *
     * @param what what the file is, for messages: "framework file", "scenario file"
     */
    public static Node read(Path file, String what, YamlProblems problems) {
        byte[] bytes = bytes(file, what, problems);
        if (bytes == null) {
            return null;
        }
        String text = utf8(bytes, what, problems);
        if (text == null) {
            return null;
        }
        return compose(text, what, problems);
    }

    /** The 1-based line where {@code n} starts. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private static byte[] bytes(Path file, String what, YamlProblems problems) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);        // never more than the limit in memory
            if (bytes.length > MAX_BYTES) {
                problems.add(0, "larger than " + (MAX_BYTES >> 20) + " MB (" + String.format(Locale.ROOT, "%,d",
                        MAX_BYTES) + " bytes), the limit for a " + what + ": is it the right file?");
                return null;
            }
            return bytes;
        } catch (NoSuchFileException e) {
            problems.add(0, "no such " + what);
        } catch (IOException e) {
            problems.add(0, "cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Strict UTF-8 (a byte-order mark is skipped); an invalid byte is a problem at its line, naming its offset. */
    private static String utf8(byte[] bytes, String what, YamlProblems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            problems.add(lineAtByte(bytes, at), "not UTF-8 text (byte " + at + ", 0x"
                    + String.format(Locale.ROOT, "%02X", bytes[at] & 0xFF) + "): save the " + what + " as UTF-8"
                    + encodingHint(bytes, at));
            return null;
        }
        return out.flip().toString();
    }

    private static int lineAtByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** What the file probably is instead: a hint in the message, never a decoding. */
    private static String encodingHint(byte[] bytes, int at) {
        int b0 = bytes[0] & 0xFF;
        int b1 = bytes.length > 1 ? bytes[1] & 0xFF : -1;
        if (at == 0 && (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE)) {
            return "; it is UTF-16 (\"Unicode\")";
        }
        int lead = bytes[at] & 0xFF;
        int trail = at + 1 < bytes.length ? bytes[at + 1] & 0xFF : -1;
        if (lead >= 0xA1 && lead <= 0xFE && trail >= 0xA1 && trail <= 0xFE) {
            return "; it may be GBK/GB18030, the usual encoding of Chinese text on Windows";
        }
        return "";
    }

    private static Node compose(String text, String what, YamlProblems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);                   // code points never outnumber the bytes checked
        Watched parser = new Watched(new ParserImpl(new StreamReader(new StringReader(text)), options));
        Node doc;
        try {
            doc = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            problems.add(e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    "not valid YAML: " + e.getProblem());
            return null;
        } catch (ReaderException e) {
            problems.add(lineAtCodePoint(text, e.getPosition()), "not valid YAML: the character U+"
                    + String.format(Locale.ROOT, "%04X", e.getCodePoint()) + " is not allowed in a YAML file");
            return null;
        } catch (YAMLException e) {
            // The composer's limits carry no position; the event it stopped at has one.
            int line = parser.last == null ? 0 : parser.last.getStartMark().getLine() + 1;
            if (parser.last instanceof AliasEvent) {
                problems.add(line, "more than " + MAX_ALIASES + " aliases (*name) of lists or mappings, the limit "
                        + "for a " + what + ": a file with this many is refused, as a YAML alias bomb would be");
            } else if (parser.depth >= MAX_DEPTH) {
                problems.add(line, "lists and mappings nested more than " + MAX_DEPTH + " levels deep, the limit "
                        + "for a " + what);
            } else {
                problems.add(line, "not valid YAML: " + e.getMessage());
            }
            return null;
        }
        if (doc != null && !rejectSelfContaining(doc, Collections.newSetFromMap(new IdentityHashMap<>()),
                Collections.newSetFromMap(new IdentityHashMap<>()), problems)) {
            return null;
        }
        return doc;
    }

    private static int lineAtCodePoint(String text, int codePoints) {
        int line = 1;
        int end = text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
            }
        }
        return line;
    }

    /**
     * YAML lets an alias refer to the collection it is in ({@code &a [*a]}); walking such a tree never ends, so it is a
     * problem at the anchor. Each node is walked once (aliases share nodes), so this is linear in the file.
     */
    private static boolean rejectSelfContaining(Node n, Set<Node> open, Set<Node> done, YamlProblems problems) {
        if (done.contains(n)) {
            return true;
        }
        if (!open.add(n)) {
            problems.add(n, "the alias *" + n.getAnchor() + " is inside the list or mapping &" + n.getAnchor()
                    + " it refers to, which would then contain itself without end");
            return false;
        }
        boolean ok = true;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                ok = ok && rejectSelfContaining(t.getKeyNode(), open, done, problems)
                        && rejectSelfContaining(t.getValueNode(), open, done, problems);
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                ok = ok && rejectSelfContaining(item, open, done, problems);
            }
        }
        open.remove(n);
        done.add(n);
        return ok;
    }

    /** Passes the parser's events on, remembering the last one seen and how deep in lists and mappings it is. */
    private static final class Watched implements Parser {
        private final Parser parser;
        Event last;
        int depth;

        Watched(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            boolean is = parser.checkEvent(choice);
            peekEvent();
            return is;
        }

        @Override
        public Event peekEvent() {
            Event next = parser.peekEvent();
            if (next != null) {
                last = next;
            }
            return next;
        }

        @Override
        public Event getEvent() {
            Event e = parser.getEvent();
            last = e;
            if (e instanceof CollectionStartEvent) {
                depth++;
            } else if (e instanceof CollectionEndEvent) {
                depth--;
            }
            return e;
        }
    }
}
