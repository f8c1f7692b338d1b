package org.bizenv.report.json;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;


/**
 * Two-space indentation with {@code \n} whatever the platform; {@code "name": value}; containers one entry per
 * line and empty ones as {@code {}} / {@code []}, unless {@link #inlineNext()} asked for the next container to
 * stay on one line ({@code ["a", "b"]}, {@code {"zh": "北京", "en": "Beijing"}}), which the writer does for arrays
 * of scalars and for bilingual names.
 */
final class LayoutPrinter implements PrettyPrinter {
    private int depth;
    private boolean nextInline;
    /** One entry per open container: true where it is written on one line. */
    private final Deque<Boolean> inline = new ArrayDeque<>();

    void inlineNext() {
        nextInline = true;
    }

    private boolean inlineNow() {
        return !inline.isEmpty() && inline.peek();
    }

    private void open(JsonGenerator g, char c) {
        // a container inside a one-line container stays on that line
        inline.push(nextInline || inlineNow());
        nextInline = false;
        g.writeRaw(c);
        depth++;
    }

    private void close(JsonGenerator g, char c, int entries) {
        depth--;
        boolean oneLine = inline.pop();
        if (entries > 0 && !oneLine) {
            newline(g);
        }
        g.writeRaw(c);
    }

    private void first(JsonGenerator g) {
        if (!inlineNow()) {
            newline(g);
        }
    }

    private void separator(JsonGenerator g) {
        g.writeRaw(',');
        if (inlineNow()) {
            g.writeRaw(' ');
        } else {
            newline(g);
        }
    }

    private void newline(JsonGenerator g) {
        g.writeRaw('\n');
        for (int i = 0; i < depth; i++) {
            g.writeRaw("  ");
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
        open(g, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
        first(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
        g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
        separator(g);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
        close(g, '}', entries);
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
        open(g, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        first(g);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
        separator(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
        close(g, ']', values);
    }
}
